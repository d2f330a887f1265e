import Foundation
import SablierCore
import SablierCSV
import SablierStore

/// The rows of a register CSV, read and checked on a thread of their own while the store
/// writes the rows before them, and handed to the store's one transaction in batches.
///
/// What a row needs from the register is asked inside that transaction, as batches are handed
/// over: whether its reference is already registered, and whether the documents it replaces or
/// was digitized from are (a row may also name one further down the file: such rows wait for
/// the end of the file). Diagnostics are those `DocumentRegistrar.importCSV` has always given;
/// when they reject the file, the sequence's last step throws `DocumentImportError` and the
/// store rolls back whatever was written.
///
/// The store's side is asynchronous (`batches(_:)`): waiting for the reading thread, it
/// suspends on a continuation the reading thread resumes, and holds no thread.
final class CSVDocumentBatches: @unchecked Sendable { // shared state is behind `condition`, see below
    /// Rows that passed their checks, in file order.
    struct Batch {
        var documents: [NewDocument] = []
        var lines: [Int] = []
        /// The positions of the rows that name (replaces, digitized_from) a reference not
        /// earlier in the file.
        var namingOthers: [Int] = []

        var count: Int { documents.count }
    }

    /// Rows per batch, and batches read ahead of the store at most.
    static let batchSize = 2_048
    static let readAhead = 8

    private let csv: CSVStream
    private let checker: DocumentChecker
    private let skipInvalid: Bool
    private let columns: DocumentDraft.Columns
    private let referenceColumn: Int?

    // The reading thread's, until `readingDone` is set under `condition`; then the store's.
    private var lineOfReference: [String: Int] = [:]
    private var readDiagnostics: [Diagnostic] = []
    private var readRejected: [Int] = []

    // Shared, under `condition`.
    private let condition = NSCondition()
    private var ready: [Batch] = []
    /// Batches the store is done with, for the reading thread to release: their strings were
    /// made on that thread, and freeing them there spares the store's thread a cache miss on
    /// each (and glibc's freeing of another thread's memory).
    private var spent: [[NewDocument]] = []
    private var readingDone = false
    /// The store's side, waiting for the next batch (nil once the file is read through).
    private var taker: CheckedContinuation<Batch?, Never>?
    private var rejectedWhileReading = false
    private var stopped = false

    // The store's side only (one step of the sequence at a time).
    private var storeDiagnostics: [Diagnostic] = []
    private var storeRejected: [Int] = []
    private var waiting: [(line: Int, document: NewDocument)] = []
    private var handedOver = 0
    private var finished = false
    /// The documents handed over last, kept until the store asks for more (and so is done
    /// with them).
    private var handedLast: [NewDocument] = []

    /// Once the store is done: every diagnostic, sorted, warnings capped, and the rows left out.
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var rejectedLines: [Int] = []

    /// `warnings` are the header's, reported with the rows'.
    init(csv: CSVStream, checker: DocumentChecker, skipInvalid: Bool, warnings: [Diagnostic]) {
        self.readDiagnostics = warnings
        self.csv = csv
        self.checker = checker
        self.skipInvalid = skipInvalid
        self.columns = DocumentDraft.Columns(csv.header)
        self.referenceColumn = csv.header.index(of: "reference")
    }

    /// Starts reading on a thread of its own.
    func start() {
        let thread = Thread { [self] in read() }
        thread.name = "sablier CSV reader"
        thread.start()
    }

    /// Stops the reading thread if it still runs (the store is done, or failed).
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    // MARK: - The reading thread

    private struct Stopped: Error {}

    private func read() {
        var batch = Batch()
        var rejecting = false
        let header = csv.header
        // One reference per row: the table is sized once, from the length of the first rows.
        lineOfReference.reserveCapacity(csv.estimatedRowCount)
        do {
            let csvError = try csv.forEachRow { (record, shape) throws(Stopped) in
                let line = record.line
                let draft = DocumentDraft(record: record, columns: columns)
                let (checked, problems) = checker.check(draft)
                if let shape { readDiagnostics.appendCapped(shape) }
                for problem in problems {
                    let location = csv.location(line: line, column: header.index(of: problem.column))
                    readDiagnostics.appendCapped(Diagnostic(problem.isWarning ? .warning : .error, at: location, "column \(problem.column): \(problem.message)",
                                                     field: problem.column, code: problem.code, values: problem.values))
                }
                guard var document = checked, shape?.severity != .error else {
                    readRejected.append(line)
                    rejecting = true
                    return
                }
                let reference = document.document.reference
                // One lookup for the usual case, a reference not seen before.
                if let first = lineOfReference.updateValue(line, forKey: reference) {
                    lineOfReference[reference] = first
                    let values = ["reference": reference, "first": String(first)]
                    readDiagnostics.appendCapped(Diagnostic(.error, at: csv.location(line: line, column: referenceColumn),
                                                      "column reference: " + DiagnosticCode.repeatedInFile.english(values), field: "reference",
                                                      code: DiagnosticCode.repeatedInFile.rawValue, values: values))
                    readRejected.append(line)
                    rejecting = true
                    return
                }
                if !document.events.isEmpty { document.events = document.events.map { var event = $0; event.by = checker.actor; return event } }
                if let other = document.document.replaces, lineOfReference[other] == nil {
                    batch.namingOthers.append(batch.count)
                } else if let other = document.document.digitizedFrom, lineOfReference[other] == nil {
                    batch.namingOthers.append(batch.count)
                }
                batch.documents.append(document)
                batch.lines.append(line)
                if batch.count == Self.batchSize {
                    try hand(batch, rejecting: rejecting)
                    batch = Batch()
                }
            }
            if let csvError {
                // A record that does not read ends the file there: the record counts as rejected,
                // so the whole file is refused unless --skip-invalid keeps the rows before it.
                readDiagnostics.appendCapped(csvError)
                readRejected.append(csvError.location.line)
            }
            try hand(batch, rejecting: rejecting)
        } catch {
            // Stopped: the store is done with this file.
        }
        condition.lock()
        readingDone = true
        // Waiting, the store's side had every batch: it learns there are no more.
        let taker = self.taker
        self.taker = nil
        condition.broadcast()
        condition.unlock()
        taker?.resume(returning: nil)
    }

    /// Queues a batch for the store (straight to it when it waits), waiting while it is far
    /// enough ahead.
    private func hand(_ batch: Batch, rejecting: Bool) throws(Stopped) {
        condition.lock()
        rejectedWhileReading = rejectedWhileReading || rejecting
        while ready.count >= Self.readAhead && !stopped { condition.wait() }
        if stopped {
            condition.unlock()
            throw Stopped()
        }
        if batch.count > 0 { ready.append(batch) }
        var taker: CheckedContinuation<Batch?, Never>?
        var taken: Batch?
        if self.taker != nil && !ready.isEmpty {
            taker = self.taker
            self.taker = nil
            taken = ready.removeFirst()
        }
        let spent = self.spent
        self.spent = []
        condition.unlock()
        taker?.resume(returning: taken)
        // Released here, outside the lock.
        _ = consume spent
    }

    // MARK: - The store's side

    /// The batches for `RegisterStore.registerDocuments(visibility:by:at:from:)`, each step
    /// asking `registered` what the register held before.
    func batches(_ registered: RegisteredBefore) -> AsyncThrowingStream<[NewDocument], any Error> {
        AsyncThrowingStream(unfolding: { [self] in try await next(registered) })
    }

    private func next(_ registered: RegisteredBefore) async throws -> [NewDocument]? {
        guard !finished else { return nil }
        while let batch = await take() {
            let documents = try await accept(batch, registered)
            if !documents.isEmpty {
                handedLast = documents
                return documents
            }
        }
        return try await finish(registered)
    }

    /// The next batch read, awaiting it; nil once the file is read through.
    private func take() async -> Batch? {
        await withCheckedContinuation { taker in
            condition.lock()
            if !handedLast.isEmpty {
                spent.append(handedLast)
                handedLast = []
            }
            if !ready.isEmpty || readingDone {
                let batch = ready.isEmpty ? nil : ready.removeFirst()
                condition.broadcast()
                condition.unlock()
                taker.resume(returning: batch)
            } else {
                // Resumed by the reading thread with its next batch, or nil at the end.
                self.taker = taker
                condition.broadcast()
                condition.unlock()
            }
        }
    }

    /// Whether the file is already rejected (unless rows are skipped): nothing more is written.
    private var rejecting: Bool {
        guard !skipInvalid else { return false }
        if !storeRejected.isEmpty { return true }
        condition.lock()
        defer { condition.unlock() }
        return rejectedWhileReading
    }

    /// The rows of a batch the register does not refuse.
    private func accept(_ batch: Batch, _ registered: RegisteredBefore) async throws -> [NewDocument] {
        // A first load names nothing registered: the batch goes as read.
        if registered.isEmpty && batch.namingOthers.isEmpty {
            guard !rejecting else { return [] }
            handedOver += batch.count
            return batch.documents
        }
        let already = try await registered(batch.documents.map(\.document.reference))
        let named = batch.namingOthers.flatMap { [batch.documents[$0].document.replaces, batch.documents[$0].document.digitizedFrom].compactMap { $0 } }
        let namedRegistered = try await registered(named)
        var waits = Set<Int>()
        for position in batch.namingOthers {
            let document = batch.documents[position].document
            // Named further down the file, or nowhere: decided once the file is read.
            if [document.replaces, document.digitizedFrom].contains(where: { $0.map { !namedRegistered.contains($0) } ?? false }) {
                waits.insert(position)
            }
        }
        var documents: [NewDocument] = []
        documents.reserveCapacity(batch.count)
        for (position, new) in batch.documents.enumerated() {
            let reference = new.document.reference
            if already.contains(reference) {
                let values = ["reference": reference]
                storeDiagnostics.appendCapped(Diagnostic(.error, at: csv.location(line: batch.lines[position], column: referenceColumn),
                                                   "column reference: " + DiagnosticCode.alreadyInRegister.english(values), field: "reference",
                                                   code: DiagnosticCode.alreadyInRegister.rawValue, values: values))
                storeRejected.append(batch.lines[position])
            } else if waits.contains(position) {
                waiting.append((batch.lines[position], new))
            } else {
                documents.append(new)
            }
        }
        // A rejected file is still read to the end, for every diagnostic, but not written.
        guard !rejecting else { return [] }
        handedOver += documents.count
        return documents
    }

    /// The rows that waited for the end of the file, and the verdict on the file.
    private func finish(_ registered: RegisteredBefore) async throws -> [NewDocument]? {
        finished = true
        var documents: [NewDocument] = []
        var rejected = readRejected + storeRejected
        var late: [Diagnostic] = []
        for row in waiting {
            let document = row.document.document
            var missing: [(String, String)] = []
            if let r = document.replaces, lineOfReference[r] == nil, try await registered([r]).isEmpty { missing.append(("replaces", r)) }
            if let o = document.digitizedFrom, lineOfReference[o] == nil, try await registered([o]).isEmpty { missing.append(("digitized_from", o)) }
            guard !missing.isEmpty else {
                documents.append(row.document)
                continue
            }
            for (column, reference) in missing {
                let values = ["reference": reference]
                late.appendCapped(Diagnostic(.error, at: csv.location(line: row.line, column: csv.header.index(of: column)),
                                       "column \(column): " + DiagnosticCode.referenceNowhere.english(values), field: column,
                                       code: DiagnosticCode.referenceNowhere.rawValue, values: values))
            }
            rejected.append(row.line)
        }
        // Each list holds at most twice the file's limit (`appendCapped`): a million bad rows
        // cost a million counts, not a million kept diagnostics.
        let all = readDiagnostics + storeDiagnostics + late
        diagnostics = DocumentRegistrar.capWarnings(all.sortedByLocation.capped())
        rejectedLines = rejected.sorted()
        if !rejected.isEmpty && !skipInvalid || handedOver + documents.count == 0 && diagnostics.hasErrors {
            throw DocumentImportError(file: csv.file, diagnostics: diagnostics)
        }
        handedOver += documents.count
        return documents
    }
}

extension DocumentDraft {
    /// The draft of a CSV row seen in place: a string is made only for the register's columns.
    init(record: borrowing CSVRecordView, columns: Columns) {
        self.init()
        for (slot, index) in columns.indexes.enumerated() {
            guard let index, index < record.count, !record.isEmpty(field: index) else { continue }
            let value = record[index]
            switch slot {
            case 0: reference = value
            case 1: title = value
            case 2: rule = value
            case 3: copy = value
            case 4: support = value
            case 5: holder = value
            case 6: opened = value
            case 7: closed = value
            case 8: path = value
            case 9: location = value
            case 10: building = value
            case 11: room = value
            case 12: shelving = value
            case 13: box = value
            case 14: event = value
            case 15: eventDate = value
            case 16: replaces = value
            case 17: digitizedFrom = value
            case 18: identifiers = value
            default: transferred = value
            }
        }
    }
}
