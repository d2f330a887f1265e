/// A column value in the types every backend binds: what a row struct hands to a statement.
public enum StoreValue: Sendable, Hashable {
    case null
    case integer(Int)
    case text(String)
    case boolean(Bool)
    case bytes([UInt8])
}

extension StoreValue {
    public init(_ value: Int?) { self = value.map(StoreValue.integer) ?? .null }
    public init(_ value: String?) { self = value.map(StoreValue.text) ?? .null }
    public init(_ value: Bool?) { self = value.map(StoreValue.boolean) ?? .null }
}

/// Receives one row's values, one call per column in its table's column order: what a backend
/// binds to the parameters of `StoreTable.insert`, without an intermediate array per row.
///
/// `StoredRow.write(to:)` calls these; `Failure` is what binding a value may throw (`Never`
/// for a writer that only collects the values).
public protocol StoreRowWriting {
    associatedtype Failure: Error
    mutating func integer(_ value: Int?) throws(Failure)
    mutating func text(_ value: String?) throws(Failure)
    /// A text that is there: borrowed, so writing a row's strings does not copy (retain and
    /// release) each one into an optional first.
    mutating func text(_ value: borrowing String) throws(Failure)
    mutating func boolean(_ value: Bool?) throws(Failure)
    mutating func bytes(_ value: [UInt8]?) throws(Failure)
}

extension StoreRowWriting {
    public mutating func text(_ value: borrowing String) throws(Failure) {
        try text(Optional(copy value))
    }
}

/// The values of a row as an array, in column order: `StoredRow.values`.
struct StoreValueList: StoreRowWriting {
    var values: [StoreValue] = []

    mutating func integer(_ value: Int?) { values.append(StoreValue(value)) }
    mutating func text(_ value: String?) { values.append(StoreValue(value)) }
    mutating func boolean(_ value: Bool?) { values.append(StoreValue(value)) }
    mutating func bytes(_ value: [UInt8]?) { values.append(value.map(StoreValue.bytes) ?? .null) }
}

/// One fetched row, read column after column in its table's column order (`StoreTable.columns`,
/// the order of the SELECT lists `StoreTable.select` writes): each call reads the NEXT column,
/// which the caller names so a backend can check it and errors can say which column is wrong.
/// Backends adapt their own rows and read them by index, never by name.
///
/// Each accessor returns nil for NULL and throws `CorruptValue` when the column is missing,
/// is not the one named, or holds another type.
public protocol StoreRowReading {
    mutating func integer(_ column: String) throws -> Int?
    mutating func text(_ column: String) throws -> String?
    mutating func boolean(_ column: String) throws -> Bool?
    mutating func bytes(_ column: String) throws -> [UInt8]?
}

extension StoreRowReading {
    @inlinable
    mutating func integer(required column: String) throws -> Int {
        guard let value = try integer(column) else { throw CorruptValue.null(column) }
        return value
    }

    @inlinable
    mutating func text(required column: String) throws -> String {
        guard let value = try text(column) else { throw CorruptValue.null(column) }
        return value
    }
}

/// A stored value that does not decode: NULL where a value is required, an unknown code, a
/// malformed date. Backends report it as `StoreError.corruptData`.
public struct CorruptValue: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }

    @usableFromInline
    static func null(_ column: String) -> CorruptValue {
        CorruptValue("column \(column) is NULL")
    }

    static func code(_ value: String, column: String) -> CorruptValue {
        CorruptValue("column \(column) holds the unknown code '\(value)'")
    }
}

/// A table's name and columns, in the order row structs give their values, with the SQL every
/// backend runs over it.
public struct StoreTable: Sendable, Hashable {
    public let name: String
    public let columns: [String]

    public init(_ name: String, columns: [String]) {
        self.name = name
        self.columns = columns
    }

    /// `INSERT INTO name (columns…) VALUES (parameters…)`, or with `rows` parenthesised lists
    /// of parameters, numbered on from one row to the next, to insert several rows in one
    /// statement (which both SQLite and PostgreSQL run atomically).
    public func insert(_ dialect: SQLDialect, rows: Int = 1) -> String {
        precondition(rows > 0, "an INSERT needs at least one row")
        let values = (0..<rows).map { "(\(dialect.parameters(columns.count, from: $0 * columns.count + 1)))" }
        return "INSERT INTO \(name) (\(columns.joined(separator: ", "))) VALUES \(values.joined(separator: ", "))"
    }

    /// `SELECT columns… FROM name WHERE a = p1 AND b = p2 … ORDER BY …`.
    public func select(_ dialect: SQLDialect, where keys: [String], orderBy: [String] = []) -> String {
        var sql = "SELECT \(columns.joined(separator: ", ")) FROM \(name)"
        if !keys.isEmpty {
            sql += " WHERE " + keys.enumerated().map { "\($1) = \(dialect.parameter($0 + 1))" }.joined(separator: " AND ")
        }
        if !orderBy.isEmpty {
            sql += " ORDER BY " + orderBy.joined(separator: ", ")
        }
        return sql
    }
}
