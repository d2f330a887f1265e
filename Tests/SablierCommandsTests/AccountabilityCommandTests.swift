import Foundation
import SablierTestSupport
import Testing

/// End-to-end smoke tests: init, users, refusals, the audit trail, fixity and incidents
/// through the binary. The rules themselves are tested in-process (`AccountabilityUseCaseTests`).
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

    @Test("a value's control characters are shown on a terminal, never run; a pipe keeps the bytes")
    func terminalEscapes() throws {
        // A unit that would turn the terminal red, retitle its window, ring and show the rest backwards.
        let unit = "Unit\u{1B}[31mROUGE\u{1B}]0;titre\u{07} \u{202E}evil"
        #expect(try sablier("user", "add", "piege", "--unit", unit, "--role", "utilisateur", "--as", "admin").status == 0)
        let piped = try sablier("user", "list", "--as", "admin")
        #expect(piped.stdout.contains(unit), "a pipe gets the bytes as stored")
        // The same listing on a real terminal: script(1) runs it under a pseudo-terminal.
        let quote = { (text: String) in "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = [SablierProcess.executable.path, "user", "list", "--db", db, "--as", "admin"].map(quote).joined(separator: " ")
        let terminal = Process()
        terminal.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        terminal.arguments = ["-qec", command, "/dev/null"]
        let output = Pipe()
        terminal.standardOutput = output
        terminal.standardInput = FileHandle.nullDevice
        try terminal.run()
        let shown = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        terminal.waitUntilExit()
        #expect(terminal.terminationStatus == 0, "\(shown)")
        #expect(shown.contains("Unit\u{241B}[31mROUGE\u{241B}]0;titre\u{2407} \u{FFFD}evil"), "\(shown)")
        #expect(!shown.contains("\u{1B}[31m") && !shown.contains("\u{202E}"))
    }

    @Test("--format csv never hands a spreadsheet a formula: a value starting with = + - @ is prefixed with '")
    func csvFormulasNeutralised() throws {
        #expect(try sablier("user", "add", "formule", "--unit", "=HYPERLINK(\"http://x\",\"clic\")", "--role", "utilisateur",
                            "--as", "admin").status == 0)
        let csv = try sablier("user", "list", "--format", "csv", "--as", "admin")
        #expect(csv.status == 0)
        #expect(csv.stdout.contains("formule,\"'=HYPERLINK(\"\"http://x\"\",\"\"clic\"\")\""), "\(csv.stdout)")
        #expect(!csv.stdout.contains(",=HYPERLINK"))
        // JSON is for programs and keeps the value as it is.
        #expect(try sablier("user", "list", "--format", "json", "--as", "admin").stdout.contains("=HYPERLINK"))
    }

    @Test("only init creates a store, readable by its owner only; a second init is refused; no other command creates one")
    func initialise() throws {
        let fresh = dir.file("fresh.sqlite").path
        let before = try SablierProcess.run(["calendar", "list", "--db", fresh, "--lang", "en"], in: dir.url)
        #expect(before.status == 66)
        #expect(before.stderr.contains("no Sablier store at \(fresh): only `sablier init` creates one"))
        #expect(!FileManager.default.fileExists(atPath: fresh))
        let made = try SablierProcess.run(["init", "--admin", "rsi.one", "--db", fresh], in: dir.url)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("rsi.one (Sécurité de l'information) is its first user, with the role rsi"))
        let permissions = try FileManager.default.attributesOfItem(atPath: fresh)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        let again = try SablierProcess.run(["init", "--admin", "other", "--db", fresh], in: dir.url)
        #expect(again.status == 75)
        #expect(again.stderr.contains("le dépôt a déjà des utilisateurs (premier : rsi.one)"))
        let users = try SablierProcess.run(["user", "list", "--db", fresh, "--as", "rsi.one", "--format", "json"], in: dir.url)
        #expect(users.stdout.contains("\"rsi\""))
        let refused = dir.file("refused.sqlite").path
        #expect(try SablierProcess.run(["init", "--admin", " ", "--db", refused], in: dir.url).status == 65)
        #expect(!FileManager.default.fileExists(atPath: refused))
    }

    @Test("a refused command changes nothing, says which permission is missing, and is audited; the chain verifies")
    func refusal() throws {
        let refused = try sablier("user", "add", "bob", "--unit", "SG", "--role", "rsi", "--as", "gestion.doc", "--lang", "en")
        #expect(refused.status == 77)
        #expect(refused.stderr.contains("refused: user gestion.doc lacks the permission users.manage (held by: rsi)"))
        let last = try sablier("user", "disable", "admin", "--as", "admin")
        #expect(last.status == 75)
        #expect(last.stderr.contains("l'utilisateur admin est le dernier RSI actif"))
        let users = try JSONSerialization.jsonObject(with: Data(try sablier("user", "list", "--as", "verif", "--format", "json").stdout.utf8)) as? [[String: Any]]
        #expect(users?.contains { $0["name"] as? String == "bob" } == false)
        let log = try sablier("audit", "log", "--as", "verif", "--format", "json")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
        let refusals = entries.filter { $0["action"] as? String == "refused" }
        #expect(refusals.map { $0["user"] as? String } == ["gestion.doc", "admin"])
        #expect((refusals.first?["details"] as? String)?.contains("users.manage") == true)
        #expect(try sablier("audit", "verify", "--as", "verif").stdout.contains("audit trail intact"))
    }

    @Test("integrity check finds a changed and a missing file, and each opens an integrity incident for the CSGI")
    func integrity() throws {
        #expect(try sablier("calendar", "import", Fixtures.exampleNative.path).status == 0)
        #expect(try sablier("box", "add", "B-2023-RF-01").status == 0)
        #expect(try sablier("box", "add", "B-2014-RF-01").status == 0)
        let csv = try dir.copyExamples()
        #expect(try sablier("document", "import", csv.path).status == 0)
        let files = csv.deletingLastPathComponent().appendingPathComponent("fichiers")
        #expect(try sablier("integrity", "check").status == 0)
        try Data("modifié".utf8).write(to: files.appendingPathComponent("paie-2018.csv"))
        try FileManager.default.removeItem(at: files.appendingPathComponent("correspondance-2021.txt"))
        let check = try sablier("integrity", "check", "--all", "--format", "json")
        #expect(check.status == 1)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [[String: Any]])
        let status = Dictionary(uniqueKeysWithValues: rows.map { ($0["reference"] as! String, $0["status"] as! String) })
        #expect(status["RF-PAIE-2018"] == "altered")
        #expect(status["SG-CORR-2021"] == "missing")
        #expect(status["SG-POL-2024"] == "intact")
        let incidents = try sablier("incident", "list", "--as", "csgi", "--format", "json")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(incidents.stdout.utf8)) as? [[String: Any]])
        #expect(Set(list.compactMap { ($0["documents"] as? [String])?.first }) == ["RF-PAIE-2018", "SG-CORR-2021"])
        #expect(list.allSatisfy { $0["type"] as? String == "integrite" && $0["status"] as? String == "ouvert" })
        #expect(try sablier("incident", "update", "1", "--status", "en-traitement", "--note", "Restauration depuis la sauvegarde", "--as", "csgi").status == 0)
        #expect(try sablier("incident", "report", "--type", "confidentialite", "--description", "Courriel mal adressé", "--as", "rh.agent").status == 0)
        #expect(try sablier("integrity", "check", "--all", "--document", "X").status == 64)
    }
}
