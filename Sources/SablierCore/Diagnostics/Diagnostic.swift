/// A place in an input file: path, 1-based line and column (0 when unknown).
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COLUMN`, or `FILE:LINE` when the column is unknown, or `FILE` alone.
    public var description: String {
        guard line > 0 else { return file }
        return column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
    }
}

/// How serious a problem is: an error rejects the input, a warning is reported and the input
/// is accepted (after the normalisation the message describes).
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One problem found in an input, in plain language, naming the rule and the field.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// The rule concerned, when there is one.
    public var rule: String?
    /// The field concerned (a GALA element, a CSV column or a native element), when there is one.
    public var field: String?
    /// The problem's stable code (`DiagnosticCode`), so that a page writes it in its own language;
    /// nil for a sentence written as is (libxml2's, or a site not converted yet).
    public var code: String?
    /// The values the code's sentence names, by placeholder.
    public var values: [String: String]?

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, rule: String? = nil, field: String? = nil,
                code: String? = nil, values: [String: String]? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.rule = rule
        self.field = field
        self.code = code
        self.values = values
    }

    /// A diagnostic by code: its `message` is the code's English sentence with the values written
    /// in, the one the command line prints.
    public init(_ severity: Severity, at location: SourceLocation, _ code: DiagnosticCode, _ values: [String: String] = [:],
                rule: String? = nil, field: String? = nil) {
        assert(DiagnosticCode.placeholders(code.english).isSubset(of: values.keys), "\(code) lacks a value")
        self.init(severity, at: location, code.english(values), rule: rule, field: field, code: code.rawValue,
                  values: values.isEmpty ? nil : values)
    }

    public static func error(at location: SourceLocation, _ message: String, rule: String? = nil, field: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, rule: rule, field: field)
    }

    public static func warning(at location: SourceLocation, _ message: String, rule: String? = nil, field: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, message, rule: rule, field: field)
    }

    public static func error(at location: SourceLocation, _ code: DiagnosticCode, _ values: [String: String] = [:],
                             rule: String? = nil, field: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, code, values, rule: rule, field: field)
    }

    public static func warning(at location: SourceLocation, _ code: DiagnosticCode, _ values: [String: String] = [:],
                               rule: String? = nil, field: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, code, values, rule: rule, field: field)
    }

    /// Equal when they say the same thing at the same place: `code` and `values` are how to say it
    /// in another language, and a diagnostic kept by its sentence alone (a stored calendar
    /// version's warnings) is still the one that was found.
    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.severity == b.severity && a.location == b.location && a.message == b.message && a.rule == b.rule && a.field == b.field
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(location)
        hasher.combine(message)
        hasher.combine(rule)
        hasher.combine(field)
    }

    /// `FILE:LINE:COLUMN: error|warning: message`, the form compilers use, so editors can jump to it.
    public var description: String {
        "\(location): \(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }

    /// Sorted by file, line and column, errors before warnings at the same place; stable otherwise.
    public var sortedByLocation: [Diagnostic] {
        enumerated().sorted { a, b in
            let l = a.element.location, r = b.element.location
            if l.file != r.file { return l.file < r.file }
            if l.line != r.line { return l.line < r.line }
            if l.column != r.column { return l.column < r.column }
            return a.offset < b.offset
        }.map(\.element)
    }
}
