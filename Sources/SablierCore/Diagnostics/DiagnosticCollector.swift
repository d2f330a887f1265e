/// A file's diagnostics, the first `limit` kept and the rest only counted.
///
/// A hostile or badly broken file can hold a problem per attribute, per row or per cell: a
/// million of them. Keeping them all costs memory and time (and prints a million lines that no
/// one reads), so every reader collects through this: the first `limit` (100 by default) are
/// kept as they come, each one past them costs an addition, and `diagnostics` ends with one
/// `moreDiagnostics` saying how many errors and warnings were left out. An error left out
/// still rejects the file: that last diagnostic is then an error itself.
public struct DiagnosticCollector: Sendable {
    /// How many diagnostics of one file are kept: enough to fix a file by, few enough to read.
    public static let defaultLimit = 100

    public let limit: Int
    /// The first `limit` diagnostics, in the order they came.
    public private(set) var kept: [Diagnostic] = []
    /// Errors and warnings left out, counted only.
    public private(set) var droppedErrors = 0
    public private(set) var droppedWarnings = 0
    /// The file the summary names: the first diagnostic's.
    private var file: String?

    /// A `limit` of 0 keeps nothing and counts everything: a part of a file read once the
    /// file's hundred are already kept.
    public init(limit: Int = DiagnosticCollector.defaultLimit) {
        self.limit = max(0, limit)
    }

    /// True once a diagnostic has been left out: a reader may stop looking for more of a kind.
    public var isFull: Bool { kept.count >= limit }

    /// True when an error was found, kept or not.
    public var hasErrors: Bool { droppedErrors > 0 || kept.hasErrors }

    /// Keeps the diagnostic, or counts it once the limit is reached; a `moreDiagnostics` from
    /// a collector merged in adds its counts.
    public mutating func append(_ diagnostic: Diagnostic) {
        if file == nil { file = diagnostic.location.file }
        if diagnostic.code == DiagnosticCode.moreDiagnostics.rawValue, let values = diagnostic.values {
            droppedErrors += Int(values["errors"] ?? "") ?? 0
            droppedWarnings += Int(values["warnings"] ?? "") ?? 0
            return
        }
        if kept.count < limit {
            kept.append(diagnostic)
        } else if diagnostic.severity == .error {
            droppedErrors += 1
        } else {
            droppedWarnings += 1
        }
    }

    /// Counts a diagnostic of `severity` past the limit without it being built: a reader that
    /// checks `isFull` first spends nothing on the sentence no one will read.
    public mutating func countLeftOut(_ severity: Severity) {
        if severity == .error { droppedErrors += 1 } else { droppedWarnings += 1 }
    }

    /// Takes in what another collector (a part of the file: a row) kept and counted.
    public mutating func merge(_ part: DiagnosticCollector) {
        append(contentsOf: part.kept)
        droppedErrors += part.droppedErrors
        droppedWarnings += part.droppedWarnings
        if file == nil { file = part.file }
    }

    public mutating func append(contentsOf diagnostics: some Sequence<Diagnostic>) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    /// The kept diagnostics, then, when any were left out, the one that counts them.
    public var diagnostics: [Diagnostic] {
        guard let summary else { return kept }
        return kept + [summary]
    }

    /// "and N more", an error when an error was left out.
    public var summary: Diagnostic? {
        let count = droppedErrors + droppedWarnings
        guard count > 0 else { return nil }
        let values = ["count": String(count), "errors": String(droppedErrors), "warnings": String(droppedWarnings), "limit": String(limit)]
        return Diagnostic(droppedErrors > 0 ? .error : .warning, at: SourceLocation(file: file ?? "", line: 0), .moreDiagnostics, values)
    }
}

extension Array where Element == Diagnostic {
    /// How many errors the file holds: those listed, and those an "and N more" counted without
    /// listing them (that diagnostic itself is not one of them).
    public var totalErrorCount: Int {
        reduce(0) { total, diagnostic in
            guard diagnostic.code == DiagnosticCode.moreDiagnostics.rawValue, let values = diagnostic.values else {
                return total + (diagnostic.severity == .error ? 1 : 0)
            }
            return total + (Int(values["errors"] ?? "") ?? 0)
        }
    }

    /// The first `limit` diagnostics and one counting the rest (those an earlier collector
    /// counted included), last: what a file's reader hands on once its parts are put together.
    public func capped(at limit: Int = DiagnosticCollector.defaultLimit) -> [Diagnostic] {
        guard count > limit || contains(where: { $0.code == DiagnosticCode.moreDiagnostics.rawValue }) else { return self }
        var collector = DiagnosticCollector(limit: limit)
        collector.append(contentsOf: self)
        return collector.diagnostics
    }

    /// Appends, folding everything past `limit` into the counting diagnostic whenever twice the
    /// limit is held: a list that grows row by row stays small, each diagnostic costing O(1)
    /// amortised. `capped(at:)` gives the final list.
    public mutating func appendCapped(_ diagnostic: Diagnostic, limit: Int = DiagnosticCollector.defaultLimit) {
        append(diagnostic)
        if count > 2 * limit { self = capped(at: limit) }
    }

    public mutating func appendCapped(contentsOf diagnostics: some Sequence<Diagnostic>, limit: Int = DiagnosticCollector.defaultLimit) {
        for diagnostic in diagnostics { appendCapped(diagnostic, limit: limit) }
    }
}
