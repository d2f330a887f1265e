public import Foundation

/// A loan of paper files (prêt de dossiers): one document, or one box with what it holds, lent
/// to a person of a unit until a date, then returned.
///
/// While a loan is open its documents cannot be destroyed or deposited: a disposition list
/// leaves them out, and an execution refuses them, saying why.
public struct Loan: Sendable, Hashable, Codable, Identifiable {
    /// What was lent.
    public enum Subject: Sendable, Hashable, Codable {
        case document(String)
        case box(String)

        /// `document` or `box`, as listings and the audit trail name it.
        public var code: String {
            switch self {
            case .document: "document"
            case .box: "box"
            }
        }

        /// The document's reference or the box's code.
        public var target: String {
            switch self {
            case .document(let reference): reference
            case .box(let code): code
            }
        }
    }

    public var id: Int
    public var subject: Subject
    /// The person who took it.
    public var borrower: String
    /// Their unit (a school, a service), when given.
    public var borrowerUnit: String?
    public var lentOn: CivilDate
    /// The day it is to come back.
    public var dueOn: CivilDate
    public var lentAt: Date
    public var lentBy: String
    public var reason: String?
    public var returnedOn: CivilDate?
    public var returnedAt: Date?
    public var returnedBy: String?
    public var returnNote: String?
    /// The references of the documents it took out: the document, or the box's documents when
    /// it was lent.
    public var documents: [String]
    /// The holder unit of each of `documents`, in the same order: what each détenteur may read
    /// of a box lent with documents of several units.
    public var documentHolders: [String]
    /// The holder units of those documents, sorted: whose détenteur hears of the loan.
    public var holderUnits: [String]
    /// The document's title for a document lent alone, the box's contents for a box: what a
    /// listing shows beside the reference, when its reader may see it.
    public var title: String?

    public init(id: Int, subject: Subject, borrower: String, borrowerUnit: String?, lentOn: CivilDate, dueOn: CivilDate,
                lentAt: Date, lentBy: String, reason: String?, returnedOn: CivilDate? = nil, returnedAt: Date? = nil,
                returnedBy: String? = nil, returnNote: String? = nil, documents: [String], documentHolders: [String]? = nil,
                holderUnits: [String], title: String? = nil) {
        self.id = id
        self.subject = subject
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
        self.documents = documents
        self.documentHolders = documentHolders ?? Array(repeating: holderUnits.first ?? "", count: documents.count)
        self.holderUnits = holderUnits
        self.title = title
    }

    /// True until it is returned.
    public var isOpen: Bool { returnedAt == nil }

    /// True when it is still out after the day it was due back.
    public func isOverdue(on day: CivilDate) -> Bool { isOpen && dueOn < day }

    /// How many days past its due day it is still out on `day`; 0 when it is not overdue.
    public func overdueDays(on day: CivilDate) -> Int {
        isOverdue(on: day) ? day.days(since: dueOn) : 0
    }

    /// `PERSON` or `PERSON/UNIT`, as `--to` gives it: the borrower and their unit.
    public static func borrower(_ text: String) throws(Refusal) -> (name: String, unit: String?) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let name = try Refusal.requireText(String(parts[0]), "to")
        let unit = parts.count > 1 ? parts[1].trimmingSpaces() : ""
        return (name, unit.isEmpty ? nil : unit)
    }

    /// Refuses a loan due back before the day it goes out.
    public static func checkDates(lentOn: CivilDate, dueOn: CivilDate) throws(Refusal) {
        guard dueOn >= lentOn else { throw Refusal(.dueBeforeLent, ["due": dueOn.description, "on": lentOn.description]) }
    }

    /// Refuses lending a document that is no paper file still held: a digital one (its file is
    /// read where it is, never carried off), or one destroyed or deposited.
    public static func checkLendable(_ document: Document, phase: Phase) throws(Refusal) {
        if document.isDigital || document.support == .numerique {
            throw Refusal(.loanOfDigital, ["reference": document.reference, "support": document.support.code])
        }
        if phase.isInactive { throw Refusal(.loanOfDisposed, ["reference": document.reference, "phase": phase.rawValue]) }
    }

    /// Refuses lending `what` while this loan has it out.
    public func alreadyOut(_ what: Subject) -> Refusal {
        var values = ["loan": String(id), "borrower": borrower, "due": dueOn.description]
        switch what {
        case .document(let reference): values["reference"] = reference
        case .box(let code): values["reference"] = "boîte \(code)"; values["box"] = code
        }
        return Refusal(.alreadyOut, values)
    }

    /// Refuses returning it twice, on a day before it went out, or on a day still to come
    /// (`today`, from the clock): a return records what happened.
    public func checkReturn(on day: CivilDate, today: CivilDate) throws(Refusal) {
        if let returnedOn { throw Refusal(.alreadyReturned, ["loan": String(id), "on": returnedOn.description]) }
        guard day >= lentOn else {
            throw Refusal(.returnBeforeLent, ["loan": String(id), "on": day.description, "lent": lentOn.description])
        }
        guard day <= today else { throw Refusal(.returnInFuture, ["loan": String(id), "on": day.description, "today": today.description]) }
    }
}

/// One move of a box, appended to its history and never edited: from one place to another
/// (`box move`), out to a borrower (a loan, `to` unknown) or back from one.
public struct BoxMove: Sendable, Hashable, Codable {
    /// Why the box moved.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Moved from one place to another (`box move`).
        case moved
        /// Out to a borrower (`loan out --box`).
        case lent
        /// Back from a borrower (`loan return`), to its recorded location.
        case returned
    }

    public var box: String
    public var kind: Kind
    /// Its place in the box's history, from 0.
    public var position: Int
    public var movedOn: CivilDate
    public var movedAt: Date
    public var movedBy: String
    public var from: PhysicalLocation?
    /// Nil while the box is with a borrower.
    public var to: PhysicalLocation?
    /// The loan that took it out or brought it back.
    public var loan: Int?
    public var reason: String?

    public init(box: String, kind: Kind, position: Int, movedOn: CivilDate, movedAt: Date, movedBy: String, from: PhysicalLocation?,
                to: PhysicalLocation?, loan: Int?, reason: String?) {
        self.box = box
        self.kind = kind
        self.position = position
        self.movedOn = movedOn
        self.movedAt = movedAt
        self.movedBy = movedBy
        self.from = from
        self.to = to
        self.loan = loan
        self.reason = reason
    }
}

extension Box {
    /// Shelf space in linear metres as people write it (`0.12`), in whole millimetres.
    public static func linearMillimetres(metres text: String) throws(Refusal) -> Int {
        let trimmed = text.trimmingSpaces().replacingOccurrences(of: ",", with: ".")
        // A box takes centimetres of shelf, a few metres at most for the largest bundle: ten
        // metres or more is a unit typed wrong (millimetres or centimetres for metres).
        guard let metres = Double(trimmed), metres.isFinite, metres > 0, metres < 10 else {
            throw Refusal(.invalidBoxSize, ["size": text])
        }
        let millimetres = Int((metres * 1_000).rounded())
        guard millimetres > 0 else { throw Refusal(.invalidBoxSize, ["size": text]) }
        return millimetres
    }

    /// Refuses moving the box to where it already is, or while a loan has it out; and a move
    /// dated after `today`, or before the box's last move (`lastMovedOn`): its history is in
    /// order of dates, and its location is where the latest move took it.
    public func checkMove(to location: PhysicalLocation, on day: CivilDate, today: CivilDate, lastMovedOn: CivilDate?,
                          openLoan: Loan?) throws(Refusal) {
        if let openLoan {
            throw Refusal(.boxLent, ["box": code, "loan": String(openLoan.id), "borrower": openLoan.borrower])
        }
        guard location != self.location else { throw Refusal(.boxAlreadyThere, ["box": code, "location": location.description]) }
        guard day <= today else { throw Refusal(.boxMoveInFuture, ["box": code, "on": day.description, "today": today.description]) }
        if let lastMovedOn, day < lastMovedOn {
            throw Refusal(.boxMoveBeforeLast, ["box": code, "on": day.description, "last": lastMovedOn.description])
        }
    }
}
