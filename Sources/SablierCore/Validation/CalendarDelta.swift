/// Applies a calendar file to the calendar in force, giving the next version.
///
/// A GALA file is a list of changes (`TYPE_TRANS`): A adds a rule, M modifies it, S retires it.
/// Native and spreadsheet files are whole calendars: the next version is exactly the file.
/// Nothing is overwritten: the caller stores the result as a new version.
public enum CalendarDelta {
    /// What applying a file changed, rule numbers in file order.
    public struct Summary: Sendable, Hashable, Codable {
        public var added: [String] = []
        public var modified: [String] = []
        public var unchanged: [String] = []
        public var retired: [String] = []

        public init() {}
    }

    /// The next calendar, what changed, and warnings for transactions that did not fit.
    public static func apply(_ submission: CalendarSubmission, to base: RetentionCalendar?) -> (RetentionCalendar, Summary, [Diagnostic]) {
        var result = settings(of: submission, over: base)
        var summary = Summary()
        var found: [Diagnostic] = []
        let previous = base?.rules ?? []
        let previousByNumber = Dictionary(previous.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })

        guard submission.isDelta else {
            result.rules = submission.rules.map(\.rule)
            let kept = Set(result.rules.map(\.number))
            for rule in result.rules {
                if let old = previousByNumber[rule.number] {
                    if old == rule { summary.unchanged.append(rule.number) } else { summary.modified.append(rule.number) }
                } else {
                    summary.added.append(rule.number)
                }
            }
            summary.retired = previous.map(\.number).filter { !kept.contains($0) }
            return (result, summary, found)
        }

        var rules = previous
        var positions = Dictionary(rules.enumerated().map { ($1.number, $0) }, uniquingKeysWith: { first, _ in first })
        func upsert(_ rule: Rule) {
            if let at = positions[rule.number] {
                if rules[at] == rule { summary.unchanged.append(rule.number) } else { summary.modified.append(rule.number) }
                rules[at] = rule
            } else {
                positions[rule.number] = rules.count
                rules.append(rule)
                summary.added.append(rule.number)
            }
        }
        for entry in submission.rules {
            let number = entry.rule.number
            let exists = positions[number] != nil
            switch entry.transaction {
            case .add?:
                if exists {
                    found.append(.warning(at: entry.location,
                        "rule \(number) is marked A (add) but the calendar in force already has it; it is replaced as by M (modify)",
                        rule: number, field: "TYPE_TRANS"))
                }
                upsert(entry.rule)
            case .modify?:
                if !exists {
                    found.append(.warning(at: entry.location,
                        "rule \(number) is marked M (modify) but the calendar in force does not have it; it is added as by A (add)",
                        rule: number, field: "TYPE_TRANS"))
                }
                upsert(entry.rule)
            case .retire?:
                guard let at = positions[number] else {
                    found.append(.warning(at: entry.location,
                        "rule \(number) is marked S (retire) but the calendar in force does not have it; nothing is retired",
                        rule: number, field: "TYPE_TRANS"))
                    continue
                }
                rules.remove(at: at)
                positions = Dictionary(rules.enumerated().map { ($1.number, $0) }, uniquingKeysWith: { first, _ in first })
                summary.retired.append(number)
            case nil:
                upsert(entry.rule)
            }
        }
        result.rules = rules
        return (result, summary, found)
    }

    /// The calendar-level settings of the next version: a native file states them all; other
    /// formats state only the organisation, and the rest carries over from the calendar in force.
    static func settings(of submission: CalendarSubmission, over base: RetentionCalendar?) -> RetentionCalendar {
        var result = submission.settings
        result.rules = []
        guard submission.format != .native, let base else { return result }
        result.organisation = submission.settings.organisation ?? base.organisation
        result.banqOrganisationID = submission.settings.banqOrganisationID ?? base.banqOrganisationID
        result.versionLabel = submission.settings.versionLabel ?? base.versionLabel
        result.adoptedOn = submission.settings.adoptedOn ?? base.adoptedOn
        result.approvedOn = submission.settings.approvedOn ?? base.approvedOn
        result.yearEnd = base.yearEnd
        return result
    }
}
