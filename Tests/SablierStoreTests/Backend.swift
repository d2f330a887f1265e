import Foundation
import SablierStore
import SablierTestSupport
import Testing
@testable import SablierPostgres
@testable import SablierSQLite

/// The backends the contract suites run against: SQLite always; PostgreSQL when
/// `SABLIER_TEST_POSTGRES` holds the URL of a server where the tests may create databases
/// (`scripts/test.sh` starts one). Once the variable is set the PostgreSQL cases run and fail
/// when the server cannot be reached: a CI run never passes by skipping them.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static var allCases: [Backend] {
        PostgresTestServer.adminURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    var testDescription: String { rawValue }

    /// Opens (creating it the first time) the store kept for `directory`: calling it again on
    /// the same directory reopens the same database. PostgreSQL's database is dropped when the
    /// directory is removed by `withTemporaryDirectory`.
    func makeStore(in directory: TemporaryDirectory) async throws -> any SablierStorage {
        switch self {
        case .sqlite: try SQLiteStore(path: AuditKeyFixture.keyed(directory.file("sablier.sqlite").path))
        case .postgres: try await PostgresTestServer.shared.open(in: directory)
        }
    }

    /// The store kept for `directory` as `Store`, one of the protocols `SablierStorage` gathers,
    /// for a suite that tests that part alone.
    func makeStore<Store>(in directory: TemporaryDirectory, as type: Store.Type) async throws -> Store {
        guard let typed = try await makeStore(in: directory) as? Store else {
            throw BackendUnavailable(backend: self, storeType: "\(Store.self)")
        }
        return typed
    }

    /// The number of rows in each of `tables`, read around the store's API, so a test can
    /// prove that a failed write left nothing behind.
    func rowCounts(in directory: TemporaryDirectory, tables: [String] = Backend.tables) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        switch self {
        case .sqlite:
            for table in tables {
                counts[table] = try SQLiteStore.fetchUncheckedInt(
                    "SELECT COUNT(*) FROM \(table)", inDatabaseAt: directory.file("sablier.sqlite").path)
            }
        case .postgres:
            let store = try await PostgresTestServer.shared.reader(in: directory)
            for table in tables {
                counts[table] = try await store.read("counting rows") { tx in
                    try await tx.scalar(Int.self, "SELECT COUNT(*) FROM \(table)") ?? 0
                }
            }
        }
        return counts
    }

    static let tables = [
        CalendarVersionRow.table.name, CalendarVersionSourceRow.table.name, CalendarRuleRow.table.name,
        CalendarCopyRuleRow.table.name, CalendarRemarkRow.table.name, CalendarRuleItemRow.table.name,
        CalendarDiagnosticRow.table.name,
    ]
}

/// The store of a backend is not the part of the storage a suite asked for.
struct BackendUnavailable: Error, CustomStringConvertible {
    let backend: Backend
    let storeType: String

    var description: String {
        "the \(backend.rawValue) store is not a \(storeType)"
    }
}

/// Runs `body` with a fresh temporary directory, removed afterwards with the PostgreSQL
/// database made for it, if any (whether `body` succeeds or throws).
func withTemporaryDirectory<T>(_ body: (TemporaryDirectory) async throws -> T) async throws -> T {
    let directory = try TemporaryDirectory(prefix: "sablier-store")
    // The outermost directory of a test holds the test's place among the PostgreSQL tests that
    // run at once; the directories it nests share it.
    let outermost = PostgresTestServer.place == nil
    let place = PostgresTestServer.place ?? PostgresTestServer.Place()
    let result: Result<T, any Error>
    do {
        result = .success(try await PostgresTestServer.$place.withValue(place) { try await body(directory) })
    } catch {
        result = .failure(error)
    }
    var cleanup: (any Error)?
    do {
        try await PostgresTestServer.shared.discard(directory)
    } catch {
        cleanup = error
    }
    if outermost { await place.leave() }
    directory.remove()
    let value = try result.get()
    if let cleanup { throw cleanup }
    return value
}

/// The PostgreSQL server of `SABLIER_TEST_POSTGRES`: one database per temporary directory,
/// named from the directory's path (so reopening reaches it again), created on first use and
/// dropped with the directory.
actor PostgresTestServer {
    static let shared = PostgresTestServer()

    /// The administrator's URL, or nil when the PostgreSQL cases do not run.
    static let adminURL: String? = {
        guard let url = ProcessInfo.processInfo.environment["SABLIER_TEST_POSTGRES"], !url.isEmpty else { return nil }
        return url
    }()

    /// How many tests hold PostgreSQL databases at once. Swift Testing starts every case at
    /// once; each store keeps up to 8 connections, and the throw-away server accepts 200.
    static let places = 6

    /// The place of the running test (see `withTemporaryDirectory`).
    @TaskLocal static var place: Place?

    /// The databases made, by name, with the stores opened on each.
    private var databases: [String: [PostgresStore]] = [:]
    private var free = PostgresTestServer.places
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// The database name of `directory`: "t_" and 16 hex digits of the SHA-256 of its path.
    static func databaseName(_ directory: TemporaryDirectory) -> String {
        "t_" + SourceDigest.sha256Hex(Array(directory.url.path.utf8)).prefix(16)
    }

    /// A store on the database of `directory`, made the first time; its audit key stays in
    /// the directory, as a SQLite store's does.
    func open(in directory: TemporaryDirectory) async throws -> PostgresStore {
        guard let adminURL = Self.adminURL else {
            throw StoreError.cannotOpen("SABLIER_TEST_POSTGRES", detail: "no PostgreSQL server is given to the tests")
        }
        guard let place = Self.place else {
            throw StoreError.cannotOpen("SABLIER_TEST_POSTGRES", detail: "a PostgreSQL store is opened outside withTemporaryDirectory")
        }
        await place.take(from: self)
        let name = Self.databaseName(directory)
        if databases[name] == nil {
            try await PostgresStore.createDatabase(named: name, adminURL: adminURL)
            databases[name] = []
        }
        let keyFile = try AuditKeyFixture.create(forStore: directory.file("sablier.postgres").path)
        let store = try await PostgresStore.open(url: PostgresStore.url(adminURL, database: name), auditKeyFile: keyFile)
        databases[name, default: []].append(store)
        return store
    }

    /// A store on the database of `directory` to read it around the API: one already open.
    func reader(in directory: TemporaryDirectory) async throws -> PostgresStore {
        if let store = databases[Self.databaseName(directory)]?.first { return store }
        return try await open(in: directory)
    }

    /// Closes the stores on the database of `directory` and drops it, if it was made.
    func discard(_ directory: TemporaryDirectory) async throws {
        let name = Self.databaseName(directory)
        guard let stores = databases.removeValue(forKey: name), let adminURL = Self.adminURL else { return }
        for store in stores { store.close() }
        try await PostgresStore.dropDatabase(named: name, adminURL: adminURL)
    }

    fileprivate func enter() async {
        if free > 0 {
            free -= 1
        } else {
            await withCheckedContinuation { waiting.append($0) }
        }
    }

    fileprivate func leave() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// A test's place among those holding PostgreSQL databases: taken when it first opens a
    /// PostgreSQL store, so the SQLite cases never wait for one.
    actor Place {
        private var taking: Task<Void, Never>?

        func take(from server: PostgresTestServer) async {
            if let taking { return await taking.value }
            let task = Task { await server.enter() }
            taking = task
            await task.value
        }

        func leave() async {
            guard let taking else { return }
            await taking.value
            await PostgresTestServer.shared.leave()
            self.taking = nil
        }
    }
}
