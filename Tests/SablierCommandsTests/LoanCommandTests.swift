import Foundation
import SablierTestSupport
import Testing

/// End-to-end: loans of paper files and the moves of boxes through the real binary, on the
/// example calendar and register.
@Suite("sablier loan, box move, box history (end to end)", .serialized)
final class LoanCommandTests {
    let dir: TemporaryDirectory
    var db: String { dir.file("sablier.sqlite").path }

    init() throws {
        dir = try TemporaryDirectory(prefix: "sablier-cli-loans")
        try SablierProcess.prepareStore(at: dir.file("sablier.sqlite").path)
    }

    deinit {
        dir.remove()
    }

    func sablier(_ arguments: String...) throws -> SablierProcess.Result {
        try SablierProcess.run(arguments + ["--db", db], in: dir.url)
    }

    func loadExample() throws {
        #expect(try sablier("calendar", "import", Fixtures.exampleNative.path).status == 0)
        #expect(try sablier("box", "add", "B-2023-RF-01", "--location", "Centre administratif / Local 012 / Rayon 2", "--size", "0.12").status == 0)
        #expect(try sablier("box", "add", "B-2014-RF-01", "--location", "Entrepôt / Local 2 / Rayon 9").status == 0)
        let csv = try dir.copyExamples()
        let result = try sablier("document", "import", csv.path)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("loan out, list (overdue against --as-of, JSON and CSV), return; the refused cases exit non-zero, in French, naming what is wrong")
    func lendListReturn() throws {
        try loadExample()
        let out = try sablier("loan", "out", "RH-EMP-0042", "--to", "Mme Roy/École des Érables", "--due", "2026-12-15", "--on", "2026-11-29",
                              "--reason", "Dossier demandé")
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == "loan 1: document RH-EMP-0042 lent to Mme Roy (École des Érables) until 2026-12-15 (1 document)\n")

        let again = try sablier("loan", "out", "RH-EMP-0042", "--to", "M. Côté", "--due", "2026-12-15", "--on", "2026-11-29")
        #expect(again.status != 0)
        #expect(again.stderr.contains("RH-EMP-0042 est déjà prêté : prêt n° 1 à Mme Roy, à retourner le 2026-12-15"))
        let digital = try sablier("loan", "out", "SG-CORR-2021", "--to", "Mme Roy", "--due", "2026-12-15")
        #expect(digital.status != 0)
        #expect(digital.stderr.contains("SG-CORR-2021 est numérique"))
        let early = try sablier("loan", "out", "RH-EMP-0042", "--to", "Mme Roy", "--due", "2026-11-01", "--on", "2026-11-29")
        #expect(early.status != 0)
        #expect(early.stderr.contains("la date de retour prévue 2026-11-01 précède la date du prêt 2026-11-29"))
        let both = try sablier("loan", "out", "RH-EMP-0042", "--box", "B-2014-RF-01", "--to", "Mme Roy", "--due", "2026-12-15")
        #expect(both.status != 0)

        let box = try sablier("loan", "out", "--box", "B-2014-RF-01", "--to", "M. Lee/Ressources financières", "--due", "2026-12-20",
                              "--on", "2026-11-29")
        #expect(box.status == 0, "\(box.stderr)")
        #expect(box.stdout.contains("loan 2: box B-2014-RF-01 lent to M. Lee (Ressources financières) until 2026-12-20 (1 document)"))

        let overdue = try sablier("loan", "list", "--overdue", "--as-of", "2026-12-18", "--format", "json")
        #expect(overdue.status == 0, "\(overdue.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(overdue.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? Int } == [1])
        #expect(rows.first?["overdueDays"] as? Int == 3)
        #expect(rows.first?["documents"] as? [String] == ["RH-EMP-0042"])
        let csv = try sablier("loan", "list", "--as-of", "2026-12-18", "--format", "csv")
        #expect(csv.stdout == """
            id,what,documents,borrower,unit,lent_on,due_on,overdue_days,returned_on
            1,RH-EMP-0042,RH-EMP-0042,Mme Roy,École des Érables,2026-11-29,2026-12-15,3,
            2,box B-2014-RF-01,RF-BUD-2014,M. Lee,Ressources financières,2026-11-29,2026-12-20,,

            """)
        // The détenteur of RH sees their unit's loan, not the box of Ressources financières.
        let rh = try SablierProcess.run(["loan", "list", "--format", "csv", "--db", db], in: dir.url, environment: ["SABLIER_USER": "rh.chef"])
        #expect(rh.status == 0, "\(rh.stderr)")
        #expect(rh.stdout.split(separator: "\n").map { String($0.prefix(2)) } == ["id", "1,"])

        let returned = try sablier("loan", "return", "1", "--on", "2026-12-10", "--note", "Complet")
        #expect(returned.status == 0, "\(returned.stderr)")
        #expect(returned.stdout.contains("loan 1 returned on 2026-12-10: document RH-EMP-0042"))
        let twice = try sablier("loan", "return", "RH-EMP-0042")
        #expect(twice.status != 0)
        #expect(twice.stderr.contains("RH-EMP-0042 n'est pas prêté"))
        let back = try sablier("loan", "return", "--box", "B-2014-RF-01", "--on", "2026-12-12")
        #expect(back.status == 0, "\(back.stderr)")
        #expect(try sablier("loan", "list", "--format", "csv").stdout.split(separator: "\n").count == 1)
        #expect(try sablier("loan", "list", "--all", "--format", "csv").stdout.split(separator: "\n").count == 3)
        let events = try sablier("document", "show", "RF-BUD-2014", "--format", "json")
        #expect(events.stdout.contains("\"lent\"") && events.stdout.contains("\"returned\""))
    }

    @Test("box move and box history: the move and the loan in order; a lent box is not moved; box list shows the size in metres")
    func boxMoves() throws {
        try loadExample()
        let list = try sablier("box", "list", "--format", "csv")
        #expect(list.stdout.contains("B-2023-RF-01,Centre administratif / Local 012 / Rayon 2,,0.12\n"))
        #expect(try sablier("box", "add", "B-BAD", "--size", "douze").stderr.contains("« douze » n'est pas un métrage linéaire"))

        #expect(try sablier("loan", "out", "--box", "B-2014-RF-01", "--to", "M. Lee", "--due", "2026-12-20", "--on", "2026-11-29").status == 0)
        let lent = try sablier("box", "move", "B-2014-RF-01", "--to", "Entrepôt / Local 3 / Rayon 1", "--reason", "Réaménagement")
        #expect(lent.status != 0)
        #expect(lent.stderr.contains("la boîte B-2014-RF-01 est prêtée (prêt n° 1 à M. Lee)"))
        #expect(try sablier("loan", "return", "--box", "B-2014-RF-01", "--on", "2026-12-01").status == 0)
        let moved = try sablier("box", "move", "B-2014-RF-01", "--to", "Entrepôt / Local 3 / Rayon 1", "--on", "2026-12-02", "--reason", "Réaménagement")
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout == "box B-2014-RF-01 moved on 2026-12-02 from Entrepôt / Local 2 / Rayon 9 to Entrepôt / Local 3 / Rayon 1\n")

        let history = try sablier("box", "history", "B-2014-RF-01", "--format", "csv")
        #expect(history.status == 0, "\(history.stderr)")
        let lines = history.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "on,kind,from,to,loan,by,reason")
        #expect(lines.dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
            == ["2026-11-29,lent", "2026-12-01,returned", "2026-12-02,moved"])
        #expect(lines.last == "2026-12-02,moved,Entrepôt / Local 2 / Rayon 9,Entrepôt / Local 3 / Rayon 1,,gestion.doc,Réaménagement")
        let missing = try sablier("box", "history", "B-NONE")
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("la boîte B-NONE n'est pas inscrite"))
    }

    @Test("disposition propose says a document is left out because it is on loan")
    func proposeSaysOnLoan() throws {
        try loadExample()
        #expect(try sablier("loan", "out", "RH-EMP-0042", "--to", "Mme Roy", "--due", "2026-12-20", "--on", "2026-11-29").status == 0)
        #expect(try sablier("loan", "out", "--box", "B-2014-RF-01", "--to", "M. Lee", "--due", "2026-12-20", "--on", "2026-11-29").status == 0)
        let proposal = try sablier("disposition", "propose", "--as-of", "2026-11-29")
        #expect(proposal.stdout.contains("RF-BUD-2014 (sort due 2020-06-30): out on loan 2 until it is returned"), "\(proposal.stdout)\(proposal.stderr)")
    }
}
