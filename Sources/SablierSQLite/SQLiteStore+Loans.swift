public import Foundation
public import SablierCore
public import SablierStore
import GRDB

extension SQLiteStore: LoanStore {
    public func loans(includingReturned: Bool) async throws -> [Loan] {
        try await read("listing loans") { db in
            let ids = try Int.fetchAll(db, sql: LoanQueries.loanIDs(includingReturned: includingReturned))
            return try ids.map { try Self.loan($0, db) }
        }
    }

    public func lend(_ subject: Loan.Subject, to borrower: String, unit: String?, on day: CivilDate, dueOn: CivilDate,
                     reason: String?, by actor: String, at instant: Date) async throws -> Loan {
        try await perform("lending \(subject.code) \(subject.target)") { database in
            try await database.write { db in
                let documents: [DocumentRow]
                var box: Box?
                switch subject {
                case .document(let reference):
                    guard let row = try Self.documentRow(reference, db) else { throw Refusal(.documentNotFound, ["reference": reference]) }
                    try Loan.checkLendable(try row.document(), phase: Phase(rawValue: row.phase) ?? .actif)
                    try Loan.checkDates(lentOn: day, dueOn: dueOn)
                    documents = [row]
                case .box(let code):
                    guard let found = try Self.boxRow(code, db) else { throw Refusal(.boxNotFound, ["box": code]) }
                    try Loan.checkDates(lentOn: day, dueOn: dueOn)
                    if let open = try Self.openLoanID(ofBox: code, db) { throw try Self.loan(open, db).alreadyOut(subject) }
                    box = found
                    // The documents the box holds now and the organisation still keeps: a
                    // destroyed or deposited one is no longer in it.
                    documents = try db.fetchStoredRows(DocumentRow.self, sql: RegisterQueries.keptDocumentsInBox, arguments: [code])
                }
                for row in documents {
                    if let open = try Self.openLoanID(ofDocument: row.id, db) {
                        throw try Self.loan(open, db).alreadyOut(.document(row.reference))
                    }
                    if let list = try Self.unfinishedApprovedList(ofDocument: row.id, db) {
                        throw Refusal(.loanOfApprovedItem, ["reference": row.reference, "list": String(list)])
                    }
                }
                // A loan recorded late (`--on` in the past) cannot overlap one that came back.
                var lentBefore: [(what: String, document: Int?, box: String?)] = box.map { [("boîte \($0.code)", nil, $0.code)] } ?? []
                lentBefore += documents.map { ($0.reference, $0.id, nil) }
                for (what, document, boxCode) in lentBefore {
                    if let last = try Self.lastReturn(ofDocument: document, box: boxCode, db), day < last.day {
                        throw Refusal(.lentBeforeLastReturn, ["reference": what, "on": day.description, "loan": String(last.loan),
                                                              "returned": last.day.description])
                    }
                }
                let id = try Int.fetchOne(db, sql: RegisterQueries.insertLoan, arguments: [
                    box?.code, borrower, unit, day.description, dueOn.description, StoredCode.microseconds(instant), actor, reason,
                ])!
                let to = unit.map { "\(borrower) / \($0)" } ?? borrower
                // A loan changes no date of the retention count: its events are written without
                // a recount, as a hold's are.
                var sequence = try Self.nextEventSequence(db)
                for row in documents {
                    try db.execute(sql: LoanQueries.insertLoanDocument, arguments: [id, row.id])
                    let event = LifecycleEvent(kind: .lent, on: day, by: actor, reason: to, detail: String(id))
                    try SQLiteInserter<DocumentEventRow>(db).insert([DocumentEventRow(sequence: sequence, document: row.id, event, recordedAt: instant)])
                    sequence += 1
                }
                if let box {
                    try Self.appendBoxMove(box.code, on: day, by: actor, at: instant, from: box.location, to: nil, loan: id,
                                           reason: "prêtée à \(to)", db)
                }
                try self.audit(db, user: actor, action: "loan.out", target: "loan \(id)",
                               details: [subject.code: subject.target, "borrower": borrower, "unit": unit ?? "", "on": day.description,
                                         "due": dueOn.description, "documents": String(documents.count), "reason": reason ?? ""],
                               at: instant)
                return try Self.loan(id, db)
            }
        }
    }

    public func returnLoan(_ target: LoanTarget, on day: CivilDate, note: String?, by actor: String, at instant: Date) async throws -> Loan {
        try await perform("returning a loan") { database in
            try await database.write { db in
                let loan: Loan
                switch target {
                case .loan(let id):
                    loan = try Self.loan(id, db)
                case .document(let reference):
                    guard let row = try Self.documentRow(reference, db) else { throw Refusal(.documentNotFound, ["reference": reference]) }
                    guard let open = try Self.openLoanID(ofDocument: row.id, db) else { throw Refusal(.notOut, ["what": reference]) }
                    loan = try Self.loan(open, db)
                case .box(let code):
                    guard try Self.boxRow(code, db) != nil else { throw Refusal(.boxNotFound, ["box": code]) }
                    guard let open = try Self.openLoanID(ofBox: code, db) else { throw Refusal(.notOut, ["what": "boîte \(code)"]) }
                    loan = try Self.loan(open, db)
                }
                try loan.checkReturn(on: day, today: CivilDate(dayOf: instant))
                try db.execute(sql: LoanQueries.returnLoan,
                               arguments: [day.description, StoredCode.microseconds(instant), actor, note, loan.id])
                var sequence = try Self.nextEventSequence(db)
                for document in try Int.fetchAll(db, sql: LoanQueries.loanDocuments, arguments: [loan.id]) {
                    let event = LifecycleEvent(kind: .returned, on: day, by: actor, reason: note, detail: String(loan.id))
                    try SQLiteInserter<DocumentEventRow>(db).insert([DocumentEventRow(sequence: sequence, document: document, event, recordedAt: instant)])
                    sequence += 1
                }
                if case .box(let code) = loan.subject, let box = try Self.boxRow(code, db) {
                    try Self.appendBoxMove(code, on: day, by: actor, at: instant, from: nil, to: box.location, loan: loan.id,
                                           reason: "retournée par \(loan.borrower)", db)
                }
                try self.audit(db, user: actor, action: "loan.return", target: "loan \(loan.id)",
                               details: [loan.subject.code: loan.subject.target, "on": day.description, "note": note ?? "",
                                         "documents": String(loan.documents.count)], at: instant)
                return try Self.loan(loan.id, db)
            }
        }
    }

    public func openLoan(ofDocument reference: String) async throws -> Loan? {
        try await read("reading the loan of \(reference)") { db in
            guard let row = try Self.documentRow(reference, db) else { return nil }
            return try Self.openLoanID(ofDocument: row.id, db).map { try Self.loan($0, db) }
        }
    }

    public func loan(_ id: Int) async throws -> Loan? {
        try await read("reading loan \(id)") { db in
            try Bool.fetchOne(db, sql: LoanQueries.loanExists, arguments: [id]) == true ? try Self.loan(id, db) : nil
        }
    }

    public func moveBox(_ code: String, to location: PhysicalLocation, on day: CivilDate, reason: String, by actor: String,
                        at instant: Date) async throws -> BoxMove {
        try await perform("moving box \(code)") { database in
            try await database.write { db in
                guard let box = try Self.boxRow(code, db) else { throw Refusal(.boxNotFound, ["box": code]) }
                let last = try String.fetchOne(db, sql: LoanQueries.lastMoveDay, arguments: [code])
                try box.checkMove(to: location, on: day, today: CivilDate(dayOf: instant), lastMovedOn: try last.map { try StoredCode.civilDate($0, column: "box_move.moved_on") },
                                  openLoan: try Self.openLoanID(ofBox: code, db).map { try Self.loan($0, db) })
                try db.execute(sql: LoanQueries.moveBox,
                               arguments: [location.building, location.room, location.shelving, code])
                let move = try Self.appendBoxMove(code, on: day, by: actor, at: instant, from: box.location, to: location, loan: nil,
                                                  reason: reason, db)
                try self.audit(db, user: actor, action: "box.move", target: "box \(code)",
                               details: ["from": box.location.description, "to": location.description, "on": day.description,
                                         "reason": reason], at: instant)
                return move
            }
        }
    }

    public func boxMoves(_ code: String) async throws -> [BoxMove] {
        try await read("reading the moves of box \(code)") { db in
            guard try Self.boxRow(code, db) != nil else { throw Refusal(.boxNotFound, ["box": code]) }
            return try BoxMoveRow.history(db.fetchStoredRows(
                BoxMoveRow.self, sql: BoxMoveRow.table.select(.sqlite, where: ["box"], orderBy: ["position"]), arguments: [code]))
        }
    }

    // MARK: - Rows

    /// The open loan that has the document (by row id) out, if any: one that took it out
    /// (`loan_document`), or the open loan of the box it is in now — a document put into a box
    /// already lent (`document add --box`, `document correct --box`) went out with it.
    ///
    /// The one answer to "is it on loan?": lending, returning by reference, proposing,
    /// executing and completing a disposition item all ask it.
    static func openLoanID(ofDocument document: Int, _ db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: LoanQueries.openLoanOfDocument, arguments: [document, document])
    }

    /// The open loan of the box itself, if any.
    static func openLoanID(ofBox code: String, _ db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: LoanQueries.openLoanOfBox, arguments: [code])
    }

    /// Every document out on an open loan (by row id), with that loan's number: one read for a
    /// whole proposal, saying what `openLoanID(ofDocument:)` says of each (the loan that took
    /// it out, or its box's).
    static func openLoansByDocument(_ db: Database) throws -> [Int: Int] {
        var result: [Int: Int] = [:]
        for row in try Row.fetchAll(db, sql: LoanQueries.openLoans) {
            let document: Int = row[0]
            if result[document] == nil { result[document] = row[1] as Int }
        }
        return result
    }

    /// The first list approved or being executed, not cancelled, whose item for the document
    /// (by row id) is not done yet: such a document is promised to its disposition and is not
    /// lent until the list is executed or cancelled.
    static func unfinishedApprovedList(ofDocument document: Int, _ db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: LoanQueries.approvedListOfDocument, arguments: [document])
    }

    /// The last day a loan that took out the document (by row id), or the box, came back: a
    /// loan recorded afterwards cannot go out before it, or the two loans would overlap.
    static func lastReturn(ofDocument document: Int?, box: String?, _ db: Database) throws -> (day: CivilDate, loan: Int)? {
        guard let row = try Row.fetchOne(db, sql: LoanQueries.lastReturn, arguments: [box, document]) else { return nil }
        let text: String = row[0]
        guard let day = CivilDate(iso: text) else { throw CorruptValue("loan \(row[1] as Int) holds the returned_on '\(text)'") }
        return (day, row[1])
    }

    static func loan(_ id: Int, _ db: Database) throws -> Loan {
        guard let row = try db.fetchStoredRows(LoanRow.self, sql: LoanRow.table.select(.sqlite, where: ["id"]), arguments: [id]).first else {
            throw Refusal(.loanNotFound, ["loan": String(id)])
        }
        // The documents it took out and, while a box is out, those put into it since: they are
        // on this loan too (`openLoanID(ofDocument:)`).
        let documents = try Row.fetchAll(db, sql: LoanQueries.lentDocuments, arguments: [id, row.isOpen, row.box]).map { LoanRow.LentDocument(reference: $0[0], holder: $0[1], title: $0[2]) }
        let contents = try row.box.flatMap { try String.fetchOne(db, sql: LoanQueries.boxContents, arguments: [$0]) }
        return try row.loan(documents: documents, boxContents: contents)
    }

    @discardableResult
    static func appendBoxMove(_ code: String, on day: CivilDate, by actor: String, at instant: Date, from: PhysicalLocation?,
                              to: PhysicalLocation?, loan: Int?, reason: String?, _ db: Database) throws -> BoxMove {
        let position = try Int.fetchOne(db, sql: LoanQueries.nextMovePosition, arguments: [code]) ?? 0
        let row = BoxMoveRow(box: code, position: position, on: day, by: actor, at: instant, from: from, to: to, loan: loan, reason: reason)
        try SQLiteInserter<BoxMoveRow>(db).insert([row])
        var move = try row.boxMove(kind: BoxMoveRow.appendedKind(loan: loan, to: to))
        move.movedAt = instant
        return move
    }
}
