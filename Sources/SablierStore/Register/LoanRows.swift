public import Foundation
public import SablierCore

/// A row of `loan`: what every backend reads a loan from and turns into the domain's `Loan`
/// the same way, so that a store copied from one backend to another lists the same loans.
public struct LoanRow: StoredRow {
    public var id: Int
    /// The box lent, or nil when the loan lends one document.
    public var box: String?
    public var borrower: String
    public var borrowerUnit: String?
    /// `YYYY-MM-DD`.
    public var lentOn: String
    public var dueOn: String
    /// Microseconds since 1970-01-01T00:00:00Z.
    public var lentAt: Int
    public var lentBy: String
    public var reason: String?
    public var returnedOn: String?
    public var returnedAt: Int?
    public var returnedBy: String?
    public var returnNote: String?

    public static let table = StoreTable("loan", columns: [
        "id", "box", "borrower", "borrower_unit", "lent_on", "due_on", "lent_at", "lent_by", "reason",
        "returned_on", "returned_at", "returned_by", "return_note",
    ])

    @inlinable
    public func write<W: StoreRowWriting>(to row: inout W) throws(W.Failure) {
        try row.integer(id)
        try row.text(box)
        try row.text(borrower)
        try row.text(borrowerUnit)
        try row.text(lentOn)
        try row.text(dueOn)
        try row.integer(lentAt)
        try row.text(lentBy)
        try row.text(reason)
        try row.text(returnedOn)
        try row.integer(returnedAt)
        try row.text(returnedBy)
        try row.text(returnNote)
    }

    @inlinable
    public init(reading row: inout some StoreRowReading) throws {
        id = try row.integer(required: "id")
        box = try row.text("box")
        borrower = try row.text(required: "borrower")
        borrowerUnit = try row.text("borrower_unit")
        lentOn = try row.text(required: "lent_on")
        dueOn = try row.text(required: "due_on")
        lentAt = try row.integer(required: "lent_at")
        lentBy = try row.text(required: "lent_by")
        reason = try row.text("reason")
        returnedOn = try row.text("returned_on")
        returnedAt = try row.integer("returned_at")
        returnedBy = try row.text("returned_by")
        returnNote = try row.text("return_note")
    }

    public init(id: Int, box: String?, borrower: String, borrowerUnit: String?, lentOn: String, dueOn: String, lentAt: Int, lentBy: String,
                reason: String?, returnedOn: String?, returnedAt: Int?, returnedBy: String?, returnNote: String?) {
        self.id = id
        self.box = box
        self.borrower = borrower
        self.borrowerUnit = borrowerUnit
        self.lentOn = lentOn
        self.dueOn = dueOn
        self.lentAt = lentAt
        self.lentBy = lentBy
        self.reason = reason
        self.returnedOn = returnedOn
        self.returnedAt = returnedAt
        self.returnedBy = returnedBy
        self.returnNote = returnNote
    }

    /// Whether the loan is still out: open until it is returned.
    public var isOpen: Bool { returnedAt == nil }

    /// A document a loan has out, as `loan(documents:boxContents:)` needs it.
    public struct LentDocument: Sendable, Hashable {
        public var reference: String
        public var holder: String
        public var title: String

        public init(reference: String, holder: String, title: String) {
            self.reference = reference
            self.holder = holder
            self.title = title
        }
    }

    /// The loan, given the documents it has out in reference order (those it took out and,
    /// while a box is out, those put into the box since) and the lent box's contents.
    ///
    /// A loan without a box lends its one document: its subject and title are that document's.
    public func loan(documents: [LentDocument], boxContents: String?) throws -> Loan {
        func day(_ text: String?, _ column: String) throws -> CivilDate? {
            guard let text else { return nil }
            guard let date = CivilDate(iso: text) else { throw CorruptValue("loan \(id) holds the \(column) '\(text)'") }
            return date
        }
        let subject: Loan.Subject
        let title: String?
        if let box {
            subject = .box(box)
            title = boxContents
        } else {
            guard let first = documents.first else { throw CorruptValue("loan \(id) lends no box and no document") }
            subject = .document(first.reference)
            title = first.title
        }
        guard let lent = try day(lentOn, "lent_on"), let due = try day(dueOn, "due_on") else {
            throw CorruptValue("loan \(id) has no lent_on or due_on")
        }
        return Loan(id: id, subject: subject, borrower: borrower, borrowerUnit: borrowerUnit, lentOn: lent, dueOn: due,
                    lentAt: StoredCode.date(microseconds: lentAt), lentBy: lentBy, reason: reason,
                    returnedOn: try day(returnedOn, "returned_on"), returnedAt: returnedAt.map { StoredCode.date(microseconds: $0) },
                    returnedBy: returnedBy, returnNote: returnNote, documents: documents.map(\.reference),
                    documentHolders: documents.map(\.holder), holderUnits: Set(documents.map(\.holder)).sorted(), title: title)
    }
}

/// A row of `box_move`: one move of a box, appended, never edited.
public struct BoxMoveRow: StoredRow {
    public var box: String
    public var position: Int
    /// `YYYY-MM-DD`.
    public var movedOn: String
    /// Microseconds since 1970-01-01T00:00:00Z.
    public var movedAt: Int
    public var movedBy: String
    public var fromBuilding: String?
    public var fromRoom: String?
    public var fromShelving: String?
    public var toBuilding: String?
    public var toRoom: String?
    public var toShelving: String?
    /// The loan that took the box out or brought it back; nil for a move.
    public var loan: Int?
    public var reason: String?

    public static let table = StoreTable("box_move", columns: [
        "box", "position", "moved_on", "moved_at", "moved_by", "from_building", "from_room", "from_shelving",
        "to_building", "to_room", "to_shelving", "loan", "reason",
    ])

    @inlinable
    public func write<W: StoreRowWriting>(to row: inout W) throws(W.Failure) {
        try row.text(box)
        try row.integer(position)
        try row.text(movedOn)
        try row.integer(movedAt)
        try row.text(movedBy)
        try row.text(fromBuilding)
        try row.text(fromRoom)
        try row.text(fromShelving)
        try row.text(toBuilding)
        try row.text(toRoom)
        try row.text(toShelving)
        try row.integer(loan)
        try row.text(reason)
    }

    @inlinable
    public init(reading row: inout some StoreRowReading) throws {
        box = try row.text(required: "box")
        position = try row.integer(required: "position")
        movedOn = try row.text(required: "moved_on")
        movedAt = try row.integer(required: "moved_at")
        movedBy = try row.text(required: "moved_by")
        fromBuilding = try row.text("from_building")
        fromRoom = try row.text("from_room")
        fromShelving = try row.text("from_shelving")
        toBuilding = try row.text("to_building")
        toRoom = try row.text("to_room")
        toShelving = try row.text("to_shelving")
        loan = try row.integer("loan")
        reason = try row.text("reason")
    }

    /// The move to append at `position`: from nowhere when a loan brings the box back, to
    /// nowhere when a loan takes it out.
    public init(box: String, position: Int, on day: CivilDate, by actor: String, at instant: Date, from: PhysicalLocation?,
                to: PhysicalLocation?, loan: Int?, reason: String?) {
        self.box = box
        self.position = position
        movedOn = day.description
        movedAt = StoredCode.microseconds(instant)
        movedBy = actor
        fromBuilding = from?.building
        fromRoom = from?.room
        fromShelving = from?.shelving
        toBuilding = to?.building
        toRoom = to?.room
        toShelving = to?.shelving
        self.loan = loan
        self.reason = reason
    }

    /// The move as the domain reads it, `kind` given by the box's history (`history(_:)`): a
    /// place of which nothing is known is no place.
    public func boxMove(kind: BoxMove.Kind) throws -> BoxMove {
        guard let day = CivilDate(iso: movedOn) else { throw CorruptValue("box_move holds the moved_on '\(movedOn)'") }
        func place(_ building: String?, _ room: String?, _ shelving: String?) -> PhysicalLocation? {
            let location = PhysicalLocation(building: building, room: room, shelving: shelving)
            return location.isEmpty ? nil : location
        }
        return BoxMove(box: box, kind: kind, position: position, movedOn: day, movedAt: StoredCode.date(microseconds: movedAt), movedBy: movedBy,
                       from: place(fromBuilding, fromRoom, fromShelving), to: place(toBuilding, toRoom, toShelving), loan: loan, reason: reason)
    }

    /// The kind of a move appended with `to`: a loan's move takes the box out (to nowhere)
    /// or brings it back.
    public static func appendedKind(loan: Int?, to: PhysicalLocation?) -> BoxMove.Kind {
        loan == nil ? .moved : (to == nil ? .lent : .returned)
    }

    /// A box's moves, in position order, as the domain reads them: a loan moves the box
    /// twice, out first, back at its return.
    public static func history(_ rows: [BoxMoveRow]) throws -> [BoxMove] {
        var loansSeen: Set<Int> = []
        return try rows.map { row in
            try row.boxMove(kind: row.loan.map { loansSeen.insert($0).inserted ? .lent : .returned } ?? .moved)
        }
    }
}
