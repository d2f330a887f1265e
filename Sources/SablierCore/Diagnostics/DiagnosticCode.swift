/// A diagnostic's stable code, `family.what`, with the English sentence the command line writes.
///
/// Diagnostics used to carry an English sentence alone, so a French page showed English next to
/// French. Like `Refusal.Code`, a code names the problem and the diagnostic carries its values; the
/// application's message catalogue writes it in the reader's language. The English template is
/// declared here, with the code, because the command line's `message` is built where the problem
/// is found, below the catalogue. Each family declares its codes in its own file
/// (`DiagnosticCode+Register.swift`, …); `all` gathers them, and a test holds the catalogue to it.
///
/// In a template, `{name}` is the value `name`; `{name/or}` is a list (items separated by a line
/// break) written `'a' or 'b'`, and `{name/list}` one written `'a', 'b'`; `{name/term}` is a word
/// of the vocabulary ("principal copy") that the catalogue translates; `{name/s}` is the plural
/// ending a count `name` calls for (`field{count/s}`), written in place of the count;
/// `{name/as}` is a list of pairs (`written<TAB>read`, one a line) written `'1:' as R1, '2:' as R2`.
public struct DiagnosticCode: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String
    /// The English sentence, with `{name}` for each value: what `Diagnostic.message` says.
    public let english: String

    public init(_ rawValue: String, _ english: String) {
        self.rawValue = rawValue
        self.english = english
    }

    public var description: String { rawValue }

    public static func == (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// Every code a diagnostic is written with, family by family.
    public static var all: [DiagnosticCode] { register + calendar + gala + native + csv + spreadsheet + openDocument + limits + events }

    /// The English sentence with the values written in.
    public func english(_ values: [String: String]) -> String {
        Self.fill(english, with: values) { value, modifier in
            switch modifier {
            case "or": Self.list(value, quote: ("'", "'"), or: "or")
            case "list": Self.list(value, quote: ("'", "'"))
            case "s": value == "1" ? "" : "s"
            case "as": Self.pairs(value, quote: ("'", "'"), as: "as")
            default: value
            }
        }
    }

    /// The names of a template's placeholders, without their modifier.
    public static func placeholders(_ template: String) -> Set<String> {
        var names: Set<String> = []
        _ = fill(template, with: [:]) { _, _ in "" } names: { names.insert($0) }
        return names
    }

    /// The template with each `{name}` or `{name/modifier}` replaced by `render(value, modifier)`;
    /// a name without a value stays as it is, so a missing one shows rather than vanishes.
    public static func fill(_ template: String, with values: [String: String], render: (String, Substring?) -> String,
                            names: (String) -> Void = { _ in }) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { rest = rest[open...]; break }
            let placeholder = after[..<close]
            let slash = placeholder.firstIndex(of: "/")
            let name = String(placeholder[..<(slash ?? placeholder.endIndex)])
            let modifier = slash.map { placeholder[placeholder.index(after: $0)...] }
            names(name)
            if let value = values[name] { result += render(value, modifier) } else { result += "{\(placeholder)}" }
            rest = after[after.index(after: close)...]
        }
        result += rest
        return result
    }

    /// A list of pairs (one `written<TAB>read` a line) joined with commas: `'1:' as R1`.
    public static func pairs(_ value: String, quote: (String, String), as word: String) -> String {
        value.split(separator: "\n").map { line in
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            return quote.0 + parts[0] + quote.1 + (parts.count > 1 ? " \(word) \(parts[1])" : "")
        }.joined(separator: ", ")
    }

    /// A list value (one item a line) quoted and joined: `'a' or 'b'`, `« a » ou « b »`, or with
    /// commas when `or` is nil: `'a', 'b'`.
    public static func list(_ value: String, quote: (String, String), or: String? = nil) -> String {
        value.split(separator: "\n", omittingEmptySubsequences: false)
            .map { quote.0 + $0 + quote.1 }.joined(separator: or.map { " \($0) " } ?? ", ")
    }
}
