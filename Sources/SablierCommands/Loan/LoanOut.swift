import ArgumentParser
import SablierApplication
import SablierCore

/// `sablier loan out (REF | --box CODE) --to PERSON[/UNIT] --due D`.
struct LoanOut: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "out",
        abstract: "Lend a paper document, or a box with the documents it holds, until a day.",
        discussion: "Only non-digital documents still held are lent; a box lends the documents it holds at that moment."
    )

    @Argument(help: "The document's reference (or give --box).") var reference: String?
    @Option(help: "A box, lent with the documents it holds.") var box: String?
    @Option(help: ArgumentHelp("Who takes it: PERSON or PERSON/UNIT (e.g. \"Mme Tremblay/École des Érables\").", valueName: "person"))
    var to: String
    @Option(help: "The day it is due back, YYYY-MM-DD.") var due: CivilDateArgument
    @Option(help: "The day it goes out, YYYY-MM-DD (default: today).") var on: CivilDateArgument?
    @Option(help: "Why, in words.") var reason: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func validate() throws {
        guard (reference == nil) != (box == nil) else { throw ValidationError("give a document's reference or --box, not both") }
    }

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let subject: Loan.Subject = box.map(Loan.Subject.box) ?? .document(reference ?? "")
        let loan = try await sablier.lend(session, subject, to: to, due: due.date, on: on?.date, reason: reason)
        let count = loan.documents.count
        Console.out("loan \(loan.id): \(loan.subject) \(loan.what) lent to \(LoanWords.borrower(loan)) until \(loan.dueOn)"
            + " (\(count) document\(count == 1 ? "" : "s"))")
    }
}

/// Words shared by the loan commands.
enum LoanWords {
    /// `PERSON (UNIT)`.
    static func borrower(_ loan: LoanEntry) -> String {
        loan.unit.map { "\(loan.borrower) (\($0))" } ?? loan.borrower
    }
}
