/// What differs between the SQL of the backends: the few spellings the schema and the
/// statements cannot share.
///
/// The schema is written in the subset SQLite and PostgreSQL both accept (INTEGER, BIGINT,
/// TEXT, BOOLEAN, composite keys, CHECK, REFERENCES … ON DELETE CASCADE; no AUTOINCREMENT, no
/// backend-only function). Binary data is the one type without a shared name, so the schema
/// writes `StoreSchema.binaryType` and each dialect supplies its own.
public struct SQLDialect: Sendable {
    /// The column type for raw bytes: `BLOB` in SQLite, `BYTEA` in PostgreSQL.
    public var binaryType: String
    /// The parameter marker for the n-th (1-based) argument of a statement: `?` or `$n`.
    public var parameter: @Sendable (Int) -> String

    public init(binaryType: String, parameter: @escaping @Sendable (Int) -> String) {
        self.binaryType = binaryType
        self.parameter = parameter
    }

    public static let sqlite = SQLDialect(binaryType: "BLOB", parameter: { _ in "?" })
    public static let postgresql = SQLDialect(binaryType: "BYTEA", parameter: { "$\($0)" })

    /// The parameter markers for `count` arguments, comma-separated.
    public func parameters(_ count: Int, from first: Int = 1) -> String {
        (first..<(first + count)).map(parameter).joined(separator: ", ")
    }
}

/// One named step of the schema, applied once, in order, inside a transaction.
public struct Migration: Sendable, Hashable {
    /// The name the backend records once the migration is applied (GRDB's migration identifier).
    public let name: String
    /// The statements, in order, possibly naming `StoreSchema.binaryType`.
    public let statements: [String]

    public init(name: String, statements: [String]) {
        self.name = name
        self.statements = statements
    }

    /// The statements with the dialect's spellings substituted.
    public func statements(for dialect: SQLDialect) -> [String] {
        statements.map { $0.replacing(StoreSchema.binaryType, with: dialect.binaryType) }
    }
}
