public import Foundation
public import SablierCore
public import SablierStore

/// Imports a calendar file as a new stored version: read, check, apply, store, in that order,
/// and store nothing unless every step succeeded.
///
/// The application's `importCalendar` use case runs it once the permission is checked, and
/// turns its rejection into a `calendar.rejected` refusal. It owns no I/O of its own beyond
/// reading the file, and takes the time and the acting user as values.
public struct CalendarImporter: Sendable {
    public let store: any CalendarStore
    public let limits: ImportLimits

    public init(store: any CalendarStore, limits: ImportLimits = ImportLimits()) {
        self.store = store
        self.limits = limits
    }

    /// What an accepted import produced.
    public struct Outcome: Sendable {
        public var version: CalendarVersionInfo
        public var summary: CalendarDelta.Summary
        /// Warnings: normalised deviations and transactions that did not fit.
        public var diagnostics: [Diagnostic]
        public var format: CalendarFormat
    }

    /// What a check without storing (`--dry-run`) found.
    public struct Preview: Sendable {
        public var calendar: RetentionCalendar
        public var summary: CalendarDelta.Summary
        public var diagnostics: [Diagnostic]
        public var format: CalendarFormat
    }

    /// Reads, checks and applies the file to the latest version without storing anything.
    /// Throws `CalendarImportError` when the file has errors.
    /// `name`, when `path` is a private copy, is what the diagnostics call the file.
    public func preview(path: String, named name: String? = nil) async throws -> Preview {
        let (file, submission) = try read(path: path, named: name)
        _ = file
        let base = try await latestCalendar()
        let (calendar, summary, deltaDiagnostics) = CalendarDelta.apply(submission, to: base)
        // Sorted and capped as an import's are, so a dry run says what the import will.
        return Preview(calendar: calendar, summary: summary, diagnostics: (submission.diagnostics + deltaDiagnostics).sortedByLocation.capped(),
                       format: submission.format)
    }

    /// Imports the file as a new version recorded as done by `actor` at `now`.
    /// Throws `CalendarImportError` when the file has errors; the store is then untouched.
    ///
    /// The file is read and checked on a thread of its own while the store, in its one
    /// transaction, writes the rules read so far (`CalendarFileStream`): what is stored, and
    /// every diagnostic, are those of reading first and storing after, as before.
    /// `name`, when `path` is a private copy, is what the diagnostics, the version and its audit
    /// entry call the file.
    public func importFile(path: String, named name: String? = nil, actor: String, now: Date) async throws -> Outcome {
        let stream = try await startReading(path: path, named: name, actor: actor, now: now)
        let version: CalendarVersionInfo
        do {
            version = try await store.addCalendarVersion(from: stream)
        } catch {
            if let rejection = await stream.rejection() { throw rejection }
            throw error
        }
        let outcome: Outcome
        do {
            let finished = try await stream.finished()
            outcome = Outcome(version: version, summary: finished.summary, diagnostics: finished.version.diagnostics,
                              format: finished.version.sourceFormat)
        }
        stream.releaseInBackground()
        return outcome
    }

    /// Loads the file and the calendar in force, and starts reading the file on its own thread.
    private func startReading(path: String, named name: String?, actor: String, now: Date) async throws -> CalendarFileStream {
        let file = try CalendarFile.load(path: path, named: name, limits: limits)
        let base: RetentionCalendar?
        do {
            base = try await latestCalendar()
        } catch {
            // A refused file is reported before a store that fails.
            _ = try read(path: path, named: name)
            throw error
        }
        let stream = CalendarFileStream(file: file, limits: limits, base: base, actor: actor, now: now)
        stream.start()
        return stream
    }

    /// Reads and checks the file; throws when it has errors.
    func read(path: String, named name: String? = nil) throws -> (CalendarFile, CalendarSubmission) {
        let file = try CalendarFile.load(path: path, named: name, limits: limits)
        var submission = CalendarReader.read(file, limits: limits)
        CalendarReader.validate(&submission)
        submission.diagnostics = submission.diagnostics.sortedByLocation.capped()
        if submission.diagnostics.hasErrors {
            throw CalendarImportError.rejected(file: file.path, diagnostics: submission.diagnostics)
        }
        return (file, submission)
    }

    func latestCalendar() async throws -> RetentionCalendar? {
        guard let latest = try await store.latestCalendarVersion() else { return nil }
        return try await store.calendar(version: latest.number)
    }
}

/// Limits on what an import accepts, so a hostile or mistaken file cannot exhaust the machine.
public struct ImportLimits: Sendable {
    /// Largest file accepted, in bytes (default 50 MB).
    public var maxBytes: Int

    public static let defaultMaxBytes = 50_000_000

    public init(maxBytes: Int = ImportLimits.defaultMaxBytes) {
        self.maxBytes = maxBytes
    }
}

/// Why an import was refused.
///
/// A struct over a private enum, as swift-argument-parser does, so reasons can be added
/// without breaking callers.
public struct CalendarImportError: Error, CustomStringConvertible, Sendable {
    private enum Reason: Sendable {
        case rejected([Diagnostic])
    }

    private let reason: Reason
    /// The file concerned.
    public let file: String

    /// The file has errors: every problem found, errors and warnings, in file order.
    public static func rejected(file: String, diagnostics: [Diagnostic]) -> CalendarImportError {
        CalendarImportError(reason: .rejected(diagnostics), file: file)
    }

    /// Every problem found, errors and warnings.
    public var diagnostics: [Diagnostic] {
        switch reason {
        case .rejected(let diagnostics): return diagnostics
        }
    }

    public var description: String {
        switch reason {
        case .rejected(let diagnostics):
            let errors = diagnostics.errors.count
            return "\(file): rejected with \(errors) error\(errors == 1 ? "" : "s"); nothing was imported"
        }
    }
}
