import Foundation
import SablierCore
import SablierImport
import SablierStore
import SablierTestSupport
import Testing

/// A source of documents may count them on its own thread with the counter the store hands it
/// (`DocumentBatches.count(with:)`): the register must then hold exactly what it holds when the
/// store counts every document itself, rule holds and rules it reads late included.
@Suite("RegisterStore contract: documents counted by their source")
struct RegisterCountingContractTests {
    /// Noon UTC, so the civil day is 2026-11-29 wherever the tests run.
    let now = ISO8601DateFormatter().date(from: "2026-11-29T12:00:00Z")!

    /// Hands fixed documents in batches; when `counting`, counts each batch, as it is asked for
    /// it, with the newest counter the store handed over (documents of a rule it does not hold
    /// yet are left uncounted, as a source must).
    final class Batches: DocumentBatches, @unchecked Sendable { // used by the store's one thread, one call at a time
        private var remaining: ArraySlice<NewDocument>
        private let size: Int
        private let counting: Bool
        private var counter: RetentionCounter?
        private var statuses: [RetentionStatus?]?
        /// Counters handed over, and documents counted with them.
        private(set) var countersReceived = 0
        private(set) var counted = 0

        init(_ documents: [NewDocument], size: Int, counting: Bool) {
            remaining = documents[...]
            self.size = size
            self.counting = counting
        }

        func next(_ registered: RegisteredBefore) throws -> [NewDocument]? {
            guard !remaining.isEmpty else { return nil }
            let batch = Array(remaining.prefix(size))
            remaining = remaining.dropFirst(size)
            statuses = nil
            if counting, var counter {
                statuses = batch.map { new in
                    guard counter.hasRule(new.document.rule) else { return nil }
                    return counter.status(of: new.document, events: new.events, held: false)
                }
                counted += statuses!.compactMap { $0 }.count
                self.counter = counter
            }
            return batch
        }

        func count(with counter: RetentionCounter) {
            countersReceived += 1
            if counting { self.counter = counter }
        }

        func countedStatuses() -> [RetentionStatus?]? { statuses }
    }

    /// Documents of every example rule and of a rule the calendar lacks, both copies, with and
    /// without dates, some with the 888 event their rule waits for, a closing or a transfer, in
    /// a fixed pseudo-random mix; rules appear a few at a time, so the store reads some late.
    func documents(_ count: Int) -> [NewDocument] {
        let rules = ["1101", "1102", "1201", "2101", "2201", "3101", "3102", "3201", "7101", "7102", "7201", "7301", "7401",
                     "8101", "9101", "ABSENTE"]
        let names = ["fin de l'emploi", "départ de l'élève", "fin de la scolarité de l'élève", "fin du contrat", "autre chose"]
        var seed: UInt64 = 0x5AB1_1E2
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        func date() -> CivilDate { CivilDate(year: 2012 + next(15), month: 1 + next(12), day: 1 + next(28))! }
        return (0..<count).map { index in
            // The first documents name the first rules only; later ones any rule.
            let rule = rules[next(min(rules.count, 2 + index / 40))]
            let document = Document(
                reference: "C-\(index)", title: "Dossier \(index)", rule: rule, copy: next(4) == 0 ? .secondaire : .principal,
                holder: "Secrétariat général", support: .papier,
                openedOn: next(6) == 0 ? nil : date(), closedOn: next(3) == 0 ? nil : date())
            var events: [LifecycleEvent] = []
            switch next(6) {
            case 0: events.append(LifecycleEvent(kind: .eventOccurred, on: date(), by: "gestion.doc", name: names[next(names.count)]))
            case 1: events.append(LifecycleEvent(kind: .closed, on: date(), by: "gestion.doc"))
            case 2: events.append(LifecycleEvent(kind: .transferred, on: date(), by: "gestion.doc"))
            default: break
            }
            return NewDocument(document: document, events: events)
        }
    }

    /// A store holding the example calendar and a hold on rule 7101, registering `documents`
    /// from `batches`; returns what it holds of each.
    func register(_ backend: Backend, _ batches: Batches, _ documents: [NewDocument])
        async throws -> [String: (RegisteredDocument, [LifecycleEvent])] {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory)
            try await ExampleRegister.importCalendar(into: store, at: now)
            _ = try await store.placeHold(.rule("7101"), reason: "Demande d'accès en cours", by: "aiprp", at: now)
            #expect(try await store.registerDocuments(from: batches, by: "gestion.doc", at: now) == documents.count)
            var held: [String: (RegisteredDocument, [LifecycleEvent])] = [:]
            for document in try await store.documents(matching: nil, limit: nil) {
                held[document.document.reference] = (document, try await store.events(of: document.document.reference).map(\.event))
            }
            return held
        }
    }

    @Test("statuses a source counts with the store's counter give the register the store would count itself",
          arguments: Backend.allCases)
    func sameAsTheStore(_ backend: Backend) async throws {
        let documents = documents(1_500)
        let counting = Batches(documents, size: 100, counting: true)
        let plain = Batches(documents, size: 100, counting: false)
        let byTheSource = try await register(backend, counting, documents)
        let byTheStore = try await register(backend, plain, documents)

        // SQLite hands its counter over (a performance detail of that store): the source then
        // counted most documents, with counters handed over again as rules were read. What
        // every backend must do is below: the same register whoever counted.
        if backend == .sqlite {
            #expect(counting.counted > documents.count / 2)
            #expect(counting.countersReceived > 1)
        }
        #expect(byTheSource.count == documents.count && byTheStore.count == documents.count)
        for new in documents {
            let reference = new.document.reference
            let (source, sourceEvents) = try #require(byTheSource[reference])
            let (store, storeEvents) = try #require(byTheStore[reference])
            #expect(source.retention == store.retention, "\(reference)")
            #expect(source.phase == store.phase && source.held == store.held, "\(reference)")
            #expect(sourceEvents == storeEvents, "\(reference)")
        }
        // The rule hold covers the documents of 7101 registered after it, counted by either.
        let heldReferences = documents.filter { $0.document.rule == "7101" }.map(\.document.reference)
        #expect(!heldReferences.isEmpty)
        #expect(heldReferences.allSatisfy { byTheSource[$0]?.0.held == true })
        #expect(byTheSource.values.contains { $0.0.retention.waiting != nil })
    }

    @Test("a status counted under another calendar version is not taken", arguments: Backend.allCases)
    func otherVersionIgnored(_ backend: Backend) async throws {
        let documents = Array(documents(300).filter { $0.document.rule == "1101" || $0.document.rule == "1102" }.prefix(50))
        final class Stale: DocumentBatches, @unchecked Sendable { // used by the store's one thread, one call at a time
            var documents: [NewDocument]?
            var handed: [NewDocument] = []
            init(_ documents: [NewDocument]) { self.documents = documents }
            func next(_ registered: RegisteredBefore) throws -> [NewDocument]? {
                handed = documents ?? []
                defer { documents = nil }
                return documents
            }
            func countedStatuses() -> [RetentionStatus?]? {
                handed.map { _ in RetentionStatus.ruleNotInCalendar(version: 99) }
            }
        }
        let registered = try await register(backend, Batches(documents, size: 50, counting: false), documents)
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory)
            try await ExampleRegister.importCalendar(into: store, at: now)
            _ = try await store.placeHold(.rule("7101"), reason: "Demande d'accès en cours", by: "aiprp", at: now)
            try await store.registerDocuments(from: Stale(documents), by: "gestion.doc", at: now)
            for new in documents {
                let stored = try #require(try await store.document(new.document.reference))
                #expect(stored.retention == registered[new.document.reference]?.0.retention)
                #expect(stored.retention.calendarVersion == 1)
            }
        }
    }
}
