/// Privacy statements both backends run as written (`?` markers: the PostgreSQL store numbers
/// them), so the two stores cannot drift apart. Those that build values live in `StoredPrivacy`.
public enum PrivacyQueries {
    /// Whether public identifier p2 of kind p1 is listed.
    public static let publicIdentifierExists = "SELECT EXISTS (SELECT 1 FROM privacy_public_identifier WHERE kind = ? AND value = ?)"

    /// Lists public identifier p2 of kind p1, because p3, at p4, by p5.
    public static let insertPublicIdentifier = """
        INSERT INTO privacy_public_identifier (kind, value, note, added_at, added_by) VALUES (?, ?, ?, ?, ?)
        """

    /// Forgets the findings of content p1, before its new scan's.
    public static let deleteFindings = "DELETE FROM privacy_finding WHERE sha256 = ?"

    /// `(reference, sha256)` of every document scanned.
    public static let scannedDocuments = "SELECT d.reference, s.sha256 FROM privacy_document_scan s JOIN document d ON d.id = s.document"

    /// The documents reviewed at least once.
    public static let reviewedReferences = "SELECT DISTINCT d.reference FROM privacy_review r JOIN document d ON d.id = r.document"

    /// The ids of the documents reviewed at least once.
    public static let reviewedDocuments = "SELECT DISTINCT document FROM privacy_review"

    /// `(sha256, path, scanned_at)` of document p1's last scan.
    public static let documentScan = "SELECT sha256, path, scanned_at FROM privacy_document_scan WHERE document = ?"

    /// Whether calendar version p1 has rule p2.
    public static let ruleExists = "SELECT EXISTS (SELECT 1 FROM calendar_rule WHERE version = ? AND number = ?)"

    /// How many documents run p1 has to scan.
    public static let claimCount = "SELECT COUNT(*) FROM privacy_scan_claim WHERE run = ?"

    /// Every public identifier, by kind then value.
    public static let publicIdentifiers = "SELECT \(StoredPrivacy.publicIdentifierColumns) FROM privacy_public_identifier ORDER BY kind, value"

    /// The scan of content p1.
    public static let scan = "SELECT \(StoredPrivacy.scanColumns) FROM privacy_scan WHERE sha256 = ?"

    /// The reviews of document p1 (id), in order.
    public static let reviewsOfDocument = "SELECT \(StoredPrivacy.reviewColumns) FROM privacy_review WHERE document = ? ORDER BY id"

    /// Every rule confirmation, in order.
    public static let ruleConfirmations = "SELECT \(StoredPrivacy.confirmationColumns) FROM privacy_rule_confirmation ORDER BY id"

    /// The rules of calendar version p1, as `StoredPrivacy.ruleColumns`.
    public static let rulesOfVersion = "SELECT \(StoredPrivacy.ruleColumns) FROM calendar_rule WHERE version = ?"

    /// `(file_path, reference)` of the documents whose file is one of the paths `markers` stand for.
    public static func documentsAtPaths(_ markers: String) -> String {
        "SELECT file_path, reference FROM document WHERE file_path IN (\(markers)) ORDER BY id"
    }

    /// The ids of the documents under one of the rules `markers` stand for.
    public static func documentsOfRules(_ markers: String) -> String {
        "SELECT id FROM document WHERE rule IN (\(markers))"
    }
}
