/// Corrections and reclassification of registered documents.
extension Refusal.Code {
    /// `reference`, `phase`: destroyed or deposited, the document is no longer the organisation's
    /// to correct; its record stays as it was when it left.
    public static let correctionDisposed = Self("correction.disposed", .conflict)
    /// `reference`: no field given, or every field given already holds that value.
    public static let correctionChangesNothing = Self("correction.changes-nothing", .invalidInput)
    /// `reference`, `opened`, `closed`: the correction would close the dossier before it opened.
    public static let correctionClosedBeforeOpened = Self("correction.closed-before-opened", .invalidInput)
    /// `reference`, `holder`, `unit`: a détenteur corrects their unit's documents, but moving one
    /// to another holder unit takes an organisation-wide permission.
    public static let correctionHolderOutsideUnit = Self("correction.holder-outside-unit", .forbidden)
    /// `support`, `known`: a support code no rule of the calendar in force lists.
    public static let correctionUnknownSupport = Self("correction.unknown-support", .invalidInput)
    /// `reference`: a document's file is not corrected but relinked, against its recorded SHA-256.
    public static let correctionFileByRelink = Self("correction.file-by-relink", .invalidInput)
    /// `rule`, `version`: the rule documents would move to is not in the calendar in force.
    public static let reclassifyRuleNotInForce = Self("reclassify.rule-not-in-force", .notFound)
    /// `rule`, `copy`: the rule has no such copy (a rule without an exemplaire secondaire).
    public static let reclassifyNoSuchCopy = Self("reclassify.no-such-copy", .invalidInput)
    /// `reference`, `rule`, `copy`: one document of a reclassification is a copy the rule lacks.
    public static let reclassifyCopyMissing = Self("reclassify.copy-missing", .invalidInput)
    /// `reference`, `phase`: one document of a reclassification that has left the organisation.
    public static let reclassifyDisposed = Self("reclassify.disposed", .conflict)
    /// `count`, `problems` (nested refusals): the whole reclassification refused, nothing written.
    public static let reclassifyRefused = Self("reclassify.refused", .conflict)
    /// `selection`: the references, query or rule select no document the reader may see.
    public static let reclassifySelectsNothing = Self("reclassify.selects-nothing", .notFound)
    /// `rule`, `copy`: every document selected is already under that rule and copy.
    public static let reclassifyNothingMoves = Self("reclassify.nothing-moves", .conflict)
    /// Documents are selected by references, by a query or by a rule: exactly one of them.
    public static let reclassifyOneSelection = Self("reclassify.one-selection", .invalidInput)

    static let corrections: [Self] = [
        correctionDisposed, correctionChangesNothing, correctionClosedBeforeOpened, correctionHolderOutsideUnit,
        correctionUnknownSupport, correctionFileByRelink, reclassifyRuleNotInForce, reclassifyNoSuchCopy, reclassifyCopyMissing, reclassifyDisposed, reclassifyRefused,
        reclassifySelectsNothing, reclassifyNothingMoves, reclassifyOneSelection,
    ]
}
