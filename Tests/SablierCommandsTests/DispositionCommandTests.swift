import Foundation
import SablierTestSupport
import Testing

/// End-to-end smoke test: disposition lists through the real `sablier` binary, on a COPY of
/// `examples/` (the files it deletes are copies, never the repository's) and a real SQLite
/// database. The rules are tested in-process (`DispositionUseCaseTests`, on fixed days).
///
/// The list is drawn for 2025-06-30, the day the example's last destruction falls due: a
/// destruction stays due once due, so approving and executing it today (the binary's clock)
/// works whatever today is after that day.
@Suite("sablier disposition (end to end)", .serialized)
final class DispositionCommandTests {
    let dir: TemporaryDirectory
    var db: String { dir.file("sablier.sqlite").path }
    var examples: URL { dir.file("examples") }

    init() throws {
        dir = try TemporaryDirectory(prefix: "sablier-disposition-cli")
        try SablierProcess.prepareStore(at: dir.file("sablier.sqlite").path)
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("examples"), to: examples)
    }

    deinit {
        dir.remove()
    }

    /// Runs `sablier` on the test's store, in English.
    func sablier(_ arguments: String...) throws -> SablierProcess.Result {
        try SablierProcess.run(arguments + ["--db", db], in: dir.url, environment: ["LANG": "en_CA.UTF-8"])
    }

    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    func copy(_ name: String) -> String {
        examples.appendingPathComponent("fichiers").appendingPathComponent(name).path
    }

    /// The example calendar, its boxes and the example register (the copy).
    func register() throws {
        for arguments in [
            ["calendar", "import", Fixtures.exampleNative.path],
            ["box", "add", "B-2023-RF-01"], ["box", "add", "B-2014-RF-01"],
            ["document", "import", examples.appendingPathComponent("registre-exemple.csv").path],
        ] {
            let result = try SablierProcess.run(arguments + ["--db", db, "--as", "gestion.doc"], in: dir.url)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }

    @Test("propose leaves out what waits for a review, another person approves, execute deletes files; certificate, show and refusals in words")
    func destruction() throws {
        try register()
        let sha = try json(try sablier("document", "show", "SG-CORR-2021", "--format", "json").stdout) as? [String: Any]
        let corrSHA = try #require(((sha?["document"] as? [String: Any])?["file"] as? [String: Any])?["sha256"] as? String)
        // The AIPRP officer releases three of the four documents flagged by their rule; RF-PAIE-2018 waits.
        for (reference, decision) in [("SG-CORR-2021", "--dismiss"), ("ELV-2010-0001", "--confirm"), ("ELV-2010-0001-NUM", "--confirm")] {
            let reviewed = try sablier("privacy", "review", reference, decision, "--note", "Examiné", "--as", "aiprp")
            #expect(reviewed.status == 0, "\(reviewed.stderr)")
        }

        let proposed = try sablier("disposition", "propose", "--as-of", "2025-06-30", "--action", "destroy", "--as", "archiviste")
        #expect(proposed.status == 0, "\(proposed.stderr)")
        #expect(proposed.stdout.contains("disposition list 1 proposed by archiviste from the due list of 2025-06-30: 3 documents (destroy 3)"))
        #expect(proposed.stdout.contains("RF-PAIE-2018 (destroy due 2025-06-30): waits for the AIPRP officer's review"))

        let byProposer = try sablier("disposition", "approve", "1", "--as", "archiviste")
        #expect(byProposer.status == 77)
        #expect(byProposer.stderr.contains("a person other than its proposer must approve it"))
        let french = try SablierProcess.run(["disposition", "approve", "1", "--db", db, "--as", "rh.chef", "--lang", "fr"], in: dir.url)
        #expect(french.status == 77)
        #expect(french.stderr.contains("contient des documents d'une autre unité"))
        #expect(!french.stderr.contains("ELV-2010-0001"))
        #expect(try sablier("disposition", "approve", "1", "--as", "directrice").status == 0)

        let noMethod = try sablier("disposition", "execute", "1", "--as", "technicien")
        #expect(noMethod.status == 75)
        #expect(noMethod.stderr.contains("destroys documents without a file Sablier can delete (ELV-2010-0001)"))
        let executed = try sablier("disposition", "execute", "1", "--method", "déchiquetage", "--vendor-certificate", "SHRED-2026-114",
                                   "--as", "technicien")
        #expect(executed.status == 0, "\(executed.stderr)")
        #expect(executed.stdout.contains("disposition list 1 executed: 3 documents done"))
        #expect(!FileManager.default.fileExists(atPath: copy("correspondance-2021.txt")))
        #expect(FileManager.default.fileExists(atPath: copy("paie-2018.csv")))  // waits for its review: kept
        #expect(FileManager.default.fileExists(atPath: Fixtures.root.appendingPathComponent("examples/fichiers/correspondance-2021.txt").path))

        let certificate = try json(try sablier("disposition", "certificate", "1", "--format", "json").stdout) as? [String: Any]
        #expect(certificate?["complete"] as? Bool == true)
        #expect(certificate?["approvedBy"] as? String == "directrice")
        #expect(certificate?["vendorCertificate"] as? String == "SHRED-2026-114")
        #expect(certificate?["withheld"] as? Int == 0)
        let entries = try #require(certificate?["entries"] as? [[String: Any]])
        #expect(entries.map { $0["reference"] as? String } == ["ELV-2010-0001", "ELV-2010-0001-NUM", "SG-CORR-2021"])
        #expect(entries.last?["sha256"] as? String == corrSHA)
        let text = try sablier("disposition", "certificate", "1")
        #expect(text.stdout.contains("Certificat de destruction — 3 documents"))
        #expect(text.stdout.contains(corrSHA))
        let unitShow = try json(try sablier("disposition", "show", "1", "--format", "json", "--as", "rh.chef").stdout) as? [String: Any]
        #expect((unitShow?["items"] as? [Any])?.count == 0)
        #expect(unitShow?["withheld"] as? Int == 3)
        let lists = try json(try sablier("disposition", "list", "--format", "json").stdout) as? [[String: Any]]
        #expect(lists?.first?["state"] as? String == "executed")
        #expect(lists?.first?["done"] as? Int == 3)
        #expect(try sablier("disposition", "cancel", "1", "--reason", "Trop tard", "--as", "archiviste").stderr
            .contains("disposition list 1 is executed: its execution began, so it cannot be cancelled"))
    }
}
