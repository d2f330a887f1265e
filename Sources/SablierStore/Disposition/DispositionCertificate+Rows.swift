public import SablierCore

extension DispositionCertificate {
    /// The certificate of `list` from its item rows (those started or done are its entries) and
    /// the audit entries of the list (`DispositionQueries.auditEntries`: sequence and hash, in order).
    public init(list: DispositionList, items: [DispositionItemRow], audit: [(sequence: Int, hash: String)]) throws {
        self.init(list: list, entries: try items.filter { $0.state != DispositionItemState.pending.rawValue }.map { try $0.item() })
        auditSequences = audit.map(\.sequence)
        auditHeadHash = audit.last?.hash
    }
}
