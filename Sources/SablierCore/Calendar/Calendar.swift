/// A conservation calendar (calendrier de conservation): the organisation's rules as approved
/// by BAnQ, with the settings the retention engine counts with.
///
/// Named `RetentionCalendar` so it never shadows Foundation's `Calendar` in modules that use both.
public struct RetentionCalendar: Sendable, Hashable, Codable {
    /// The organisation's name (nom de l'organisme).
    public var organisation: String?
    /// The organisation's BAnQ number (GALA `ID_ORGANISME`).
    public var banqOrganisationID: String?
    /// The calendar's own version label, as the organisation names it.
    public var versionLabel: String?
    /// Adoption by the organisation and approval by BAnQ.
    public var adoptedOn: CivilDate?
    public var approvedOn: CivilDate?
    /// The year end from which periods are counted (fin d'année): June 30 for a school service centre.
    public var yearEnd: MonthDay
    /// The rules, in the order the calendar gives them.
    public var rules: [Rule]

    public init(
        organisation: String? = nil,
        banqOrganisationID: String? = nil,
        versionLabel: String? = nil,
        adoptedOn: CivilDate? = nil,
        approvedOn: CivilDate? = nil,
        yearEnd: MonthDay = .schoolYearEnd,
        rules: [Rule] = []
    ) {
        self.organisation = organisation
        self.banqOrganisationID = banqOrganisationID
        self.versionLabel = versionLabel
        self.adoptedOn = adoptedOn
        self.approvedOn = approvedOn
        self.yearEnd = yearEnd
        self.rules = rules
    }

    /// The rule with this number, if any.
    public func rule(_ number: String) -> Rule? {
        rules.first { $0.number == number }
    }

    /// The same calendar with its rules in a canonical order (by rule number), for comparisons.
    public var canonical: RetentionCalendar {
        var copy = self
        copy.rules.sort { $0.number.utf8.lexicographicallyPrecedes($1.number.utf8) }
        return copy
    }
}

/// How a file's rules change the calendar (GALA `TYPE_TRANS`).
public enum RuleTransaction: String, Sendable, Hashable, Codable, CaseIterable {
    /// A: ajout, adds a rule.
    case add = "A"
    /// M: modification, replaces a rule.
    case modify = "M"
    /// S: suppression, retires a rule.
    case retire = "S"

    public init?(code: some StringProtocol) {
        self.init(trimmed: code.trimmingSpaces())
    }

    /// Reads `A`, `M` or `S` (the same, for a String, without generic dispatch).
    public init?(code: String) {
        self.init(trimmed: code.trimmingSpaces())
    }

    private init?(trimmed: String) {
        switch SingleASCII.lowercased(trimmed) {
        case UInt8(ascii: "a")?: self = .add; return
        case UInt8(ascii: "m")?: self = .modify; return
        case UInt8(ascii: "s")?: self = .retire; return
        default: break
        }
        guard let value = RuleTransaction(rawValue: trimmed.uppercased()) else { return nil }
        self = value
    }
}
