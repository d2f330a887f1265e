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
        self.confirmations = confirmations
        for (number, rule) in rules { confirmNamedEvents(of: rule, as: number) }
    }

    /// Adds rules of the same calendar version, for a caller that reads rules as documents
    /// name them; rules already present are kept.
    public mutating func add(rules: some Sequence<Rule>) {
        for rule in rules where self.rules[rule.number] == nil {
            self.rules[rule.number] = rule
            confirmNamedEvents(of: rule, as: rule.number)
        }
    }

    /// Events the calendar names count as confirmed, with the years their remark adds: read
    /// once here rather than from the remark for every document.
    private mutating func confirmNamedEvents(of rule: Rule, as number: String) {
        Self.confirmNamedEvents(of: rule, as: number, in: &confirmations)
    }

    /// The same, on confirmations alone: `AwaitedEvents` merges them so, without a year end.
    static func confirmNamedEvents(of rule: Rule, as number: String,
                                   in confirmations: inout [String: [CopyKind: [CopyField: OpenPeriodEvent]]]) {
        for copy in rule.copies {
            for field in [CopyField.active, .semiActive] where confirmations[number]?[copy.kind]?[field] == nil {
                guard let named = field == .active ? copy.activeEvent : copy.semiActiveEvent else { continue }
                let remark = (field == .active ? copy.activeRemark : copy.semiActiveRemark).flatMap { rule.remark($0)?.text }
                let offset = remark.map { OpenPeriodProposal.propose(fromRemark: $0).offsetYears } ?? 0
                confirmations[number, default: [:]][copy.kind, default: [:]][field] = OpenPeriodEvent(event: named, offsetYears: offset)
            }
        }
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

/// Counts many documents under one context, as a bulk registration does, counting each
/// distinct case once.
///
/// The engine reads a document's dates only through the year ends they lead to (the count
/// starts at the year end on or after the trigger date; an 888 or 999 period ends at the year
/// end on or after its event), so documents of the same rule and copy, in the same phase, whose
/// trigger, recorded events and replacement fall before the same year ends, have the same
/// status: a register of a million documents has a few thousand such cases.
public struct RetentionCounter: Sendable {
    public private(set) var context: RetentionContext
    private var known: [Key: RetentionStatus] = [:]
    /// What starts the count, by rule, with the rule's place in `known`'s keys: one lookup by
    /// number per document, the cases then keyed by that integer rather than hashing the
    /// number again.
    private var counted: [String: CountedRule] = [:]

    private struct CountedRule: Sendable {
        var index: Int
        var countStart: CountStart
    }

    private struct Key: Hashable {
        /// The rule's `CountedRule.index`.
        var rule: Int
        var copy: CopyKind
        var phase: Phase
        /// The year end on or after the trigger date; nil when that date is not known.
        var start: CivilDate?
        /// The events recorded, by name as written, each with the year end on or after it.
        var occurred: [Occurrence] = []
        /// The year end on or after the replacement.
        var replaced: CivilDate?
    }

    private struct Occurrence: Hashable {
        var name: String
        var yearEnd: CivilDate
    }

    public init(_ context: RetentionContext) {
        self.context = context
        for (number, rule) in context.rules { counted[number] = CountedRule(index: counted.count, countStart: rule.countStart) }
    }

    /// Adds rules to the context (see `RetentionContext.add(rules:)`).
    public mutating func add(rules: some Sequence<Rule>) {
        for rule in rules where counted[rule.number] == nil {
            counted[rule.number] = CountedRule(index: counted.count, countStart: rule.countStart)
        }
        context.add(rules: rules)
    }

    /// Whether the context holds the rule numbered `number`.
    public func hasRule(_ number: String) -> Bool {
        counted[number] != nil
    }

    /// The status of a document without events, from what decides it: its rule, its copy and
    /// its dates (a bulk registration reads them in place rather than copying each document).
    public mutating func status(rule: String, copy: CopyKind, openedOn: CivilDate?, closedOn: CivilDate?) -> RetentionStatus {
        var key: Key?
        if let counted = counted[rule] {
            let trigger: CivilDate?
            switch counted.countStart {
            case .closingDate: trigger = closedOn
            case .openingDate: trigger = openedOn
            case .event: trigger = nil
            }
            key = Key(rule: counted.index, copy: copy, phase: .actif, start: trigger.map { context.yearEnd.yearEnd(onOrAfter: $0) })
            if let status = known[key!] { return status }
        }
        let document = Document(reference: "", title: "", rule: rule, copy: copy, holder: "", support: Support(code: ""),
                                openedOn: openedOn, closedOn: closedOn)
        let status = context.status(of: document, events: [], held: false)
        if let key { known[key] = status }
        return status
    }

    /// `RetentionContext.status(of:events:held:)`, the same for every document (`held` changes
    /// only the explanation, which a status does not keep).
    public mutating func status(of document: Document, events: [LifecycleEvent], held: Bool) -> RetentionStatus {
        guard let counted = counted[document.rule] else {
            return context.status(of: document, events: events, held: held)
        }
        let yearEnd = context.yearEnd
        var key: Key
        if events.isEmpty {
            // The facts are the document's own dates.
            let trigger: CivilDate?
            switch counted.countStart {
            case .closingDate: trigger = document.closedOn
            case .openingDate: trigger = document.openedOn
            case .event: trigger = nil
            }
            key = Key(rule: counted.index, copy: document.copy, phase: .actif, start: trigger.map { yearEnd.yearEnd(onOrAfter: $0) })
        } else {
            let facts = RetentionFacts(document: document, events: events)
            let trigger: CivilDate?
            switch counted.countStart {
            case .closingDate: trigger = facts.closedOn
            case .openingDate: trigger = facts.openedOn
            case .event(let name): trigger = facts.date(of: name)
            }
            key = Key(rule: counted.index, copy: document.copy, phase: Phase(events: events),
                      start: trigger.map { yearEnd.yearEnd(onOrAfter: $0) },
                      replaced: facts.replacedOn.map { yearEnd.yearEnd(onOrAfter: $0) })
            key.occurred = facts.events.map { Occurrence(name: $0.key, yearEnd: yearEnd.yearEnd(onOrAfter: $0.value)) }
                .sorted { $0.name < $1.name }
        }
        if let status = known[key] { return status }
        let status = context.status(of: document, events: events, held: held)
        known[key] = status
        return status
    }
}
