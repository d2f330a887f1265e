/// The next steps of a document's life cycle that retention asks for (actions of a due list).
public enum DueAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Transfer to semi-active storage (fin de la période active).
    case transfer
    /// Destruction (disposition D).
    case destroy
    /// Transfer to the archives for permanent conservation (versement, disposition C).
    case deposit
    /// Sorting (tri, disposition T): keep or destroy, per document.
    case sort

    public init(_ disposition: Disposition) {
        switch disposition {
        case .conservation: self = .deposit
        case .destruction: self = .destroy
        case .tri: self = .sort
        }
    }
}

/// What a count waits for before it can give a date.
public enum RetentionWait: Sendable, Hashable, Codable {
    /// The dossier is not closed yet (the count starts at its closing date).
    case closing
    /// The dossier's opening date is not recorded (the count starts at it).
    case opening
    /// An event must be recorded on the document (an 888 period, or a count that starts at an event).
    case event(String)
    /// The records manager has not confirmed which event ends the rule's open period.
    case unconfirmedEvent(CopyField)
    /// A newer version must replace the document (999).
    case replacement
    /// The document is a secondary copy and its rule has no secondary copy.
    case noSuchCopy
    /// The document's rule is not in the calendar in force (retired, or never there).
    case ruleNotInCalendar
}

extension RetentionWait {
    /// A stable text code, stored with the document and printed in JSON:
    /// `closing`, `opening`, `event:NAME`, `unconfirmed:active`, `unconfirmed:semiActive`,
    /// `replacement`, `no-such-copy`, `rule-not-in-calendar`.
    public var code: String {
        switch self {
        case .closing: return "closing"
        case .opening: return "opening"
        case .event(let name): return "event:" + name
        case .unconfirmedEvent(let field): return "unconfirmed:" + field.rawValue
        case .replacement: return "replacement"
        case .noSuchCopy: return "no-such-copy"
        case .ruleNotInCalendar: return "rule-not-in-calendar"
        }
    }

    /// Reads a `code` back; nil for an unknown one.
    public init?(code: String) {
        switch code {
        case "closing": self = .closing
        case "opening": self = .opening
        case "replacement": self = .replacement
        case "no-such-copy": self = .noSuchCopy
        case "rule-not-in-calendar": self = .ruleNotInCalendar
        default:
            if code.hasPrefix("event:") {
                self = .event(String(code.dropFirst(6)))
            } else if code.hasPrefix("unconfirmed:"), let field = CopyField(rawValue: String(code.dropFirst(12))) {
                self = .unconfirmedEvent(field)
            } else {
                return nil
            }
        }
    }

    /// What the document waits for, in French, for listings.
    public var label: String {
        switch self {
        case .closing: return "fermeture du dossier"
        case .opening: return "date d'ouverture"
        case .event(let name): return "événement « \(name) »"
        case .unconfirmedEvent(let field): return "événement 888 à confirmer (\(field == .active ? "période active" : "période semi-active"))"
        case .replacement: return "remplacement par une nouvelle version (999)"
        case .noSuchCopy: return "la règle n'a pas d'exemplaire secondaire"
        case .ruleNotInCalendar: return "règle absente du calendrier en vigueur"
        }
    }
}

/// The dates retention gives one document, with the reasoning a person can check.
public struct RetentionSchedule: Sendable, Hashable, Codable {
    /// The year end the count starts from.
    public var countStart: CivilDate?
    /// When the document moves to semi-active storage; nil when it has no semi-active period.
    public var transferOn: CivilDate?
    /// When the final disposition is due.
    public var finalOn: CivilDate?
    /// What the final disposition is.
    public var finalAction: DueAction?
    /// What the count waits for, when a date cannot be given yet.
    public var waiting: RetentionWait?
    /// The computation, one step per line, in French as the calendar speaks.
    public var explanation: [String]

    /// The action due on `date`, if any: the final disposition once its date has come (even
    /// if the transfer was never made), else the transfer once its date has come.
    public func action(dueOn date: CivilDate, transferred: Bool) -> (action: DueAction, due: CivilDate)? {
        if let finalOn, let finalAction, finalOn <= date { return (finalAction, finalOn) }
        if let transferOn, !transferred, transferOn <= date { return (.transfer, transferOn) }
        return nil
    }
}

/// Counts a document's retention from its rule, the calendar's year end and its facts.
///
/// Pure: the date "today" is never read here; callers pass every date in.
/// The counting rules (README, "Retention"):
/// - the count starts at the first year end on or after the trigger date (the closing date,
///   unless the rule says the opening date or an event);
/// - an active period of N years ends N years after that start; a semi-active period of M years
///   ends M years after the active one: the final disposition is due at start + N + M;
///   0, `-` and a blank period move on at once;
/// - 888 ends at the first year end on or after the confirmed event's date, plus the confirmed
///   offset; until the event is recorded, the document waits;
/// - 999 ends at the first year end on or after the document was replaced.
public enum RetentionEngine {
    public static func schedule(
        rule: Rule,
        facts: RetentionFacts,
        yearEnd: MonthDay,
        openPeriodEvents: [CopyField: OpenPeriodEvent] = [:],
        explaining: Bool = true
    ) -> RetentionSchedule {
        var steps = Steps(enabled: explaining)
        var schedule = RetentionSchedule(explanation: [])
        let copyName = facts.copy == .principal ? "exemplaire principal" : "exemplaire secondaire"
        steps.append("Règle \(rule.number) « \(rule.title) », \(copyName).")
        guard let copy = rule.copy(facts.copy) else {
            steps.append("La règle ne prévoit pas d'exemplaire secondaire : aucun délai ne peut être compté.")
            schedule.waiting = .noSuchCopy
            schedule.explanation = steps.lines
            return schedule
        }
        schedule.finalAction = copy.disposition.map(DueAction.init)
        steps.append("Délais : actif \(copy.active.label), semi-actif \(copy.semiActive.label), disposition \(copy.disposition.map { "\($0.rawValue) (\($0.label))" } ?? "-").")

        // 1. The trigger and the year end that starts the count.
        let trigger: CivilDate
        switch rule.countStart {
        case .closingDate:
            guard let closed = facts.closedOn else {
                steps.append("Le décompte part de la date de fermeture : le dossier n'est pas fermé, il attend.")
                schedule.waiting = .closing
                schedule.explanation = steps.lines
                return schedule
            }
            trigger = closed
            steps.append("Déclencheur : date de fermeture \(closed).")
        case .openingDate:
            guard let opened = facts.openedOn else {
                steps.append("Le décompte part de la date d'ouverture, qui n'est pas inscrite : il attend.")
                schedule.waiting = .opening
                schedule.explanation = steps.lines
                return schedule
            }
            trigger = opened
            steps.append("Déclencheur : date d'ouverture \(opened).")
        case .event(let name):
            guard let date = facts.date(of: name) else {
                steps.append("Le décompte part de l'événement « \(name) », qui n'est pas inscrit : il attend.")
                schedule.waiting = .event(name)
                schedule.explanation = steps.lines
                return schedule
            }
            trigger = date
            steps.append("Déclencheur : événement « \(name) » le \(date).")
        }
        let start = yearEnd.yearEnd(onOrAfter: trigger)
        schedule.countStart = start
        steps.append("Fin d'année (\(yearEnd)) au plus tôt le \(trigger) : le décompte part du \(start).")

        // 2. The end of the active period.
        let activeEnd: CivilDate
        switch end(of: copy.active, field: .active, after: start, rule: rule, copy: copy, facts: facts, yearEnd: yearEnd,
                   openPeriodEvents: openPeriodEvents, label: "période active", steps: &steps) {
        case .date(let date): activeEnd = date
        case .wait(let wait):
            schedule.waiting = wait
            schedule.explanation = steps.lines
            return schedule
        }

        // 3. The end of the semi-active period: the final disposition.
        let finalOn: CivilDate
        switch end(of: copy.semiActive, field: .semiActive, after: activeEnd, rule: rule, copy: copy, facts: facts, yearEnd: yearEnd,
                   openPeriodEvents: openPeriodEvents, label: "période semi-active", steps: &steps) {
        case .date(let date): finalOn = date
        case .wait(let wait):
            schedule.transferOn = activeEnd
            steps.append("Transfert au semi-actif le \(activeEnd).")
            schedule.waiting = wait
            schedule.explanation = steps.lines
            return schedule
        }
        if finalOn > activeEnd {
            schedule.transferOn = activeEnd
            steps.append("Transfert au semi-actif le \(activeEnd).")
        } else {
            steps.append("Pas de période semi-active : le document passe directement à sa disposition finale.")
        }
        schedule.finalOn = finalOn
        if let action = schedule.finalAction {
            steps.append("Disposition finale (\(actionLabel(action))) due le \(finalOn).")
        } else {
            steps.append("La règle ne donne pas de disposition finale pour cet exemplaire.")
        }
        if facts.held, let action = schedule.finalAction, action == .destroy || action == .sort {
            steps.append("Un gel (hold) s'applique : la destruction attend sa levée.")
        }
        schedule.explanation = steps.lines
        return schedule
    }

    /// The explanation being written, or nothing when the caller only wants the dates (a
    /// million documents registered at once do not need a million explanations).
    struct Steps {
        let enabled: Bool
        private(set) var lines: [String] = []

        init(enabled: Bool) { self.enabled = enabled }

        mutating func append(_ line: @autoclosure () -> String) {
            if enabled { lines.append(line()) }
        }
    }

    private enum End {
        case date(CivilDate)
        case wait(RetentionWait)
    }

    private static func end(
        of period: RetentionPeriod, field: CopyField, after start: CivilDate, rule: Rule, copy: CopyRule,
        facts: RetentionFacts, yearEnd: MonthDay, openPeriodEvents: [CopyField: OpenPeriodEvent],
        label: String, steps: inout Steps
    ) -> End {
        switch period {
        case .none:
            steps.append("Aucune \(label) : elle se termine aussitôt, le \(start).")
            return .date(start)
        case .years(let n):
            let end = start.adding(years: n)
            steps.append(n == 0 ? "\(label.capitalizedFirst) de 0 an : elle se termine aussitôt, le \(start)."
                                : "\(label.capitalizedFirst) de \(n) an\(n > 1 ? "s" : "") : du \(start) au \(end).")
            return .date(end)
        case .open:
            let remarkID = field == .active ? copy.activeRemark : copy.semiActiveRemark
            // The remark is read for the explanation, and for a named event nobody confirmed:
            // not for every document of a bulk count, whose context holds both.
            func remark() -> String? { remarkID.flatMap { rule.remark($0)?.text } }
            func described() -> String { remark().map { " (\(remarkID!) : « \($0) »)" } ?? "" }
            // A confirmation wins; else the event the calendar itself names (native format),
            // with the years its remark adds ("Durée de l'emploi + 2 ans").
            func named() -> OpenPeriodEvent? {
                (field == .active ? copy.activeEvent : copy.semiActiveEvent).map {
                    OpenPeriodEvent(event: $0, offsetYears: remark().map { OpenPeriodProposal.propose(fromRemark: $0).offsetYears } ?? 0)
                }
            }
            guard let confirmed = openPeriodEvents[field] ?? named() else {
                steps.append("\(label.capitalizedFirst) 888\(described()) : l'événement qui la termine n'est pas encore confirmé pour la règle ; le document attend.")
                return .wait(.unconfirmedEvent(field))
            }
            guard let date = facts.date(of: confirmed.event) else {
                steps.append("\(label.capitalizedFirst) 888\(described()) : elle se termine à l'événement « \(confirmed.event) », qui n'est pas inscrit ; le document attend.")
                return .wait(.event(confirmed.event))
            }
            let eventEnd = yearEnd.yearEnd(onOrAfter: date).adding(years: confirmed.offsetYears)
            let end = max(eventEnd, start)
            let offset = confirmed.offsetYears > 0 ? " + \(confirmed.offsetYears) an\(confirmed.offsetYears > 1 ? "s" : "")" : ""
            steps.append("\(label.capitalizedFirst) 888\(described()) : événement « \(confirmed.event) » le \(date), fin d'année suivante\(offset) : le \(end).")
            return .date(end)
        case .untilReplaced:
            guard let replaced = facts.replacedOn else {
                steps.append("\(label.capitalizedFirst) 999 : jusqu'au remplacement par une nouvelle version, qui n'a pas eu lieu ; le document attend.")
                return .wait(.replacement)
            }
            let end = max(yearEnd.yearEnd(onOrAfter: replaced), start)
            steps.append("\(label.capitalizedFirst) 999 : remplacé le \(replaced), fin d'année suivante : le \(end).")
            return .date(end)
        }
    }

    static func actionLabel(_ action: DueAction) -> String {
        switch action {
        case .transfer: return "transfert au semi-actif"
        case .destroy: return "destruction"
        case .deposit: return "versement aux archives"
        case .sort: return "tri"
        }
    }
}

extension String {
    /// The text with its first letter upper-cased.
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
