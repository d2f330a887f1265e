import ArgumentParser
import SablierApplication

/// `sablier document list`: the register, or the documents a query selects.
struct DocumentList: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List registered documents, optionally those a query selects."
    )

    @Option(help: ArgumentHelp("Select documents: terms `field OP value` joined by `;`, e.g. \"holder=RH; closed<2020-07-01\".",
                               discussion: "Fields: reference, title, rule, copy, support, holder, box, phase, opened, closed. Operators: = ~ ^= < <= > >=."))
    var query: String?
    @Option(help: "At most this many documents.") var limit: Int?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let listing = try await sablier.documents(session, query: query, limit: limit)
        let table = Table(
            columns: ["reference", "title", "rule", "copy", "support", "holder", "phase", "held", "due_on"],
            rows: listing.documents.map { d in
                [d.reference, d.title, d.rule, d.copy, d.support, d.holder, d.phase, d.held ? "yes" : "no", d.dueOn ?? ""]
            })
        try Listing.print(output, table: table, json: listing.documents)
        Listing.withheld(listing.withheld ?? 0)
    }
}
