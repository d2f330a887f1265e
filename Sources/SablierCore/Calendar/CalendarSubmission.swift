/// The formats a calendar file can come in.
public enum CalendarFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// BAnQ's GALA exchange XML (`ROWSET/ROW/DELAI/DELAI_ROW`): a delta of A/M/S transactions.
    case gala
    /// Sablier's native, namespaced XML (`calendrier.xsd`): a whole calendar.
    case native
    /// The records manager's spreadsheet, saved as CSV, one row per rule: a whole calendar.
    case spreadsheet
}

/// One rule as a file gives it, with where it stands in the file.
public struct SubmittedRule: Sendable, Hashable {
    public var rule: Rule
    /// The GALA transaction (A/M/S); nil in a whole-calendar format.
    public var transaction: RuleTransaction?
    /// Where the rule starts (its `ROW`, `regle` element or CSV record).
    public var location: SourceLocation
    /// Where each field was read, keyed by `RuleFieldPath`, so later checks can point at it.
    public var fieldLocations: [RuleFieldPath: SourceLocation]

    public init(rule: Rule, transaction: RuleTransaction? = nil, location: SourceLocation, fieldLocations: [RuleFieldPath: SourceLocation] = [:]) {
        self.rule = rule
        self.transaction = transaction
        self.location = location
        self.fieldLocations = fieldLocations
    }

    /// The location of a field, or of the rule when the field's own is unknown.
    public func location(of field: RuleFieldPath) -> SourceLocation {
        fieldLocations[field] ?? location
    }
}

/// A field of a rule, for locations and messages: either rule-level or a copy's field.
public struct RuleFieldPath: Sendable, Hashable, CustomStringConvertible {
    public let copy: CopyKind?
    public let name: String

    public init(_ name: String) {
        self.copy = nil
        self.name = name
    }

    public init(_ copy: CopyKind, _ field: CopyField) {
        self.copy = copy
        self.name = field.rawValue
    }

    public init(_ copy: CopyKind, remarkOf field: CopyField) {
        self.copy = copy
        self.name = field.remarkPathName
    }

    public var description: String {
        copy.map { "\($0.rawValue).\(name)" } ?? name
    }

    public static func == (lhs: RuleFieldPath, rhs: RuleFieldPath) -> Bool {
        lhs.copy == rhs.copy && lhs.name == rhs.name
    }

    /// Hashes the copy by case rather than by its raw String (as `RawRepresentable` would): a
    /// field path is hashed at every location a reader records.
    public func hash(into hasher: inout Hasher) {
        switch copy {
        case nil: hasher.combine(0 as UInt8)
        case .principal?: hasher.combine(1 as UInt8)
        case .secondaire?: hasher.combine(2 as UInt8)
        }
        hasher.combine(name)
    }

    public static let number = RuleFieldPath("number")
    public static let remarks = RuleFieldPath("remarks")
    public static let title = RuleFieldPath("title")
}

/// What a calendar file says, read and normalised but not yet checked nor applied.
///
/// The readers (GALA, native, spreadsheet) each produce one; validation and the delta logic
/// are the same for all of them.
public struct CalendarSubmission: Sendable {
    public var format: CalendarFormat
    /// The file as named on the command line.
    public var file: String
    /// Calendar-level settings the file carries (organisation, year end, …).
    public var settings: RetentionCalendar
    /// True when the file lists changes (GALA), false when it is a whole calendar.
    public var isDelta: Bool
    public var rules: [SubmittedRule]
    /// Problems found while reading (warnings for normalised deviations, errors otherwise).
    public var diagnostics: [Diagnostic]

    public init(format: CalendarFormat, file: String, settings: RetentionCalendar, isDelta: Bool, rules: [SubmittedRule], diagnostics: [Diagnostic] = []) {
        self.format = format
        self.file = file
        self.settings = settings
        self.isDelta = isDelta
        self.rules = rules
        self.diagnostics = diagnostics
    }
}
