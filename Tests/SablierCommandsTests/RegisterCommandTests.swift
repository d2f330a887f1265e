import Foundation
import SablierTestSupport
import Testing

/// End-to-end: the quick start's main job through the real binary — the example calendar,
/// its boxes, the example register (real files) and the due list.
@Suite("sablier document, due, hold, waiting (end to end)", .serialized)
final class RegisterCommandTests {
    let dir: TemporaryDirectory
    var db: String { dir.file("sablier.sqlite").path }

    init() throws {
        dir = try TemporaryDirectory(prefix: "sablier-cli-register")
        try SablierProcess.prepareStore(at: dir.file("sablier.sqlite").path)
    }

    deinit {
        dir.remove()
    }

    func sablier(_ arguments: String...) throws -> SablierProcess.Result {
        try SablierProcess.run(arguments + ["--db", db], in: dir.url)
    }

    func loadExample() throws -> URL {
        #expect(try sablier("calendar", "import", Fixtures.exampleNative.path).status == 0)
        #expect(try sablier("box", "add", "B-2023-RF-01", "--location", "Centre administratif / Local 012 / Rayon 2").status == 0)
        #expect(try sablier("box", "add", "B-2014-RF-01").status == 0)
        let csv = try dir.copyExamples()
        let result = try sablier("document", "import", csv.path, "--as", "gestion.doc")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("12 documents registered"))
        return csv
    }

    @Test("sablier due --format json lists the due documents with the documented keys, and counts them on stderr")
    func dueJSON() throws {
        _ = try loadExample()
        let result = try sablier("due", "--as-of", "2026-11-29", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 9)
        let first = try #require(rows.first { $0["reference"] as? String == "RF-BUD-2014" })
        #expect(Set(first.keys) == ["reference", "title", "rule", "copy", "support", "holder", "action", "due", "held"])
        #expect(first["action"] as? String == "sort" && first["due"] as? String == "2020-06-30" && first["held"] as? Bool == false)
        #expect(result.stderr.contains("due on 2026-11-29: 9 documents — transfer 2, destroy 4, deposit 2, sort 1; held 0"))
        let destroy = try sablier("due", "--as-of", "2026-11-29", "--action", "destroy", "--format", "csv")
        #expect(destroy.stdout.split(separator: "\n").count == 5)
    }

    @Test("sablier due --format csv writes one RFC 4180 line per document, quoting what needs it, and an empty list as its header")
    func dueCSV() throws {
        _ = try loadExample()
        #expect(try sablier("due", "--as-of", "2000-01-01", "--format", "csv").stdout == "reference,title,rule,copy,support,holder,action,due,held\n")
        let odd = try dir.write("odd.csv", """
            reference,title,rule,copy,support,holder,opened,closed
            ODD-1,"Procès-verbal ""spécial"", séance 1",1201,principal,PA,"Secrétariat
            général",2019-01-10,2019-03-01

            """)
        #expect(try sablier("document", "import", odd.path).status == 0)
        let lines = try sablier("due", "--as-of", "2026-11-29", "--format", "csv").stdout
        #expect(lines.hasPrefix("reference,title,rule,copy,support,holder,action,due,held\n"))
        #expect(lines.contains("\nODD-1,\"Procès-verbal \"\"spécial\"\", séance 1\",1201,principal,PA,\"Secrétariat\ngénéral\",destroy,2021-06-30,no\n"))
        #expect(lines.hasSuffix(",no\n") && lines.split(separator: "\n", omittingEmptySubsequences: false).count == 1 + 10 + 1 + 1)
    }

    @Test("the due list streamed as CSV neutralises a title that starts like a formula, even one needing no quotes")
    func dueCSVFormulas() throws {
        _ = try loadExample()
        let hostile = try dir.write("hostile.csv", """
            reference,title,rule,copy,support,holder,opened,closed
            F-1,@SUM(1+1),1201,principal,PA,-Secrétariat,2019-01-10,2019-03-01

            """)
        #expect(try sablier("document", "import", hostile.path).status == 0)
        let lines = try sablier("due", "--as-of", "2026-11-29", "--format", "csv").stdout
        #expect(lines.contains("\nF-1,'@SUM(1+1),1201,principal,PA,'-Secrétariat,destroy,2021-06-30,no\n"))
    }

    @Test("--excel writes CSV for Excel in French: a BOM, ; between cells, CR LF, formulas neutralised; --excel with --format json is refused")
    func dueExcel() throws {
        _ = try loadExample()
        let hostile = try dir.write("hostile.csv", """
            reference,title,rule,copy,support,holder,opened,closed
            F-1,=HYPERLINK(1);x,1201,principal,PA,SG,2019-01-10,2019-03-01

            """)
        #expect(try sablier("document", "import", hostile.path).status == 0)
        let streamed = try sablier("due", "--as-of", "2026-11-29", "--excel").stdout
        #expect(streamed.hasPrefix("\u{FEFF}reference;title;rule;copy;support;holder;action;due;held\r\n"))
        #expect(streamed.contains("\r\nF-1;\"'=HYPERLINK(1);x\";1201;principal;PA;SG;destroy;2021-06-30;no\r\n"))
        let table = try sablier("box", "list", "--excel").stdout
        #expect(table.hasPrefix("\u{FEFF}") && table.contains(";") && table.hasSuffix("\r\n") && !table.contains(",Centre"))
        let refused = try sablier("due", "--as-of", "2026-11-29", "--excel", "--format", "json")
        #expect(refused.status != 0 && refused.stderr.contains("--excel"))
    }

    @Test("a bad CSV is refused with FILE:LINE:COLUMN, a non-zero exit, and nothing registered")
    func badImport() throws {
        _ = try loadExample()
        let bad = try dir.write("bad.csv", """
            reference,title,rule,copy,support,holder,opened,closed
            X-1,Sans règle,,principal,PA,SG,2024-01-01,

            """)
        let result = try sablier("document", "import", bad.path)
        #expect(result.status == 65, "invalid input: \(result.stderr)")
        #expect(result.stderr.contains("\(bad.path):2:3: error: column rule: the rule is empty"))
        #expect(result.stderr.contains("Erreur : \(bad.path) : 1 erreur(s) ; rien n'a été inscrit"))
        let english = try sablier("document", "import", bad.path, "--lang", "en")
        #expect(english.stderr.contains("Error: \(bad.path): 1 error(s); nothing was registered"))
        #expect(try sablier("document", "show", "X-1").status == 66)
    }

    @Test("a command on a store path that does not exist is refused, naming the path, and creates nothing")
    func missingStore() throws {
        let typo = dir.file("typo.sqlite").path
        let result = try SablierProcess.run(["due", "--db", typo, "--lang", "en"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("no Sablier store at \(typo): only `sablier init` creates one"))
        #expect(!FileManager.default.fileExists(atPath: typo))
    }

    @Test("a file that is not a Sablier store is refused in the reader's language with the damaged-data status; an empty file is no store")
    func notAStore() throws {
        let csv = try dir.write("registre.csv", "reference,title\nA,B\n")
        let result = try SablierProcess.run(["due", "--db", csv.path])
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("Erreur : le dépôt contient des données que Sablier ne peut pas lire"))
        let empty = try dir.write("vide.sqlite", "")
        #expect(try SablierProcess.run(["due", "--db", empty.path]).status == 66)
        #expect(try Data(contentsOf: empty).isEmpty)
    }

    @Test("document show and explain print the record, the events and the computation step by step")
    func showAndExplain() throws {
        _ = try loadExample()
        let show = try sablier("document", "show", "SG-POL-2015", "--as-of", "2026-11-29", "--format", "json")
        #expect(show.status == 0, "\(show.stderr)")
        let detail = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        let events = try #require(detail["events"] as? [[String: Any]])
        #expect(events.map { $0["kind"] as? String } == ["replaced"])
        #expect((detail["due"] as? [String: Any])?["action"] as? String == "deposit")
        let explain = try sablier("document", "explain", "RH-EMP-0042", "--as-of", "2026-11-29")
        #expect(explain.stdout.contains("Période active 888 (R1 : « Durée de l'emploi + 2 ans. ») : événement « fin de l'emploi » le 2019-08-15, fin d'année suivante + 2 ans : le 2022-06-30."))
        #expect(explain.stdout.contains("Au 2026-11-29 : transfert au semi-actif dû depuis le 2022-06-30."))
    }

    @Test("a hold placed from the command line shows in the due list and in the explanation, and is released")
    func holdCommands() throws {
        _ = try loadExample()
        let place = try sablier("hold", "place", "--document", "SG-CORR-2021", "--reason", "Litige", "--as", "aiprp")
        #expect(place.status == 0, "\(place.stderr)")
        #expect(place.stdout.contains("hold 1 placed on document SG-CORR-2021: 1 document held"))
        #expect(try sablier("due", "--as-of", "2026-11-29", "--format", "csv").stdout.contains("SG-CORR-2021,Correspondance générale 2021,1201,principal,DM,Secrétariat général,destroy,2024-06-30,yes"))
        #expect(try sablier("document", "explain", "SG-CORR-2021").stdout.contains("Gel n° 1 (document SG-CORR-2021)"))
        #expect(try sablier("hold", "place", "--rule", "1201", "--document", "X", "--reason", "r").status != 0)
        #expect(try sablier("hold", "release", "1", "--reason", "Réglé").status == 0)
        #expect(try sablier("due", "--as-of", "2026-11-29", "--format", "csv").stdout.contains("destroy,2024-06-30,no"))
    }

    @Test("what waits: RH-EMP-0107 waits for « fin de l'emploi » until the event is recorded")
    func waitingAndEvent() throws {
        _ = try loadExample()
        #expect(try sablier("waiting").stdout.contains("RH-EMP-0107"))
        let event = try sablier("document", "event", "RH-EMP-0107", "event-occurred", "--name", "fin de l'emploi", "--on", "2023-09-01")
        #expect(event.status == 0, "\(event.stderr)")
        #expect(!(try sablier("waiting").stdout.contains("RH-EMP-0107")))
        // 2023-09-01 → 2024-06-30 + 2 years: transfer due 2026-06-30.
        #expect(try sablier("due", "--as-of", "2026-11-29", "--format", "csv").stdout.contains("RH-EMP-0107,Dossier d'employé 0107,2101,principal,DM,Ressources humaines,transfer,2026-06-30,no"))
        #expect(try sablier("document", "event", "RH-EMP-0107", "destroyed").status != 0)
    }
}
