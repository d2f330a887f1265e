public import Foundation
public import SablierCore

/// What the application needs to keep personal-information findings and the AIPRP officer's
/// review queue. Scans are stored per content (SHA-256); a document points at the content of
/// its file last scanned. Reviews and rule confirmations are appended, never edited. Every
/// write is one transaction holding its audit entry: the AIPRP officer's decisions are
/// evidence under the Access Act. A write the domain refuses throws the `Refusal` (the rules
/// are `SablierCore`'s: `DocumentPrivacy.review`, `RulePrivacyConfirmation.confirm`); a
/// storage failure throws `StoreError`.
public protocol PrivacyStore: RegisterStore {
    /// The organisation's public identifiers (s. 57), by kind then value.
    func publicIdentifiers() async throws -> [PublicIdentifier]
    /// Adds them all or none, in one transaction holding an audit entry for each (as its
    /// `addedBy` at its `addedAt`): the AIPRP officer confirms a letterhead as a whole, and a
    /// half-declared one would leave scans reporting the rest. `privacy.public-exists`, naming
    /// the first already there, and nothing added, when one of them is.
    func addPublicIdentifiers(_ identifiers: [PublicIdentifier]) async throws
    /// Removes one, audited; `privacy.public-not-found` when there was none.
    func removePublicIdentifier(kind: PublicIdentifier.Kind, value: String, by actor: String, at instant: Date) async throws

    /// The stored scan of a content, with its findings.
    func contentScan(sha256: String) async throws -> ContentScan?
    /// Stores (or replaces) a content's scan and points `reference`'s document at it, in one
    /// transaction with its audit entry. `reference` nil stores the content's scan alone.
    func recordScan(_ scan: ContentScan, document reference: String?, path: String, by actor: String, at instant: Date) async throws
    /// Points a document at a content already scanned (its file did not change, or is a copy).
    func linkScan(sha256: String, document reference: String, path: String, by actor: String, at instant: Date) async throws
    /// The content each document was last scanned as: reference → SHA-256.
    func scannedContents() async throws -> [String: String]
    /// The registered documents whose file is at one of `paths` (absolute): path → reference.
    func documents(atPaths paths: [String]) async throws -> [String: String]

    /// Where one document stands; `document.not-found` for an unknown reference.
    func documentPrivacy(_ reference: String) async throws -> DocumentPrivacy
    /// The documents flagged by their rule or their content (and, with `includingDecided`, those
    /// already reviewed), most sensitive first then by reference; destroyed documents left out,
    /// reviewed or not (`privacy show` says a destroyed one was never reviewed).
    func privacyQueue(includingDecided: Bool) async throws -> [DocumentPrivacy]
    /// The references of the documents whose latest review confirmed personal information:
    /// the confidential ones, which only their holder unit and the AIPRP officer see. One query,
    /// read by every listing. A confirmed document whose content changed since stays confidential
    /// until a new review says otherwise.
    func confidentialReferences() async throws -> Set<String>
    /// The documents the AIPRP officer reviewed at least once, whatever the decision.
    func reviewedReferences() async throws -> Set<String>
    /// Records the AIPRP officer's decision on the document's current content, with its audit
    /// entry, as `DocumentPrivacy.review` allows it (which refuses a destroyed document, one
    /// nothing flags, a confirmation without a measure, a dismissal with one, an empty note).
    @discardableResult
    func recordPrivacyReview(_ reference: String, decision: PrivacyDecision, measure: PersonalInformationMeasure?, note: String,
                             by actor: String, at instant: Date) async throws -> PrivacyReview

    /// Every rule of the calendar in force with what the calendar and the records manager say.
    func rulePrivacy() async throws -> [RulePrivacy]
    /// Confirms or corrects a rule, with its audit entry; `calendar.none` without a calendar,
    /// `calendar.no-such-rule` for a rule not in the calendar in force.
    func confirmRulePrivacy(rule: String, personalInformation: Bool, measure: PersonalInformationMeasure?, note: String?,
                            by actor: String, at instant: Date) async throws -> RulePrivacyConfirmation

    // MARK: The register's shared scan (`privacy scan --all --worker`)

    /// Starts a shared scan of every document with a file that is not destroyed, audited
    /// `privacy.scan-run.start`; or returns the run already open, which a worker starting while
    /// others run joins (one run is open at a time).
    func startScanRun(forced: Bool, by actor: String, at instant: Date) async throws -> PrivacyScanRun
    /// Claims for `worker`, until `expiry`, up to `limit` documents of `run` that are not done and
    /// that no worker holds at `instant` (never claimed, given back, or whose claim expired),
    /// leaving out `excluded`. References, in the register's order. Workers claiming at once
    /// never get the same document.
    func claimScanDocuments(run: Int, worker: String, limit: Int, until expiry: Date, excluding excluded: Set<String>,
                            at instant: Date) async throws -> [String]
    /// Extends `worker`'s claims on `run` not done until `expiry`; the references it still holds
    /// (a claim that expired and was taken by another worker is no longer its).
    func renewScanClaims(run: Int, worker: String, until expiry: Date) async throws -> Set<String>
    /// Marks a document of `run` done, when `worker` holds it; false otherwise (done already, or
    /// taken by another worker once its claim expired).
    func completeScanClaim(run: Int, reference: String, worker: String, at instant: Date) async throws -> Bool
    /// Gives a claim back (a document the worker may not see), for another worker to take.
    func releaseScanClaim(run: Int, reference: String, worker: String) async throws
    /// How many documents of `run` are done, and held by a worker at `instant`.
    func scanRunProgress(run: Int, at instant: Date) async throws -> PrivacyScanRunProgress
    /// Finishes `run` once every document is done, audited `privacy.scan-run.finish`; false
    /// when some are not, or it was finished already.
    func finishScanRun(run: Int, by actor: String, at instant: Date) async throws -> Bool
}

extension PrivacyStore {
    /// Adds one public identifier: `addPublicIdentifiers` with one.
    public func addPublicIdentifier(_ identifier: PublicIdentifier) async throws {
        try await addPublicIdentifiers([identifier])
    }
}
