public import SablierCore

extension DispositionProposal {
    /// The items and the left-out documents of list `number`, drawn from `candidates` (the due
    /// list of `date` as `DispositionQueries.dueDocuments` reads it, by due date then reference).
    ///
    /// Shared by every backend so that the same register gives the same list on each: which
    /// documents are left out, for which reason first (held, on loan, already in a list, waiting
    /// for a privacy review), and the items' order. `inOpenLists` is the rows of
    /// `documentsInOpenLists` (`(document, list)`, by list: the first list of a document is
    /// named); `onLoan` the open loan of each document out (`openLoansByDocument`).
    public static func draw(list number: Int, from candidates: [DocumentRow], asOf date: CivilDate, action: DueAction?,
                            pendingReview: Set<String>, inOpenLists: [(document: Int, list: Int)],
                            onLoan: [Int: Int]) throws -> (items: [DispositionItemRow], leftOut: [LeftOutDocument]) {
        var openList: [Int: Int] = [:]
        for entry in inOpenLists where openList[entry.document] == nil { openList[entry.document] = entry.list }
        var items: [DispositionItemRow] = []
        var leftOut: [LeftOutDocument] = []
        for document in candidates {
            guard let phase = Phase(rawValue: document.phase) else { throw CorruptValue("column phase holds '\(document.phase)'") }
            guard let due = try document.retention().action(dueOn: date, phase: phase) else { continue }
            if let action, due.action != action { continue }
            func leave(_ reason: LeftOutDocument.Reason) {
                leftOut.append(LeftOutDocument(reference: document.reference, action: due.action, dueOn: due.due, reason: reason))
            }
            if document.held {
                leave(.held)
            } else if let loan = onLoan[document.id] {
                leave(.onLoan(loan))
            } else if let list = openList[document.id] {
                leave(.inList(list))
            } else if DispositionItem.waitsForReview(due.action) && pendingReview.contains(document.reference) {
                leave(.pendingReview)
            } else {
                items.append(DispositionItemRow(list: number, position: items.count, document: document, action: due.action, dueOn: due.due))
            }
        }
        return (items, leftOut)
    }

    /// The details of a proposal's audit entry (`disposition.propose`), the same in every backend.
    public static func auditDetails(asOf date: CivilDate, action: DueAction?, items: Int, leftOut: [LeftOutDocument]) -> [String: String] {
        ["as_of": date.description, "action": action?.rawValue ?? "all", "items": String(items), "left_out": String(leftOut.count),
         "pending_review": String(leftOut.filter { $0.reason == .pendingReview }.count)]
    }
}
