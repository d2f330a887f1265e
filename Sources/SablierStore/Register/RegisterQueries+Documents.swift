extension RegisterQueries {
    /// Moves document p3 to rule p1, copy p2.
    public static let setRuleAndCopy = "UPDATE document SET rule = ?, copy = ? WHERE id = ?"

    /// Points document p2 at file p1.
    public static let setFilePath = "UPDATE document SET file_path = ? WHERE id = ?"

    /// The number of the calendar version in force, the latest.
    public static let latestVersion = "SELECT MAX(number) FROM calendar_version"

    /// The ids of the documents whose reference is one of those `markers` stand for.
    public static func documentIDs(references markers: String) -> String {
        "SELECT id FROM document WHERE reference IN (\(markers))"
    }

    /// `(id, reference)` of the documents whose id is one of those `markers` stand for.
    public static func documentReferences(ids markers: String) -> String {
        "SELECT id, reference FROM document WHERE id IN (\(markers))"
    }

    /// `(id, reference)` of the documents whose reference is one of those `markers` stand for.
    public static func documentIDsAndReferences(references markers: String) -> String {
        "SELECT id, reference FROM document WHERE reference IN (\(markers))"
    }

    /// The due list's rows on day p1 (p2: the same day), ordered by the date each shows: the
    /// final date once it has come, else the transfer. SQLite is told to scan `document_by_due`
    /// (its planner, without statistics, would rather sort the whole register); PostgreSQL
    /// plans the same text itself.
    public static func dueDocuments(_ dialect: SQLDialect) -> String {
        """
        SELECT reference, title, rule, copy, support, holder, phase, transfer_on, final_on, final_action, held
        FROM document\(dialect.indexedBy("document_by_due"))
        WHERE due_on IS NOT NULL AND due_on <= ?
        ORDER BY CASE WHEN final_on IS NOT NULL AND final_on <= ? THEN final_on ELSE transfer_on END, reference
        """
    }

    /// `(reference, title, rule, copy, holder, waiting)` of the documents still held that wait
    /// for something, by reference; on SQLite through `document_by_waiting`, which holds only them.
    public static func waitingDocuments(_ dialect: SQLDialect) -> String {
        """
        SELECT reference, title, rule, copy, holder, waiting FROM document\(dialect.indexedBy("document_by_waiting"))
        WHERE waiting IS NOT NULL AND waiting <> 'closing' AND \(keptDocument)
        ORDER BY reference
        """
    }
}
