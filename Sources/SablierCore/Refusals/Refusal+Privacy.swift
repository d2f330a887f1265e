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
    /// `option` (min-documents, min-units), `minimum`, `value`: a threshold of `privacy public
    /// suggest` below its floor.
    public static let suggestionThreshold = Self("privacy.suggest-threshold", .invalidInput)
    /// `reference`, `path`: the public identifiers were declared, but this document's file was
    /// missing when the documents flagged by the letterhead alone were scanned again.
    public static let publicRescanFileMissing = Self("privacy.public-rescan-file-missing", .notFound)
    /// `reference`, `detail`: the public identifiers were declared, but this document could not
    /// be scanned again (its file unreadable, or the store failing).
    public static let publicRescanFailed = Self("privacy.public-rescan-failed", .failure)

    /// `reference`, `measure`: not confirmed with the measure anonymiser, so no copy replaces it.
    public static let anonymizeNotRequired = Self("privacy.anonymize-not-required", .conflict)
    /// `reference`: paper (no file): Sablier cannot read it to make a copy.
    public static let anonymizePaper = Self("privacy.anonymize-paper", .conflict)
    /// `reference`, `copy`: it has an anonymised copy already.
    public static let anonymizedCopyExists = Self("privacy.anonymized-copy-exists", .conflict)
    /// `rule`: the copy's rule is not one of the calendar in force.
    public static let anonymizeRuleNotInForce = Self("privacy.anonymize-rule-not-in-force", .invalidInput)
    /// `holder`: no user and no registered document belongs to that unit.
    public static let anonymizeUnknownHolder = Self("privacy.anonymize-unknown-holder", .invalidInput)
    /// `reference`, `copy`: the copy's reference asked for is already a document's.
    public static let anonymizeReferenceTaken = Self("privacy.anonymize-reference-taken", .conflict)
    /// `reference`, `copy`: the copy's reference asked for cannot name its file (a slash, a leading dot).
    public static let anonymizeReferenceUnfit = Self("privacy.anonymize-reference-unfit", .invalidInput)
    /// `reference`: the original's registered file is gone.
    public static let anonymizeSourceMissing = Self("privacy.anonymize-source-missing", .integrity)
    /// `reference`: the original's file is no longer the one registered (its SHA-256 changed).
    public static let anonymizeSourceChanged = Self("privacy.anonymize-source-changed", .integrity)
    /// `reference`: the original's file cannot be read, or its text cannot be extracted.
    public static let anonymizeSourceUnreadable = Self("privacy.anonymize-source-unreadable", .integrity)
    /// `reference`, `path`: a file the register does not know is where the copy goes; it is never replaced.
    public static let anonymizeTargetExists = Self("privacy.anonymize-target-exists", .conflict)
    /// `reference`, `path`: the copy would be outside the folders the register may read.
    public static let anonymizeTargetOutsideRoots = Self("privacy.anonymize-target-outside-roots", .invalidInput)
    /// `reference`, `path`: the copy cannot be written there (folder gone, no room, no permission).
    public static let anonymizeTargetUnwritable = Self("privacy.anonymize-target-unwritable", .integrity)
    /// `reference`: no anonymised copy was made of it.
    public static let noAnonymizedCopy = Self("privacy.no-anonymized-copy", .notFound)
    /// `reference`, `copy`, `path`: the copy's file is gone or cannot be read, so it cannot be signed off.
    public static let anonymizedCopyMissing = Self("privacy.anonymized-copy-missing", .integrity)
    /// `reference`, `copy`, `by`: the copy is signed off already.
    public static let anonymizedCopySigned = Self("privacy.anonymized-copy-signed", .conflict)

    static let privacy: [Self] = [
        publicIdentifierExists, publicIdentifierNotFound, invalidPublicIdentifier, scanNotFound, nothingToReview,
        nothingToReviewUnscanned, noMeasure, measureOnDismissal, measureWithoutPersonalInformation, suggestionThreshold,
        publicRescanFileMissing, publicRescanFailed,
        anonymizeNotRequired, anonymizePaper, anonymizedCopyExists, anonymizeRuleNotInForce, anonymizeUnknownHolder,
        anonymizeReferenceTaken, anonymizeReferenceUnfit, anonymizeSourceMissing, anonymizeSourceChanged, anonymizeSourceUnreadable, anonymizeTargetExists,
        anonymizeTargetOutsideRoots, anonymizeTargetUnwritable, noAnonymizedCopy, anonymizedCopyMissing, anonymizedCopySigned,
    ]
}
