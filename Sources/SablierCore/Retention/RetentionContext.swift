/// What counting a document's retention needs from the calendar in force: its version, its
/// year end, its rules, and the events the records manager confirmed for open (888) periods.
///
/// Built once per change by whoever stores documents, then asked for each document concerned.
public struct RetentionContext: Sendable {
    /// The calendar version in force; 0 when no calendar has been imported.
    public var calendarVersion: Int
    public var yearEnd: MonthDay
    /// The rules of the version in force, by number (all of them, or those a change concerns).
    public var rules: [String: Rule]
    /// Confirmed open-period events, by rule number, then copy, with the events the calendar
    /// itself names where nobody confirmed another.
    public var confirmations: [String: [CopyKind: [CopyField: OpenPeriodEvent]]]

    public init(calendarVersion: Int, yearEnd: MonthDay, rules: [String: Rule],
                confirmations: [String: [CopyKind: [CopyField: OpenPeriodEvent]]] = [:]) {
        self.calendarVersion = calendarVersion
        self.yearEnd = yearEnd
        self.rules = rules
        // Events the calendar names count as confirmed, with the years their remark adds:
        // read once here rather than from the remark for every document.
        var merged = confirmations
        for (number, rule) in rules {
            for copy in [rule.principal] + (rule.secondaire.map { [$0] } ?? []) {
                for field in [CopyField.active, .semiActive] where merged[number]?[copy.kind]?[field] == nil {
                    guard let named = field == .active ? copy.activeEvent : copy.semiActiveEvent else { continue }
                    let remark = (field == .active ? copy.activeRemark : copy.semiActiveRemark).flatMap { rule.remark($0)?.text }
                    let offset = remark.map { OpenPeriodProposal.propose(fromRemark: $0).offsetYears } ?? 0
                    merged[number, default: [:]][copy.kind, default: [:]][field] = OpenPeriodEvent(event: named, offsetYears: offset)
                }
            }
        }
        self.confirmations = merged
    }

    /// The schedule of `document`, with or without its explanation.
    ///
    /// `held` says whether a hold covers the document (holds are kept apart from its events,
    /// since a hold on a rule covers documents registered after it).
    public func schedule(of document: Document, events: [LifecycleEvent], held: Bool, explaining: Bool) -> RetentionSchedule? {
        guard let rule = rules[document.rule] else { return nil }
        var facts = RetentionFacts(document: document, events: events)
        facts.held = held
        return RetentionEngine.schedule(
            rule: rule, facts: facts, yearEnd: yearEnd,
            openPeriodEvents: confirmations[document.rule]?[document.copy] ?? [:],
            explaining: explaining)
    }

    /// The status to store for `document`: its dates, what it waits for, and when it is next due.
    public func status(of document: Document, events: [LifecycleEvent], held: Bool) -> RetentionStatus {
        guard let schedule = schedule(of: document, events: events, held: held, explaining: false) else {
            return .ruleNotInCalendar(version: calendarVersion)
        }
        return RetentionStatus(calendarVersion: calendarVersion, schedule: schedule, phase: Phase(events: events))
    }
}
