import Foundation
import SablierApplication
import SablierCore
import SablierImport
import SablierRegister
import SablierSQLite
import SablierStore
import SablierTestSupport
import Testing

/// A real SQLite store in a temporary folder, the one cast of users, and the use cases over it
/// on a fixed day; the folder goes when the office does.
final class TestOffice {
    /// What the store holds before a test acts on it.
    enum Contents {
        /// Nothing: no `initialise` has run on the store.
        case uninitialised
        /// The RSI `admin` and the cast.
        case users
        /// The users and a calendar, imported by the records manager.
        case calendar(URL = Fixtures.exampleNative)
        /// The users, the example calendar, its boxes and the example register, with the example
        /// files copied into the folder, so that what a test changes or deletes is a copy.
        case register
        /// The users, `calendar` and the documents of `csv`, which name no file.
        case documents(calendar: URL, csv: String)
    }

    /// The day the tests act on: fixed, never today.
    static let day = CivilDate(iso: "2026-11-29")!
    /// The instant the office acts at: noon of `day`.
    static let now = WallClock.fixed(day).now

    /// Everybody the suites act as besides `admin`: `Cast.members`.
    static let cast = Cast.members

    let directory: TemporaryDirectory
    let store: SQLiteStore
    let sablier: Sablier
    /// The copy of `examples/` in the folder; it exists with `.register` only.
    let examples: URL

    init(_ contents: Contents = .users) async throws {
        directory = try TemporaryDirectory(prefix: "sablier-app")
        store = try SQLiteStore(path: AuditKeyFixture.keyed(directory.file("sablier.sqlite").path))
        sablier = Sablier(store: store, clock: .fixed(Self.day))
        examples = directory.file("examples")
        if case .uninitialised = contents { return }
        _ = try await store.initialize(admin: "admin", unit: "Direction générale", at: Self.now)
        for member in Self.cast {
            try await store.addUser(User(name: member.name, unit: member.unit, roles: member.roles), by: "admin", at: Self.now)
        }
        let register: URL
        switch contents {
        case .uninitialised, .users:
            return
        case .calendar(let calendar):
            try await importCalendar(calendar)
            return
        case .register:
            try await importCalendar(Fixtures.exampleNative)
            for box in ["B-2023-RF-01", "B-2014-RF-01"] {
                try await store.addBox(Box(code: box), by: "gestion.doc", at: Self.now)
            }
            register = try directory.copyExamples()
        case .documents(let calendar, let csv):
            try await importCalendar(calendar)
            register = try directory.write("registre.csv", csv)
        }
        let outcome = try await DocumentRegistrar(store: store)
            .importCSV(path: register.path, skipInvalid: false, actor: "gestion.doc", now: Self.now)
        try #require(outcome.registered > 0, "nothing registered: \(outcome)")
    }

    deinit { directory.remove() }

    private func importCalendar(_ file: URL) async throws {
        _ = try await CalendarImporter(store: store).importFile(path: file.path, actor: "gestion.doc", now: Self.now)
    }

    var databasePath: String { directory.file("sablier.sqlite").path }

    /// The copy of one of the example register's files.
    func exampleFile(_ name: String) -> URL {
        examples.appendingPathComponent("fichiers").appendingPathComponent(name)
    }

    func session(_ name: String) async throws -> Session {
        try await sablier.localSession(name)
    }

    /// The use cases over the same store on another fixed day.
    func on(_ day: String) -> Sablier {
        Sablier(store: store, clock: .fixed(CivilDate(iso: day)!))
    }

    /// The audit trail after `sequence`, oldest first.
    func audit(after sequence: Int = 0) async throws -> [AuditEntry] {
        try await store.auditEntries(since: nil, user: nil, target: nil).filter { $0.sequence > sequence }
    }

    /// The refusals audited after `sequence`, oldest first.
    func refusals(after sequence: Int = 0) async throws -> [AuditEntry] {
        try await audit(after: sequence).filter { $0.action == "refused" }
    }

    /// The sequence of the newest audit entry, 0 when there is none.
    func lastSequence() async throws -> Int {
        try await audit().last?.sequence ?? 0
    }
}

/// The refusal `body` throws; an issue at the caller when it throws nothing or another error.
func thrownRefusal<T, E: Error>(sourceLocation: Testing.SourceLocation = #_sourceLocation,
                                _ body: () async throws(E) -> T) async -> Refusal? {
    do {
        _ = try await body()
    } catch let refusal as Refusal {
        return refusal
    } catch {
        Issue.record("expected a refusal, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
    Issue.record("expected a refusal, but it succeeded", sourceLocation: sourceLocation)
    return nil
}
