import ArgumentParser
import SablierApplication

/// `sablier calendar list`: the rules of one version.
struct CalendarList: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the rules of a calendar version (the latest by default)."
    )

    @Option(name: .long, help: "The version to list (default: the latest).")
    var version: Int?

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let list = try await sablier.calendarRules(session, version: version)
        let table = Table(
            columns: ["rule", "title", "holder", "principal", "secondary", "supports", "classification", "confidential"],
            rows: list.rules.map { rule in
                [rule.rule, rule.title, rule.holderUnit ?? "", rule.principal.periods, rule.secondaire?.periods ?? "absent",
                 rule.principal.supports.joined(separator: ", "),
                 rule.classificationCodes.joined(separator: "; "),
                 rule.confidentialDocuments.map { $0 ? "O" : "N" } ?? ""]
            })
        if output.format == .table {
            Console.out("Calendar version \(list.version)" + (list.organisation.map { " — \($0)" } ?? "")
                + " — \(list.rules.count) rules — year end \(list.yearEnd)")
            Console.out("Periods: active / semi-active / disposition (years; 888 open; 999 until replaced; - none)\n")
        }
        try Listing.print(output, table: table, json: list)
    }
}
