import Foundation
import SablierTestSupport
import Testing

/// End-to-end: disposition lists through the real `sablier` binary, on a COPY of `examples/`
/// (the files it deletes are copies, never the repository's) and a real SQLite database.
///
/// Execution happens today, by the clock: the example's dates assume today is between
/// 2025-06-30 (the last destruction falls due) and 2030-06-30 (RF-EF-2023's deposit).
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

    func sablier(_ arguments: String...) throws -> SablierProcess.Result {
        try SablierProcess.run(arguments + ["--db", db], in: dir.url)
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

    @Test("propose, approve by another person, execute: files deleted, certificate with SHA-256, tombstones, refusals in words")
    func destruction() throws {
        try register()
        let sha = try json(try sablier("document", "show", "SG-CORR-2021", "--format", "json").stdout) as? [String: Any]
        let corrSHA = try #require(((sha?["document"] as? [String: Any])?["file"] as? [String: Any])?["sha256"] as? String)
        #expect(try sablier("hold", "place", "--document", "RF-PAIE-2018", "--reason", "Litige", "--as", "aiprp").status == 0)

        let proposed = try sablier("disposition", "propose", "--as-of", "2026-11-29", "--action", "destroy", "--as", "archiviste")
        #expect(proposed.status == 0, "\(proposed.stderr)")
        #expect(proposed.stdout.contains("disposition list 1 proposed by archiviste from the due list of 2026-11-29: 3 documents (destroy 3)"))
        #expect(proposed.stdout.contains("RF-PAIE-2018 (destroy due 2025-06-30): held"))

        let early = try sablier("disposition", "execute", "1", "--method", "déchiquetage", "--as", "technicien")
        #expect(early.status != 0)
        #expect(early.stderr.contains("disposition list 1 is not approved"))
        let byProposer = try sablier("disposition", "approve", "1", "--as", "archiviste")
        #expect(byProposer.status != 0)
        #expect(byProposer.stderr.contains("a person other than its proposer must approve it"))
        // A détenteur approves lists of their own unit's documents only.
        let byOtherUnit = try sablier("disposition", "approve", "1", "--as", "rh.chef")
        #expect(byOtherUnit.status != 0)
        #expect(byOtherUnit.stderr.contains("user rh.chef holds disposition.approve for their own unit only, and document"))
        let approved = try sablier("disposition", "approve", "1", "--as", "directrice")
        #expect(approved.status == 0, "\(approved.stderr)")

        let noMethod = try sablier("disposition", "execute", "1", "--as", "technicien")
        #expect(noMethod.status != 0)
        #expect(noMethod.stderr.contains("--method"))
        #expect(FileManager.default.fileExists(atPath: copy("correspondance-2021.txt")))

        let executed = try sablier("disposition", "execute", "1", "--method", "déchiquetage", "--vendor-certificate", "SHRED-2026-114",
                                   "--as", "technicien")
        #expect(executed.status == 0, "\(executed.stderr)")
        #expect(executed.stdout.contains("disposition list 1 executed: 3 documents done"))
        #expect(!FileManager.default.fileExists(atPath: copy("correspondance-2021.txt")))
        #expect(!FileManager.default.fileExists(atPath: copy("dossier-eleve-2010-0001-numerise.txt")))
        #expect(FileManager.default.fileExists(atPath: copy("paie-2018.csv")))  // held: kept
        // The repository's own files are untouched.
        #expect(FileManager.default.fileExists(atPath: Fixtures.root.appendingPathComponent("examples/fichiers/correspondance-2021.txt").path))

        let certificate = try json(try sablier("disposition", "certificate", "1", "--format", "json").stdout) as? [String: Any]
        #expect(certificate?["list"] as? Int == 1)
        #expect(certificate?["complete"] as? Bool == true)
        #expect(certificate?["proposedBy"] as? String == "archiviste")
        #expect(certificate?["approvedBy"] as? String == "directrice")
        #expect(certificate?["executedBy"] as? String == "technicien")
        #expect(certificate?["method"] as? String == "déchiquetage")
        #expect(certificate?["vendorCertificate"] as? String == "SHRED-2026-114")
        let entries = try #require(certificate?["entries"] as? [[String: Any]])
        #expect(entries.map { $0["reference"] as? String } == ["ELV-2010-0001", "ELV-2010-0001-NUM", "SG-CORR-2021"])
        #expect(entries.allSatisfy { $0["outcome"] as? String == "destroyed" && $0["state"] as? String == "done" })
        #expect(entries.last?["sha256"] as? String == corrSHA)
        #expect(entries.last?["rule"] as? String == "1201")
        #expect(entries.first?["sha256"] == nil)  // paper: no file

        let text = try sablier("disposition", "certificate", "1")
        #expect(text.stdout.contains("Certificat de destruction — 3 documents"))
        #expect(text.stdout.contains("Certificat du fournisseur : SHRED-2026-114"))
        #expect(text.stdout.contains(corrSHA))

        let show = try json(try sablier("disposition", "show", "1", "--format", "json").stdout) as? [String: Any]
        #expect((show?["list"] as? [String: Any])?["state"] as? String == "executed")
        #expect((show?["items"] as? [Any])?.count == 3)
        #expect(show?["withheld"] as? Int == 0)

        // A détenteur (rh.chef, Ressources humaines) reads its own unit's part only: holds on
        // other units' documents, and other units' lines of a list and its certificate, stay hidden.
        #expect(try sablier("hold", "place", "--document", "RH-EMP-0042", "--reason", "Grief", "--as", "aiprp").status == 0)
        let unitHolds = try json(try sablier("hold", "list", "--format", "json", "--as", "rh.chef").stdout) as? [[String: Any]]
        #expect(unitHolds?.map { $0["target"] as? String } == ["RH-EMP-0042"])
        #expect((try json(try sablier("hold", "list", "--format", "json").stdout) as? [Any])?.count == 2)
        let unitShow = try json(try sablier("disposition", "show", "1", "--format", "json", "--as", "rh.chef").stdout) as? [String: Any]
        #expect((unitShow?["items"] as? [Any])?.count == 0)
        #expect(unitShow?["withheld"] as? Int == 3)
        let unitCertificate = try sablier("disposition", "certificate", "1", "--as", "rh.chef")
        #expect(unitCertificate.status == 0, "\(unitCertificate.stderr)")
        #expect(unitCertificate.stdout.contains("3 documents d'autres unités non montrés"))
        #expect(!unitCertificate.stdout.contains("SG-CORR-2021"))
        let unitJSON = try json(try sablier("disposition", "certificate", "1", "--format", "json", "--as", "rh.chef").stdout) as? [String: Any]
        #expect((unitJSON?["entries"] as? [Any])?.count == 0)
        #expect(unitJSON?["withheld"] as? Int == 3)
        let lists = try json(try sablier("disposition", "list", "--format", "json").stdout) as? [[String: Any]]
        #expect(lists?.count == 1)
        #expect(lists?.first?["done"] as? Int == 3)
        let document = try json(try sablier("document", "show", "SG-CORR-2021", "--format", "json").stdout) as? [String: Any]
        #expect((document?["document"] as? [String: Any])?["phase"] as? String == "inactif-detruit")

        let again = try sablier("disposition", "execute", "1", "--as", "technicien")
        #expect(again.status != 0)
        #expect(again.stderr.contains("disposition list 1 was already executed"))
        let destroyEvent = try sablier("document", "event", "SG-CORR-2021", "destroyed")
        #expect(destroyEvent.status != 0)
    }

    @Test("a list proposed by mistake is cancelled with its reason and frees its documents; a cancelled or begun list goes no further")
    func cancellation() throws {
        try register()
        #expect(try sablier("disposition", "propose", "--as-of", "2026-11-29", "--action", "destroy", "--as", "archiviste").status == 0)
        let blocked = try sablier("disposition", "propose", "--as-of", "2026-11-29", "--action", "destroy", "--as", "archiviste")
        #expect(blocked.status != 0)
        #expect(blocked.stderr.contains("already in list 1"))

        let byHolder = try sablier("disposition", "cancel", "1", "--reason", "Erreur", "--as", "rh.chef")
        #expect(byHolder.stderr.contains("lacks the permission disposition.manage"))
        let noReason = try sablier("disposition", "cancel", "1", "--reason", "  ", "--as", "archiviste")
        #expect(noReason.status != 0)
        #expect(noReason.stderr.contains("needs a reason"))
        let cancelled = try sablier("disposition", "cancel", "1", "--reason", "Mauvaise date", "--as", "archiviste")
        #expect(cancelled.status == 0, "\(cancelled.stderr)")
        #expect(cancelled.stdout.contains("disposition list 1 cancelled by archiviste"))
        #expect(try sablier("disposition", "cancel", "1", "--reason", "Encore").stderr.contains("already cancelled by archiviste"))
        #expect(try sablier("disposition", "approve", "1", "--as", "directrice").stderr.contains("disposition list 1 was cancelled by archiviste: Mauvaise date"))
        let execute = try sablier("disposition", "execute", "1", "--method", "déchiquetage", "--as", "technicien")
        #expect(execute.status != 0)
        #expect(execute.stderr.contains("disposition list 1 was cancelled by archiviste: Mauvaise date"))
        #expect(FileManager.default.fileExists(atPath: copy("correspondance-2021.txt")))
        let listed = try json(try sablier("disposition", "list", "--format", "json").stdout) as? [[String: Any]]
        #expect(listed?.first?["state"] as? String == "cancelled")
        #expect(listed?.first?["cancelledBy"] as? String == "archiviste")
        #expect(listed?.first?["cancelReason"] as? String == "Mauvaise date")
        #expect(try sablier("disposition", "show", "1").stdout.contains("cancelled by archiviste on "))

        // Its documents are proposed again; once the new list's execution began, it cannot be cancelled.
        let again = try sablier("disposition", "propose", "--as-of", "2026-11-29", "--action", "destroy", "--as", "archiviste")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("disposition list 2 proposed"))
        #expect(try sablier("disposition", "approve", "2", "--as", "directrice").status == 0)
        #expect(try sablier("disposition", "execute", "2", "--method", "déchiquetage", "--as", "technicien").status == 0)
        let late = try sablier("disposition", "cancel", "2", "--reason", "Trop tard", "--as", "archiviste")
        #expect(late.status != 0)
        #expect(late.stderr.contains("disposition list 2 is executed: its execution began, so it cannot be cancelled"))
        let log = try sablier("audit", "log", "--as", "verif", "--format", "json")
        let entries = try #require(try json(log.stdout) as? [[String: Any]])
        #expect(entries.filter { $0["action"] as? String == "disposition.cancel" }.map { $0["target"] as? String } == ["disposition 1"])
    }

    @Test("deposits give a transfer slip and keep their files; a document not yet due is refused")
    func depositAndNotYetDue() throws {
        try register()
        #expect(try sablier("disposition", "propose", "--as-of", "2026-11-29", "--action", "deposit", "--as", "archiviste").status == 0)
        #expect(try sablier("disposition", "approve", "1", "--as", "directrice").status == 0)
        let executed = try sablier("disposition", "execute", "1", "--as", "technicien")
        #expect(executed.status == 0, "\(executed.stderr)")
        #expect(FileManager.default.fileExists(atPath: copy("politique-securite-2015.txt")))
        let slip = try sablier("disposition", "certificate", "1", "--format", "text")
        #expect(slip.stdout.contains("Bordereau de versement — 2 documents"))
        #expect(slip.stdout.contains("SG-PV-CA-2019"))
        #expect(!slip.stdout.contains("Certificat de destruction"))

        #expect(try sablier("disposition", "propose", "--as-of", "2031-01-01", "--action", "deposit", "--as", "archiviste").status == 0)
        #expect(try sablier("disposition", "approve", "2", "--as", "directrice").status == 0)
        let refused = try sablier("disposition", "execute", "2", "--as", "technicien")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("RF-EF-2023 is not yet due: its deposit falls due on 2030-06-30"))
        let noCertificate = try sablier("disposition", "certificate", "2")
        #expect(noCertificate.status != 0)
        #expect(noCertificate.stderr.contains("its certificate is written as it is executed"))
    }
}
