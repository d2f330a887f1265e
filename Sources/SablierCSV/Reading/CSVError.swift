public import SablierCore

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
    public var message: String { code.english(values) }

    /// The problem's code, so that a page writes it in its own language.
    public var code: DiagnosticCode {
        switch kind {
        case .unterminatedQuote: .csvUnterminatedQuote
        case .quoteInUnquotedField: .csvQuoteInUnquotedField
        case .textAfterClosingQuote: .csvTextAfterClosingQuote
        case .invalidUTF8: .csvInvalidUTF8
        }
    }

    /// The values the code's sentence names.
    public var values: [String: String] {
        let field = String(fieldIndex + 1)
        switch kind {
        case .unterminatedQuote(let endLine):
            return ["field": field, "line": String(line), "end": String(endLine)]
        case .quoteInUnquotedField, .textAfterClosingQuote:
            return ["field": field]
        case .invalidUTF8(let byte):
            let hex = String(byte, radix: 16, uppercase: true)
            return ["field": field, "byte": hex.count < 2 ? "0" + hex : hex]
        }
    }

    /// The problem as a diagnostic of `file`, at its line and field.
    public func diagnostic(file: String) -> Diagnostic {
        .error(at: SourceLocation(file: file, line: line, column: fieldIndex + 1), code, values)
    }

    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }
}
