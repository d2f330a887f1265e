public import SablierCore
import SablierStore

/// A loan in a listing: `loan list --format json`, `GET /api/v1/loans`.
public struct LoanEntry: Sendable, Hashable, Codable {
    public var id: Int
    /// `document` or `box`.
    public var subject: String
    /// The document's reference or the box's code.
    public var what: String
    /// The document's title (masked when confidential to this reader), or the box's contents.
    public var title: String?
    public var borrower: String
    public var unit: String?
    public var lentOn: String
    public var dueOn: String
    public var lentBy: String
    public var reason: String?
    public var returnedOn: String?
    public var returnedBy: String?
    public var returnNote: String?
    /// The documents it took out that this reader may see.
    public var documents: [String]
    /// Days past its due day on the listing's day; 0 when not overdue (or returned).
    public var overdueDays: Int
    /// True when the title was masked for this reader.
    public var confidential: Bool?

    init(_ loan: Loan, documents: [String], titleMasked: Bool, asOf day: CivilDate) {
        id = loan.id; subject = loan.subject.code; what = loan.subject.target
        title = titleMasked ? DueEntry.maskedTitle : loan.title
        borrower = loan.borrower; unit = loan.borrowerUnit; lentOn = loan.lentOn.description; dueOn = loan.dueOn.description
        lentBy = loan.lentBy; reason = loan.reason; returnedOn = loan.returnedOn?.description; returnedBy = loan.returnedBy
        returnNote = loan.returnNote; self.documents = documents; overdueDays = loan.overdueDays(on: day)
        confidential = titleMasked ? true : nil
    }
}

/// Loans, the day they were read against, and how many this reader may not see.
public struct LoanListing: Sendable, Hashable, Codable {
    public var asOf: String
    public var loans: [LoanEntry]
    public var withheld: Int
}

/// What `loan return` names: the loan's number, or what it took out.
public enum LoanReturnTarget: Sendable, Hashable {
    case loan(Int)
    case document(String)
    case box(String)
    /// Digits as typed on the command line: the loan with that number, or, when there is none
    /// and a document has that reference, the document.
    case loanOrDocument(String)
}

extension Sablier {
    /// Lends a paper file, or a box with the documents it holds, to a person (`PERSON/UNIT`)
    /// until `due` (prêt de dossiers): while it is out, none of them is destroyed or deposited.
    public func lend(_ session: Session, _ subject: Loan.Subject, to borrower: String, due: CivilDate, on day: CivilDate? = nil,
                     reason: String? = nil) async throws(Refusal) -> LoanEntry {
        let useCase = "loan out"
        let access = try await authorize(session, .manageLoans, useCase)
        let visibility = try await visibility(access)
        let day = day ?? clock.today
        let (name, unit, subject) = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission,
                                                                details: [subject.code: subject.target]) {
            let (name, unit) = try Loan.borrower(borrower)
            let subject: Loan.Subject = switch subject {
            case .document(let reference): .document(try Refusal.requireText(reference, "document"))
            case .box(let code): .box(try Refusal.requireText(code, "box"))
            }
            return (name, unit, subject)
        }
        if case .document(let reference) = subject { try await reachableDocument(reference, access, useCase: useCase) }
        let loan = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission,
                                              details: [subject.code: subject.target]) {
            try await store.lend(subject, to: name, unit: unit, on: day, dueOn: due, reason: reason.nonBlank,
                                 by: access.user.name, at: clock.now)
        }
        return entry(loan, visibility, asOf: day)
    }

    /// Records the return of a loan, named by its number or by what it took out: its documents
    /// are back, and a box goes back to its recorded location.
    public func returnLoan(_ session: Session, _ target: LoanReturnTarget, on day: CivilDate? = nil,
                           note: String? = nil) async throws(Refusal) -> LoanEntry {
        let useCase = "loan return"
        let access = try await authorize(session, .manageLoans, useCase)
        let visibility = try await visibility(access)
        let day = day ?? clock.today
        let storeTarget: LoanTarget
        let named: [String: String]
        var target = target
        if case .loanOrDocument(let text) = target {
            target = try await loanOrDocument(text)
        }
        switch target {
        case .loan(let id):
            storeTarget = .loan(id); named = ["loan": String(id)]
        case .document(let reference):
            try await reachableDocument(reference, access, useCase: useCase)
            storeTarget = .document(reference); named = ["document": reference]
        case .box(let code):
            storeTarget = .box(code); named = ["box": code]
        case .loanOrDocument(let text):
            // `loanOrDocument` resolved it above; a number that is neither stays a loan's.
            storeTarget = .loan(Int(text) ?? 0); named = ["loan": text]
        }
        let loan = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission, details: named) {
            try await store.returnLoan(storeTarget, on: day, note: note.nonBlank, by: access.user.name, at: clock.now)
        }
        return entry(loan, visibility, asOf: day)
    }

    /// The open loans (every loan with `includingReturned`), or only those overdue on `asOf`
    /// (today by default).
    ///
    /// A détenteur sees the loans that took out documents of their unit, naming only those; a
    /// confidential document's title is masked for whoever may not read it, and a loan of
    /// documents this reader may not see at all is withheld.
    public func loans(_ session: Session, overdueOnly: Bool = false, includingReturned: Bool = false,
                      asOf: CivilDate? = nil) async throws(Refusal) -> LoanListing {
        let access = try await authorize(session, .readLoans, "loan list")
        let visibility = try await visibility(access)
        let day = asOf ?? clock.today
        let all = try await attempt { try await store.loans(includingReturned: includingReturned) }
            .filter { !overdueOnly || $0.isOverdue(on: day) }
        var shown: [LoanEntry] = []
        for loan in all {
            let entry = entry(loan, visibility, asOf: day)
            let reachesLoan = access.scope == .all || loan.holderUnits.contains { access.reaches(holder: $0) }
            // A document lent alone that the reader may not read, outside the organisation-wide
            // view, says nothing to them.
            let hidden = !reachesLoan || (access.scope != .all && loan.subject.code == "document" && entry.documents.isEmpty)
            if !hidden { shown.append(entry) }
        }
        return LoanListing(asOf: day.description, loans: shown, withheld: all.count - shown.count)
    }

    /// A loan as `visibility` reads it: the documents it may see; a document's title masked
    /// when it may not read that document.
    func entry(_ loan: Loan, _ visibility: Visibility, asOf day: CivilDate) -> LoanEntry {
        let pairs = zip(loan.documents, loan.documentHolders)
        let documents = visibility.access.scope == .all
            ? loan.documents
            : pairs.filter { visibility.allows($0.0, holder: $0.1) }.map(\.0)
        var masked = false
        if case .document(let reference) = loan.subject, let holder = loan.documentHolders.first {
            masked = !visibility.allows(reference, holder: holder)
        }
        return LoanEntry(loan, documents: documents, titleMasked: masked, asOf: day)
    }

    /// The loan numbered `text` when there is one (or when `text` is no number of a document
    /// either), else the document whose reference it is.
    private func loanOrDocument(_ text: String) async throws(Refusal) -> LoanReturnTarget {
        guard let number = Int(text) else { return .document(text) }
        guard try await attempt({ try await store.document(text) }) != nil else { return .loan(number) }
        return try await attempt({ try await store.loan(number) }) != nil ? .loan(number) : .document(text)
    }

    /// Refuses, as a reference that does not exist, a document of a unit the access does not
    /// reach. A confidential document is lent by those who answer for its unit's files even
    /// when they may not read it: a loan moves the file, it shows nothing of it.
    func reachableDocument(_ reference: String, _ access: Access, useCase: String) async throws(Refusal) {
        let found = try await attempt { try await store.document(reference) }
        guard let found, access.reaches(holder: found.document.holder) else {
            throw await audited(Refusal(.documentNotFound, ["reference": reference]), by: access.user.name, useCase: useCase,
                                details: ["permission": access.permission.rawValue,
                                          "reason": found == nil ? "not-registered" : "outside-unit"])
        }
    }
}
