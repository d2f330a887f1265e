/// What the register keeps of a document's retention, so a due list is a query on dates
/// rather than a computation per document: the schedule's dates and the next date something
/// falls due (`dueOn`), recomputed whenever the document, its events, its holds, its rule's
/// confirmations or the calendar in force change.
public struct RetentionStatus: Sendable, Hashable, Codable {
    /// The calendar version the dates were counted under.
    public var calendarVersion: Int
    public var transferOn: CivilDate?
    public var finalOn: CivilDate?
    public var finalAction: DueAction?
    /// What the count waits for, when it cannot give a date yet.
    public var waiting: RetentionWait?
    /// The first date on which an action not yet carried out falls due; nil when nothing
    /// remains to do (the document is inactive) or nothing can be dated yet.
    public var dueOn: CivilDate?

    public init(calendarVersion: Int, transferOn: CivilDate? = nil, finalOn: CivilDate? = nil,
                finalAction: DueAction? = nil, waiting: RetentionWait? = nil, dueOn: CivilDate? = nil) {
        self.calendarVersion = calendarVersion
        self.transferOn = transferOn
        self.finalOn = finalOn
        self.finalAction = finalAction
        self.waiting = waiting
        self.dueOn = dueOn
    }

    /// The status of a document whose schedule is `schedule` and which is in `phase`.
    ///
    /// An inactive document (deposited or destroyed) has nothing left due. An active one is
    /// due for transfer at `transferOn`, unless it was already transferred; the final
    /// disposition is due at `finalOn`.
    public init(calendarVersion: Int, schedule: RetentionSchedule, phase: Phase) {
        self.init(calendarVersion: calendarVersion, transferOn: schedule.transferOn, finalOn: schedule.finalOn,
                  finalAction: schedule.finalAction, waiting: schedule.waiting)
        guard !phase.isInactive else { return }
        var pending: [CivilDate] = []
        if phase == .actif, let transferOn = schedule.transferOn { pending.append(transferOn) }
        if let finalOn = schedule.finalOn, schedule.finalAction != nil { pending.append(finalOn) }
        dueOn = pending.min()
    }

    /// The action due on `date` and the date it fell due: the final disposition once its
    /// date has come (even if the transfer was never made), else the transfer.
    public func action(dueOn date: CivilDate, phase: Phase) -> (action: DueAction, due: CivilDate)? {
        guard !phase.isInactive else { return nil }
        if let finalOn, let finalAction, finalOn <= date { return (finalAction, finalOn) }
        if phase == .actif, let transferOn, transferOn <= date { return (.transfer, transferOn) }
        return nil
    }

    /// The status of a document whose rule is not in the calendar in force.
    public static func ruleNotInCalendar(version: Int) -> RetentionStatus {
        RetentionStatus(calendarVersion: version, waiting: .ruleNotInCalendar)
    }
}
