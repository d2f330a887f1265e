import NIOCore
import PostgresNIO
public import SablierStore

/// The PostgreSQL store as either side of `sablier db copy`: its tables read from the
/// catalogue; a copy written in one transaction under the write lock, read in one snapshot.
extension PostgresStore: StoreTableTarget, StoreTableSource {
    public var copyLocation: String { location }

    /// The copy keeps the source's ids, and an explicit id does not advance an identity's
    /// sequence: each is then set past the highest id copied, or the next hold, loan or
    /// document would be refused for taking an id the copy already holds.
    public func loading<T: Sendable>(_ body: @Sendable (any StoreTableLoader) async throws -> T) async throws -> T {
        try await write("copying a store into this one") { tx in
            let result = try await body(PostgresTables(tx: tx, location: self.location))
            for table in StoreSchema.identityTables { try await tx.execute(StoreSchema.identityPastHighest(table)) }
            return result
        }
    }

    public func unloading<T: Sendable>(_ body: @Sendable (any StoreTableUnloader) async throws -> T) async throws -> T {
        try await read("copying this store") { tx in
            try await body(PostgresTables(tx: tx, location: self.location))
        }
    }
}

/// A store's tables inside one transaction, for a copy.
struct PostgresTables: StoreTableLoader, StoreTableUnloader {
    let tx: PostgresTransaction
    /// The store's URL without its password, for messages.
    let location: String

    func tables() async throws -> [StoreTableShape] {
        var columns: [String: [String]] = [:]
        for row in try await tx.rows("""
            SELECT c.table_name, c.column_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> ?
            ORDER BY c.table_name, c.ordinal_position
            """, [.text(PostgresStore.migrationTable)]) {
            columns[try row[0].decode(String.self), default: []].append(try row[1].decode(String.self))
        }
        var references: [String: Set<String>] = [:]
        for row in try await tx.rows("""
            SELECT source.relname, target.relname FROM pg_constraint k
            JOIN pg_class source ON source.oid = k.conrelid
            JOIN pg_class target ON target.oid = k.confrelid
            WHERE k.contype = 'f' AND source.relnamespace = current_schema()::regnamespace
            """) {
            references[try row[0].decode(String.self), default: []].insert(try row[1].decode(String.self))
        }
        return columns.keys.sorted().map { StoreTableShape(name: $0, columns: columns[$0]!, references: references[$0] ?? []) }
    }

    func rowCount(of table: String) async throws -> Int {
        try await tx.scalar(Int.self, "SELECT COUNT(*) FROM \(Self.quoted(table))") ?? 0
    }

    func insert(_ rows: [[StoreValue]], into table: String, columns: [String]) async throws {
        guard !rows.isEmpty, !columns.isEmpty else { return }
        // PostgreSQL takes at most 65,535 parameters a statement.
        let perStatement = max(1, 65_535 / columns.count)
        var start = 0
        while start < rows.count {
            let end = min(start + perStatement, rows.count)
            var binder = PostgresRowBinder()
            var tuples: [String] = []
            tuples.reserveCapacity(end - start)
            var number = 0
            for row in rows[start..<end] {
                guard row.count == columns.count else {
                    throw StoreError.corruptData(location, detail: "\(table): a row of \(row.count) values for \(columns.count) columns")
                }
                for value in row { binder.append(value) }
                tuples.append("(" + (1...columns.count).map { "$\(number + $0)" }.joined(separator: ", ") + ")")
                number += columns.count
            }
            let sql = "INSERT INTO \(Self.quoted(table)) (\(columns.map(Self.quoted).joined(separator: ", "))) VALUES "
                + tuples.joined(separator: ", ")
            _ = try await tx.connection.query(PostgresQuery(unsafeSQL: sql, binds: binder.bindings), logger: tx.logger).collect()
            start = end
        }
    }

    func forEachBatch(
        of table: String, columns: [String], batchSize: Int, _ body: @Sendable ([[StoreValue]]) async throws -> Void
    ) async throws {
        var batch: [[StoreValue]] = []
        batch.reserveCapacity(batchSize)
        try await tx.forEachRow("SELECT \(columns.map(Self.quoted).joined(separator: ", ")) FROM \(Self.quoted(table))") { row in
            batch.append(try (0..<row.count).map { try Self.value(row[$0]) })
            if batch.count >= batchSize {
                try await body(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try await body(batch) }
    }

    /// A cell as the store binds it: a BOOLEAN as `.boolean` (not the 0 or 1 a digest covers).
    static func value(_ cell: PostgresCell) throws -> StoreValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .integer(try cell.decode(Int.self))
        case .bool: return .boolean(try cell.decode(Bool.self))
        case .bytea: return .bytes(Array(try cell.decode(ByteBuffer.self).readableBytesView))
        default: return .text(try cell.decode(String.self))
        }
    }

    /// An identifier in double quotes: some column names (`copy`, `position`) are words of SQL.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacing("\"", with: "\"\"") + "\""
    }
}
