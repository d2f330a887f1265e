import Foundation
import SablierPostgres
import SablierTestSupport
import Testing

/// What the end-to-end tests on PostgreSQL share: the server they may create databases on, a
/// database of their own dropped afterwards, and the real binary run off the cooperative pool.
enum PostgresCommandFixture {
    /// The administrator's URL in `SABLIER_TEST_POSTGRES` (`scripts/test.sh` starts a throw-away
    /// server and sets it); nil when unset, and the suites that need a server are then disabled.
    static let adminURL: String? = {
        guard let url = ProcessInfo.processInfo.environment["SABLIER_TEST_POSTGRES"], !url.isEmpty else { return nil }
        return url
    }()

    /// Why a suite is disabled without a server, as the test report shows it.
    static let noServer: Comment = "SABLIER_TEST_POSTGRES names no PostgreSQL server (scripts/test.sh starts one)"

    /// Runs `body` with the URL of a new, empty database on the test server (named after
    /// `prefix` and a UUID, so parallel tests never share one), dropped afterwards whatever happens.
    static func withDatabase<T: Sendable>(_ prefix: String, _ body: (String) async throws -> T) async throws -> T {
        let adminURL = try #require(adminURL, noServer)
        let name = prefix + "_" + UUID().uuidString.replacing("-", with: "").prefix(16).lowercased()
        try await PostgresStore.createDatabase(named: name, adminURL: adminURL)
        let result: T
        do {
            result = try await body(try PostgresStore.url(adminURL, database: name))
        } catch {
            try await PostgresStore.dropDatabase(named: name, adminURL: adminURL)
            throw error
        }
        try await PostgresStore.dropDatabase(named: name, adminURL: adminURL)
        return result
    }

    /// Runs `body` on a thread of its own: `SablierProcess.run` waits for the child process,
    /// and a cooperative thread must never wait; several such threads run processes at once.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }
}

/// One store reached through the real binary: an SQLite file or a PostgreSQL URL with its key.
struct CommandStore: Sendable {
    /// `--db` and, for PostgreSQL, `--audit-key` (a database has no folder to find it in).
    let storeArguments: [String]
    /// The folder commands run in.
    let folder: URL

    /// Runs `sablier` on the store, in English, as `gestion.doc` unless `--as` says otherwise.
    func run(_ arguments: [String]) throws -> SablierProcess.Result {
        try SablierProcess.run(arguments + storeArguments, in: folder, environment: ["LANG": "en_CA.UTF-8"])
    }

    /// Runs `sablier` and records an issue when it does not succeed.
    @discardableResult
    func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> SablierProcess.Result {
        let result = try run(arguments)
        #expect(result.status == 0, "sablier \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    /// `sablier init`, then the users the tests act as (a subset of `SablierProcess.cast`).
    func initialise(users: [String]) throws {
        try succeed(["init", "--admin", "admin"])
        for user in SablierProcess.cast where users.contains(user.name) {
            try succeed(["user", "add", user.name, "--unit", user.unit] + user.roles.flatMap { ["--role", $0] } + ["--as", "admin"])
        }
    }

    /// The audit trail's entries (`audit log --format json`, read by the RSI).
    func auditEntries() throws -> [[String: Any]] {
        let log = try succeed(["audit", "log", "--format", "json", "--as", "admin"])
        return try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
    }
}
