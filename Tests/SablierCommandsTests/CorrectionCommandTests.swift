import Foundation
import SablierTestSupport
import Testing

/// `document correct`, `document reclassify` and the stranded documents of `calendar import`
/// and `calendar impact`, through the real binary.
@Suite("sablier document correct, document reclassify, stranded documents (end to end)", .serialized)
final class CorrectionCommandTests {
    let dir: TemporaryDirectory
    var db: String { dir.file("sablier.sqlite").path }

    init() throws {
        dir = try TemporaryDirectory(prefix: "sablier-cli-correct")
        try SablierProcess.prepareStore(at: dir.file("sablier.sqlite").path)
    }

    deinit {
        dir.remove()
    }

    func sablier(_ arguments: String...) throws -> SablierProcess.Result {
        try SablierProcess.run(arguments + ["--db", db], in: dir.url)
    }

    func loadExample() throws {
        #expect(try sablier("calendar", "import", Fixtures.exampleNative.path, "--as", "gestion.doc").status == 0)
        #expect(try sablier("box", "add", "B-2023-RF-01", "--as", "gestion.doc").status == 0)
        #expect(try sablier("box", "add", "B-2014-RF-01", "--as", "gestion.doc").status == 0)
        let csv = try dir.copyExamples()
        let result = try sablier("document", "import", csv.path, "--as", "gestion.doc")
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("document correct writes the changes as JSON with the old and new dates; a refusal is in French with its exit status")
    func correct() throws {
        try loadExample()
        let result = try sablier("document", "correct", "SEC-INS-2025", "--closed", "2025-08-15", "--reason", "date mal saisie",
                                 "--format", "json", "--as", "gestion.doc")
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["document", "changes", "before", "after", "event"])
        let after = try #require(object["after"] as? [String: Any])
        #expect(after["transferOn"] as? String == "2028-06-30" && after["finalOn"] as? String == "2031-06-30")
        #expect((object["changes"] as? [[String: Any]])?.first?["field"] as? String == "closed")
        let shown = try sablier("document", "show", "SEC-INS-2025", "--as", "gestion.doc")
        #expect(shown.stdout.contains("corrected") && shown.stdout.contains(#"{"closed":{"from":"2025-06-30","to":"2025-08-15"}}"#))

        let none = try sablier("document", "correct", "SEC-INS-2025", "--reason", "rien", "--as", "gestion.doc")
        #expect(none.status != 0 && none.stderr.contains("at least one field"))
        let same = try sablier("document", "correct", "SEC-INS-2025", "--closed", "2025-08-15", "--reason", "encore", "--as", "gestion.doc")
        #expect(same.status == 65 && same.stderr.contains("la correction ne change rien au document SEC-INS-2025"))
        let file = try sablier("document", "correct", "SG-CORR-2021", "--path", "ailleurs.txt", "--reason", "déplacé", "--as", "gestion.doc")
        #expect(file.status == 65 && file.stderr.contains("sablier document relink SG-CORR-2021 --path NOUVEAU"))
        let foreign = try sablier("document", "correct", "SG-CORR-2021", "--title", "Autre", "--reason", "coquille", "--as", "rh.chef")
        #expect(foreign.status == 66 && foreign.stderr.contains("le document SG-CORR-2021 n'est pas inscrit au registre"))
        let handed = try sablier("document", "correct", "RH-EMP-0107", "--holder", "Secrétariat général", "--reason", "unité",
                                 "--as", "rh.chef", "--lang", "en")
        #expect(handed.status == 77 && handed.stderr.contains("document RH-EMP-0107 cannot move to holder unit Secrétariat général"))
    }

    @Test("document reclassify --dry-run lists the new dates and writes nothing; without it, the documents move")
    func reclassify() throws {
        try loadExample()
        let dry = try sablier("document", "reclassify", "--rule", "1201", "--to", "3201", "--reason", "mal classé", "--dry-run",
                              "--as", "gestion.doc")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("SG-CORR-2021") && dry.stdout.contains("transfer 2025-06-30, destroy 2029-06-30"))
        #expect(dry.stderr.contains("dry run: 1 document would move to rule 3201") && dry.stderr.contains("nothing written"))
        let unchanged = try sablier("document", "list", "--query", "rule=1201", "--format", "csv", "--as", "gestion.doc")
        #expect(unchanged.stdout.contains("SG-CORR-2021"))

        let done = try sablier("document", "reclassify", "SG-CORR-2021", "--to", "3201", "--reason", "mal classé", "--format", "json",
                               "--as", "gestion.doc")
        #expect(done.status == 0, "\(done.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(done.stdout.utf8)) as? [String: Any])
        #expect(object["dryRun"] as? Bool == false && object["rule"] as? String == "3201")
        #expect(try sablier("document", "list", "--query", "rule=3201", "--format", "csv", "--as", "gestion.doc").stdout.contains("SG-CORR-2021"))

        let unknown = try sablier("document", "reclassify", "SG-CORR-2021", "--to", "9999", "--reason", "x", "--as", "gestion.doc")
        #expect(unknown.status == 66 && unknown.stderr.contains("la règle 9999 n'est pas dans le calendrier en vigueur (version 1)"))
        let two = try sablier("document", "reclassify", "SG-CORR-2021", "--rule", "1201", "--to", "3201", "--reason", "x", "--as", "gestion.doc")
        #expect(two.status == 65 && two.stderr.contains("nommer les documents à reclasser d'une seule façon"))
    }

    @Test("calendar import --dry-run, calendar impact and calendar import name the documents a version strands, with the command that moves them")
    func stranded() throws {
        try loadExample()
        let xml = try String(contentsOf: Fixtures.exampleNative, encoding: .utf8)
        let version2 = try dir.write("calendrier-v2.xml", xml.replacingOccurrences(of: #"<regle numero="1201">"#, with: #"<regle numero="1202">"#))
        let command = #"sablier document reclassify --rule 1201 --to 1202 --reason "…""#
        let preview = try sablier("calendar", "import", version2.path, "--dry-run", "--as", "gestion.doc")
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stdout.contains("1 document under rule 1201 « Correspondance générale », which version 2 does not have"))
        #expect(preview.stdout.contains("SG-CORR-2021") && preview.stdout.contains(command))
        let impact = try sablier("calendar", "impact", "1", version2.path, "--as", "gestion.doc")
        #expect(impact.status == 0 && impact.stderr.contains(command))
        let imported = try sablier("calendar", "import", version2.path, "--as", "gestion.doc")
        #expect(imported.status == 0 && imported.stdout.contains(command) && imported.stdout.contains("(rule 1202 has the same title)"))
        let moved = try sablier("document", "reclassify", "--rule", "1201", "--to", "1202", "--reason", "règle renumérotée", "--as", "gestion.doc")
        #expect(moved.status == 0 && moved.stderr.contains("1 document moved to rule 1202 (calendar version 2)"), "\(moved.stderr)")
    }
}
