public import Foundation
public import SablierCore
public import SablierStore
import GRDB

extension SQLiteStore: DispositionStore {
    static let dispositionQueries = DispositionQueries(.sqlite)

    // MARK: - Proposing, deciding, approving

    public func proposeDisposition(asOf date: CivilDate, action: DueAction?, by actor: String, at instant: Date) async throws -> DispositionProposal {
        try await perform("proposing a disposition list for \(date)") { database in
            try await database.write { db in
                let queries = Self.dispositionQueries
                // The due list of `date`, read in this transaction: the same range scan and the
                // same choice of action as `dueDocuments` (RetentionStatus.action).
                let candidates = try db.fetchStoredRows(DocumentRow.self, sql: queries.dueDocuments, arguments: [date.description])
                var openList: [Int: Int] = [:]
                for row in try Row.fetchAll(db, sql: queries.documentsInOpenLists) {
                    let document: Int = row[0], list: Int = row[1]
                    if openList[document] == nil { openList[document] = list }
                }
                let number = try Int.fetchOne(db, sql: queries.nextListNumber) ?? 1
                var items: [DispositionItemRow] = []
                var leftOut: [LeftOutDocument] = []
                for document in candidates {
                    guard let phase = Phase(rawValue: document.phase) else { throw CorruptValue("column phase holds '\(document.phase)'") }
                    guard let due = try document.retention().action(dueOn: date, phase: phase) else { continue }
                    if let action, due.action != action { continue }
                    if document.held {
                        leftOut.append(LeftOutDocument(reference: document.reference, action: due.action, dueOn: due.due, reason: .held))
                    } else if let list = openList[document.id] {
                        leftOut.append(LeftOutDocument(reference: document.reference, action: due.action, dueOn: due.due, reason: .inList(list)))
                    } else {
                        items.append(DispositionItemRow(list: number, position: items.count, document: document, action: due.action, dueOn: due.due))
                    }
                }
                guard !items.isEmpty else {
                    var message = "nothing \(action.map { "to \($0.rawValue) " } ?? "")is due on \(date) that a list could take"
                    if !leftOut.isEmpty { message += "; left out: " + leftOut.map(\.description).joined(separator: "; ") }
                    throw StoreError.refused(message)
                }
                let listRow = DispositionListRow(number: number, action: action, asOf: date, proposedAt: instant, proposedBy: actor)
                try SQLiteInserter<DispositionListRow>(db).insert([listRow])
                try SQLiteInserter<DispositionItemRow>(db).insert(items)
                try Self.audit(db, user: actor, action: "disposition.propose", target: Self.auditTarget(list: number),
                               details: ["as_of": date.description, "action": action?.rawValue ?? "all", "items": String(items.count),
                                         "left_out": String(leftOut.count)], at: instant)
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
                let list = try Self.requireDispositionList(number, db)
                guard list.state == DispositionState.proposed.rawValue else {
                    throw StoreError.refused("disposition list \(number) is \(list.state): sort decisions are taken while a list is proposed, before its approval")
                }
                guard let row = try db.fetchStoredRows(DispositionItemRow.self, sql: queries.itemOfReference, arguments: [number, reference]).first else {
                    throw StoreError.notFound("document \(reference) in disposition list \(number)")
                }
                guard row.action == DueAction.sort.rawValue else {
                    throw StoreError.refused("\(reference) is listed for \(row.action) in disposition list \(number): only a sort (T) takes a keep-or-destroy decision")
                }
                guard !reason.trimmingSpaces().isEmpty else {
                    throw StoreError.refused("a sort decision needs a reason (--reason), kept with the certificate")
                }
                try db.execute(sql: queries.decide, arguments: [decision.rawValue, actor, StoredCode.microseconds(instant), reason, number, row.position])
                try Self.audit(db, user: actor, action: "disposition.decide", target: Self.auditTarget(list: number),
                               details: ["reference": reference, "decision": decision.rawValue, "reason": reason], at: instant)
                return try Self.dispositionItemRow(number, position: row.position, db).item()
            }
        }
    }

    @discardableResult
    public func cancelDisposition(_ number: Int, reason: String, by actor: String, at instant: Date) async throws -> DispositionList {
        try await perform("cancelling disposition list \(number)") { database in
            try await database.write { db in
                let list = try Self.requireDispositionList(number, db)
                switch DispositionState(rawValue: list.state) {
                case .proposed?, .approved?:
                    break
                case .cancelled?:
                    let cancellation = try Self.cancellation(of: number, db)
                    throw StoreError.refused("disposition list \(number) was already cancelled" + (cancellation.map { " by \($0.by)" } ?? ""))
                case .executing?, .executed?:
                    throw StoreError.refused("disposition list \(number) is \(list.state): its execution began, so it cannot be cancelled; "
                        + "what was done is on its certificate (sablier disposition execute \(number) completes it)")
                case nil:
                    throw CorruptValue("disposition list \(number) has the unknown state '\(list.state)'")
                }
                let reason = reason.trimmingSpaces()
                guard !reason.isEmpty else {
                    throw StoreError.refused("cancelling a disposition list needs a reason (--reason), kept with the list")
                }
                try db.execute(sql: Self.dispositionQueries.cancel, arguments: [number, StoredCode.microseconds(instant), actor, reason])
                try Self.audit(db, user: actor, action: "disposition.cancel", target: Self.auditTarget(list: number),
                               details: ["reason": reason, "was": list.state], at: instant)
                return try Self.dispositionList(try Self.requireDispositionList(number, db), db)
            }
        }
    }

    /// The refusal of any step on cancelled list `number`: who cancelled it, and why.
    static func cancelledRefusal(_ number: Int, _ db: Database) throws -> StoreError {
        let reason = try Self.cancellation(of: number, db).map { " by \($0.by): \($0.reason)" } ?? ""
        return StoreError.refused("disposition list \(number) was cancelled\(reason)")
    }

    @discardableResult
    public func approveDisposition(_ number: Int, by actor: String, at instant: Date) async throws -> DispositionList {
        try await perform("approving disposition list \(number)") { database in
            try await database.write { db in
                let list = try Self.requireDispositionList(number, db)
                guard list.state == DispositionState.proposed.rawValue else {
                    // A cancelled list keeps its approver: say who cancelled it, not who approved it.
                    if list.state == DispositionState.cancelled.rawValue { throw try Self.cancelledRefusal(number, db) }
                    let by = list.approvedBy.map { " by \($0)" } ?? ""
                    throw StoreError.refused("disposition list \(number) is already \(list.state)\(by)")
                }
                guard !Self.samePerson(actor, list.proposedBy) else {
                    throw StoreError.refused("disposition list \(number) was proposed by \(list.proposedBy): a person other than its proposer must approve it")
                }
                let undecided = try Self.dispositionItemRows(number, db).filter { $0.action == DueAction.sort.rawValue && $0.decision == nil }
                guard undecided.isEmpty else {
                    throw StoreError.refused("disposition list \(number) cannot be approved: "
                        + undecided.map(\.reference).joined(separator: ", ")
                        + " \(undecided.count == 1 ? "has" : "have") no keep-or-destroy decision (sablier disposition decide \(number) REF keep|destroy --reason …)")
                }
                try db.execute(sql: Self.dispositionQueries.approve, arguments: [StoredCode.microseconds(instant), actor, number])
                try Self.audit(db, user: actor, action: "disposition.approve", target: Self.auditTarget(list: number), details: [:], at: instant)
                return try Self.dispositionList(try Self.requireDispositionList(number, db), db)
            }
        }
    }

    // MARK: - Executing

    @discardableResult
    public func beginExecution(_ number: Int, method: String?, vendorCertificate: String?, by actor: String,
                               at instant: Date) async throws -> DispositionList {
        try await perform("beginning the execution of disposition list \(number)") { database in
            try await database.write { db in
                let list = try Self.requireDispositionList(number, db)
                switch DispositionState(rawValue: list.state) {
                case .proposed?:
                    throw StoreError.refused("disposition list \(number) is not approved: a person other than its proposer (\(list.proposedBy)) must approve it first (sablier disposition approve \(number))")
                case .executed?:
                    let on = list.executedAt.map { " on " + CivilDate(dayOf: StoredCode.date(microseconds: $0)).description } ?? ""
                    throw StoreError.refused("disposition list \(number) was already executed\(on)")
                case .cancelled?:
                    throw try Self.cancelledRefusal(number, db)
                case .approved?, .executing?:
                    break
                case nil:
                    throw CorruptValue("disposition list \(number) has the unknown state '\(list.state)'")
                }
                if let approver = list.approvedBy, Self.samePerson(approver, list.proposedBy) {
                    throw StoreError.refused("disposition list \(number) was approved by its own proposer (\(list.proposedBy)): it cannot be executed")
                }
                let method = Self.given(method), vendorCertificate = Self.given(vendorCertificate)
                if let stored = list.method, let method, method != stored {
                    throw StoreError.refused("the execution of disposition list \(number) began with the method « \(stored) »: resume it with the same --method, or without")
                }
                if let stored = list.vendorCertificate, let vendorCertificate, vendorCertificate != stored {
                    throw StoreError.refused("the execution of disposition list \(number) began with the vendor certificate « \(stored) »: resume it with the same --vendor-certificate, or without")
                }
                let effectiveMethod = method ?? list.method
                let rows = try Self.dispositionItemRows(number, db)
                let today = CivilDate(dayOf: instant)
                let pending = rows.filter { $0.state == DispositionItemState.pending.rawValue }
                let context = try Self.retentionContext(db, rules: Set(pending.map(\.rule)))
                var problems: [String] = []
                for row in pending {
                    if let problem = try Self.dispositionProblem(row, context: context, today: today, db) { problems.append(problem) }
                }
                guard problems.isEmpty else {
                    throw StoreError.refused("disposition list \(number) cannot be executed on \(today); nothing was done:\n"
                        + problems.map { "  - " + $0 }.joined(separator: "\n"))
                }
                let withoutFile = try rows.filter { $0.state != DispositionItemState.done.rawValue }.map { try $0.item() }
                    .filter { $0.destroys && !$0.isDigital }
                if effectiveMethod == nil && !withoutFile.isEmpty {
                    throw StoreError.refused("disposition list \(number) destroys documents without a file Sablier can delete ("
                        + withoutFile.map(\.reference).joined(separator: ", ")
                        + "): say how with --method (déchiquetage, incinération, …) and, when a vendor destroys them, --vendor-certificate")
                }
                if list.state == DispositionState.approved.rawValue {
                    try db.execute(sql: Self.dispositionQueries.beginExecution,
                                   arguments: [StoredCode.microseconds(instant), actor, effectiveMethod, vendorCertificate, number])
                    try Self.audit(db, user: actor, action: "disposition.execute", target: Self.auditTarget(list: number),
                                   details: ["method": effectiveMethod ?? "", "vendor_certificate": vendorCertificate ?? ""], at: instant)
                } else if list.method == nil && method != nil || list.vendorCertificate == nil && vendorCertificate != nil {
                    try db.execute(sql: Self.dispositionQueries.recordMethod,
                                   arguments: [effectiveMethod, vendorCertificate ?? list.vendorCertificate, number])
                }
                return try Self.dispositionList(try Self.requireDispositionList(number, db), db)
            }
        }
    }

    @discardableResult
    public func startDispositionItem(list number: Int, position: Int, by actor: String, at instant: Date) async throws -> DispositionItem {
        try await perform("starting an item of disposition list \(number)") { database in
            try await database.write { db in
                let list = try Self.requireDispositionList(number, db)
                let row = try Self.dispositionItemRow(number, position: position, db)
                guard row.state == DispositionItemState.pending.rawValue else { return try row.item() }
                guard list.state == DispositionState.executing.rawValue else {
                    throw StoreError.refused("disposition list \(number) is \(list.state): its items are carried out once its execution began (sablier disposition execute \(number))")
                }
                let context = try Self.retentionContext(db, rules: [row.rule])
                if let problem = try Self.dispositionProblem(row, context: context, today: CivilDate(dayOf: instant), db) {
                    throw StoreError.refused(problem)
                }
                try db.execute(sql: Self.dispositionQueries.startItem, arguments: [StoredCode.microseconds(instant), number, position])
                try Self.audit(db, user: actor, action: "disposition.item-started", target: Self.auditTarget(list: number),
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
                switch DispositionItemState(rawValue: row.state) {
                case .done?: return try row.item()
                case .pending?: throw StoreError.refused("\(row.reference) in disposition list \(number) was not started: nothing was done to it")
                case .started?: break
                case nil: throw CorruptValue("disposition item \(row.reference) has the unknown state '\(row.state)'")
                }
                let item = try row.item()
                guard let document = try db.fetchStoredRows(DocumentRow.self, sql: queries.documentByID, arguments: [row.document]).first else {
                    throw StoreError.notFound("document \(row.reference)")
                }
                let event = try Self.dispositionEvent(item, on: CivilDate(dayOf: instant), by: actor)
                try Self.append(event, to: document, at: instant, db)
                if item.destroys {
                    guard let destroyed = try db.fetchStoredRows(DocumentRow.self, sql: queries.documentByID, arguments: [row.document]).first else {
                        throw StoreError.notFound("document \(row.reference)")
                    }
                    let tombstone = try TombstoneRow(document: destroyed, events: try Self.eventRows(of: destroyed.id, db), list: number,
                                                     at: instant, by: actor)
                    try SQLiteInserter<TombstoneRow>(db).insert([tombstone])
                }
                let micros = StoredCode.microseconds(instant)
                try db.execute(sql: queries.completeItem, arguments: [micros, number, position])
                try Self.audit(db, user: actor, action: "disposition.item-done", target: Self.auditTarget(list: number),
                               details: ["reference": row.reference, "event": event.kind.rawValue], at: instant)
                try db.execute(sql: queries.finishList, arguments: [micros, number, number])
                return try Self.dispositionItemRow(number, position: position, db).item()
            }
        }
    }

    // MARK: - Certificates and tombstones

    public func dispositionCertificate(_ number: Int) async throws -> DispositionCertificate {
        try await read("reading the certificate of disposition list \(number)") { db in
            let row = try Self.requireDispositionList(number, db)
            guard row.state == DispositionState.executing.rawValue || row.state == DispositionState.executed.rawValue else {
                throw StoreError.refused("disposition list \(number) is \(row.state): its certificate is written as it is executed")
            }
            let entries = try Self.dispositionItemRows(number, db)
                .filter { $0.state != DispositionItemState.pending.rawValue }
                .map { try $0.item() }
            var certificate = DispositionCertificate(list: try Self.dispositionList(row, db), entries: entries)
            certificate.auditSequences = try Int.fetchAll(db, sql: "SELECT sequence FROM audit_entry WHERE target = ? ORDER BY sequence",
                                                          arguments: [Self.auditTarget(list: number)])
            return certificate
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
    /// The row of list `number`, its state `cancelled` once withdrawn (whatever it was then),
    /// so every step that checks the state refuses a cancelled list.
    /// The audit trail's target for every step on list `number`: its certificate lists the
    /// entries by this name.
    static func auditTarget(list number: Int) -> String {
        "disposition \(number)"
    }

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
        guard let row = try dispositionListRow(number, db) else { throw StoreError.notFound("disposition list \(number)") }
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
            throw StoreError.notFound("item \(position) of disposition list \(number)")
        }
        return row
    }

    /// Why the item cannot be carried out on `today`, from its document as it is now and its
    /// rule in the calendar in force (`context` must hold it).
    static func dispositionProblem(_ row: DispositionItemRow, context: RetentionContext, today: CivilDate, _ db: Database) throws -> String? {
        guard let document = try db.fetchStoredRows(DocumentRow.self, sql: dispositionQueries.documentByID, arguments: [row.document]).first else {
            return "\(row.reference) is no longer registered"
        }
        return try DispositionCheck.problem(try row.item(), document: document, rule: context.rules[row.rule], today: today)
    }

    /// The life-cycle event that executing `item` records on its document.
    static func dispositionEvent(_ item: DispositionItem, on day: CivilDate, by actor: String) throws -> LifecycleEvent {
        let reason = "liste de disposition n° \(item.list)"
        switch item.action {
        case .destroy: return LifecycleEvent(kind: .destroyed, on: day, by: actor, reason: reason)
        case .deposit: return LifecycleEvent(kind: .deposited, on: day, by: actor, reason: reason)
        case .transfer: return LifecycleEvent(kind: .transferred, on: day, by: actor, reason: reason)
        case .sort:
            guard let decision = item.decision else {
                throw StoreError.refused("\(item.reference) is to be sorted (T) and has no keep-or-destroy decision")
            }
            let why = item.decisionReason.map { reason + " — " + $0 } ?? reason
            return LifecycleEvent(kind: .sorted, on: day, by: actor, reason: why, detail: decision.rawValue)
        }
    }

    /// Whether two names are the same person's: compared without case or surrounding spaces,
    /// so that "Marie" cannot approve what "marie " proposed.
    static func samePerson(_ a: String, _ b: String) -> Bool {
        a.trimmingSpaces().lowercased() == b.trimmingSpaces().lowercased()
    }

    /// An option's value, nil when absent or blank.
    static func given(_ text: String?) -> String? {
        guard let text = text?.trimmingSpaces(), !text.isEmpty else { return nil }
        return text
    }
}
