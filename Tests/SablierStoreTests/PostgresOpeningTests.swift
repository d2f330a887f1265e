import Foundation
import SablierPostgres
import SablierStore
import SablierTestSupport
import Testing

/// Opening a PostgreSQL store that cannot be opened: the server's own reason, at once.
///
/// PostgresNIO's pool retries a failing connection for a minute and then reports only that it
/// gave up; the store connects once alone first, so a mistyped database or role is named.
@Suite("PostgreSQL store: a database that cannot be opened is named with the server's reason")
struct PostgresOpeningTests {
    static let enabled = Backend.allCases.contains(.postgres)

    @Test("a database that does not exist, a role the server does not know, and a URL naming no database",
          .enabled(if: enabled, "SABLIER_TEST_POSTGRES is not set"))
    func refusals() async throws {
        let admin = try #require(PostgresTestServer.adminURL)
        let key = try TemporaryDirectory(prefix: "sablier-pg-open")
        defer { key.remove() }
        let keyFile = key.file("audit-key").path
        for (url, reason) in [
            (try PostgresStore.url(admin, database: "sablier_no_such_database"), #"database "sablier_no_such_database" does not exist"#),
            (admin.replacingOccurrences(of: "postgres@", with: "sablier_no_such_role@"), #"role "sablier_no_such_role" does not exist"#),
        ] {
            let error = await #expect(throws: StoreError.self) { try await PostgresStore.open(url: url, auditKeyFile: keyFile) }
            #expect(error?.code == .cannotOpen)
            #expect(error?.description.contains(reason) == true, "\(error.map(String.init(describing:)) ?? "")")
        }
        let error = await #expect(throws: StoreError.self) {
            try await PostgresStore.open(url: "postgres://someone:s3cret@127.0.0.1:1", auditKeyFile: keyFile)
        }
        #expect(error?.description.contains("names no database") == true)
        #expect(error?.description.contains("s3cret") == false)
    }
}
