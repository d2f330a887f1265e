import Foundation

/// Which store a benchmark measures `sablier` on: an SQLite file, or a PostgreSQL database.
///
/// Why: issue 16 gives Sablier a PostgreSQL store; whether an installation may move to it
/// depends on what the same commands cost there, measured in the same run as SQLite so that
/// both meet the same moments of this shared machine.
enum Backend: String, CaseIterable, Sendable {
    case sqlite, postgres

    /// The backends asked for: `--backend sqlite|postgres|both`; without it, both when a
    /// PostgreSQL server is given (`--postgres-url URL` or `$SABLIER_BENCH_POSTGRES`), else SQLite.
    static func chosen(_ arguments: [String], server: PostgresServer?) throws -> [Backend] {
        let asked = value(of: "--backend", in: arguments) ?? (server == nil ? "sqlite" : "both")
        let backends: [Backend]
        switch asked {
        case "both": backends = [.sqlite, .postgres]
        case "sqlite": backends = [.sqlite]
        case "postgres": backends = [.postgres]
        default: throw BenchError("--backend takes sqlite, postgres or both, not '\(asked)'")
        }
        if backends.contains(.postgres), server == nil {
            throw BenchError("PostgreSQL needs a server: --postgres-url postgres://user@host:port/db or $SABLIER_BENCH_POSTGRES "
                + "(scripts/bench.sh starts a throw-away one)")
        }
        return backends
    }

    /// The value following `name` in `arguments`, if any.
    static func value(of name: String, in arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }

    /// How the backend is named in the figures.
    var label: String { self == .sqlite ? "SQLite" : "PostgreSQL" }
}

/// A store for one measurement: the `--db` (and, on PostgreSQL, `--audit-key`) arguments every
/// `sablier` command of the benchmark is given.
struct BenchDatabase: Sendable {
    var backend: Backend
    /// The SQLite file's path or the database's URL.
    var location: String
    /// Named on PostgreSQL only: a database has no folder for the key to sit beside.
    var auditKey: String?

    var arguments: [String] { ["--db", location] + (auditKey.map { ["--audit-key", $0] } ?? []) }

    /// A new, empty store of `backend` named `name` under `work` (a file there, or a database on
    /// `server` made anew, its key file in `work`). Nothing of it exists yet but the empty database.
    static func fresh(_ backend: Backend, name: String, work: URL, server: PostgresServer?) throws -> BenchDatabase {
        switch backend {
        case .sqlite:
            let path = work.appendingPathComponent("\(name).sqlite").path
            for suffix in ["", ".audit-key", ".audit-key.head", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            return BenchDatabase(backend: .sqlite, location: path)
        case .postgres:
            guard let server else { throw BenchError("no PostgreSQL server") }
            let key = work.appendingPathComponent("\(name).audit-key").path
            for suffix in ["", ".head"] { try? FileManager.default.removeItem(atPath: key + suffix) }
            return BenchDatabase(backend: .postgres, location: try server.freshDatabase(name), auditKey: key)
        }
    }

    /// Removes the store (the file, or the database).
    func remove(server: PostgresServer?) {
        switch backend {
        case .sqlite:
            for suffix in ["", ".audit-key", ".audit-key.head", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: location + suffix) }
        case .postgres:
            try? server?.drop(URLComponents(string: location)?.path.dropFirst().description ?? "")
        }
    }

    /// Runs one SQL statement on the store with the backend's own client (`sqlite3` or `psql`)
    /// and returns its output, in CSV: the reference the benchmarks set beside Sablier.
    func query(_ sql: String, tools: ReferenceClients) throws -> String {
        switch backend {
        case .sqlite: return try Tools.output(tools.sqlite3, ["-csv", location, sql])
        case .postgres: return try Tools.output(tools.psql(), ["-X", "-q", "--csv", "-t", "-v", "ON_ERROR_STOP=1", "-d", location, "-c", sql])
        }
    }

    /// The statement as this backend reads it: SQLite's `INDEXED BY` hint is not PostgreSQL.
    func dialect(_ sql: String) -> String {
        backend == .sqlite ? sql : sql.replacingOccurrences(of: " INDEXED BY document_by_due", with: "")
    }
}

/// The command-line clients the references run: `sqlite3`, and `psql` when PostgreSQL is measured.
struct ReferenceClients {
    var sqlite3: String
    var psqlPath: String?

    static func locate(postgres: Bool) throws -> ReferenceClients {
        guard let sqlite3 = Tools.which("sqlite3") else { throw BenchError("sqlite3 is not installed (Debian: apt-get install sqlite3)") }
        let psql = Tools.which("psql")
        if postgres, psql == nil { throw BenchError("psql is not installed (Debian: apt-get install postgresql-client-15)") }
        return ReferenceClients(sqlite3: sqlite3, psqlPath: psql)
    }

    func psql() throws -> String {
        guard let psqlPath else { throw BenchError("psql is not installed") }
        return psqlPath
    }
}

/// A PostgreSQL server the benchmarks make their databases on, through an administrator's URL
/// (`scripts/postgres.sh start` prints one).
struct PostgresServer: Sendable {
    var adminURL: String

    /// `--postgres-url URL`, else `$SABLIER_BENCH_POSTGRES`, else none.
    static func given(_ arguments: [String]) -> PostgresServer? {
        let url = Backend.value(of: "--postgres-url", in: arguments) ?? ProcessInfo.processInfo.environment["SABLIER_BENCH_POSTGRES"]
        guard let url, !url.isEmpty else { return nil }
        return PostgresServer(adminURL: url)
    }

    /// The URL of `database` on this server (the admin URL with its path replaced).
    func url(database: String) throws -> String {
        guard var components = URLComponents(string: adminURL) else { throw BenchError("not a URL: \(adminURL)") }
        components.path = "/" + database
        guard let url = components.string else { throw BenchError("not a URL: \(adminURL)") }
        return url
    }

    /// Drops `name` if it is there and creates it empty; its URL.
    func freshDatabase(_ name: String) throws -> String {
        try drop(name)
        try admin("CREATE DATABASE \(name)")
        return try url(database: name)
    }

    func drop(_ name: String) throws {
        guard !name.isEmpty else { return }
        try admin("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    private func admin(_ sql: String) throws {
        guard let psql = Tools.which("psql") else { throw BenchError("psql is not installed (Debian: apt-get install postgresql-client-15)") }
        try Tools.run(psql, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", adminURL, "-c", sql])
    }
}
