import Foundation
import SablierPostgres
import SablierTestSupport
import Testing

/// `sablier db copy` and `--db postgres://…` through the real binary: the example installation
/// moved from SQLite to a fresh PostgreSQL database gives the same due list and the same
/// certificate there, its audit trail verifies with the same key, and a second copy into it is
/// refused. Runs when `SABLIER_TEST_POSTGRES` names a server where databases may be created
/// (`scripts/test.sh` starts one); the refusals that need no server always run.
@Suite("sablier db copy and --db postgres://… (end to end)", .serialized)
final class DatabaseCopyCommandTests {
    let dir: TemporaryDirectory
    var db: String { dir.file("sablier.sqlite").path }
    var key: String { db + ".audit-key" }
    var examples: URL { dir.file("examples") }

    static let adminURL: String? = {
        guard let url = ProcessInfo.processInfo.environment["SABLIER_TEST_POSTGRES"], !url.isEmpty else { return nil }
        return url
    }()

    init() throws {
        dir = try TemporaryDirectory(prefix: "sablier-db-copy-cli")
        try SablierProcess.prepareStore(at: db)
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("examples"), to: examples)
    }

    deinit {
        dir.remove()
    }

    /// Runs `sablier` in the test's folder, in English.
    func sablier(_ arguments: [String]) throws -> SablierProcess.Result {
        try SablierProcess.run(arguments, in: dir.url, environment: ["LANG": "en_CA.UTF-8"])
    }

    /// The example installation on SQLite: calendar, boxes, register, and a destruction list
    /// executed, so the copy carries tombstones and a certificate whose keyed digests the
    /// audit verification checks.
    func installation() throws {
        for arguments in [
            ["calendar", "import", Fixtures.exampleNative.path],
            ["box", "add", "B-2023-RF-01"], ["box", "add", "B-2014-RF-01"],
            ["document", "import", examples.appendingPathComponent("registre-exemple.csv").path],
            ["privacy", "review", "SG-CORR-2021", "--dismiss", "--note", "Examiné", "--as", "aiprp"],
            ["privacy", "review", "ELV-2010-0001", "--confirm", "--note", "Examiné", "--as", "aiprp"],
            ["privacy", "review", "ELV-2010-0001-NUM", "--confirm", "--note", "Examiné", "--as", "aiprp"],
            ["disposition", "propose", "--as-of", "2025-06-30", "--action", "destroy", "--as", "archiviste"],
            ["disposition", "approve", "1", "--as", "directrice"],
            ["disposition", "execute", "1", "--method", "déchiquetage", "--as", "technicien"],
            ["hold", "place", "--document", "RH-EMP-0107", "--reason", "Litige", "--as", "aiprp"],
            ["incident", "report", "--type", "integrite", "--description", "Registre vérifié", "--as", "admin"],
        ] {
            let result = try sablier(arguments + ["--db", db])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }

    /// `url` with a password, so the test sees it is never printed (the throw-away server
    /// trusts local connections and does not ask for it).
    static func withPassword(_ url: String) throws -> String {
        var components = try #require(URLComponents(string: url))
        if components.password == nil { components.password = "never-printed" }
        return try #require(components.string)
    }

    @Test("a PostgreSQL store names its audit key; a copy goes into PostgreSQL only (no server needed)")
    func refusalsWithoutServer() throws {
        let url = "postgres://sablier:never-printed@127.0.0.1:1/sablier"
        let noKey = try sablier(["due", "--db", url])
        #expect(noKey.status == 65)
        #expect(noKey.stderr.contains("the PostgreSQL store postgres://sablier:***@127.0.0.1:1/sablier has no folder to look for the audit key in"))
        #expect(noKey.stderr.contains("(--audit-key FILE or $SABLIER_AUDIT_KEY)"))
        let french = try SablierProcess.run(["init", "--admin", "admin", "--db", url, "--lang", "fr"], in: dir.url)
        #expect(french.status == 65)
        #expect(french.stderr.contains("n'a pas de dossier où chercher la clé d'audit"))
        let intoSQLite = try sablier(["db", "copy", "--from", db, "--to", dir.file("other.sqlite").path])
        #expect(intoSQLite.status == 64)
        #expect(intoSQLite.stderr.contains("a copy goes into an empty PostgreSQL database, postgres://user@host:port/database"))
        let missing = try sablier(["db", "copy", "--from", dir.file("missing.sqlite").path, "--to", url])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no Sablier store at"))
        for result in [noKey, french, intoSQLite, missing] {
            #expect(!(result.stdout + result.stderr).contains("never-printed"))
        }
    }

    @Test("the example installation copied to PostgreSQL: counts per table, same due list and certificate, audit verify passes; a second copy is refused",
          .enabled(if: DatabaseCopyCommandTests.adminURL != nil))
    func copyToPostgres() async throws {
        let adminURL = try #require(Self.adminURL)
        let name = "cli_copy_" + UUID().uuidString.replacing("-", with: "").prefix(16).lowercased()
        try await PostgresStore.createDatabase(named: name, adminURL: adminURL)
        do {
            try copy(to: try Self.withPassword(try PostgresStore.url(adminURL, database: name)))
        } catch {
            try await PostgresStore.dropDatabase(named: name, adminURL: adminURL)
            throw error
        }
        try await PostgresStore.dropDatabase(named: name, adminURL: adminURL)
    }

    func copy(to url: String) throws {
        try installation()
        let readings = [
            ["due", "--as-of", "2031-01-01", "--format", "json"],
            ["disposition", "certificate", "1", "--format", "json"],
            ["document", "list", "--format", "json"],
        ]
        let before = try readings.map { try sablier($0 + ["--db", db]) }
        for result in before { #expect(result.status == 0, "\(result.stderr)") }

        let copied = try sablier(["db", "copy", "--from", db, "--to", url])
        #expect(copied.status == 0, "\(copied.stderr)")
        let lines = copied.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("table") == true)
        // Every table of the schema, in an order its foreign keys allow, with both counts.
        let documents = try #require(lines.first { $0.hasPrefix("document ") })
        #expect(documents.split(separator: " ", omittingEmptySubsequences: true).map(String.init) == ["document", "12", "12"])
        let order = lines.compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(try #require(order.firstIndex(of: "document")) < (try #require(order.firstIndex(of: "tombstone"))))
        #expect(try #require(order.firstIndex(of: "disposition_list")) < (try #require(order.firstIndex(of: "disposition_item"))))
        #expect(copied.stdout.contains("every count matches"))
        #expect(copied.stdout.contains("the copy's audit trail is intact"))

        let after = try readings.map { try sablier($0 + ["--db", url, "--audit-key", key]) }
        for (reading, (sqlite, postgres)) in zip(readings, zip(before, after)) {
            #expect(postgres.status == 0, "\(reading): \(postgres.stderr)")
            #expect(postgres.stdout == sqlite.stdout, "\(reading)")
        }
        let verified = try sablier(["audit", "verify", "--db", url, "--audit-key", key, "--as", "admin"])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout.contains("audit trail intact"))

        // The copy keeps the source's ids; the next ones the database gives follow them (each
        // identity's sequence is set past the copied ids), so work goes on on the copy.
        let onCopy = ["--db", url, "--audit-key", key]
        let hold = try sablier(["hold", "place", "--document", "SG-PV-CA-2019", "--reason", "Accès", "--as", "aiprp"] + onCopy)
        #expect(hold.status == 0, "\(hold.stderr)")
        #expect(hold.stdout.contains("hold 2 placed"), "\(hold.stdout)")
        let incident = try sablier(["incident", "report", "--type", "integrite", "--description", "Copie", "--as", "admin"] + onCopy)
        #expect(incident.status == 0, "\(incident.stderr)")
        #expect(incident.stdout.contains("incident 2 (integrite) reported"), "\(incident.stdout)")
        let added = try sablier([
            "document", "add", "--reference", "ADD-1", "--title", "Procès-verbal", "--rule", "1101", "--support", "PA",
            "--holder", "Secrétariat général", "--opened", "1999-07-01", "--closed", "2000-06-30",
            "--location", "Centre administratif / Local 012",
        ] + onCopy)
        #expect(added.status == 0, "\(added.stderr)")
        let stillIntact = try sablier(["audit", "verify", "--as", "admin"] + onCopy)
        #expect(stillIntact.stdout.contains("audit trail intact"), "\(stillIntact.stderr)")

        let again = try sablier(["db", "copy", "--from", db, "--to", url])
        #expect(again.status == 75)
        #expect(again.stderr.contains("is not empty"))
        #expect(again.stderr.contains("nothing was copied"))
        for result in [copied, again, verified] + after {
            #expect(!(result.stdout + result.stderr).contains("never-printed"))
        }
    }
}
