/// What differs between the SQL of the backends: the few spellings the schema and the
/// statements cannot share.
///
/// The schema is written in the subset SQLite and PostgreSQL both accept (INTEGER, BIGINT,
/// TEXT, BOOLEAN, composite keys, CHECK, REFERENCES … ON DELETE CASCADE; no AUTOINCREMENT, no
/// backend-only function). Binary data is the one type without a shared name, so the schema
/// writes `StoreSchema.binaryType` and each dialect supplies its own.
public struct SQLDialect: Sendable {
    /// The database a dialect is spoken by: what a migration's statements for one backend only
    /// are filed under (`Migration.only`).
    public enum Backend: String, Sendable, Hashable, CaseIterable {
        case sqlite, postgresql
    }

    public var backend: Backend
    /// The column type for raw bytes: `BLOB` in SQLite, `BYTEA` in PostgreSQL.
    public var binaryType: String
    /// The parameter marker for the n-th (1-based) argument of a statement: `?` or `$n`.
    public var parameter: @Sendable (Int) -> String

    public init(backend: Backend, binaryType: String, parameter: @escaping @Sendable (Int) -> String) {
        self.backend = backend
        self.binaryType = binaryType
        self.parameter = parameter
    }

    public static let sqlite = SQLDialect(backend: .sqlite, binaryType: "BLOB", parameter: { _ in "?" })
    public static let postgresql = SQLDialect(backend: .postgresql, binaryType: "BYTEA", parameter: { "$\($0)" })

    /// ` INDEXED BY index` after a table name in SQLite, nothing in PostgreSQL: where SQLite's
    /// planner picks a worse index for a query (its statistics are not kept), the shared query
    /// names the index for SQLite only, and PostgreSQL plans the same text itself.
    public func indexedBy(_ index: String) -> String {
        backend == .sqlite ? " INDEXED BY \(index)" : ""
    }

    /// The parameter markers for `count` arguments, comma-separated.
    public func parameters(_ count: Int, from first: Int = 1) -> String {
        (first..<(first + count)).map(parameter).joined(separator: ", ")
    }
}

/// One named step of the schema, applied once, in order, inside a transaction.
///
/// Every backend records every migration by name, so the same list of names describes a store
/// whatever holds it (`sablier db copy` and the ownership checks compare names). A step may
/// still have nothing to do on one backend: an identity column is PostgreSQL's way to number
/// rows, while SQLite's `INTEGER PRIMARY KEY` already takes the next rowid when the id is
/// omitted. Such statements go in `only`, under their backend, and run after the shared ones.
public struct Migration: Sendable, Hashable {
    /// The name the backend records once the migration is applied (GRDB's migration identifier).
    public let name: String
    /// The statements every backend runs, in order, possibly naming `StoreSchema.binaryType`.
    public let statements: [String]
    /// The statements one backend alone runs, after `statements`.
    public let only: [SQLDialect.Backend: [String]]

    public init(name: String, statements: [String], only: [SQLDialect.Backend: [String]] = [:]) {
        self.name = name
        self.statements = statements
        self.only = only
    }

    /// The statements the dialect's backend runs, with the dialect's spellings substituted.
    public func statements(for dialect: SQLDialect) -> [String] {
        (statements + only[dialect.backend, default: []]).map { $0.replacing(StoreSchema.binaryType, with: dialect.binaryType) }
    }
}
