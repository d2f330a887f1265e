import Foundation
import SablierCore
import Testing

/// Which steps a list's state allows, from the same gate the step's own check starts with, and
/// which signed documents a list has and what goes on each.
@Suite("Disposition steps and papers (Core)")
struct DispositionStepsTests {
    func list(_ state: DispositionState, action: DueAction? = nil) -> DispositionList {
        DispositionList(number: 7, action: action, asOf: CivilDate(iso: "2026-11-29")!, state: state,
                        proposedAt: Date(timeIntervalSince1970: 0), proposedBy: "Marie",
                        approvedBy: state == .proposed ? nil : "Paul", executedBy: state.executionBegan ? "Lise" : nil,
                        itemCount: 3, doneCount: 0,
                        cancellation: state == .cancelled ? DispositionCancellation(at: Date(timeIntervalSince1970: 0), by: "Paul",
                                                                                    reason: "Erreur") : nil)
    }

    func item(_ reference: String, _ action: DueAction, decision: SortDecision? = nil) -> DispositionItem {
        DispositionItem(list: 7, position: 0, reference: reference, title: reference, holder: "Secrétariat général", rule: "1101",
                        copy: .principal, support: "PA", action: action, dueOn: CivilDate(iso: "2026-06-30")!, decision: decision)
    }

    @Test("steps per state: decide, approve and cancel while proposed; execute and cancel once approved; resume while executing; none after")
    func stepsPerState() {
        #expect(list(.proposed).allowedSteps == [.decide, .approve, .cancel])
        #expect(list(.approved).allowedSteps == [.execute, .cancel])
        #expect(list(.executing).allowedSteps == [.resume])
        #expect(list(.executed).allowedSteps == [])
        #expect(list(.cancelled).allowedSteps == [])
    }

    @Test("a step the state does not allow is refused by its own check with the gate's refusal, and one it allows is not refused for its state")
    func checksStartAtTheGate() throws {
        for state in DispositionState.allCases {
            let list = list(state)
            if let cancel = list.stateRefusal(for: .cancel) {
                #expect(throws: cancel) { _ = try list.checkCancellation(reason: "Raison") }
            } else {
                #expect(throws: Never.self) { _ = try list.checkCancellation(reason: "Raison") }
            }

            if let execute = list.stateRefusal(for: .execute) {
                #expect(throws: execute) { _ = try list.checkExecution(method: nil, vendorCertificate: nil) }
            } else {
                #expect(throws: Never.self) { _ = try list.checkExecution(method: nil, vendorCertificate: nil) }
            }
            if let approve = list.stateRefusal(for: .approve) {
                #expect(throws: approve) { try list.checkApproval(by: "Paul", on: CivilDate(iso: "2026-12-01")!, items: []) }
            } else {
                #expect(throws: Never.self) { try list.checkApproval(by: "Paul", on: CivilDate(iso: "2026-12-01")!, items: []) }
            }
            if let decide = list.stateRefusal(for: .decide) {
                #expect(throws: decide) { try list.checkDecision(on: item("A", .sort), reason: "Raison") }
            } else {
                #expect(throws: Never.self) { try list.checkDecision(on: item("A", .sort), reason: "Raison") }
            }
        }
        #expect(list(.executing).stateRefusal(for: .cancel) == Refusal(.cannotCancel, ["list": "7", "state": "executing"]))
        #expect(list(.cancelled).stateRefusal(for: .approve)?.code == .listCancelled)
        #expect(list(.proposed).stateRefusal(for: .execute) == Refusal(.notApproved, ["list": "7", "proposer": "Marie"]))
    }

    @Test("the certificate holds the destroyed, a sort decided destroy included; the slip the deposited, kept and transferred")
    func whatGoesOnEachPaper() {
        #expect(DispositionPaper.destructionCertificate.holds(item("A", .destroy)))
        #expect(DispositionPaper.destructionCertificate.holds(item("B", .sort, decision: .destroy)))
        #expect(!DispositionPaper.destructionCertificate.holds(item("C", .sort, decision: .keep)))
        #expect(!DispositionPaper.destructionCertificate.holds(item("D", .deposit)))
        #expect(DispositionPaper.transferSlip.holds(item("C", .sort, decision: .keep)))
        #expect(DispositionPaper.transferSlip.holds(item("D", .deposit)))
        #expect(DispositionPaper.transferSlip.holds(item("E", .transfer)))
        #expect(!DispositionPaper.transferSlip.holds(item("A", .destroy)))
        #expect(!DispositionPaper.transferSlip.holds(item("F", .sort)) && !DispositionPaper.destructionCertificate.holds(item("F", .sort)),
                "a sort not decided is on neither")
        for outcome in DispositionOutcome.allCases {
            #expect(DispositionPaper.allCases.filter { $0.holds(outcome) }.count == 1, "each outcome is on exactly one paper")
        }
    }

    @Test("a list has a paper once its execution began and one of its documents goes on it; otherwise the refusal says which")
    func papersOfAList() {
        let mixed = [item("A", .destroy), item("C", .sort, decision: .keep)]
        #expect(list(.proposed).papers(items: mixed) == [])
        #expect(list(.approved).papers(items: mixed) == [])
        #expect(list(.executing).papers(items: mixed) == [.destructionCertificate, .transferSlip])
        #expect(list(.executed).papers(items: mixed) == [.destructionCertificate, .transferSlip])
        #expect(list(.executed).papers(items: [item("D", .deposit)]) == [.transferSlip])
        #expect(list(.executed).papers(items: [item("B", .sort, decision: .destroy)]) == [.destructionCertificate])

        #expect(throws: Refusal(.notExecuted, ["list": "7", "state": "approved"])) {
            try list(.approved).checkPaper(.destructionCertificate, items: mixed)
        }
        #expect(throws: Refusal(.noCertificate, ["list": "7"])) {
            try list(.executed).checkPaper(.destructionCertificate, items: [item("D", .deposit)])
        }
        #expect(throws: Refusal(.noSlip, ["list": "7"])) {
            try list(.executed).checkPaper(.transferSlip, items: [item("A", .destroy)])
        }
        #expect(Refusal.Code.noCertificate.kind == .conflict && Refusal.Code.noSlip.kind == .conflict)
    }
}
