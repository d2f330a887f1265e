import Foundation
import SablierCore
import SablierPostgres
import SablierSQLite
import SablierStore
import SablierTestSupport
import Testing

/// `StoreCopy`, what `sablier db copy` runs: the order its tables are written in, and a copy
/// from SQLite into PostgreSQL made in small batches (when `SABLIER_TEST_POSTGRES` is set).
@Suite("StoreCopy: tables in foreign-key order, rows in batches, counts and audit trail checked")
struct StoreCopyTests {
    @Test("each table comes after the tables it references, ties alphabetical; a cycle is refused")
    func dependencyOrder() throws {
        let tables = [
            StoreTableShape(name: "tombstone", columns: ["document", "list"], references: ["document", "disposition_list"]),
            StoreTableShape(name: "document", columns: ["id", "box", "replaces"], references: ["box", "document"]),
            StoreTableShape(name: "disposition_list", columns: ["number"], references: []),
            StoreTableShape(name: "box", columns: ["code"], references: []),
        ]
        #expect(try StoreCopy.dependencyOrder(tables).map(\.name) == ["box", "disposition_list", "document", "tombstone"])
        let cycle = [
            StoreTableShape(name: "a", columns: ["b"], references: ["b"]),
            StoreTableShape(name: "b", columns: ["a"], references: ["a"]),
        ]
        #expect(throws: Refusal.self) { try StoreCopy.dependencyOrder(cycle) }
    }

    @Test("the example register copied 4 rows at a time: same counts, same documents, the trail verifies; a second copy is refused and adds nothing",
          .enabled(if: PostgresTestServer.adminURL != nil))
    func copyInBatches() async throws {
        let adminURL = try #require(PostgresTestServer.adminURL)
        try await ExampleRegister.with(.sqlite) { storage, _ in
            let source = try #require(storage as? SQLiteStore)
            let name = "t_copy_" + UUID().uuidString.replacing("-", with: "").prefix(16).lowercased()
            try await PostgresStore.createDatabase(named: name, adminURL: adminURL)
            let target = try await PostgresStore.open(url: PostgresStore.url(adminURL, database: name), auditKeyFile: source.auditKeyFile)
            do {
                let counts = try await StoreCopy.copy(from: source, to: target, batchSize: 4)
                #expect(counts.allSatisfy { $0.source == $0.target })
                #expect(counts.first { $0.table == "document" }?.target == 12)
                #expect(counts.first { $0.table == "calendar_rule_item" }.map { $0.target > 4 } == true, "several batches of one table")
                #expect(try await target.documents(matching: nil, limit: nil) == (try await source.documents(matching: nil, limit: nil)))
                #expect(try await target.verifyAudit(checkpoint: nil).problem == nil)

                let entries = try await target.auditEntries(since: nil, user: nil, target: nil).count
                await #expect(throws: Refusal.self) { _ = try await StoreCopy.copy(from: source, to: target) }
                #expect(try await target.auditEntries(since: nil, user: nil, target: nil).count == entries)
            } catch {
                target.close()
                try await PostgresStore.dropDatabase(named: name, adminURL: adminURL)
                throw error
            }
            target.close()
            try await PostgresStore.dropDatabase(named: name, adminURL: adminURL)
        }
    }
}
