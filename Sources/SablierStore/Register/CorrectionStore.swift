public import Foundation
public import SablierCore

/// What the application needs to correct registered documents and move them to another rule:
/// each change is one transaction that appends the document's event (old and new values),
/// recounts its retention and appends its audit entry.
public protocol CorrectionStore: RegisterStore {
    /// Corrects one document: the Core's rule applied to the document as stored, its row
    /// rewritten, a `corrected` event appended (the reason; the old and new values as detail),
    /// the document recounted, and a `document.correct` audit entry, in ONE transaction. A box
    /// that is not registered, or any refusal of the rule, rolls everything back.
    func correctDocument(_ reference: String, _ correction: DocumentCorrection, reason: String,
                         knownSupports: Set<String>, by actor: String, at instant: Date) async throws -> DocumentCorrected

    /// Moves the documents named to the reclassification's rule (and copy) in ONE transaction:
    /// every document checked first (all or nothing), then for each its row, a `reclassified`
    /// event and its recount; ONE `document.reclassify` audit entry holding the count, the
    /// rules left and joined, and `SourceDigest.references` of the references moved.
    func reclassifyDocuments(_ references: [String], _ reclassification: Reclassification, reason: String,
                             by actor: String, at instant: Date) async throws -> [DocumentReclassified]

    /// What `reclassifyDocuments` would do, read in one transaction and written nowhere: the
    /// same checks (refused alike), each document counted under its new rule with its events.
    func previewReclassification(_ references: [String], _ reclassification: Reclassification) async throws -> [DocumentReclassified]
}

/// A document corrected: as it was, as it is now counted, and what changed.
public struct DocumentCorrected: Sendable, Hashable {
    public var before: RegisteredDocument
    public var after: RegisteredDocument
    public var changes: [FieldChange]
    public var event: RecordedEvent

    public init(before: RegisteredDocument, after: RegisteredDocument, changes: [FieldChange], event: RecordedEvent) {
        self.before = before
        self.after = after
        self.changes = changes
        self.event = event
    }
}

/// A document moved to another rule: as it was and as it is now counted.
public struct DocumentReclassified: Sendable, Hashable {
    public var before: RegisteredDocument
    public var after: RegisteredDocument

    public init(before: RegisteredDocument, after: RegisteredDocument) {
        self.before = before
        self.after = after
    }
}
