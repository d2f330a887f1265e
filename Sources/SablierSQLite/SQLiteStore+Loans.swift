public import SablierCore
public import SablierStore

extension SQLiteStore: LoanStore {
    public func loans(includingReturned: Bool) async throws -> [Loan] {
        []  // helper C: replaced by the real query
    }
}
