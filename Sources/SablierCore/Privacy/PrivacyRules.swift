public import Foundation

/// Where a document stands for the AIPRP officer, as one word: what `privacy queue` and
/// `privacy show` print as `status`.
public enum PrivacyStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Flagged and waiting for a review of what it holds now.
    case pending
    /// The latest review of its content confirmed personal information.
    case confirmed
    /// The latest review of its content found none.
    case dismissed
    /// Nothing flags it.
    case notFlagged = "not flagged"
    /// Flagged, never reviewed, and destroyed: its life cycle ended without the officer's
    /// decision. Said plainly rather than `pending`, since nobody can review it any more.
    case destroyedUnreviewed = "destroyed-unreviewed"

    /// The words a table prints.
    public var label: String {
        switch self {
        case .destroyedUnreviewed: return "not reviewed (destroyed)"
        default: return rawValue
        }
    }
}

extension DocumentPrivacy {
    /// Its status: the current review's decision, else pending while flagged and kept.
    public var status: PrivacyStatus {
        if let review = currentReview { return review.decision == .confirm ? .confirmed : .dismissed }
        guard isFlagged else { return .notFlagged }
        return isDestroyed ? .destroyedUnreviewed : .pending
    }

    /// The AIPRP officer's decision on what the document holds now, checked: refused for a
    /// destroyed document, a document nothing flags, an empty note, a confirmation without a
    /// measure (none given and none in its rule) and a dismissal with one.
    ///
    /// Pure, so that every store applies the same rules inside its transaction; the store
    /// gives the review its number.
    public func review(_ decision: PrivacyDecision, measure: PersonalInformationMeasure?, note: String, id: Int,
                       by reviewer: String, at instant: Date) throws(Refusal) -> PrivacyReview {
        guard !isDestroyed else { throw Refusal(.documentDestroyed, ["reference": reference]) }
        guard isFlagged else {
            throw Refusal(scan == nil ? .nothingToReviewUnscanned : .nothingToReview, ["reference": reference])
        }
        let note = try Refusal.requireText(note, "note")
        var measure = measure
        switch decision {
        case .confirm:
            measure = measure ?? rulePrivacy?.measure
            guard measure != nil else { throw Refusal(.noMeasure, ["rule": rule]) }
        case .dismiss:
            guard measure == nil else { throw Refusal(.measureOnDismissal, ["reference": reference]) }
        }
        return PrivacyReview(id: id, reference: reference, decision: decision, measure: measure, note: note, sha256: scan?.sha256,
                             reviewedAt: instant, reviewedBy: reviewer)
    }
}

extension RulePrivacyConfirmation {
    /// The records manager's word on a rule of the calendar in force, checked: a measure
    /// applies only to a rule whose documents hold personal information.
    public static func confirm(rule: String, personalInformation: Bool, measure: PersonalInformationMeasure?, note: String?,
                               calendarVersion: Int, by actor: String, at instant: Date) throws(Refusal) -> RulePrivacyConfirmation {
        guard personalInformation || measure == nil else { throw Refusal(.measureWithoutPersonalInformation, ["rule": rule]) }
        let note = note?.trimmingSpaces()
        return RulePrivacyConfirmation(rule: rule, personalInformation: personalInformation, measure: measure,
                                       note: note?.isEmpty == true ? nil : note, calendarVersion: calendarVersion,
                                       confirmedAt: instant, confirmedBy: actor)
    }
}
