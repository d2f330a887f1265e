import Foundation
public import SablierCore

/// The privacy tables' rows to and from the domain, and the statements whose text is the same
/// on every backend: each store runs the SQL and hands the cells here, so that a scan, a review,
/// a rule's confirmation or an audit entry's details are built by one rule, whatever the backend
/// (a store copied from SQLite to PostgreSQL must read and audit the same values).
public enum StoredPrivacy {
    // MARK: - Audit targets

    /// The audit target of a public identifier: `public KIND VALUE`.
    public static func auditTarget(_ kind: PublicIdentifier.Kind, _ value: String) -> String {
        "public \(kind.rawValue) \(value)"
    }

    /// The audit target of a document: `document REF`, as the register's own entries.
    public static func auditTarget(document reference: String) -> String {
        "document \(reference)"
    }

    // MARK: - Public identifiers

    /// The columns a public identifier is read from, in the order `publicIdentifier` takes them.
    public static let publicIdentifierColumns = "kind, value, note, added_at, added_by"

    /// A stored public identifier; refused as corrupt when its kind is not one Sablier knows.
    public static func publicIdentifier(kind code: String, value: String, note: String?, addedAt micros: Int,
                                        addedBy: String) throws -> PublicIdentifier {
        guard let kind = PublicIdentifier.Kind(rawValue: code) else { throw CorruptValue("privacy_public_identifier holds kind '\(code)'") }
        return PublicIdentifier(kind: kind, value: value, note: note, addedAt: StoredCode.date(microseconds: micros), addedBy: addedBy)
    }

    // MARK: - Scans

    /// Stores (or replaces) a content's scan: twelve parameters, in `ContentScan`'s order.
    public static let upsertScan = """
        INSERT INTO privacy_scan (sha256, scanner, scanned_at, status, problem, format, text_scalars, flagged, score, summary,
                                  finding_count, truncated)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (sha256) DO UPDATE SET scanner = excluded.scanner, scanned_at = excluded.scanned_at,
            status = excluded.status, problem = excluded.problem, format = excluded.format,
            text_scalars = excluded.text_scalars, flagged = excluded.flagged, score = excluded.score,
            summary = excluded.summary, finding_count = excluded.finding_count, truncated = excluded.truncated
        """

    /// The values of `upsertScan`.
    public static func scanValues(_ scan: ContentScan) -> [StoreValue] {
        [.text(scan.sha256), .text(scan.scanner), .integer(StoredCode.microseconds(scan.scannedAt)), .text(scan.status.rawValue),
         scan.problem.map(StoreValue.text) ?? .null, scan.format.map(StoreValue.text) ?? .null,
         scan.textScalars.map(StoreValue.integer) ?? .null, scan.flagged.map(StoreValue.boolean) ?? .null, .integer(scan.score),
         .text(scan.summary), .integer(scan.findingCount), .boolean(scan.truncated)]
    }

    /// Points a document at the content it was scanned as: document, sha256, path, instant, actor.
    public static let upsertDocumentScan = """
        INSERT INTO privacy_document_scan (document, sha256, path, scanned_at, scanned_by) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (document) DO UPDATE SET sha256 = excluded.sha256, path = excluded.path,
            scanned_at = excluded.scanned_at, scanned_by = excluded.scanned_by
        """

    /// The columns a content's scan is read from, in the order `contentScan` takes them.
    public static let scanColumns = """
        sha256, scanner, scanned_at, status, problem, format, text_scalars, flagged, score, summary, finding_count, truncated
        """

    /// A stored scan; refused as corrupt when its status is not one Sablier knows.
    public static func contentScan(sha256: String, scanner: String, scannedAt micros: Int, status code: String, problem: String?,
                                   format: String?, textScalars: Int?, flagged: Bool?, score: Int, summary: String, findingCount: Int,
                                   truncated: Bool, findings: [StoredFinding]) throws -> ContentScan {
        guard let status = ContentScanStatus(rawValue: code) else { throw CorruptValue("privacy_scan holds status '\(code)'") }
        return ContentScan(sha256: sha256, scanner: scanner, scannedAt: StoredCode.date(microseconds: micros), status: status, problem: problem,
                           format: format, textScalars: textScalars, flagged: flagged, score: score, summary: summary,
                           findingCount: findingCount, truncated: truncated, findings: findings)
    }

    /// The details of the `privacy.scan` entry of a document scanned as `scan`.
    public static func scanAuditDetails(_ scan: ContentScan) -> [String: String] {
        ["sha256": scan.sha256, "status": scan.status.rawValue, "flagged": scan.flagged.map { $0 ? "yes" : "no" } ?? "unknown",
         "score": String(scan.score)]
    }

    // MARK: - The queue

    /// The documents whose latest review confirmed personal information: the confidential ones.
    public static let confidentialReferences = """
        SELECT d.reference FROM privacy_review r JOIN document d ON d.id = r.document
        WHERE r.decision = 'confirm' AND r.id = (SELECT MAX(id) FROM privacy_review WHERE document = r.document)
        """

    /// The documents whose scanned content flags them or could not be read.
    public static let flaggedByContent = """
        SELECT ds.document FROM privacy_document_scan ds JOIN privacy_scan s ON s.sha256 = ds.sha256
        WHERE s.flagged = TRUE OR s.status <> 'read'
        """

    /// The columns a review is read from, after the document's id, in the order `review` takes them.
    public static let reviewColumns = "id, decision, measure, note, sha256, reviewed_at, reviewed_by"

    /// A stored review; refused as corrupt when its decision is not one Sablier knows.
    public static func review(id: Int, reference: String, decision code: String, measure: String?, note: String, sha256: String?,
                              reviewedAt micros: Int, reviewedBy: String) throws -> PrivacyReview {
        guard let decision = PrivacyDecision(rawValue: code) else { throw CorruptValue("privacy_review holds decision '\(code)'") }
        return PrivacyReview(id: id, reference: reference, decision: decision, measure: measure.flatMap(PersonalInformationMeasure.init(rawValue:)),
                             note: note, sha256: sha256, reviewedAt: StoredCode.date(microseconds: micros), reviewedBy: reviewedBy)
    }

    /// The details of a review's `privacy.review` entry.
    public static func reviewAuditDetails(_ review: PrivacyReview) -> [String: String] {
        ["review": String(review.id), "decision": review.decision.rawValue, "measure": review.measure?.rawValue ?? "",
         "note": review.note, "sha256": review.sha256 ?? ""]
    }

    /// Where a document stands, from its row, the rules in force, its scan and its reviews;
    /// refused as corrupt when its phase is not one Sablier knows.
    public static func documentPrivacy(_ row: DocumentRow, rules: [String: RulePrivacy], scan: ContentScan?, scannedPath: String?,
                                       scannedAt micros: Int?, reviews: [PrivacyReview]) throws -> DocumentPrivacy {
        guard let phase = Phase(rawValue: row.phase) else { throw CorruptValue("column phase holds the unknown code '\(row.phase)'") }
        return DocumentPrivacy(reference: row.reference, title: row.title, rule: row.rule, holder: row.holder, phase: phase,
                               rulePrivacy: rules[row.rule], scan: scan, scannedPath: scannedPath,
                               scannedAt: micros.map { StoredCode.date(microseconds: $0) }, reviews: reviews)
    }

    /// Whether a document read for the queue belongs in it: pending, or (with `includingDecided`)
    /// flagged or reviewed.
    public static func belongsInQueue(_ entry: DocumentPrivacy, includingDecided: Bool) -> Bool {
        entry.isPending || (includingDecided && (entry.isFlagged || !entry.reviews.isEmpty))
    }

    /// The queue's order: most sensitive first, then by reference.
    public static func queueOrder(_ entries: [DocumentPrivacy]) -> [DocumentPrivacy] {
        entries.sorted { $0.score != $1.score ? $0.score > $1.score : $0.reference < $1.reference }
    }

    // MARK: - Rules

    /// The columns a rule's confirmation is read from, in the order `confirmation` takes them.
    public static let confirmationColumns = "rule, personal_information, measure, note, calendar_version, confirmed_at, confirmed_by"

    /// A stored confirmation of a rule.
    public static func confirmation(rule: String, personalInformation: Bool, measure: String?, note: String?, calendarVersion: Int,
                                    confirmedAt micros: Int, confirmedBy: String) -> RulePrivacyConfirmation {
        RulePrivacyConfirmation(rule: rule, personalInformation: personalInformation,
                                measure: measure.flatMap(PersonalInformationMeasure.init(rawValue:)), note: note,
                                calendarVersion: calendarVersion, confirmedAt: StoredCode.date(microseconds: micros), confirmedBy: confirmedBy)
    }

    /// The columns a rule of the calendar in force is read from, in the order `rulePrivacy` takes them.
    public static let ruleColumns = "number, title, personal_information, pi_measure, confidential"

    /// A rule of the calendar in force with what the calendar says and its latest confirmation.
    public static func rulePrivacy(number: String, title: String, personalInformation present: Bool?, measure: String?, confidential: Bool?,
                                   confirmation: RulePrivacyConfirmation?) -> RulePrivacy {
        let information = present.map { PersonalInformation(present: $0, measure: measure.flatMap(PersonalInformationMeasure.init(rawValue:))) }
        return RulePrivacy(rule: number, title: title, calendarPersonalInformation: information, confidential: confidential,
                           confirmation: confirmation)
    }

    /// The details of a rule's `privacy.confirm-rule` entry.
    public static func confirmationAuditDetails(_ confirmation: RulePrivacyConfirmation) -> [String: String] {
        ["personalInformation": confirmation.personalInformation ? "yes" : "no", "measure": confirmation.measure?.rawValue ?? "",
         "note": confirmation.note ?? "", "calendarVersion": String(confirmation.calendarVersion)]
    }
}
