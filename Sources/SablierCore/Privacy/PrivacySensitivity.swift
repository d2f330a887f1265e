/// How sensitive a document of the review queue is, in three words beside its score: high from
/// 700, medium from 300, low below.
///
/// The thresholds belong next to the score (`DocumentPrivacy.score`) rather than to a page: 700
/// is the worst finding of a SIN, a card or health information read with confidence (sensitivity
/// 9–10 × confidence ≥ 70…80), 500 a file nobody could read, 300 a rule's own flag; so "high"
/// means a person's most protected information was seen, "medium" that a person must look, and
/// "low" a weak clue (a postal code, a phone number) or GALA's unconfirmed `confidentiels` (200).
public enum PrivacySensitivity: String, Sendable, Hashable, Codable, CaseIterable {
    case high
    case medium
    case low

    /// The first score that reads as `high`.
    public static let highFrom = 700
    /// The first score that reads as `medium`.
    public static let mediumFrom = 300

    public init(score: Int) {
        self = score >= Self.highFrom ? .high : score >= Self.mediumFrom ? .medium : .low
    }
}

extension DocumentPrivacy {
    /// The level of `score`, for people.
    public var sensitivity: PrivacySensitivity { PrivacySensitivity(score: score) }
}
