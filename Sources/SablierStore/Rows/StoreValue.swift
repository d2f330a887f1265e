/// A column value in the types every backend binds: what a row struct hands to a statement.
public enum StoreValue: Sendable, Hashable {
    case null
    case integer(Int)
    case text(String)
    case boolean(Bool)
    case bytes([UInt8])
}

extension StoreValue {
    init(_ value: Int?) { self = value.map(StoreValue.integer) ?? .null }
    init(_ value: String?) { self = value.map(StoreValue.text) ?? .null }
    init(_ value: Bool?) { self = value.map(StoreValue.boolean) ?? .null }
}

/// One fetched row, read by column name: each backend adapts its own row type.
///
/// Each accessor returns nil for NULL and throws `CorruptValue` when the column is missing or
/// holds another type.
public protocol StoreRowReading {
    func integer(_ column: String) throws -> Int?
    func text(_ column: String) throws -> String?
    func boolean(_ column: String) throws -> Bool?
    func bytes(_ column: String) throws -> [UInt8]?
}

extension StoreRowReading {
    func integer(required column: String) throws -> Int {
        guard let value = try integer(column) else { throw CorruptValue.null(column) }
        return value
    }

    func text(required column: String) throws -> String {
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

    /// `INSERT INTO name (columns…) VALUES (parameters…)`.
    public func insert(_ dialect: SQLDialect) -> String {
        "INSERT INTO \(name) (\(columns.joined(separator: ", "))) VALUES (\(dialect.parameters(columns.count)))"
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
