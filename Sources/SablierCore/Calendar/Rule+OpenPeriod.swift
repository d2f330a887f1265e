public import Foundation

extension Rule {
    /// The confirmation of the event that ends one of this rule's open (888) periods, checked.
    ///
    /// The copy must exist and its period be 888; without `event`, the event proposed from the
    /// period's remark is confirmed (with its years), and a remark that proposes none is
    /// refused; `offsetYears`, when given, is 0 or more (without it, a named event counts from
    /// the year end that follows it). A confirmation the rule cannot have would leave its
    /// documents waiting for an event nobody records.
    public func confirmingOpenPeriod(copy kind: CopyKind, period field: CopyField, event: String?, offsetYears: Int?,
                                     calendarVersion: Int, at instant: Date, by user: String) throws(Refusal) -> OpenPeriodConfirmation {
        let periodName = field == .semiActive ? "semi-active" : "active"
        guard let copy = self.copy(kind) else {
            throw Refusal(.noSuchCopy, ["rule": number, "copy": "exemplaire \(kind.rawValue)"])
        }
        guard field == .active || field == .semiActive, (field == .active ? copy.active : copy.semiActive) == .open else {
            throw Refusal(.periodNotOpen, ["rule": number, "copy": kind.rawValue, "period": periodName])
        }
        if let offsetYears, offsetYears < 0 {
            throw Refusal(.negativeOffset, ["rule": number, "copy": kind.rawValue, "period": periodName, "offset": String(offsetYears)])
        }
        let remarkID = field == .active ? copy.activeRemark : copy.semiActiveRemark
        let remarkText = remarkID.flatMap { remark($0)?.text }
        let proposal = OpenPeriodProposal.propose(fromRemark: remarkText ?? "")
        let name = (event ?? proposal.event).trimmingSpaces()
        guard !name.isEmpty else { throw Refusal(.noProposedEvent, ["rule": number]) }
        let confirmed = OpenPeriodEvent(event: name, offsetYears: offsetYears ?? (event == nil ? proposal.offsetYears : 0))
        return OpenPeriodConfirmation(rule: number, copy: kind, period: field, event: confirmed, remark: remarkText,
                                      calendarVersion: calendarVersion, confirmedAt: instant, confirmedBy: user)
    }
}
