import Foundation
import SablierCore
import Testing

/// A loan's own rules: who it goes to, its days, how late it is; a box's size and move.
@Suite("Loan")
struct LoanTests {
    func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    func loan(due: String, returned: String? = nil) -> Loan {
        Loan(id: 7, subject: .document("RH-EMP-0042"), borrower: "Mme Roy", borrowerUnit: nil, lentOn: day("2027-12-01"), dueOn: day(due),
             lentAt: Date(timeIntervalSince1970: 0), lentBy: "gestion.doc", reason: nil, returnedOn: returned.map(day),
             returnedAt: returned.map { _ in Date(timeIntervalSince1970: 0) }, returnedBy: returned.map { _ in "gestion.doc" },
             documents: ["RH-EMP-0042"], holderUnits: ["Ressources humaines"])
    }

    @Test("days between civil dates, counted by hand across months, years and 29 February; adding days is its inverse")
    func daysBetween() {
        let epoch = day("1970-01-01")
        #expect(day("1970-01-01").days(since: epoch) == 0)
        #expect(day("1969-12-31").days(since: epoch) == -1)
        #expect(day("2000-03-01").days(since: epoch) == 11_017)  // 30 years (7 leap days) = 10,957, + 31 + 29
        #expect(day("2028-03-01").days(since: day("2028-02-28")) == 2)
        #expect(day("2027-03-01").days(since: day("2027-02-28")) == 1)
        #expect(day("2027-01-01").days(since: day("2026-01-01")) == 365)
        #expect(epoch.adding(days: 11_017) == day("2000-03-01"))
        #expect(day("2000-03-01").adding(days: -1) == day("2000-02-29"))
        #expect(day("9999-12-31").adding(days: 1) == day("9999-12-31"))
        #expect(day("0001-01-01").adding(days: -1) == day("0001-01-01"))
    }

    @Test("overdue from the day after the due day, by whole days; never once returned")
    func overdue() {
        let open = loan(due: "2028-02-27")
        #expect(!open.isOverdue(on: day("2028-02-27")) && open.overdueDays(on: day("2028-02-27")) == 0)
        #expect(open.isOverdue(on: day("2028-02-28")) && open.overdueDays(on: day("2028-02-28")) == 1)
        #expect(open.overdueDays(on: day("2028-03-01")) == 3)
        #expect(open.overdueDays(on: day("2029-02-27")) == 366)
        let back = loan(due: "2028-02-27", returned: "2028-03-10")
        #expect(!back.isOverdue(on: day("2028-03-20")) && back.overdueDays(on: day("2028-03-20")) == 0)
    }

    @Test("the borrower is PERSON or PERSON/UNIT, trimmed; a unit may itself hold a slash; no person is refused")
    func borrower() throws {
        #expect(try Loan.borrower("Mme Roy").name == "Mme Roy" && Loan.borrower("Mme Roy").unit == nil)
        let both = try Loan.borrower(" Mme Roy / École des Érables ")
        #expect(both.name == "Mme Roy" && both.unit == "École des Érables")
        #expect(try Loan.borrower("M. Côté/CSS/École A").unit == "CSS/École A")
        #expect(try Loan.borrower("M. Côté/ ").unit == nil)
        #expect(throws: Refusal.self) { try Loan.borrower(" / RH") }
    }

    @Test("dates: due the day of the loan is allowed, before it refused; a return before the loan, after today or twice refused")
    func dates() throws {
        try Loan.checkDates(lentOn: day("2026-11-29"), dueOn: day("2026-11-29"))
        #expect(throws: Refusal(.dueBeforeLent, ["due": "2026-11-28", "on": "2026-11-29"])) {
            try Loan.checkDates(lentOn: day("2026-11-29"), dueOn: day("2026-11-28"))
        }
        #expect(throws: Refusal(.returnBeforeLent, ["loan": "7", "on": "2027-11-30", "lent": "2027-12-01"])) {
            try loan(due: "2027-12-15").checkReturn(on: day("2027-11-30"), today: day("2027-12-20"))
        }
        #expect(throws: Refusal(.alreadyReturned, ["loan": "7", "on": "2027-12-10"])) {
            try loan(due: "2027-12-15", returned: "2027-12-10").checkReturn(on: day("2027-12-11"), today: day("2027-12-20"))
        }
        try loan(due: "2027-12-15").checkReturn(on: day("2027-12-20"), today: day("2027-12-20"))
        #expect(throws: Refusal(.returnInFuture, ["loan": "7", "on": "2027-12-21", "today": "2027-12-20"])) {
            try loan(due: "2027-12-15").checkReturn(on: day("2027-12-21"), today: day("2027-12-20"))
        }
    }

    @Test("what may be lent: paper still held; not a file, not a digital medium, not a destroyed or deposited document")
    func lendable() throws {
        let paper = Document(reference: "P", title: "Papier", rule: "2101", copy: .principal, holder: "RH", support: .papier)
        try Loan.checkLendable(paper, phase: .semiActif)
        var digital = paper
        digital.support = .numerique
        #expect(throws: Refusal(.loanOfDigital, ["reference": "P", "support": "DM"])) { try Loan.checkLendable(digital, phase: .actif) }
        var scanned = paper
        scanned.file = DigitalFile(path: "/x.pdf", sha256: String(repeating: "0", count: 64), size: 1, format: "pdf")
        #expect(throws: Refusal.self) { try Loan.checkLendable(scanned, phase: .actif) }
        #expect(throws: Refusal(.loanOfDisposed, ["reference": "P", "phase": "inactif-detruit"])) {
            try Loan.checkLendable(paper, phase: .inactifDetruit)
        }
    }

    @Test("a box's size: metres to whole millimetres, a comma as decimal mark; nothing, zero, negative, words, or ten metres and more (millimetres typed for metres) refused")
    func boxSize() throws {
        #expect(try Box.linearMillimetres(metres: "0.12") == 120)
        #expect(try Box.linearMillimetres(metres: " 0,385 ") == 385)
        #expect(try Box.linearMillimetres(metres: "2") == 2_000)
        #expect(try Box.linearMillimetres(metres: "9.5") == 9_500)
        for bad in ["", "0", "-0.1", "douze", "0.0001", "nan", "inf", "10", "120"] {
            #expect(throws: Refusal(.invalidBoxSize, ["size": bad]), "\(bad)") { try Box.linearMillimetres(metres: bad) }
        }
    }
}
