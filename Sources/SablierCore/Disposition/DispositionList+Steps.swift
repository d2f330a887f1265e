import Foundation

/// A step a person takes on a disposition list, as the list's state allows it.
///
/// Why a value: the command line, the API and the pages ask the same question — what may be
/// done with this list now — and must get the one answer the rules that refuse give.
public enum DispositionStep: String, Sendable, Hashable, Codable, CaseIterable {
    /// Keep-or-destroy decisions on its sorts (T), while it is proposed.
    case decide
    /// The second person's approval of a proposed list.
    case approve
    /// The execution of an approved list.
    case execute
    /// The execution carried on to its end, once it began and did not finish (the same use
    /// case as `execute`, which resumes where it stopped).
    case resume
    /// The withdrawal of a list whose execution has not begun.
    case cancel
}

/// A document people sign for a list's execution, and what goes on it.
///
/// Why a value: what a signed document attests is a rule of the domain, not of the screen or
/// the text that prints it.
public enum DispositionPaper: String, Sendable, Hashable, Codable, CaseIterable {
    /// The destruction certificate (certificat de destruction): the documents destroyed, a
    /// sort decided `destroy` included.
    case destructionCertificate = "destruction-certificate"
    /// The transfer slip (bordereau de versement et de transfert): the documents deposited,
    /// kept after a sort, or transferred to semi-active storage.
    case transferSlip = "transfer-slip"

    /// Whether a document whose execution has `outcome` is an entry of this paper.
    public func holds(_ outcome: DispositionOutcome) -> Bool {
        switch self {
        case .destructionCertificate: return outcome == .destroyed
        case .transferSlip: return outcome == .deposited || outcome == .kept || outcome == .transferred
        }
    }

    /// Whether `item` is an entry of this paper: its outcome is one the paper holds (a sort
    /// not decided has none, and is on neither).
    public func holds(_ item: DispositionItem) -> Bool {
        item.outcome.map(holds) ?? false
    }
}

extension DispositionState {
    /// True once the execution began (finished or not): from then on the list has its
    /// signed documents, and it can no longer be withdrawn.
    public var executionBegan: Bool {
        self == .executing || self == .executed
    }
}

extension DispositionList {
    /// Why the list's state refuses `step` now, or nil when it allows it. `execute` and
    /// `resume` share one answer (the execution use case begins or resumes alike);
    /// `allowedSteps` names the one that fits the list.
    ///
    /// The one place that says which states allow which step: `checkDecision`,
    /// `checkApproval`, `checkExecution` and `checkCancellation` start here, and
    /// `allowedSteps` is what it lets through, so a step offered is a step those checks let
    /// through as far as the list's state goes (the person, the day and the documents are
    /// each check's own matter).
    public func stateRefusal(for step: DispositionStep) -> Refusal? {
        switch step {
        case .decide:
            if state == .cancelled { return cancelledRefusal }
            guard state == .proposed else { return Refusal(.decisionAfterProposal, ["list": String(number), "state": state.rawValue]) }
            return nil
        case .approve:
            if state == .cancelled { return cancelledRefusal }
            guard state == .proposed else {
                return Refusal(.alreadyInState, ["list": String(number), "state": state.rawValue, "by": approvedBy ?? executedBy ?? ""])
            }
            return nil
        case .execute, .resume:
            switch state {
            case .proposed: return Refusal(.notApproved, ["list": String(number), "proposer": proposedBy])
            case .executed: return Refusal(.alreadyExecuted, ["list": String(number), "on": executedAt.map(Self.localDay) ?? ""])
            case .cancelled: return cancelledRefusal
            case .approved, .executing: return nil
            }
        case .cancel:
            switch state {
            case .proposed, .approved: return nil
            case .cancelled: return Refusal(.alreadyInState, ["list": String(number), "state": state.rawValue, "by": cancellation?.by ?? ""])
            case .executing, .executed: return Refusal(.cannotCancel, ["list": String(number), "state": state.rawValue])
            }
        }
    }

    /// The steps the list's state allows now, in the order of a list's life. An execution
    /// that began is offered as `resume` rather than `execute`: both run the same use case.
    public var allowedSteps: [DispositionStep] {
        DispositionStep.allCases.filter { step in
            guard stateRefusal(for: step) == nil else { return false }
            switch step {
            case .execute: return !state.executionBegan
            case .resume: return state.executionBegan
            case .decide, .approve, .cancel: return true
            }
        }
    }

    /// Why the list has no `paper` now, or nil when it has: it exists once execution began
    /// (before, nothing is attested yet: `disposition.not-executed`), and only when one of the
    /// list's `items` (all of them, whoever reads) goes on it (`disposition.no-certificate`,
    /// `disposition.no-slip`: a list of deposits destroys nothing, and has no certificate).
    public func paperRefusal(_ paper: DispositionPaper, items: [DispositionItem]) -> Refusal? {
        if let refusal = state.certificateRefusal(list: number) { return refusal }
        guard items.contains(where: paper.holds) else {
            switch paper {
            case .destructionCertificate: return Refusal(.noCertificate, ["list": String(number)])
            case .transferSlip: return Refusal(.noSlip, ["list": String(number)])
            }
        }
        return nil
    }

    /// Refuses `paper` for this list unless it exists (see `paperRefusal`).
    public func checkPaper(_ paper: DispositionPaper, items: [DispositionItem]) throws(Refusal) {
        if let refusal = paperRefusal(paper, items: items) { throw refusal }
    }

    /// The signed documents the list has now, of `items` (all of the list's): those
    /// `checkPaper` lets through.
    public func papers(items: [DispositionItem]) -> [DispositionPaper] {
        DispositionPaper.allCases.filter { paperRefusal($0, items: items) == nil }
    }
}
