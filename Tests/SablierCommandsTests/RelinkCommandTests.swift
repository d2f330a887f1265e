import Foundation
import SablierTestSupport
import Testing

/// End-to-end: `document relink` (one file, a whole folder) and `document event --csv` /
/// `--query`, through the real binary, with files moved by the real `mv`.
@Suite("sablier document relink, document event --csv and --query (end to end)", .serialized)
final class RelinkCommandTests {
    let dir: TemporaryDirectory
    var db: String { dir.file("sablier.sqlite").path }

    init() throws {
        dir = try TemporaryDirectory(prefix: "sablier-cli-relink")
        try SablierProcess.prepareStore(at: db)
    }

    deinit {
        dir.remove()
    }

    func sablier(_ arguments: String...) throws -> SablierProcess.Result {
        try SablierProcess.run(arguments + ["--db", db], in: dir.url, environment: ["LANG": "fr_CA.UTF-8"])
    }

    /// The example calendar, boxes and register, their files copied into the folder.
    func loadExample() throws -> URL {
        #expect(try sablier("calendar", "import", Fixtures.exampleNative.path).status == 0)
        #expect(try sablier("box", "add", "B-2023-RF-01").status == 0)
        #expect(try sablier("box", "add", "B-2014-RF-01").status == 0)
        let csv = try dir.copyExamples()
        let result = try sablier("document", "import", csv.path)
        #expect(result.status == 0, "\(result.stderr)")
        return csv.deletingLastPathComponent().appendingPathComponent("fichiers")
    }

    /// The audit trail as JSON, read by the auditor (gestion.doc may not read it).
    func auditTrail() throws -> String {
        let trail = try sablier("audit", "log", "--format", "json", "--as", "verif")
        #expect(trail.status == 0, "\(trail.stderr)")
        return trail.stdout
    }

    /// The real `mv`.
    func mv(_ from: String, _ to: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mv")
        process.arguments = [from, to]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test("after a real mv, integrity check opens a 'missing' incident; relink --path closes it; a file of another SHA-256 is refused (exit 74)")
    func relinkOne() throws {
        let files = try loadExample().path
        let partage = dir.file("partage").path
        try FileManager.default.createDirectory(atPath: partage, withIntermediateDirectories: true)
        try mv(files + "/correspondance-2021.txt", partage + "/correspondance.txt")
        let check = try sablier("integrity", "check", "--document", "SG-CORR-2021")
        #expect(check.status == 1 && check.stdout.contains("missing"))

        let other = try dir.write("autre.txt", "autre\n")
        let mismatch = try sablier("document", "relink", "SG-CORR-2021", "--path", other.path)
        #expect(mismatch.status == 74)
        #expect(mismatch.stderr.contains("Erreur : le fichier") && mismatch.stderr.contains("n'est pas celui du document SG-CORR-2021"), "\(mismatch.stderr)")

        let relink = try sablier("document", "relink", "SG-CORR-2021", "--path", "partage/correspondance.txt", "--reason", "Réorganisation",
                                 "--format", "json")
        #expect(relink.status == 0, "\(relink.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(relink.stdout.utf8)) as? [String: Any])
        #expect((json["to"] as? String)?.hasSuffix("/partage/correspondance.txt") == true)
        #expect((json["closedIncidents"] as? [Int])?.count == 1)
        let incidents = try sablier("incident", "list", "--format", "json", "--as", "csgi")
        #expect(incidents.status == 0, "\(incidents.stderr)")
        #expect(incidents.stdout.contains("ferme") && incidents.stdout.contains("SHA-256 identique (document relink)"), "\(incidents.stdout)")
        #expect(try sablier("integrity", "check", "--document", "SG-CORR-2021").status == 0)
        let shown = try sablier("document", "show", "SG-CORR-2021", "--format", "json")
        #expect(shown.stdout.contains("\"relinked\""))
    }

    @Test("relink --from-dir --to-dir: a dry run writes nothing; a renamed file is found by its SHA-256, a modified one is reported and the exit status is 1")
    func relinkTree() throws {
        let files = try loadExample().path
        let partage = dir.file("partage").path
        try mv(files, partage)
        try mv(partage + "/politique-securite-2015.txt", partage + "/ancienne-politique.txt")
        try Data("modifié\n".utf8).write(to: URL(fileURLWithPath: partage + "/paie-2018.csv"))

        let dry = try sablier("document", "relink", "--from-dir", files, "--to-dir", "partage", "--dry-run")
        #expect(dry.status == 1)
        #expect(dry.stdout.contains("would-relink") && dry.stdout.contains("hash-differs"), "\(dry.stdout)")
        #expect(try auditTrail().contains("document.relink-tree") == false)

        let done = try sablier("document", "relink", "--from-dir", files, "--to-dir", "partage", "--format", "json")
        #expect(done.status == 1)
        #expect(done.stderr.contains("relink: 4 files relinked, 0 still in place, 1 not matched"), "\(done.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(done.stdout.utf8)) as? [String: Any])
        let unmatched = try #require(json["unmatched"] as? [[String: Any]])
        #expect(unmatched.count == 1 && unmatched.first?["reference"] as? String == "RF-PAIE-2018" && unmatched.first?["why"] as? String == "hash-differs")
        let relinked = try #require(json["relinked"] as? [[String: Any]])
        #expect(relinked.contains { ($0["to"] as? String)?.hasSuffix("/partage/ancienne-politique.txt") == true })
        #expect(try auditTrail().contains("document.relink-tree"))
    }

    @Test("document event --csv: a bad line is reported as FILE:LINE:COLUMN and nothing is written (exit 65); a good file records every line")
    func eventsFile() throws {
        _ = try loadExample()
        let bad = try dir.write("evenements.csv", """
            reference,kind,on,name,reason
            RH-EMP-0107,event-occurred,2024-06-01,fin de l'emploi,
            RH-EMP-0107,closed,2024-31-01,,

            """)
        let refused = try sablier("document", "event", "--csv", bad.path)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("\(bad.path):3:3: error: column on: '2024-31-01' is not a date YYYY-MM-DD"), "\(refused.stderr)")
        let unchanged = try sablier("document", "show", "RH-EMP-0107", "--format", "json")
        #expect(unchanged.status == 0 && !unchanged.stdout.contains("event-occurred"))

        let good = try dir.write("bons.csv", "cote,type,date,événement\nRH-EMP-0107,event-occurred,2024-06-01,fin de l'emploi\n")
        let recorded = try sablier("document", "event", "--csv", good.path)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stderr.contains("events: 1 (1 event-occurred) recorded"), "\(recorded.stderr)")
        let shown = try sablier("document", "show", "RH-EMP-0107", "--format", "json")
        #expect(shown.stdout.contains("2056-06-30"), "final date counted by hand: 2024-06-30 + 2 + 30 years")
    }

    @Test("document event --query: without --yes it only counts; with --yes it records; modes cannot be mixed")
    func eventsQuery() throws {
        _ = try loadExample()
        let preview = try sablier("document", "event", "--query", "holder=Secrétariat général", "closed", "--on", "2025-06-30")
        #expect(preview.status == 0)
        #expect(preview.stderr.contains("selected, nothing written") && preview.stderr.contains("--yes"), "\(preview.stderr)")
        #expect(try auditTrail().contains("document.event-cohort") == false)

        let done = try sablier("document", "event", "--query", "holder=Secrétariat général", "closed", "--on", "2025-06-30", "--yes")
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stderr.contains("recorded"))
        #expect(try auditTrail().contains("document.event-cohort"))

        #expect(try sablier("document", "event", "--csv", "x.csv", "--query", "rule=1").status == 64)
        #expect(try sablier("document", "event", "RH-EMP-0107").status == 64)
        #expect(try sablier("document", "event", "RH-EMP-0107", "closed", "--on", "2025-01-01").status == 0, "the single mode still works")
    }

    @Test("document event --csv lists each event (reference, kind, on, name) and counts them by kind; applied again it is refused whole (exit 65); a missing file exits 66")
    func eventsFileListedAndNotAppliedTwice() throws {
        _ = try loadExample()
        let file = try dir.write("evenements.csv", """
            reference,kind,on,name
            RH-EMP-0107,événement survenu,2024-06-01,fin de l'emploi
            SEC-INS-2025,Modification,2026-01-10,
            SEC-INS-2025,modified,2026-01-11,

            """)
        let recorded = try sablier("document", "event", "--csv", file.path)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let rows = recorded.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(rows.first == "reference kind on name", "\(recorded.stdout)")
        #expect(rows.contains("RH-EMP-0107 event-occurred 2024-06-01 fin de l'emploi") && rows.contains("SEC-INS-2025 modified 2026-01-11"))
        #expect(recorded.stderr.contains("events: 3 (1 event-occurred, 2 modified) recorded"), "\(recorded.stderr)")

        let again = try sablier("document", "event", "--csv", file.path)
        #expect(again.status == 65)
        #expect(again.stderr.contains("\(file.path):2:4: error: column name: document RH-EMP-0107 already has the event 'fin de l'emploi', recorded on 2024-06-01"),
                "\(again.stderr)")
        #expect(try sablier("document", "event", "--csv", "absent.csv").status == 66)
    }

    @Test("document relink --from-dir: the files never moved are counted in place, not unmatched, and the exit status stays 0; both folders resolved")
    func relinkTreeWithFilesInPlace() throws {
        let files = try loadExample().path
        let partage = dir.file("partage").path
        try FileManager.default.createDirectory(atPath: partage, withIntermediateDirectories: true)
        try mv(files + "/correspondance-2021.txt", partage + "/correspondance-2021.txt")
        let done = try sablier("document", "relink", "--from-dir", "examples/fichiers", "--to-dir", "partage", "--format", "json")
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stderr.contains("relink: 1 file relinked, 4 still in place, 0 not matched"), "\(done.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(done.stdout.utf8)) as? [String: Any])
        #expect((json["unmatched"] as? [Any])?.isEmpty == true && json["inPlace"] as? Int == 4)
        #expect((json["fromDir"] as? String)?.hasPrefix("/") == true && (json["toDir"] as? String)?.hasPrefix("/") == true)
    }
}
