/// Malformed CSV: where it is and what is wrong, never a crash.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A quoted field is never closed; the end of the file comes first, on `endLine`.
        case unterminatedQuote(endLine: Int)
        /// A `"` inside a field that does not start with one (RFC 4180 requires the whole field
        /// to be quoted).
        case quoteInUnquotedField
        /// Text between a closing quote and the next separator or line break (`"abc"def`).
        case textAfterClosingQuote
        /// A byte sequence that is not UTF-8; `byte` is the first offending byte.
        case invalidUTF8(byte: UInt8)
    }

    public let kind: Kind
    /// The 1-based physical line of the problem; for an unterminated quote, the line where the
    /// quoted field opens.
    public let line: Int
    /// The 1-based physical line where the record holding the problem starts.
    public let recordLine: Int
    /// The 0-based index of the field within its record.
    public let fieldIndex: Int

    public init(_ kind: Kind, line: Int, recordLine: Int, fieldIndex: Int) {
        self.kind = kind
        self.line = line
        self.recordLine = recordLine
        self.fieldIndex = fieldIndex
    }

    /// What is wrong, in plain language, without the location.
    public var message: String {
        let field = "field \(fieldIndex + 1)"
        switch kind {
        case .unterminatedQuote(let endLine):
            return "the quoted \(field) opened on line \(line) is never closed (end of file reached on line \(endLine))"
        case .quoteInUnquotedField:
            return "a quote (\") inside \(field), which is not quoted; quote the whole field and double the quote (\"\")"
        case .textAfterClosingQuote:
            return "text after the closing quote of \(field); a quote inside a quoted field must be doubled (\"\")"
        case .invalidUTF8(let byte):
            let hex = String(byte, radix: 16, uppercase: true)
            return "invalid UTF-8 (byte 0x\(hex.count < 2 ? "0" + hex : hex)) in \(field); the file is probably in Windows-1252 or Latin-1: save it as CSV UTF-8"
        }
    }

    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }
}
