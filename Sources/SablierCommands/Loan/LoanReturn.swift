import ArgumentParser
import SablierApplication

/// `sablier loan return (LOAN-ID | REF | --box CODE)`.
struct LoanReturn: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "return",
        abstract: "Record the return of a loan, by its number, the document it took out, or its box.",
        discussion: "A box goes back to the location the register holds for it."
    )

    @Argument(help: ArgumentHelp("The loan's number, or a document's reference (or give --box).",
                                 discussion: "Digits are a loan's number; when no loan has that number and a document has that reference, the document."))
    var target: String?
    @Option(help: "The box that comes back.") var box: String?
    @Option(help: "The day it came back, YYYY-MM-DD (default: today).") var on: CivilDateArgument?
    @Option(help: "A note on its return (state, missing pieces, …).") var note: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func validate() throws {
        guard (target == nil) != (box == nil) else { throw ValidationError("give a loan's number, a document's reference or --box") }
    }

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let what: LoanReturnTarget
        if let box {
            what = .box(box)
        } else if let target, Int(target) != nil {
            what = .loanOrDocument(target)
        } else {
            what = .document(target ?? "")
        }
        let loan = try await sablier.returnLoan(session, what, on: on?.date, note: note)
        let count = loan.documents.count
        Console.out("loan \(loan.id) returned on \(loan.returnedOn ?? "?"): \(loan.subject) \(loan.what)"
            + " (\(count) document\(count == 1 ? "" : "s")) back from \(LoanWords.borrower(loan))")
    }
}
