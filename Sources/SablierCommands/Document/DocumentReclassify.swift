import ArgumentParser
import SablierApplication

/// `sablier document reclassify (REF… | --query Q | --rule OLD) --to RULE --reason …`: moves
/// documents to another rule of the calendar in force.
struct DocumentReclassify: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "reclassify",
        abstract: "Move documents to another rule of the calendar in force, all or nothing, and recount their dates.",
        discussion: """
            Select the documents by reference, by --query, or by --rule (every document of a rule, e.g. one a \
            new calendar version retired: `calendar import` names them). --dry-run lists what would move with \
            the new transfer and final dates, and writes nothing. --query and --rule leave out (and count) the \
            destroyed and deposited documents they select; among references named one by one, a destroyed or \
            deposited document refuses the whole reclassification, naming each one.
            """
    )

    @Argument(help: "The documents' references.") var references: [String] = []
    @Option(help: "Select the documents a query selects, e.g. \"holder=RH; closed<2020-07-01\".") var query: String?
    @Option(help: "Select every document of this rule.") var rule: String?
    @Option(help: "The rule of the calendar in force they move to.") var to: String
    @Option(help: "The copy they become: principal or secondaire (default: each keeps its own).") var copy: String?
    @Option(help: "Why they are reclassified (required).") var reason: String
    @Flag(help: "List what would move and the new dates, without writing anything.") var dryRun = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        // The use case refuses none or several selections (reclassify.one-selection).
        let result = try await sablier.reclassifyDocuments(session, references: references.isEmpty ? nil : references, query: query,
                                                           rule: rule, to: to, copy: copy, reason: reason, dryRun: dryRun)
        let table = Table(
            columns: ["reference", "title", "from", "to", "before", "after", "next_action"],
            rows: result.documents.map { d in
                [d.reference, d.title, "\(d.fromRule) \(d.fromCopy)", "\(d.toRule) \(d.toCopy)", d.before.summary, d.after.summary,
                 d.nextAction ?? ""]
            })
        try Listing.print(output, table: table, json: result)
        let count = result.documents.count
        Console.error((result.dryRun ? "dry run: \(count) document\(count == 1 ? "" : "s") would move" : "\(count) document\(count == 1 ? "" : "s") moved")
            + " to rule \(result.rule) (calendar version \(result.calendarVersion))"
            + (result.unchanged > 0 ? "; \(result.unchanged) already under it" : "")
            + (result.leftOut > 0 ? "; \(result.leftOut) destroyed or deposited left out" : "")
            + (result.dryRun ? "; nothing written (--dry-run)" : ""))
    }
}
