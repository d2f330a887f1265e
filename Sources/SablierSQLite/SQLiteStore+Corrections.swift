public import Foundation
public import SablierCore
public import SablierStore
import GRDB

extension SQLiteStore: CorrectionStore {
    public func correctDocument(_ reference: String, _ correction: DocumentCorrection, reason: String,
                                knownSupports: Set<String>, by actor: String, at instant: Date) async throws -> DocumentCorrected {
        try await perform("correcting \(reference)") { database in
            try await database.write { db in
                guard var row = try Self.documentRow(reference, db) else { throw Refusal(.documentNotFound, ["reference": reference]) }
                let before = try row.registered()
                let (document, changes) = try correction.apply(to: before.document, phase: before.phase, knownSupports: knownSupports)
                if let box = document.box, box != before.document.box, try Self.boxRow(box, db) == nil {
                    throw Refusal(.boxOfDocumentNotFound, ["reference": reference, "box": box])
                }
                try db.execute(sql: DocumentRow.correctionUpdate, arguments: Self.storeArguments(row.setCorrected(document)))
                let event = LifecycleEvent(kind: .corrected, on: CivilDate(dayOf: instant), by: actor, reason: reason,
                                           detail: FieldChange.detail(changes))
                // Appended and the document recounted under the calendar in force; its holds untouched.
                let recorded = try Self.append(event, to: row, at: instant, db)
                var details = FieldChange.auditDetails(changes)
                details["reason"] = reason
                try self.audit(db, user: actor, action: "document.correct", target: "document \(reference)", details: details, at: instant)
                guard let after = try Self.documentRow(reference, db)?.registered() else {
                    throw Refusal(.documentNotFound, ["reference": reference])
                }
                return DocumentCorrected(before: before, after: after, changes: changes, event: recorded)
            }
        }
    }

    public func reclassifyDocuments(_ references: [String], _ reclassification: Reclassification, reason: String,
                                    by actor: String, at instant: Date) async throws -> [DocumentReclassified] {
        try await perform("reclassifying \(references.count) document\(references.count == 1 ? "" : "s")") { database in
            try await database.write { db in
                let plan = try Self.reclassificationPlan(references, reclassification, db)
                let today = CivilDate(dayOf: instant)
                var sequence = try Self.nextEventSequence(db)
                var result: [DocumentReclassified] = []
                let inserter = SQLiteInserter<DocumentEventRow>(db)
                for (move, stored, before) in plan.moves {
                    var row = stored
                    row.rule = move.after.rule
                    row.copy = move.after.copy.rawValue
                    try db.execute(sql: RegisterQueries.setRuleAndCopy, arguments: [row.rule, row.copy, row.id])
                    let event = LifecycleEvent(kind: .reclassified, on: today, by: actor, reason: reason, detail: FieldChange.detail(move.changes))
                    try inserter.insert([DocumentEventRow(sequence: sequence, document: row.id, event, recordedAt: instant)])
                    sequence += 1
                    let events = try Self.eventRows(of: row.id, db).map { try $0.event() }
                    try Self.update(&row, events: events, plan.context, db)
                    result.append(DocumentReclassified(before: before, after: try row.registered()))
                }
                try self.audit(db, user: actor, action: "document.reclassify", target: "rule \(reclassification.rule.number)",
                               details: DocumentReclassified.auditDetails(result, reclassification, reason: reason), at: instant)
                return result
            }
        }
    }

    public func previewReclassification(_ references: [String], _ reclassification: Reclassification) async throws -> [DocumentReclassified] {
        try await read("previewing the reclassification of \(references.count) document\(references.count == 1 ? "" : "s")") { db in
            let plan = try Self.reclassificationPlan(references, reclassification, db)
            return try plan.moves.map { move, row, before in
                // Counted as `reclassifyDocuments` counts it: the same context, the events it has.
                let events = try Self.eventRows(of: row.id, db).map { try $0.event() }
                var after = before
                after.document = move.after
                after.retention = plan.context.status(of: move.after, events: events, held: row.held)
                return DocumentReclassified(before: before, after: after)
            }
        }
    }

    /// The documents of a reclassification as stored, read up to the first one not registered,
    /// and planned by `Reclassification.planStored` under the calendar in force's context for
    /// the rule they move to.
    static func reclassificationPlan(_ references: [String], _ reclassification: Reclassification, _ db: Database) throws
        -> (context: RetentionContext, moves: [(move: Reclassification.Move, row: DocumentRow, before: RegisteredDocument)]) {
        let context = try Self.retentionContext(db, rules: [reclassification.rule.number])
        var rows: [String: DocumentRow] = [:]
        for reference in references where rows[reference] == nil {
            guard let row = try Self.documentRow(reference, db) else { break }
            rows[reference] = row
        }
        return try reclassification.planStored(references, rows: rows, context)
    }
}
