public import Foundation
public import SablierCore
public import SablierStore
import PostgresNIO

/// Disposition lists on PostgreSQL: the statements of `DispositionQueries` and the rules of
/// SablierCore and SablierStore, as the SQLite store runs them.
///
/// Every step is one `write` transaction, which holds the store's advisory write lock: two
/// processes proposing at once take turns, so the second reads the first's list and never
/// gives the same number (`nextListNumber` is `MAX(number) + 1`), nor puts a document in two
/// open lists.
extension PostgresStore: DispositionStore {
    static let dispositionQueries = DispositionQueries(.postgresql)

    // MARK: - Proposing, deciding, approving

    /// The due list of `date` read in the proposal's transaction, under the write lock: the
    /// list's number (one past the highest) and the documents already in an open list cannot
    /// change before it commits, whichever process or machine proposes at the same time.
    public func proposeDisposition(asOf date: CivilDate, action: DueAction?, pendingReview: Set<String>, by actor: String,
                                   at instant: Date) async throws -> DispositionProposal {
        try await write("proposing a disposition list for \(date)") { tx in
            let queries = Self.dispositionQueries
            // The due list of `date`, read in this transaction: the same range scan and the
            // same choice of action as `dueDocuments` (RetentionStatus.action).
            let candidates = try await tx.fetch(DocumentRow.self, sql: queries.dueDocuments, [.text(date.description)])
            let inOpenLists = try await tx.rows(queries.documentsInOpenLists).map {
                (document: try $0[0].decode(Int.self), list: try $0[1].decode(Int.self))
            }
            let onLoan = try await Self.openLoansByDocument(tx)
            let number = try await tx.scalar(Int.self, queries.nextListNumber) ?? 1
            let (items, leftOut) = try DispositionProposal.draw(list: number, from: candidates, asOf: date, action: action,
                                                                pendingReview: pendingReview, inOpenLists: inOpenLists, onLoan: onLoan)
            try DispositionProposal.checkNotEmpty(items: items.count, asOf: date, action: action, leftOut: leftOut)
            let listRow = DispositionListRow(number: number, action: action, asOf: date, proposedAt: instant, proposedBy: actor)
            try await tx.insert([listRow])
            try await tx.insert(items)
            try await self.audit(tx, user: actor, action: "disposition.propose", target: Self.auditTarget(list: number),
                                 details: DispositionProposal.auditDetails(asOf: date, action: action, items: items.count, leftOut: leftOut),
                                 at: instant)
            return DispositionProposal(list: try listRow.list(itemCount: items.count, doneCount: 0),
                                       items: try items.map { try $0.item() }, leftOut: leftOut)
        }
    }

    public func dispositionLists() async throws -> [DispositionList] {
        try await read("listing disposition lists") { tx in
            let queries = Self.dispositionQueries
            var counts: [Int: (items: Int, done: Int)] = [:]
            for row in try await tx.rows(queries.counts) {
                counts[try row[0].decode(Int.self)] = (try row[1].decode(Int.self), try row[2].decode(Int.self))
            }
            var cancellations: [Int: DispositionCancellation] = [:]
            for row in try await tx.rows(queries.cancellations) {
                cancellations[try row[0].decode(Int.self)] = try Self.cancellation(row)
            }
            return try await tx.fetch(DispositionListRow.self, sql: queries.lists).map { row in
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
        try await read("reading disposition list \(number)") { tx in
            guard let row = try await Self.dispositionListRow(number, tx) else { return nil }
            return try await Self.dispositionList(row, tx)
        }
    }

    public func dispositionItems(of number: Int) async throws -> [DispositionItem] {
        try await read("reading the items of disposition list \(number)") { tx in
            _ = try await Self.requireDispositionList(number, tx)
            return try await Self.dispositionItemRows(number, tx).map { try $0.item() }
        }
    }

    @discardableResult
    public func decideSort(list number: Int, reference: String, decision: SortDecision, reason: String,
                           by actor: String, at instant: Date) async throws -> DispositionItem {
        try await write("recording the sort decision of \(reference) in disposition list \(number)") { tx in
            let queries = Self.dispositionQueries
            let list = try await Self.dispositionList(try await Self.requireDispositionList(number, tx), tx)
            guard let row = try await tx.fetch(DispositionItemRow.self, sql: queries.itemOfReference,
                                               [.integer(number), .text(reference)]).first else {
                if list.state == .cancelled { throw Refusal(.listCancelled, ["list": String(number), "by": list.cancellation?.by ?? "",
                                                                             "reason": list.cancellation?.reason ?? ""]) }
                throw Refusal(.itemNotFound, ["list": String(number), "reference": reference])
            }
            try list.checkDecision(on: try row.item(), reason: reason)
            try await tx.execute(queries.decide, [.text(decision.rawValue), .text(actor), .integer(StoredCode.microseconds(instant)),
                                                  .text(reason), .integer(number), .integer(row.position)])
            try await self.audit(tx, user: actor, action: "disposition.decide", target: Self.auditTarget(list: number),
                                 details: ["reference": reference, "decision": decision.rawValue, "reason": reason], at: instant)
            return try await Self.dispositionItemRow(number, position: row.position, tx).item()
        }
    }

    @discardableResult
    public func cancelDisposition(_ number: Int, reason: String, by actor: String, at instant: Date) async throws -> DispositionList {
        try await write("cancelling disposition list \(number)") { tx in
            let list = try await Self.dispositionList(try await Self.requireDispositionList(number, tx), tx)
            let reason = try list.checkCancellation(reason: reason)
            try await tx.execute(Self.dispositionQueries.cancel,
                                 [.integer(number), .integer(StoredCode.microseconds(instant)), .text(actor), .text(reason)])
            try await self.audit(tx, user: actor, action: "disposition.cancel", target: Self.auditTarget(list: number),
                                 details: ["reason": reason, "was": list.state.rawValue], at: instant)
            return try await Self.dispositionList(try await Self.requireDispositionList(number, tx), tx)
        }
    }

    @discardableResult
    public func approveDisposition(_ number: Int, by actor: String, at instant: Date) async throws -> DispositionList {
        try await write("approving disposition list \(number)") { tx in
            let list = try await Self.dispositionList(try await Self.requireDispositionList(number, tx), tx)
            let items = try await Self.dispositionItemRows(number, tx).map { try $0.item() }
            try list.checkApproval(by: actor, on: CivilDate(dayOf: instant), items: items)
            try await tx.execute(Self.dispositionQueries.approve, [.integer(StoredCode.microseconds(instant)), .text(actor), .integer(number)])
            try await self.audit(tx, user: actor, action: "disposition.approve", target: Self.auditTarget(list: number), details: [:], at: instant)
            return try await Self.dispositionList(try await Self.requireDispositionList(number, tx), tx)
        }
    }

    // MARK: - Executing

    @discardableResult
    public func beginExecution(_ number: Int, method: String?, vendorCertificate: String?, pendingReview: Set<String>, by actor: String,
                               at instant: Date) async throws -> DispositionList {
        try await write("beginning the execution of disposition list \(number)") { tx in
            let list = try await Self.dispositionList(try await Self.requireDispositionList(number, tx), tx)
            let effective = try list.checkExecution(method: method, vendorCertificate: vendorCertificate)
            let rows = try await Self.dispositionItemRows(number, tx)
            let today = CivilDate(dayOf: instant)
            let pending = rows.filter { $0.state == DispositionItemState.pending.rawValue }
            let context = try await Self.retentionContext(tx, rules: Set(pending.map(\.rule)))
            var problems: [(item: DispositionItem, problem: DispositionProblem)] = []
            for row in pending {
                let item = try row.item()
                if let problem = try await Self.dispositionProblem(row, context: context, today: today,
                                                                   pendingReview: pendingReview.contains(row.reference), tx) {
                    problems.append((item, problem))
                }
            }
            if let refusal = DispositionProblem.executionRefusal(list: number, problems, today: today) { throw refusal }
            try list.checkMethod(effective.method, items: try rows.map { try $0.item() })
            let effectiveMethod = effective.method
            let method = DispositionList.given(method), vendorCertificate = DispositionList.given(vendorCertificate)
            if list.state == .approved {
                try await tx.execute(Self.dispositionQueries.beginExecution,
                                     [.integer(StoredCode.microseconds(instant)), .text(actor), StoreValue(effectiveMethod),
                                      StoreValue(vendorCertificate), .integer(number)])
                try await self.sealDispositionList(number, tx)
                try await self.audit(tx, user: actor, action: "disposition.execute", target: Self.auditTarget(list: number),
                                     details: ["method": effectiveMethod ?? "", "vendor_certificate": vendorCertificate ?? ""], at: instant)
            } else if list.method == nil && method != nil || list.vendorCertificate == nil && vendorCertificate != nil {
                try await tx.execute(Self.dispositionQueries.recordMethod,
                                     [StoreValue(effectiveMethod), StoreValue(vendorCertificate ?? list.vendorCertificate), .integer(number)])
                try await self.sealDispositionList(number, tx)
            }
            return try await Self.dispositionList(try await Self.requireDispositionList(number, tx), tx)
        }
    }

    @discardableResult
    public func startDispositionItem(list number: Int, position: Int, pendingReview: Set<String>, by actor: String,
                                     at instant: Date) async throws -> DispositionItem {
        try await write("starting an item of disposition list \(number)") { tx in
            let list = try await Self.requireDispositionList(number, tx)
            let row = try await Self.dispositionItemRow(number, position: position, tx)
            guard row.state == DispositionItemState.pending.rawValue else { return try row.item() }
            try (DispositionState(rawValue: list.state) ?? .proposed).checkStartingItem(list: number)
            let context = try await Self.retentionContext(tx, rules: [row.rule])
            let today = CivilDate(dayOf: instant)
            if let problem = try await Self.dispositionProblem(row, context: context, today: today,
                                                               pendingReview: pendingReview.contains(row.reference), tx) {
                throw problem.refusal(try row.item(), today: today)
            }
            try await tx.execute(Self.dispositionQueries.startItem, [.integer(StoredCode.microseconds(instant)), .integer(number), .integer(position)])
            try await self.sealDispositionItem(list: number, position: position, tx)
            try await self.audit(tx, user: actor, action: "disposition.item-started", target: Self.auditTarget(list: number),
                                 details: ["reference": row.reference, "action": row.action, "sha256": row.fileSHA256 ?? ""], at: instant)
            return try await Self.dispositionItemRow(number, position: position, tx).item()
        }
    }

    @discardableResult
    public func completeDispositionItem(list number: Int, position: Int, by actor: String, at instant: Date) async throws -> DispositionItem {
        try await write("completing an item of disposition list \(number)") { tx in
            let queries = Self.dispositionQueries
            _ = try await Self.requireDispositionList(number, tx)
            let row = try await Self.dispositionItemRow(number, position: position, tx)
            if let done = try row.completedAlready(list: number) { return done }
            let item = try row.item()
            guard let document = try await tx.fetch(DocumentRow.self, sql: queries.documentByID, [.integer(row.document)]).first else {
                throw Refusal(.itemNotRegistered, ["list": String(number), "reference": row.reference, "action": row.action])
            }
            // An item started before its document went out (an interrupted execution run
            // again) is not carried out while it is away: `lend` refuses an approved list's
            // document, and this says so again here.
            if let open = try await Self.openLoanID(ofDocument: row.document, tx) {
                let loan = try await Self.loan(open, tx)
                throw DispositionProblem(reference: row.reference, kind: .onLoan(loan.id, borrower: loan.borrower))
                    .refusal(item, today: CivilDate(dayOf: instant))
            }
            let event = try item.executionEvent(on: CivilDate(dayOf: instant), by: actor)
            try await Self.append(event, to: document, at: instant, tx)
            if item.destroys {
                guard let destroyed = try await tx.fetch(DocumentRow.self, sql: queries.documentByID, [.integer(row.document)]).first else {
                    throw Refusal(.itemNotRegistered, ["list": String(number), "reference": row.reference, "action": row.action])
                }
                let tombstone = try TombstoneRow(document: destroyed, events: try await Self.eventRows(of: destroyed.id, tx), list: number,
                                                 at: instant, by: actor)
                try await tx.insert([tombstone])
                try await self.sealTombstone(document: destroyed.id, tx)
            }
            let micros = StoredCode.microseconds(instant)
            try await tx.execute(queries.completeItem, [.integer(micros), .integer(number), .integer(position)])
            try await self.sealDispositionItem(list: number, position: position, tx)
            try await self.audit(tx, user: actor, action: "disposition.item-done", target: Self.auditTarget(list: number),
                                 details: ["reference": row.reference, "event": event.kind.rawValue], at: instant)
            try await tx.execute(queries.finishList, [.integer(micros), .integer(number), .integer(number)])
            try await self.sealDispositionList(number, tx)
            return try await Self.dispositionItemRow(number, position: position, tx).item()
        }
    }

    // MARK: - Certificates and tombstones

    public func dispositionCertificate(_ number: Int) async throws -> DispositionCertificate {
        try await read("reading the certificate of disposition list \(number)") { tx in
            let row = try await Self.requireDispositionList(number, tx)
            try (DispositionState(rawValue: row.state) ?? .proposed).checkCertificate(list: number)
            let audit = try await tx.rows(Self.dispositionQueries.auditEntries, [.text(Self.auditTarget(list: number))]).map {
                (sequence: try $0[0].decode(Int.self), hash: try $0[1].decode(String.self))
            }
            return try DispositionCertificate(list: try await Self.dispositionList(row, tx), items: try await Self.dispositionItemRows(number, tx),
                                              audit: audit)
        }
    }

    public func tombstone(_ reference: String) async throws -> Tombstone? {
        try await read("reading the tombstone of \(reference)") { tx in
            try await tx.fetch(TombstoneRow.self, sql: Self.dispositionQueries.tombstoneOfReference, [.text(reference)]).first?.tombstone()
        }
    }

    public func tombstones(list number: Int) async throws -> [Tombstone] {
        try await read("reading the tombstones of disposition list \(number)") { tx in
            try await tx.fetch(TombstoneRow.self, sql: Self.dispositionQueries.tombstonesOfList, [.integer(number)]).map { $0.tombstone() }
        }
    }
}

// MARK: - Helpers inside a transaction

extension PostgresStore {
    static func auditTarget(list number: Int) -> String {
        DispositionQueries.auditTarget(list: number)
    }

    /// The row of list `number`, its state `cancelled` once withdrawn (whatever it was then),
    /// so every step that checks the state refuses a cancelled list.
    static func dispositionListRow(_ number: Int, _ tx: PostgresTransaction) async throws -> DispositionListRow? {
        guard var row = try await tx.fetch(DispositionListRow.self, sql: dispositionQueries.list, [.integer(number)]).first else {
            return nil
        }
        if try await cancellation(of: number, tx) != nil { row.state = DispositionState.cancelled.rawValue }
        return row
    }

    /// The cancellation of list `number`, if it was withdrawn.
    static func cancellation(of number: Int, _ tx: PostgresTransaction) async throws -> DispositionCancellation? {
        try await tx.rows(dispositionQueries.cancellationOfList, [.integer(number)]).first.map(cancellation)
    }

    /// A row of `dispositionQueries.cancellations`: `(list, cancelled_at, cancelled_by, reason)`.
    static func cancellation(_ row: PostgresRandomAccessRow) throws -> DispositionCancellation {
        DispositionCancellation(at: StoredCode.date(microseconds: try row[1].decode(Int.self)), by: try row[2].decode(String.self),
                                reason: try row[3].decode(String.self))
    }

    static func requireDispositionList(_ number: Int, _ tx: PostgresTransaction) async throws -> DispositionListRow {
        guard let row = try await dispositionListRow(number, tx) else { throw Refusal(.listNotFound, ["list": String(number)]) }
        return row
    }

    /// The list a row describes, with its item counts.
    static func dispositionList(_ row: DispositionListRow, _ tx: PostgresTransaction) async throws -> DispositionList {
        let counts = try await tx.rows(dispositionQueries.countsOfList, [.integer(row.number)]).first
        var list = try row.list(itemCount: try counts?[0].decode(Int.self) ?? 0, doneCount: try counts?[1].decode(Int.self) ?? 0)
        // `dispositionListRow` set the state from the cancellation: read it only if there is one.
        list.cancellation = row.state == DispositionState.cancelled.rawValue ? try await cancellation(of: row.number, tx) : nil
        return list
    }

    static func dispositionItemRows(_ number: Int, _ tx: PostgresTransaction) async throws -> [DispositionItemRow] {
        try await tx.fetch(DispositionItemRow.self, sql: dispositionQueries.items, [.integer(number)])
    }

    static func dispositionItemRow(_ number: Int, position: Int, _ tx: PostgresTransaction) async throws -> DispositionItemRow {
        guard let row = try await tx.fetch(DispositionItemRow.self, sql: dispositionQueries.itemAtPosition,
                                           [.integer(number), .integer(position)]).first else {
            throw Refusal(.itemNotFound, ["list": String(number), "reference": "#\(position + 1)"])
        }
        return row
    }

    /// Why the item cannot be carried out on `today`, from its document as it is now and its
    /// rule in the calendar in force (`context` must hold it).
    static func dispositionProblem(_ row: DispositionItemRow, context: RetentionContext, today: CivilDate, pendingReview: Bool,
                                   _ tx: PostgresTransaction) async throws -> DispositionProblem? {
        let document = try await tx.fetch(DocumentRow.self, sql: dispositionQueries.documentByID, [.integer(row.document)]).first
        var loan: Loan?
        if let open = try await openLoanID(ofDocument: row.document, tx) { loan = try await Self.loan(open, tx) }
        return try row.item().problem(document: try document?.registered(), rule: context.rules[row.rule], today: today,
                                      pendingReview: pendingReview, onLoan: loan)
    }
}
