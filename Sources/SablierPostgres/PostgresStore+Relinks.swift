public import Foundation
public import SablierCore
public import SablierStore
import PostgresNIO

extension PostgresStore: RelinkStore {
    public func relink(_ moves: [FileMove], reason: String?, audit: BatchAudit, by actor: String,
                       at instant: Date) async throws -> [Relinked] {
        try await write("relinking \(moves.count) document(s)") { tx in
            var relinked: [Relinked] = []
            let day = CivilDate(dayOf: instant)
            var rows: [DocumentRow] = []
            for move in moves {
                rows.append(try move.check(try await Self.documentRow(move.reference, tx)))
            }
            // The calendar in force read once for every rule concerned, not once per document.
            let context = try await Self.retentionContext(tx, rules: Set(rows.map(\.rule)))
            var sequence = try await Self.nextEventSequence(tx)
            for (move, row) in zip(moves, rows) {
                try await tx.execute(RegisterQueries.setFilePath, [.text(move.to), .integer(row.id)])
                let event = move.event(reason: reason, by: actor, on: day)
                try await Self.appendRecounting(event, to: row.id, reference: move.reference, sequence: sequence, context, at: instant, tx)
                sequence += 1
                let closed = try await Self.closeMissingIncidents(of: move.reference, foundAt: move.to, by: actor, at: instant, tx)
                relinked.append(Relinked(reference: move.reference, from: move.from, to: move.to, closedIncidents: closed))
            }
            let entry = audit.closing(relinked)
            try await self.audit(tx, user: actor, action: entry.action, target: entry.target, details: entry.details, at: instant)
            return relinked
        }
    }

    public func appendEvents(_ events: [CohortEvent], audit: BatchAudit, by actor: String, at instant: Date) async throws -> [RecordedEvent] {
        try await write("recording \(events.count) event(s)") { tx in
            var rows: [(CohortEvent, DocumentRow)] = []
            rows.reserveCapacity(events.count)
            let today = CivilDate(dayOf: instant)
            // Each document's events, with those of the batch before it: a batch naming a
            // document twice is held to the same rule as two single events.
            var recordedBy: [Int: [LifecycleEvent]] = [:]
            for item in events {
                guard let row = try await Self.documentRow(item.reference, tx) else { throw Refusal(.documentNotFound, ["reference": item.reference]) }
                let recorded: [LifecycleEvent]
                if let known = recordedBy[row.id] {
                    recorded = known
                } else {
                    recorded = try await Self.eventRows(of: row.id, tx).map { try $0.event() }
                }
                try item.event.checkRecordable(on: item.reference, phase: Phase(rawValue: row.phase) ?? .actif,
                                               openedOn: row.openedOn.flatMap(CivilDate.init(iso:)), recorded: recorded, today: today)
                recordedBy[row.id] = recorded + [item.event]
                rows.append((item, row))
            }
            // The calendar in force read once for every rule of the cohort, not once per document.
            let context = try await Self.retentionContext(tx, rules: Set(rows.map(\.1.rule)))
            var recorded: [RecordedEvent] = []
            recorded.reserveCapacity(rows.count)
            var sequence = try await Self.nextEventSequence(tx)
            for (item, row) in rows {
                recorded.append(try await Self.appendRecounting(item.event, to: row.id, reference: item.reference, sequence: sequence, context,
                                                                at: instant, tx))
                sequence += 1
            }
            try await self.audit(tx, user: actor, action: audit.action, target: audit.target, details: audit.details, at: instant)
            return recorded
        }
    }

    public func recordedEvents(of references: [String]) async throws -> [String: [LifecycleEvent]] {
        try await read("reading the events of \(references.count) document(s)") { tx in
            var found: [String: [LifecycleEvent]] = [:]
            // Two reads a batch of 500, not one a document: a query's cohort names thousands.
            for (batch, markers) in Self.batches(of: Array(Set(references)).sorted()) {
                var referenceOf: [Int: String] = [:]
                for row in try await tx.rows(RegisterQueries.documentIDsAndReferences(references: markers), batch.map { .text($0) }) {
                    let reference = try row[1].decode(String.self)
                    referenceOf[try row[0].decode(Int.self)] = reference
                    found[reference] = []
                }
                guard !referenceOf.isEmpty else { continue }
                let ids = Array(referenceOf.keys)
                let sql = DocumentEventRow.table.select(.sqlite, where: []) + " WHERE document IN (\(ids.map { _ in "?" }.joined(separator: ", "))) ORDER BY sequence"
                for row in try await tx.fetch(DocumentEventRow.self, sql: sql, ids.map { .integer($0) }) {
                    if let reference = referenceOf[row.document] { found[reference, default: []].append(try row.event()) }
                }
            }
            return found
        }
    }

    public func documents(_ references: [String]) async throws -> [RegisteredDocument] {
        try await read("reading \(references.count) document(s)") { tx in
            var found: [RegisteredDocument] = []
            for (batch, markers) in Self.batches(of: Array(Set(references)).sorted()) {
                let rows = try await tx.fetch(DocumentRow.self, sql: DocumentRow.table.select(.sqlite, where: []) + " WHERE reference IN (\(markers))",
                                              batch.map { .text($0) })
                found += try rows.map { try $0.registered() }
            }
            return found
        }
    }

    public func reportIntegrityIncident(_ finding: IntegrityFinding, description: String, reference: String, by actor: String,
                                        at instant: Date) async throws -> Incident {
        try await write("reporting an integrity incident") { tx in
            // A check run again while the first incident is open finds the same thing: it
            // points at that incident rather than opening a second one.
            if let open = try await tx.scalar(Int.self, AccountabilityQueries.openIncidentOfFinding, [.text(reference), .text(finding.rawValue)]) {
                return try await Self.incident(open, tx)
            }
            let incident = try await self.openIncident(.integrite, description: description, documents: [reference], by: actor, at: instant, tx)
            try await tx.execute(AccountabilityQueries.setIncidentFinding, [.text(finding.rawValue), .integer(incident.id)])
            return incident
        }
    }
}

extension PostgresStore {
    /// Appends an event and recounts its document under `context` (which holds its rule), as
    /// `append` does without reading the calendar again for each document of a batch. The row is
    /// read again: a batch may name a document twice.
    @discardableResult
    static func appendRecounting(_ event: LifecycleEvent, to document: Int, reference: String, sequence: Int, _ context: RetentionContext,
                                 at instant: Date, _ tx: PostgresTransaction) async throws -> RecordedEvent {
        let eventRow = DocumentEventRow(sequence: sequence, document: document, event, recordedAt: instant)
        try await tx.insert([eventRow])
        guard var current = try await documentRow(reference, tx) else { throw Refusal(.documentNotFound, ["reference": reference]) }
        try await update(&current, events: try await eventRows(of: document, tx).map { try $0.event() }, context, tx)
        return try eventRow.recorded()
    }

    /// Closes the open integrity incidents of `reference` that found its file missing: the file
    /// is found again, unchanged. Returns their numbers. An incident that found the file changed
    /// or unreadable stays open: a relink does not answer it.
    static func closeMissingIncidents(of reference: String, foundAt path: String, by actor: String, at instant: Date,
                                      _ tx: PostgresTransaction) async throws -> [Int] {
        let ids = try await tx.rows(AccountabilityQueries.openMissingIncidents, [.text(reference)]).map { try $0[0].decode(Int.self) }
        for id in ids {
            let incident = try await Self.incident(id, tx)
            let note = try incident.update(to: .ferme, note: "Fichier retrouvé à \(path), SHA-256 identique (document relink).", by: actor,
                                           at: instant)
            try await tx.execute(AccountabilityQueries.setIncidentStatus, [.text(Incident.Status.ferme.rawValue), .integer(id)])
            try await tx.execute(AccountabilityQueries.insertIncidentNote,
                                 [.integer(id), .integer(incident.notes.count), .integer(StoredCode.microseconds(note.at)), .text(note.by),
                                  .text(note.status.rawValue), .text(note.note)])
        }
        return ids
    }
}
