import GRDB

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
