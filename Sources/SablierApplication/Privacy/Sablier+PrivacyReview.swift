public import SablierCore
import SablierStore

extension Sablier {
    /// The documents waiting for the AIPRP officer, most sensitive first; with
    /// `includingDecided`, those already reviewed too. Destroyed documents are left out.
    ///
    /// `privacy.review` is the AIPRP officer's, organisation-wide: the queue is whole for
    /// them. Visibility is applied all the same, so that a reader the matrix may one day
    /// scope sees only what they may, with the rest counted as withheld.
    public func privacyQueue(_ session: Session, includingDecided: Bool = false) async throws(Refusal) -> PrivacyQueueResult {
        let access = try await authorize(session, .reviewPrivacy, "privacy queue")
        let visibility = try await visibility(access)
        let documents = try await attempt { try await store.privacyQueue(includingDecided: includingDecided) }
        let visible = documents.filter { visibility.allows($0.reference, holder: $0.holder) }
        return PrivacyQueueResult(entries: visible.map(PrivacyEntry.init), pending: visible.filter(\.isPending).count,
                                  withheld: documents.count - visible.count)
    }

    /// One document for the AIPRP officer: its rule's flag, its last scan with every finding
    /// masked, its reviews, and its status (a destroyed document never reviewed says so).
    /// A document the reader may not see answers as one that is not registered.
    public func privacyShow(_ session: Session, _ reference: String) async throws(Refusal) -> PrivacyEntry {
        let access = try await authorize(session, .reviewPrivacy, "privacy show")
        _ = try await visibleDocument(reference, visibility(access), useCase: "privacy show")
        var entry = PrivacyEntry(try await attempt { try await store.documentPrivacy(reference) })
        entry.anonymizedCopy = try await attempt { try await store.anonymization(of: reference) }.map { AnonymizationResult($0, detectorsVersion: nil) }
        return entry
    }

    /// Records the AIPRP officer's decision on a flagged document: it holds personal
    /// information (`confirm`: it becomes confidential, and its measure, by default its rule's,
    /// applies at the end of retention) or not (`dismiss`).
    ///
    /// The decision is evidence under the Access Act: the store writes it and its audit entry
    /// in one transaction. A refusal (`DocumentPrivacy.review`'s rules) changes nothing and is
    /// audited.
    public func reviewPrivacy(_ session: Session, _ reference: String, decision: PrivacyDecision,
                              measure: PersonalInformationMeasure? = nil, note: String) async throws(Refusal) -> PrivacyReview {
        let useCase = "privacy review"
        let access = try await authorize(session, .reviewPrivacy, useCase)
        _ = try await visibleDocument(reference, visibility(access), useCase: useCase)
        return try await auditingRefusals(by: session.user.name, useCase: useCase,
                                          details: ["reference": reference, "decision": decision.rawValue]) {
            // Checked before the store is asked, so that a bad note never reaches a transaction.
            _ = try Refusal.requireText(note, "note")
            return try await store.recordPrivacyReview(reference, decision: decision, measure: measure, note: note,
                                                       by: session.user.name, at: clock.now)
        }
    }
}
