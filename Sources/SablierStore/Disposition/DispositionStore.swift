public import Foundation
public import SablierCore

/// What the application needs to carry out dispositions: lists drawn from a due list, approved
/// by a person other than their proposer, executed in steps that survive an interruption, with
/// their certificate and the tombstones of the documents destroyed.
///
/// The store never touches files: deleting a digital document's file is I/O left to the caller
/// (`DispositionExecutor` in SablierRegister), which runs the steps in this order for each item:
/// `startDispositionItem` (committed: the certificate's entry), delete the file, then
/// `completeDispositionItem` (the document's event, its tombstone, the item done, in one
/// transaction). Every write is one transaction, which calls the rules of `DispositionList`
/// (SablierCore) and appends its audit entry; a refusal is a `Refusal`, a storage failure a
/// `StoreError`.
public protocol DispositionStore: RegisterStore {
    /// Creates the next numbered list, in state `proposed`, from the due list of `date`
    /// (only `action` when given). Held documents, documents already in a list not yet
    /// executed, and those of `pendingReview` (flagged for personal information, not yet
    /// reviewed) are left out and returned. Refused (`disposition.nothing-due`) when nothing
    /// remains to propose.
    func proposeDisposition(asOf date: CivilDate, action: DueAction?, pendingReview: Set<String>, by actor: String,
                            at instant: Date) async throws -> DispositionProposal
    /// Every list, by number.
    func dispositionLists() async throws -> [DispositionList]
    func dispositionList(_ number: Int) async throws -> DispositionList?
    /// The items of a list in list order; `notFound` for an unknown list.
    func dispositionItems(of number: Int) async throws -> [DispositionItem]

    /// Records the keep-or-destroy decision of a sort item, replacing an earlier one. Only
    /// while the list is `proposed`, so its approver approves the decisions too.
    @discardableResult
    func decideSort(list number: Int, reference: String, decision: SortDecision, reason: String,
                    by actor: String, at instant: Date) async throws -> DispositionItem
    /// Withdraws list `number` before its execution began, with the reason, in one
    /// transaction with its audit entry; refused once execution began or if already withdrawn.
    @discardableResult
    func cancelDisposition(_ number: Int, reason: String, by actor: String, at instant: Date) async throws -> DispositionList
    /// Approves a proposed list. Refused to its proposer, and while a sort item has no decision.
    @discardableResult
    func approveDisposition(_ number: Int, by actor: String, at instant: Date) async throws -> DispositionList

    /// Begins (or resumes) the execution of an approved list, on the day of `instant`.
    ///
    /// Checks every item not started yet, and refuses the whole execution, naming each
    /// problem, if one is held, not yet due on that day (or no longer due for its action under
    /// the calendar in force), kept permanently (C) while the item would destroy it, or
    /// already disposed of; and refuses a list not approved, or approved by its proposer.
    /// `method` (and the optional `vendorCertificate`) say how documents without a file are
    /// destroyed: required when the list destroys one. On a resumed execution they default
    /// to those recorded, and must not differ from them.
    /// An item of `pendingReview` (flagged, not reviewed) refuses it too (`disposition.pending-review`).
    @discardableResult
    func beginExecution(_ number: Int, method: String?, vendorCertificate: String?, pendingReview: Set<String>, by actor: String,
                        at instant: Date) async throws -> DispositionList
    /// Step 1 of an item: checks it again (a hold placed since `beginExecution`, or a review
    /// now pending, refuses it) and commits it as `started`. Does nothing to an item already
    /// started or done.
    @discardableResult
    func startDispositionItem(list number: Int, position: Int, pendingReview: Set<String>, by actor: String,
                              at instant: Date) async throws -> DispositionItem
    /// Step 3 of an item, once its file (if it destroys one) is gone: in one transaction, appends
    /// the document's event (`destroyed`, `deposited`, `sorted` with `keep`/`destroy`,
    /// `transferred`) through the recount, writes the tombstone of a destroyed document, marks
    /// the item `done`, and the list `executed` when it was the last. Does nothing to an item
    /// already done; refused on a `pending` one.
    @discardableResult
    func completeDispositionItem(list number: Int, position: Int, by actor: String, at instant: Date) async throws -> DispositionItem

    /// The list's certificate: its entries so far, complete once the list is executed. Refused
    /// while execution has not begun.
    func dispositionCertificate(_ number: Int) async throws -> DispositionCertificate
    func tombstone(_ reference: String) async throws -> Tombstone?
    /// The tombstones a list's execution wrote, by reference.
    func tombstones(list number: Int) async throws -> [Tombstone]
}

extension DispositionStore {
    /// A proposal when no document waits for a privacy review.
    public func proposeDisposition(asOf date: CivilDate, action: DueAction?, by actor: String, at instant: Date) async throws -> DispositionProposal {
        try await proposeDisposition(asOf: date, action: action, pendingReview: [], by: actor, at: instant)
    }

    /// An execution when no document waits for a privacy review.
    @discardableResult
    public func beginExecution(_ number: Int, method: String?, vendorCertificate: String?, by actor: String,
                               at instant: Date) async throws -> DispositionList {
        try await beginExecution(number, method: method, vendorCertificate: vendorCertificate, pendingReview: [], by: actor, at: instant)
    }

    /// An item's start when no document waits for a privacy review.
    @discardableResult
    public func startDispositionItem(list number: Int, position: Int, by actor: String, at instant: Date) async throws -> DispositionItem {
        try await startDispositionItem(list: number, position: position, pendingReview: [], by: actor, at: instant)
    }
}
