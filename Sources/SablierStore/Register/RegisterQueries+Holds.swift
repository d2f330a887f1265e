public import SablierCore

extension RegisterQueries {
    /// The condition of a document the organisation still holds (neither destroyed nor
    /// deposited), the only ones a hold may cover: the same `Phase.isInactive` the single
    /// document's check applies, spelled once for both stores.
    public static let keptDocument = "phase <> '\(Phase.inactifDetruit.rawValue)' AND phase <> '\(Phase.inactifVerse.rawValue)'"

    /// The ids of the kept documents of rule p1, in order: what a hold on a rule covers when placed.
    public static let keptDocumentsOfRule = "SELECT id FROM document WHERE rule = ? AND \(keptDocument) ORDER BY id"

    /// The ids of the kept documents `condition` (a `DocumentQuery`'s SQL) matches, in order:
    /// what a hold on a query covers.
    public static func keptDocuments(matching condition: String) -> String {
        "SELECT id FROM document WHERE (\(condition)) AND \(keptDocument) ORDER BY id"
    }

    /// The documents box p1 holds and the organisation still keeps, by reference: what a loan
    /// of the box lends (a destroyed or deposited document is no longer in it).
    public static let keptDocumentsInBox = DocumentRow.table.select(.sqlite, where: []) + " WHERE box = ? AND \(keptDocument) ORDER BY reference"

    /// Marks document p1 held: a hold was just placed on it.
    public static let markHeld = "UPDATE document SET held = TRUE WHERE id = ?"

    /// Releases hold p4 (at p1, by p2, because p3).
    public static let releaseHold = "UPDATE hold SET released_at = ?, released_by = ?, release_reason = ? WHERE id = ?"

    /// The documents hold p1 covers, in order.
    public static let documentsOfHold = "SELECT document FROM hold_document WHERE hold = ? ORDER BY document"

    /// Recomputes whether document p1 is held, after one of its holds was released: held as long
    /// as another hold still active covers it.
    public static let recomputeHeld = """
        UPDATE document SET held = EXISTS (
            SELECT 1 FROM hold_document hd JOIN hold h ON h.id = hd.hold
            WHERE hd.document = document.id AND h.released_at IS NULL)
        WHERE id = ?
        """
}

extension Hold {
    /// The event a hold's placing (`.holdPlaced`) or release (`.holdReleased`) appends to each
    /// document it covers: the hold's id as detail, so a document's history names the hold.
    public static func event(_ kind: LifecycleEventKind, hold id: Int, reason: String, by actor: String, on day: CivilDate) -> LifecycleEvent {
        LifecycleEvent(kind: kind, on: day, by: actor, reason: reason, detail: String(id))
    }

    /// The audit entry of placing hold `id` on `documents` documents: one shape on every backend,
    /// or a trail copied from one to the other would not read the same.
    public static func placingAudit(_ id: Int, scope: Scope, reason: String, documents: Int) -> BatchAudit {
        BatchAudit(action: "hold.place", target: "hold \(id)",
                   details: ["scope": scope.code, "target": scope.target, "reason": reason, "documents": String(documents)])
    }

    /// The audit entry of releasing hold `id`.
    public static func releaseAudit(_ id: Int, reason: String) -> BatchAudit {
        BatchAudit(action: "hold.release", target: "hold \(id)", details: ["reason": reason])
    }
}

extension Hold.Scope {
    /// The scope of hold `id` as stored (`code`, `target`): the inverse of `code` and `target`,
    /// read back alike by every backend. A query that no longer parses is a corrupt value.
    public static func stored(code: String, target: String, hold id: Int) throws(CorruptValue) -> Hold.Scope {
        switch code {
        case "document": return .document(target)
        case "rule": return .rule(target)
        default:
            guard let query = try? DocumentQuery(parsing: target) else { throw CorruptValue("hold \(id) has the unreadable query '\(target)'") }
            return .query(query)
        }
    }
}
