/// How Sablier writes a CSV file: its separator, whether it opens with a byte order mark, how
/// its lines end, and whether cells a spreadsheet would read as a formula are neutralised.
///
/// One place for quoting, so that the command line, the API and the web pages write cells
/// alike: a cell holding the separator, a quote or a line break is quoted, its quotes doubled.
public struct CSVFormat: Sendable, Hashable {
    /// An ASCII byte other than `"`, CR and LF.
    public let separator: UInt8
    /// True to open the file with the UTF-8 byte order mark, which is how Excel knows a CSV
    /// file is UTF-8 rather than the system's code page (accents would read as `Ã©`).
    public var byteOrderMark: Bool
    /// The bytes that end a line: LF, or CR LF for Windows programs.
    public var lineEnd: [UInt8]
    /// True to prefix with `'` a cell starting with `=`, `+`, `-`, `@`, a tab or CR, which a
    /// spreadsheet would otherwise run as a formula (CSV injection): a title typed by anyone
    /// must never become `=HYPERLINK(…)` in the records manager's spreadsheet.
    public var spreadsheetSafe: Bool

    /// Nil when the separator is not ASCII, or is a quote, CR or LF.
    public init?(separator: UInt8, byteOrderMark: Bool = false, lineEnd: [UInt8] = [0x0A], spreadsheetSafe: Bool = false) {
        guard separator < 0x80, separator != UInt8(ascii: "\""), separator != 0x0A, separator != 0x0D else { return nil }
        self.separator = separator
        self.byteOrderMark = byteOrderMark
        self.lineEnd = lineEnd
        self.spreadsheetSafe = spreadsheetSafe
    }

    /// RFC 4180 with `,` and LF line ends, no BOM: what the command line and the API write, for
    /// programs to read (a BOM would be read as part of the first column's name by `cut`, `awk`
    /// or a script's CSV reader). Formulas are neutralised all the same: whoever opens the file
    /// in a spreadsheet must never run a title typed by someone else (OWASP, CSV injection).
    public static let standard = CSVFormat(separator: UInt8(ascii: ","), spreadsheetSafe: true)!

    /// For a person opening the file in Excel set to French (Canada or France): `;`, the list
    /// separator of locales whose decimal mark is a comma (with `,` Excel puts each line in one
    /// cell); a BOM, without which Excel reads UTF-8 as Windows-1252; CR LF; formulas neutralised.
    public static let frenchSpreadsheet = CSVFormat(separator: UInt8(ascii: ";"), byteOrderMark: true, lineEnd: [0x0D, 0x0A],
                                                    spreadsheetSafe: true)!

    /// The bytes the file starts with: the BOM, or nothing.
    public var preamble: [UInt8] { byteOrderMark ? [0xEF, 0xBB, 0xBF] : [] }

    /// Appends `value` as one cell (without its separator).
    public func appendCell(_ value: String, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendCell($0, to: &output) }
    }

    /// Appends the UTF-8 bytes of a value as one cell (without its separator).
    public func appendCell(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let prefix = spreadsheetSafe && Self.looksLikeFormula(bytes)
        guard prefix || needsQuotes(bytes) else { return output.append(contentsOf: bytes) }
        // A prefixed cell is quoted only for what it holds: the `'` needs no quotes.
        let quoted = needsQuotes(bytes)
        if quoted { output.append(UInt8(ascii: "\"")) }
        if prefix { output.append(UInt8(ascii: "'")) }
        if quoted {
            for byte in bytes {
                if byte == UInt8(ascii: "\"") { output.append(byte) }
                output.append(byte)
            }
            output.append(UInt8(ascii: "\""))
        } else {
            output.append(contentsOf: bytes)
        }
    }

    /// The cell as text, as `appendCell` writes it.
    public func cell(_ value: String) -> String {
        var bytes: [UInt8] = []
        appendCell(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one line: the cells, separated, and the line end.
    public func appendRow(_ cells: [String], to output: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { output.append(separator) }
            appendCell(cell, to: &output)
        }
        output.append(contentsOf: lineEnd)
    }

    /// The separator, a quote, or a line break: LF, VT, FF, CR, NEL (U+0085), U+2028 or U+2029,
    /// the characters Swift calls newlines, which a reader could take for the end of a line.
    public func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case separator, UInt8(ascii: "\""), 0x0A...0x0D:
                return true
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85:
                return true
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                return true
            default:
                index += 1
            }
        }
        return false
    }

    /// True when `appendCell` writes the cell otherwise than its bytes: quoted, or prefixed with
    /// `'` as a formula. A writer copies every other cell as it is, without a buffer.
    public func needsRewriting(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        (spreadsheetSafe && Self.looksLikeFormula(bytes)) || needsQuotes(bytes)
    }

    /// A first byte that makes a spreadsheet read the cell as a formula: `=`, `+`, `-`, `@`,
    /// tab or CR (OWASP's list for CSV injection).
    static func looksLikeFormula(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        default: return false
        }
    }
}

/// A CSV file written a line at a time into memory, in one `CSVFormat`; `take()` hands over
/// what was written so far, so that a long listing can be sent in pieces as it is read.
public struct CSVWriter: Sendable {
    public let format: CSVFormat
    /// What was written and not yet taken; it starts with the format's preamble (the BOM).
    public private(set) var bytes: [UInt8]

    public init(format: CSVFormat = .standard) {
        self.format = format
        bytes = format.preamble
    }

    /// Writes one line.
    public mutating func row(_ cells: [String]) {
        format.appendRow(cells, to: &bytes)
    }

    /// What was written since the last `take()`, leaving the writer empty.
    public mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// The file as text (for tests and small files).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
