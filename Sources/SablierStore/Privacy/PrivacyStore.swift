public import Foundation
public import SablierCore

/// What the application needs to keep personal-information findings and the AIPRP officer's
/// review queue. Scans are stored per content (SHA-256); a document points at the content of
/// its file last scanned. Reviews and rule confirmations are appended, never edited. Every
/// write is one transaction; every method throws `StoreError` only.
public protocol PrivacyStore: RegisterStore {
    /// The organisation's public identifiers (s. 57), by kind then value.
    func publicIdentifiers() async throws -> [PublicIdentifier]
    /// Adds one; refused when it is already there.
    func addPublicIdentifier(_ identifier: PublicIdentifier) async throws
    /// Removes one; false when there was none.
    func removePublicIdentifier(kind: PublicIdentifier.Kind, value: String) async throws -> Bool

    /// The stored scan of a content, with its findings.
    func contentScan(sha256: String) async throws -> ContentScan?
    /// Stores (or replaces) a content's scan and points `reference`'s document at it, in one
    /// transaction. `reference` nil stores the content's scan alone.
    func recordScan(_ scan: ContentScan, document reference: String?, path: String, by actor: String, at instant: Date) async throws
    /// Points a document at a content already scanned (its file did not change, or is a copy).
    func linkScan(sha256: String, document reference: String, path: String, by actor: String, at instant: Date) async throws
    /// The content each document was last scanned as: reference → SHA-256.
    func scannedContents() async throws -> [String: String]
    /// The registered documents whose file is at one of `paths` (absolute): path → reference.
    func documents(atPaths paths: [String]) async throws -> [String: String]

    /// Where one document stands; `notFound` for an unknown reference.
    func documentPrivacy(_ reference: String) async throws -> DocumentPrivacy
    /// The documents flagged by their rule or their content (and, with `includingDecided`, those
    /// already reviewed), most sensitive first then by reference; destroyed documents left out.
    func privacyQueue(includingDecided: Bool) async throws -> [DocumentPrivacy]
    /// The references of the documents whose latest review confirmed personal information:
    /// the confidential ones, which only their holder unit and the AIPRP officer see. One query,
    /// read by every listing. A confirmed document whose content changed since stays confidential
    /// until a new review says otherwise.
    func confidentialReferences() async throws -> Set<String>
    /// The documents the AIPRP officer reviewed at least once, whatever the decision.
    func reviewedReferences() async throws -> Set<String>
    /// Records the AIPRP officer's decision on the document's current content. Refused for a
    /// document nothing flags, a confirmation without a measure (none given, none in its rule),
    /// a dismissal with one, or an empty note.
    @discardableResult
    func recordPrivacyReview(_ reference: String, decision: PrivacyDecision, measure: PersonalInformationMeasure?, note: String,
                             by actor: String, at instant: Date) async throws -> PrivacyReview

    /// Every rule of the calendar in force with what the calendar and the records manager say.
    func rulePrivacy() async throws -> [RulePrivacy]
    /// Confirms or corrects a rule; refused for a rule not in the calendar in force.
    func confirmRulePrivacy(rule: String, personalInformation: Bool, measure: PersonalInformationMeasure?, note: String?,
                            by actor: String, at instant: Date) async throws -> RulePrivacyConfirmation
}
