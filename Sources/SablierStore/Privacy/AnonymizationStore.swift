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

    /// Records the copy of `made.original`: registers `copy` (its reference is the first free
    /// one of `Anonymization.copyReference`, whatever `copy.reference` says) under a rule that
    /// must be one of the calendar in force (`privacy.anonymize-rule-not-in-force`) and a holder
    /// that must be a known unit — one holding a document or one of a user
    /// (`privacy.anonymize-unknown-holder`) — appends the original's `anonymized` event naming
    /// the copy, keeps the copy and audits `privacy.anonymize`. Refused as
    /// `DocumentPrivacy.checkAnonymizable` refuses. Returns what was kept, with the copy's reference.
    @discardableResult
    func recordAnonymization(_ made: Anonymization, copy: Document, by actor: String, at instant: Date) async throws -> Anonymization

    /// Records the AIPRP officer's sign-off of the copy of `original`, given the SHA-256 its file
    /// has now (nil when gone or unreadable), audited as `privacy.anonymize-sign-off`:
    /// `privacy.no-anonymized-copy` without a copy, else refused as `Anonymization.signedOff` refuses.
    @discardableResult
    func signOffAnonymization(of original: String, currentSHA256: String?, note: String, by actor: String,
                              at instant: Date) async throws -> Anonymization
}
