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

    @Test("show prints rule 01740a field by field, as the source says")
    func showRule() throws {
        _ = try sablier("calendar", "import", Fixtures.udemGALA.path)
        let result = try sablier("calendar", "show", "01740a", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let rule = try json(result.stdout) as? [String: Any]
        let principal = rule?["principal"] as? [String: Any]
        let active = principal?["active"] as? [String: Any]
        #expect(active?["code"] as? String == "888")
        #expect(active?["remark"] as? String == "R1")
        #expect((principal?["semiActive"] as? [String: Any])?["years"] as? Int == 15)
        #expect(principal?["disposition"] as? String == "T")
        #expect(rule?["confidentialDocuments"] as? Bool == true)
        let table = try sablier("calendar", "show", "01740a")
        #expect(table.stdout.contains("Plagiat et fraude"))
        let missing = try sablier("calendar", "show", "nope")
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("rule nope is not in calendar version 1"))
    }

    @Test("a file with an error on its last rule is rejected whole and the database is unchanged")
    func rejectedLeavesDatabaseUnchanged() throws {
        _ = try sablier("calendar", "import", Fixtures.udemGALA.path)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        var text = try String(contentsOf: Fixtures.udemGALA, encoding: .utf8)
        // The last DELAI_ROW of the file is rule 01740a's secondary copy: make it kept (C).
        let range = try #require(text.range(of: "<ID_REF_DISPOSITION>D</ID_REF_DISPOSITION>", options: .backwards))
        text.replaceSubrange(range, with: "<ID_REF_DISPOSITION>C</ID_REF_DISPOSITION>")
        let bad = try dir.write("bad.xml", text)
        let result = try sablier("calendar", "import", bad.path)
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(bad.path):"))
        #expect(result.stderr.contains("error: rule 01740a, secondary copy"))
        #expect(result.stderr.contains("nothing was imported"))
        let versions = try json(try sablier("calendar", "versions", "--format", "json").stdout) as? [[String: Any]]
        #expect(versions?.count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test("every real file imports; the Valcourt spreadsheet gives 159 rules")
    func realFiles() throws {
        for file in [Fixtures.udemGALA, Fixtures.hbGALA, Fixtures.hbCSV, Fixtures.valcourtCSV] {
            let result = try sablier("calendar", "import", file.path)
            #expect(result.status == 0, "\(file.lastPathComponent): \(result.stderr)")
        }
        let list = try json(try sablier("calendar", "list", "--format", "json").stdout) as? [String: Any]
        #expect((list?["rules"] as? [Any])?.count == 159)
        #expect(list?["organisation"] as? String == "Ville de Valcourt")
        let csv = try sablier("calendar", "list", "--format", "csv")
        #expect(csv.stdout.split(separator: "\n").first == "rule,title,holder,principal,secondary,supports,classification,confidential")
    }

    @Test("diff between two versions lists rules added, changed field by field, and retired")
    func diff() throws {
        _ = try sablier("calendar", "import", Fixtures.valcourtCSV.path)
        var lines = try String(contentsOf: Fixtures.valcourtCSV, encoding: .utf8)
        // 201.02: semi-active 5 → 7 on the principal copy.
        lines = lines.replacingOccurrences(of: "Trésorerie,\"PA, DM\",R1,1,,5,,C,R2", with: "Trésorerie,\"PA, DM\",R1,1,,7,,C,R2")
        let changed = try dir.write("valcourt-v2.csv", lines)
        let imported = try sablier("calendar", "import", changed.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        let result = try sablier("calendar", "diff", "1", "2", "--format", "json")
        let diff = try json(result.stdout) as? [String: Any]
        let changedRules = diff?["changed"] as? [[String: Any]]
        #expect(changedRules?.count == 1)
        #expect(changedRules?.first?["rule"] as? String == "201.02")
        let change = (changedRules?.first?["changes"] as? [[String: Any]])?.first
        #expect(change?["field"] as? String == "principal.semiActive")
        #expect(change?["old"] as? String == "5 ans")
        #expect(change?["new"] as? String == "7 ans")
        #expect((diff?["added"] as? [Any])?.isEmpty == true)
        let unknown = try sablier("calendar", "diff", "1", "9")
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("version 9 does not exist"))
    }

    @Test("export then import gives the same calendar", arguments: ["gala", "native"])
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
            #expect(line.hasPrefix(bomb.path) || line.hasPrefix("Error: "), "unexpected output: \(line)")
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

    @Test("a missing file, an empty store and a file over --max-size are clear errors")
    func errors() throws {
        let missing = try sablier("calendar", "import", dir.file("nope.xml").path)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("nope.xml: error: no such file"))
        let empty = try sablier("calendar", "list")
        #expect(empty.status != 0)
        #expect(empty.stderr.contains("no calendar has been imported yet"))
        let big = try sablier("calendar", "import", Fixtures.valcourtCSV.path, "--max-size", "1000")
        #expect(big.status != 0)
        #expect(big.stderr.contains("over the 1000-byte limit"))
    }
}
