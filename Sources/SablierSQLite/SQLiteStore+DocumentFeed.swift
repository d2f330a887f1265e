import Foundation
import SablierCore
import SablierStore
import Synchronization

extension SQLiteStore {
    /// Documents handed to the register's synchronous write (`register(_:visibility:by:at:_:)`),
    /// on GRDB's writer thread, one batch at a time.
    protocol RegistrationFeed: Sendable {
        /// Called once, in the transaction, before the first `next`: whether the register
        /// held no document.
        func begin(isEmpty: Bool)
        /// The next documents, with each one's status when it was counted before (nil where
        /// not, nil for all when none were), or nil when there are no more. `lookup` answers,
        /// inside the transaction, which references were registered before.
        func next(_ lookup: ([String]) throws -> Set<String>) throws -> (documents: [NewDocument], counted: [RetentionStatus?]?)?
        /// The store's counter, handed over again each time it has read more rules.
        func count(with counter: RetentionCounter)
        /// The store is done, its transaction committed or rolled back (or never begun).
        func close()
    }

    /// The documents of one call, all at once: `registerDocuments(_:by:at:)`, an anonymized copy.
    final class DocumentArray: RegistrationFeed {
        // Written at creation, taken once by the store's transaction on its one thread.
        nonisolated(unsafe) private var documents: [NewDocument]?

        init(_ documents: [NewDocument]) { self.documents = documents }

        func begin(isEmpty: Bool) {}

        func next(_ lookup: ([String]) throws -> Set<String>) throws -> (documents: [NewDocument], counted: [RetentionStatus?]?)? {
            defer { documents = nil }
            return documents.map { ($0, nil) }
        }

        func count(with counter: RetentionCounter) {}

        func close() {}
    }

    /// The batches of an `AsyncSequence`, iterated by the caller's task (`pump`) and handed to
    /// the writer thread through a `WriterHandOff`; the "registered before" lookups the
    /// sequence makes travel the same way and are answered between two batches.
    ///
    /// The pumping task also counts each batch's documents with the newest counter the writer
    /// handed over, before queueing it: SQLite's one thread then only writes their statuses,
    /// and counting overlaps writing (an SQLite detail; PostgreSQL counts in its transaction).
    final class DocumentFeed: RegistrationFeed {
        enum Item: Sendable {
            case batch([NewDocument], counted: [RetentionStatus?]?)
            case lookup([String], CheckedContinuation<Set<String>, any Error>)
            case end
            case failure(any Error)
        }

        /// Batches queued ahead of the writer at most.
        static let readAhead = 4

        private let handOff = WriterHandOff<Item>(capacity: readAhead)
        /// Whether the register was empty, once the transaction said; or who waits for it.
        private let started = Mutex<(isEmpty: Bool?, waiter: CheckedContinuation<Bool, any Error>?, closed: Bool)>((nil, nil, false))
        /// The writer's newest counter, and how many it handed over.
        private let sharedCounter = Mutex<(counter: RetentionCounter?, generation: Int)>((nil, 0))

        // MARK: The writer thread

        func begin(isEmpty: Bool) {
            let waiter = started.withLock { state in
                state.isEmpty = isEmpty
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(returning: isEmpty)
        }

        func next(_ lookup: ([String]) throws -> Set<String>) throws -> (documents: [NewDocument], counted: [RetentionStatus?]?)? {
            while true {
                switch handOff.take() {
                case .batch(let documents, let counted):
                    return (documents, counted)
                case .lookup(let references, let answer):
                    do {
                        answer.resume(returning: try lookup(references))
                    } catch {
                        answer.resume(throwing: error)
                    }
                case .end:
                    return nil
                case .failure(let error):
                    throw error
                }
            }
        }

        func count(with counter: RetentionCounter) {
            sharedCounter.withLock { $0 = (counter, $0.generation + 1) }
        }

        /// The writer is done (committed or failed, or never began): the pumping task stops at
        /// its next step.
        func close() {
            let waiter = started.withLock { state in
                state.closed = true
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(throwing: WriterHandOff<Item>.Closed())
            for case .lookup(_, let answer) in handOff.close() {
                answer.resume(throwing: WriterHandOff<Item>.Closed())
            }
        }

        // MARK: The caller's task

        /// Iterates the sequence `batches` makes, handing each batch to the writer, then its
        /// end or the error it threw (the writer rethrows it). Returns once the writer has the
        /// last of it, or is gone.
        func pump<Batches: AsyncSequence<[NewDocument], any Error> & SendableMetatype>(_ batches: @Sendable (RegisteredBefore) -> Batches) async {
            do {
                let isEmpty = try await begun()
                let registered = RegisteredBefore(isEmpty: isEmpty) { [self] references in try await lookup(references) }
                var counter: RetentionCounter?
                var generation = 0
                for try await batch in batches(registered) {
                    let counted = count(batch, &counter, &generation)
                    try await handOff.put(.batch(batch, counted: counted))
                }
                try await handOff.put(.end)
            } catch is WriterHandOff<Item>.Closed {
                // The writer failed: its own error is the one the caller gets.
            } catch let error as DatabaseFailure {
                // A lookup's failure the sequence passed on: the database's, not the source's.
                try? await handOff.put(.failure(error.error))
            } catch {
                try? await handOff.put(.failure(SourceFailure(error: error)))
            }
        }

        /// A failure of a lookup, as the writer threw it.
        private struct DatabaseFailure: Error {
            let error: any Error
        }

        /// Whether the register was empty when the transaction began, waiting for it.
        private func begun() async throws -> Bool {
            if let isEmpty = started.withLock({ $0.isEmpty }) { return isEmpty }
            return try await withCheckedThrowingContinuation { waiter in
                let ready: Result<Bool, any Error>? = started.withLock { state in
                    if let isEmpty = state.isEmpty { return .success(isEmpty) }
                    if state.closed { return .failure(WriterHandOff<Item>.Closed()) }
                    state.waiter = waiter
                    return nil
                }
                if let ready { waiter.resume(with: ready) }
            }
        }

        /// Which of `references` were registered before, asked of the writer between batches.
        private func lookup(_ references: [String]) async throws -> Set<String> {
            do {
                return try await withCheckedThrowingContinuation { answer in
                    do {
                        try handOff.putNow(.lookup(references, answer))
                    } catch {
                        answer.resume(throwing: error)
                    }
                }
            } catch let closed as WriterHandOff<Item>.Closed {
                throw closed
            } catch {
                throw DatabaseFailure(error: error)
            }
        }

        /// Each document's status under the writer's newest counter (nil for a rule it has
        /// not read yet: the writer reads the rule and counts the document itself).
        private func count(_ batch: [NewDocument], _ counter: inout RetentionCounter?, _ generation: inout Int) -> [RetentionStatus?]? {
            let newest = sharedCounter.withLock { shared in shared.generation != generation ? shared : nil }
            if let newest {
                counter = newest.counter
                generation = newest.generation
            }
            guard var counting = counter, !batch.isEmpty else { return nil }
            // Let go of the kept copy while counting, so `counting` alone holds it and adds the
            // cases it learns in place.
            counter = nil
            var statuses: [RetentionStatus?] = []
            statuses.reserveCapacity(batch.count)
            batch.withUnsafeBufferPointer { documents in
                for index in documents.indices {
                    let new = documents.baseAddress! + index
                    guard counting.hasRule(new.pointee.document.rule) else {
                        statuses.append(nil)
                        continue
                    }
                    if new.pointee.events.isEmpty {
                        statuses.append(counting.status(rule: new.pointee.document.rule, copy: new.pointee.document.copy,
                                                        openedOn: new.pointee.document.openedOn, closedOn: new.pointee.document.closedOn))
                    } else {
                        statuses.append(counting.status(of: new.pointee.document, events: new.pointee.events, held: false))
                    }
                }
            }
            counter = counting
            return statuses
        }
    }
}
