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
    /// The holder units of those documents, sorted: whose détenteur hears of the loan.
    public var holderUnits: [String]

    public init(id: Int, subject: Subject, borrower: String, borrowerUnit: String?, lentOn: CivilDate, dueOn: CivilDate,
                lentAt: Date, lentBy: String, reason: String?, returnedOn: CivilDate? = nil, returnedAt: Date? = nil,
                returnedBy: String? = nil, returnNote: String? = nil, documents: [String], holderUnits: [String]) {
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
        self.holderUnits = holderUnits
    }

    /// True until it is returned.
    public var isOpen: Bool { returnedAt == nil }

    /// True when it is still out after the day it was due back.
    public func isOverdue(on day: CivilDate) -> Bool { isOpen && dueOn < day }
}
