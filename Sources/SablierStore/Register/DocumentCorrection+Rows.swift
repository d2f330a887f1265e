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
