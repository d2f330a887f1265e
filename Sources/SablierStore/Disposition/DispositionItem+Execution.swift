public import SablierCore

extension DispositionItem {
    /// The life-cycle event that carrying out the item records on its document: destroyed,
    /// deposited, transferred, or sorted with its decision. Refused (`disposition.item-undecided`)
    /// for a sort without a decision. Shared so that every backend writes the same event.
    public func executionEvent(on day: CivilDate, by actor: String) throws(Refusal) -> LifecycleEvent {
        let reason = "liste de disposition n° \(list)"
        switch action {
        case .destroy: return LifecycleEvent(kind: .destroyed, on: day, by: actor, reason: reason)
        case .deposit: return LifecycleEvent(kind: .deposited, on: day, by: actor, reason: reason)
        case .transfer: return LifecycleEvent(kind: .transferred, on: day, by: actor, reason: reason)
        case .sort:
            guard let decision else {
                throw Refusal(.itemUndecided, ["list": String(list), "reference": reference, "action": action.rawValue])
            }
            let why = decisionReason.map { reason + " — " + $0 } ?? reason
            return LifecycleEvent(kind: .sorted, on: day, by: actor, reason: why, detail: decision.rawValue)
        }
    }
}

extension DispositionProblem {
    /// The refusal of a whole list's execution on `today` for `problems` (each item not started
    /// and what stops it), or nil when there is none: `disposition.pending-review` when every
    /// problem is a review still pending, else `disposition.cannot-execute` naming each.
    public static func executionRefusal(list number: Int, _ problems: [(item: DispositionItem, problem: DispositionProblem)],
                                        today: CivilDate) -> Refusal? {
        guard !problems.isEmpty else { return nil }
        if problems.allSatisfy({ $0.problem.kind == .pendingReview }) {
            return Refusal(.pendingReview, ["list": String(number), "references": problems.map(\.problem.reference).joined(separator: ", ")])
        }
        return Refusal(.cannotExecute, ["list": String(number), "date": today.description,
                                        "problems": Refusal.nesting(problems.map { $0.problem.refusal($0.item, today: today) })])
    }
}
