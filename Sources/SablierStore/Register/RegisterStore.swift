public import Foundation
public import SablierCore

/// What the application needs to keep the register: documents and their boxes, their
/// life-cycle events, open-period confirmations, holds, and the due list.
///
/// Every write is one transaction, and recounts the retention of the documents it touches
/// under the calendar in force (see `RetentionContext`), so that `dueDocuments` is a range
/// query. Events are appended, never edited. Every method throws `StoreError` only. It says
/// where the register may read files (`FileRootStore`), since every reader of files needs it.
public protocol RegisterStore: CalendarStore, FileRootStore {
    /// Registers documents in ONE transaction: all of them or none. A reference already
    /// registered, or repeated, is refused (`refused`); a `replaces` reference must be
    /// registered (or come earlier in `documents`) and receives a `replaced` event.
    /// Returns how many were registered.
    @discardableResult
    func registerDocuments(_ documents: [NewDocument], by actor: String, at instant: Date) async throws -> Int
    /// Registers the documents of the batches `batches` makes, in ONE transaction, asking for
    /// the next batch while earlier ones are written: a large import never holds every
    /// document at once. `batches` is handed the "registered before" lookup, answered inside
    /// the transaction. The same rules as `registerDocuments(_:by:at:)` apply to all of them
    /// together; an error the sequence throws rolls everything back and reaches the caller
    /// unchanged. `visibility` is what the person registering may see (nil: everything): a
    /// document they may not see (another unit's, a confidential one) named by `replaces` or
    /// `digitized_from` is refused exactly as one that is not registered.
    @discardableResult
    func registerDocuments<Batches: AsyncSequence<[NewDocument], any Error> & SendableMetatype>(
        visibility: Visibility?, by actor: String, at instant: Date, from batches: @Sendable (RegisteredBefore) -> Batches
    ) async throws -> Int
    /// Which of `references` are already registered.
    func registeredReferences(among references: [String]) async throws -> Set<String>
    func document(_ reference: String) async throws -> RegisteredDocument?
    /// The documents `query` matches (all when nil), by reference, at most `limit`.
    func documents(matching query: DocumentQuery?, limit: Int?) async throws -> [RegisteredDocument]
    /// The document's events, in the order they were recorded.
    func events(of reference: String) async throws -> [RecordedEvent]
    /// Appends an event and recounts the document. Refused by `LifecycleEvent.checkRecordable`
    /// (today being the day of `instant`): on a document destroyed or deposited, for kinds only
    /// the register writes (holds, an approved disposition list's execution, the commands that
    /// make a change), after today, or when the document already has that event.
    @discardableResult
    func appendEvent(_ event: LifecycleEvent, to reference: String, at instant: Date) async throws -> RecordedEvent

    func addBox(_ box: Box, by actor: String, at instant: Date) async throws
    func box(_ code: String) async throws -> Box?
    func boxes() async throws -> [Box]

    /// Records the event that ends a rule's open (888) period for one copy, replacing an
    /// earlier confirmation, and recounts the rule's documents.
    func confirmOpenPeriod(_ confirmation: OpenPeriodConfirmation) async throws
    func openPeriodConfirmations() async throws -> [OpenPeriodConfirmation]

    /// Places a hold on the documents of `scope` (a rule hold also covers documents registered
    /// later) and records a `hold-placed` event on each. Refused when it covers nothing.
    func placeHold(_ scope: Hold.Scope, reason: String, by actor: String, at instant: Date) async throws -> Hold
    /// Releases a hold and records `hold-released` on each document it covered.
    func releaseHold(_ id: Int, reason: String, by actor: String, at instant: Date) async throws -> Hold
    func holds(includingReleased: Bool) async throws -> [Hold]

    /// The documents with an action due on `date` (optionally only `action`), by due date then
    /// reference: one range scan of the due index.
    func dueDocuments(asOf date: CivilDate, action: DueAction?) async throws -> [DueDocument]
    /// The same documents, in the same order, handed to `body` one at a time as the index is
    /// read: a listing written as it goes never holds them all.
    func forEachDueDocument(asOf date: CivilDate, action: DueAction?, _ body: @escaping @Sendable (DueDocument) throws -> Void) async throws
    /// The documents whose count waits (an 888 event, a replacement, a confirmation, a rule
    /// missing from the calendar in force), by reference.
    func waitingDocuments() async throws -> [WaitingDocument]
}

/// Which of some references the register held before the registration in progress began:
/// handed to the batches of `RegisterStore.registerDocuments(visibility:by:at:from:)`, and
/// answered inside the store's transaction. Asynchronous, so that a source waiting for the
/// answer holds no thread (the store may have to finish writing an earlier batch first).
public struct RegisteredBefore: Sendable {
    /// True when the register held no document: every answer is then empty.
    public let isEmpty: Bool
    private let lookup: @Sendable ([String]) async throws -> Set<String>

    public init(isEmpty: Bool, _ lookup: @escaping @Sendable ([String]) async throws -> Set<String>) {
        self.isEmpty = isEmpty
        self.lookup = lookup
    }

    public func callAsFunction(_ references: [String]) async throws -> Set<String> {
        isEmpty || references.isEmpty ? [] : try await lookup(references)
    }
}

extension AsyncThrowingStream where Element == [NewDocument], Failure == any Error {
    /// One batch of documents as a sequence, for `registerDocuments(visibility:by:at:from:)`.
    public static func one(_ documents: [NewDocument]) -> Self {
        AsyncThrowingStream { continuation in
            continuation.yield(documents)
            continuation.finish()
        }
    }
}
