import Foundation
import Logging
import PostgresNIO
import SablierStore

/// Creating and dropping whole databases through an administrator's connection: what the
/// contract tests do for each temporary store, `db copy` for its target and the benchmarks for
/// theirs. A store never does it itself: opening a store never creates a database, so a
/// mistyped URL is refused rather than answered with an empty store.
extension PostgresStore {
    /// Creates the database `name` on the server of `adminURL` (a URL of any database there,
    /// as a user allowed to create databases). Does nothing when it already exists, so that
    /// two processes preparing the same database both go on.
    public static func createDatabase(named name: String, adminURL: String) async throws {
        try await createDatabase(named: name, adminURL: adminURL, options: "")
    }

    /// `createDatabase(named:adminURL:)` with `options` after the name (SQL, trusted: a test
    /// makes a database with another collation with it).
    static func createDatabase(named name: String, adminURL: String, options: String) async throws {
        let identifier = try quotedIdentifier(name)
        try await withAdminConnection(adminURL, operation: "creating database \(name)") { connection, logger in
            let exists = try await connection.query("SELECT 1 FROM pg_database WHERE datname = \(name)", logger: logger).collect()
            guard exists.isEmpty else { return }
            do {
                _ = try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(identifier) \(options)"), logger: logger).collect()
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "42P04" {
                // Created by another process since the check: what the caller wanted.
            }
        }
    }

    /// Drops the database `name` on the server of `adminURL`, closing whatever connections
    /// are still open to it (`WITH (FORCE)`); does nothing when there is no such database.
    public static func dropDatabase(named name: String, adminURL: String) async throws {
        let identifier = try quotedIdentifier(name)
        try await withAdminConnection(adminURL, operation: "dropping database \(name)") { connection, logger in
            _ = try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(identifier) WITH (FORCE)"), logger: logger).collect()
        }
    }

    /// `url` naming the database `name` instead of its own, on the same server, as the same
    /// user and with the same options: the URL of a database made with `createDatabase`.
    public static func url(_ url: String, database name: String) throws -> String {
        _ = try quotedIdentifier(name)
        guard PostgresAddress.isURL(url), var components = URLComponents(string: url) else {
            throw StoreError.cannotOpen(url, detail: "not a PostgreSQL URL (postgres://user@host:port/database)")
        }
        components.path = "/" + name
        guard let named = components.string else {
            throw StoreError.cannotOpen(url, detail: "the URL cannot name the database \(name)")
        }
        return named
    }

    /// `name` as a quoted SQL identifier. Only letters, digits and underscores are accepted, so
    /// that the name can never close its quotes, and a name differing only in case from another
    /// is never mistaken for it.
    static func quotedIdentifier(_ name: String) throws -> String {
        let allowed = name.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F }
        guard !name.isEmpty, name.utf8.count <= 63, allowed, !(name.utf8.first! >= 0x30 && name.utf8.first! <= 0x39) else {
            throw StoreError.cannotOpen(name, detail: "a database name is 1 to 63 letters, digits and underscores, not starting with a digit")
        }
        return "\"\(name)\""
    }

    /// Runs `body` on one connection to the server of `adminURL`, closed afterwards; failures
    /// come back as `StoreError`s naming the server, never its password.
    private static func withAdminConnection(
        _ adminURL: String, operation: String, _ body: @Sendable (PostgresConnection, Logger) async throws -> Void
    ) async throws {
        let address = try PostgresAddress(adminURL)
        var logger = Logger(label: "sablier.postgres.admin")
        logger.logLevel = .critical
        let client = PostgresClient(configuration: address.configuration, backgroundLogger: logger)
        do {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask { await client.run() }
                defer { group.cancelAll() }
                try await client.withConnection { connection in try await body(connection, logger) }
            }
        } catch {
            throw storeError(error, location: address.description, operation: operation)
        }
    }
}
