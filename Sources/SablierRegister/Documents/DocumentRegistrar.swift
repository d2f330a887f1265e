public import Foundation
public import SablierCore
import SablierCSV
public import SablierStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Registers documents: one from the command line, or many from a CSV file, checked against
/// the calendar in force, the boxes and the register, then written in one transaction.
public struct DocumentRegistrar: Sendable {
    public let store: any RegisterStore
    /// Told each file's path as it is about to be measured, before the store's transaction
    /// opens (a page's progress; a test's look at the store while files are measured).
    public var measuring: (@Sendable (String) -> Void)?

    public init(store: any RegisterStore, measuring: (@Sendable (String) -> Void)? = nil) {
        self.store = store
        self.measuring = measuring
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
    ///
    /// The file is read row by row on a thread of its own while the store writes the rows
    /// checked before, all in one transaction (`CSVDocumentBatches`): a register of a million
    /// rows is never held whole, and reading overlaps writing.
    public func importCSV(path: String, named name: String? = nil, skipInvalid: Bool, actor: String, now: Date,
                          visibility: Visibility? = nil, readsFiles: Bool = true) async throws -> Outcome {
        // `name`, when `path` is a private copy (an upload), is what every message calls the file.
        let shown = name ?? path
        let bytes: [UInt8]
        do {
            bytes = try Self.contents(of: path)
        } catch {
            throw DocumentImportError(file: shown, diagnostics: [.error(at: SourceLocation(file: shown, line: 0), error.code, error.values)])
        }
        let csv = CSVStream(bytes: bytes, file: shown, dialect: .guess(from: bytes.prefix(4096)), required: DocumentCSV.requiredColumns)
        if csv.diagnostics.hasErrors {
            // The rows' own problems of shape are reported with the header's.
            var diagnostics = csv.diagnostics
            if let error = csv.forEachRow({ (_, shape) in if let shape { diagnostics.append(shape) } }) { diagnostics.append(error) }
            throw DocumentImportError(file: shown, diagnostics: diagnostics.sortedByLocation)
        }
        let known = Set(DocumentCSV.requiredColumns + DocumentCSV.optionalColumns)
        var warnings: [Diagnostic] = []
        for name in csv.header.names where !known.contains(CSVHeader.key(name)) && !name.trimmingSpaces().isEmpty {
            warnings.append(.warning(at: SourceLocation(file: shown, line: csv.header.line), .notARegisterColumn, ["column": name]))
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var files = RegisterFiles(access: try await FileAccess.of(store), base: folder)
        if readsFiles, let column = csv.header.index(of: "path") {
            files = await Self.measure(csv, column: column, into: files, measuring: measuring)
        }
        let checker = DocumentChecker(
            context: try await context(), baseDirectory: folder, actor: actor,
            restrictedUnit: visibility?.access.restrictedUnit, readsFiles: readsFiles, files: files, today: CivilDate(dayOf: now))
        let batches = CSVDocumentBatches(csv: csv, checker: checker, skipInvalid: skipInvalid, warnings: warnings)
        batches.start()
        defer { batches.stop() }
        let count = try await store.registerDocuments(visibility: visibility, by: actor, at: now) { registered in batches.batches(registered) }
        return Outcome(registered: count, diagnostics: batches.diagnostics, rejectedLines: batches.rejectedLines)
    }

    /// Measures every file the `path` column names, on a thread of its own (hashing is
    /// blocking I/O), before the store's transaction opens: the checked pass then only looks
    /// the measurements up. One pass over the rows, each file read once; what a row's path
    /// cannot be is its line's diagnostic in the checked pass.
    static func measure(_ csv: CSVStream, column: Int, into files: RegisterFiles,
                        measuring: (@Sendable (String) -> Void)?) async -> RegisterFiles {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                var files = files
                _ = csv.forEachRow { (record, _) in
                    guard column < record.count, !record.isEmpty(field: column) else { return }
                    let path = record[column].trimmingSpaces()
                    guard !path.isEmpty else { return }
                    measuring?(path)
                    files.measure(path)
                }
                continuation.resume(returning: files)
            }
            thread.name = "sablier file measurer"
            thread.start()
        }
    }

    /// The bytes of a register file, read into one array (a register may be a hundred
    /// megabytes: read through `Data` it was copied twice). Opened as `FileAccess` opens a
    /// document's file, regular files only and never blocking: a FIFO given as the register
    /// hung the import for ever. The register itself is the operator's file, named on the
    /// command line or uploaded, so it is not held to the roots.
    static func contents(of path: String) throws(FileAccess.Failure) -> [UInt8] {
        let absolute = try FileAccess.absolute(path)
        let file = try FileAccess.openRegular(try FileAccess.realPath(absolute))
        var bytes: [UInt8] = []
        var status = stat()
        if fstat(file.descriptor, &status) == 0 { bytes.reserveCapacity(Int(status.st_size)) }
        try file.readChunks { chunk in bytes.append(contentsOf: chunk) }
        return bytes
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
            var values = ["count": String(count - limit), "line": String(first.location.line), "kind": kind.trimmingSpaces()]
            values["like"] = first.code
            result.append(.warning(at: SourceLocation(file: first.location.file, line: 0), .moreWarnings, values))
        }
        return result
    }

    /// Registers one document; throws `DocumentImportError` naming the fields in error.
    public func add(_ draft: DocumentDraft, actor: String, now: Date, visibility: Visibility? = nil,
                    readsFiles: Bool = true) async throws -> (RegisteredDocument, [Diagnostic]) {
        let source = "document \(draft.reference.trimmingSpaces())"
        // The file is measured here, before the store's transaction opens.
        var files = RegisterFiles(access: try await FileAccess.of(store))
        if readsFiles, let path = Optional(draft.path.trimmingSpaces()), !path.isEmpty {
            measuring?(path)
            files.measure(path)
        }
        let checker = DocumentChecker(context: try await context(), baseDirectory: nil, actor: actor, restrictedUnit: visibility?.access.restrictedUnit,
                                      readsFiles: readsFiles, files: files, today: CivilDate(dayOf: now))
        let (document, problems) = checker.check(draft)
        var diagnostics = problems.map { problem in
            Diagnostic(problem.isWarning ? .warning : .error, at: SourceLocation(file: source, line: 0),
                       "field \(problem.column): \(problem.message)", field: problem.column,
                       code: problem.code, values: problem.values)
        }
        if let reference = document?.document.reference, try await store.document(reference) != nil {
            diagnostics.append(.error(at: SourceLocation(file: source, line: 0), .alreadyInRegister, ["reference": reference]))
        }
        guard let document, !diagnostics.hasErrors else { throw DocumentImportError(file: source, diagnostics: diagnostics) }
        try await store.registerDocuments(visibility: visibility, by: actor, at: now) { _ in AsyncThrowingStream.one([document]) }
        guard let stored = try await store.document(document.document.reference) else {
            throw Refusal(.documentNotFound, ["reference": document.document.reference])
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
        let confirmations = OpenPeriodConfirmation.byRule(try await store.openPeriodConfirmations())
        return RegisterContext(calendarVersion: latest.number, rules: rules, boxes: Set(try await store.boxes().map(\.code)),
                               yearEnd: calendar.yearEnd, confirmations: confirmations)
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
        if diagnostics.isEmpty { return "no calendar has been imported yet" }
        let errors = diagnostics.errors.count
        return "\(file): \(errors) error\(errors == 1 ? "" : "s"); nothing was registered"
    }
}
