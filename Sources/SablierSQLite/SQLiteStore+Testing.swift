import GRDB
import SablierStore

extension SQLiteStore {
    /// Runs SQL on a database file with none of the store's checks, for tests that need a
    /// foreign or tampered file (reached through `@testable import SablierSQLite`, so tests
    /// need not depend on GRDB).
    static func executeUnchecked(_ sql: String, inDatabaseAt path: String) throws {
        let database = try DatabaseQueue(path: path)
        try database.writeWithoutTransaction { try $0.execute(sql: sql) }
        try database.close()
    }

    /// One integer from SQL on a database file, with none of the store's checks (tests only).
    static func fetchUncheckedInt(_ sql: String, inDatabaseAt path: String) throws -> Int? {
        let database = try DatabaseQueue(path: path)
        defer { try? database.close() }
        return try database.read { try Int.fetchOne($0, sql: sql) }
    }
}

extension SQLiteStore {
    /// Whether the store's own connection enforces foreign keys (tests only).
    func foreignKeysEnforced() async throws -> Bool {
        try await database.read { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") ?? false }
    }
}

extension SQLiteStore {
    /// Creates a store as an earlier Sablier left it: the migrations up to `migration` only,
    /// then `version` stored as number 1 with the rows `StoredVersion` encodes (tests of later
    /// migrations only).
    static func makeStore(atPath path: String, migratedUpTo migration: String, storing version: NewCalendarVersion) throws {
        let database = try DatabaseQueue(path: path)
        try database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA application_id = \(Self.applicationID)") }
        try Self.migrator.migrate(database, upTo: migration)
        let stored = try StoredVersion(number: 1, version)
        try database.write { db in
            try SQLiteInserter<CalendarVersionRow>(db).insert([stored.version])
            try SQLiteInserter<CalendarVersionSourceRow>(db).insert([stored.source])
            var writer = RuleWriter(db, version: 1)
            try writer.write(rows: (stored.ruleRows, stored.copyRows, stored.remarkRows, stored.itemRows))
            try SQLiteInserter<CalendarDiagnosticRow>(db).insert(stored.diagnostics)
        }
        try database.close()
    }
}

extension SQLiteStore {
    /// Every row of every table but `excluded`, as text, by table (tests only): two equal
    /// results mean nothing changed, which a refusal must leave so.
    static func contents(ofDatabaseAt path: String, excluding excluded: Set<String>) throws -> [String: [String]] {
        let database = try DatabaseQueue(path: path)
        defer { try? database.close() }
        return try database.read { db in
            var contents: [String: [String]] = [:]
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            for table in tables where !excluded.contains(table) {
                contents[table] = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map(\.description)
            }
            return contents
        }
    }

    /// The first row SQL reads on a database file, as the values a keyed digest covers (tests
    /// only: they compare them with PostgreSQL's).
    static func fetchUncheckedValues(_ sql: String, inDatabaseAt path: String) throws -> [StoreValue] {
        let database = try DatabaseQueue(path: path)
        defer { try? database.close() }
        return try database.read { try Row.fetchOne($0, sql: sql).map(storeValues) ?? [] }
    }

    /// Runs `body` in one write transaction of the store (tests only: they call the store's
    /// helpers that write inside a caller's transaction, as the sealing of a record).
    func writeForTests<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await database.write(body)
    }
}
