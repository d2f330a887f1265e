/// One piece of personal information found in a text.
///
/// Only what is safe to keep is here: the type, the confidence, where it is (offsets in
/// Unicode scalars of the extracted text, `end` exclusive), a masked excerpt and the reason.
/// The identifier itself is never part of a finding.
public struct Finding: Sendable, Hashable, Codable {
    public var type: FindingType
    /// 0–100: how sure the detector is that this is personal information.
    public var confidence: Int
    /// Offsets in Unicode scalars of the extracted text; `end` is exclusive.
    public var start: Int
    public var end: Int
    /// The surrounding text with the identifier, every digit and every other finding masked.
    public var excerpt: String
    /// Why: the pattern, the checksum, the context words (never the identifier).
    public var reason: String

    public init(type: FindingType, confidence: Int, start: Int, end: Int, excerpt: String, reason: String) {
        self.type = type
        self.confidence = confidence
        self.start = start
        self.end = end
        self.excerpt = excerpt
        self.reason = reason
    }

    /// A finding from this confidence on flags the document by itself.
    public static let flaggingConfidence = 50

    /// True when this finding alone flags its document.
    public var flags: Bool { confidence >= Self.flaggingConfidence }
}

/// What the findings of one text say about it, for the review queue.
public struct PrivacyVerdict: Sendable, Hashable, Codable {
    /// True when at least one finding flags the text (confidence ≥ 50).
    public var flagged: Bool
    /// Sensitivity × confidence of the worst finding (0–1000): orders the review queue.
    public var score: Int
    /// Findings per type, all confidences included.
    public var counts: [FindingType: Int]
    /// One line for people: the types that flag, with how many and how sure
    /// (`sin ×2 (95), person-name ×3 (75)`), or why nothing flags.
    public var summary: String

    public init(findings: [Finding], counts: [FindingType: Int]? = nil) {
        var byType: [FindingType: (count: Int, best: Int)] = [:]
        for finding in findings {
            let current = byType[finding.type] ?? (0, 0)
            byType[finding.type] = (current.count + 1, max(current.best, finding.confidence))
        }
        let counts = counts ?? byType.mapValues(\.count)
        self.counts = counts
        flagged = findings.contains(where: \.flags)
        score = findings.map { $0.type.sensitivity * $0.confidence }.max() ?? 0
        let flagging = byType.filter { $0.value.best >= Finding.flaggingConfidence }.sorted { $0.key < $1.key }
        if flagging.isEmpty {
            summary = findings.isEmpty ? "no personal information found" : "only weak findings (\(findings.count)), none flags the document"
        } else {
            summary = flagging.map { "\($0.key.rawValue) ×\(counts[$0.key] ?? $0.value.count) (\($0.value.best))" }.joined(separator: ", ")
        }
    }
}
