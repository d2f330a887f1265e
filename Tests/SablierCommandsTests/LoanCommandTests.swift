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
        // Every loan and return gives --on, on days already past: nothing here depends on the
        // day the tests run.
        let out = try sablier("loan", "out", "RH-EMP-0042", "--to", "Mme Roy/École des Érables", "--due", "2026-11-15", "--on", "2026-11-01",
                              "--reason", "Dossier demandé")
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == "loan 1: document RH-EMP-0042 lent to Mme Roy (École des Érables) until 2026-11-15 (1 document)\n")

        let again = try sablier("loan", "out", "RH-EMP-0042", "--to", "M. Côté", "--due", "2026-11-15", "--on", "2026-11-01")
        #expect(again.status != 0)
        #expect(again.stderr.contains("RH-EMP-0042 est déjà prêté : prêt n° 1 à Mme Roy, à retourner le 2026-11-15"))
        // A digital document is refused as such, even with a due day before the loan's: what
        // may be lent is checked before the dates.
        let digital = try sablier("loan", "out", "SG-CORR-2021", "--to", "Mme Roy", "--due", "2026-10-15", "--on", "2026-11-01")
        #expect(digital.status != 0)
        #expect(digital.stderr.contains("SG-CORR-2021 est numérique"), "\(digital.stderr)")
        let wrongOrder = try sablier("loan", "out", "SEC-INS-2025", "--to", "Mme Roy", "--due", "2026-10-01", "--on", "2026-11-01")
        #expect(wrongOrder.status != 0)
        #expect(wrongOrder.stderr.contains("la date de retour prévue 2026-10-01 précède la date du prêt 2026-11-01"))
        let both = try sablier("loan", "out", "RH-EMP-0042", "--box", "B-2014-RF-01", "--to", "Mme Roy", "--due", "2026-11-15", "--on", "2026-11-01")
        #expect(both.status != 0)

        let box = try sablier("loan", "out", "--box", "B-2014-RF-01", "--to", "M. Lee/Ressources financières", "--due", "2026-11-20",
                              "--on", "2026-11-01")
        #expect(box.status == 0, "\(box.stderr)")
        #expect(box.stdout.contains("loan 2: box B-2014-RF-01 lent to M. Lee (Ressources financières) until 2026-11-20 (1 document)"))

        let overdue = try sablier("loan", "list", "--overdue", "--as-of", "2026-11-18", "--format", "json")
        #expect(overdue.status == 0, "\(overdue.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(overdue.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? Int } == [1])
        #expect(rows.first?["overdueDays"] as? Int == 3)
        #expect(rows.first?["documents"] as? [String] == ["RH-EMP-0042"])
        let csv = try sablier("loan", "list", "--as-of", "2026-11-18", "--format", "csv")
        #expect(csv.stdout == """
            id,what,documents,borrower,unit,lent_on,due_on,overdue_days,returned_on
            1,RH-EMP-0042,RH-EMP-0042,Mme Roy,École des Érables,2026-11-01,2026-11-15,3,
            2,box B-2014-RF-01,RF-BUD-2014,M. Lee,Ressources financières,2026-11-01,2026-11-20,,

            """)
        // The détenteur of RH sees their unit's loan, not the box of Ressources financières.
        let rh = try SablierProcess.run(["loan", "list", "--format", "csv", "--db", db], in: dir.url, environment: ["SABLIER_USER": "rh.chef"])
        #expect(rh.status == 0, "\(rh.stderr)")
        #expect(rh.stdout.split(separator: "\n").map { String($0.prefix(2)) } == ["id", "1,"])

        let returned = try sablier("loan", "return", "1", "--on", "2026-11-20", "--note", "Complet")
        #expect(returned.status == 0, "\(returned.stderr)")
        #expect(returned.stdout.contains("loan 1 returned on 2026-11-20: document RH-EMP-0042"))
        let twice = try sablier("loan", "return", "RH-EMP-0042", "--on", "2026-11-21")
        #expect(twice.status != 0)
        #expect(twice.stderr.contains("RH-EMP-0042 n'est pas prêté"))
        // Recorded late, a loan cannot go out before the last one came back.
        let overlapping = try sablier("loan", "out", "RH-EMP-0042", "--to", "M. Côté", "--due", "2026-11-30", "--on", "2026-11-19")
        #expect(overlapping.status != 0)
        #expect(overlapping.stderr.contains("RH-EMP-0042 ne peut être prêté le 2026-11-19 : le prêt n° 1 ne l'a retourné que le 2026-11-20"))
        // A return is recorded on the day it happens, not on a day to come.
        let future = try sablier("loan", "return", "--box", "B-2014-RF-01", "--on", "9999-12-31")
        #expect(future.status != 0)
        #expect(future.stderr.contains("le prêt n° 2 ne peut être retourné le 9999-12-31, une date à venir"))
        let back = try sablier("loan", "return", "--box", "B-2014-RF-01", "--on", "2026-11-22")
        #expect(back.status == 0, "\(back.stderr)")
        #expect(try sablier("loan", "list", "--format", "csv").stdout.split(separator: "\n").count == 1)
        #expect(try sablier("loan", "list", "--all", "--format", "csv").stdout.split(separator: "\n").count == 3)
        let events = try sablier("document", "show", "RF-BUD-2014", "--format", "json")
        #expect(events.stdout.contains("\"lent\"") && events.stdout.contains("\"returned\""))
    }

    @Test("loan return with digits: a loan's number when there is one, else the document of that reference; --help says so")
    func returnByDigits() throws {
        try loadExample()
        let csv = try dir.write("chiffres.csv", """
            reference,title,rule,copy,support,holder,opened,closed
            4711,Dossier numéroté 4711,2101,principal,PA,Ressources humaines,2004-08-23,
            1,Dossier numéroté 1,2101,principal,PA,Ressources humaines,2004-08-23,

            """)
        let imported = try sablier("document", "import", csv.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try sablier("loan", "out", "4711", "--to", "Mme Roy", "--due", "2026-11-15", "--on", "2026-11-01").status == 0)
        #expect(try sablier("loan", "out", "1", "--to", "M. Lee", "--due", "2026-11-15", "--on", "2026-11-01").status == 0)
        // No loan 4711: the document 4711.
        let byDocument = try sablier("loan", "return", "4711", "--on", "2026-11-10")
        #expect(byDocument.status == 0, "\(byDocument.stderr)")
        #expect(byDocument.stdout.contains("loan 1 returned on 2026-11-10: document 4711"))
        // Loan 2 exists: "2" is the loan, even though it lent document 1.
        let byNumber = try sablier("loan", "return", "2", "--on", "2026-11-10")
        #expect(byNumber.status == 0, "\(byNumber.stderr)")
        #expect(byNumber.stdout.contains("loan 2 returned on 2026-11-10: document 1"))
        let neither = try sablier("loan", "return", "99", "--on", "2026-11-10")
        #expect(neither.status != 0 && neither.stderr.contains("le prêt n° 99 n'existe pas"))
        let help = try sablier("loan", "return", "--help").stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("Digits are a loan's number; when no loan has that number and a document has that reference, the document."))
    }

    @Test("a document put into a lent box is on that loan: left out of disposition propose, not lent again, listed with the box")
    func documentPutIntoALentBox() throws {
        try loadExample()
        #expect(try sablier("loan", "out", "--box", "B-2023-RF-01", "--to", "M. Lee", "--due", "2026-11-20", "--on", "2026-11-01").status == 0)
        let moved = try sablier("document", "correct", "RH-EMP-0042", "--box", "B-2023-RF-01", "--reason", "Rangé dans la boîte")
        #expect(moved.status == 0, "\(moved.stderr)")
        let proposal = try sablier("disposition", "propose", "--as-of", "2026-11-29")
        #expect(proposal.stdout.contains("RH-EMP-0042 (transfer due 2022-06-30): out on loan 1 until it is returned"), "\(proposal.stdout)\(proposal.stderr)")
        let items = try sablier("disposition", "show", "1", "--format", "csv")
        #expect(!items.stdout.contains("RH-EMP-0042"), "\(items.stdout)\(items.stderr)")
        let again = try sablier("loan", "out", "RH-EMP-0042", "--to", "Mme Roy", "--due", "2026-11-30", "--on", "2026-11-10")
        #expect(again.status != 0)
        #expect(again.stderr.contains("RH-EMP-0042 est déjà prêté : prêt n° 1 à M. Lee"))
        let listed = try sablier("loan", "list", "--as-of", "2026-11-10", "--format", "csv")
        #expect(listed.stdout.contains("\n1,box B-2023-RF-01,RF-EF-2023 RH-EMP-0042,M. Lee,"), "\(listed.stdout)")
    }

    @Test("box move and box history: the move and the loan in order; a lent box is not moved; box list shows the size in metres")
    func boxMoves() throws {
        try loadExample()
        let list = try sablier("box", "list", "--format", "csv")
        #expect(list.stdout.contains("B-2023-RF-01,Centre administratif / Local 012 / Rayon 2,,0.12\n"))
        #expect(try sablier("box", "add", "B-BAD", "--size", "douze").stderr.contains("« douze » n'est pas un métrage linéaire"))

        #expect(try sablier("loan", "out", "--box", "B-2014-RF-01", "--to", "M. Lee", "--due", "2026-12-20", "--on", "2026-11-29").status == 0)
        let lent = try sablier("box", "move", "B-2014-RF-01", "--to", "Entrepôt / Local 3 / Rayon 1", "--on", "2026-11-30", "--reason", "Réaménagement")
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
