/// Which copy a set of periods applies to (exemplaire, GALA `TYPEDOSS`).
public enum CopyKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Exemplaire principal (`P`): the most complete dossier, kept by the holder unit.
    case principal
    /// Exemplaire secondaire (`S`): a copy or part of the principal's information; always destroyed.
    case secondaire

    /// The GALA code: `P` or `S`.
    public var galaCode: String { self == .principal ? "P" : "S" }

    /// Reads `P`/`S`, `principal`/`secondaire` (any case).
    public init?(code: some StringProtocol) {
        self.init(trimmed: code.trimmingSpaces())
    }

    /// Reads `P`/`S`, `principal`/`secondaire` (the same, for a String, without generic dispatch).
    public init?(code: String) {
        self.init(trimmed: code.trimmingSpaces())
    }

    private init?(trimmed: String) {
        // The stored form, as Sablier writes it (registers repeat it a million times).
        if trimmed == "principal" { self = .principal; return }
        if trimmed == "secondaire" { self = .secondaire; return }
        switch SingleASCII.lowercased(trimmed) {
        case UInt8(ascii: "p")?: self = .principal; return
        case UInt8(ascii: "s")?: self = .secondaire; return
        default: break
        }
        switch trimmed.lowercased() {
        case "p", "principal": self = .principal
        case "s", "secondaire", "secondary": self = .secondaire
        default: return nil
        }
    }

    /// The copy named in English messages: `principal copy`, `secondary copy`.
    public var englishName: String { self == .principal ? "principal copy" : "secondary copy" }

    public static func < (lhs: CopyKind, rhs: CopyKind) -> Bool {
        lhs == .principal && rhs == .secondaire
    }
}

/// The retention of one copy of a rule (délai de conservation d'un exemplaire, GALA `DELAI_ROW`).
public struct CopyRule: Sendable, Hashable, Codable {
    public var kind: CopyKind
    /// Storage media, in the order the calendar gives them.
    public var supports: [Support]
    /// The remark about the supports (GALA `REM_SUPPDOSS`).
    public var supportsRemark: RemarkID?
    /// Active period (période active, GALA `PERIOACTIF`).
    public var active: RetentionPeriod
    public var activeRemark: RemarkID?
    /// Semi-active period (période semi-active, GALA `PERIOSMACT`).
    public var semiActive: RetentionPeriod
    public var semiActiveRemark: RemarkID?
    /// Final disposition once inactive (GALA `ID_REF_DISPOSITION`); nil for `-`.
    public var disposition: Disposition?
    public var dispositionRemark: RemarkID?
    /// For an 888 period, the event it waits for, when the calendar names it (native format only).
    public var activeEvent: String?
    public var semiActiveEvent: String?

    public init(
        kind: CopyKind,
        supports: [Support] = [],
        supportsRemark: RemarkID? = nil,
        active: RetentionPeriod = .none,
        activeRemark: RemarkID? = nil,
        semiActive: RetentionPeriod = .none,
        semiActiveRemark: RemarkID? = nil,
        disposition: Disposition? = nil,
        dispositionRemark: RemarkID? = nil,
        activeEvent: String? = nil,
        semiActiveEvent: String? = nil
    ) {
        self.kind = kind
        self.supports = supports
        self.supportsRemark = supportsRemark
        self.active = active
        self.activeRemark = activeRemark
        self.semiActive = semiActive
        self.semiActiveRemark = semiActiveRemark
        self.disposition = disposition
        self.dispositionRemark = dispositionRemark
        self.activeEvent = activeEvent
        self.semiActiveEvent = semiActiveEvent
    }

    /// True when the copy carries nothing at all: no support, period, disposition or remark.
    /// Real spreadsheets leave a copy's cells blank or `-` when the rule has no such copy.
    public var isBlank: Bool {
        supports.isEmpty && supportsRemark == nil && active == .none && activeRemark == nil
            && semiActive == .none && semiActiveRemark == nil && disposition == nil && dispositionRemark == nil
            && activeEvent == nil && semiActiveEvent == nil
    }

    /// Every remark reference of the copy, with the field that holds it.
    public var remarkReferences: [(field: CopyField, id: RemarkID)] {
        var result: [(CopyField, RemarkID)] = []
        if let id = supportsRemark { result.append((.supports, id)) }
        if let id = activeRemark { result.append((.active, id)) }
        if let id = semiActiveRemark { result.append((.semiActive, id)) }
        if let id = dispositionRemark { result.append((.disposition, id)) }
        return result
    }
}

/// A field of a copy, named as people and GALA name it, for diagnostics and diffs.
public enum CopyField: String, Sendable, Hashable, Codable, CaseIterable {
    case supports
    case active
    case semiActive
    case disposition

    /// The GALA element that carries the field.
    public var galaElement: String {
        switch self {
        case .supports: return "SUPPDOSS"
        case .active: return "PERIOACTIF"
        case .semiActive: return "PERIOSMACT"
        case .disposition: return "ID_REF_DISPOSITION"
        }
    }

    /// The name of the field's remark in a `RuleFieldPath`: the raw value followed by `Remark`,
    /// written out so no path is built by concatenation.
    var remarkPathName: String {
        switch self {
        case .supports: return "supportsRemark"
        case .active: return "activeRemark"
        case .semiActive: return "semiActiveRemark"
        case .disposition: return "dispositionRemark"
        }
    }

    /// The GALA element that carries the field's remark reference.
    public var galaRemarkElement: String {
        switch self {
        case .supports: return "REM_SUPPDOSS"
        case .active: return "REM_PERIOACTIF"
        case .semiActive: return "REM_PERIOSMACT"
        case .disposition: return "REM_DISPOINACT"
        }
    }

    /// The English name used in messages, with the GALA element: `active period (PERIOACTIF)`.
    public var englishName: String {
        switch self {
        case .supports: return "supports (SUPPDOSS)"
        case .active: return "active period (PERIOACTIF)"
        case .semiActive: return "semi-active period (PERIOSMACT)"
        case .disposition: return "disposition (ID_REF_DISPOSITION)"
        }
    }

    /// The French name used in listings.
    public var label: String {
        switch self {
        case .supports: return "supports"
        case .active: return "période active"
        case .semiActive: return "période semi-active"
        case .disposition: return "disposition"
        }
    }
}
