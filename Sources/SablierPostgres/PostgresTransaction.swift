import Foundation
import Logging
import NIOCore
import PostgresNIO
import SablierStore
import Synchronization

/// One transaction on one leased connection: what the store's methods write and read through.
///
/// Statements are written with SQLite's `?` markers, so that a statement both backends accept
/// reads the same in both stores; `PostgresTransaction.numbered(_:)` turns them into `$1, $2, …`
/// (outside quoted text). Values are `StoreValue`s, bound as BIGINT, TEXT, BOOLEAN or BYTEA.
struct PostgresTransaction: Sendable {
    let connection: PostgresConnection
    let logger: Logger
    /// What runs once the transaction has committed (the audit head file advances then).
    private let commitActions = CommitActions()

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Runs a statement that returns no rows.
    func execute(_ sql: String, _ values: [StoreValue] = []) async throws {
        _ = try await connection.query(Self.query(sql, values), logger: logger).collect()
    }

    /// Runs a statement and returns its rows, read by index (`row[0].decode(Int.self)`).
    func rows(_ sql: String, _ values: [StoreValue] = []) async throws -> [PostgresRandomAccessRow] {
        try await connection.query(Self.query(sql, values), logger: logger).collect().map { $0.makeRandomAccess() }
    }

    /// Runs a statement and hands its rows to `body` one at a time, as they arrive: a listing
    /// that writes as it goes never holds them all.
    func forEachRow(_ sql: String, _ values: [StoreValue] = [], _ body: (PostgresRandomAccessRow) async throws -> Void) async throws {
        for try await row in try await connection.query(Self.query(sql, values), logger: logger) {
            try await body(row.makeRandomAccess())
        }
    }

    /// The first column of the first row, or nil when there is no row or it holds NULL.
    func scalar<T: PostgresDecodable>(_ type: T.Type, _ sql: String, _ values: [StoreValue] = []) async throws -> T? {
        guard let row = try await rows(sql, values).first, row[0].bytes != nil else { return nil }
        return try row[0].decode(T.self)
    }

    /// The rows of `R`'s table read by `sql`, which selects `R.table.columns` in order.
    func fetch<R: StoredRow>(_ type: R.Type, sql: String, _ values: [StoreValue] = []) async throws -> [R] {
        try await rows(sql, values).map { row in
            var reader = PostgresRowReader(row: row)
            return try R(reading: &reader)
        }
    }

    /// The rows of `R`'s table whose columns equal `key`, in `orderBy` order.
    func fetch<R: StoredRow>(
        _ type: R.Type, where key: [String: StoreValue] = [:], orderBy: [String] = [], limit: Int? = nil
    ) async throws -> [R] {
        let columns = key.keys.sorted()
        var sql = R.table.select(.sqlite, where: columns, orderBy: orderBy)
        if let limit { sql += " LIMIT \(limit)" }
        return try await fetch(R.self, sql: sql, columns.map { key[$0]! })
    }

    /// Inserts `rows` into their table, as few statements as PostgreSQL's 65,535 parameters allow.
    func insert<R: StoredRow>(_ rows: [R]) async throws {
        guard !rows.isEmpty else { return }
        let perStatement = max(1, min(1_000, 65_535 / max(1, R.table.columns.count)))
        var start = 0
        while start < rows.count {
            let end = min(start + perStatement, rows.count)
            var binder = PostgresRowBinder()
            for row in rows[start..<end] { row.write(to: &binder) }
            let sql = R.table.insert(.postgresql, rows: end - start)
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binder.bindings), logger: logger).collect()
            start = end
        }
    }

    /// Registers `action` to run once the transaction has committed (never if it rolls back).
    func onCommit(_ action: @escaping @Sendable () async -> Void) {
        commitActions.append(action)
    }

    /// Called by the store after COMMIT succeeded.
    func committed() async {
        await commitActions.run()
    }

    /// `sql` with its `?` markers numbered and `values` bound.
    static func query(_ sql: String, _ values: [StoreValue]) -> PostgresQuery {
        var binder = PostgresRowBinder()
        for value in values { binder.append(value) }
        return PostgresQuery(unsafeSQL: numbered(sql), binds: binder.bindings)
    }

    /// `sql` with each `?` outside quoted text and comments replaced by `$1`, `$2`, …
    static func numbered(_ sql: String) -> String {
        guard sql.contains("?") else { return sql }
        var result = ""
        result.reserveCapacity(sql.utf8.count + 16)
        var number = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
                result.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                result.append(character)
            } else if character == "?" {
                number += 1
                result += "$\(number)"
            } else {
                result.append(character)
            }
        }
        return result
    }
}

/// The actions waiting for a transaction's commit.
///
/// A class because `PostgresTransaction` is passed by value to the store's methods, and every
/// copy must add to the same list.
private final class CommitActions: Sendable {
    private let actions = Mutex<[@Sendable () async -> Void]>([])

    func append(_ action: @escaping @Sendable () async -> Void) {
        actions.withLock { $0.append(action) }
    }

    func run() async {
        for action in actions.withLock({ list in defer { list = [] }; return list }) { await action() }
    }
}

/// Collects a statement's parameters: each `StoreValue` bound with PostgreSQL's type for it.
struct PostgresRowBinder: StoreRowWriting {
    var bindings = PostgresBindings()

    mutating func append(_ value: StoreValue) {
        switch value {
        case .null: bindings.appendNull()
        case .integer(let number): bindings.append(Int64(number))
        case .text(let text): bindings.append(text)
        case .boolean(let flag): bindings.append(flag)
        case .bytes(let bytes): bindings.append(ByteBuffer(bytes: bytes))
        }
    }

    mutating func integer(_ value: Int?) { value.map { bindings.append(Int64($0)) } ?? bindings.appendNull() }
    mutating func text(_ value: String?) { value.map { bindings.append($0) } ?? bindings.appendNull() }
    mutating func boolean(_ value: Bool?) { value.map { bindings.append($0) } ?? bindings.appendNull() }
    mutating func bytes(_ value: [UInt8]?) { value.map { bindings.append(ByteBuffer(bytes: $0)) } ?? bindings.appendNull() }
}

/// Reads one fetched row column after column, for `StoredRow.init(reading:)`: by index, each
/// column checked against the name the row struct gives.
struct PostgresRowReader: StoreRowReading {
    let row: PostgresRandomAccessRow
    private var index = 0

    init(row: PostgresRandomAccessRow) {
        self.row = row
    }

    mutating func integer(_ column: String) throws -> Int? { try next(column).decode(Int?.self) }
    mutating func text(_ column: String) throws -> String? { try next(column).decode(String?.self) }
    mutating func boolean(_ column: String) throws -> Bool? { try next(column).decode(Bool?.self) }
    mutating func bytes(_ column: String) throws -> [UInt8]? {
        try next(column).decode(ByteBuffer?.self).map { Array($0.readableBytesView) }
    }

    private mutating func next(_ column: String) throws -> PostgresCell {
        guard index < row.count else { throw CorruptValue("column \(column) is missing from the row") }
        let cell = row[index]
        guard cell.columnName == column else {
            throw CorruptValue("column \(index + 1) is \(cell.columnName), where \(column) was expected")
        }
        index += 1
        return cell
    }
}

extension PostgresRandomAccessRow {
    /// The values of the row, typed as the store binds them: what a keyed digest covers, so
    /// that the same row gives the same digest in SQLite and PostgreSQL (a BOOLEAN is the
    /// integer 0 or 1, as SQLite stores it).
    func storeValues() throws -> [StoreValue] {
        try (0..<count).map { index in
            let cell = self[index]
            guard cell.bytes != nil else { return .null }
            switch cell.dataType {
            case .int2, .int4, .int8: return .integer(try cell.decode(Int.self))
            case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
            case .bytea: return .bytes(Array(try cell.decode(ByteBuffer.self).readableBytesView))
            default: return .text(try cell.decode(String.self))
            }
        }
    }
}
