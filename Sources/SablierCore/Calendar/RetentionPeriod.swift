/// How long a copy stays in one phase (période d'utilisation): active or semi-active.
///
/// BAnQ writes a period as a number of years, or as one of two codes that always come with a
/// remark: 888 (open: ends at an event the remark describes) and 999 (until the document is
/// replaced by a new version). `-`, `--` and a blank cell mean that no period is set.
public enum RetentionPeriod: Sendable, Hashable, Codable {
    /// No period (`-`, `--`, blank).
    case none
    /// A whole number of years, 0 included (0 moves on at once).
    case years(Int)
    /// 888, délai ouvert: ends when the event described by the remark occurs.
    case open
    /// 999, jusqu'à remplacement: ends when a newer version replaces the document.
    case untilReplaced

    /// The GALA code for the open period.
    public static let openCode = 888
    /// The GALA code for the until-replaced period.
    public static let untilReplacedCode = 999

    /// The value as GALA writes it: `-`, a number of years, `888` or `999`.
    public var galaCode: String {
        switch self {
        case .none: return "-"
        case .years(let n): return String(n)
        case .open: return "888"
        case .untilReplaced: return "999"
        }
    }

    /// True for 888 and 999, the codes that must be explained by a remark.
    public var needsRemark: Bool {
        switch self {
        case .open, .untilReplaced: return true
        case .none, .years: return false
        }
    }

    /// Reads a period cell. Returns nil when the text is none of the accepted forms.
    ///
    /// Accepted: blank, `-`, `--` (no period); a whole number of years ≥ 0; 888; 999.
    /// Surrounding white space (including no-break spaces) is ignored.
    public init?(cell: some StringProtocol) {
        self.init(trimmed: cell.trimmingSpaces())
    }

    /// Reads a period cell (the same, for a String, without generic dispatch).
    public init?(cell: String) {
        self.init(trimmed: cell.trimmingSpaces())
    }

    private init?(trimmed text: String) {
        if text.isEmpty || text == "-" || text == "--" {
            self = .none
            return
        }
        guard text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), text.utf8.count <= 4, let value = Int(text) else {
            return nil
        }
        switch value {
        case RetentionPeriod.openCode: self = .open
        case RetentionPeriod.untilReplacedCode: self = .untilReplaced
        default: self = .years(value)
        }
    }

    /// A short French label for people: `2 ans`, `888 (ouvert)`, `999 (jusqu'à remplacement)`, `-`.
    public var label: String {
        switch self {
        case .none: return "-"
        case .years(let n): return n <= 1 ? "\(n) an" : "\(n) ans"
        case .open: return "888 (ouvert)"
        case .untilReplaced: return "999 (jusqu'à remplacement)"
        }
    }
}
