/// What differs between two versions of a calendar: rules added, rules changed field by field,
/// rules retired.
public struct CalendarDiff: Sendable, Hashable, Codable {
    /// One field whose value differs.
    public struct FieldChange: Sendable, Hashable, Codable {
        public var key: String
        public var label: String
        public var old: String
        public var new: String
    }

    /// A rule present in both versions whose fields differ.
    public struct ChangedRule: Sendable, Hashable, Codable {
        public var number: String
        public var title: String
        public var changes: [FieldChange]
    }

    public var added: [Rule]
    public var changed: [ChangedRule]
    public var retired: [Rule]
    /// Calendar-level settings that differ (organisation, year end, …).
    public var settings: [FieldChange]

    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && retired.isEmpty && settings.isEmpty }

    /// Compares `old` with `new`; rules are matched by number, and listed in `new`'s order
    /// (retired ones in `old`'s order).
    public init(from old: RetentionCalendar, to new: RetentionCalendar) {
        let oldByNumber = Dictionary(old.rules.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        let newNumbers = Set(new.rules.map(\.number))
        added = []
        changed = []
        for rule in new.rules {
            guard let before = oldByNumber[rule.number] else {
                added.append(rule)
                continue
            }
            guard before != rule else { continue }
            changed.append(ChangedRule(number: rule.number, title: rule.title, changes: CalendarDiff.compare(before.fields, rule.fields)))
        }
        retired = old.rules.filter { !newNumbers.contains($0.number) }
        settings = CalendarDiff.compare(CalendarDiff.settingFields(old), CalendarDiff.settingFields(new))
    }

    static func compare(_ old: [RuleField], _ new: [RuleField]) -> [FieldChange] {
        var oldValues: [String: RuleField] = [:]
        for field in old { oldValues[field.key] = field }
        var seen = Set<String>()
        var result: [FieldChange] = []
        for field in new {
            seen.insert(field.key)
            let before = oldValues[field.key]?.value ?? ""
            if before != field.value {
                result.append(FieldChange(key: field.key, label: field.label, old: before, new: field.value))
            }
        }
        for field in old where !seen.contains(field.key) && !field.value.isEmpty {
            result.append(FieldChange(key: field.key, label: field.label, old: field.value, new: ""))
        }
        return result
    }

    static func settingFields(_ calendar: RetentionCalendar) -> [RuleField] {
        [
            RuleField(key: "organisation", label: "Organisme", value: calendar.organisation ?? ""),
            RuleField(key: "banqOrganisationID", label: "Numéro d'organisme BAnQ", value: calendar.banqOrganisationID ?? ""),
            RuleField(key: "versionLabel", label: "Version du calendrier", value: calendar.versionLabel ?? ""),
            RuleField(key: "adoptedOn", label: "Date d'adoption", value: calendar.adoptedOn?.description ?? ""),
            RuleField(key: "approvedOn", label: "Date d'approbation BAnQ", value: calendar.approvedOn?.description ?? ""),
            RuleField(key: "yearEnd", label: "Fin d'année", value: calendar.yearEnd.description),
        ]
    }
}
