import Foundation
import SablierTestSupport
import Testing

/// End-to-end: the real `sablier` binary on real files and a real SQLite database.
@Suite("sablier calendar (end to end)", .serialized)
final class CalendarCommandTests {
    let dir: TemporaryDirectory
    var db: String { dir.file("sablier.sqlite").path }

    init() throws {
        dir = try TemporaryDirectory(prefix: "sablier-cli")
        try SablierProcess.prepareStore(at: dir.file("sablier.sqlite").path)
    }

    deinit {
        dir.remove()
    }

    func sablier(_ arguments: String..., environment: [String: String] = [:]) throws -> SablierProcess.Result {
        try SablierProcess.run(arguments + ["--db", db], in: dir.url, environment: environment)
    }

    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test("importing the UdeM GALA file stores version 1 and prints the normalisations as FILE:LINE:COLUMN warnings")
    func importGALA() throws {
        let result = try sablier("calendar", "import", Fixtures.udemGALA.path, "--as", "gestion.doc")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("imported as version 1 (gala), 3 rules"))
        let warnings = result.stderr.split(separator: "\n")
        #expect(!warnings.isEmpty)
        for line in warnings {
            #expect(line.hasPrefix(Fixtures.udemGALA.path + ":"), "\(line)")
            #expect(line.contains(": warning: "), "\(line)")
        }
        let versions = try json(try sablier("calendar", "versions", "--format", "json").stdout) as? [[String: Any]]
        #expect(versions?.count == 1)
        #expect(versions?.first?["importedBy"] as? String == "gestion.doc")
        #expect(versions?.first?["sourceFormat"] as? String == "gala")
        #expect((versions?.first?["sourceSHA256"] as? String)?.count == 64)
    }

    @Test("export then import gives the same calendar", arguments: ["gala"])
    func exportRoundTrip(format: String) throws {
        _ = try sablier("calendar", "import", Fixtures.valcourtCSV.path)
        let exported = dir.file("export.\(format).xml").path
        let export = try sablier("calendar", "export", "--format", format, "--output", exported)
        #expect(export.status == 0, "\(export.stderr)")
        let reimport = try sablier("calendar", "import", exported)
        #expect(reimport.status == 0, "\(reimport.stderr)")
        let diff = try json(try sablier("calendar", "diff", "1", "2", "--format", "json").stdout) as? [String: Any]
        #expect((diff?["changed"] as? [Any])?.isEmpty == true, "\(diff ?? [:])")
        #expect((diff?["added"] as? [Any])?.isEmpty == true)
        #expect((diff?["retired"] as? [Any])?.isEmpty == true)
    }

    @Test("a hostile XML file is refused with our message only: libxml2 prints nothing of its own")
    func hostileFileIsQuiet() throws {
        let bomb = try dir.write("bomb.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE ROWSET [
              <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
              <!ENTITY xxe SYSTEM "file:///etc/passwd">
            ]>
            <ROWSET><ROW><NUMREGLE>&c;&xxe;</NUMREGLE></ROW></ROWSET>
            """)
        let result = try sablier("calendar", "import", bomb.path)
        #expect(result.status != 0)
        #expect(!result.stdout.contains("root:"))
        for line in result.stderr.split(separator: "\n") {
            #expect(line.hasPrefix(bomb.path) || line.hasPrefix("Error: ") || line.hasPrefix("Erreur : "), "unexpected output: \(line)")
        }
        #expect(result.stderr.contains("DOCTYPE"))
    }

    @Test("--db defaults to $SABLIER_DB and the acting user to $SABLIER_USER")
    func environmentDefaults() throws {
        let other = dir.file("other.sqlite").path
        try SablierProcess.prepareStore(at: other)
        let result = try SablierProcess.run(["calendar", "import", Fixtures.hbGALA.path], in: dir.url,
                                            environment: ["SABLIER_DB": other, "SABLIER_USER": "alice"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: other))
        let versions = try SablierProcess.run(["calendar", "versions", "--format", "json"], in: dir.url, environment: ["SABLIER_DB": other])
        let rows = try json(versions.stdout) as? [[String: Any]]
        #expect(rows?.first?["importedBy"] as? String == "alice")
    }

    @Test("a refused file: every diagnostic as FILE:LINE:COLUMN, then the message (French by default), exit 65, the store unchanged")
    func rejectedFile() throws {
        _ = try sablier("calendar", "import", Fixtures.udemGALA.path)
        var text = try String(contentsOf: Fixtures.udemGALA, encoding: .utf8)
        // The last DELAI_ROW of the file is rule 01740a's secondary copy: make it kept (C).
        let range = try #require(text.range(of: "<ID_REF_DISPOSITION>D</ID_REF_DISPOSITION>", options: .backwards))
        text.replaceSubrange(range, with: "<ID_REF_DISPOSITION>C</ID_REF_DISPOSITION>")
        let bad = try dir.write("bad.xml", text)
        let result = try sablier("calendar", "import", bad.path)
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(bad.path):"))
        #expect(result.stderr.contains("error: rule 01740a, secondary copy"))
        #expect(result.stderr.contains("Erreur : \(bad.path) : 1 erreur(s), rien n'a été importé"))
        let english = try sablier("calendar", "import", bad.path, "--lang", "en")
        #expect(english.stderr.contains("Error: \(bad.path): 1 error(s), nothing was imported"))
        let missing = try sablier("calendar", "show", "nope", "--lang", "en")
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("rule nope is not in calendar version 1"))
        let versions = try json(try sablier("calendar", "versions", "--format", "json").stdout) as? [[String: Any]]
        #expect(versions?.count == 1)
    }

    @Test("a mistyped subcommand names the nearest command, not the option after it")
    func mistypedSubcommand() throws {
        let result = try sablier("calendar", "lst", "--as", "x")
        #expect(result.status == 64)
        #expect(result.stderr.contains("« lst » n'est pas une commande de « sablier calendar » ; vouliez-vous dire « sablier calendar list » ?"))
        #expect(!result.stderr.contains("--as"))
        let english = try sablier("calendr", "list", "--lang", "en")
        #expect(english.stderr.contains("'calendr' is not a command of 'sablier'; did you mean 'sablier calendar'?"))
    }

    @Test("without --as, an unknown user is told where the name came from: --as, $SABLIER_USER, the system user")
    func unknownUserWithoutAs() throws {
        let result = try sablier("calendar", "versions", "--lang", "en", environment: ["SABLIER_USER": "mallory"])
        #expect(result.status == 67)
        #expect(result.stderr.contains("user mallory is not a Sablier user"))
        #expect(result.stderr.contains("the user comes from --as, else $SABLIER_USER, else the operating-system user"))
        let french = try sablier("calendar", "versions", environment: ["SABLIER_USER": ""])
        #expect(french.status == 67)
        #expect(french.stderr.contains("--as") && french.stderr.contains("$SABLIER_USER"))
        let named = try sablier("calendar", "versions", "--as", "mallory", "--lang", "en")
        #expect(!named.stderr.contains("$SABLIER_USER"))
    }
}
