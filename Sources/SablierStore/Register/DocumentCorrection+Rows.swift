public import SablierCore

extension DocumentRow {
    /// The columns a correction may change, set from the corrected document, and their values
    /// in the order of `correctionUpdate`: both backends write a correction the same way.
    public mutating func setCorrected(_ document: Document) -> [StoreValue] {
        title = document.title
        holder = document.holder
        openedOn = document.openedOn?.description
        closedOn = document.closedOn?.description
        support = document.support.code
        building = document.location?.building
        room = document.location?.room
        shelving = document.location?.shelving
        box = document.box
        return [.text(title), .text(holder), StoreValue(openedOn), StoreValue(closedOn), .text(support), StoreValue(building),
                StoreValue(room), StoreValue(shelving), StoreValue(box), .integer(id)]
    }

    /// Writes the columns `setCorrected` sets, with `?` markers, for the document `id`.
    public static let correctionUpdate = """
        UPDATE document SET title = ?, holder = ?, opened_on = ?, closed_on = ?, support = ?, building = ?, room = ?,
                            shelving = ?, box = ?
        WHERE id = ?
        """
}

extension DocumentReclassified {
    /// The audit entry's details of a reclassification: a small set of documents is named in
    /// full, a large one only by its digest, so that the entry stays small.
    public static func auditDetails(_ result: [DocumentReclassified], _ reclassification: Reclassification, reason: String) -> [String: String] {
        let moved = result.map(\.before.document.reference)
        var details = [
            "count": String(moved.count),
            "from": Set(result.map(\.before.document.rule)).sorted().joined(separator: ", "),
            "to": reclassification.rule.number,
            SourceDigest.referencesKey: SourceDigest.references(moved),
            "reason": reason,
        ]
        if let copy = reclassification.copy { details["copy"] = copy.rawValue }
        if moved.count <= 20 { details["references"] = moved.sorted().joined(separator: ", ") }
        return details
    }
}

/// A reclassification's documents as stored, checked: what each store writes.
public typealias StoredReclassificationPlan = (context: RetentionContext, moves: [(move: Reclassification.Move, row: DocumentRow, before: RegisteredDocument)])

extension Reclassification {
    /// The reclassification planned on the documents `references` name, `rows` being those the
    /// store found (by reference), under the calendar in force's `context`: refused when the rule
    /// they move to is not in force or a reference is not registered, then checked by the Core's
    /// rule (all or nothing). One decision for both stores, which only read the rows.
    public func planStored(_ references: [String], rows: [String: DocumentRow], _ context: RetentionContext) throws -> StoredReclassificationPlan {
        guard context.rules[rule.number] != nil else {
            throw Refusal(.reclassifyRuleNotInForce, ["rule": rule.number, "version": String(context.calendarVersion)])
        }
        var read: [String: (DocumentRow, RegisteredDocument)] = [:]
        var documents: [(document: Document, phase: Phase)] = []
        for reference in references where read[reference] == nil {
            guard let row = rows[reference] else { throw Refusal(.documentNotFound, ["reference": reference]) }
            let registered = try row.registered()
            read[reference] = (row, registered)
            documents.append((registered.document, registered.phase))
        }
        let moves = try plan(documents).map { move in
            let (row, before) = read[move.before.reference]!
            return (move: move, row: row, before: before)
        }
        return (context, moves)
    }
}
