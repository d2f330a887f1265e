import Foundation

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
    /// `list`: its execution destroys none of its documents, so it has no destruction certificate.
    public static let noCertificate = Self("disposition.no-certificate", .conflict)
    /// `list`: its execution deposits, keeps and transfers none of its documents, so it has no transfer slip.
    public static let noSlip = Self("disposition.no-slip", .conflict)
    /// `list`, `references`: documents flagged for personal information and not yet reviewed.
    public static let pendingReview = Self("disposition.pending-review", .conflict)
    /// `asOf`, `action`: nothing is due.
    public static let nothingDue = Self("disposition.nothing-due", .conflict)

    /// `list`, `reference`, `action`: the document is no longer registered.
    public static let itemNotRegistered = Self("disposition.item-not-registered", .conflict)
    /// `list`, `reference`, `action`, `phase`: already destroyed or deposited.
    public static let itemDisposed = Self("disposition.item-disposed", .conflict)
    /// `list`, `reference`, `action`: a hold (gel) covers it.
    public static let itemHeld = Self("disposition.item-held", .conflict)
    /// `list`, `reference`, `action`, `rule`, `copy`: the calendar keeps that copy permanently (C).
    public static let itemKeptPermanently = Self("disposition.item-kept-permanently", .conflict)
    /// `list`, `reference`, `action`: a sort (T) without a keep-or-destroy decision.
    public static let itemUndecided = Self("disposition.item-undecided", .conflict)
    /// `list`, `reference`, `action`, `due`: its action falls due later.
    public static let itemNotYetDue = Self("disposition.item-not-yet-due", .conflict)
    /// `list`, `reference`, `action`, `date`, `version`: no longer due under the calendar in force.
    public static let itemNotDue = Self("disposition.item-not-due", .conflict)
    /// `list`, `reference`, `action`, `due` (the action now due), `version`.
    public static let itemDueOtherwise = Self("disposition.item-due-otherwise", .conflict)
    /// `list`, `reference`, `path`, `detail`: the file could not be deleted; the item stays started.
    public static let fileNotDeleted = Self("disposition.file-not-deleted", .integrity)

    static let disposition: [Self] = [
        listNotFound, itemNotFound, decisionAfterProposal, notASort, listCancelled, cannotCancel, alreadyInState,
        selfApproval, undecidedSort, approvedTooEarly, listOutsideUnit, notApproved, alreadyExecuted,
        approvedByProposer, methodDiffers, vendorCertificateDiffers, cannotExecute, noFileToDelete, executionBegan,
        itemNotStarted, notExecuted, noCertificate, noSlip, pendingReview, nothingDue, itemNotRegistered, itemDisposed, itemHeld,
        itemKeptPermanently, itemUndecided, itemNotYetDue, itemNotDue, itemDueOtherwise, fileNotDeleted,
    ]
}

extension Refusal {
    /// Several refusals as one value of another (the problems of a whole list, each with its
    /// own code), so that the edge writes each one in the reader's language.
    ///
    /// Why: a refusal's values are text, and a sentence must not be written below the edge.
    /// The value starts with an information separator no person types, and holds the refusals
    /// as JSON; `Refusal.nested(in:)` reads it back.
    public static func nesting(_ refusals: [Refusal]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(refusals)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return nestingMark + json
    }

    /// The refusals a value made by `nesting` holds; nil for any other value.
    public static func nested(in value: String) -> [Refusal]? {
        guard value.hasPrefix(nestingMark) else { return nil }
        return try? JSONDecoder().decode([Refusal].self, from: Data(value.dropFirst(nestingMark.count).utf8))
    }

    static let nestingMark = "\u{1E}"
}
