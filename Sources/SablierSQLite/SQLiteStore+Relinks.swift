public import Foundation
import GRDB
public import SablierCore
public import SablierStore

extension SQLiteStore: RelinkStore {
    public func relink(_ moves: [FileMove], reason: String?, audit: BatchAudit, by actor: String,
                       at instant: Date) async throws -> [Relinked] {
        try await perform("relinking \(moves.count) document(s)") { database in
            try await database.write { db in
                var relinked: [Relinked] = []
                let day = CivilDate(dayOf: instant)
                for move in moves {
                    guard let row = try Self.documentRow(move.reference, db) else {
                        throw Refusal(.documentNotFound, ["reference": move.reference])
                    }
                    guard Phase(rawValue: row.phase) != .inactifDetruit else { throw Refusal(.documentDestroyed, ["reference": move.reference]) }
                    // Measured against a path and a SHA-256 that must still be the ones recorded.
                    guard row.filePath == move.from, row.fileSHA256 == move.sha256 else {
                        throw Refusal(.relinkChangedMeanwhile, ["reference": move.reference, "path": move.from, "found": row.filePath ?? "—"])
                    }
                    try db.execute(sql: "UPDATE document SET file_path = ? WHERE id = ?", arguments: [move.to, row.id])
                    let event = LifecycleEvent(kind: .relinked, on: day, by: actor, reason: reason, detail: Self.relinkDetail(move))
                    try Self.append(event, to: row, at: instant, db)
                    let closed = try Self.closeMissingIncidents(of: move.reference, foundAt: move.to, by: actor, at: instant, db)
                    relinked.append(Relinked(reference: move.reference, from: move.from, to: move.to, closedIncidents: closed))
                }
                var details = audit.details
                details["incidents"] = relinked.flatMap(\.closedIncidents).sorted().map(String.init).joined(separator: ",")
                try self.audit(db, user: actor, action: audit.action, target: audit.target, details: details, at: instant)
                return relinked
            }
        }
    }

    public func appendEvents(_ events: [CohortEvent], audit: BatchAudit, by actor: String, at instant: Date) async throws -> [RecordedEvent] {
        try await perform("recording \(events.count) event(s)") { database in
            try await database.write { db in
                var rows: [(CohortEvent, DocumentRow)] = []
                rows.reserveCapacity(events.count)
                for item in events {
                    guard let row = try Self.documentRow(item.reference, db) else { throw Refusal(.documentNotFound, ["reference": item.reference]) }
                    try item.event.kind.checkRecordable(on: item.reference, phase: Phase(rawValue: row.phase) ?? .actif)
                    rows.append((item, row))
                }
                // The calendar in force read once for every rule of the cohort, not once per document.
                let context = try Self.retentionContext(db, rules: Set(rows.map(\.1.rule)))
                var recorded: [RecordedEvent] = []
                recorded.reserveCapacity(rows.count)
                var sequence = try Self.nextEventSequence(db)
                for (item, row) in rows {
                    let eventRow = DocumentEventRow(sequence: sequence, document: row.id, item.event, recordedAt: instant)
                    sequence += 1
                    try SQLiteInserter<DocumentEventRow>(db).insert([eventRow])
                    // Read again: the cohort may name a document twice, and its row was read before.
                    guard var current = try Self.documentRow(item.reference, db) else { continue }
                    try Self.update(&current, events: try Self.eventRows(of: row.id, db).map { try $0.event() }, context, db)
                    recorded.append(try eventRow.recorded())
                }
                try self.audit(db, user: actor, action: audit.action, target: audit.target, details: audit.details, at: instant)
                return recorded
            }
        }
    }

    public func reportIntegrityIncident(_ finding: IntegrityFinding, description: String, reference: String, by actor: String,
                                        at instant: Date) async throws -> Incident {
        try await perform("reporting an integrity incident") { database in
            try await database.write { db in
                let incident = try self.openIncident(.integrite, description: description, documents: [reference], by: actor, at: instant, db)
                try db.execute(sql: "UPDATE incident SET finding = ? WHERE id = ?", arguments: [finding.rawValue, incident.id])
                return incident
            }
        }
    }
}

extension SQLiteStore {
    /// The `relinked` event's detail: both paths, as JSON, keys sorted.
    static func relinkDetail(_ move: FileMove) -> String {
        struct Paths: Encodable { var from: String; var to: String }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Paths(from: move.from, to: move.to))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Closes the open integrity incidents of `reference` that found its file missing: the file
    /// is found again, unchanged. Returns their numbers. An incident that found the file changed
    /// or unreadable stays open: a relink does not answer it.
    static func closeMissingIncidents(of reference: String, foundAt path: String, by actor: String, at instant: Date,
                                      _ db: Database) throws -> [Int] {
        let ids = try Int.fetchAll(db, sql: """
            SELECT i.id FROM incident i JOIN incident_document d ON d.incident = i.id
            WHERE d.reference = ? AND i.finding = 'missing' AND i.status <> 'ferme' ORDER BY i.id
            """, arguments: [reference])
        for id in ids {
            let incident = try Self.incident(id, db)
            let note = try incident.update(to: .ferme, note: "Fichier retrouvé à \(path), SHA-256 identique (document relink).", by: actor,
                                           at: instant)
            try db.execute(sql: "UPDATE incident SET status = ? WHERE id = ?", arguments: [Incident.Status.ferme.rawValue, id])
            try db.execute(sql: "INSERT INTO incident_note (incident, position, at, by_user, status, note) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [id, incident.notes.count, StoredCode.microseconds(note.at), note.by, note.status.rawValue, note.note])
        }
        return ids
    }
}
