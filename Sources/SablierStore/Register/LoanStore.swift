public import SablierCore

/// What the application needs to lend paper files and boxes, record their return, and keep
/// the history of each box's moves. Every write is one transaction with its audit entry.
public protocol LoanStore: RegisterStore {
    /// The loans, by id: the open ones only unless `includingReturned`.
    func loans(includingReturned: Bool) async throws -> [Loan]
}
