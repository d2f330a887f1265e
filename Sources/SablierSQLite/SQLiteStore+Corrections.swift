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
                row.title = document.title
                row.holder = document.holder
                row.openedOn = document.openedOn?.description
                row.closedOn = document.closedOn?.description
                row.support = document.support.code
                row.building = document.location?.building
                row.room = document.location?.room
                row.shelving = document.location?.shelving
                row.box = document.box
                try db.execute(sql: """
                    UPDATE document SET title = ?, holder = ?, opened_on = ?, closed_on = ?, support = ?, building = ?, room = ?,
                                        shelving = ?, box = ?
                    WHERE id = ?
                    """, arguments: [row.title, row.holder, row.openedOn, row.closedOn, row.support, row.building, row.room,
                                     row.shelving, row.box, row.id])
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
                let context = try Self.retentionContext(db, rules: [reclassification.rule.number])
                guard context.rules[reclassification.rule.number] != nil else {
                    throw Refusal(.reclassifyRuleNotInForce, ["rule": reclassification.rule.number, "version": String(context.calendarVersion)])
                }
                var rows: [DocumentRow] = []
                var befores: [RegisteredDocument] = []
                for reference in references {
                    guard let row = try Self.documentRow(reference, db) else { throw Refusal(.documentNotFound, ["reference": reference]) }
                    rows.append(row)
                    befores.append(try row.registered())
                }
                let moves = try reclassification.plan(befores.map { ($0.document, $0.phase) })
                let byReference = Dictionary(zip(references, zip(rows, befores)), uniquingKeysWith: { first, _ in first })
                let today = CivilDate(dayOf: instant)
                var sequence = try Self.nextEventSequence(db)
                var result: [DocumentReclassified] = []
                for move in moves {
                    guard let (stored, before) = byReference[move.before.reference] else { continue }
                    var row = stored
                    row.rule = move.after.rule
                    row.copy = move.after.copy.rawValue
                    try db.execute(sql: "UPDATE document SET rule = ?, copy = ? WHERE id = ?", arguments: [row.rule, row.copy, row.id])
                    let event = LifecycleEvent(kind: .reclassified, on: today, by: actor, reason: reason, detail: FieldChange.detail(move.changes))
                    try SQLiteInserter<DocumentEventRow>(db).insert([DocumentEventRow(sequence: sequence, document: row.id, event, recordedAt: instant)])
                    sequence += 1
                    let events = try Self.eventRows(of: row.id, db).map { try $0.event() }
                    try Self.update(&row, events: events, context, db)
                    result.append(DocumentReclassified(before: before, after: try row.registered()))
                }
                let moved = result.map(\.before.document.reference)
                var details = [
                    "count": String(moved.count),
                    "from": Set(result.map(\.before.document.rule)).sorted().joined(separator: ", "),
                    "to": reclassification.rule.number,
                    "references_sha256": Reclassification.referencesDigest(moved),
                    "reason": reason,
                ]
                if let copy = reclassification.copy { details["copy"] = copy.rawValue }
                // A small set is named in full; a large one only by its digest, so that the entry stays small.
                if moved.count <= 20 { details["references"] = moved.sorted().joined(separator: ", ") }
                try self.audit(db, user: actor, action: "document.reclassify", target: "rule \(reclassification.rule.number)",
                               details: details, at: instant)
                return result
            }
        }
    }
}
