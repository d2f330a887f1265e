public import Foundation
public import SablierCore
public import SablierStore
import GRDB

extension SQLiteStore: DispositionStore {
    static let dispositionQueries = DispositionQueries(.sqlite)

    // MARK: - Proposing, deciding, approving

    public func proposeDisposition(asOf date: CivilDate, action: DueAction?, pendingReview: Set<String>, by actor: String,
                                   at instant: Date) async throws -> DispositionProposal {
        try await perform("proposing a disposition list for \(date)") { database in
            try await database.write { db in
                let queries = Self.dispositionQueries
                // The due list of `date`, read in this transaction: the same range scan and the
                // same choice of action as `dueDocuments` (RetentionStatus.action).
                let candidates = try db.fetchStoredRows(DocumentRow.self, sql: queries.dueDocuments, arguments: [date.description])
                let inOpenLists = try Row.fetchAll(db, sql: queries.documentsInOpenLists).map { (document: $0[0] as Int, list: $0[1] as Int) }
                let onLoan = try Self.openLoansByDocument(db)
                let number = try Int.fetchOne(db, sql: queries.nextListNumber) ?? 1
                let (items, leftOut) = try DispositionProposal.draw(list: number, from: candidates, asOf: date, action: action,
                                                                    pendingReview: pendingReview, inOpenLists: inOpenLists, onLoan: onLoan)
                try DispositionProposal.checkNotEmpty(items: items.count, asOf: date, action: action, leftOut: leftOut)
                let listRow = DispositionListRow(number: number, action: action, asOf: date, proposedAt: instant, proposedBy: actor)
                try SQLiteInserter<DispositionListRow>(db).insert([listRow])
                try SQLiteInserter<DispositionItemRow>(db).insert(items)
                try self.audit(db, user: actor, action: "disposition.propose", target: Self.auditTarget(list: number),
                               details: DispositionProposal.auditDetails(asOf: date, action: action, items: items.count, leftOut: leftOut),
                               at: instant)
                return DispositionProposal(list: try listRow.list(itemCount: items.count, doneCount: 0),
                                           items: try items.map { try $0.item() }, leftOut: leftOut)
            }
        }
    }

    public func dispositionLists() async throws -> [DispositionList] {
        try await read("listing disposition lists") { db in
            let queries = Self.dispositionQueries
            var counts: [Int: (items: Int, done: Int)] = [:]
            for row in try Row.fetchAll(db, sql: queries.counts) {
                let list: Int = row[0], items: Int = row[1], done: Int = row[2]
                counts[list] = (items, done)
            }
            var cancellations: [Int: DispositionCancellation] = [:]
            for row in try Row.fetchAll(db, sql: queries.cancellations) {
                cancellations[row[0]] = Self.cancellation(row)
            }
            return try db.fetchStoredRows(DispositionListRow.self, sql: queries.lists, arguments: []).map { row in
                let count = counts[row.number] ?? (0, 0)
                var row = row
                if cancellations[row.number] != nil { row.state = DispositionState.cancelled.rawValue }
                var list = try row.list(itemCount: count.items, doneCount: count.done)
                list.cancellation = cancellations[row.number]
                return list
            }
        }
    }

    public func dispositionList(_ number: Int) async throws -> DispositionList? {
        try await read("reading disposition list \(number)") { db in
            try Self.dispositionListRow(number, db).map { try Self.dispositionList($0, db) }
        }
    }

    public func dispositionItems(of number: Int) async throws -> [DispositionItem] {
        try await read("reading the items of disposition list \(number)") { db in
            _ = try Self.requireDispositionList(number, db)
            return try Self.dispositionItemRows(number, db).map { try $0.item() }
        }
    }

    @discardableResult
    public func decideSort(list number: Int, reference: String, decision: SortDecision, reason: String,
                           by actor: String, at instant: Date) async throws -> DispositionItem {
        try await perform("recording the sort decision of \(reference) in disposition list \(number)") { database in
            try await database.write { db in
                let queries = Self.dispositionQueries
                let list = try Self.dispositionList(try Self.requireDispositionList(number, db), db)
                guard let row = try db.fetchStoredRows(DispositionItemRow.self, sql: queries.itemOfReference, arguments: [number, reference]).first else {
                    if list.state == .cancelled { throw Refusal(.listCancelled, ["list": String(number), "by": list.cancellation?.by ?? "",
                                                                                 "reason": list.cancellation?.reason ?? ""]) }
                    throw Refusal(.itemNotFound, ["list": String(number), "reference": reference])
                }
                try list.checkDecision(on: try row.item(), reason: reason)
                try db.execute(sql: queries.decide, arguments: [decision.rawValue, actor, StoredCode.microseconds(instant), reason, number, row.position])
                try self.audit(db, user: actor, action: "disposition.decide", target: Self.auditTarget(list: number),
                               details: ["reference": reference, "decision": decision.rawValue, "reason": reason], at: instant)
                return try Self.dispositionItemRow(number, position: row.position, db).item()
            }
        }
    }

    @discardableResult
    public func cancelDisposition(_ number: Int, reason: String, by actor: String, at instant: Date) async throws -> DispositionList {
        try await perform("cancelling disposition list \(number)") { database in
            try await database.write { db in
                let list = try Self.dispositionList(try Self.requireDispositionList(number, db), db)
                let reason = try list.checkCancellation(reason: reason)
                try db.execute(sql: Self.dispositionQueries.cancel, arguments: [number, StoredCode.microseconds(instant), actor, reason])
                try self.audit(db, user: actor, action: "disposition.cancel", target: Self.auditTarget(list: number),
                               details: ["reason": reason, "was": list.state.rawValue], at: instant)
                return try Self.dispositionList(try Self.requireDispositionList(number, db), db)
            }
        }
    }

    @discardableResult
    public func approveDisposition(_ number: Int, by actor: String, at instant: Date) async throws -> DispositionList {
        try await perform("approving disposition list \(number)") { database in
            try await database.write { db in
                let list = try Self.dispositionList(try Self.requireDispositionList(number, db), db)
                let items = try Self.dispositionItemRows(number, db).map { try $0.item() }
                try list.checkApproval(by: actor, on: CivilDate(dayOf: instant), items: items)
                try db.execute(sql: Self.dispositionQueries.approve, arguments: [StoredCode.microseconds(instant), actor, number])
                try self.audit(db, user: actor, action: "disposition.approve", target: Self.auditTarget(list: number), details: [:], at: instant)
                return try Self.dispositionList(try Self.requireDispositionList(number, db), db)
            }
        }
    }

    // MARK: - Executing

    @discardableResult
    public func beginExecution(_ number: Int, method: String?, vendorCertificate: String?, pendingReview: Set<String>, by actor: String,
                               at instant: Date) async throws -> DispositionList {
        try await perform("beginning the execution of disposition list \(number)") { database in
            try await database.write { db in
                let list = try Self.dispositionList(try Self.requireDispositionList(number, db), db)
                let effective = try list.checkExecution(method: method, vendorCertificate: vendorCertificate)
                let rows = try Self.dispositionItemRows(number, db)
                let today = CivilDate(dayOf: instant)
                let pending = rows.filter { $0.state == DispositionItemState.pending.rawValue }
                let context = try Self.retentionContext(db, rules: Set(pending.map(\.rule)))
                var problems: [(item: DispositionItem, problem: DispositionProblem)] = []
                for row in pending {
                    let item = try row.item()
                    if let problem = try Self.dispositionProblem(row, context: context, today: today,
                                                                 pendingReview: pendingReview.contains(row.reference), db) {
                        problems.append((item, problem))
                    }
                }
                if let refusal = DispositionProblem.executionRefusal(list: number, problems, today: today) { throw refusal }
                try list.checkMethod(effective.method, items: try rows.map { try $0.item() })
                let effectiveMethod = effective.method
                let method = DispositionList.given(method), vendorCertificate = DispositionList.given(vendorCertificate)
                if list.state == .approved {
                    try db.execute(sql: Self.dispositionQueries.beginExecution,
                                   arguments: [StoredCode.microseconds(instant), actor, effectiveMethod, vendorCertificate, number])
                    try self.sealDispositionList(number, db)
                    try self.audit(db, user: actor, action: "disposition.execute", target: Self.auditTarget(list: number),
                                   details: ["method": effectiveMethod ?? "", "vendor_certificate": vendorCertificate ?? ""], at: instant)
                } else if list.method == nil && method != nil || list.vendorCertificate == nil && vendorCertificate != nil {
                    try db.execute(sql: Self.dispositionQueries.recordMethod,
                                   arguments: [effectiveMethod, vendorCertificate ?? list.vendorCertificate, number])
                    try self.sealDispositionList(number, db)
                }
                return try Self.dispositionList(try Self.requireDispositionList(number, db), db)
            }
        }
    }

    @discardableResult
    public func startDispositionItem(list number: Int, position: Int, pendingReview: Set<String>, by actor: String,
                                     at instant: Date) async throws -> DispositionItem {
        try await perform("starting an item of disposition list \(number)") { database in
            try await database.write { db in
                let list = try Self.requireDispositionList(number, db)
                let row = try Self.dispositionItemRow(number, position: position, db)
                guard row.state == DispositionItemState.pending.rawValue else { return try row.item() }
                try (DispositionState(rawValue: list.state) ?? .proposed).checkStartingItem(list: number)
                let context = try Self.retentionContext(db, rules: [row.rule])
                let today = CivilDate(dayOf: instant)
                if let problem = try Self.dispositionProblem(row, context: context, today: today,
                                                             pendingReview: pendingReview.contains(row.reference), db) {
                    throw problem.refusal(try row.item(), today: today)
                }
                try db.execute(sql: Self.dispositionQueries.startItem, arguments: [StoredCode.microseconds(instant), number, position])
                try self.sealDispositionItem(list: number, position: position, db)
                try self.audit(db, user: actor, action: "disposition.item-started", target: Self.auditTarget(list: number),
                               details: ["reference": row.reference, "action": row.action, "sha256": row.fileSHA256 ?? ""], at: instant)
                return try Self.dispositionItemRow(number, position: position, db).item()
            }
        }
    }

    @discardableResult
    public func completeDispositionItem(list number: Int, position: Int, by actor: String, at instant: Date) async throws -> DispositionItem {
        try await perform("completing an item of disposition list \(number)") { database in
            try await database.write { db in
                let queries = Self.dispositionQueries
                _ = try Self.requireDispositionList(number, db)
                let row = try Self.dispositionItemRow(number, position: position, db)
                if let done = try row.completedAlready(list: number) { return done }
                let item = try row.item()
                guard let document = try db.fetchStoredRows(DocumentRow.self, sql: queries.documentByID, arguments: [row.document]).first else {
                    throw Refusal(.itemNotRegistered, ["list": String(number), "reference": row.reference, "action": row.action])
                }
                // An item started before its document went out (an interrupted execution run
                // again) is not carried out while it is away: `lend` refuses an approved list's
                // document, and this says so again here.
                if let open = try Self.openLoanID(ofDocument: row.document, db) {
                    let loan = try Self.loan(open, db)
                    throw DispositionProblem(reference: row.reference, kind: .onLoan(loan.id, borrower: loan.borrower))
                        .refusal(item, today: CivilDate(dayOf: instant))
                }
                let event = try item.executionEvent(on: CivilDate(dayOf: instant), by: actor)
                try Self.append(event, to: document, at: instant, db)
                if item.destroys {
                    guard let destroyed = try db.fetchStoredRows(DocumentRow.self, sql: queries.documentByID, arguments: [row.document]).first else {
                        throw Refusal(.itemNotRegistered, ["list": String(number), "reference": row.reference, "action": row.action])
                    }
                    let tombstone = try TombstoneRow(document: destroyed, events: try Self.eventRows(of: destroyed.id, db), list: number,
                                                     at: instant, by: actor)
                    try SQLiteInserter<TombstoneRow>(db).insert([tombstone])
                    try self.sealTombstone(document: destroyed.id, db)
                }
                let micros = StoredCode.microseconds(instant)
                try db.execute(sql: queries.completeItem, arguments: [micros, number, position])
                try self.sealDispositionItem(list: number, position: position, db)
                try self.audit(db, user: actor, action: "disposition.item-done", target: Self.auditTarget(list: number),
                               details: ["reference": row.reference, "event": event.kind.rawValue], at: instant)
                try db.execute(sql: queries.finishList, arguments: [micros, number, number])
                try self.sealDispositionList(number, db)
                return try Self.dispositionItemRow(number, position: position, db).item()
            }
        }
    }

    // MARK: - Certificates and tombstones

    public func dispositionCertificate(_ number: Int) async throws -> DispositionCertificate {
        try await read("reading the certificate of disposition list \(number)") { db in
            let row = try Self.requireDispositionList(number, db)
            try (DispositionState(rawValue: row.state) ?? .proposed).checkCertificate(list: number)
            let audit = try Row.fetchAll(db, sql: Self.dispositionQueries.auditEntries, arguments: [Self.auditTarget(list: number)])
            return try DispositionCertificate(list: try Self.dispositionList(row, db), items: try Self.dispositionItemRows(number, db),
                                              audit: audit.map { (sequence: $0[0] as Int, hash: $0[1] as String) })
        }
    }

    public func tombstone(_ reference: String) async throws -> Tombstone? {
        try await read("reading the tombstone of \(reference)") { db in
            try db.fetchStoredRows(TombstoneRow.self, sql: Self.dispositionQueries.tombstoneOfReference, arguments: [reference])
                .first?.tombstone()
        }
    }

    public func tombstones(list number: Int) async throws -> [Tombstone] {
        try await read("reading the tombstones of disposition list \(number)") { db in
            try db.fetchStoredRows(TombstoneRow.self, sql: Self.dispositionQueries.tombstonesOfList, arguments: [number]).map { $0.tombstone() }
        }
    }
}

// MARK: - Helpers inside a transaction

extension SQLiteStore {
    static func auditTarget(list number: Int) -> String {
        DispositionQueries.auditTarget(list: number)
    }

    /// The row of list `number`, its state `cancelled` once withdrawn (whatever it was then),
    /// so every step that checks the state refuses a cancelled list.
    static func dispositionListRow(_ number: Int, _ db: Database) throws -> DispositionListRow? {
        guard var row = try db.fetchStoredRows(DispositionListRow.self, sql: dispositionQueries.list, arguments: [number]).first else {
            return nil
        }
        if try cancellation(of: number, db) != nil { row.state = DispositionState.cancelled.rawValue }
        return row
    }

    /// The cancellation of list `number`, if it was withdrawn.
    static func cancellation(of number: Int, _ db: Database) throws -> DispositionCancellation? {
        try Row.fetchOne(db, sql: dispositionQueries.cancellationOfList, arguments: [number]).map(cancellation)
    }

    /// A row of `dispositionQueries.cancellations`: `(list, cancelled_at, cancelled_by, reason)`.
    static func cancellation(_ row: Row) -> DispositionCancellation {
        DispositionCancellation(at: StoredCode.date(microseconds: row[1]), by: row[2], reason: row[3])
    }

    static func requireDispositionList(_ number: Int, _ db: Database) throws -> DispositionListRow {
        guard let row = try dispositionListRow(number, db) else { throw Refusal(.listNotFound, ["list": String(number)]) }
        return row
    }

    /// The list a row describes, with its item counts.
    static func dispositionList(_ row: DispositionListRow, _ db: Database) throws -> DispositionList {
        let counts = try Row.fetchOne(db, sql: dispositionQueries.countsOfList, arguments: [row.number])
        var list = try row.list(itemCount: counts?[0] ?? 0, doneCount: counts?[1] ?? 0)
        // `dispositionListRow` set the state from the cancellation: read it only if there is one.
        list.cancellation = row.state == DispositionState.cancelled.rawValue ? try cancellation(of: row.number, db) : nil
        return list
    }

    static func dispositionItemRows(_ number: Int, _ db: Database) throws -> [DispositionItemRow] {
        try db.fetchStoredRows(DispositionItemRow.self, sql: dispositionQueries.items, arguments: [number])
    }

    static func dispositionItemRow(_ number: Int, position: Int, _ db: Database) throws -> DispositionItemRow {
        guard let row = try db.fetchStoredRows(DispositionItemRow.self, sql: dispositionQueries.itemAtPosition, arguments: [number, position]).first else {
            throw Refusal(.itemNotFound, ["list": String(number), "reference": "#\(position + 1)"])
        }
        return row
    }

    /// Why the item cannot be carried out on `today`, from its document as it is now and its
    /// rule in the calendar in force (`context` must hold it).
    static func dispositionProblem(_ row: DispositionItemRow, context: RetentionContext, today: CivilDate, pendingReview: Bool,
                                   _ db: Database) throws -> DispositionProblem? {
        let document = try db.fetchStoredRows(DocumentRow.self, sql: dispositionQueries.documentByID, arguments: [row.document]).first
        let loan = try openLoanID(ofDocument: row.document, db).map { try Self.loan($0, db) }
        return try row.item().problem(document: try document?.registered(), rule: context.rules[row.rule], today: today,
                                      pendingReview: pendingReview, onLoan: loan)
    }
}
