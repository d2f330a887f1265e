public import Foundation
public import SablierCore
public import SablierStore
import PostgresNIO

extension PostgresStore: CorrectionStore {
    public func correctDocument(_ reference: String, _ correction: DocumentCorrection, reason: String,
                                knownSupports: Set<String>, by actor: String, at instant: Date) async throws -> DocumentCorrected {
        try await write("correcting \(reference)") { tx in
            guard var row = try await Self.documentRow(reference, tx) else { throw Refusal(.documentNotFound, ["reference": reference]) }
            let before = try row.registered()
            let (document, changes) = try correction.apply(to: before.document, phase: before.phase, knownSupports: knownSupports)
            if let box = document.box, box != before.document.box, try await Self.boxRow(box, tx) == nil {
                throw Refusal(.boxOfDocumentNotFound, ["reference": reference, "box": box])
            }
            try await tx.execute(DocumentRow.correctionUpdate, row.setCorrected(document))
            let event = LifecycleEvent(kind: .corrected, on: CivilDate(dayOf: instant), by: actor, reason: reason,
                                       detail: FieldChange.detail(changes))
            // Appended and the document recounted under the calendar in force; its holds untouched.
            let recorded = try await Self.append(event, to: row, at: instant, tx)
            var details = FieldChange.auditDetails(changes)
            details["reason"] = reason
            try await self.audit(tx, user: actor, action: "document.correct", target: "document \(reference)", details: details, at: instant)
            guard let after = try await Self.documentRow(reference, tx)?.registered() else {
                throw Refusal(.documentNotFound, ["reference": reference])
            }
            return DocumentCorrected(before: before, after: after, changes: changes, event: recorded)
        }
    }

    public func reclassifyDocuments(_ references: [String], _ reclassification: Reclassification, reason: String,
                                    by actor: String, at instant: Date) async throws -> [DocumentReclassified] {
        try await write("reclassifying \(references.count) document\(references.count == 1 ? "" : "s")") { tx in
            let plan = try await Self.reclassificationPlan(references, reclassification, tx)
            let today = CivilDate(dayOf: instant)
            var sequence = try await Self.nextEventSequence(tx)
            var result: [DocumentReclassified] = []
            for (move, stored, before) in plan.moves {
                var row = stored
                row.rule = move.after.rule
                row.copy = move.after.copy.rawValue
                try await tx.execute(RegisterQueries.setRuleAndCopy, [.text(row.rule), .text(row.copy), .integer(row.id)])
                let event = LifecycleEvent(kind: .reclassified, on: today, by: actor, reason: reason, detail: FieldChange.detail(move.changes))
                try await tx.insert([DocumentEventRow(sequence: sequence, document: row.id, event, recordedAt: instant)])
                sequence += 1
                let events = try await Self.eventRows(of: row.id, tx).map { try $0.event() }
                try await Self.update(&row, events: events, plan.context, tx)
                result.append(DocumentReclassified(before: before, after: try row.registered()))
            }
            try await self.audit(tx, user: actor, action: "document.reclassify", target: "rule \(reclassification.rule.number)",
                                 details: DocumentReclassified.auditDetails(result, reclassification, reason: reason), at: instant)
            return result
        }
    }

    public func previewReclassification(_ references: [String], _ reclassification: Reclassification) async throws -> [DocumentReclassified] {
        try await read("previewing the reclassification of \(references.count) document\(references.count == 1 ? "" : "s")") { tx in
            let plan = try await Self.reclassificationPlan(references, reclassification, tx)
            var previews: [DocumentReclassified] = []
            for (move, row, before) in plan.moves {
                // Counted as `reclassifyDocuments` counts it: the same context, the events it has.
                let events = try await Self.eventRows(of: row.id, tx).map { try $0.event() }
                var after = before
                after.document = move.after
                after.retention = plan.context.status(of: move.after, events: events, held: row.held)
                previews.append(DocumentReclassified(before: before, after: after))
            }
            return previews
        }
    }

    /// The documents of a reclassification as stored, read up to the first one not registered,
    /// and planned by `Reclassification.planStored` under the calendar in force's context for
    /// the rule they move to.
    static func reclassificationPlan(_ references: [String], _ reclassification: Reclassification, _ tx: PostgresTransaction) async throws
        -> (context: RetentionContext, moves: [(move: Reclassification.Move, row: DocumentRow, before: RegisteredDocument)]) {
        let context = try await Self.retentionContext(tx, rules: [reclassification.rule.number])
        var rows: [String: DocumentRow] = [:]
        for reference in references where rows[reference] == nil {
            guard let row = try await Self.documentRow(reference, tx) else { break }
            rows[reference] = row
        }
        return try reclassification.planStored(references, rows: rows, context)
    }
}
