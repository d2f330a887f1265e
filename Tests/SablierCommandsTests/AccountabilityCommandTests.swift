import Foundation
import SablierTestSupport
import Testing

/// End-to-end: users, roles, refusals, the audit trail, fixity and incidents through the binary.
@Suite("sablier init, user, audit, integrity, incident (end to end)", .serialized)
final class AccountabilityCommandTests {
    let dir: TemporaryDirectory
    var db: String { dir.file("sablier.sqlite").path }

    init() throws {
        dir = try TemporaryDirectory(prefix: "sablier-cli-accountability")
        try SablierProcess.prepareStore(at: db)
    }

    deinit {
        dir.remove()
    }

    func sablier(_ arguments: String...) throws -> SablierProcess.Result {
        try SablierProcess.run(arguments + ["--db", db], in: dir.url)
    }

    func count(_ arguments: String...) throws -> Int {
        let result = try SablierProcess.run(arguments + ["--db", db, "--format", "json"], in: dir.url)
        return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Any])?.count ?? -1
    }

    func loadExample() throws -> URL {
        #expect(try sablier("calendar", "import", Fixtures.exampleNative.path).status == 0)
        #expect(try sablier("box", "add", "B-2023-RF-01").status == 0)
        #expect(try sablier("box", "add", "B-2014-RF-01").status == 0)
        let csv = try dir.copyExamples()
        #expect(try sablier("document", "import", csv.path).status == 0)
        return csv
    }

    @Test("a fresh store: init creates the RSI, refuses a second time, and nothing else runs before it")
    func initialise() throws {
        let fresh = dir.file("fresh.sqlite").path
        let before = try SablierProcess.run(["calendar", "list", "--db", fresh], in: dir.url)
        #expect(before.status != 0)
        #expect(before.stderr.contains("no users yet: create the first one with `sablier init --admin NAME`"))
        let made = try SablierProcess.run(["init", "--admin", "rsi.one", "--db", fresh], in: dir.url)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("rsi.one (Sécurité de l'information) is its first user, with the role rsi"))
        #expect(try SablierProcess.run(["init", "--admin", "other", "--db", fresh], in: dir.url).status != 0)
        let users = try SablierProcess.run(["user", "list", "--db", fresh, "--as", "rsi.one", "--format", "json"], in: dir.url)
        #expect(users.stdout.contains("\"rsi\""))
    }

    @Test("a refused command changes nothing, says which permission is missing, and is audited")
    func refusal() throws {
        let refused = try sablier("calendar", "import", Fixtures.exampleNative.path, "--as", "rh.agent")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("refused: user rh.agent lacks the permission calendar.manage (held by: gestion-documentaire)"))
        #expect(try count("calendar", "versions") == 0)
        let unknown = try sablier("calendar", "versions", "--as", "mallory")
        #expect(unknown.stderr.contains("user mallory is not a Sablier user"))
        let log = try sablier("audit", "log", "--as", "verif", "--format", "json")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
        let refusals = entries.filter { $0["action"] as? String == "refused" }
        #expect(refusals.map { $0["user"] as? String } == ["rh.agent", "mallory"])
        #expect((refusals.first?["details"] as? String)?.contains("calendar.manage") == true)
        #expect(try sablier("audit", "verify", "--as", "verif").stdout.contains("audit trail intact"))
        // The vérificateur reads, never changes.
        #expect(try sablier("box", "add", "B-X", "--as", "verif").status != 0)
    }

    @Test("a user of a unit sees and registers only the documents of that unit")
    func unitScope() throws {
        _ = try loadExample()
        let list = try sablier("document", "list", "--as", "rh.agent", "--format", "csv")
        #expect(list.status == 0, "\(list.stderr)")
        let references = list.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        #expect(references == ["RH-EMP-0042", "RH-EMP-0107"])
        let other = try sablier("document", "show", "SG-CORR-2021", "--as", "rh.agent")
        #expect(other.status != 0)
        #expect(other.stderr.contains("holds documents.read for their own unit only, and document SG-CORR-2021 belongs to another"))
        #expect(try sablier("document", "show", "RH-EMP-0042", "--as", "rh.agent").status == 0)
        let foreign = try sablier("document", "add", "--reference", "SG-NEW", "--title", "t", "--rule", "1201", "--support", "PA",
                                  "--holder", "Secrétariat général", "--as", "rh.agent")
        #expect(foreign.status != 0)
        #expect(foreign.stderr.contains("rh.agent registers documents of their own unit (Ressources humaines) only"))
        // The détenteur's due list holds their unit's documents only.
        let due = try sablier("due", "--as-of", "2026-11-29", "--as", "rh.chef", "--format", "csv")
        #expect(due.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.contains("Ressources humaines") })
        #expect(due.stdout.contains("RH-EMP-0042"))
    }

    @Test("user disable refuses the user at once; the last RSI cannot be disabled; roles are granted and revoked")
    func users() throws {
        #expect(try sablier("user", "disable", "alice", "--as", "admin").status == 0)
        let disabled = try sablier("calendar", "versions", "--as", "alice")
        #expect(disabled.stderr.contains("user alice is disabled"))
        #expect(try sablier("user", "disable", "admin", "--as", "admin").stderr.contains("last active RSI"))
        #expect(try sablier("user", "grant", "rh.agent", "verificateur", "--as", "admin").status == 0)
        #expect(try sablier("audit", "log", "--as", "rh.agent").status == 0)
        #expect(try sablier("user", "revoke", "rh.agent", "verificateur", "--as", "admin").status == 0)
        #expect(try sablier("audit", "log", "--as", "rh.agent").status != 0)
        #expect(try sablier("user", "add", "bob", "--unit", "SG", "--role", "rsi", "--as", "gestion.doc").status != 0)
    }

    @Test("integrity check finds a changed and a missing file, and each opens an integrity incident for the CSGI")
    func integrity() throws {
        let csv = try loadExample()
        let files = csv.deletingLastPathComponent().appendingPathComponent("fichiers")
        #expect(try sablier("integrity", "check").status == 0)
        try Data("modifié".utf8).write(to: files.appendingPathComponent("paie-2018.csv"))
        try FileManager.default.removeItem(at: files.appendingPathComponent("correspondance-2021.txt"))
        let check = try sablier("integrity", "check", "--all", "--format", "json")
        #expect(check.status != 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [[String: Any]])
        let status = Dictionary(uniqueKeysWithValues: rows.map { ($0["reference"] as! String, $0["status"] as! String) })
        #expect(status["RF-PAIE-2018"] == "altered")
        #expect(status["SG-CORR-2021"] == "missing")
        #expect(status["SG-POL-2024"] == "intact")
        let incidents = try sablier("incident", "list", "--as", "csgi", "--format", "json")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(incidents.stdout.utf8)) as? [[String: Any]])
        #expect(Set(list.compactMap { ($0["documents"] as? [String])?.first }) == ["RF-PAIE-2018", "SG-CORR-2021"])
        #expect(list.allSatisfy { $0["type"] as? String == "integrite" && $0["status"] as? String == "ouvert" })
        #expect(try sablier("incident", "list", "--as", "rh.agent").status != 0)
        #expect(try sablier("incident", "update", "1", "--status", "en-traitement", "--note", "Restauration depuis la sauvegarde", "--as", "csgi").status == 0)
        #expect(try sablier("incident", "report", "--type", "confidentialite", "--description", "Courriel mal adressé", "--as", "rh.agent").status == 0)
    }

    @Test("a document the AIPRP review confirms as confidential is seen by its holder unit and the AIPRP officer only")
    func confidentialDocuments() throws {
        _ = try loadExample()
        let review = try sablier("privacy", "review", "RH-EMP-0042", "--confirm", "--note", "Dossier d'employé : NAS, adresse", "--as", "aiprp")
        #expect(review.status == 0, "\(review.stderr)")
        let manager = try sablier("document", "show", "RH-EMP-0042")
        #expect(manager.status != 0)
        #expect(manager.stderr.contains("document RH-EMP-0042 is confidential"))
        #expect(try sablier("document", "show", "RH-EMP-0042", "--as", "rh.agent").status == 0)
        #expect(try sablier("document", "show", "RH-EMP-0042", "--as", "aiprp").status == 0)
        #expect(!(try sablier("document", "list", "--format", "csv").stdout.contains("RH-EMP-0042")))
        #expect(!(try sablier("due", "--as-of", "2026-11-29", "--format", "csv").stdout.contains("RH-EMP-0042")))
        #expect(try sablier("due", "--as-of", "2026-11-29", "--format", "csv", "--as", "rh.chef").stdout.contains("RH-EMP-0042"))
    }
}
