/// Personal information: scans, reviews, rule confirmations, public identifiers.
extension Refusal.Code {
    /// `kind`, `value`.
    public static let publicIdentifierExists = Self("privacy.public-exists", .conflict)
    /// `kind`, `value`.
    public static let publicIdentifierNotFound = Self("privacy.public-not-found", .notFound)
    /// `sha256`.
    public static let scanNotFound = Self("privacy.scan-not-found", .notFound)
    /// `reference`, `why`.
    public static let nothingToReview = Self("privacy.nothing-to-review", .conflict)
    /// `rule`: give the measure (détruire or anonymiser).
    public static let noMeasure = Self("privacy.no-measure", .invalidInput)
    /// A dismissal takes no measure.
    public static let measureOnDismissal = Self("privacy.measure-on-dismissal", .invalidInput)
    /// `rule`: a measure applies only to a rule holding personal information.
    public static let measureWithoutPersonalInformation = Self("privacy.measure-without-personal-information", .invalidInput)

    static let privacy: [Self] = [
        publicIdentifierExists, publicIdentifierNotFound, scanNotFound, nothingToReview, noMeasure,
        measureOnDismissal, measureWithoutPersonalInformation,
    ]
}
