import Foundation

/// The rules of a disposition list's life, as pure functions: each says whether a step may be
/// taken now, and refuses with the `Refusal` people read when not.
///
/// Why here: the store loads the list, calls the rule inside its transaction and saves; the
/// command line, the server and every backend then answer the same for the same list.
extension DispositionList {
    /// Whether two names are the same person's: compared without case or surrounding spaces,
    /// so that "Marie" cannot approve what "marie " proposed.
    public static func samePerson(_ a: String, _ b: String) -> Bool {
        a.trimmingSpaces().lowercased() == b.trimmingSpaces().lowercased()
    }

    /// A text given by a person, nil when absent or blank.
    public static func given(_ text: String?) -> String? {
        guard let text = text?.trimmingSpaces(), !text.isEmpty else { return nil }
        return text
    }

    /// The local day of an instant, `YYYY-MM-DD`.
    static func localDay(_ instant: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .current
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: instant)
    }

    /// The refusal of any step on a cancelled list: who withdrew it, and why.
    var cancelledRefusal: Refusal {
        Refusal(.listCancelled, ["list": String(number), "by": cancellation?.by ?? "", "reason": cancellation?.reason ?? ""])
    }

    /// A sort decision on `item`: only a sort (T), only while the list is proposed (so that its
    /// approver approves the decision too), and with a reason kept with the certificate.
    public func checkDecision(on item: DispositionItem, reason: String) throws(Refusal) {
        if let refusal = stateRefusal(for: .decide) { throw refusal }
        guard item.action == .sort else {
            throw Refusal(.notASort, ["list": String(number), "reference": item.reference, "action": item.action.rawValue])
        }
        guard Self.given(reason) != nil else { throw Refusal(.emptyText, ["field": "reason"]) }
    }

    /// A withdrawal: before execution began, once, with a reason. Returns the reason as kept.
    public func checkCancellation(reason: String) throws(Refusal) -> String {
        if let refusal = stateRefusal(for: .cancel) { throw refusal }
        guard let kept = Self.given(reason) else { throw Refusal(.emptyText, ["field": "reason"]) }
        return kept
    }

    /// An approval by `actor` on `today`: of a proposed list, by a person other than its
    /// proposer, on or after the day the list was drawn for (it cannot run earlier, and an
    /// approval given before then would approve a list nobody can check yet), with every sort
    /// decided. `items` are the list's.
    public func checkApproval(by actor: String, on today: CivilDate, items: [DispositionItem]) throws(Refusal) {
        if let refusal = stateRefusal(for: .approve) { throw refusal }
        guard !Self.samePerson(actor, proposedBy) else {
            throw Refusal(.selfApproval, ["list": String(number), "proposer": proposedBy])
        }
        guard asOf <= today else {
            throw Refusal(.approvedTooEarly, ["list": String(number), "asOf": asOf.description, "today": today.description])
        }
        let undecided = items.filter { $0.action == .sort && $0.decision == nil }.map(\.reference)
        guard undecided.isEmpty else {
            throw Refusal(.undecidedSort, ["list": String(number), "references": undecided.joined(separator: ", ")])
        }
    }

    /// Whether `access` may approve a list of `items`: a détenteur (unit scope) approves the
    /// lists of their own unit's documents only. The refusal names no other unit's reference.
    public func checkApprover(_ access: Access, items: [DispositionItem]) throws(Refusal) {
        guard access.scope != .all else { return }
        guard items.allSatisfy({ access.reaches(holder: $0.holder) }) else {
            throw Refusal(.listOutsideUnit, ["list": String(number)])
        }
    }

    /// An execution begun or resumed with `method` and `vendorCertificate`: of an approved list
    /// (or one already executing), approved by someone other than its proposer; a resumed
    /// execution keeps the method and certificate it began with. Returns the method and
    /// certificate that apply.
    public func checkExecution(method: String?, vendorCertificate: String?) throws(Refusal) -> (method: String?, vendorCertificate: String?) {
        if let refusal = stateRefusal(for: .execute) { throw refusal }
        if let approver = approvedBy, Self.samePerson(approver, proposedBy) {
            throw Refusal(.approvedByProposer, ["list": String(number), "proposer": proposedBy])
        }
        let method = Self.given(method), vendorCertificate = Self.given(vendorCertificate)
        if let stored = self.method, let method, method != stored {
            throw Refusal(.methodDiffers, ["list": String(number), "method": stored])
        }
        if let stored = self.vendorCertificate, let vendorCertificate, vendorCertificate != stored {
            throw Refusal(.vendorCertificateDiffers, ["list": String(number), "certificate": stored])
        }
        return (method ?? self.method, vendorCertificate ?? self.vendorCertificate)
    }

    /// Documents without a file Sablier can delete (paper, film) are destroyed by a method a
    /// person names: refused without one when `items` not yet done destroy such a document.
    public func checkMethod(_ method: String?, items: [DispositionItem]) throws(Refusal) {
        let withoutFile = items.filter { $0.state != .done && $0.destroys && !$0.isDigital }.map(\.reference)
        if method == nil && !withoutFile.isEmpty {
            throw Refusal(.noFileToDelete, ["list": String(number), "references": withoutFile.joined(separator: ", ")])
        }
    }
}

/// Why one item of a list cannot be carried out now.
public struct DispositionProblem: Sendable, Hashable, Codable {
    public enum Kind: Sendable, Hashable, Codable {
        /// The document is no longer registered.
        case notRegistered
        /// It was already destroyed or deposited (its phase).
        case alreadyDisposed(Phase)
        /// A hold (gel) covers it.
        case held
        /// Its rule keeps this copy permanently (C), and the item would destroy it.
        case keptPermanently
        /// A sort (T) without a keep-or-destroy decision.
        case undecidedSort
        /// Its action falls due on a later day.
        case notYetDue(CivilDate)
        /// Under the calendar in force (its version) it is no longer due on the day.
        case notDue(calendarVersion: Int)
        /// Under the calendar in force it is now due for another action.
        case dueOtherwise(DueAction, calendarVersion: Int)
        /// Flagged for personal information and not yet reviewed by the AIPRP officer.
        case pendingReview
        /// Out on loan (its number, its borrower): the file is not where the list would act.
        case onLoan(Int, borrower: String)
    }

    public var reference: String
    public var kind: Kind

    public init(reference: String, kind: Kind) {
        self.reference = reference
        self.kind = kind
    }

    /// The problem as a refusal of its own, to refuse one item, or to be named among the
    /// problems of a whole list.
    public func refusal(_ item: DispositionItem, today: CivilDate) -> Refusal {
        var values = ["list": String(item.list), "reference": reference, "action": item.action.rawValue]
        switch kind {
        case .notRegistered:
            return Refusal(.itemNotRegistered, values)
        case .alreadyDisposed(let phase):
            values["phase"] = phase.rawValue
            return Refusal(.itemDisposed, values)
        case .held:
            return Refusal(.itemHeld, values)
        case .keptPermanently:
            values["rule"] = item.rule; values["copy"] = item.copy.rawValue
            return Refusal(.itemKeptPermanently, values)
        case .undecidedSort:
            return Refusal(.itemUndecided, values)
        case .notYetDue(let due):
            values["due"] = due.description
            return Refusal(.itemNotYetDue, values)
        case .notDue(let version):
            values["date"] = today.description; values["version"] = String(version)
            return Refusal(.itemNotDue, values)
        case .dueOtherwise(let action, let version):
            values["due"] = action.rawValue; values["version"] = String(version)
            return Refusal(.itemDueOtherwise, values)
        case .pendingReview:
            return Refusal(.pendingReview, ["list": String(item.list), "references": reference])
        case .onLoan(let loan, let borrower):
            values["loan"] = String(loan); values["borrower"] = borrower
            return Refusal(.itemOnLoan, values)
        }
    }
}

extension DispositionItem {
    /// Whether a pending privacy review holds back `action`: a destruction, and a sort, which
    /// may destroy. A transfer or a deposit destroys nothing, and the review can follow it.
    public static func waitsForReview(_ action: DueAction) -> Bool {
        action == .destroy || action == .sort
    }

    /// The first reason this item cannot be carried out on `today`, or nil when it can.
    ///
    /// `document` is the document as the register holds it now (nil when it is gone); `rule`
    /// its rule in the calendar in force (nil when the rule left the calendar); `pendingReview`
    /// true while it is flagged for personal information and not reviewed (it holds back a
    /// destruction or a sort, see `waitsForReview`); `onLoan` the open loan that has it out. In
    /// order: gone; already disposed of; held; on loan; not reviewed; a destruction of a copy the calendar keeps
    /// permanently (C); a sort without a decision; not yet due, or no longer due for the
    /// item's action under the calendar in force.
    public func problem(document: RegisteredDocument?, rule: Rule?, today: CivilDate, pendingReview: Bool,
                        onLoan: Loan? = nil) -> DispositionProblem? {
        func problem(_ kind: DispositionProblem.Kind) -> DispositionProblem { DispositionProblem(reference: reference, kind: kind) }
        guard let document else { return problem(.notRegistered) }
        if document.phase.isInactive { return problem(.alreadyDisposed(document.phase)) }
        if document.held { return problem(.held) }
        if let onLoan { return problem(.onLoan(onLoan.id, borrower: onLoan.borrower)) }
        if pendingReview && Self.waitsForReview(action) { return problem(.pendingReview) }
        if destroys, rule?.copy(copy)?.disposition == .conservation { return problem(.keptPermanently) }
        if action == .sort && decision == nil { return problem(.undecidedSort) }
        if dueOn > today { return problem(.notYetDue(dueOn)) }
        let version = document.retention.calendarVersion
        guard let due = document.retention.action(dueOn: today, phase: document.phase) else { return problem(.notDue(calendarVersion: version)) }
        if due.action != action { return problem(.dueOtherwise(due.action, calendarVersion: version)) }
        return nil
    }
}

extension DispositionState {
    /// Refuses starting one of a list's documents unless its execution has begun (its
    /// documents are carried out by `execute`, never one by one before).
    public func checkStartingItem(list number: Int) throws(Refusal) {
        guard self == .executing else { throw Refusal(.executionBegan, ["list": String(number), "state": rawValue]) }
    }

    /// Refuses a certificate for a list whose execution has not begun: it is written as the
    /// list is executed.
    public func checkCertificate(list number: Int) throws(Refusal) {
        if let refusal = certificateRefusal(list: number) { throw refusal }
    }

    /// Why list `number` in this state has no certificate yet, or nil once its execution began.
    public func certificateRefusal(list number: Int) -> Refusal? {
        executionBegan ? nil : Refusal(.notExecuted, ["list": String(number), "state": rawValue])
    }
}

extension DispositionProposal {
    /// Refuses a proposal that would list nothing, naming what was left out.
    public static func checkNotEmpty(items: Int, asOf date: CivilDate, action: DueAction?, leftOut: [LeftOutDocument]) throws(Refusal) {
        guard items == 0 else { return }
        throw Refusal(.nothingDue, ["asOf": date.description, "action": action?.rawValue ?? "all",
                                    "leftOut": leftOut.map(\.reference).joined(separator: ", ")])
    }
}
