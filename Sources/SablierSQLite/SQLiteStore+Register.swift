public import Foundation
public import SablierCore
public import SablierStore
import GRDB
import GRDBSQLite

extension SQLiteStore: RegisterStore {
    // MARK: - Documents

    @discardableResult
    public func registerDocuments(_ documents: [NewDocument], by actor: String, at instant: Date) async throws -> Int {
        guard !documents.isEmpty else { return 0 }
        let operation = "registering \(documents.count) document\(documents.count == 1 ? "" : "s")"
        return try await register(DocumentArray(documents), visibility: nil, by: actor, at: instant, operation: operation)
    }

    /// Iterates `batches` in the caller's task while GRDB's writer thread writes them in the
    /// one transaction (`DocumentFeed`): reading, counting and writing overlap.
    @discardableResult
    public func registerDocuments<Batches: AsyncSequence<[NewDocument], any Error> & SendableMetatype>(
        visibility: Visibility?, by actor: String, at instant: Date, from batches: @Sendable (RegisteredBefore) -> Batches
    ) async throws -> Int {
        let feed = DocumentFeed()
        async let written = register(feed, visibility: visibility, by: actor, at: instant, operation: "registering documents")
        await feed.pump(batches)
        return try await written
    }

    private func register(_ feed: some RegistrationFeed, visibility: Visibility?, by actor: String, at instant: Date,
                          operation: String) async throws -> Int {
        // However it ends, even before the transaction began, the feed's source stops waiting.
        defer { feed.close() }
        return try await perform(operation) { database in
            try await database.writeWithoutTransaction { db in
                // Each INSERT of many rows keeps the pages it changes in a statement journal,
                // to undo itself if a row is refused: in memory rather than in a temporary
                // file, that journal no longer costs a system call per page (a million of them
                // for a million documents). It lasts one statement, so it stays small.
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                defer { try? db.execute(sql: "PRAGMA temp_store = DEFAULT") }
                var count = 0
                try db.inTransaction {
                    count = try self.register(feed, visibility: visibility, by: actor, at: instant, db)
                    return .commit
                }
                return count
            }
        }
    }

    /// Registers every batch in the transaction of `db`: each document counted under the
    /// calendar in force (its rules read as documents name them) and written with its events,
    /// before the next batch is asked for.
    func register(_ feed: some RegistrationFeed, visibility: Visibility?, by actor: String, at instant: Date, _ db: Database) throws -> Int {
        var counter = RetentionCounter(try Self.retentionContext(db, rules: []))
        var absentRules = Set<String>()
        let firstID = try Int.fetchOne(db, sql: RegisterQueries.nextDocumentID) ?? 1
        var nextID = firstID
        var nextSequence = try Self.nextEventSequence(db)
        let ruleHolds = try Self.activeRuleHolds(db)
        let today = CivilDate(dayOf: instant)
        let documentInserter = SQLiteInserter<DocumentRow>(db)
        let eventInserter = SQLiteInserter<DocumentEventRow>(db)
        var statuses: [RetentionStatus] = []
        var phases: [Phase] = []
        var heldFlags: [Bool] = []
        var eventRows: [DocumentEventRow] = []
        // Events the new documents cause on registered ones: `replaced` (999) and `digitized`.
        var replacements: [(reference: String, event: LifecycleEvent)] = []
        // What the audit trail says of the registration: each document of a small one.
        var audit = RegistrationAudit()
        let isEmpty = try Bool.fetchOne(db, sql: RegisterQueries.registerIsEmpty) ?? true
        // Whether a new document names another (digitized copy, replacement): the check
        // for names that match nothing runs only then.
        var namesOthers = false
        let registered = { (references: [String]) throws -> Set<String> in
            isEmpty || references.isEmpty ? [] : try Self.references(among: references, before: firstID, db)
        }
        feed.begin(isEmpty: isEmpty)
        // The feed may count documents before handing them over with this counter (see
        // `DocumentFeed`); it is handed over again whenever rules are read.
        feed.count(with: counter)
        while let (batch, handed) = try feed.next(registered) {
            // Statuses counted with this transaction's counter, if they were (one of another
            // calendar version cannot be from it, and is counted again here).
            let version = counter.context.calendarVersion
            let counted = handed?.count == batch.count ? handed : nil
            var learned = false
            for index in batch.indices where counted?[index]?.calendarVersion != version {
                let number = batch[index].document.rule
                guard !counter.hasRule(number) && !absentRules.contains(number) else { continue }
                if let rule = try Self.readRule(number, version: counter.context.calendarVersion, db) {
                    counter.add(rules: [rule])
                    learned = true
                } else {
                    absentRules.insert(number)
                }
            }
            if learned { feed.count(with: counter) }
            // Each document's count, phase and holds, then its row written straight from it.
            statuses.removeAll(keepingCapacity: true)
            phases.removeAll(keepingCapacity: true)
            heldFlags.removeAll(keepingCapacity: true)
            eventRows.removeAll(keepingCapacity: true)
            var holdRows: [(hold: Int, document: Int)] = []
            let batchID = nextID
            // The batch is read in place, field by field: iterating it by value would copy
            // each document's fifteen-odd strings (a retain and a release each) twice per row.
            try batch.withUnsafeBufferPointer { documents in
                for index in documents.indices {
                    let new = documents.baseAddress! + index
                    let holds = ruleHolds.isEmpty ? [] : ruleHolds[new.pointee.document.rule] ?? []
                    // Its events, with a `hold-placed` for each hold on its rule.
                    var events = new.pointee.events
                    for hold in holds {
                        events.append(.ruleHoldPlaced(hold, rule: new.pointee.document.rule, on: today, by: actor))
                        holdRows.append((hold, nextID))
                    }
                    if holds.isEmpty, counted?[index]?.calendarVersion == version, let status = counted?[index] {
                        // Counted by the source with this transaction's counter.
                        statuses.append(status)
                    } else if events.isEmpty {
                        // Most registered documents have no event yet: counted from their fields alone.
                        statuses.append(counter.status(rule: new.pointee.document.rule, copy: new.pointee.document.copy,
                                                       openedOn: new.pointee.document.openedOn, closedOn: new.pointee.document.closedOn))
                    } else {
                        statuses.append(counter.status(of: new.pointee.document, events: events, held: !holds.isEmpty))
                    }
                    phases.append(events.isEmpty ? .actif : Phase(events: events))
                    for event in events {
                        eventRows.append(DocumentEventRow(sequence: nextSequence, document: nextID, event, recordedAt: instant))
                        nextSequence += 1
                    }
                    heldFlags.append(!holds.isEmpty)
                    if new.pointee.document.digitizedFrom != nil || new.pointee.document.replaces != nil {
                        namesOthers = true
                        replacements += new.pointee.document.eventsOnNamedDocuments(today: today, by: actor)
                    }
                    if audit.wantsMore { audit.note(new.pointee.document) }
                    nextID += 1
                }
                do {
                    // Read through the pointers: a subscript would copy each document (its
                    // fifteen-odd strings retained and released) and its status.
                    try statuses.withUnsafeBufferPointer { statuses in
                        try documentInserter.insert(count: documents.count) { index, row throws(DatabaseError) in
                            try DocumentRow.write(id: batchID + index, (documents.baseAddress! + index).pointee.document,
                                                  registeredAt: instant, registeredBy: actor, phase: phases[index],
                                                  held: heldFlags[index], retention: (statuses.baseAddress! + index).pointee, to: &row)
                        }
                    }
                } catch let refusal as SQLiteInserter<DocumentRow>.RefusalAt {
                    throw Self.refusedDocument(documents[refusal.index].document, refusal.error, registeredBefore: firstID, db)
                }
            }
            if let last = batch.last { audit.lastReference = last.document.reference }
            try eventInserter.insert(eventRows)
            for (hold, document) in holdRows {
                try db.execute(sql: "INSERT INTO hold_document (hold, document) VALUES (?, ?)", arguments: [hold, document])
            }
        }
        for (reference, event) in replacements {
            // Another unit's document reads as one that is not registered: nobody learns
            // another unit's references by naming them.
            guard let row = try Self.documentRow(reference, db), visibility?.allows(reference, holder: row.holder) ?? true else {
                throw Refusal(.replacedNotFound, ["reference": reference])
            }
            try Self.append(event, to: row, at: instant, db)
        }
        // Digitized copies and replacements name registered references: check them now
        // rather than at COMMIT, to say which.
        if namesOthers, let orphan = try String.fetchOne(db, sql: RegisterQueries.orphanReference) {
            throw Refusal(.replacedNotFound, ["reference": orphan])
        }
        // One entry per document for small registrations; one for a large file, naming its
        // count and its first and last references.
        let count = nextID - firstID
        for (target, details) in audit.entries(count: count) {
            try self.audit(db, user: actor, action: "document.register", target: target, details: details, at: instant)
        }
        return count
    }

    /// Which of `references` name documents whose id is below `id` (registered before).
    static func references(among references: [String], before id: Int, _ db: Database) throws -> Set<String> {
        var found = Set<String>()
        try Self.inBatches(references) { batch, markers in
            found.formUnion(try String.fetchAll(db, sql: "SELECT reference FROM document WHERE reference IN (\(markers)) AND id < ?",
                                                arguments: StatementArguments(batch + [String(id)])))
        }
        return found
    }

    public func registeredReferences(among references: [String]) async throws -> Set<String> {
        try await read("looking up references") { db in
            var found = Set<String>()
            try Self.inBatches(references) { batch, markers in
                found.formUnion(try String.fetchAll(db, sql: "SELECT reference FROM document WHERE reference IN (\(markers))",
                                                    arguments: StatementArguments(batch)))
            }
            return found
        }
    }

    public func document(_ reference: String) async throws -> RegisteredDocument? {
        try await read("reading document \(reference)") { db in
            try Self.documentRow(reference, db)?.registered()
        }
    }

    public func documents(matching query: DocumentQuery?, limit: Int?) async throws -> [RegisteredDocument] {
        try await read("listing documents") { db in
            var sql = DocumentRow.table.select(.sqlite, where: [])
            var arguments: [String] = []
            if let query {
                let (condition, values) = query.sql(.sqlite)
                sql += " WHERE " + condition
                arguments = values
            }
            sql += " ORDER BY reference"
            if let limit { sql += " LIMIT \(max(0, limit))" }
            return try db.fetchStoredRows(DocumentRow.self, sql: sql, arguments: StatementArguments(arguments)).map { try $0.registered() }
        }
    }

    public func events(of reference: String) async throws -> [RecordedEvent] {
        try await read("reading the events of \(reference)") { db in
            guard let row = try Self.documentRow(reference, db) else { throw Refusal(.documentNotFound, ["reference": reference]) }
            return try Self.eventRows(of: row.id, db).map { try $0.recorded() }
        }
    }

    @discardableResult
    public func appendEvent(_ event: LifecycleEvent, to reference: String, at instant: Date) async throws -> RecordedEvent {
        try await perform("recording \(event.kind.rawValue) on \(reference)") { database in
            try await database.write { db in
                guard let row = try Self.documentRow(reference, db) else { throw Refusal(.documentNotFound, ["reference": reference]) }
                try event.checkRecordable(on: reference, phase: Phase(rawValue: row.phase) ?? .actif, openedOn: row.openedOn.flatMap(CivilDate.init(iso:)),
                                          recorded: try Self.eventRows(of: row.id, db).map { try $0.event() }, today: CivilDate(dayOf: instant))
                let recorded = try Self.append(event, to: row, at: instant, db)
                try self.audit(db, user: event.by, action: "document.event", target: "document \(reference)",
                               details: ["kind": event.kind.rawValue, "on": event.on.description, "name": event.name ?? "", "reason": event.reason ?? ""],
                               at: instant)
                return recorded
            }
        }
    }

    // MARK: - Boxes

    public func addBox(_ box: Box, by actor: String, at instant: Date) async throws {
        try await perform("registering box \(box.code)") { database in
            try await database.write { db in
                guard try Self.boxRow(box.code, db) == nil else { throw Refusal(.boxAlreadyRegistered, ["box": box.code]) }
                try db.execute(sql: RegisterQueries.insertBox, arguments: [box.code, box.location.building, box.location.room, box.location.shelving, box.contents,
                                     StoredCode.microseconds(instant), actor, box.linearMillimetres])
                try self.audit(db, user: actor, action: "box.add", target: "box \(box.code)", details: ["location": box.location.description], at: instant)
            }
        }
    }

    public func box(_ code: String) async throws -> Box? {
        try await read("reading box \(code)") { db in try Self.boxRow(code, db) }
    }

    public func boxes() async throws -> [Box] {
        try await read("listing boxes") { db in
            try Row.fetchAll(db, sql: RegisterQueries.boxes).map(Self.box)
        }
    }

    // MARK: - Open periods

    public func confirmOpenPeriod(_ confirmation: OpenPeriodConfirmation) async throws {
        try await perform("confirming the open period of rule \(confirmation.rule)") { database in
            try await database.write { db in
                try db.execute(sql: RegisterQueries.deleteConfirmation,
                               arguments: [confirmation.rule, confirmation.copy.rawValue, confirmation.period.rawValue])
                try db.execute(sql: RegisterQueries.insertConfirmation, arguments: [confirmation.rule, confirmation.copy.rawValue, confirmation.period.rawValue,
                                     confirmation.event.event, confirmation.event.offsetYears, confirmation.remark,
                                     confirmation.calendarVersion, StoredCode.microseconds(confirmation.confirmedAt),
                                     confirmation.confirmedBy])
                let context = try Self.retentionContext(db, rules: [confirmation.rule])
                try Self.recount(db, context, where: "rule = ?", [confirmation.rule])
                try self.audit(db, user: confirmation.confirmedBy, action: "calendar.confirm-event", target: "rule \(confirmation.rule)",
                               details: ["copy": confirmation.copy.rawValue, "period": confirmation.period.rawValue,
                                         "event": confirmation.event.event, "offset_years": String(confirmation.event.offsetYears)],
                               at: confirmation.confirmedAt)
            }
        }
    }

    public func openPeriodConfirmations() async throws -> [OpenPeriodConfirmation] {
        try await read("listing open-period confirmations") { db in try Self.confirmations(db) }
    }

    // MARK: - Holds

    public func placeHold(_ scope: Hold.Scope, reason: String, by actor: String, at instant: Date) async throws -> Hold {
        try await perform("placing a hold") { database in
            try await database.write { db in
                let ids: [Int]
                switch scope {
                case .document(let reference):
                    guard let row = try Self.documentRow(reference, db) else { throw Refusal(.documentNotFound, ["reference": reference]) }
                    try Hold.checkPlaceable(on: reference, phase: Phase(rawValue: row.phase) ?? .actif)
                    ids = [row.id]
                case .rule(let number):
                    ids = try Int.fetchAll(db, sql: RegisterQueries.keptDocumentsOfRule, arguments: [number])
                case .query(let query):
                    let (condition, values) = query.sql(.sqlite)
                    ids = try Int.fetchAll(db, sql: RegisterQueries.keptDocuments(matching: condition), arguments: StatementArguments(values))
                    try Hold.checkCovers(ids.count, scope: scope)
                }
                let id = try Int.fetchOne(db, sql: RegisterQueries.insertHold,
                                          arguments: [reason, scope.code, scope.target, StoredCode.microseconds(instant), actor])!
                let today = CivilDate(dayOf: instant)
                var sequence = try Self.nextEventSequence(db)
                for document in ids {
                    try db.execute(sql: RegisterQueries.insertHoldDocument, arguments: [id, document])
                    let event = Hold.event(.holdPlaced, hold: id, reason: reason, by: actor, on: today)
                    try SQLiteInserter<DocumentEventRow>(db).insert([DocumentEventRow(sequence: sequence, document: document, event, recordedAt: instant)])
                    sequence += 1
                    try db.execute(sql: RegisterQueries.markHeld, arguments: [document])
                }
                let entry = Hold.placingAudit(id, scope: scope, reason: reason, documents: ids.count)
                try self.audit(db, user: actor, action: entry.action, target: entry.target, details: entry.details, at: instant)
                return try Self.hold(id, db)
            }
        }
    }

    public func releaseHold(_ id: Int, reason: String, by actor: String, at instant: Date) async throws -> Hold {
        try await perform("releasing hold \(id)") { database in
            try await database.write { db in
                let hold = try Self.hold(id, db)
                try hold.checkRelease()
                try db.execute(sql: RegisterQueries.releaseHold, arguments: [StoredCode.microseconds(instant), actor, reason, id])
                let today = CivilDate(dayOf: instant)
                var sequence = try Self.nextEventSequence(db)
                for document in try Int.fetchAll(db, sql: RegisterQueries.documentsOfHold, arguments: [id]) {
                    let event = Hold.event(.holdReleased, hold: id, reason: reason, by: actor, on: today)
                    try SQLiteInserter<DocumentEventRow>(db).insert([DocumentEventRow(sequence: sequence, document: document, event, recordedAt: instant)])
                    sequence += 1
                    try db.execute(sql: RegisterQueries.recomputeHeld, arguments: [document])
                }
                let entry = Hold.releaseAudit(id, reason: reason)
                try self.audit(db, user: actor, action: entry.action, target: entry.target, details: entry.details, at: instant)
                return try Self.hold(id, db)
            }
        }
    }

    public func holds(includingReleased: Bool) async throws -> [Hold] {
        try await read("listing holds") { db in
            let ids = try Int.fetchAll(db, sql: "SELECT id FROM hold\(includingReleased ? "" : " WHERE released_at IS NULL") ORDER BY id")
            return try ids.map { try Self.hold($0, db) }
        }
    }

    // MARK: - Due list

    public func dueDocuments(asOf date: CivilDate, action: DueAction?) async throws -> [DueDocument] {
        try await read("listing what is due on \(date)") { db in
            var result: [DueDocument] = []
            try Self.due(asOf: date, action: action, db) { result.append($0) }
            return result
        }
    }

    public func forEachDueDocument(asOf date: CivilDate, action: DueAction?, _ body: @escaping @Sendable (DueDocument) throws -> Void) async throws {
        try await read("listing what is due on \(date)") { db in
            try Self.due(asOf: date, action: action, db, body)
        }
    }

    /// One range scan of document_by_due, sorted by the due date shown then the reference.
    ///
    /// The action and its date are `RetentionStatus.action`'s, asked of each row: the final
    /// action once its date has come, else the transfer. The scan reads rows by `due_on` (the
    /// first pending date); the list is ordered by the date it shows, which for a document
    /// whose transfer and final dates have both passed is the later one, so SQLite sorts on
    /// that date (in bounded memory: its sorter spills to temporary files).
    static func due(asOf date: CivilDate, action: DueAction?, _ db: Database, _ body: (DueDocument) throws -> Void) throws {
        // The scan reads the rows of a third of a register in index order, one page here and
        // one there: mapped, they are read without a system call each (lifted after the scan).
        try db.execute(sql: "PRAGMA mmap_size = 1073741824")
        defer { try? db.execute(sql: "PRAGMA mmap_size = 0") }
        let day = date.description
        let statement = try db.makeStatement(sql: RegisterQueries.dueDocuments(.sqlite))
        try statement.setArguments([day, day])
        let sqliteStatement = statement.sqliteStatement
        defer { sqlite3_reset(sqliteStatement) }
        let columns = SQLiteColumns(sqliteStatement)
        let finalActions = DueAction.allCases.map { (code: Array($0.rawValue.utf8), action: $0) }
        let copies = CopyKind.allCases.map { (code: Array($0.rawValue.utf8), kind: $0) }
        let phases = Phase.allCases.map { (code: Array($0.rawValue.utf8), phase: $0) }
        func civilDate(_ index: Int32, _ name: String) throws -> CivilDate? {
            guard let bytes = columns.bytes(index) else { return nil }
            guard let date = CivilDate(isoUTF8: bytes) else {
                throw CorruptValue("column \(name) holds '\(String(decoding: bytes, as: UTF8.self))', not a YYYY-MM-DD date")
            }
            return date
        }
        while true {
            switch sqlite3_step(sqliteStatement) {
            case SQLITE_ROW: break
            case SQLITE_DONE: return
            case let code: throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
            }
            let phaseCode = try columns.required(6, "phase")
            guard let phase = phases.first(where: { phaseCode.elementsEqual($0.code) })?.phase else {
                throw CorruptValue("column phase holds '\(String(decoding: phaseCode, as: UTF8.self))'")
            }
            var finalAction: DueAction?
            if let code = columns.bytes(9) {
                guard let parsed = finalActions.first(where: { code.elementsEqual($0.code) })?.action else {
                    throw CorruptValue("column final_action holds '\(String(decoding: code, as: UTF8.self))'")
                }
                finalAction = parsed
            }
            let status = RetentionStatus(calendarVersion: 0, transferOn: try civilDate(7, "transfer_on"),
                                         finalOn: try civilDate(8, "final_on"), finalAction: finalAction)
            guard let (dueAction, due) = status.action(dueOn: date, phase: phase) else { continue }
            if let action, action != dueAction { continue }
            let copyCode = try columns.required(3, "copy")
            guard let copy = copies.first(where: { copyCode.elementsEqual($0.code) })?.kind else {
                throw CorruptValue("column copy holds '\(String(decoding: copyCode, as: UTF8.self))'")
            }
            try body(DueDocument(
                reference: try columns.text(0, "reference"), title: try columns.text(1, "title"), rule: try columns.text(2, "rule"),
                copy: copy, support: try columns.text(4, "support"), holder: try columns.text(5, "holder"),
                action: dueAction, due: due, held: sqlite3_column_int64(sqliteStatement, 10) != 0))
        }
    }

    public func waitingDocuments() async throws -> [WaitingDocument] {
        try await read("listing what waits") { db in
            try Row.fetchAll(db, sql: RegisterQueries.waitingDocuments(.sqlite)).map { row in
                let code: String = row[5], copyCode: String = row[3]
                guard let wait = RetentionWait(code: code) else { throw CorruptValue("column waiting holds '\(code)'") }
                guard let copy = CopyKind(rawValue: copyCode) else { throw CorruptValue("column copy holds '\(copyCode)'") }
                return WaitingDocument(reference: row[0], title: row[1], rule: row[2], copy: copy, holder: row[4], waiting: wait)
            }
        }
    }
}

// MARK: - Helpers inside a transaction

extension SQLiteStore {
    /// The calendar in force and the confirmations, for the rules named (all when nil).
    static func retentionContext(_ db: Database, rules numbers: Set<String>?) throws -> RetentionContext {
        let byRule = OpenPeriodConfirmation.byRule(try Self.confirmations(db))
        guard let latest = try Int.fetchOne(db, sql: RegisterQueries.latestVersion),
              let yearEndText = try String.fetchOne(db, sql: RegisterQueries.yearEnd, arguments: [latest])
        else {
            return RetentionContext(calendarVersion: 0, yearEnd: .schoolYearEnd, rules: [:], confirmations: byRule)
        }
        let yearEnd = try StoredCode.monthDay(yearEndText)
        var rules: [String: Rule] = [:]
        if let numbers {
            for number in numbers {
                if let rule = try readRule(number, version: latest, db) { rules[number] = rule }
            }
        } else if let calendar = try readCalendar(latest, db) {
            for rule in calendar.rules { rules[rule.number] = rule }
        }
        return RetentionContext(calendarVersion: latest, yearEnd: yearEnd, rules: rules, confirmations: byRule)
    }

    /// Recounts the documents `condition` selects under `context`, writing their phase and
    /// retention columns. The context must hold their rules.
    static func recount(_ db: Database, _ context: RetentionContext, where condition: String, _ arguments: [String]) throws {
        let rows = try db.fetchStoredRows(
            DocumentRow.self, sql: DocumentRow.table.select(.sqlite, where: []) + " WHERE " + condition,
            arguments: StatementArguments(arguments))
        for var row in rows {
            let events = try eventRows(of: row.id, db).map { try $0.event() }
            try update(&row, events: events, context, db)
        }
    }

    /// Writes a recount of one document.
    static func update(_ row: inout DocumentRow, events: [LifecycleEvent], _ context: RetentionContext, _ db: Database) throws {
        try row.recount(events: events, context)
        try db.execute(sql: RegisterQueries.recount, arguments: [row.phase, row.calendarVersion, row.transferOn, row.finalOn, row.finalAction, row.waiting, row.dueOn, row.id])
    }

    /// Appends an event to a document and recounts it.
    @discardableResult
    static func append(_ event: LifecycleEvent, to row: DocumentRow, at instant: Date, _ db: Database) throws -> RecordedEvent {
        let eventRow = DocumentEventRow(sequence: try nextEventSequence(db), document: row.id, event, recordedAt: instant)
        try SQLiteInserter<DocumentEventRow>(db).insert([eventRow])
        var row = row
        let events = try eventRows(of: row.id, db).map { try $0.event() }
        try update(&row, events: events, try retentionContext(db, rules: [row.rule]), db)
        return try eventRow.recorded()
    }

    /// After a new calendar version: recounts the documents whose rule changed, appeared or
    /// disappeared (all of them when the year end changed).
    static func recountAfterCalendarChange(_ db: Database, previous: RetentionCalendar?, current: RetentionCalendar) throws {
        guard try Bool.fetchOne(db, sql: RegisterQueries.hasDocuments) == true else { return }
        let context = try retentionContext(db, rules: nil)
        guard let changed = current.rulesChanged(since: previous) else {
            return try recount(db, context, where: "1 = 1", [])
        }
        // One pass over the table per 500 rules changed, rather than one per rule (there is
        // no index by rule).
        try Self.inBatches(changed) { rules, markers in
            try recount(db, context, where: "rule IN (\(markers))", rules)
        }
    }

    static func nextEventSequence(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: RegisterQueries.nextEventSequence) ?? 1
    }

    static func documentRow(_ reference: String, _ db: Database) throws -> DocumentRow? {
        try db.fetchStoredRows(DocumentRow.self, sql: DocumentRow.table.select(.sqlite, where: ["reference"]), arguments: [reference]).first
    }

    static func eventRows(of document: Int, _ db: Database) throws -> [DocumentEventRow] {
        try db.fetchStoredRows(DocumentEventRow.self, sql: DocumentEventRow.table.select(.sqlite, where: ["document"], orderBy: ["sequence"]),
                               arguments: [document])
    }

    /// Active rule holds, by rule number.
    static func activeRuleHolds(_ db: Database) throws -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for row in try Row.fetchAll(db, sql: RegisterQueries.activeRuleHolds) {
            result[row[1] as String, default: []].append(row[0])
        }
        return result
    }

    static func hold(_ id: Int, _ db: Database) throws -> Hold {
        guard let row = try Row.fetchOne(db, sql: RegisterQueries.hold, arguments: [id]) else { throw Refusal(.holdNotFound, ["hold": String(id)]) }
        let scope = try Hold.Scope.stored(code: row[2], target: row[3], hold: id)
        let units = try String.fetchAll(db, sql: RegisterQueries.holdHolders, arguments: [id])
        return Hold(id: row[0], reason: row[1], scope: scope, placedAt: StoredCode.date(microseconds: row[4]), placedBy: row[5],
                    releasedAt: (row[6] as Int?).map { StoredCode.date(microseconds: $0) }, releasedBy: row[7],
                    releaseReason: row[8], documentCount: row[9], holderUnits: units)
    }

    static func confirmations(_ db: Database) throws -> [OpenPeriodConfirmation] {
        try Row.fetchAll(db, sql: RegisterQueries.confirmations).map { row in
            let copyCode: String = row[1], periodCode: String = row[2]
            guard let copy = CopyKind(rawValue: copyCode), let period = CopyField(rawValue: periodCode) else {
                throw CorruptValue("open_period_event holds copy '\(copyCode)', period '\(periodCode)'")
            }
            return OpenPeriodConfirmation(
                rule: row[0], copy: copy, period: period, event: OpenPeriodEvent(event: row[3], offsetYears: row[4]),
                remark: row[5], calendarVersion: row[6], confirmedAt: StoredCode.date(microseconds: row[7]), confirmedBy: row[8])
        }
    }

    static func boxRow(_ code: String, _ db: Database) throws -> Box? {
        try Row.fetchOne(db, sql: RegisterQueries.box, arguments: [code]).map(box)
    }

    static func box(_ row: Row) -> Box {
        Box(code: row[0], location: PhysicalLocation(building: row[1], room: row[2], shelving: row[3]), contents: row[4], linearMillimetres: row[5])
    }

    /// A document row the database refused, in words.
    static func refusedDocument(_ row: Document, _ error: DatabaseError, registeredBefore firstID: Int, _ db: Database) -> any Error {
        if error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE || error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
            let earlier = try? Int.fetchOne(db, sql: RegisterQueries.documentID, arguments: [row.reference])
            if let earlier, earlier >= firstID {
                return Refusal(.repeatedReference, ["reference": row.reference])
            }
            return Refusal(.alreadyRegistered, ["reference": row.reference])
        }
        if error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY, let box = row.box {
            return Refusal(.boxOfDocumentNotFound, ["reference": row.reference, "box": box])
        }
        return Refusal(.documentRefusedByStore, ["reference": row.reference, "detail": error.message ?? "\(error)"])
    }
}
