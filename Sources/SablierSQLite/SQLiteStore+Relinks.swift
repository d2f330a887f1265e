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
                var rows: [DocumentRow] = []
                for move in moves {
                    rows.append(try move.check(try Self.documentRow(move.reference, db)))
                }
                // The calendar in force read once for every rule concerned, not once per document.
                let context = try Self.retentionContext(db, rules: Set(rows.map(\.rule)))
                var sequence = try Self.nextEventSequence(db)
                for (move, row) in zip(moves, rows) {
                    try db.execute(sql: RegisterQueries.setFilePath, arguments: [move.to, row.id])
                    let event = move.event(reason: reason, by: actor, on: day)
                    try Self.appendRecounting(event, to: row.id, reference: move.reference, sequence: sequence, context, at: instant, db)
                    sequence += 1
                    let closed = try Self.closeMissingIncidents(of: move.reference, foundAt: move.to, by: actor, at: instant, db)
                    relinked.append(Relinked(reference: move.reference, from: move.from, to: move.to, closedIncidents: closed))
                }
                let entry = audit.closing(relinked)
                try self.audit(db, user: actor, action: entry.action, target: entry.target, details: entry.details, at: instant)
                return relinked
            }
        }
    }

    public func appendEvents(_ events: [CohortEvent], audit: BatchAudit, by actor: String, at instant: Date) async throws -> [RecordedEvent] {
        try await perform("recording \(events.count) event(s)") { database in
            try await database.write { db in
                var rows: [(CohortEvent, DocumentRow)] = []
                rows.reserveCapacity(events.count)
                let today = CivilDate(dayOf: instant)
                // Each document's events, with those of the batch before it: a batch naming a
                // document twice is held to the same rule as two single events.
                var recordedBy: [Int: [LifecycleEvent]] = [:]
                for item in events {
                    guard let row = try Self.documentRow(item.reference, db) else { throw Refusal(.documentNotFound, ["reference": item.reference]) }
                    let recorded = try recordedBy[row.id] ?? Self.eventRows(of: row.id, db).map { try $0.event() }
                    try item.event.checkRecordable(on: item.reference, phase: Phase(rawValue: row.phase) ?? .actif,
                                                   openedOn: row.openedOn.flatMap(CivilDate.init(iso:)), recorded: recorded, today: today)
                    recordedBy[row.id] = recorded + [item.event]
                    rows.append((item, row))
                }
                // The calendar in force read once for every rule of the cohort, not once per document.
                let context = try Self.retentionContext(db, rules: Set(rows.map(\.1.rule)))
                var recorded: [RecordedEvent] = []
                recorded.reserveCapacity(rows.count)
                var sequence = try Self.nextEventSequence(db)
                for (item, row) in rows {
                    recorded.append(try Self.appendRecounting(item.event, to: row.id, reference: item.reference, sequence: sequence, context,
                                                              at: instant, db))
                    sequence += 1
                }
                try self.audit(db, user: actor, action: audit.action, target: audit.target, details: audit.details, at: instant)
                return recorded
            }
        }
    }

    public func recordedEvents(of references: [String]) async throws -> [String: [LifecycleEvent]] {
        try await read("reading the events of \(references.count) document(s)") { db in
            var found: [String: [LifecycleEvent]] = [:]
            // Two reads a batch of 500, not one a document: a query's cohort names thousands.
            try Self.inBatches(Array(Set(references)).sorted()) { batch, markers in
                var referenceOf: [Int: String] = [:]
                for row in try Row.fetchAll(db, sql: RegisterQueries.documentIDsAndReferences(references: markers), arguments: StatementArguments(batch)) {
                    let reference: String = row["reference"]
                    referenceOf[row["id"]] = reference
                    found[reference] = []
                }
                guard !referenceOf.isEmpty else { return }
                let ids = Array(referenceOf.keys)
                let sql = DocumentEventRow.table.select(.sqlite, where: []) + " WHERE document IN (\(ids.map { _ in "?" }.joined(separator: ", "))) ORDER BY sequence"
                for row in try db.fetchStoredRows(DocumentEventRow.self, sql: sql, arguments: StatementArguments(ids)) {
                    if let reference = referenceOf[row.document] { found[reference, default: []].append(try row.event()) }
                }
            }
            return found
        }
    }

    public func documents(_ references: [String]) async throws -> [RegisteredDocument] {
        try await read("reading \(references.count) document(s)") { db in
            var found: [RegisteredDocument] = []
            try Self.inBatches(Array(Set(references)).sorted()) { batch, markers in
                let rows = try db.fetchStoredRows(DocumentRow.self, sql: DocumentRow.table.select(.sqlite, where: []) + " WHERE reference IN (\(markers))",
                                                  arguments: StatementArguments(batch))
                found += try rows.map { try $0.registered() }
            }
            return found
        }
    }

    public func reportIntegrityIncident(_ finding: IntegrityFinding, description: String, reference: String, by actor: String,
                                        at instant: Date) async throws -> Incident {
        try await perform("reporting an integrity incident") { database in
            try await database.write { db in
                // A check run again while the first incident is open finds the same thing: it
                // points at that incident rather than opening a second one.
                if let open = try Int.fetchOne(db, sql: AccountabilityQueries.openIncidentOfFinding, arguments: [reference, finding.rawValue]) {
                    return try Self.incident(open, db)
                }
                let incident = try self.openIncident(.integrite, description: description, documents: [reference], by: actor, at: instant, db)
                try db.execute(sql: AccountabilityQueries.setIncidentFinding, arguments: [finding.rawValue, incident.id])
                return incident
            }
        }
    }
}

extension SQLiteStore {
    /// Appends an event and recounts its document under `context` (which holds its rule), as
    /// `append` does without reading the calendar again for each document of a batch. The row is
    /// read again: a batch may name a document twice.
    @discardableResult
    static func appendRecounting(_ event: LifecycleEvent, to document: Int, reference: String, sequence: Int, _ context: RetentionContext,
                                 at instant: Date, _ db: Database) throws -> RecordedEvent {
        let eventRow = DocumentEventRow(sequence: sequence, document: document, event, recordedAt: instant)
        try SQLiteInserter<DocumentEventRow>(db).insert([eventRow])
        guard var current = try documentRow(reference, db) else { throw Refusal(.documentNotFound, ["reference": reference]) }
        try update(&current, events: try eventRows(of: document, db).map { try $0.event() }, context, db)
        return try eventRow.recorded()
    }

    /// Closes the open integrity incidents of `reference` that found its file missing: the file
    /// is found again, unchanged. Returns their numbers. An incident that found the file changed
    /// or unreadable stays open: a relink does not answer it.
    static func closeMissingIncidents(of reference: String, foundAt path: String, by actor: String, at instant: Date,
                                      _ db: Database) throws -> [Int] {
        let ids = try Int.fetchAll(db, sql: AccountabilityQueries.openMissingIncidents, arguments: [reference])
        for id in ids {
            let incident = try Self.incident(id, db)
            let note = try incident.update(to: .ferme, note: "Fichier retrouvé à \(path), SHA-256 identique (document relink).", by: actor,
                                           at: instant)
            try db.execute(sql: AccountabilityQueries.setIncidentStatus, arguments: [Incident.Status.ferme.rawValue, id])
            try db.execute(sql: AccountabilityQueries.insertIncidentNote,
                           arguments: [id, incident.notes.count, StoredCode.microseconds(note.at), note.by, note.status.rawValue, note.note])
        }
        return ids
    }
}
