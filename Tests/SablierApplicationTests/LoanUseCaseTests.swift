import Foundation
import SablierApplication
import SablierCore
import SablierSQLite
import SablierStore
import SablierTestSupport
import Testing

/// Loans of paper files and the moves of boxes through the use cases, on the example register
/// (B-2014-RF-01 holds RF-BUD-2014; ELV-2010-0001 is a confidential paper student file).
@Suite("Loan use cases")
struct LoanUseCaseTests {
    static let due = CivilDate(iso: "2026-12-15")!

    @Test("loan out refuses a digital document, a due day before the loan, what is already out and a détenteur; each refusal audited")
    func refusedLoans() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let before = try await office.lastSequence()
        let digital = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.lend(manager, .document("SG-CORR-2021"), to: "Mme Roy/École des Érables", due: Self.due)
        }
        #expect(digital?.code == .loanOfDigital)
        let early = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.lend(manager, .document("RH-EMP-0042"), to: "Mme Roy", due: CivilDate(iso: "2026-11-28")!)
        }
        #expect(early?.code == .dueBeforeLent)
        #expect(early?.values == ["due": "2026-11-28", "on": "2026-11-29"])
        let nobody = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.lend(manager, .document("RH-EMP-0042"), to: " /RH", due: Self.due)
        }
        #expect(nobody?.code == .emptyText)
        let unknown = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.lend(manager, .document("RH-EMP-9999"), to: "Mme Roy", due: Self.due)
        }
        #expect(unknown?.code == .documentNotFound)
        let holder = try await office.session("rh.chef")
        let detenteur = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.lend(holder, .document("RH-EMP-0042"), to: "Mme Roy", due: Self.due)
        }
        #expect(detenteur?.code == .missingPermission)
        #expect(try await office.refusals(after: before).count == 5)
        #expect(try await office.store.loans(includingReturned: true).isEmpty)

        let loan = try await office.sablier.lend(manager, .document("RH-EMP-0042"), to: "Mme Roy / École des Érables", due: Self.due,
                                                 reason: "Dossier demandé")
        #expect(loan.borrower == "Mme Roy" && loan.unit == "École des Érables")
        #expect(loan.lentOn == "2026-11-29" && loan.dueOn == "2026-12-15")
        let twice = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.lend(manager, .document("RH-EMP-0042"), to: "M. Côté", due: Self.due)
        }
        #expect(twice?.code == .alreadyOut)
        #expect(MessageCatalogue.message(try #require(twice), in: .fr)
            == "RH-EMP-0042 est déjà prêté : prêt n° \(loan.id) à Mme Roy, à retourner le 2026-12-15")
        let notOut = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.returnLoan(manager, .document("RH-EMP-0107"))
        }
        #expect(notOut?.code == .notOut)
    }

    @Test("loan list: open loans, overdue days counted against the day given, a détenteur sees only their unit's, a confidential title masked")
    func listing() async throws {
        let office = try await TestOffice(.register)
        // The AIPRP officer's confirmation of personal information makes the student file confidential.
        try await office.review(["ELV-2010-0001"], .confirm)
        let manager = try await office.session("gestion.doc")
        let employee = try await office.sablier.lend(manager, .document("RH-EMP-0042"), to: "Mme Roy/École des Érables", due: Self.due)
        let student = try await office.sablier.lend(manager, .document("ELV-2010-0001"), to: "M. Côté/École des Érables",
                                                    due: CivilDate(iso: "2026-12-31")!)
        let box = try await office.sablier.lend(manager, .box("B-2014-RF-01"), to: "M. Lee/Ressources financières", due: Self.due)
        #expect(box.documents == ["RF-BUD-2014"])

        let all = try await office.sablier.loans(try await office.session("verif"))
        #expect(all.loans.map(\.id) == [employee.id, student.id, box.id])
        #expect(all.loans.allSatisfy { $0.overdueDays == 0 })
        let shown = try #require(all.loans.first { $0.id == student.id })
        #expect(shown.title == DueEntry.maskedTitle && shown.confidential == true)
        #expect(all.loans.first?.title == "Dossier d'employé 0042")

        // Overdue against a given day, never today: five days after the 15th.
        let late = try await office.sablier.loans(manager, overdueOnly: true, asOf: CivilDate(iso: "2026-12-20")!)
        #expect(late.asOf == "2026-12-20")
        #expect(late.loans.map(\.id) == [employee.id, box.id])
        #expect(late.loans.map(\.overdueDays) == [5, 5])
        #expect(try await office.sablier.loans(manager, overdueOnly: true, asOf: Self.due).loans.isEmpty)

        // The détenteur of RH sees their unit's loan only; the Secrétariat général's, nothing.
        let rh = try await office.sablier.loans(try await office.session("rh.chef"))
        #expect(rh.loans.map(\.id) == [employee.id])
        #expect(rh.loans.first?.documents == ["RH-EMP-0042"])
        #expect(rh.withheld == 2)
        let sg = try await office.sablier.loans(try await office.session("sg.chef"))
        #expect(sg.loans.isEmpty && sg.withheld == 3)

        // Returned, it leaves the open list and stays in --all.
        // Recorded on the day it came back or later, never before it.
        let early = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.returnLoan(manager, .loan(employee.id), on: CivilDate(iso: "2026-12-01")!, note: "Complet")
        }
        #expect(early == Refusal(.returnInFuture, ["loan": String(employee.id), "on": "2026-12-01", "today": "2026-11-29"]))
        let returned = try await office.on("2026-12-01").returnLoan(manager, .loan(employee.id), on: CivilDate(iso: "2026-12-01")!, note: "Complet")
        #expect(returned.returnedOn == "2026-12-01" && returned.returnNote == "Complet")
        #expect(try await office.sablier.loans(manager).loans.map(\.id) == [student.id, box.id])
        let history = try await office.sablier.loans(manager, includingReturned: true)
        #expect(history.loans.map(\.id) == [employee.id, student.id, box.id])
        #expect(history.loans.first?.overdueDays == 0)
    }

    @Test("a document on loan is left out of a proposal with its loan; an approved list's is not lent; one gone out in a lent box since is refused at execution, naming the loan, and nothing is done")
    func loansAndDisposition() async throws {
        let office = try await TestOffice(.register)
        try await office.releaseDestructions()
        let manager = try await office.session("archiviste")
        let lender = try await office.session("gestion.doc")
        let loan = try await office.sablier.lend(lender, .document("ELV-2010-0001"), to: "M. Côté/École des Érables", due: Self.due)
        let proposal = try await office.sablier.proposeDisposition(manager, action: .destroy)
        #expect(proposal.items.map(\.reference) == ["ELV-2010-0001-NUM", "SG-CORR-2021"])
        let left = try #require(proposal.leftOut.first { $0.reference == "ELV-2010-0001" })
        #expect(left.reason == "on-loan" && left.loan == loan.id)
        _ = try await office.sablier.cancelDisposition(manager, list: proposal.list.number, reason: "Refaire après le retour")
        _ = try await office.sablier.returnLoan(lender, .document("ELV-2010-0001"))

        let list = try await office.sablier.proposeDisposition(manager, action: .destroy).list.number
        _ = try await office.sablier.approveDisposition(lender, list: list)
        let promised = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.lend(lender, .document("ELV-2010-0001"), to: "Mme Roy", due: Self.due)
        }
        #expect(promised == Refusal(.loanOfApprovedItem, ["reference": "ELV-2010-0001", "list": String(list)]))
        #expect(MessageCatalogue.message(try #require(promised), in: .fr)
            == "ELV-2010-0001 figure sur la liste de disposition n° \(list), approuvée : il ne peut être prêté avant que la liste soit exécutée ou annulée")
        #expect(try await office.refusals().last?.details.contains("loan.in-approved-list") == true)
        // Put into a box already lent, it is out with the box.
        let again = try await office.sablier.lend(lender, .box("B-2023-RF-01"), to: "Mme Roy", due: Self.due)
        _ = try await office.store.correctDocument("ELV-2010-0001", DocumentCorrection(box: .set("B-2023-RF-01")), reason: "Rangé",
                                                   knownSupports: [], by: "gestion.doc", at: TestOffice.now)
        let refused = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.executeDisposition(manager, list: list, method: "déchiquetage")
        }
        #expect(refused?.code == .cannotExecute)
        let french = MessageCatalogue.message(try #require(refused), in: .fr)
        #expect(french.contains("  - ELV-2010-0001 est prêté (prêt n° \(again.id) à Mme Roy) : il n'est ni détruit, ni trié, ni versé, ni transféré avant son retour"))
        #expect(try await office.store.dispositionList(list)?.state == .approved)
        #expect(FileManager.default.fileExists(atPath: office.exampleFile("correspondance-2021.txt").path))
    }

    @Test("box move changes the location and joins the history; a lent box does not move; history in order, loans included; a détenteur reads only their boxes")
    func boxMovesAndHistory() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let first = try await office.sablier.moveBox(manager, "B-2014-RF-01", to: "Entrepôt / Local 2 / Rayon 9", reason: "Versement au semi-actif")
        #expect(first.from == nil && first.to == "Entrepôt / Local 2 / Rayon 9" && first.kind == "moved")
        let loan = try await office.sablier.lend(manager, .box("B-2014-RF-01"), to: "M. Lee/Ressources financières", due: Self.due)
        let lent = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.moveBox(manager, "B-2014-RF-01", to: "Entrepôt / Local 3", reason: "Réaménagement")
        }
        #expect(lent?.code == .boxLent)
        let noReason = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.moveBox(manager, "B-2014-RF-01", to: "Entrepôt / Local 3", reason: " ")
        }
        #expect(noReason?.code == .emptyText)
        let holder = try await office.session("rh.chef")
        let byHolder = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.moveBox(holder, "B-2014-RF-01", to: "Entrepôt / Local 3", reason: "x")
        }
        #expect(byHolder?.code == .missingPermission)
        _ = try await office.on("2026-12-03").returnLoan(manager, .box("B-2014-RF-01"), on: CivilDate(iso: "2026-12-03")!)
        _ = try await office.on("2026-12-04").moveBox(manager, "B-2014-RF-01", to: "Entrepôt / Local 3 / Rayon 1", reason: "Réaménagement")
        #expect(try await office.store.box("B-2014-RF-01")?.location.description == "Entrepôt / Local 3 / Rayon 1")

        let history = try await office.sablier.boxHistory(try await office.session("verif"), "B-2014-RF-01")
        #expect(history.map(\.kind) == ["moved", "lent", "returned", "moved"])
        #expect(history.map(\.on) == ["2026-11-29", "2026-11-29", "2026-12-03", "2026-12-04"])
        #expect(history.map(\.loan) == [nil, loan.id, loan.id, nil])
        #expect(history[2].to == "Entrepôt / Local 2 / Rayon 9")
        #expect(history[3].from == "Entrepôt / Local 2 / Rayon 9" && history[3].to == "Entrepôt / Local 3 / Rayon 1")

        let other = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.boxHistory(holder, "B-2014-RF-01")
        }
        #expect(other?.code == .boxNotFound)
    }

    @Test("a box holding documents of two units is shown to each unit's détenteur with their own documents only")
    func boxOfTwoUnits() async throws {
        let office = try await TestOffice(.register)
        let staff = Document(reference: "RH-EMP-0300", title: "Dossier d'employé 0300", rule: "2101", copy: .principal,
                             holder: "Ressources humaines", support: .papier, openedOn: CivilDate(iso: "2010-08-23"), box: "B-2014-RF-01")
        _ = try await office.store.registerDocuments([NewDocument(document: staff)], by: "gestion.doc", at: TestOffice.now)
        let manager = try await office.session("gestion.doc")
        let loan = try await office.sablier.lend(manager, .box("B-2014-RF-01"), to: "M. Lee/Ressources financières", due: Self.due)
        #expect(loan.documents == ["RF-BUD-2014", "RH-EMP-0300"])
        #expect(try await office.store.events(of: "RH-EMP-0300").last?.event.kind == .lent)

        let rh = try await office.sablier.loans(try await office.session("rh.chef"))
        #expect(rh.loans.map(\.id) == [loan.id])
        #expect(rh.loans.first?.documents == ["RH-EMP-0300"])
        #expect(try await office.sablier.boxHistory(try await office.session("rh.chef"), "B-2014-RF-01").map(\.kind) == ["lent"])
        let sg = try await office.sablier.loans(try await office.session("sg.chef"))
        #expect(sg.loans.isEmpty && sg.withheld == 1)

        let back = try await office.sablier.returnLoan(manager, .document("RH-EMP-0300"), note: "Boîte complète")
        #expect(back.id == loan.id && back.returnedOn == "2026-11-29")
        #expect(try await office.store.events(of: "RF-BUD-2014").last?.event.kind == .returned)
    }

    @Test("box add takes a size in linear metres, kept in millimetres; a size that is no length is refused")
    func boxSize() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let box = try await office.sablier.addBox(manager, code: "B-2026-SG-01", location: "Centre administratif / Local 012", size: "0.12")
        #expect(box.linearMillimetres == 120)
        #expect(try await office.store.box("B-2026-SG-01")?.linearMillimetres == 120)
        #expect(try await office.sablier.addBox(manager, code: "B-2026-SG-02", size: "0,385").linearMillimetres == 385)
        for size in ["abc", "0", "-1", ""] {
            let refused = await thrownRefusal { () async throws(Refusal) in try await office.sablier.addBox(manager, code: "B-X-\(size)", size: size) }
            #expect(refused?.code == .invalidBoxSize, "\(size)")
        }
        #expect(try await office.store.box("B-X-abc") == nil)
    }
}
