import ArgumentParser
import SablierApplication

/// `sablier loan list [--overdue] [--all] [--as-of D]`.
struct LoanList: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the loans that are out (with returned ones: --all), or only those overdue.",
        discussion: "A détenteur sees the loans of their unit's documents; overdue days are counted against --as-of."
    )

    @Flag(help: "Only loans still out after their due day.") var overdue = false
    @Flag(help: "Include returned loans.") var all = false
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let listing = try await sablier.loans(session, overdueOnly: overdue, includingReturned: all, asOf: asOf.asOf?.date)
        let table = Table(
            columns: ["id", "what", "documents", "borrower", "unit", "lent_on", "due_on", "overdue_days", "returned_on"],
            rows: listing.loans.map { loan in
                [String(loan.id), loan.subject == "box" ? "box \(loan.what)" : loan.what, loan.documents.joined(separator: " "),
                 loan.borrower, loan.unit ?? "", loan.lentOn, loan.dueOn, loan.overdueDays > 0 ? String(loan.overdueDays) : "",
                 loan.returnedOn ?? ""]
            })
        try Listing.print(output, table: table, json: listing.loans)
        Listing.withheld(listing.withheld)
    }
}
