public import Foundation
public import SablierCore

/// What a loan or a return names: one document, one box, or (to return) a loan by number.
public enum LoanTarget: Sendable, Hashable {
    case loan(Int)
    case document(String)
    case box(String)
}

/// What the application needs to lend paper files and boxes, record their return, and keep
/// the history of each box's moves. Every write is one transaction with its audit entry.
public protocol LoanStore: RegisterStore {
    /// The loans, by id: the open ones only unless `includingReturned`.
    func loans(includingReturned: Bool) async throws -> [Loan]

    /// Lends a paper document, or a box with its live documents as they are now, to `borrower`
    /// until `dueOn`: a `lent` event on each document (detail: the loan's number), a box's move
    /// out to the borrower, audit `loan.out`.
    ///
    /// Refuses a digital or disposed document (`loan.digital`, `loan.document-disposed`), then
    /// dates out of order (`Loan.checkDates`, after lendability so that its refusal does not
    /// depend on the day), a box or document not registered, anything already out
    /// (`loan.already-out`, naming the open loan), a document of an approved disposition list
    /// not yet executed (`loan.in-approved-list`), and a day before an earlier loan of it came
    /// back (`loan.before-last-return`).
    func lend(_ subject: Loan.Subject, to borrower: String, unit: String?, on day: CivilDate, dueOn: CivilDate,
              reason: String?, by actor: String, at instant: Date) async throws -> Loan

    /// Closes the open loan `target` names: `returned` events on its documents, a box's move
    /// back to its recorded location, audit `loan.return`. Refuses what is not out
    /// (`loan.not-out`, `loan.already-returned`) and a day after the day of `instant`
    /// (`loan.return-in-future`).
    func returnLoan(_ target: LoanTarget, on day: CivilDate, note: String?, by actor: String, at instant: Date) async throws -> Loan

    /// The open loan that has `reference` out, if any.
    func openLoan(ofDocument reference: String) async throws -> Loan?

    /// The loan numbered `id`, open or returned, if there is one.
    func loan(_ id: Int) async throws -> Loan?

    /// Moves a box: its location changes and a move is appended to its history, audit
    /// `box.move`. Refuses a lent box (`box.lent`) and one already there.
    func moveBox(_ code: String, to location: PhysicalLocation, on day: CivilDate, reason: String, by actor: String,
                 at instant: Date) async throws -> BoxMove

    /// A box's moves, oldest first, loans included. Refuses a box not registered (`box.not-found`).
    func boxMoves(_ code: String) async throws -> [BoxMove]
}
