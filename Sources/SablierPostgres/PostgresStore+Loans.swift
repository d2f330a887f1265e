import Foundation
import SablierCore
import SablierStore
import PostgresNIO

// MARK: - Rows

extension PostgresStore {
    /// The open loan that has the document (by row id) out, if any: one that took it out
    /// (`loan_document`), or the open loan of the box it is in now — a document put into a box
    /// already lent (`document add --box`, `document correct --box`) went out with it.
    ///
    /// The one answer to "is it on loan?": lending, returning by reference, proposing,
    /// executing and completing a disposition item all ask it.
    static func openLoanID(ofDocument document: Int, _ tx: PostgresTransaction) async throws -> Int? {
        try await tx.scalar(Int.self, """
            SELECT l.id FROM loan l
            WHERE l.returned_at IS NULL
              AND (EXISTS (SELECT 1 FROM loan_document ld WHERE ld.loan = l.id AND ld.document = ?)
                   OR l.box = (SELECT d.box FROM document d WHERE d.id = ?))
            ORDER BY l.id LIMIT 1
            """, [.integer(document), .integer(document)])
    }

    /// The open loan of the box itself, if any.
    static func openLoanID(ofBox code: String, _ tx: PostgresTransaction) async throws -> Int? {
        try await tx.scalar(Int.self, "SELECT id FROM loan WHERE box = ? AND returned_at IS NULL ORDER BY id LIMIT 1", [.text(code)])
    }

    /// Every document out on an open loan (by row id), with that loan's number: one read for a
    /// whole proposal, saying what `openLoanID(ofDocument:)` says of each (the loan that took
    /// it out, or its box's).
    static func openLoansByDocument(_ tx: PostgresTransaction) async throws -> [Int: Int] {
        var result: [Int: Int] = [:]
        try await tx.forEachRow("""
            SELECT ld.document, l.id FROM loan_document ld JOIN loan l ON l.id = ld.loan WHERE l.returned_at IS NULL
            UNION ALL
            SELECT d.id, l.id FROM loan l JOIN document d ON d.box = l.box WHERE l.returned_at IS NULL AND l.box IS NOT NULL
            ORDER BY 2
            """) { row in
            let document = try row[0].decode(Int.self)
            if result[document] == nil { result[document] = try row[1].decode(Int.self) }
        }
        return result
    }

    /// The first list approved or being executed, not cancelled, whose item for the document
    /// (by row id) is not done yet: such a document is promised to its disposition and is not
    /// lent until the list is executed or cancelled.
    static func unfinishedApprovedList(ofDocument document: Int, _ tx: PostgresTransaction) async throws -> Int? {
        try await tx.scalar(Int.self, """
            SELECT i.list FROM disposition_item i JOIN disposition_list l ON l.number = i.list
            WHERE i.document = ? AND i.state <> 'done' AND l.state IN ('approved', 'executing')
              AND NOT EXISTS (SELECT 1 FROM disposition_cancellation c WHERE c.list = l.number)
            ORDER BY i.list LIMIT 1
            """, [.integer(document)])
    }

    /// The last day a loan that took out the document (by row id), or the box, came back: a
    /// loan recorded afterwards cannot go out before it, or the two loans would overlap.
    static func lastReturn(ofDocument document: Int?, box: String?, _ tx: PostgresTransaction) async throws -> (day: CivilDate, loan: Int)? {
        guard let row = try await tx.rows("""
            SELECT l.returned_on, l.id FROM loan l
            WHERE l.returned_on IS NOT NULL
              AND (l.box = CAST(? AS TEXT) OR EXISTS (SELECT 1 FROM loan_document ld WHERE ld.loan = l.id AND ld.document = CAST(? AS BIGINT)))
            ORDER BY l.returned_on DESC, l.id DESC LIMIT 1
            """, [box.map { .text($0) } ?? .null, document.map { .integer($0) } ?? .null]).first else { return nil }
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
        let documents = try await tx.rows("""
            SELECT d.reference, d.holder, d.title FROM document d
            WHERE d.id IN (SELECT ld.document FROM loan_document ld WHERE ld.loan = ?)
               OR (? AND d.box = CAST(? AS TEXT) AND d.phase <> 'inactif-detruit' AND d.phase <> 'inactif-verse')
            ORDER BY d.reference
            """, [.integer(id), .boolean(row.isOpen), row.box.map { .text($0) } ?? .null]).map { document in
            LoanRow.LentDocument(reference: try document[0].decode(String.self), holder: try document[1].decode(String.self),
                                 title: try document[2].decode(String.self))
        }
        var contents: String?
        if let code = row.box {
            contents = try await tx.scalar(String.self, "SELECT contents FROM box WHERE code = ?", [.text(code)])
        }
        return try row.loan(documents: documents, boxContents: contents)
    }

    /// Appends a move to the box's history, at the position after its last.
    @discardableResult
    static func appendBoxMove(_ code: String, on day: CivilDate, by actor: String, at instant: Date, from: PhysicalLocation?,
                              to: PhysicalLocation?, loan: Int?, reason: String?, _ tx: PostgresTransaction) async throws -> BoxMove {
        let position = try await tx.scalar(Int.self, "SELECT COALESCE(MAX(position), -1) + 1 FROM box_move WHERE box = ?", [.text(code)]) ?? 0
        let row = BoxMoveRow(box: code, position: position, on: day, by: actor, at: instant, from: from, to: to, loan: loan, reason: reason)
        try await tx.insert([row])
        var move = try row.boxMove(kind: BoxMoveRow.appendedKind(loan: loan, to: to))
        move.movedAt = instant
        return move
    }
}
