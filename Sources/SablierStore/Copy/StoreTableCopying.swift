/// A store's tables read and written as plain rows, whatever they hold: what `sablier db copy`
/// moves an installation with, from one backend to the other.
///
/// Backend-level on purpose: a copy must carry every row of every table of `StoreSchema`, the
/// audit trail's among them, exactly as stored, so that the keyed chain and the sealed records
/// still verify on the copy. Going through the domain protocols would rebuild rows, and a
/// table added by a later migration would be forgotten; reading the catalogue does not.
public protocol StoreTableSource: Sendable {
    /// Where the store is, for messages (a PostgreSQL URL without its password).
    var copyLocation: String { get }

    /// Runs `body` over the store's tables. The SQLite store reads batch after batch, each
    /// its own read: its file must not be written during a copy (the counts checked after the
    /// copy catch rows added meanwhile).
    func unloading<T: Sendable>(_ body: @Sendable (any StoreTableUnloader) async throws -> T) async throws -> T
}

/// A store a copy can be written into.
public protocol StoreTableTarget: Sendable {
    /// Where the store is, for messages (a PostgreSQL URL without its password).
    var copyLocation: String { get }

    /// Runs `body` in ONE write transaction: every row it inserts is committed together, or
    /// none is when it throws.
    func loading<T: Sendable>(_ body: @Sendable (any StoreTableLoader) async throws -> T) async throws -> T
}

/// What both sides of a copy know of a store's tables.
public protocol StoreTableReader: Sendable {
    /// The tables of the schema, migration bookkeeping and the backend's own tables left out.
    func tables() async throws -> [StoreTableShape]

    /// How many rows `table` holds.
    func rowCount(of table: String) async throws -> Int
}

/// The reading side of a copy.
public protocol StoreTableUnloader: StoreTableReader {
    /// Hands `columns` of every row of `table` to `body` in batches of at most `batchSize`
    /// rows, in a stable order: the table is never held in memory whole. Booleans come as
    /// `.boolean`, raw bytes as `.bytes`, whatever the backend stores them as.
    func forEachBatch(
        of table: String, columns: [String], batchSize: Int, _ body: @Sendable ([[StoreValue]]) async throws -> Void
    ) async throws
}

/// The writing side of a copy, inside its one transaction.
public protocol StoreTableLoader: StoreTableReader {
    /// Inserts `rows`, each holding the values of `columns` in that order, into `table`.
    func insert(_ rows: [[StoreValue]], into table: String, columns: [String]) async throws
}

/// One table as the catalogue describes it.
public struct StoreTableShape: Sendable, Hashable {
    public var name: String
    /// The columns, in the table's order.
    public var columns: [String]
    /// The other tables its foreign keys reference (a reference to itself is left out).
    public var references: Set<String>

    public init(name: String, columns: [String], references: Set<String>) {
        self.name = name
        self.columns = columns
        self.references = references.subtracting([name])
    }
}
