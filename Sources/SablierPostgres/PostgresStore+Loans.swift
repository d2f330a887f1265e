public import Foundation
public import SablierCore
public import SablierStore
import PostgresNIO

extension PostgresStore: LoanStore {
    public func loans(includingReturned: Bool) async throws -> [Loan] {
        try await read("listing loans") { tx in
            let ids = try await tx.rows(LoanQueries.loanIDs(includingReturned: includingReturned))
                .map { try $0[0].decode(Int.self) }
            var loans: [Loan] = []
            for id in ids { loans.append(try await Self.loan(id, tx)) }
            return loans
        }
    }

    public func lend(_ subject: Loan.Subject, to borrower: String, unit: String?, on day: CivilDate, dueOn: CivilDate,
                     reason: String?, by actor: String, at instant: Date) async throws -> Loan {
        try await write("lending \(subject.code) \(subject.target)") { tx in
            let documents: [DocumentRow]
            var box: Box?
            switch subject {
            case .document(let reference):
                guard let row = try await Self.documentRow(reference, tx) else { throw Refusal(.documentNotFound, ["reference": reference]) }
                try Loan.checkLendable(try row.document(), phase: Phase(rawValue: row.phase) ?? .actif)
                try Loan.checkDates(lentOn: day, dueOn: dueOn)
                documents = [row]
            case .box(let code):
                guard let found = try await Self.boxRow(code, tx) else { throw Refusal(.boxNotFound, ["box": code]) }
                try Loan.checkDates(lentOn: day, dueOn: dueOn)
                if let open = try await Self.openLoanID(ofBox: code, tx) { throw try await Self.loan(open, tx).alreadyOut(subject) }
                box = found
                // The documents the box holds now and the organisation still keeps: a
                // destroyed or deposited one is no longer in it.
                documents = try await tx.fetch(DocumentRow.self, sql: RegisterQueries.keptDocumentsInBox, [.text(code)])
            }
            for row in documents {
                if let open = try await Self.openLoanID(ofDocument: row.id, tx) {
                    throw try await Self.loan(open, tx).alreadyOut(.document(row.reference))
                }
                if let list = try await Self.unfinishedApprovedList(ofDocument: row.id, tx) {
                    throw Refusal(.loanOfApprovedItem, ["reference": row.reference, "list": String(list)])
                }
            }
            // A loan recorded late (`--on` in the past) cannot overlap one that came back.
            var lentBefore: [(what: String, document: Int?, box: String?)] = box.map { [("boîte \($0.code)", nil, $0.code)] } ?? []
            lentBefore += documents.map { ($0.reference, $0.id, nil) }
            for (what, document, boxCode) in lentBefore {
                if let last = try await Self.lastReturn(ofDocument: document, box: boxCode, tx), day < last.day {
                    throw Refusal(.lentBeforeLastReturn, ["reference": what, "on": day.description, "loan": String(last.loan),
                                                          "returned": last.day.description])
                }
            }
            let id = try await tx.scalar(Int.self, RegisterQueries.insertLoan, [
                StoreValue(box?.code), .text(borrower), StoreValue(unit), .text(day.description), .text(dueOn.description),
                .integer(StoredCode.microseconds(instant)), .text(actor), StoreValue(reason),
            ])!
            let to = unit.map { "\(borrower) / \($0)" } ?? borrower
            // A loan changes no date of the retention count: its events are written without
            // a recount, as a hold's are.
            var sequence = try await Self.nextEventSequence(tx)
            var events: [DocumentEventRow] = []
            for row in documents {
                let event = LifecycleEvent(kind: .lent, on: day, by: actor, reason: to, detail: String(id))
                events.append(DocumentEventRow(sequence: sequence, document: row.id, event, recordedAt: instant))
                sequence += 1
            }
            for row in documents {
                try await tx.execute(LoanQueries.insertLoanDocument, [.integer(id), .integer(row.id)])
            }
            try await tx.insert(events)
            if let box {
                try await Self.appendBoxMove(box.code, on: day, by: actor, at: instant, from: box.location, to: nil, loan: id,
                                             reason: "prêtée à \(to)", tx)
            }
            try await self.audit(tx, user: actor, action: "loan.out", target: "loan \(id)",
                                 details: [subject.code: subject.target, "borrower": borrower, "unit": unit ?? "", "on": day.description,
                                           "due": dueOn.description, "documents": String(documents.count), "reason": reason ?? ""],
                                 at: instant)
            return try await Self.loan(id, tx)
        }
    }

    public func returnLoan(_ target: LoanTarget, on day: CivilDate, note: String?, by actor: String, at instant: Date) async throws -> Loan {
        try await write("returning a loan") { tx in
            let loan: Loan
            switch target {
            case .loan(let id):
                loan = try await Self.loan(id, tx)
            case .document(let reference):
                guard let row = try await Self.documentRow(reference, tx) else { throw Refusal(.documentNotFound, ["reference": reference]) }
                guard let open = try await Self.openLoanID(ofDocument: row.id, tx) else { throw Refusal(.notOut, ["what": reference]) }
                loan = try await Self.loan(open, tx)
            case .box(let code):
                guard try await Self.boxRow(code, tx) != nil else { throw Refusal(.boxNotFound, ["box": code]) }
                guard let open = try await Self.openLoanID(ofBox: code, tx) else { throw Refusal(.notOut, ["what": "boîte \(code)"]) }
                loan = try await Self.loan(open, tx)
            }
            try loan.checkReturn(on: day, today: CivilDate(dayOf: instant))
            try await tx.execute(LoanQueries.returnLoan,
                                 [.text(day.description), .integer(StoredCode.microseconds(instant)), .text(actor),
                                  StoreValue(note), .integer(loan.id)])
            var sequence = try await Self.nextEventSequence(tx)
            var events: [DocumentEventRow] = []
            for row in try await tx.rows(LoanQueries.loanDocuments, [.integer(loan.id)]) {
                let event = LifecycleEvent(kind: .returned, on: day, by: actor, reason: note, detail: String(loan.id))
                events.append(DocumentEventRow(sequence: sequence, document: try row[0].decode(Int.self), event, recordedAt: instant))
                sequence += 1
            }
            try await tx.insert(events)
            if case .box(let code) = loan.subject, let box = try await Self.boxRow(code, tx) {
                try await Self.appendBoxMove(code, on: day, by: actor, at: instant, from: nil, to: box.location, loan: loan.id,
                                             reason: "retournée par \(loan.borrower)", tx)
            }
            try await self.audit(tx, user: actor, action: "loan.return", target: "loan \(loan.id)",
                                 details: [loan.subject.code: loan.subject.target, "on": day.description, "note": note ?? "",
                                           "documents": String(loan.documents.count)], at: instant)
            return try await Self.loan(loan.id, tx)
        }
    }

    public func openLoan(ofDocument reference: String) async throws -> Loan? {
        try await read("reading the loan of \(reference)") { tx in
            guard let row = try await Self.documentRow(reference, tx),
                  let open = try await Self.openLoanID(ofDocument: row.id, tx) else { return nil }
            return try await Self.loan(open, tx)
        }
    }

    public func loan(_ id: Int) async throws -> Loan? {
        try await read("reading loan \(id)") { tx in
            guard try await tx.scalar(Bool.self, LoanQueries.loanExists, [.integer(id)]) == true else { return nil }
            return try await Self.loan(id, tx)
        }
    }

    public func moveBox(_ code: String, to location: PhysicalLocation, on day: CivilDate, reason: String, by actor: String,
                        at instant: Date) async throws -> BoxMove {
        try await write("moving box \(code)") { tx in
            guard let box = try await Self.boxRow(code, tx) else { throw Refusal(.boxNotFound, ["box": code]) }
            let last = try await tx.scalar(String.self, LoanQueries.lastMoveDay, [.text(code)])
            var openLoan: Loan?
            if let open = try await Self.openLoanID(ofBox: code, tx) { openLoan = try await Self.loan(open, tx) }
            try box.checkMove(to: location, on: day, today: CivilDate(dayOf: instant),
                              lastMovedOn: try last.map { try StoredCode.civilDate($0, column: "box_move.moved_on") }, openLoan: openLoan)
            try await tx.execute(LoanQueries.moveBox,
                                 [StoreValue(location.building), StoreValue(location.room),
                                  StoreValue(location.shelving), .text(code)])
            let move = try await Self.appendBoxMove(code, on: day, by: actor, at: instant, from: box.location, to: location, loan: nil,
                                                    reason: reason, tx)
            try await self.audit(tx, user: actor, action: "box.move", target: "box \(code)",
                                 details: ["from": box.location.description, "to": location.description, "on": day.description,
                                           "reason": reason], at: instant)
            return move
        }
    }

    public func boxMoves(_ code: String) async throws -> [BoxMove] {
        try await read("reading the moves of box \(code)") { tx in
            guard try await Self.boxRow(code, tx) != nil else { throw Refusal(.boxNotFound, ["box": code]) }
            return try BoxMoveRow.history(
                await tx.fetch(BoxMoveRow.self, where: ["box": .text(code)], orderBy: ["position"]))
        }
    }
}

// MARK: - Rows

extension PostgresStore {
    /// The open loan that has the document (by row id) out, if any: one that took it out
    /// (`loan_document`), or the open loan of the box it is in now — a document put into a box
    /// already lent (`document add --box`, `document correct --box`) went out with it.
    ///
    /// The one answer to "is it on loan?": lending, returning by reference, proposing,
    /// executing and completing a disposition item all ask it.
    static func openLoanID(ofDocument document: Int, _ tx: PostgresTransaction) async throws -> Int? {
        try await tx.scalar(Int.self, LoanQueries.openLoanOfDocument, [.integer(document), .integer(document)])
    }

    /// The open loan of the box itself, if any.
    static func openLoanID(ofBox code: String, _ tx: PostgresTransaction) async throws -> Int? {
        try await tx.scalar(Int.self, LoanQueries.openLoanOfBox, [.text(code)])
    }

    /// Every document out on an open loan (by row id), with that loan's number: one read for a
    /// whole proposal, saying what `openLoanID(ofDocument:)` says of each (the loan that took
    /// it out, or its box's).
    static func openLoansByDocument(_ tx: PostgresTransaction) async throws -> [Int: Int] {
        var result: [Int: Int] = [:]
        try await tx.forEachRow(LoanQueries.openLoans) { row in
            let document = try row[0].decode(Int.self)
            if result[document] == nil { result[document] = try row[1].decode(Int.self) }
        }
        return result
    }

    /// The first list approved or being executed, not cancelled, whose item for the document
    /// (by row id) is not done yet: such a document is promised to its disposition and is not
    /// lent until the list is executed or cancelled.
    static func unfinishedApprovedList(ofDocument document: Int, _ tx: PostgresTransaction) async throws -> Int? {
        try await tx.scalar(Int.self, LoanQueries.approvedListOfDocument, [.integer(document)])
    }

    /// The last day a loan that took out the document (by row id), or the box, came back: a
    /// loan recorded afterwards cannot go out before it, or the two loans would overlap.
    static func lastReturn(ofDocument document: Int?, box: String?, _ tx: PostgresTransaction) async throws -> (day: CivilDate, loan: Int)? {
        guard let row = try await tx.rows(LoanQueries.lastReturn, [StoreValue(box), StoreValue(document)]).first else { return nil }
        let text = try row[0].decode(String.self), id = try row[1].decode(Int.self)
        guard let day = CivilDate(iso: text) else { throw CorruptValue("loan \(id) holds the returned_on '\(text)'") }
        return (day, id)
    }

    /// The loan numbered `id`, with the documents it has out; refused when there is none.
    static func loan(_ id: Int, _ tx: PostgresTransaction) async throws -> Loan {
        guard let row = try await tx.fetch(LoanRow.self, where: ["id": .integer(id)]).first else {
            throw Refusal(.loanNotFound, ["loan": String(id)])
        }
        // The documents it took out and, while a box is out, those put into it since: they are
        // on this loan too (`openLoanID(ofDocument:)`).
        let documents = try await tx.rows(LoanQueries.lentDocuments, [.integer(id), .boolean(row.isOpen), StoreValue(row.box)]).map { document in
            LoanRow.LentDocument(reference: try document[0].decode(String.self), holder: try document[1].decode(String.self),
                                 title: try document[2].decode(String.self))
        }
        var contents: String?
        if let code = row.box {
            contents = try await tx.scalar(String.self, LoanQueries.boxContents, [.text(code)])
        }
        return try row.loan(documents: documents, boxContents: contents)
    }

    /// Appends a move to the box's history, at the position after its last.
    @discardableResult
    static func appendBoxMove(_ code: String, on day: CivilDate, by actor: String, at instant: Date, from: PhysicalLocation?,
                              to: PhysicalLocation?, loan: Int?, reason: String?, _ tx: PostgresTransaction) async throws -> BoxMove {
        let position = try await tx.scalar(Int.self, LoanQueries.nextMovePosition, [.text(code)]) ?? 0
        let row = BoxMoveRow(box: code, position: position, on: day, by: actor, at: instant, from: from, to: to, loan: loan, reason: reason)
        try await tx.insert([row])
        var move = try row.boxMove(kind: BoxMoveRow.appendedKind(loan: loan, to: to))
        move.movedAt = instant
        return move
    }
}
