import Foundation
import Synchronization
import SablierTestSupport
import Testing

/// `privacy scan --all --worker`: processes started at once share the register's scan, each
/// document's content read by exactly one of them, and every run they start is finished.
@Suite("sablier privacy scan --worker (end to end)", .serialized)
final class PrivacyScanWorkerCommandTests {
    let dir: TemporaryDirectory
    var db: String { dir.file("sablier.sqlite").path }

    init() throws {
        dir = try TemporaryDirectory(prefix: "sablier-cli-scan-worker")
        try SablierProcess.prepareStore(at: dir.file("sablier.sqlite").path)
    }

    deinit {
        dir.remove()
    }

    func sablier(_ arguments: [String]) throws -> SablierProcess.Result {
        try SablierProcess.run(arguments + ["--db", db], in: dir.url)
    }

    @Test("three workers started at once read each of the five documents once; every run started is finished; --worker needs --all")
    func workers() throws {
        #expect(try sablier(["calendar", "import", Fixtures.exampleNative.path]).status == 0)
        let files = dir.file("files")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        let names = ["t05-adhesion-assurance.txt", "t06-pv-conseil-administration.pdf", "t12-note-de-service.rtf",
                     "t01-plan-intervention.docx", "t30-formulaire-corrompu.docx"]
        for name in names {
            try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("corpus/privacy/files/\(name)"),
                                             to: files.appendingPathComponent(name))
        }
        let csv = try dir.write("registre.csv", """
            reference,title,rule,copy,support,holder,opened,closed,path
            RH-ASS-001,Adhésion à l'assurance collective,2101,principal,DM,Ressources humaines,2025-08-29,,files/t05-adhesion-assurance.txt
            SG-PV-CA-2025,Procès-verbal du conseil d'administration,1101,principal,DM,Secrétariat général,2025-06-10,2025-06-10,files/t06-pv-conseil-administration.pdf
            SG-NOTE-2025,Note de service (toitures),1201,principal,DM,Secrétariat général,2025-09-15,,files/t12-note-de-service.rtf
            ELV-PI-2025,Plan d'intervention,7102,principal,DM,École primaire des Bouleaux,2025-10-21,,files/t01-plan-intervention.docx
            SG-FORM-X,Formulaire,1201,principal,DM,Secrétariat général,2025-01-01,,files/t30-formulaire-corrompu.docx

            """)
        #expect(try sablier(["document", "import", csv.path, "--as", "gestion.doc"]).status == 0)
        let refused = try sablier(["privacy", "scan", "--worker", "--document", "RH-ASS-001", "--as", "aiprp"])
        #expect(refused.status != 0 && refused.stderr.contains("--worker shares the scan of --all"))

        let results = Mutex<[SablierProcess.Result?]>(Array(repeating: nil, count: 3))
        let (db, url) = (db, dir.url)
        DispatchQueue.concurrentPerform(iterations: 3) { index in
            let result = try? SablierProcess.run(["privacy", "scan", "--all", "--worker", "--batch", "1", "--format", "json", "--as", "aiprp",
                                                  "--db", db], in: url)
            results.withLock { $0[index] = result }
        }
        var scanned: [String] = []
        for result in results.withLock({ $0 }) {
            let result = try #require(result)
            // The worker that met the corrupt form exits 1, as `scan --all` does.
            #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            scanned += entries.compactMap { $0["reference"] as? String }
        }
        // A worker that starts once the run is finished starts the next one, where the contents
        // scanned are linked, not read again: every document is in some worker's output, and each
        // content was read and stored once (one `privacy.scan` entry per document).
        #expect(Set(scanned) == ["ELV-PI-2025", "RH-ASS-001", "SG-FORM-X", "SG-NOTE-2025", "SG-PV-CA-2025"])

        let audit = try sablier(["audit", "log", "--format", "json", "--as", "verif"])
        let actions = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [[String: Any]])
            .compactMap { $0["action"] as? String }
        let started = actions.filter { $0 == "privacy.scan-run.start" }.count
        #expect(started >= 1 && actions.filter { $0 == "privacy.scan-run.finish" }.count == started, "every run started was finished")
        #expect(actions.filter { $0 == "privacy.scan" }.count == 5)
    }
}
