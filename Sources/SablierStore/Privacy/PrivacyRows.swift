public import SablierCore

/// A row of `privacy_finding`: inserted in batches, as many as a large file's findings.
public struct PrivacyFindingRow: StoredRow {
    public var sha256: String
    public var position: Int
    public var finding: StoredFinding

    public static let table = StoreTable("privacy_finding", columns: [
        "sha256", "position", "type", "confidence", "start_offset", "end_offset", "excerpt", "reason",
    ])

    public init(sha256: String, position: Int, _ finding: StoredFinding) {
        self.sha256 = sha256
        self.position = position
        self.finding = finding
    }

    @inlinable
    public func write<W: StoreRowWriting>(to row: inout W) throws(W.Failure) {
        try row.text(sha256)
        try row.integer(position)
        try row.text(finding.type)
        try row.integer(finding.confidence)
        try row.integer(finding.start)
        try row.integer(finding.end)
        try row.text(finding.excerpt)
        try row.text(finding.reason)
    }

    @inlinable
    public init(reading row: inout some StoreRowReading) throws {
        sha256 = try row.text(required: "sha256")
        position = try row.integer(required: "position")
        finding = StoredFinding(
            type: try row.text(required: "type"), confidence: try row.integer(required: "confidence"),
            start: try row.integer(required: "start_offset"), end: try row.integer(required: "end_offset"),
            excerpt: try row.text(required: "excerpt"), reason: try row.text(required: "reason"))
    }
}
