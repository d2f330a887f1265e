import Foundation
import SablierTestSupport
import Testing

/// End-to-end smoke set: real corpus files registered as documents, scanned by the real
/// binary, the queue, a review, files named on the command line, and a check that no
/// identifier reaches the database or the terminal in clear. The rules themselves are tested
/// in-process (`PrivacyUseCaseTests`).
@Suite("sablier privacy (end to end)", .serialized)
final class PrivacyCommandTests {
    let dir: TemporaryDirectory
    var db: String { dir.file("sablier.sqlite").path }

    /// Identifiers and names of the documents registered here, which must never be written in clear.
    static let secrets = [
        "463 923 326", "463923326", "Bergeron", "Ouimet", "J7Y 2T4", "450 555-0119", "1984-07-02", "408277",
        "TREL71531204", "Nathalie", "450 555-0188", "9 mars 2012",
    ]

    init() throws {
        dir = try TemporaryDirectory(prefix: "sablier-cli-privacy")
        try SablierProcess.prepareStore(at: dir.file("sablier.sqlite").path)
    }

    deinit {
        dir.remove()
    }

    /// Runs as the records manager (`gestion.doc`), except the AIPRP officer's commands (queue,
    /// show, review, public identifiers), run as `aiprp` unless the test says who.
    func sablier(_ arguments: String...) throws -> SablierProcess.Result {
        var arguments = arguments
        if !arguments.contains("--as"), arguments.first == "privacy", arguments.count > 1,
           ["queue", "show", "review", "public"].contains(arguments[1]) {
            arguments += ["--as", "aiprp"]
        }
        return try SablierProcess.run(arguments + ["--db", db], in: dir.url)
    }

    func corpus(_ name: String, into folder: String = "files") throws -> URL {
        let target = dir.file(folder)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let copy = target.appendingPathComponent(name)
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("corpus/privacy/files/\(name)"), to: copy)
        return copy
    }

    /// The example calendar and five documents whose files are corpus files.
    func register() throws {
        #expect(try sablier("calendar", "import", Fixtures.exampleNative.path).status == 0)
        for name in ["t05-adhesion-assurance.txt", "t06-pv-conseil-administration.pdf", "t12-note-de-service.rtf",
                     "t01-plan-intervention.docx", "t30-formulaire-corrompu.docx"] {
            _ = try corpus(name)
        }
        let csv = try dir.write("registre.csv", """
            reference,title,rule,copy,support,holder,opened,closed,path
            RH-ASS-001,Adhésion à l'assurance collective,2101,principal,DM,Ressources humaines,2025-08-29,,files/t05-adhesion-assurance.txt
            SG-PV-CA-2025,Procès-verbal du conseil d'administration,1101,principal,DM,Secrétariat général,2025-06-10,2025-06-10,files/t06-pv-conseil-administration.pdf
            SG-NOTE-2025,Note de service (toitures),1201,principal,DM,Secrétariat général,2025-09-15,,files/t12-note-de-service.rtf
            ELV-PI-2025,Plan d'intervention,7102,principal,DM,École primaire des Bouleaux,2025-10-21,,files/t01-plan-intervention.docx
            SG-FORM-X,Formulaire,1201,principal,DM,Secrétariat général,2025-01-01,,files/t30-formulaire-corrompu.docx

            """)
        let imported = try sablier("document", "import", csv.path, "--as", "gestion.doc")
        #expect(imported.status == 0, "\(imported.stderr)")
        for (option, value) in [("--phone", "450 555-0100"), ("--email-domain", "cssvdc.example"), ("--postal-code", "J7Z 5T3"),
                                ("--address", "1250, boulevard des Cèdres, Saint-Jérôme")] {
            #expect(try sablier("privacy", "public", "add", option, value, "--as", "aiprp").status == 0)
        }
        #expect(try sablier("privacy", "public", "list").stdout.contains("1250 boulevard cedres"))   // stored normalised
    }

    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test("scan --all reads every file, stores masked findings, reports the unreadable one and exits 1; the queue is most sensitive first")
    func scanAndQueue() throws {
        try register()
        let scan = try sablier("privacy", "scan", "--all", "--format", "json", "--as", "aiprp")
        #expect(scan.status == 1)
        #expect(scan.stderr.contains("privacy scan: 5 documents — scanned 4, unreadable 1; flagged by content 2"))
        #expect(scan.stderr.contains("1 document could not be read"))
        let entries = try #require(try json(scan.stdout) as? [[String: Any]])
        let byReference = Dictionary(uniqueKeysWithValues: entries.map { ($0["reference"] as? String ?? "", $0) })
        #expect(byReference["RH-ASS-001"]?["flagged"] as? Bool == true)
        #expect(byReference["SG-PV-CA-2025"]?["flagged"] as? Bool == false)
        #expect(byReference["SG-FORM-X"]?["status"] as? String == "unreadable")
        #expect((byReference["SG-FORM-X"]?["problem"] as? String)?.contains("word/document.xml") == true)
        let findings = try #require(byReference["RH-ASS-001"]?["findings"] as? [[String: Any]])
        let sin = try #require(findings.first { $0["type"] as? String == "sin" })
        #expect(sin["confidence"] as? Double == 0.95 && (sin["excerpt"] as? String)?.contains("••• ••• •••") == true)

        let queue = try sablier("privacy", "queue", "--format", "json")
        let listed = try #require(try json(queue.stdout) as? [[String: Any]])
        #expect(listed.map { $0["reference"] as? String } == ["RH-ASS-001", "ELV-PI-2025", "SG-FORM-X", "SG-NOTE-2025"])
        #expect(listed.allSatisfy { $0["status"] as? String == "pending" })
        #expect((listed[2]["reasons"] as? [String])?.first?.hasPrefix("content not read (unreadable)") == true)
        #expect((listed[3]["reasons"] as? [String]) == ["rule 1201: renseignements personnels in the calendar"])

        // Nothing in clear: not in any output, not in the database file.
        let show = try sablier("privacy", "show", "RH-ASS-001")
        #expect(show.status == 0 && show.stdout.contains("sin") && show.stdout.contains("assurance sociale : ••• ••• •••"))
        let database = try Data(contentsOf: URL(fileURLWithPath: db))
        for secret in Self.secrets {
            for output in [scan.stdout, scan.stderr, queue.stdout, show.stdout] { #expect(!output.contains(secret), "\(secret) printed") }
            #expect(database.range(of: Data(secret.utf8)) == nil, "\(secret) stored in clear")
        }
    }

    @Test("review: a confirmation is printed and audited; a refusal is written from the catalogue, in French by default")
    func review() throws {
        try register()
        let refused = try sablier("privacy", "review", "SG-PV-CA-2025", "--confirm", "--note", "x", "--lang", "fr")
        #expect(refused.status == 75 && refused.stderr.contains("le document SG-PV-CA-2025 n'a rien à examiner"), "\(refused.stderr)")
        #expect(try sablier("privacy", "review", "RH-ASS-001", "--confirm", "--dismiss", "--note", "x").status == 64)
        let confirmed = try sablier("privacy", "review", "RH-ASS-001", "--confirm", "--note", "NAS, date de naissance, adresse")
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(confirmed.stdout.contains("RH-ASS-001: personal information confirmed by aiprp; measure at the end of retention: detruire; the document is confidential"))
        let shown = try #require(try json(try sablier("privacy", "show", "RH-ASS-001", "--format", "json").stdout) as? [String: Any])
        #expect(shown["status"] as? String == "confirmed" && shown["confidential"] as? Bool == true)
        let audit = try sablier("audit", "log", "--target", "document RH-ASS-001", "--as", "admin")
        #expect(audit.stdout.contains("privacy.review"), "\(audit.stdout)")
    }

    @Test("PATH…: one JSON line per file with exactly the documented keys; unreadable files are null with an error; registered files are stored")
    func paths() throws {
        try register()
        let form = try corpus("h08-rapport-incident.txt", into: "outside")
        let invoice = try corpus("t07-supplier-invoice.pdf", into: "outside")
        let truncated = try corpus("t29-releve-tronque.pdf", into: "outside")
        let registered = dir.file("files/t05-adhesion-assurance.txt")
        let result = try sablier("privacy", "scan", form.path, invoice.path, truncated.path, registered.path)
        #expect(result.status == 1 && result.stderr.contains("1 file could not be read"))
        let lines = result.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == 4)
        let first = try #require(lines[0])
        #expect(Set(first.keys) == ["file", "flagged", "findings"] && first["flagged"] as? Bool == true && first["file"] as? String == form.path)
        let found = try #require(first["findings"] as? [[String: Any]])
        #expect(found.allSatisfy { Set($0.keys) == ["type", "start", "end", "confidence"] })
        #expect(Set(found.map { $0["type"] as? String ?? "" }) == ["address", "person-name", "employee-number", "birth-date", "driver-licence", "health"])
        // The incident happened at the service centre's own building, named just before its address: found, but weak.
        #expect(found.filter { $0["type"] as? String == "address" }.allSatisfy { ($0["confidence"] as? Double ?? 1) < 0.5 })
        #expect(lines[1]?["flagged"] as? Bool == false && (lines[1]?["findings"] as? [Any])?.isEmpty == false)
        #expect(lines[2]?["flagged"] is NSNull && (lines[2]?["error"] as? [String: Any])?["kind"] as? String == "unreadable")
        #expect(lines[3]?["document"] as? String == "RH-ASS-001" && lines[3]?["flagged"] as? Bool == true)
        #expect(try sablier("privacy", "show", "RH-ASS-001").stdout.contains("Scanned: \(registered.path)"))
        #expect(try sablier("privacy", "scan").status != 0)
        #expect(try sablier("privacy", "scan", "--all", form.path).status != 0)
    }
}
