import Foundation
import SablierCore
public import SablierStore
import Logging
import PostgresNIO

/// The shared store: one PostgreSQL database for several `sablier serve` processes, the
/// nightly job, command-line users and scan workers on any number of machines.
///
/// It stores the schema of `StoreSchema` with the same named, ordered migrations as the SQLite
/// store, and implements the same protocols. What differs is how writers meet:
/// - every write runs in one transaction that first takes the store's advisory lock
///   (`pg_advisory_xact_lock(writeLock)`), so writers take turns exactly as they do on one
///   SQLite file: no lost update, no two disposition lists with one number, one audit chain;
/// - readers take no lock and wait for no writer: each read is one REPEATABLE READ, READ ONLY
///   snapshot, so what it reads belongs together;
/// - a transaction that fails on serialization or a deadlock is run again, whole, up to
///   `retries` times.
///
/// The audit key stays a file outside the database (`--audit-key`), as with SQLite: the
/// database's administrators must not be able to forge the trail.
public final class PostgresStore: Sendable {
    /// Where the store is, for messages: the URL without its password.
    public let location: String
    let client: PostgresClient
    /// Runs the client's connection pool for the store's lifetime (PostgresNIO's `run()`).
    private let runner: Task<Void, Never>
    let logger: Logger
    /// The audit key, and where it is looked for.
    let auditSeal: AuditSeal

    /// The key of the advisory lock every write transaction takes first: "Sabl" in ASCII,
    /// as SQLite's application id.
    static let writeLock: Int64 = 0x5361_626C
    /// How many times a transaction refused on serialization (40001) or a deadlock (40P01)
    /// is run again before the failure is reported.
    static let retries = 5

    /// Opens the store at `url` (`postgres://user[:password]@host[:port]/database`, or with
    /// `?host=/path/to/socket/dir` for a Unix socket), refuses a database that holds another
    /// program's tables or a newer Sablier's schema, then applies the pending migrations.
    public static func open(url: String, auditKeyFile: String) async throws -> PostgresStore {
        let address = try PostgresAddress(url)
        try await probe(address)
        let store = PostgresStore(address: address, auditSeal: AuditSeal(keyFile: auditKeyFile, key: try AuditKey.load(auditKeyFile)))
        do {
            try await store.migrate()
        } catch {
            store.close()
            throw error
        }
        return store
    }

    /// Connects once, alone, before the pool starts: a database that does not exist, a role
    /// refused or a server that does not answer is then said at once in the server's own words
    /// (the pool would retry for a minute and report only that it gave up).
    private static func probe(_ address: PostgresAddress) async throws {
        var logger = Logger(label: "sablier.postgres.probe")
        logger.logLevel = .critical
        do {
            let connection = try await PostgresConnection.connect(configuration: try address.connectionConfiguration(), id: 0, logger: logger)
            try await connection.close()
        } catch {
            throw storeError(error, location: address.description, operation: "opening the store")
        }
    }

    private init(address: PostgresAddress, auditSeal: AuditSeal) {
        location = address.description
        self.auditSeal = auditSeal
        var logger = Logger(label: "sablier.postgres")
        logger.logLevel = .critical
        self.logger = logger
        client = PostgresClient(configuration: address.configuration, backgroundLogger: logger)
        let client = self.client
        runner = Task { await client.run() }
    }

    deinit {
        runner.cancel()
    }

    /// Closes the connections: the store can no longer be used.
    public func close() {
        runner.cancel()
    }

    /// Where the audit key is looked for.
    public var auditKeyFile: String { auditSeal.keyFile }

    // MARK: - Migrations

    /// The table that records the migrations applied, as GRDB's `grdb_migrations` does.
    static let migrationTable = "sablier_migrations"

    /// Applies `StoreSchema.migrations` not yet applied, each in its own transaction under the
    /// write lock, so two processes opening a new database at once apply each migration once.
    ///
    /// What is applied is read first without the lock: opening a store that is up to date (every
    /// command, every server start, every scan worker) never waits behind a writer.
    private func migrate() async throws {
        let pending = try await read("opening the store") { tx in try await self.pendingMigrations(tx) }
        guard pending.needsTable || !pending.names.isEmpty else { return }
        try await write("opening the store") { tx in
            if try await self.pendingMigrations(tx).needsTable {
                try await tx.execute("CREATE TABLE \(Self.migrationTable) (identifier TEXT NOT NULL PRIMARY KEY)")
            }
        }
        for migration in StoreSchema.migrations where pending.names.contains(migration.name) {
            try await write("applying migration \(migration.name)") { tx in
                let done = try await tx.scalar(Int.self, "SELECT COUNT(*) FROM \(Self.migrationTable) WHERE identifier = ?", [.text(migration.name)])
                guard done == 0 else { return }
                for sql in migration.statements(for: .postgresql) { try await tx.execute(sql) }
                try await tx.execute("INSERT INTO \(Self.migrationTable) (identifier) VALUES (?)", [.text(migration.name)])
            }
        }
    }

    /// The migrations this database lacks, and whether it lacks even the table that records them
    /// (a new, empty database); refuses a database of another program or of a newer Sablier.
    private func pendingMigrations(_ tx: PostgresTransaction) async throws -> (needsTable: Bool, names: Set<String>) {
        let tables = try await tx.rows("""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name
            """).map { try $0[0].decode(String.self) }
        if tables.contains(Self.migrationTable) {
            let applied = Set(try await tx.rows("SELECT identifier FROM \(Self.migrationTable)").map { try $0[0].decode(String.self) })
            let unknown = applied.subtracting(StoreSchema.migrationNames).sorted()
            guard unknown.isEmpty else { throw StoreError.newerSchema(location, unknownMigrations: unknown) }
            return (false, Set(StoreSchema.migrationNames).subtracting(applied))
        } else if !tables.isEmpty {
            let list = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
            throw StoreError.notASablierStore(location, detail: "it is a PostgreSQL database of another program (tables \(list))")
        }
        return (true, Set(StoreSchema.migrationNames))
    }

    /// The migrations applied, in the order they were.
    public func appliedMigrations() async throws -> [String] {
        try await read("reading the applied migrations") { tx in
            try await tx.rows("SELECT identifier FROM \(Self.migrationTable)").map { try $0[0].decode(String.self) }
        }.sorted { (StoreSchema.migrationNames.firstIndex(of: $0) ?? .max) < (StoreSchema.migrationNames.firstIndex(of: $1) ?? .max) }
    }

    // MARK: - Transactions

    /// Runs `body` in one write transaction under the store's write lock: committed when it
    /// returns, rolled back when it throws. Run again, whole, when PostgreSQL refuses it on
    /// serialization or a deadlock; `body` must therefore have no effect outside the
    /// transaction other than through `PostgresTransaction.onCommit`.
    func write<T: Sendable>(_ operation: String, _ body: @Sendable (PostgresTransaction) async throws -> T) async throws -> T {
        try await transaction(operation, locked: true, readOnly: false, body)
    }

    /// Runs `body` in one read-only transaction: the statements see one snapshot
    /// (REPEATABLE READ), and take no lock a writer waits for.
    func read<T: Sendable>(_ operation: String, _ body: @Sendable (PostgresTransaction) async throws -> T) async throws -> T {
        try await transaction(operation, locked: false, readOnly: true, body)
    }

    /// Runs `body` in one write transaction WITHOUT the store's write lock: for the shared
    /// scan's claims, which lock the rows they take (`FOR UPDATE SKIP LOCKED`), so that workers
    /// claiming wait neither for the writers nor for one another. Nothing audited inside, and no
    /// `MAX(id) + 1`: those need the lock.
    func claim<T: Sendable>(_ operation: String, _ body: @Sendable (PostgresTransaction) async throws -> T) async throws -> T {
        try await transaction(operation, locked: false, readOnly: false, body)
    }

    private func transaction<T: Sendable>(
        _ operation: String, locked: Bool, readOnly: Bool, _ body: @Sendable (PostgresTransaction) async throws -> T
    ) async throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await client.withConnection { connection in
                    let tx = PostgresTransaction(connection: connection, logger: logger)
                    try await tx.execute(!readOnly ? "BEGIN ISOLATION LEVEL READ COMMITTED" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    let result: T
                    do {
                        if locked { try await tx.execute("SELECT pg_advisory_xact_lock(\(Self.writeLock))") }
                        result = try await body(tx)
                        try await tx.execute("COMMIT")
                    } catch {
                        // The connection goes back to the pool: it must leave the transaction.
                        try? await tx.execute("ROLLBACK")
                        throw error
                    }
                    await tx.committed()
                    return result
                }
            } catch let error as PSQLError where Self.isTransient(error) && attempt <= Self.retries {
                try? await Task.sleep(for: .milliseconds(10 * attempt * attempt))
                continue
            } catch let refusal as Refusal {
                throw refusal
            } catch let failure as SourceFailure {
                throw failure.error
            } catch {
                throw storeError(error, operation: operation)
            }
        }
    }

    /// Serialization failures and deadlocks: the transaction may succeed when run again.
    static func isTransient(_ error: PSQLError) -> Bool {
        guard let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40001" || state == "40P01"
    }

    /// An error thrown by what the caller handed the store to read from inside a transaction
    /// (a sequence of document batches, a calendar stream): rethrown unchanged once the transaction is
    /// rolled back.
    struct SourceFailure: Error {
        let error: any Error
    }

    // MARK: - Errors

    /// Every failure as a `StoreError`, naming the database (never its password).
    func storeError(_ error: any Error, operation: String) -> StoreError {
        Self.storeError(error, location: location, operation: operation)
    }

    /// Every failure as a `StoreError` naming `location`: also for a server no store is open
    /// on (creating or dropping a database).
    static func storeError(_ error: any Error, location: String, operation: String) -> StoreError {
        switch error {
        case let error as StoreError:
            return error
        case let error as CorruptValue:
            return .corruptData(location, detail: error.description)
        case let error as PostgresDecodingError:
            return .corruptData(location, detail: "column \(error.columnName): a \(error.postgresType) the store cannot read as \(error.targetType)")
        case let error as PSQLError:
            if let message = error.serverInfo?[.message] {
                let state = error.serverInfo?[.sqlState] ?? ""
                // 28xxx: authentication; 3D000: no such database; 42501: no privilege.
                if state.hasPrefix("28") || state == "3D000" || state == "42501" {
                    return .cannotOpen(location, detail: message)
                }
                return .databaseFailure(location, operation: operation, detail: "\(message) (SQLSTATE \(state))")
            }
            switch error.code {
            case .connectionError:
                return .cannotOpen(location, detail: error.underlying.map { unreachable($0, location: location) } ?? "\(error.code)")
            case .serverClosedConnection, .clientClosedConnection, .poolClosed, .sslUnsupported:
                return .cannotOpen(location, detail: "\(error.code)\(error.underlying.map { ": \($0)" } ?? "")")
            default:
                return .databaseFailure(location, operation: operation, detail: "\(error.code)")
            }
        default:
            return .databaseFailure(location, operation: operation, detail: "\(error)")
        }
    }
}

extension PostgresStore {
    /// Why no connection could be made, in words: NIO's own description of a refused
    /// connection is a nest of types and addresses a person cannot act on. Names the server
    /// as the URL does (never its password).
    static func unreachable(_ error: any Error, location: String) -> String {
        let components = URLComponents(string: location)
        let socket = components?.queryItems?.first { $0.name == "host" }?.value
        let server = socket.map { "the server's socket in \($0)" }
            ?? "the server at \(components?.host ?? "localhost"):\(components?.port ?? 5432)"
        switch error {
        case let error as NIOConnectionError:
            if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
                return "the host \(error.host) is unknown (no address found for it)"
            }
            if let failure = error.connectionErrors.first { return unreachable(failure.error, location: location) }
            return "\(server) does not answer"
        case let error as IOError:
            return "\(server) does not answer (\(String(cString: strerror(error.errnoCode)).lowercased()))"
        case ChannelError.connectTimeout:
            return "\(server) does not answer (no reply within 10 seconds)"
        case let error as SocketAddressError:
            if case .unknown(let host, _) = error { return "the host \(host) is unknown (no address found for it)" }
            return "\(server) cannot be reached (\(error))"
        default:
            return "\(server) cannot be reached (\(error))"
        }
    }
}

/// A PostgreSQL URL taken apart: `postgres://user[:password]@host[:port]/database`, or
/// `postgresql://…`; `?host=/dir` names the directory of a Unix socket, as libpq does; the
/// password may also come from `PGPASSWORD`.
struct PostgresAddress: CustomStringConvertible {
    var configuration: PostgresClient.Configuration
    /// Whether the connections use TLS: libpq's `sslmode`, `prefer` by default except on the
    /// loopback interface.
    private(set) var tlsMode = TLSMode.disable
    enum TLSMode { case disable, prefer(TLSConfiguration), require(TLSConfiguration) }
    /// The URL without its password.
    let description: String

    /// Whether `text` names a PostgreSQL database rather than a file.
    static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    init(_ text: String) throws {
        guard Self.isURL(text), let components = URLComponents(string: text) else {
            throw StoreError.cannotOpen(Self.withoutPassword(text), detail: "not a PostgreSQL URL (postgres://user@host:port/database)")
        }
        let user = components.user.flatMap { $0.removingPercentEncoding } ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        let password = components.password.flatMap { $0.removingPercentEncoding } ?? ProcessInfo.processInfo.environment["PGPASSWORD"]
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty else {
            throw StoreError.cannotOpen(Self.redacted(components), detail: "the URL names no database (…/database)")
        }
        let socketDirectory = components.queryItems?.first { $0.name == "host" }?.value
        let host = components.host.flatMap { $0.isEmpty ? nil : $0 }
        let port = components.port ?? 5432
        if let socketDirectory, socketDirectory.hasPrefix("/") {
            configuration = PostgresClient.Configuration(
                unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: user, password: password, database: database)
        } else {
            let tls: PostgresClient.Configuration.TLS
            // libpq's sslmode: `prefer` and `require` encrypt without checking the certificate
            // (a server's self-signed certificate, Debian's default, is accepted as psql accepts
            // it); `verify-ca` checks it against the CA of `sslrootcert` (else the system's), and
            // `verify-full` the host name too. Without sslmode: `prefer`, except on loopback.
            let query = components.queryItems ?? []
            let mode = query.first { $0.name == "sslmode" }?.value
            var certificates = TLSConfiguration.makeClientConfiguration()
            if let root = query.first(where: { $0.name == "sslrootcert" })?.value, !root.isEmpty {
                certificates.trustRoots = .file(root)
            }
            switch mode {
            case "verify-full":
                (tls, tlsMode) = (.require(certificates), .require(certificates))
            case "verify-ca":
                certificates.certificateVerification = .noHostnameVerification
                (tls, tlsMode) = (.require(certificates), .require(certificates))
            case "require":
                certificates.certificateVerification = .none
                (tls, tlsMode) = (.require(certificates), .require(certificates))
            case "disable":
                (tls, tlsMode) = (.disable, .disable)
            case "prefer", "allow", nil:
                certificates.certificateVerification = .none
                let local = mode == nil && (host == "localhost" || host == "127.0.0.1" || host == "::1")
                (tls, tlsMode) = local ? (.disable, .disable) : (.prefer(certificates), .prefer(certificates))
            case let other?:
                throw StoreError.cannotOpen(Self.redacted(components),
                                            detail: "sslmode=\(other) is not one of disable, allow, prefer, require, verify-ca, verify-full")
            }
            configuration = PostgresClient.Configuration(
                host: host ?? "localhost", port: port, username: user, password: password, database: database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.maximumConnections = 8
        description = Self.redacted(components)
    }

    /// The connection settings of one connection outside the pool (`PostgresStore.probe`):
    /// the same server, role, database and TLS mode as the pool's.
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let pool = configuration
        var connection: PostgresConnection.Configuration
        if let socket = pool.unixSocketPath {
            connection = PostgresConnection.Configuration(
                unixSocketPath: socket, username: pool.username, password: pool.password, database: pool.database)
        } else {
            let tls: PostgresConnection.Configuration.TLS
            switch tlsMode {
            case .disable: tls = .disable
            case .prefer(let certificates): tls = .prefer(try NIOSSLContext(configuration: certificates))
            case .require(let certificates): tls = .require(try NIOSSLContext(configuration: certificates))
            }
            connection = PostgresConnection.Configuration(
                host: pool.host ?? "localhost", port: pool.port ?? 5432, username: pool.username, password: pool.password,
                database: pool.database, tls: tls)
        }
        connection.options.connectTimeout = .seconds(10)
        return connection
    }

    /// `text` with whatever stands between `user:` and `@` hidden, for a URL too malformed to
    /// be taken apart: a password is never echoed.
    static func withoutPassword(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].lastIndex(of: "@") else { return text }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }

    private static func redacted(_ components: URLComponents) -> String {
        var shown = components
        if shown.password != nil { shown.password = "***" }
        return shown.string ?? "postgres://"
    }
}

/// Everything the application asks of storage: the use cases run on PostgreSQL unchanged.
extension PostgresStore: SablierStorage {}
