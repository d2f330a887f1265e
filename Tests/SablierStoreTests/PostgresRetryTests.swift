import Foundation
import SablierCore
import SablierStore
import SablierTestSupport
import Synchronization
import Testing
@testable import SablierPostgres

/// The PostgreSQL store runs a write again, whole, when the server refuses it on serialization
/// (40001) or a deadlock (40P01): both happen between real writers only by chance, so the
/// test's database provokes them. A trigger deferred to COMMIT raises the chosen SQLSTATE on the
/// first attempts: it fires after the whole body ran and registered its `onCommit` actions, so
/// the attempt refused is exactly one whose effects must all vanish. The attempts are counted by
/// a sequence, which a rollback does not take back.
@Suite("PostgreSQL store: a write refused on serialization or a deadlock is run again, whole, and once only")
struct PostgresRetryTests {
    static let enabled = Backend.allCases.contains(.postgres)
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// Installs the provocation: every row inserted into `table` counts one attempt at COMMIT,
    /// refused with `provocation.code` while the attempts are at most `provocation.refusals`.
    static func provoke(_ store: PostgresStore, on table: String) async throws {
        try await store.write("installing the provocation") { tx in
            try await tx.execute("CREATE TABLE IF NOT EXISTS provocation (code TEXT NOT NULL, refusals INTEGER NOT NULL)")
            try await tx.execute("CREATE SEQUENCE IF NOT EXISTS provocation_attempts")
            try await tx.execute("""
                CREATE OR REPLACE FUNCTION provoke() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE p provocation;
                BEGIN
                    SELECT * INTO p FROM provocation;
                    IF nextval('provocation_attempts') <= p.refusals THEN
                        RAISE EXCEPTION 'provoked by the test' USING ERRCODE = p.code;
                    END IF;
                    RETURN NULL;
                END $$
                """)
            try await tx.execute("""
                CREATE CONSTRAINT TRIGGER provoke AFTER INSERT ON \(table)
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION provoke()
                """)
        }
    }

    /// The next attempts: the first `refusals` refused with `code`; the count starts again.
    static func refuse(_ refusals: Int, with code: String, _ store: PostgresStore) async throws {
        try await store.write("setting the provocation") { tx in
            try await tx.execute("DELETE FROM provocation")
            try await tx.execute("INSERT INTO provocation (code, refusals) VALUES (?, ?)", [.text(code), .integer(refusals)])
            try await tx.execute("ALTER SEQUENCE provocation_attempts RESTART")
        }
    }

    /// How many attempts the provocation counted since it was last set.
    static func attempts(_ store: PostgresStore) async throws -> Int {
        try await store.read("counting attempts") { tx in
            try await tx.scalar(Int.self, "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM provocation_attempts") ?? 0
        }
    }

    @Test("refused once at COMMIT (40001), adding a user commits once: one user, one audit entry, the head file at it",
          .enabled(if: enabled, "SABLIER_TEST_POSTGRES is not set"))
    func serializationFailureRetried() async throws {
        try await withTemporaryDirectory { directory in
            let store = try await Backend.postgres.makeStore(in: directory, as: PostgresStore.self)
            _ = try await store.initialize(admin: "admin", unit: "SI", at: now)
            try await Self.provoke(store, on: "audit_entry")
            try await Self.refuse(1, with: "40001", store)

            try await store.addUser(User(name: "gd", unit: "SG", roles: [.gestionDocumentaire]), by: "admin", at: now.addingTimeInterval(1))

            #expect(try await Self.attempts(store) == 2)
            #expect(try await store.users().map(\.name) == ["admin", "gd"])
            let entries = try await store.auditEntries(since: nil, user: nil, target: nil)
            #expect(entries.map(\.action) == ["store.init", "user.add"])
            #expect(try await store.verifyAudit(checkpoint: nil) == AuditChain.Verification(entries: 2, problem: nil, keyedFrom: 1, head: 2))
        }
    }

    @Test("refused twice at COMMIT (a deadlock, 40P01), the body runs three times and its onCommit actions once",
          .enabled(if: enabled, "SABLIER_TEST_POSTGRES is not set"))
    func deadlockRetriedOnCommitOnce() async throws {
        try await withTemporaryDirectory { directory in
            let store = try await Backend.postgres.makeStore(in: directory, as: PostgresStore.self)
            try await store.write("making the test's table") { tx in
                try await tx.execute("CREATE TABLE provoked_row (attempt INTEGER NOT NULL)")
            }
            try await Self.provoke(store, on: "provoked_row")
            try await Self.refuse(2, with: "40P01", store)
            let bodies = Count(), commits = Count()

            let result = try await store.write("writing a provoked row") { tx in
                let attempt = bodies.add()
                try await tx.execute("INSERT INTO provoked_row (attempt) VALUES (?)", [.integer(attempt)])
                tx.onCommit { commits.add() }
                return attempt
            }

            #expect(result == 3)
            #expect(bodies.value == 3)
            #expect(commits.value == 1)
            let rows = try await store.read("reading the rows") { tx in
                try await tx.scalar(String.self, "SELECT string_agg(CAST(attempt AS TEXT), ',' ORDER BY attempt) FROM provoked_row")
            }
            #expect(rows == "3")
        }
    }

    @Test("refused more often than the store retries, a write fails as a StoreError naming the operation and the SQLSTATE, and leaves nothing",
          .enabled(if: enabled, "SABLIER_TEST_POSTGRES is not set"))
    func refusedBeyondRetries() async throws {
        try await withTemporaryDirectory { directory in
            let store = try await Backend.postgres.makeStore(in: directory, as: PostgresStore.self)
            _ = try await store.initialize(admin: "admin", unit: "SI", at: now)
            try await Self.provoke(store, on: "audit_entry")
            try await Self.refuse(1_000, with: "40001", store)

            let error = await #expect(throws: StoreError.self) {
                try await store.addUser(User(name: "gd", unit: "SG", roles: [.gestionDocumentaire]), by: "admin", at: now.addingTimeInterval(1))
            }
            #expect(error?.code == .databaseFailure)
            let said = error.map(String.init(describing:)) ?? ""
            #expect(said.contains("adding user gd") && said.contains("40001"), "\(said)")
            #expect(try await Self.attempts(store) == PostgresStore.retries + 1)

            try await Self.refuse(0, with: "40001", store)
            #expect(try await store.users().map(\.name) == ["admin"])
            #expect(try await store.auditEntries(since: nil, user: nil, target: nil).map(\.action) == ["store.init"])
            #expect(try await store.verifyAudit(checkpoint: nil) == AuditChain.Verification(entries: 1, problem: nil, keyedFrom: 1, head: 1))
        }
    }

    @Test("registering an array of documents refused once at COMMIT is run again: every document registered once",
          .enabled(if: enabled, "SABLIER_TEST_POSTGRES is not set"))
    func arrayRegistrationRetried() async throws {
        try await ExampleRegister.with(.postgres) { storage, _ in
            let store = try #require(storage as? PostgresStore)
            let before = try await store.documents(matching: nil, limit: nil).count
            let entries = try await store.auditEntries(since: nil, user: nil, target: nil).count
            try await Self.provoke(store, on: "document")
            try await Self.refuse(1, with: "40001", store)

            let count = try await store.registerDocuments([NewDocument(document: Document(
                reference: "ELV-2011-0002", title: "Dossier de l'élève 2011-0002", rule: "7101", copy: .principal,
                holder: "École primaire des Érables (exemple)", support: .papier, openedOn: CivilDate(iso: "2005-08-30"),
                closedOn: CivilDate(iso: "2013-06-20")))], by: "gestion.doc", at: now)

            #expect(count == 1)
            #expect(try await Self.attempts(store) == 2)
            #expect(try await store.documents(matching: nil, limit: nil).count == before + 1)
            let added = try await store.auditEntries(since: nil, user: nil, target: nil).dropFirst(entries)
            #expect(added.map(\.action) == ["document.register"])
            #expect(try await store.verifyAudit(checkpoint: nil).problem == nil)
        }
    }
}

/// A count shared with the store's closures, which may run on any thread.
private final class Count: Sendable {
    private let count = Atomic<Int>(0)

    @discardableResult
    func add() -> Int { count.add(1, ordering: .relaxed).newValue }

    var value: Int { count.load(ordering: .relaxed) }
}
