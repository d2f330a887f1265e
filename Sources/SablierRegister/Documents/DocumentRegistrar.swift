public import Foundation
public import SablierCore
import SablierCSV
public import SablierStore

/// Registers documents: one from the command line, or many from a CSV file, checked against
/// the calendar in force, the boxes and the register, then written in one transaction.
public struct DocumentRegistrar: Sendable {
    public let store: any RegisterStore

    public init(store: any RegisterStore) {
        self.store = store
    }

    /// What an import did: how many documents were registered, and the rows left out.
    public struct Outcome: Sendable {
        public var registered: Int
        /// Warnings, and with `--skip-invalid` the errors of the rows left out.
        public var diagnostics: [Diagnostic]
        /// Line numbers of the rows left out (`--skip-invalid`).
        public var rejectedLines: [Int]
    }

    /// Imports a register CSV. By default any bad row rejects the whole file and nothing is
    /// written (`DocumentImportError`); with `skipInvalid` the good rows are registered and the
    /// bad ones reported.
    public func importCSV(path: String, skipInvalid: Bool, actor: String, now: Date, restrictedUnit: String? = nil) async throws -> Outcome {
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw DocumentImportError(file: path, diagnostics: [.error(at: SourceLocation(file: path, line: 0), "cannot be read: \(error.localizedDescription)")])
        }
        let table = CSVTable(bytes: bytes, file: path, dialect: .guess(from: bytes.prefix(4096)), required: DocumentCSV.requiredColumns)
        var diagnostics = table.diagnostics
        if diagnostics.hasErrors && table.header.count == 0 || !table.header.missing(DocumentCSV.requiredColumns).isEmpty {
            throw DocumentImportError(file: path, diagnostics: diagnostics)
        }
        let known = Set(DocumentCSV.requiredColumns + DocumentCSV.optionalColumns)
        for name in table.header.names where !known.contains(CSVHeader.key(name)) && !name.trimmingSpaces().isEmpty {
            diagnostics.append(.warning(at: SourceLocation(file: path, line: table.header.line), "column '\(name)' is not a register column; it is ignored"))
        }
        let checker = DocumentChecker(
            context: try await context(), baseDirectory: URL(fileURLWithPath: path).deletingLastPathComponent(), actor: actor,
            restrictedUnit: restrictedUnit)

        // Rows whose CSV shape is already wrong are rejected as such.
        let badShape = Set(table.diagnostics.errors.map(\.location.line))
        var accepted: [(line: Int, document: NewDocument)] = []
        var rejectedLines: [Int] = []
        var lineOfReference: [String: Int] = [:]
        let columns = DocumentDraft.Columns(table.header)
        for row in table.rows {
            let (document, problems) = checker.check(DocumentDraft(row: row, columns: columns))
            for problem in problems {
                let column = table.header.index(of: problem.column)
                let location = table.location(row, column: column)
                diagnostics.append(Diagnostic(problem.isWarning ? .warning : .error, at: location, "column \(problem.column): \(problem.message)"))
            }
            guard var document, !badShape.contains(row.line) else {
                rejectedLines.append(row.line)
                continue
            }
            let reference = document.document.reference
            if let first = lineOfReference[reference] {
                diagnostics.append(.error(at: table.location(row, column: table.header.index(of: "reference")),
                                          "column reference: \(reference) already appears on line \(first)"))
                rejectedLines.append(row.line)
                continue
            }
            lineOfReference[reference] = row.line
            document.events = document.events.map { var event = $0; event.by = actor; return event }
            accepted.append((row.line, document))
        }
        // References already in the register (skipped when it is empty, as on a first load).
        if try await !store.documents(matching: nil, limit: 1).isEmpty {
            let existing = try await store.registeredReferences(among: accepted.map(\.document.document.reference))
            if !existing.isEmpty {
                accepted.removeAll { item in
                    guard existing.contains(item.document.document.reference) else { return false }
                    let row = table.rows.first { $0.line == item.line }!
                    diagnostics.append(.error(at: table.location(row, column: table.header.index(of: "reference")),
                                              "column reference: \(item.document.document.reference) is already registered"))
                    rejectedLines.append(item.line)
                    return true
                }
            }
        }
        // `replaces` and `digitized_from` name a registered document or one earlier in the file.
        let named = accepted.flatMap { [$0.document.document.replaces, $0.document.document.digitizedFrom].compactMap { $0 } }
        let inFile = Set(accepted.map(\.document.document.reference))
        let registered = try await store.registeredReferences(among: named.filter { !inFile.contains($0) })
        accepted.removeAll { item in
            var missing: [(String, String)] = []
            if let r = item.document.document.replaces, !inFile.contains(r), !registered.contains(r) { missing.append(("replaces", r)) }
            if let o = item.document.document.digitizedFrom, !inFile.contains(o), !registered.contains(o) { missing.append(("digitized_from", o)) }
            guard !missing.isEmpty else { return false }
            let row = table.rows.first { $0.line == item.line }!
            for (column, reference) in missing {
                diagnostics.append(.error(at: table.location(row, column: table.header.index(of: column)),
                                          "column \(column): document \(reference) is neither registered nor in this file"))
            }
            rejectedLines.append(item.line)
            return true
        }
        diagnostics = Self.capWarnings(diagnostics.sortedByLocation)
        if !rejectedLines.isEmpty && !skipInvalid || accepted.isEmpty && diagnostics.hasErrors {
            throw DocumentImportError(file: path, diagnostics: diagnostics)
        }
        let count = try await store.registerDocuments(accepted.map(\.document), by: actor, at: now)
        return Outcome(registered: count, diagnostics: diagnostics, rejectedLines: rejectedLines.sorted())
    }

    /// The first `limit` warnings of each kind (same column, same wording up to the first
    /// number or quote) and one line counting the rest: a file of a million rows with one
    /// habit must not print a million lines. Errors are all kept.
    static func capWarnings(_ diagnostics: [Diagnostic], limit: Int = 20) -> [Diagnostic] {
        var seen: [String: Int] = [:]
        var firstOfKind: [String: Diagnostic] = [:]
        var result: [Diagnostic] = []
        for diagnostic in diagnostics {
            guard diagnostic.severity == .warning else { result.append(diagnostic); continue }
            let kind = String(diagnostic.message.prefix { !$0.isNumber && $0 != "'" })
            seen[kind, default: 0] += 1
            if seen[kind]! <= limit { result.append(diagnostic) }
            if firstOfKind[kind] == nil { firstOfKind[kind] = diagnostic }
        }
        for (kind, count) in seen.sorted(by: { $0.key < $1.key }) where count > limit {
            let first = firstOfKind[kind]!
            result.append(.warning(at: SourceLocation(file: first.location.file, line: 0),
                                   "\(count - limit) more warnings like line \(first.location.line)'s (\(kind.trimmingSpaces())…)"))
        }
        return result
    }

    /// Registers one document; throws `DocumentImportError` naming the fields in error.
    public func add(_ draft: DocumentDraft, actor: String, now: Date, restrictedUnit: String? = nil) async throws -> (RegisteredDocument, [Diagnostic]) {
        let source = "document \(draft.reference.trimmingSpaces())"
        let checker = DocumentChecker(context: try await context(), baseDirectory: nil, actor: actor, restrictedUnit: restrictedUnit)
        let (document, problems) = checker.check(draft)
        var diagnostics = problems.map { problem in
            Diagnostic(problem.isWarning ? .warning : .error, at: SourceLocation(file: source, line: 0), "--\(problem.column.replacing("_", with: "-")): \(problem.message)")
        }
        if let reference = document?.document.reference, try await store.document(reference) != nil {
            diagnostics.append(.error(at: SourceLocation(file: source, line: 0), "\(reference) is already registered"))
        }
        guard let document, !diagnostics.hasErrors else { throw DocumentImportError(file: source, diagnostics: diagnostics) }
        try await store.registerDocuments([document], by: actor, at: now)
        guard let stored = try await store.document(document.document.reference) else {
            throw StoreError.notFound("document \(document.document.reference)")
        }
        return (stored, diagnostics)
    }

    /// The calendar in force and the boxes.
    func context() async throws -> RegisterContext {
        guard let latest = try await store.latestCalendarVersion(), let calendar = try await store.calendar(version: latest.number) else {
            throw DocumentImportError.noCalendar
        }
        var rules: [String: Rule] = [:]
        for rule in calendar.rules { rules[rule.number] = rule }
        return RegisterContext(calendarVersion: latest.number, rules: rules, boxes: Set(try await store.boxes().map(\.code)))
    }
}

/// Documents refused: every problem found, as `FILE:LINE:COLUMN: error: column …: …`.
public struct DocumentImportError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var diagnostics: [Diagnostic]

    public init(file: String, diagnostics: [Diagnostic]) {
        self.file = file
        self.diagnostics = diagnostics
    }

    static let noCalendar = DocumentImportError(file: "", diagnostics: [])

    public var description: String {
        if diagnostics.isEmpty { return "no calendar has been imported yet; run `sablier calendar import FILE` first" }
        let errors = diagnostics.errors.count
        return "\(file): \(errors) error\(errors == 1 ? "" : "s"); nothing was registered"
    }
}
