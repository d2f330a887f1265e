public import Foundation
public import SablierCore

/// What the application needs to keep the anonymised copies of documents confirmed with the
/// measure `anonymiser` (Access Act, s. 73) and the AIPRP officer's sign-off of each.
///
/// The copy's file is written by the caller before the store is asked (I/O stays at the edge);
/// the store then registers the copy, records the original's `anonymized` event, keeps the copy
/// and appends the audit entry in ONE transaction, applying the Core's rules inside it
/// (`DocumentPrivacy.checkAnonymizable`, `Anonymization.signedOff`). A refusal throws the
/// `Refusal` and changes nothing; a storage failure throws `StoreError`.
public protocol AnonymizationStore: PrivacyStore {
    /// The copy made of `original`, signed off or not; nil when none was made.
    /// `document.not-found` for an unknown reference.
    func anonymization(of original: String) async throws -> Anonymization?

    /// The copies made of any of `originals`, by original: read once for a disposition list.
    func anonymizations(of originals: [String]) async throws -> [String: Anonymization]

    /// What decides where a copy may be placed (`DocumentPrivacy.anonymizationPlacement`): whether
    /// `rule` is one of the calendar in force, the known units that are `holder` up to case and
    /// spaces (holding a document or a user's), and which of `copyReference` and the `ANON-N` are
    /// taken. Read by the application before the copy is written.
    func anonymizationPlacementFacts(rule: String, holder: String, copyReference: String?) async throws -> AnonymizationPlacementFacts

    /// Records the copy of `made.original`: registers `copy` under its reference, rule and holder
    /// as `DocumentPrivacy.anonymizationPlacement` decides them again inside the transaction (the
    /// holder spelled as the register knows it; refused as it refuses: a rule no longer in force,
    /// a reference taken since, …), appends the original's `anonymized` event naming the copy,
    /// keeps the copy and audits `privacy.anonymize`. Returns what was kept.
    @discardableResult
    func recordAnonymization(_ made: Anonymization, copy: Document, by actor: String, at instant: Date) async throws -> Anonymization

    /// Records the AIPRP officer's sign-off of the copy of `original` as its file is now
    /// (`currentSHA256`, nil when gone or unreadable; corrected by hand when it differs from the
    /// one made), audited as `privacy.anonymize-sign-off` with how many findings that flag the
    /// copy still held when read again (`flaggingFindings`). In the same transaction, the copy
    /// waiting in the review queue gets the officer's review of its content (dismissed: « copie
    /// anonymisée vérifiée »), so it leaves the queue. `privacy.no-anonymized-copy` without a
    /// copy, else refused as `Anonymization.signedOff` refuses.
    @discardableResult
    func signOffAnonymization(of original: String, currentSHA256: String?, flaggingFindings: Int, note: String, by actor: String,
                              at instant: Date) async throws -> Anonymization
}
