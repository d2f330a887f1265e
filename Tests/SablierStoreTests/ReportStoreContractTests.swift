import Foundation
import SablierCore
import SablierImport
import SablierRegister
import SablierStore
import SablierTestSupport
import Testing

/// What every `ReportStore` backend must count, on the example calendar and register: the
/// dispositions done in `[from, until)` to the microsecond, by unit, rule, action, outcome and
/// list (a sort by its decision, transfers left out); documents and boxes by unit and phase;
/// each user's newest audit entry.
@Suite("ReportStore contract")
struct ReportStoreContractTests {
    /// Noon UTC, so the civil day is 2026-11-29 wherever the tests run.
    let now = ISO8601DateFormatter().date(from: "2026-11-29T12:00:00Z")!
    let asOf = CivilDate(iso: "2026-11-29")!
    let microsecond = 0.000_001

    func withExampleRegister<T>(_ backend: Backend, _ body: (any SablierStorage) async throws -> T) async throws -> T {
        try await ExampleRegister.with(backend, at: now) { store, _ in try await body(store) }
    }

    /// Proposes, approves and carries out the list of `action` due on the test day, at `now`.
    func execute(_ store: any SablierStorage, _ action: DueAction, sort decision: SortDecision? = nil) async throws -> Int {
        let proposal = try await store.proposeDisposition(asOf: asOf, action: action, by: "archiviste", at: now)
        if let decision {
            for item in proposal.items {
                try await store.decideSort(list: proposal.list.number, reference: item.reference, decision: decision, reason: "Valeur de témoignage",
                                           by: "archiviste", at: now)
            }
        }
        try await store.approveDisposition(proposal.list.number, by: "directrice", at: now)
        _ = try await DispositionExecutor(store: store).execute(proposal.list.number, method: "déchiquetage", vendorCertificate: "V-1",
                                                                by: "technicien", at: now)
        return proposal.list.number
    }

    @Test("dispositions done at an instant are counted in [from, until): from it, not after it; by unit, rule, outcome and list; transfers left out",
          arguments: Backend.allCases)
    func dispositionBounds(backend: Backend) async throws {
        try await withExampleRegister(backend) { store in
            let destroyed = try await execute(store, .destroy)
            let sorted = try await execute(store, .sort, sort: .keep)
            _ = try await execute(store, .transfer)
            let tallies = try await store.dispositionTallies(from: now, until: now.addingTimeInterval(microsecond))
            // The store knows nothing of reviews: RF-PAIE-2018 is destroyed with the three others.
            #expect(tallies.sorted { ($0.list, $0.holder) < ($1.list, $1.holder) } == [
                DispositionTally(holder: "Ressources financières", rule: "2201", action: .destroy, outcome: .destroyed, list: destroyed,
                                 method: "déchiquetage", vendorCertificate: "V-1", count: 1, destroyedWithoutFile: 0),
                DispositionTally(holder: "Secrétariat général", rule: "1201", action: .destroy, outcome: .destroyed, list: destroyed,
                                 method: "déchiquetage", vendorCertificate: "V-1", count: 1, destroyedWithoutFile: 0),
                DispositionTally(holder: "École primaire des Érables (exemple)", rule: "7101", action: .destroy, outcome: .destroyed,
                                 list: destroyed, method: "déchiquetage", vendorCertificate: "V-1", count: 2, destroyedWithoutFile: 1),
                DispositionTally(holder: "Ressources financières", rule: "3102", action: .sort, outcome: .kept, list: sorted,
                                 method: "déchiquetage", vendorCertificate: "V-1", count: 1, destroyedWithoutFile: 0),
            ])
            #expect(try await store.dispositionTallies(from: now.addingTimeInterval(microsecond), until: now.addingTimeInterval(60)).isEmpty)
            #expect(try await store.dispositionTallies(from: now.addingTimeInterval(-60), until: now).isEmpty)
            #expect(try await store.reportYearEnd() == .schoolYearEnd)
            let titles = try await store.ruleTitles(["1201", "7101", "9999"])
            #expect(Set(titles.keys) == ["1201", "7101"])
            #expect(titles["1201"] == (try await store.rule("1201", version: 1))?.title)
        }
    }

    @Test("documents by unit, phase and support, and boxes by unit and phase with their size", arguments: Backend.allCases)
    func volumes(backend: Backend) async throws {
        try await withExampleRegister(backend) { store in
            let documents = try await store.documentTallies()
            #expect(documents.reduce(0) { $0 + $1.count } == 12)
            #expect(documents.filter { $0.holder == "Secrétariat général" }.map(\.count).sorted() == [1, 3])
            #expect(documents.allSatisfy { $0.phase == .actif })
            let boxes = try await store.boxTallies().sorted { $0.box < $1.box }
            #expect(boxes == [
                BoxTally(box: "B-2014-RF-01", holder: "Ressources financières", phase: .actif, documents: 1, linearMillimetres: nil),
                BoxTally(box: "B-2023-RF-01", holder: "Ressources financières", phase: .actif, documents: 1, linearMillimetres: nil),
            ])
        }
    }

    @Test("each user's last activity is the time of their newest audit entry, failed sign-ins and locks aside; none for a user without one", arguments: Backend.allCases)
    func lastActivity(backend: Backend) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory)
            _ = try await store.initialize(admin: "admin", unit: "Direction générale", at: now)
            try await store.addUser(User(name: "rh", unit: "Ressources humaines", roles: [.detenteur]), by: "admin", at: now)
            try await store.addUser(User(name: "sg", unit: "Secrétariat général", roles: [.utilisateur]), by: "admin", at: now)
            let later = now.addingTimeInterval(86_400 * 3)
            _ = try await store.appendAudit(user: "rh", action: "refused", target: "use case test", details: [:], at: later)
            _ = try await store.appendAudit(user: "rh", action: "refused", target: "use case test", details: [:], at: now.addingTimeInterval(60))
            // A failed sign-in under rh's name, later still, is whoever typed it: not rh's activity.
            _ = try await store.appendAudit(user: "rh", action: "auth.failure", target: "user rh", details: [:], at: later)
            _ = try await store.appendAudit(user: "sg", action: "auth.lock", target: "user sg", details: [:], at: later)
            let users = try await store.userActivity()
            #expect(users.map(\.name) == ["admin", "rh", "sg"])
            // The newest entry by sequence, whatever its time.
            #expect(users[1].lastActivity == now.addingTimeInterval(60))
            #expect(users[1].roles == [.detenteur] && users[1].createdBy == "admin" && users[1].createdAt == now && users[1].active)
            #expect(users[2].lastActivity == nil)
            #expect(users[0].lastActivity == now && users[0].roles == [.rsi])
        }
    }
}
