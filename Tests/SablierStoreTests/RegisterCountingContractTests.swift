import Foundation
import SablierCore
import SablierImport
import SablierStore
import SablierTestSupport
import Testing

/// Documents handed over as an `AsyncSequence` of batches are counted by whoever the store
/// chooses (SQLite counts each batch in the caller's task while its writer thread writes the
/// previous ones, with the newest counter that thread handed over): the register must then hold
/// exactly what it holds when the documents come in one call, rule holds and rules read late
/// included.
@Suite("RegisterStore contract: documents registered from batches")
struct RegisterCountingContractTests {
    /// Noon UTC, so the civil day is 2026-11-29 wherever the tests run.
    let now = ISO8601DateFormatter().date(from: "2026-11-29T12:00:00Z")!

    /// `documents` in batches of `size`, as an `AsyncSequence`.
    static func batches(_ documents: [NewDocument], size: Int) -> AsyncThrowingStream<[NewDocument], any Error> {
        AsyncThrowingStream { continuation in
            for start in stride(from: 0, to: documents.count, by: size) {
                continuation.yield(Array(documents[start..<min(start + size, documents.count)]))
            }
            continuation.finish()
        }
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
    /// in batches of `size` (nil: in one call); returns what it holds of each.
    func register(_ backend: Backend, _ documents: [NewDocument], size: Int?)
        async throws -> [String: (RegisteredDocument, [LifecycleEvent])] {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory)
            try await ExampleRegister.importCalendar(into: store, at: now)
            _ = try await store.placeHold(.rule("7101"), reason: "Demande d'accès en cours", by: "aiprp", at: now)
            if let size {
                #expect(try await store.registerDocuments(visibility: nil, by: "gestion.doc", at: now) { _ in
                    Self.batches(documents, size: size)
                } == documents.count)
            } else {
                #expect(try await store.registerDocuments(documents, by: "gestion.doc", at: now) == documents.count)
            }
            var held: [String: (RegisteredDocument, [LifecycleEvent])] = [:]
            for document in try await store.documents(matching: nil, limit: nil) {
                held[document.document.reference] = (document, try await store.events(of: document.document.reference).map(\.event))
            }
            return held
        }
    }

    @Test("documents registered from batches give the register one call gives", arguments: Backend.allCases)
    func sameAsOneCall(_ backend: Backend) async throws {
        let documents = documents(1_500)
        let byBatches = try await register(backend, documents, size: 100)
        let inOneCall = try await register(backend, documents, size: nil)
        #expect(byBatches.count == documents.count && inOneCall.count == documents.count)
        for new in documents {
            let reference = new.document.reference
            let (batched, batchedEvents) = try #require(byBatches[reference])
            let (whole, wholeEvents) = try #require(inOneCall[reference])
            #expect(batched.retention == whole.retention, "\(reference)")
            #expect(batched.phase == whole.phase && batched.held == whole.held, "\(reference)")
            #expect(batchedEvents == wholeEvents, "\(reference)")
        }
        // The rule hold covers the documents of 7101 registered after it, however they came.
        let heldReferences = documents.filter { $0.document.rule == "7101" }.map(\.document.reference)
        #expect(!heldReferences.isEmpty)
        #expect(heldReferences.allSatisfy { byBatches[$0]?.0.held == true })
        #expect(byBatches.values.contains { $0.0.retention.waiting != nil })
    }

    struct Failing: Error {}

    @Test("batches failing part-way register nothing and their error comes back; the lookup answers what was there before",
          arguments: Backend.allCases)
    func failingSource(_ backend: Backend) async throws {
        let documents = documents(300)
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory)
            try await ExampleRegister.importCalendar(into: store, at: now)
            try await store.registerDocuments(Array(documents.prefix(10)), by: "gestion.doc", at: now)
            let rest = Array(documents.dropFirst(10))
            // Two batches, a lookup between them, then a failure.
            await #expect(throws: Failing.self) {
                try await store.registerDocuments(visibility: nil, by: "gestion.doc", at: now) { registered in
                    AsyncThrowingStream<[NewDocument], any Error> { continuation in
                        Task {
                            continuation.yield(Array(rest.prefix(100)))
                            do {
                                #expect(!registered.isEmpty)
                                #expect(try await registered(["C-0", "C-9", "C-10", "NOWHERE"]) == ["C-0", "C-9"])
                            } catch {
                                Issue.record(error)
                            }
                            continuation.yield(Array(rest.dropFirst(100)))
                            continuation.finish(throwing: Failing())
                        }
                    }
                }
            }
            #expect(try await store.documents(matching: nil, limit: nil).count == 10)
            // The same batches without the failure are registered; the lookup, asked after the
            // first, still answers what was there before this registration.
            let count = try await store.registerDocuments(visibility: nil, by: "gestion.doc", at: now) { registered in
                AsyncThrowingStream<[NewDocument], any Error> { continuation in
                    Task {
                        continuation.yield(Array(rest.prefix(100)))
                        do {
                            #expect(try await registered(["C-0", "C-10"]) == ["C-0"])
                        } catch {
                            Issue.record(error)
                        }
                        continuation.yield(Array(rest.dropFirst(100)))
                        continuation.finish()
                    }
                }
            }
            #expect(count == rest.count)
            #expect(try await store.documents(matching: nil, limit: nil).count == documents.count)
        }
    }
}
