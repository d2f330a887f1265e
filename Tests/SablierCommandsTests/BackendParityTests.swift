import Foundation
import SablierTestSupport
import Testing

/// "The same example data gives the same due list and the same certificate on both backends":
/// the example installation is built through the real binary twice, step by step the same, once
/// on an SQLite file and once on a PostgreSQL database (not copied: each store computes its own),
/// a destruction list is proposed by one person, approved by another and executed, and what the
/// two stores print is compared byte for byte.
@Suite("The same example data on SQLite and PostgreSQL", .serialized,
       .enabled(if: PostgresCommandFixture.adminURL != nil, PostgresCommandFixture.noServer))
struct BackendParityTests {
    /// The example installation, the same commands on either store: users, calendar, boxes,
    /// the folder of the example files, the register, three privacy reviews, and destruction
    /// list 1 proposed by archiviste, approved by directrice and executed by technicien.
    static let steps: [[String]] = [
        ["calendar", "import", Fixtures.exampleNative.path],
        ["box", "add", "B-2023-RF-01"], ["box", "add", "B-2014-RF-01"],
        ["document", "import", "examples/registre-exemple.csv"],
        ["privacy", "review", "SG-CORR-2021", "--dismiss", "--note", "Examiné", "--as", "aiprp"],
        ["privacy", "review", "ELV-2010-0001", "--confirm", "--note", "Examiné", "--as", "aiprp"],
        ["privacy", "review", "ELV-2010-0001-NUM", "--confirm", "--note", "Examiné", "--as", "aiprp"],
        ["disposition", "propose", "--as-of", "2025-06-30", "--action", "destroy", "--as", "archiviste"],
        ["disposition", "approve", "1", "--as", "directrice"],
        ["disposition", "execute", "1", "--method", "déchiquetage", "--as", "technicien"],
    ]

    /// What is compared: the due list of a fixed day after the execution, the list, and its certificate.
    static let readings: [[String]] = [
        ["due", "--as-of", "2031-01-01", "--format", "json"],
        ["disposition", "show", "1", "--format", "json"],
        ["disposition", "certificate", "1", "--format", "json"],
        ["disposition", "certificate", "1"],
    ]

    @Test("the example register gives the same due list, list and certificate on SQLite and on PostgreSQL")
    func sameResults() async throws {
        let directory = try TemporaryDirectory(prefix: "sablier-parity")
        defer { directory.remove() }
        let sqlite = CommandStore(storeArguments: ["--db", directory.file("sablier.sqlite").path], folder: directory.url)
        try await PostgresCommandFixture.withDatabase("parity") { url in
            let postgres = CommandStore(storeArguments: ["--db", url, "--audit-key", directory.file("postgres.audit-key").path],
                                        folder: directory.url)
            let printed = try await PostgresCommandFixture.onThread {
                try [sqlite, postgres].map { store in try Self.build(store, in: directory) }
            }
            let (onSQLite, onPostgres) = (printed[0], printed[1])
            for (reading, (left, right)) in zip(Self.readings, zip(onSQLite, onPostgres)) {
                #expect(left == right, "sablier \(reading.joined(separator: " ")) differs between SQLite and PostgreSQL")
            }
            // The comparison saw something: the three documents destroyed, and the due list of the others.
            #expect(onSQLite[2].contains("\"reference\" : \"SG-CORR-2021\""))
            #expect(onSQLite[0].contains("\"reference\" : \"RF-PAIE-2018\""))
        }
    }

    /// Builds the installation on `store`, then returns what each reading printed, with what
    /// must differ between two runs replaced.
    ///
    /// Both stores read and delete the files of ONE folder of example files (put back between
    /// the two), so the paths and digests the certificate records are the same, and nothing
    /// names the database: there is no location to remove. What must differ is the clock: each
    /// command stamps the moment it ran (`proposedAt`, `approvedAt`, `executedAt`, `doneAt`,
    /// `2026-…T…Z` in the certificate's text), and the audit trail's head hash chains those
    /// moments under each store's own audit key. Those instants and that hash are replaced by
    /// placeholders; every other byte — references, dates due, actions, outcomes, the audit
    /// sequence numbers the certificate cites — must be equal.
    static func build(_ store: CommandStore, in directory: TemporaryDirectory) throws -> [String] {
        let examples = directory.file("examples")
        try? FileManager.default.removeItem(at: examples)
        try FileManager.default.copyItem(at: Fixtures.examples, to: examples)
        try store.initialise(users: ["gestion.doc", "archiviste", "directrice", "technicien", "aiprp"])
        // A PostgreSQL store has no folder of its own to read files under; the SQLite store is
        // given the same folder so both audit trails hold the same entries.
        try store.succeed(["roots", "add", examples.path])
        for step in steps { try store.succeed(step) }
        return try readings.map { reading in
            let output = try store.succeed(reading).stdout
            return output
                .replacing(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/, with: "<instant>")
                .replacing(/"hash" : "[0-9a-f]{64}"/, with: "\"hash\" : \"<audit head>\"")
                .replacing(/empreinte [0-9a-f]{64}/, with: "empreinte <audit head>")
                .replacing(/hash [0-9a-f]{64}/, with: "hash <audit head>")
        }
    }
}
