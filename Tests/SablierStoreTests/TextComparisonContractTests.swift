import Foundation
import SablierCore
import SablierStore
import SablierTestSupport
import Testing
@testable import SablierPostgres

/// Text compares alike on every backend: a search folds case and accents the same way, and
/// text is ordered byte-wise (code points), whatever collation a PostgreSQL database was
/// created with. Otherwise the same register answers a query, or orders its lists, otherwise
/// once copied from SQLite to PostgreSQL.
@Suite("Text compares the same on every backend: searches fold case and accents, order is byte order")
struct TextComparisonContractTests {
    let now = ExampleRegister.now

    /// Documents whose titles write "école" in every way a register does, and two that do not.
    static let titled = [
        "ECO-1": "École primaire Saint-Jean", "ECO-2": "ÉCOLE SECONDAIRE DU PARC", "ECO-3": "Ecole des adultes",
        "ECO-4": "Fermeture d'une école", "ECO-5": "Écologie du boisé", "ECO-6": "Œuvres des élèves",
    ]

    /// Registers a document of rule 1201 for each reference, with its title, all due to be
    /// destroyed on the same day (2024-06-30), so the due list orders them by reference.
    func register(_ references: [String: String], in store: any SablierStorage) async throws {
        let documents = references.keys.sorted().map { reference in
            NewDocument(document: Document(reference: reference, title: references[reference]!, rule: "1201", copy: .principal,
                                           holder: "Secrétariat général", support: .papier,
                                           openedOn: CivilDate(iso: "2021-01-04"), closedOn: CivilDate(iso: "2021-12-20")))
        }
        _ = try await store.registerDocuments(documents, by: "gestion.doc", at: now)
    }

    func found(_ store: any SablierStorage, _ query: String) async throws -> [String] {
        try await store.documents(matching: try DocumentQuery(parsing: query), limit: nil).map(\.document.reference)
    }

    @Test("~ and ^= find 'École', 'ÉCOLE' and 'Ecole' whether one types 'ecole', 'école' or 'ÉCOLE'", arguments: Backend.allCases)
    func searchFoldsCaseAndAccents(backend: Backend) async throws {
        try await ExampleRegister.with(backend) { store, _ in
            try await register(Self.titled, in: store)
            for typed in ["ecole", "école", "ÉCOLE", "Ecole"] {
                #expect(try await found(store, "reference^=eco-; title~\(typed)") == ["ECO-1", "ECO-2", "ECO-3", "ECO-4"], "typed \(typed)")
                #expect(try await found(store, "reference^=ECO-; title^=\(typed)") == ["ECO-1", "ECO-2", "ECO-3"], "typed \(typed)")
            }
            #expect(try await found(store, "reference^=eco-; title~oeuvres des eleves") == ["ECO-6"])
            #expect(try await found(store, "reference^=eco-; title~ŒUVRES") == ["ECO-6"])
            #expect(try await found(store, "reference^=eco-; title~ecol") == ["ECO-1", "ECO-2", "ECO-3", "ECO-4", "ECO-5"])
            // The example register's holder, accented capitals included.
            #expect(try await found(store, "holder~ecole primaire des erables") == ["ELV-2010-0001", "ELV-2010-0001-NUM"])
            // LIKE's own characters are still literal.
            #expect(try await found(store, "title~d_une").isEmpty)
        }
    }

    /// References that a French collation orders otherwise than byte order.
    static let references = ["Zèbre-1", "école-1", "ABC-1", "abc-1", "Éa-1", "zoo-1"]

    /// Byte (code point) order, SQLite's.
    static let byteOrder = references.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }

    @Test("documents are listed in byte order of their references", arguments: Backend.allCases)
    func listedInByteOrder(backend: Backend) async throws {
        try await ExampleRegister.with(backend) { store, _ in
            try await register(Dictionary(uniqueKeysWithValues: Self.references.map { ($0, "Titre") }), in: store)
            let listed = try await store.documents(matching: nil, limit: nil).map(\.document.reference).filter(Self.references.contains)
            #expect(listed == Self.byteOrder)
            let due = try await store.dueDocuments(asOf: CivilDate(iso: "2026-11-29")!, action: nil).map(\.reference)
            #expect(due.filter(Self.references.contains) == Self.byteOrder)
        }
    }

    @Test("on a PostgreSQL database created with a French collation, text is still compared byte-wise, as on SQLite",
          .enabled(if: PostgresTestServer.adminURL != nil, "needs SABLIER_TEST_POSTGRES"))
    func frenchCollatedDatabase() async throws {
        let adminURL = try #require(PostgresTestServer.adminURL)
        try await withTemporaryDirectory { directory in
            let name = PostgresTestServer.databaseName(directory) + "_fr"
            try await PostgresStore.createDatabase(
                named: name, adminURL: adminURL, options: "TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'fr-CA' LOCALE 'C.UTF-8'")
            let outcome: Result<Void, any Error>
            do {
                let keyFile = try AuditKeyFixture.create(forStore: directory.file("sablier.postgres").path)
                let store = try await PostgresStore.open(url: PostgresStore.url(adminURL, database: name), auditKeyFile: keyFile)
                defer { store.close() }
                // The database itself orders as French does: "école" before "Zèbre".
                let french = try await store.read("comparing") { tx in try await tx.scalar(Bool.self, "SELECT 'école' < 'Zèbre'") }
                #expect(french == true)
                let unordered = try await store.read("listing columns") { tx in
                    try await tx.scalar(String.self, """
                        SELECT COALESCE(string_agg(table_name || '.' || column_name, ', '), '') FROM information_schema.columns
                        WHERE table_schema = current_schema() AND data_type = 'text' AND (collation_name IS NULL OR collation_name <> 'C')
                        """)
                }
                #expect(unordered == "", "text columns in the database's collation")
                try await ExampleRegister.fill(store, in: directory)
                try await register(Dictionary(uniqueKeysWithValues: Self.references.map { ($0, "Titre") }), in: store)
                let listed = try await store.documents(matching: nil, limit: nil).map(\.document.reference).filter(Self.references.contains)
                #expect(listed == Self.byteOrder)
                let due = try await store.dueDocuments(asOf: CivilDate(iso: "2026-11-29")!, action: nil).map(\.reference)
                #expect(due.filter(Self.references.contains) == Self.byteOrder)
                outcome = .success(())
            } catch {
                outcome = .failure(error)
            }
            try await PostgresStore.dropDatabase(named: name, adminURL: adminURL)
            try outcome.get()
        }
    }
}
