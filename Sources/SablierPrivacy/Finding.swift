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
        // Tallied by the type's place in `allCases` and by index, not in a dictionary nor by
        // copying each finding: a dense text has tens of thousands.
        let types = FindingType.allCases
        var tally = [(count: Int, best: Int)](repeating: (0, 0), count: types.count)
        var flagged = false
        var score = 0
        for index in findings.indices {
            let type = findings[index].type, confidence = findings[index].confidence
            let place = type.place
            tally[place].count += 1
            tally[place].best = max(tally[place].best, confidence)
            flagged = flagged || confidence >= Finding.flaggingConfidence
            score = max(score, type.sensitivity * confidence)
        }
        var byType: [FindingType: (count: Int, best: Int)] = [:]
        for (place, type) in types.enumerated() where tally[place].count > 0 { byType[type] = tally[place] }
        let counts = counts ?? byType.mapValues(\.count)
        self.counts = counts
        self.flagged = flagged
        self.score = score
        let flagging = byType.filter { $0.value.best >= Finding.flaggingConfidence }.sorted { $0.key < $1.key }
        if flagging.isEmpty {
            summary = findings.isEmpty ? "no personal information found" : "only weak findings (\(findings.count)), none flags the document"
        } else {
            summary = flagging.map { "\($0.key.rawValue) ×\(counts[$0.key] ?? $0.value.count) (\($0.value.best))" }.joined(separator: ", ")
        }
    }
}

extension FindingType {
    /// The type's place in `allCases`, for tallies kept in an array.
    var place: Int {
        switch self {
        case .sin: 0
        case .ramq: 1
        case .permanentCode: 2
        case .driverLicence: 3
        case .passport: 4
        case .postalCode: 5
        case .phone: 6
        case .email: 7
        case .bankAccount: 8
        case .paymentCard: 9
        case .birthDate: 10
        case .health: 11
        case .personName: 12
        case .studentNumber: 13
        case .employeeNumber: 14
        case .address: 15
        }
    }
}
