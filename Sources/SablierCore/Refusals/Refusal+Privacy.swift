/// Personal information: scans, reviews, rule confirmations, public identifiers.
extension Refusal.Code {
    /// `kind`, `value`.
    public static let publicIdentifierExists = Self("privacy.public-exists", .conflict)
    /// `kind`, `value`.
    public static let publicIdentifierNotFound = Self("privacy.public-not-found", .notFound)
    /// `kind`, `value`: not a telephone number, domain, address or postal code of that kind.
    public static let invalidPublicIdentifier = Self("privacy.public-invalid", .invalidInput)
    /// `sha256`.
    public static let scanNotFound = Self("privacy.scan-not-found", .notFound)
    /// `reference`: neither its rule nor its content flags it.
    public static let nothingToReview = Self("privacy.nothing-to-review", .conflict)
    /// `reference`: its rule does not flag it and its file was never scanned.
    public static let nothingToReviewUnscanned = Self("privacy.nothing-to-review-unscanned", .conflict)
    /// `rule`: give the measure (détruire or anonymiser).
    public static let noMeasure = Self("privacy.no-measure", .invalidInput)
    /// `reference`: a dismissal takes no measure.
    public static let measureOnDismissal = Self("privacy.measure-on-dismissal", .invalidInput)
    /// `rule`: a measure applies only to a rule holding personal information.
    public static let measureWithoutPersonalInformation = Self("privacy.measure-without-personal-information", .invalidInput)
    /// `field`, `value`: a threshold of `privacy public suggest` is a whole number of at least 1.
    public static let suggestionThreshold = Self("privacy.suggest-threshold", .invalidInput)

    static let privacy: [Self] = [
        publicIdentifierExists, publicIdentifierNotFound, invalidPublicIdentifier, scanNotFound, nothingToReview,
        nothingToReviewUnscanned, noMeasure, measureOnDismissal, measureWithoutPersonalInformation, suggestionThreshold,
    ]
}
