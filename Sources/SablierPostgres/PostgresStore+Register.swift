public import Foundation
public import SablierCore
public import SablierStore
import PostgresNIO
import Synchronization

/// The register on PostgreSQL: a port of `SQLiteStore+Register.swift`, method for method, with
/// the same refusals, audit entries, events and row values, so a register copied from one
/// backend to the other gives the same due list.
extension PostgresStore: RegisterStore {
    // MARK: - Documents

    @discardableResult
    public func registerDocuments(_ documents: [NewDocument], by actor: String, at instant: Date) async throws -> Int {
        guard !documents.isEmpty else { return 0 }
        let operation = "registering \(documents.count) document\(documents.count == 1 ? "" : "s")"
        // An array is read again, whole, when the transaction is: it may be retried.
        return try await write(operation) { tx in
            try await self.register(visibility: nil, by: actor, at: instant, tx) { _ in AsyncThrowingStream.one(documents) }
        }
    }

    @discardableResult
    public func registerDocuments<Batches: AsyncSequence<[NewDocument], any Error> & SendableMetatype>(
        visibility: Visibility?, by actor: String, at instant: Date, from batches: @Sendable (RegisteredBefore) -> Batches
    ) async throws -> Int {
        try await register(visibility: visibility, by: actor, at: instant, operation: "registering documents", batches)
    }

    private func register<Batches: AsyncSequence<[NewDocument], any Error> & SendableMetatype>(
        visibility: Visibility?, by actor: String, at instant: Date, operation: String, _ batches: @Sendable (RegisteredBefore) -> Batches
    ) async throws -> Int {
        // A source is read once: a transaction run again after a serialization failure would
        // find it spent and register less than it was given, so it is refused instead. (An
        // array, read again at will, is retried: `registerDocuments(_:by:at:)`.)
        let started = Atomic<Bool>(false)
        return try await write(operation) { tx in
            guard !started.exchange(true, ordering: .relaxed) else {
                throw StoreError.databaseFailure(self.location, operation: operation, detail:
                    "the transaction was interrupted after its documents were read from their source; run the registration again")
            }
            return try await self.register(visibility: visibility, by: actor, at: instant, tx, batches)
        }
    }

    /// Registers every batch in the transaction `tx`: each document counted under the calendar
    /// in force (its rules read as documents name them) and written with its events, before
    /// the next batch is asked for.
    ///
    /// The sequence `batches` makes is iterated here, in the transaction's task: its "registered
    /// before" lookups are queries on `tx`, between two batches.
    func register<Batches: AsyncSequence<[NewDocument], any Error> & SendableMetatype>(
        visibility: Visibility?, by actor: String, at instant: Date, _ tx: PostgresTransaction, _ batches: (RegisteredBefore) -> Batches
    ) async throws -> Int {
        var counter = RetentionCounter(try await Self.retentionContext(tx, rules: []))
        var absentRules = Set<String>()
        let firstID = try await tx.scalar(Int.self, RegisterQueries.nextDocumentID) ?? 1
        var nextID = firstID
        var nextSequence = try await Self.nextEventSequence(tx)
        let ruleHolds = try await Self.activeRuleHolds(tx)
        let today = CivilDate(dayOf: instant)
        // Events the new documents cause on registered ones: `replaced` (999) and `digitized`.
        var replacements: [(reference: String, event: LifecycleEvent)] = []
        var audit = RegistrationAudit()
        let isEmpty = try await tx.scalar(Bool.self, RegisterQueries.registerIsEmpty) ?? true
        // Whether a new document names another (digitized copy, replacement): the check for
        // names that match nothing runs only then.
        var namesOthers = false
        let registered = RegisteredBefore(isEmpty: isEmpty) { references in
            do {
                return try await Self.references(among: references, before: firstID, tx)
            } catch {
                throw LookupFailure(error: error)
            }
        }
        var source = batches(registered).makeAsyncIterator()
        while let batch = try await Self.next(&source) {
            for new in batch {
                let number = new.document.rule
                guard !counter.hasRule(number) && !absentRules.contains(number) else { continue }
                if let rule = try await Self.readRule(number, version: counter.context.calendarVersion, tx) {
                    counter.add(rules: [rule])
                } else {
                    absentRules.insert(number)
                }
            }
            var eventRows: [DocumentEventRow] = []
            var holdRows: [StoreValue] = []
            // Each document's count, phase and holds, its row then bound straight from them.
            var statuses: [RetentionStatus] = [], phases: [Phase] = [], heldFlags: [Bool] = []
            statuses.reserveCapacity(batch.count)
            phases.reserveCapacity(batch.count)
            heldFlags.reserveCapacity(batch.count)
            let batchID = nextID
            for new in batch {
                let holds = ruleHolds[new.document.rule] ?? []
                // Its events, with a `hold-placed` for each hold on its rule.
                var events = new.events
                for hold in holds {
                    events.append(.ruleHoldPlaced(hold, rule: new.document.rule, on: today, by: actor))
                    holdRows += [.integer(hold), .integer(nextID)]
                }
                // Most registered documents have no event yet: counted from their fields alone.
                statuses.append(events.isEmpty
                    ? counter.status(rule: new.document.rule, copy: new.document.copy, openedOn: new.document.openedOn, closedOn: new.document.closedOn)
                    : counter.status(of: new.document, events: events, held: !holds.isEmpty))
                phases.append(events.isEmpty ? .actif : Phase(events: events))
                heldFlags.append(!holds.isEmpty)
                for event in events {
                    eventRows.append(DocumentEventRow(sequence: nextSequence, document: nextID, event, recordedAt: instant))
                    nextSequence += 1
                }
                let named = new.document.eventsOnNamedDocuments(today: today, by: actor)
                if !named.isEmpty {
                    namesOthers = true
                    replacements += named
                }
                audit.note(new.document)
                nextID += 1
            }
            try await Self.insertDocuments(batch, registeredBefore: firstID, tx) { index, row in
                DocumentRow.write(id: batchID + index, batch[index].document, registeredAt: instant, registeredBy: actor,
                                  phase: phases[index], held: heldFlags[index], retention: statuses[index], to: &row)
            }
            if let last = batch.last { audit.lastReference = last.document.reference }
            try await tx.insert(eventRows)
            for (start, end) in stride(from: 0, to: holdRows.count, by: 1_000).map({ ($0, min($0 + 1_000, holdRows.count)) }) {
                let pairs = Array(repeating: "(?, ?)", count: (end - start) / 2).joined(separator: ", ")
                try await tx.execute("INSERT INTO hold_document (hold, document) VALUES \(pairs)", Array(holdRows[start..<end]))
            }
        }
        for (reference, event) in replacements {
            // Another unit's document reads as one that is not registered: nobody learns
            // another unit's references by naming them.
            guard let row = try await Self.documentRow(reference, tx), visibility?.allows(reference, holder: row.holder) ?? true else {
                throw Refusal(.replacedNotFound, ["reference": reference])
            }
            try await Self.append(event, to: row, at: instant, tx)
        }
        // Digitized copies and replacements name registered references: check them now
        // rather than at COMMIT, to say which.
        if namesOthers, let orphan = try await tx.scalar(String.self, RegisterQueries.orphanReference) {
            throw Refusal(.replacedNotFound, ["reference": orphan])
        }
        let count = nextID - firstID
        // The ids were numbered here (`RegisterQueries.nextDocumentID`): the identity follows.
        if count > 0 { try await tx.execute(StoreSchema.identityPastHighest("document")) }
        for (target, details) in audit.entries(count: count) {
            try await self.audit(tx, user: actor, action: "document.register", target: target, details: details, at: instant)
        }
        return count
    }

    /// Inserts the rows of `batch`, each bound by `bind(index, row)`, in as few statements as
    /// PostgreSQL's 65,535 parameters allow. A row the database refuses is found and said in
    /// words (`refusedDocument`): the batch is undone to a savepoint, then its rows are
    /// inserted one at a time until the one refused.
    private static func insertDocuments(
        _ batch: [NewDocument], registeredBefore firstID: Int, _ tx: PostgresTransaction, bind: (Int, inout PostgresRowBinder) -> Void
    ) async throws {
        guard !batch.isEmpty else { return }
        let perStatement = 65_535 / DocumentRow.table.columns.count
        func insert(_ rows: Range<Int>) async throws {
            var binder = PostgresRowBinder()
            for index in rows { bind(index, &binder) }
            _ = try await tx.connection.query(PostgresQuery(unsafeSQL: DocumentRow.table.insert(.postgresql, rows: rows.count), binds: binder.bindings),
                                              logger: tx.logger).collect()
        }
        try await tx.execute("SAVEPOINT registering_batch")
        do {
            for start in stride(from: 0, to: batch.count, by: perStatement) {
                try await insert(start..<min(start + perStatement, batch.count))
            }
            try await tx.execute("RELEASE SAVEPOINT registering_batch")
        } catch let error as PSQLError where Self.refusesRow(error) {
            try await tx.execute("ROLLBACK TO SAVEPOINT registering_batch")
            for index in batch.indices {
                try await tx.execute("SAVEPOINT registering_one")
                do {
                    try await insert(index..<(index + 1))
                } catch let refusal as PSQLError where Self.refusesRow(refusal) {
                    try await tx.execute("ROLLBACK TO SAVEPOINT registering_one")
                    throw try await refusedDocument(batch[index].document, refusal, registeredBefore: firstID, tx)
                }
                try await tx.execute("RELEASE SAVEPOINT registering_one")
            }
            throw error
        }
    }

    /// Whether PostgreSQL refused a row for its values (an integrity constraint, SQLSTATE
    /// 23xxx, or a value it cannot store, 22xxx, such as a NUL character in a text), as SQLite
    /// refuses a row: said in words rather than as a database failure.
    static func refusesRow(_ error: PSQLError) -> Bool {
        guard let state = error.serverInfo?[.sqlState] else { return false }
        return state.hasPrefix("23") || state.hasPrefix("22")
    }

    /// A document row the database refused (`refusesRow`), in words.
    static func refusedDocument(_ row: Document, _ error: PSQLError, registeredBefore firstID: Int, _ tx: PostgresTransaction) async throws -> any Error {
        let state = error.serverInfo?[.sqlState]
        if state == "23505" {
            let earlier = try await tx.scalar(Int.self, RegisterQueries.documentID, [.text(row.reference)])
            if let earlier, earlier >= firstID {
                return Refusal(.repeatedReference, ["reference": row.reference])
            }
            return Refusal(.alreadyRegistered, ["reference": row.reference])
        }
        if state == "23503", let box = row.box {
            return Refusal(.boxOfDocumentNotFound, ["reference": row.reference, "box": box])
        }
        return Refusal(.documentRefusedByStore, ["reference": row.reference, "detail": error.serverInfo?[.message] ?? "\(error.code)"])
    }

    /// The next batch of a source; an error of the source's own (not the database's, which
    /// its lookups may pass on) is marked to reach the caller unchanged.
    private static func next<Source: AsyncIteratorProtocol<[NewDocument], any Error>>(_ source: inout Source) async throws -> [NewDocument]? {
        do {
            return try await source.next()
        } catch let failure as LookupFailure {
            throw failure.error
        } catch {
            throw SourceFailure(error: error)
        }
    }

    /// A failure of the "registered before" lookup: the database's, not the source's.
    private struct LookupFailure: Error {
        let error: any Error
    }

    /// Which of `references` name documents whose id is below `id` (registered before).
    static func references(among references: [String], before id: Int, _ tx: PostgresTransaction) async throws -> Set<String> {
        var found = Set<String>()
        for (batch, markers) in Self.batches(of: references) {
            for row in try await tx.rows("SELECT reference FROM document WHERE reference IN (\(markers)) AND id < ?",
                                         batch.map(StoreValue.text) + [.integer(id)]) {
                found.insert(try row[0].decode(String.self))
            }
        }
        return found
    }

    public func registeredReferences(among references: [String]) async throws -> Set<String> {
        try await read("looking up references") { tx in
            var found = Set<String>()
            for (batch, markers) in Self.batches(of: references) {
                for row in try await tx.rows("SELECT reference FROM document WHERE reference IN (\(markers))", batch.map(StoreValue.text)) {
                    found.insert(try row[0].decode(String.self))
                }
            }
            return found
        }
    }

    public func document(_ reference: String) async throws -> RegisteredDocument? {
        try await read("reading document \(reference)") { tx in
            try await Self.documentRow(reference, tx)?.registered()
        }
    }

    public func documents(matching query: DocumentQuery?, limit: Int?) async throws -> [RegisteredDocument] {
        try await read("listing documents") { tx in
            var sql = DocumentRow.table.select(.sqlite, where: [])
            var arguments: [String] = []
            if let query {
                let (condition, values) = query.sql(.postgresqlWithQuestionMarks)
                sql += " WHERE " + condition
                arguments = values
            }
            sql += " ORDER BY reference"
            if let limit { sql += " LIMIT \(max(0, limit))" }
            return try await tx.fetch(DocumentRow.self, sql: sql, arguments.map(StoreValue.text)).map { try $0.registered() }
        }
    }

    public func events(of reference: String) async throws -> [RecordedEvent] {
        try await read("reading the events of \(reference)") { tx in
            guard let row = try await Self.documentRow(reference, tx) else { throw Refusal(.documentNotFound, ["reference": reference]) }
            return try await Self.eventRows(of: row.id, tx).map { try $0.recorded() }
        }
    }

    @discardableResult
    public func appendEvent(_ event: LifecycleEvent, to reference: String, at instant: Date) async throws -> RecordedEvent {
        try await write("recording \(event.kind.rawValue) on \(reference)") { tx in
            guard let row = try await Self.documentRow(reference, tx) else { throw Refusal(.documentNotFound, ["reference": reference]) }
            try event.checkRecordable(on: reference, phase: Phase(rawValue: row.phase) ?? .actif, openedOn: row.openedOn.flatMap(CivilDate.init(iso:)),
                                      recorded: try await Self.eventRows(of: row.id, tx).map { try $0.event() }, today: CivilDate(dayOf: instant))
            let recorded = try await Self.append(event, to: row, at: instant, tx)
            try await self.audit(tx, user: event.by, action: "document.event", target: "document \(reference)",
                                 details: ["kind": event.kind.rawValue, "on": event.on.description, "name": event.name ?? "", "reason": event.reason ?? ""],
                                 at: instant)
            return recorded
        }
    }

    // MARK: - Boxes

    public func addBox(_ box: Box, by actor: String, at instant: Date) async throws {
        try await write("registering box \(box.code)") { tx in
            guard try await Self.boxRow(box.code, tx) == nil else { throw Refusal(.boxAlreadyRegistered, ["box": box.code]) }
            try await tx.execute(RegisterQueries.insertBox, [.text(box.code), StoreValue(box.location.building), StoreValue(box.location.room), StoreValue(box.location.shelving),
                      StoreValue(box.contents), .integer(StoredCode.microseconds(instant)), .text(actor), StoreValue(box.linearMillimetres)])
            try await self.audit(tx, user: actor, action: "box.add", target: "box \(box.code)", details: ["location": box.location.description], at: instant)
        }
    }

    public func box(_ code: String) async throws -> Box? {
        try await read("reading box \(code)") { tx in try await Self.boxRow(code, tx) }
    }

    public func boxes() async throws -> [Box] {
        try await read("listing boxes") { tx in
            try await tx.rows(RegisterQueries.boxes).map(Self.box)
        }
    }

    // MARK: - Open periods

    public func confirmOpenPeriod(_ confirmation: OpenPeriodConfirmation) async throws {
        try await write("confirming the open period of rule \(confirmation.rule)") { tx in
            try await tx.execute(RegisterQueries.deleteConfirmation,
                                 [.text(confirmation.rule), .text(confirmation.copy.rawValue), .text(confirmation.period.rawValue)])
            try await tx.execute(RegisterQueries.insertConfirmation, [.text(confirmation.rule), .text(confirmation.copy.rawValue), .text(confirmation.period.rawValue),
                      .text(confirmation.event.event), .integer(confirmation.event.offsetYears), StoreValue(confirmation.remark),
                      .integer(confirmation.calendarVersion), .integer(StoredCode.microseconds(confirmation.confirmedAt)),
                      .text(confirmation.confirmedBy)])
            let context = try await Self.retentionContext(tx, rules: [confirmation.rule])
            try await Self.recount(tx, context, where: "rule = ?", [.text(confirmation.rule)])
            try await self.audit(tx, user: confirmation.confirmedBy, action: "calendar.confirm-event", target: "rule \(confirmation.rule)",
                                 details: ["copy": confirmation.copy.rawValue, "period": confirmation.period.rawValue,
                                           "event": confirmation.event.event, "offset_years": String(confirmation.event.offsetYears)],
                                 at: confirmation.confirmedAt)
        }
    }

    public func openPeriodConfirmations() async throws -> [OpenPeriodConfirmation] {
        try await read("listing open-period confirmations") { tx in try await Self.confirmations(tx) }
    }

    // MARK: - Holds

    public func placeHold(_ scope: Hold.Scope, reason: String, by actor: String, at instant: Date) async throws -> Hold {
        try await write("placing a hold") { tx in
            let ids: [Int]
            switch scope {
            case .document(let reference):
                guard let row = try await Self.documentRow(reference, tx) else { throw Refusal(.documentNotFound, ["reference": reference]) }
                try Hold.checkPlaceable(on: reference, phase: Phase(rawValue: row.phase) ?? .actif)
                ids = [row.id]
            case .rule(let number):
                ids = try await tx.rows(RegisterQueries.keptDocumentsOfRule, [.text(number)])
                    .map { try $0[0].decode(Int.self) }
            case .query(let query):
                let (condition, values) = query.sql(.postgresqlWithQuestionMarks)
                ids = try await tx.rows(RegisterQueries.keptDocuments(matching: condition), values.map(StoreValue.text))
                    .map { try $0[0].decode(Int.self) }
                try Hold.checkCovers(ids.count, scope: scope)
            }
            let id = try await tx.scalar(Int.self, RegisterQueries.insertHold, [
                .text(reason), .text(scope.code), .text(scope.target), .integer(StoredCode.microseconds(instant)), .text(actor),
            ])!
            let today = CivilDate(dayOf: instant)
            var sequence = try await Self.nextEventSequence(tx)
            for document in ids {
                try await tx.execute(RegisterQueries.insertHoldDocument, [.integer(id), .integer(document)])
                let event = Hold.event(.holdPlaced, hold: id, reason: reason, by: actor, on: today)
                try await tx.insert([DocumentEventRow(sequence: sequence, document: document, event, recordedAt: instant)])
                sequence += 1
                try await tx.execute(RegisterQueries.markHeld, [.integer(document)])
            }
            let entry = Hold.placingAudit(id, scope: scope, reason: reason, documents: ids.count)
            try await self.audit(tx, user: actor, action: entry.action, target: entry.target, details: entry.details, at: instant)
            return try await Self.hold(id, tx)
        }
    }

    public func releaseHold(_ id: Int, reason: String, by actor: String, at instant: Date) async throws -> Hold {
        try await write("releasing hold \(id)") { tx in
            let hold = try await Self.hold(id, tx)
            try hold.checkRelease()
            try await tx.execute(RegisterQueries.releaseHold, [.integer(StoredCode.microseconds(instant)), .text(actor), .text(reason), .integer(id)])
            let today = CivilDate(dayOf: instant)
            var sequence = try await Self.nextEventSequence(tx)
            let documents = try await tx.rows(RegisterQueries.documentsOfHold, [.integer(id)])
                .map { try $0[0].decode(Int.self) }
            for document in documents {
                let event = Hold.event(.holdReleased, hold: id, reason: reason, by: actor, on: today)
                try await tx.insert([DocumentEventRow(sequence: sequence, document: document, event, recordedAt: instant)])
                sequence += 1
                try await tx.execute(RegisterQueries.recomputeHeld, [.integer(document)])
            }
            let entry = Hold.releaseAudit(id, reason: reason)
            try await self.audit(tx, user: actor, action: entry.action, target: entry.target, details: entry.details, at: instant)
            return try await Self.hold(id, tx)
        }
    }

    public func holds(includingReleased: Bool) async throws -> [Hold] {
        try await read("listing holds") { tx in
            let ids = try await tx.rows("SELECT id FROM hold\(includingReleased ? "" : " WHERE released_at IS NULL") ORDER BY id")
                .map { try $0[0].decode(Int.self) }
            var holds: [Hold] = []
            for id in ids { holds.append(try await Self.hold(id, tx)) }
            return holds
        }
    }

    // MARK: - Due list

    public func dueDocuments(asOf date: CivilDate, action: DueAction?) async throws -> [DueDocument] {
        try await read("listing what is due on \(date)") { tx in
            var result: [DueDocument] = []
            try await Self.due(asOf: date, action: action, tx) { result.append($0) }
            return result
        }
    }

    public func forEachDueDocument(asOf date: CivilDate, action: DueAction?, _ body: @escaping @Sendable (DueDocument) throws -> Void) async throws {
        try await read("listing what is due on \(date)") { tx in
            try await Self.due(asOf: date, action: action, tx, body)
        }
    }

    /// The documents due on `date`, sorted by the due date shown then the reference, streamed.
    ///
    /// The action and its date are `RetentionStatus.action`'s, asked of each row: the final
    /// action once its date has come, else the transfer. The rows are those whose first pending
    /// date (`due_on`) has come; the list is ordered by the date it shows, which for a document
    /// whose transfer and final dates have both passed is the later one.
    static func due(asOf date: CivilDate, action: DueAction?, _ tx: PostgresTransaction, _ body: (DueDocument) throws -> Void) async throws {
        try await tx.forEachRow(RegisterQueries.dueDocuments(.postgresql), [.text(date.description), .text(date.description)]) { row in
            let phaseCode = try row[6].decode(String.self)
            guard let phase = Phase(rawValue: phaseCode) else { throw CorruptValue("column phase holds '\(phaseCode)'") }
            var finalAction: DueAction?
            if let code = try row[9].decode(String?.self) {
                guard let parsed = DueAction(rawValue: code) else { throw CorruptValue("column final_action holds '\(code)'") }
                finalAction = parsed
            }
            let status = RetentionStatus(calendarVersion: 0, transferOn: try civilDate(row[7].decode(String?.self), "transfer_on"),
                                         finalOn: try civilDate(row[8].decode(String?.self), "final_on"), finalAction: finalAction)
            guard let (dueAction, due) = status.action(dueOn: date, phase: phase) else { return }
            if let action, action != dueAction { return }
            let copyCode = try row[3].decode(String.self)
            guard let copy = CopyKind(rawValue: copyCode) else { throw CorruptValue("column copy holds '\(copyCode)'") }
            try body(DueDocument(
                reference: try row[0].decode(String.self), title: try row[1].decode(String.self), rule: try row[2].decode(String.self),
                copy: copy, support: try row[4].decode(String.self), holder: try row[5].decode(String.self),
                action: dueAction, due: due, held: try row[10].decode(Bool.self)))
        }
    }

    /// A stored `YYYY-MM-DD` date, or nil for NULL.
    static func civilDate(_ text: String?, _ column: String) throws -> CivilDate? {
        try text.map { try StoredCode.civilDate($0, column: column) }
    }

    public func waitingDocuments() async throws -> [WaitingDocument] {
        try await read("listing what waits") { tx in
            try await tx.rows(RegisterQueries.waitingDocuments(.postgresql)).map { row in
                let code = try row[5].decode(String.self), copyCode = try row[3].decode(String.self)
                guard let wait = RetentionWait(code: code) else { throw CorruptValue("column waiting holds '\(code)'") }
                guard let copy = CopyKind(rawValue: copyCode) else { throw CorruptValue("column copy holds '\(copyCode)'") }
                return WaitingDocument(reference: try row[0].decode(String.self), title: try row[1].decode(String.self),
                                       rule: try row[2].decode(String.self), copy: copy, holder: try row[4].decode(String.self), waiting: wait)
            }
        }
    }
}

// MARK: - Helpers inside a transaction

extension PostgresStore {
    /// `values` 500 at a time, each slice with the `?, ?, …` markers of its `IN (…)` list: one
    /// statement takes a bounded number of parameters (as `SQLiteStore.inBatches`).
    static func batches<Value>(of values: [Value]) -> [(batch: [Value], markers: String)] {
        stride(from: 0, to: values.count, by: 500).map { start in
            let batch = Array(values[start..<min(start + 500, values.count)])
            return (batch, Array(repeating: "?", count: batch.count).joined(separator: ", "))
        }
    }

    /// The calendar in force and the confirmations, for the rules named (all when nil).
    static func retentionContext(_ tx: PostgresTransaction, rules numbers: Set<String>?) async throws -> RetentionContext {
        let byRule = OpenPeriodConfirmation.byRule(try await confirmations(tx))
        guard let latest = try await tx.scalar(Int.self, RegisterQueries.latestVersion),
              let yearEndText = try await tx.scalar(String.self, RegisterQueries.yearEnd, [.integer(latest)])
        else {
            return RetentionContext(calendarVersion: 0, yearEnd: .schoolYearEnd, rules: [:], confirmations: byRule)
        }
        let yearEnd = try StoredCode.monthDay(yearEndText)
        var rules: [String: Rule] = [:]
        if let numbers {
            for number in numbers {
                if let rule = try await readRule(number, version: latest, tx) { rules[number] = rule }
            }
        } else if let calendar = try await readCalendar(latest, tx) {
            for rule in calendar.rules { rules[rule.number] = rule }
        }
        return RetentionContext(calendarVersion: latest, yearEnd: yearEnd, rules: rules, confirmations: byRule)
    }

    /// Recounts the documents `condition` selects under `context`, writing their phase and
    /// retention columns. The context must hold their rules.
    ///
    /// 500 documents at a time: their events read in one statement and their counts written in
    /// another, rather than two round trips to the server per document (a calendar change may
    /// recount the whole register).
    static func recount(_ tx: PostgresTransaction, _ context: RetentionContext, where condition: String, _ values: [StoreValue]) async throws {
        let rows = try await tx.fetch(DocumentRow.self, sql: DocumentRow.table.select(.sqlite, where: []) + " WHERE " + condition, values)
        for (slice, markers) in batches(of: rows) {
            var events: [Int: [LifecycleEvent]] = [:]
            for event in try await tx.fetch(DocumentEventRow.self, sql: DocumentEventRow.table.select(.sqlite, where: [])
                                                + " WHERE document IN (\(markers)) ORDER BY document, sequence", slice.map { .integer($0.id) }) {
                events[event.document, default: []].append(try event.event())
            }
            var counts: [StoreValue] = []
            counts.reserveCapacity(slice.count * 8)
            for var row in slice {
                try row.recount(events: events[row.id] ?? [], context)
                counts += [.integer(row.id), .text(row.phase), .integer(row.calendarVersion), StoreValue(row.transferOn), StoreValue(row.finalOn),
                           StoreValue(row.finalAction), StoreValue(row.waiting), StoreValue(row.dueOn)]
            }
            let rowsOfValues = Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?)", count: slice.count).joined(separator: ", ")
            try await tx.execute("""
                UPDATE document AS d SET phase = v.phase, calendar_version = v.calendar_version, transfer_on = v.transfer_on,
                    final_on = v.final_on, final_action = v.final_action, waiting = v.waiting, due_on = v.due_on
                FROM (VALUES \(rowsOfValues)) AS v (id, phase, calendar_version, transfer_on, final_on, final_action, waiting, due_on)
                WHERE d.id = v.id
                """, counts)
        }
    }

    /// Writes a recount of one document.
    static func update(_ row: inout DocumentRow, events: [LifecycleEvent], _ context: RetentionContext, _ tx: PostgresTransaction) async throws {
        try row.recount(events: events, context)
        try await tx.execute(RegisterQueries.recount, [.text(row.phase), .integer(row.calendarVersion), StoreValue(row.transferOn), StoreValue(row.finalOn),
                  StoreValue(row.finalAction), StoreValue(row.waiting), StoreValue(row.dueOn), .integer(row.id)])
    }

    /// Appends an event to a document and recounts it.
    @discardableResult
    static func append(_ event: LifecycleEvent, to row: DocumentRow, at instant: Date, _ tx: PostgresTransaction) async throws -> RecordedEvent {
        let eventRow = DocumentEventRow(sequence: try await nextEventSequence(tx), document: row.id, event, recordedAt: instant)
        try await tx.insert([eventRow])
        var row = row
        let events = try await eventRows(of: row.id, tx).map { try $0.event() }
        try await update(&row, events: events, try await retentionContext(tx, rules: [row.rule]), tx)
        return try eventRow.recorded()
    }

    /// After a new calendar version: recounts the documents whose rule changed, appeared or
    /// disappeared (all of them when the year end changed).
    static func recountAfterCalendarChange(_ tx: PostgresTransaction, previous: RetentionCalendar?, current: RetentionCalendar) async throws {
        guard try await tx.scalar(Bool.self, RegisterQueries.hasDocuments) == true else { return }
        let context = try await retentionContext(tx, rules: nil)
        guard let changed = current.rulesChanged(since: previous) else {
            return try await recount(tx, context, where: "1 = 1", [])
        }
        // One pass over the table per 500 rules changed, rather than one per rule (there is
        // no index by rule).
        for (rules, markers) in batches(of: changed) {
            try await recount(tx, context, where: "rule IN (\(markers))", rules.map(StoreValue.text))
        }
    }

    static func nextEventSequence(_ tx: PostgresTransaction) async throws -> Int {
        try await tx.scalar(Int.self, RegisterQueries.nextEventSequence) ?? 1
    }

    static func documentRow(_ reference: String, _ tx: PostgresTransaction) async throws -> DocumentRow? {
        try await tx.fetch(DocumentRow.self, where: ["reference": .text(reference)]).first
    }

    static func eventRows(of document: Int, _ tx: PostgresTransaction) async throws -> [DocumentEventRow] {
        try await tx.fetch(DocumentEventRow.self, where: ["document": .integer(document)], orderBy: ["sequence"])
    }

    /// Active rule holds, by rule number.
    static func activeRuleHolds(_ tx: PostgresTransaction) async throws -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for row in try await tx.rows(RegisterQueries.activeRuleHolds) {
            result[try row[1].decode(String.self), default: []].append(try row[0].decode(Int.self))
        }
        return result
    }

    static func hold(_ id: Int, _ tx: PostgresTransaction) async throws -> Hold {
        guard let row = try await tx.rows(RegisterQueries.hold, [.integer(id)]).first else { throw Refusal(.holdNotFound, ["hold": String(id)]) }
        let scope = try Hold.Scope.stored(code: try row[2].decode(String.self), target: try row[3].decode(String.self), hold: id)
        let units = try await tx.rows(RegisterQueries.holdHolders, [.integer(id)]).map { try $0[0].decode(String.self) }
        return Hold(id: try row[0].decode(Int.self), reason: try row[1].decode(String.self), scope: scope,
                    placedAt: StoredCode.date(microseconds: try row[4].decode(Int.self)), placedBy: try row[5].decode(String.self),
                    releasedAt: try row[6].decode(Int?.self).map { StoredCode.date(microseconds: $0) }, releasedBy: try row[7].decode(String?.self),
                    releaseReason: try row[8].decode(String?.self), documentCount: try row[9].decode(Int.self), holderUnits: units)
    }

    static func confirmations(_ tx: PostgresTransaction) async throws -> [OpenPeriodConfirmation] {
        try await tx.rows(RegisterQueries.confirmations).map { row in
            let copyCode = try row[1].decode(String.self), periodCode = try row[2].decode(String.self)
            guard let copy = CopyKind(rawValue: copyCode), let period = CopyField(rawValue: periodCode) else {
                throw CorruptValue("open_period_event holds copy '\(copyCode)', period '\(periodCode)'")
            }
            return OpenPeriodConfirmation(
                rule: try row[0].decode(String.self), copy: copy, period: period,
                event: OpenPeriodEvent(event: try row[3].decode(String.self), offsetYears: try row[4].decode(Int.self)),
                remark: try row[5].decode(String?.self), calendarVersion: try row[6].decode(Int.self),
                confirmedAt: StoredCode.date(microseconds: try row[7].decode(Int.self)), confirmedBy: try row[8].decode(String.self))
        }
    }

    static func boxRow(_ code: String, _ tx: PostgresTransaction) async throws -> Box? {
        try await tx.rows(RegisterQueries.box, [.text(code)]).first.map(box)
    }

    /// A box read as `code, building, room, shelving, contents, linear_mm`.
    static func box(_ row: PostgresRandomAccessRow) throws -> Box {
        Box(code: try row[0].decode(String.self),
            location: PhysicalLocation(building: try row[1].decode(String?.self), room: try row[2].decode(String?.self),
                                       shelving: try row[3].decode(String?.self)),
            contents: try row[4].decode(String?.self), linearMillimetres: try row[5].decode(Int?.self))
    }
}
