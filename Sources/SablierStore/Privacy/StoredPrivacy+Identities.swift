extension StoredPrivacy {
    /// Records a review of document p1 (decision p2, measure p3, note p4, content p5, at p6,
    /// by p7) and returns its id, which the database assigns (`StoreSchema.identityTables`).
    public static let insertReview = """
        INSERT INTO privacy_review (document, decision, measure, note, sha256, reviewed_at, reviewed_by)
        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
        """

    /// Records the confirmation of rule p1 (personal information p2, measure p3, note p4,
    /// calendar version p5, at p6, by p7) and returns its id, which the database assigns.
    public static let insertRuleConfirmation = """
        INSERT INTO privacy_rule_confirmation (rule, personal_information, measure, note, calendar_version, confirmed_at, confirmed_by)
        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
        """
}

extension PrivacyScanRunQueries {
    /// Starts a run (at p1, by p2, forced p3) and returns its id, which the database assigns.
    public static let insertRun = "INSERT INTO privacy_scan_run (started_at, started_by, forced) VALUES (?, ?, ?) RETURNING id"
}
