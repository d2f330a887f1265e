/// Loans of paper files and boxes (prêt de dossiers), and the moves of boxes.
extension Refusal.Code {
    /// `reference`, `support`: a digital document is not lent; its file is read where it is.
    public static let loanOfDigital = Self("loan.digital", .invalidInput)
    /// `reference`, `phase`: destroyed or deposited, there is nothing left to lend.
    public static let loanOfDisposed = Self("loan.document-disposed", .conflict)
    /// `reference` (or `box`), `loan`, `borrower`, `due`: it, or a document of the box, is out
    /// on an open loan.
    public static let alreadyOut = Self("loan.already-out", .conflict)
    /// `due`, `on`: the day it is due back comes before the day it is lent.
    public static let dueBeforeLent = Self("loan.due-before-lent", .invalidInput)
    /// `loan`.
    public static let loanNotFound = Self("loan.not-found", .notFound)
    /// `what` (a reference or a box): no open loan took it out.
    public static let notOut = Self("loan.not-out", .conflict)
    /// `loan`, `on`: it was already returned.
    public static let alreadyReturned = Self("loan.already-returned", .conflict)
    /// `loan`, `on`, `lent`: returned before the day it was lent.
    public static let returnBeforeLent = Self("loan.return-before-lent", .invalidInput)
    /// `box`.
    public static let boxNotFound = Self("box.not-found", .notFound)
    /// `box`, `loan`, `borrower`: a lent box is moved by its return, not by hand.
    public static let boxLent = Self("box.lent", .conflict)
    /// `box`, `location`: the box is already there.
    public static let boxAlreadyThere = Self("box.already-there", .conflict)
    /// `box`, `on`, `today`: a move is recorded once it happened.
    public static let boxMoveInFuture = Self("box.move-in-future", .invalidInput)
    /// `box`, `on`, `last`: dated before the box's last move, it would put its history out of order.
    public static let boxMoveBeforeLast = Self("box.move-before-last", .invalidInput)
    /// `size`: a box's shelf space in linear metres, more than nothing (e.g. 0.12).
    public static let invalidBoxSize = Self("box.invalid-size", .invalidInput)
    /// `list`, `reference`, `action`, `loan`, `borrower`: a document of the list went out on loan
    /// since the list was approved.
    public static let itemOnLoan = Self("disposition.on-loan", .conflict)

    /// `reference`, `list`: the document (or one the box holds) is on a disposition list approved
    /// or being executed; it stays for its disposition until the list is executed or cancelled.
    public static let loanOfApprovedItem = Self("loan.in-approved-list", .conflict)
    /// `reference` (a document or `boîte CODE`), `on`, `loan`, `returned`: a loan recorded as
    /// going out before an earlier loan of it came back would overlap that one.
    public static let lentBeforeLastReturn = Self("loan.before-last-return", .conflict)
    /// `loan`, `on`, `today`: a return is recorded on the day it happened, not on a day to come.
    public static let returnInFuture = Self("loan.return-in-future", .invalidInput)

    static let loans: [Self] = [
        loanOfDigital, loanOfDisposed, alreadyOut, dueBeforeLent, loanNotFound, notOut, alreadyReturned, returnBeforeLent,
        boxNotFound, boxLent, boxAlreadyThere, boxMoveInFuture, boxMoveBeforeLast, invalidBoxSize, itemOnLoan, loanOfApprovedItem, lentBeforeLastReturn, returnInFuture,
    ]
}
