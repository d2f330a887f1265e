/// Disposition lists: their states, the two persons, execution.
extension Refusal.Code {
    /// `list`.
    public static let listNotFound = Self("disposition.not-found", .notFound)
    /// `list`, `reference`.
    public static let itemNotFound = Self("disposition.item-not-found", .notFound)
    /// `list`, `state`: sort decisions are taken while a list is proposed.
    public static let decisionAfterProposal = Self("disposition.decision-after-proposal", .conflict)
    /// `list`, `reference`, `action`: only a sort (T) takes a keep-or-destroy decision.
    public static let notASort = Self("disposition.not-a-sort", .invalidInput)
    /// `list`, `by`, `reason`.
    public static let listCancelled = Self("disposition.cancelled", .conflict)
    /// `list`, `state`: execution began.
    public static let cannotCancel = Self("disposition.cannot-cancel", .conflict)
    /// `list`, `state`, `by`.
    public static let alreadyInState = Self("disposition.already", .conflict)
    /// `list`, `proposer`.
    public static let selfApproval = Self("disposition.self-approval", .forbidden)
    /// `list`, `references`: sort items without a decision.
    public static let undecidedSort = Self("disposition.undecided-sort", .conflict)
    /// `list`, `asOf`, `today`: a list for a later day is approved on or after that day.
    public static let approvedTooEarly = Self("disposition.approved-too-early", .conflict)
    /// `list`: a détenteur approves the lists of their own unit's documents only.
    public static let listOutsideUnit = Self("disposition.outside-unit", .forbidden)
    /// `list`, `proposer`.
    public static let notApproved = Self("disposition.not-approved", .conflict)
    /// `list`, `on`.
    public static let alreadyExecuted = Self("disposition.already-executed", .conflict)
    /// `list`, `proposer`.
    public static let approvedByProposer = Self("disposition.approved-by-proposer", .forbidden)
    /// `list`, `method`.
    public static let methodDiffers = Self("disposition.method-differs", .conflict)
    /// `list`, `certificate`.
    public static let vendorCertificateDiffers = Self("disposition.vendor-certificate-differs", .conflict)
    /// `list`, `date`, `problems` (one per line).
    public static let cannotExecute = Self("disposition.cannot-execute", .conflict)
    /// `list`, `references`: destruction of digital documents without a file to delete.
    public static let noFileToDelete = Self("disposition.no-file", .conflict)
    /// `list`, `state`: its items are carried out by its execution.
    public static let executionBegan = Self("disposition.execution-began", .conflict)
    /// `list`, `reference`.
    public static let itemNotStarted = Self("disposition.item-not-started", .conflict)
    /// `list`, `state`: a certificate is written as the list is executed.
    public static let notExecuted = Self("disposition.not-executed", .conflict)
    /// `list`, `references`: documents flagged for personal information and not yet reviewed.
    public static let pendingReview = Self("disposition.pending-review", .conflict)
    /// `list`, `problems`: files missing or changed; a person must look.
    public static let fileIntegrity = Self("disposition.file-integrity", .integrity)
    /// `asOf`, `action`: nothing is due.
    public static let nothingDue = Self("disposition.nothing-due", .conflict)

    static let disposition: [Self] = [
        listNotFound, itemNotFound, decisionAfterProposal, notASort, listCancelled, cannotCancel, alreadyInState,
        selfApproval, undecidedSort, approvedTooEarly, listOutsideUnit, notApproved, alreadyExecuted,
        approvedByProposer, methodDiffers, vendorCertificateDiffers, cannotExecute, noFileToDelete, executionBegan,
        itemNotStarted, notExecuted, pendingReview, fileIntegrity, nothingDue,
    ]
}
