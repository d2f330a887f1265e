import Foundation
import SablierCore
import SablierImport
import SablierRegister
import SablierStore
import SablierTestSupport
import Testing

/// What every `LoanStore` backend must do: loans of paper files and boxes, their returns, the
/// history of a box's moves, and what a loan does to a disposition list; on the example
/// calendar and register (B-2014-RF-01 holds RF-BUD-2014, paper).
@Suite("LoanStore contract")
struct LoanStoreContractTests {
    /// Noon UTC, so the civil day is 2026-11-29 wherever the tests run.
    let now = ISO8601DateFormatter().date(from: "2026-11-29T12:00:00Z")!
    let day = CivilDate(iso: "2026-11-29")!
    let due = CivilDate(iso: "2026-12-15")!
    /// A month later: when a return dated after `day` is recorded (a return is never recorded
    /// before the day it happens).
    let later = ISO8601DateFormatter().date(from: "2026-12-31T12:00:00Z")!

    func withExampleRegister<T>(_ backend: Backend, _ body: (any SablierStorage, TemporaryDirectory) async throws -> T) async throws -> T {
        let boxes = [Box(code: "B-2023-RF-01", location: PhysicalLocation(slashed: "Centre administratif / Local 012 / Rayon 4"), linearMillimetres: 120),
                     Box(code: "B-2014-RF-01", location: PhysicalLocation(slashed: "Entrepôt / Local 2 / Rayon 9"))]
        return try await ExampleRegister.with(backend, boxes: boxes, at: now, body)
    }

    /// The `Refusal` that `body` throws.
    func refusal(_ body: () async throws -> Void) async -> Refusal? {
        do {
            try await body()
        } catch let refusal as Refusal {
            return refusal
        } catch {
            Issue.record("expected a refusal, got \(error)")
            return nil
        }
        Issue.record("expected a refusal, but it succeeded")
        return nil
    }

    /// Records that `reference` sits in `box` (a correction of its record).
    func putIntoBox(_ store: any SablierStorage, _ reference: String, _ box: String) async throws {
        _ = try await store.correctDocument(reference, DocumentCorrection(box: .set(box)), reason: "Rangé dans la boîte \(box)",
                                            knownSupports: [], by: "gestion.doc", at: now)
    }

    func kinds(_ store: any SablierStorage, _ reference: String) async throws -> [LifecycleEventKind] {
        try await store.events(of: reference).map(\.event.kind)
    }

    @Test("a box keeps its size in millimetres", arguments: Backend.allCases)
    func boxSize(backend: Backend) async throws {
        try await withExampleRegister(backend) { store, _ in
            let sized = try await store.box("B-2023-RF-01")
            #expect(sized?.linearMillimetres == 120)
            #expect(try await store.box("B-2014-RF-01")?.linearMillimetres == nil)
            #expect(try await store.boxes().map(\.linearMillimetres) == [nil, 120])
        }
    }

    @Test("a paper document is lent and returned: one event each, audited, listed open then returned", arguments: Backend.allCases)
    func documentLoan(backend: Backend) async throws {
        try await withExampleRegister(backend) { store, _ in
            let loan = try await store.lend(.document("RH-EMP-0042"), to: "Mme Roy", unit: "École des Érables", on: day, dueOn: due,
                                            reason: "Dossier demandé", by: "gestion.doc", at: now)
            #expect(loan.id == 1)
            #expect(loan.subject == .document("RH-EMP-0042"))
            #expect(loan.documents == ["RH-EMP-0042"])
            #expect(loan.holderUnits == ["Ressources humaines"])
            #expect(loan.title == "Dossier d'employé 0042")
            #expect(loan.isOpen)
            let lent = try #require(try await store.events(of: "RH-EMP-0042").last?.event)
            #expect(lent.kind == .lent)
            #expect(lent.detail == "1")
            #expect(lent.reason == "Mme Roy / École des Érables")
            #expect(try await store.openLoan(ofDocument: "RH-EMP-0042")?.id == 1)
            #expect(try await store.loans(includingReturned: false).map(\.id) == [1])

            let again = await refusal {
                _ = try await store.lend(.document("RH-EMP-0042"), to: "M. Côté", unit: nil, on: day, dueOn: due, reason: nil, by: "gestion.doc", at: now)
            }
            #expect(again?.code == .alreadyOut)
            #expect(again?.values["loan"] == "1")
            #expect(again?.values["borrower"] == "Mme Roy")

            let returned = try await store.returnLoan(.document("RH-EMP-0042"), on: CivilDate(iso: "2026-12-10")!, note: "Complet",
                                                      by: "gestion.doc", at: later)
            #expect(returned.returnedOn == CivilDate(iso: "2026-12-10"))
            #expect(returned.returnNote == "Complet")
            #expect(try await kinds(store, "RH-EMP-0042").suffix(2) == [.lent, .returned])
            #expect(try await store.loans(includingReturned: false).isEmpty)
            #expect(try await store.loans(includingReturned: true).map(\.id) == [1])
            #expect(try await store.loan(1)?.returnedOn == CivilDate(iso: "2026-12-10"))
            #expect(try await store.loan(9) == nil)
            #expect(try await store.openLoan(ofDocument: "RH-EMP-0042") == nil)
            let actions = try await store.auditEntries(since: nil, user: "gestion.doc", target: "loan 1").map(\.action)
            #expect(actions == ["loan.out", "loan.return"])

            let twice = await refusal { _ = try await store.returnLoan(.loan(1), on: day, note: nil, by: "gestion.doc", at: now) }
            #expect(twice?.code == .alreadyReturned)
            let notOut = await refusal { _ = try await store.returnLoan(.document("RH-EMP-0042"), on: day, note: nil, by: "gestion.doc", at: now) }
            #expect(notOut?.code == .notOut)
            let noLoan = await refusal { _ = try await store.returnLoan(.loan(9), on: day, note: nil, by: "gestion.doc", at: now) }
            #expect(noLoan?.code == .loanNotFound)
        }
    }

    @Test("a digital document is not lent, and a refused loan writes nothing", arguments: Backend.allCases)
    func digitalRefused(backend: Backend) async throws {
        try await withExampleRegister(backend) { store, _ in
            let before = try await store.events(of: "SG-CORR-2021").count
            let sequence = try await store.auditEntries(since: nil, user: nil, target: nil).count
            let digital = await refusal {
                _ = try await store.lend(.document("SG-CORR-2021"), to: "Mme Roy", unit: nil, on: day, dueOn: due, reason: nil, by: "gestion.doc", at: now)
            }
            #expect(digital?.code == .loanOfDigital)
            // RH-EMP-0107 is a digital medium (DM) without a file named: not lent either.
            let medium = await refusal {
                _ = try await store.lend(.document("RH-EMP-0107"), to: "Mme Roy", unit: nil, on: day, dueOn: due, reason: nil, by: "gestion.doc", at: now)
            }
            #expect(medium?.code == .loanOfDigital)
            let missing = await refusal {
                _ = try await store.lend(.box("B-NONE"), to: "Mme Roy", unit: nil, on: day, dueOn: due, reason: nil, by: "gestion.doc", at: now)
            }
            #expect(missing?.code == .boxNotFound)
            #expect(try await store.events(of: "SG-CORR-2021").count == before)
            #expect(try await store.loans(includingReturned: true).isEmpty)
            #expect(try await store.auditEntries(since: nil, user: nil, target: nil).count == sequence)
        }
    }

    @Test("a box is lent with its documents, none of which goes out again; it moves only by its return; its history keeps it all in order",
          arguments: Backend.allCases)
    func boxLoanAndHistory(backend: Backend) async throws {
        try await withExampleRegister(backend) { store, _ in
            let loan = try await store.lend(.box("B-2014-RF-01"), to: "M. Côté", unit: "Ressources financières", on: day, dueOn: due,
                                            reason: "Vérification", by: "gestion.doc", at: now)
            #expect(loan.subject == .box("B-2014-RF-01"))
            #expect(loan.documents == ["RF-BUD-2014"])
            #expect(try await kinds(store, "RF-BUD-2014").last == .lent)
            #expect(try await store.openLoan(ofDocument: "RF-BUD-2014")?.id == loan.id)

            let inside = await refusal {
                _ = try await store.lend(.document("RF-BUD-2014"), to: "Mme Roy", unit: nil, on: day, dueOn: due, reason: nil, by: "gestion.doc", at: now)
            }
            #expect(inside?.code == .alreadyOut)
            #expect(inside?.values["loan"] == String(loan.id))
            let box = await refusal {
                _ = try await store.lend(.box("B-2014-RF-01"), to: "Mme Roy", unit: nil, on: day, dueOn: due, reason: nil, by: "gestion.doc", at: now)
            }
            #expect(box?.code == .alreadyOut)
            let moved = await refusal {
                _ = try await store.moveBox("B-2014-RF-01", to: PhysicalLocation(slashed: "Entrepôt / Local 3 / Rayon 1"), on: day,
                                            reason: "Réaménagement", by: "gestion.doc", at: now)
            }
            #expect(moved?.code == .boxLent)
            #expect(moved?.values["loan"] == String(loan.id))

            let back = try await store.returnLoan(.box("B-2014-RF-01"), on: CivilDate(iso: "2026-12-01")!, note: nil, by: "gestion.doc", at: later)
            #expect(!back.isOpen)
            #expect(try await kinds(store, "RF-BUD-2014").suffix(2) == [.lent, .returned])
            #expect(try await store.openLoan(ofDocument: "RF-BUD-2014") == nil)

            let newPlace = PhysicalLocation(slashed: "Entrepôt / Local 3 / Rayon 1")
            // Dated before the return (the box's last move), or after the day it is recorded: refused.
            let early = await refusal {
                _ = try await store.moveBox("B-2014-RF-01", to: newPlace, on: CivilDate(iso: "2026-11-30")!, reason: "Réaménagement",
                                            by: "gestion.doc", at: later)
            }
            #expect(early?.code == .boxMoveBeforeLast && early?.values["last"] == "2026-12-01")
            let ahead = await refusal {
                _ = try await store.moveBox("B-2014-RF-01", to: newPlace, on: CivilDate(iso: "2027-01-05")!, reason: "Réaménagement",
                                            by: "gestion.doc", at: later)
            }
            #expect(ahead?.code == .boxMoveInFuture && ahead?.values["today"] == "2026-12-31")
            let move = try await store.moveBox("B-2014-RF-01", to: newPlace, on: CivilDate(iso: "2026-12-02")!, reason: "Réaménagement",
                                               by: "gestion.doc", at: later)
            #expect(move.position == 2)
            #expect(try await store.box("B-2014-RF-01")?.location == newPlace)
            let same = await refusal {
                _ = try await store.moveBox("B-2014-RF-01", to: newPlace, on: day, reason: "Encore", by: "gestion.doc", at: now)
            }
            #expect(same?.code == .boxAlreadyThere)

            let history = try await store.boxMoves("B-2014-RF-01")
            let old = PhysicalLocation(slashed: "Entrepôt / Local 2 / Rayon 9")
            #expect(history.map(\.kind) == [.lent, .returned, .moved])
            #expect(history.map(\.position) == [0, 1, 2])
            #expect(history.map(\.movedOn.description) == ["2026-11-29", "2026-12-01", "2026-12-02"])
            #expect(history[0].from == old && history[0].to == nil && history[0].loan == loan.id)
            #expect(history[0].reason == "prêtée à M. Côté / Ressources financières")
            #expect(history[1].from == nil && history[1].to == old && history[1].loan == loan.id)
            #expect(history[2].from == old && history[2].to == newPlace && history[2].loan == nil && history[2].reason == "Réaménagement")
            #expect(try await store.auditEntries(since: nil, user: nil, target: "box B-2014-RF-01").map(\.action).suffix(1) == ["box.move"])
            let unknown = await refusal { _ = try await store.boxMoves("B-NONE") }
            #expect(unknown?.code == .boxNotFound)
        }
    }

    @Test("a document on loan is left out of a proposal; an approved list's is not lent; one put into a lent box stops the execution and its completion",
          arguments: Backend.allCases)
    func loansHoldBackDisposition(backend: Backend) async throws {
        try await withExampleRegister(backend) { store, _ in
            let loan = try await store.lend(.document("ELV-2010-0001"), to: "Mme Roy", unit: "École des Érables", on: day, dueOn: due,
                                            reason: nil, by: "gestion.doc", at: now)
            let proposal = try await store.proposeDisposition(asOf: day, action: .destroy, by: "archiviste", at: now)
            #expect(proposal.items.map(\.reference) == ["ELV-2010-0001-NUM", "RF-PAIE-2018", "SG-CORR-2021"])
            #expect(proposal.leftOut.map(\.reference) == ["ELV-2010-0001"])
            #expect(proposal.leftOut.first?.reason == .onLoan(loan.id))
            _ = try await store.cancelDisposition(proposal.list.number, reason: "Refaire", by: "archiviste", at: now)
            _ = try await store.returnLoan(.loan(loan.id), on: day, note: nil, by: "gestion.doc", at: now)

            let list = try await store.proposeDisposition(asOf: day, action: .destroy, by: "archiviste", at: now).list.number
            try await store.approveDisposition(list, by: "directrice", at: now)
            // An approved list's document stays for its disposition: it is not lent, alone or
            // in its box.
            let promised = await refusal {
                _ = try await store.lend(.document("ELV-2010-0001"), to: "M. Côté", unit: nil, on: day, dueOn: due, reason: nil, by: "gestion.doc", at: now)
            }
            #expect(promised == Refusal(.loanOfApprovedItem, ["reference": "ELV-2010-0001", "list": String(list)]))
            try await putIntoBox(store, "ELV-2010-0001", "B-2014-RF-01")
            let boxed = await refusal {
                _ = try await store.lend(.box("B-2014-RF-01"), to: "M. Côté", unit: nil, on: day, dueOn: due, reason: nil, by: "gestion.doc", at: now)
            }
            #expect(boxed == Refusal(.loanOfApprovedItem, ["reference": "ELV-2010-0001", "list": String(list)]))

            // Put into a box already lent, it went out with the box: the execution stops, naming
            // the box's loan.
            let second = try await store.lend(.box("B-2023-RF-01"), to: "M. Côté", unit: nil, on: day, dueOn: due, reason: nil,
                                              by: "gestion.doc", at: now)
            try await putIntoBox(store, "ELV-2010-0001", "B-2023-RF-01")
            #expect(try await store.openLoan(ofDocument: "ELV-2010-0001")?.id == second.id)
            #expect(try await store.loans(includingReturned: false).first { $0.id == second.id }?.documents == ["ELV-2010-0001", "RF-EF-2023"])
            let refused = await refusal {
                _ = try await DispositionExecutor(store: store).execute(list, method: "déchiquetage", vendorCertificate: nil, by: "technicien", at: now)
            }
            #expect(refused?.code == .cannotExecute)
            let problems = Refusal.nested(in: refused?.values["problems"] ?? "") ?? []
            #expect(problems.map(\.code) == [.itemOnLoan])
            #expect(problems.first?.values["reference"] == "ELV-2010-0001")
            #expect(problems.first?.values["loan"] == String(second.id))
            #expect(problems.first?.values["borrower"] == "M. Côté")
            #expect(try await store.dispositionList(list)?.state == .approved)
            #expect(try await store.document("ELV-2010-0001")?.phase.isInactive == false)
            _ = try await store.returnLoan(.box("B-2023-RF-01"), on: day, note: nil, by: "gestion.doc", at: now)
            #expect(try await store.openLoan(ofDocument: "ELV-2010-0001") == nil)

            // An item started, then its document gone out (into a lent box) before it was
            // completed: the completion is refused, and so is a run again of the execution.
            try await store.beginExecution(list, method: "déchiquetage", vendorCertificate: nil, pendingReview: [], by: "technicien", at: now)
            let position = try #require(try await store.dispositionItems(of: list).first { $0.reference == "ELV-2010-0001" }?.position)
            _ = try await store.startDispositionItem(list: list, position: position, pendingReview: [], by: "technicien", at: now)
            let third = try await store.lend(.box("B-2014-RF-01"), to: "Mme Roy", unit: nil, on: day, dueOn: due, reason: nil,
                                             by: "gestion.doc", at: now)
            try await putIntoBox(store, "ELV-2010-0001", "B-2014-RF-01")
            let completing = await refusal {
                _ = try await store.completeDispositionItem(list: list, position: position, by: "technicien", at: now)
            }
            #expect(completing?.code == .itemOnLoan)
            #expect(completing?.values["loan"] == String(third.id) && completing?.values["reference"] == "ELV-2010-0001")
            let rerun = await refusal {
                _ = try await DispositionExecutor(store: store).execute(list, method: "déchiquetage", vendorCertificate: nil, by: "technicien", at: now)
            }
            #expect(rerun?.code == .itemOnLoan)
            #expect(try await store.document("ELV-2010-0001")?.phase.isInactive == false)
            #expect(try await store.dispositionItems(of: list).first { $0.reference == "ELV-2010-0001" }?.state == .started)

            _ = try await store.returnLoan(.box("B-2014-RF-01"), on: day, note: nil, by: "gestion.doc", at: now)
            let outcome = try await DispositionExecutor(store: store).execute(list, method: "déchiquetage", vendorCertificate: nil,
                                                                              by: "technicien", at: now)
            #expect(outcome.done.map(\.reference).contains("ELV-2010-0001"))
            let gone = await refusal {
                _ = try await store.lend(.document("ELV-2010-0001"), to: "M. Côté", unit: nil, on: day, dueOn: due, reason: nil, by: "gestion.doc", at: now)
            }
            #expect(gone?.code == .loanOfDisposed)
        }
    }
}
