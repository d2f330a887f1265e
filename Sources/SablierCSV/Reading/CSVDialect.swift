/// How a CSV file is written: its separator and whether blank lines count as records.
public struct CSVDialect: Sendable, Hashable {
    /// The field separator, an ASCII byte other than `"`, CR and LF: `,` (RFC 4180) or `;`
    /// (spreadsheets in a French locale).
    public let separator: UInt8
    /// True (the default) to skip empty lines anywhere in the file, as spreadsheets leave them
    /// at the end. False makes an empty line a record of one empty field (RFC 4180), except a
    /// final line break, which never starts a record.
    public var skipsBlankLines: Bool

    /// Nil when the separator is not ASCII, or is a quote, CR or LF.
    public init?(separator: UInt8, skipsBlankLines: Bool = true) {
        guard separator < 0x80, separator != UInt8(ascii: "\""), separator != 0x0A, separator != 0x0D else { return nil }
        self.separator = separator
        self.skipsBlankLines = skipsBlankLines
    }

    private init(unchecked separator: UInt8) {
        self.separator = separator
        self.skipsBlankLines = true
    }

    /// `,`: RFC 4180.
    public static let comma = CSVDialect(unchecked: UInt8(ascii: ","))
    /// `;`: what spreadsheets write in locales whose decimal mark is a comma.
    public static let semicolon = CSVDialect(unchecked: UInt8(ascii: ";"))
    /// Tab-separated values.
    public static let tab = CSVDialect(unchecked: 0x09)

    /// Guesses the separator from the first record (the header): whichever of `,`, `;` and tab
    /// occurs most often outside quotes; `,` when none does.
    public static func guess(from bytes: some Sequence<UInt8>) -> CSVDialect {
        var counts = (comma: 0, semicolon: 0, tab: 0)
        var quoted = false
        var first = true
        for byte in bytes {
            if first {
                first = false
                if byte == 0xEF { continue } // a BOM's bytes are never separators
            }
            if byte == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if quoted { continue }
            switch byte {
            case 0x0A, 0x0D: return pick(counts)
            case UInt8(ascii: ","): counts.comma += 1
            case UInt8(ascii: ";"): counts.semicolon += 1
            case 0x09: counts.tab += 1
            default: break
            }
        }
        return pick(counts)
    }

    private static func pick(_ counts: (comma: Int, semicolon: Int, tab: Int)) -> CSVDialect {
        if counts.semicolon > counts.comma && counts.semicolon >= counts.tab { return .semicolon }
        if counts.tab > counts.comma && counts.tab > counts.semicolon { return .tab }
        return .comma
    }
}
