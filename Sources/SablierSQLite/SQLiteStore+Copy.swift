import GRDB
public import SablierStore

/// The SQLite store as the source of `sablier db copy`: its tables read from the catalogue,
/// their rows in batches by rowid.
extension SQLiteStore: StoreTableSource {
    public var copyLocation: String { path }

    public func unloading<T: Sendable>(_ body: @Sendable (any StoreTableUnloader) async throws -> T) async throws -> T {
        try await body(SQLiteTableUnloader(store: self))
    }
}

/// Reads an SQLite store's tables for a copy, each batch in its own read.
struct SQLiteTableUnloader: StoreTableUnloader {
    let store: SQLiteStore

    func tables() async throws -> [StoreTableShape] {
        try await store.read("reading the tables to copy") { db in
            // GRDB's migration table and SQLite's own (sqlite_sequence, sqlite_stat1) are not the store's.
            let names = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                AND name <> 'grdb_migrations' ORDER BY name
                """)
            return try names.map { name in
                let columns = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [name])
                    .map { $0[0] as String }
                let references = try String.fetchAll(db, sql: "SELECT \"table\" FROM pragma_foreign_key_list(?)", arguments: [name])
                return StoreTableShape(name: name, columns: columns, references: Set(references))
            }
        }
    }

    func rowCount(of table: String) async throws -> Int {
        try await store.read("counting the rows of \(table)") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(Self.quoted(table))") ?? 0
        }
    }

    func forEachBatch(
        of table: String, columns: [String], batchSize: Int, _ body: @Sendable ([[StoreValue]]) async throws -> Void
    ) async throws {
        let booleans = try await store.read("reading the columns of \(table)") { db in
            Set(try Row.fetchAll(db, sql: "SELECT name, type FROM pragma_table_info(?)", arguments: [table])
                .filter { ($0[1] as String).uppercased() == "BOOLEAN" }.map { $0[0] as String })
        }
        let isBoolean = columns.map { booleans.contains($0) }
        let sql = "SELECT rowid, \(columns.map(Self.quoted).joined(separator: ", ")) FROM \(Self.quoted(table))"
            + " WHERE rowid > ? ORDER BY rowid LIMIT \(batchSize)"
        var after = Int.min
        let path = store.path
        while true {
            let start = after
            let (rows, last) = try await store.read("reading the rows of \(table)") { db in
                var rows: [[StoreValue]] = []
                var last = start
                let cursor = try Row.fetchCursor(db, sql: sql, arguments: [start])
                while let row = try cursor.next() {
                    last = row[0]
                    rows.append(try (0..<columns.count).map { try Self.value(row[$0 + 1], boolean: isBoolean[$0], path, "\(table).\(columns[$0])") })
                }
                return (rows, last)
            }
            if rows.isEmpty { return }
            try await body(rows)
            if rows.count < batchSize { return }
            after = last
        }
    }

    /// A stored value as the store binds it: SQLite keeps BOOLEAN as 0 and 1.
    static func value(_ value: DatabaseValue, boolean: Bool, _ path: String, _ column: String) throws -> StoreValue {
        switch value.storage {
        case .null: return .null
        case .int64(let number) where boolean: return .boolean(number != 0)
        case .int64(let number): return .integer(Int(number))
        case .string(let text): return .text(text)
        case .blob(let data): return .bytes([UInt8](data))
        case .double(let number):
            throw StoreError.corruptData(path, detail: "\(column): a real number (\(number)) where the schema stores none")
        }
    }

    /// An identifier in double quotes: some column names (`copy`, `position`) are words of SQL.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacing("\"", with: "\"\"") + "\""
    }
}
