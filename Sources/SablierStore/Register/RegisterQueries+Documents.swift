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
}
