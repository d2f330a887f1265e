import Foundation
import SablierStore
import SablierTestSupport
import Testing
@testable import SablierSQLite

/// What only the SQLite backend does: opening files, recognising its own, its PRAGMAs.
@Suite("SQLite only — store files")
struct SQLiteStoreTests {
    @Test("a file that is not SQLite is refused with a clear error")
    func notSQLite() async throws {
        try await withTemporaryDirectory { directory in
            let file = try directory.write("calendrier.xml", "<?xml version=\"1.0\"?>\n<calendrier>\(String(repeating: "<regle/>", count: 200))</calendrier>\n")
            let before = try Data(contentsOf: file)
            let error = #expect(throws: StoreError.self) { try SQLiteStore(path: file.path) }
            #expect(error?.code == .notADatabase)
            #expect(error?.description == "database file \(file.path) is not a Sablier store: it is not a database")
            #expect(try Data(contentsOf: file) == before)
        }
    }

    @Test("another program's SQLite database is refused and left untouched")
    func foreignSQLite() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.file("factures.sqlite").path
            try SQLiteStore.executeUnchecked("CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL)", inDatabaseAt: path)
            let error = #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
            #expect(error?.code == .notASablierStore)
            #expect(error?.description == "database file \(path) is not a Sablier store: it is an SQLite database of another program (tables invoice)")
            #expect(try SQLiteStore.fetchUncheckedInt("SELECT COUNT(*) FROM sqlite_master", inDatabaseAt: path) == 1)
            #expect(try SQLiteStore.fetchUncheckedInt("PRAGMA application_id", inDatabaseAt: path) == 0)
        }
    }

    @Test("a database marked with another application id is refused")
    func foreignApplicationID() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.file("autre.sqlite").path
            try SQLiteStore.executeUnchecked("PRAGMA application_id = 42", inDatabaseAt: path)
            let error = #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
            #expect(error?.code == .notASablierStore)
            #expect(error?.description.contains("application id is 42") == true)
        }
    }

    @Test("a store with a migration this Sablier does not know is refused")
    func newerSchema() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.file("sablier.sqlite").path
            _ = try SQLiteStore(path: AuditKeyFixture.keyed(path))
            try SQLiteStore.executeUnchecked("INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')", inDatabaseAt: path)
            let error = #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
            #expect(error?.code == .newerSchema)
            #expect(error?.description.contains("was created by a newer Sablier (schema migration v9-future unknown)") == true)
        }
    }

    @Test("a new store records its migrations, its application id, and enforces foreign keys")
    func newStore() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.file("sablier.sqlite").path
            // An empty file is an empty SQLite database: it becomes a store.
            try directory.write("sablier.sqlite", "")
            let store = try SQLiteStore(path: AuditKeyFixture.keyed(path))
            #expect(try await store.foreignKeysEnforced())
            #expect(try SQLiteStore.fetchUncheckedInt("PRAGMA application_id", inDatabaseAt: path) == SQLiteStore.applicationID)
            #expect(try SQLiteStore.fetchUncheckedInt("SELECT COUNT(*) FROM grdb_migrations", inDatabaseAt: path) == StoreSchema.migrations.count)
            for migration in StoreSchema.migrations {
                #expect(try SQLiteStore.fetchUncheckedInt(
                    "SELECT COUNT(*) FROM grdb_migrations WHERE identifier = '\(migration.name)'", inDatabaseAt: path) == 1)
            }
            // Reopening applies nothing twice.
            _ = try SQLiteStore(path: AuditKeyFixture.keyed(path))
            #expect(try SQLiteStore.fetchUncheckedInt("SELECT COUNT(*) FROM grdb_migrations", inDatabaseAt: path) == StoreSchema.migrations.count)
        }
    }

    @Test("a new store has 16 KiB pages; a store made with 4 KiB pages keeps them and works")
    func pageSize() async throws {
        try await withTemporaryDirectory { directory in
            let fresh = directory.file("fresh.sqlite").path
            _ = try SQLiteStore(path: AuditKeyFixture.keyed(fresh))
            #expect(try SQLiteStore.fetchUncheckedInt("PRAGMA page_size", inDatabaseAt: fresh) == 16_384)

            // A store as an earlier Sablier made it: 4 KiB pages, marked, nothing migrated yet.
            let older = directory.file("older.sqlite").path
            try SQLiteStore.executeUnchecked("PRAGMA page_size = 4096; PRAGMA application_id = \(SQLiteStore.applicationID)", inDatabaseAt: older)
            let store = try SQLiteStore(path: AuditKeyFixture.keyed(older))
            #expect(try SQLiteStore.fetchUncheckedInt("PRAGMA page_size", inDatabaseAt: older) == 4_096)
            #expect(try SQLiteStore.fetchUncheckedInt("SELECT COUNT(*) FROM grdb_migrations", inDatabaseAt: older) == StoreSchema.migrations.count)
            #expect(try await store.foreignKeysEnforced())
        }
    }

    @Test("a path in a missing directory cannot be opened")
    func missingDirectory() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.file("absent/sablier.sqlite").path
            let error = #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
            #expect(error?.code == .cannotOpen)
            #expect(error?.description.hasPrefix("cannot open the database \(path): ") == true)
        }
    }

    @Test("stored values that do not decode are reported as corrupt data")
    func corruptData() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.file("sablier.sqlite").path
            let store = try SQLiteStore(path: AuditKeyFixture.keyed(path))
            _ = try await store.addCalendarVersion(Samples.version(Samples.rich))
            try SQLiteStore.executeUnchecked("UPDATE calendar_version SET source_format = 'pdf'", inDatabaseAt: path)
            let error = await #expect(throws: StoreError.self) { try await store.calendarVersions() }
            #expect(error?.code == .corruptData)
            #expect(error?.description.contains("'pdf'") == true)
        }
    }
}
