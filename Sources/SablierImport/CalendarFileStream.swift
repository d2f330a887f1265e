import Foundation
import SablierCore
import SablierStore

/// A calendar file read and checked on a thread of its own, its rules handed to the store's
/// transaction as they are read, so that SQLite writes them while the rest of the file is
/// still being parsed, mapped and checked.
///
/// Rules are handed over early only when the next version is known to be the file's rules in
/// file order: when no calendar is in force, where `CalendarDelta` adds each A or M rule
/// after the others and an S retires nothing. Over a calendar in force, a GALA file's changes
/// land among its rules, so the whole version comes at the end. Either way the store keeps
/// the early rules only if the finished version starts with them (the checks may mend a
/// rule), and `finish` gives exactly what `CalendarImporter.read` and `CalendarDelta.apply`
/// have always given: the same version, diagnostics and refusals.
final class CalendarFileStream: CalendarVersionStream, @unchecked Sendable { // shared state is behind `condition`, see below
    /// What the finished reading produced.
    struct Finished {
        var version: NewCalendarVersion
        var summary: CalendarDelta.Summary
    }

    /// Rules per batch handed to the store.
    static let batchSize = 256

    let file: CalendarFile
    var sourceFile: String { file.path }
    var sourceBytes: [UInt8] { file.bytes }
    var sourceSHA256: String { file.sha256 }

    private let limits: ImportLimits
    /// The reading thread's until `outcome` is set; then released by `releaseInBackground`.
    private var base: RetentionCalendar?
    private let actor: String
    private let now: Date

    /// The early rules, yielded by the reading thread, ended once the file is parsed and mapped.
    let rules: AsyncStream<[Rule]>
    private let handing: AsyncStream<[Rule]>.Continuation

    // Shared, under `condition`.
    private let condition = NSCondition()
    private var outcome: Result<Finished, CalendarImportError>?
    /// Who awaits the outcome, resumed by the reading thread once it is there.
    private var awaiting: [CheckedContinuation<Result<Finished, CalendarImportError>, Never>] = []

    init(file: CalendarFile, limits: ImportLimits, base: RetentionCalendar?, actor: String, now: Date) {
        self.file = file
        self.limits = limits
        self.base = base
        self.actor = actor
        self.now = now
        (rules, handing) = AsyncStream.makeStream(of: [Rule].self)
    }

    /// Starts reading on a thread of its own.
    func start() {
        let thread = Thread { [self] in read() }
        thread.name = "sablier calendar reader"
        thread.start()
    }

    // MARK: - The reading thread

    private func read() {
        var batch: [Rule] = []
        let early = base?.rules.isEmpty ?? true
        var submission = CalendarReader.read(file, limits: limits, mapped: early ? { [self] entry in
            // Without a calendar in force an S retires nothing: it is not in the next version.
            guard entry.transaction != .retire else { return }
            batch.append(entry.rule)
            if batch.count == Self.batchSize {
                hand(batch)
                batch = []
            }
        } : nil)
        hand(batch)
        handing.finish()

        let result: Result<Finished, CalendarImportError>
        CalendarReader.validate(&submission)
        submission.diagnostics = submission.diagnostics.sortedByLocation.capped()
        if submission.diagnostics.hasErrors {
            result = .failure(.rejected(file: file.path, diagnostics: submission.diagnostics))
        } else {
            let (calendar, summary, deltaDiagnostics) = CalendarDelta.apply(submission, to: base)
            let version = NewCalendarVersion(
                calendar: calendar,
                importedAt: now,
                importedBy: actor,
                sourceFile: file.path,
                sourceFormat: submission.format,
                sourceSHA256: file.sha256,
                sourceBytes: file.bytes,
                diagnostics: (submission.diagnostics + deltaDiagnostics).sortedByLocation.capped()
            )
            result = .success(Finished(version: version, summary: summary))
        }
        condition.lock()
        outcome = result
        let awaiting = self.awaiting
        self.awaiting = []
        condition.unlock()
        for waiter in awaiting { waiter.resume(returning: result) }
    }

    private func hand(_ batch: [Rule]) {
        guard !batch.isEmpty else { return }
        handing.yield(batch)
    }

    // MARK: - The store's side

    func finish() async throws -> NewCalendarVersion {
        try await finished().version
    }

    /// The reading's outcome, awaiting it (holding no thread).
    func finished() async throws(CalendarImportError) -> Finished {
        let result = await withCheckedContinuation { (waiter: CheckedContinuation<Result<Finished, CalendarImportError>, Never>) in
            condition.lock()
            if let outcome {
                condition.unlock()
                waiter.resume(returning: outcome)
            } else {
                awaiting.append(waiter)
                condition.unlock()
            }
        }
        return try result.get()
    }

    /// Hands what reading made (the rules read, the version finished, the calendar in force)
    /// to a thread of its own to release, once the store and the caller are done with it:
    /// freeing thousands of rules takes tens of milliseconds, which the caller need not wait
    /// for. The values are moved out, not copied, so that thread frees them.
    func releaseInBackground() {
        let spent = Spent()
        condition.lock()
        swap(&spent.outcome, &outcome)
        condition.unlock()
        swap(&spent.base, &base)
        Thread.detachNewThread { [spent] in spent.release() }
    }

    /// What `releaseInBackground` moves to the releasing thread.
    private final class Spent: @unchecked Sendable { // filled before the thread starts, then touched by that thread only
        var outcome: Result<Finished, CalendarImportError>?
        var base: RetentionCalendar?

        func release() {
            outcome = nil
            base = nil
        }
    }

    /// The file's refusal once it is read, if it is refused: it comes before any failure of
    /// the store, as it always has.
    func rejection() async -> CalendarImportError? {
        do {
            _ = try await finished()
            return nil
        } catch {
            return error
        }
    }
}
