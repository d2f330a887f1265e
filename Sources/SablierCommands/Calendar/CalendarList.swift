import SablierStore
import ArgumentParser
import SablierCore

/// `sablier calendar list`: the rules of one version.
struct CalendarList: GuardedCommand {
    static let permission = Permission.readCalendar

    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the rules of a calendar version (the latest by default)."
    )

    @Option(name: .long, help: "The version to list (default: the latest).")
    var version: Int?

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(with access: Access) async throws {
        let store = try store.openStore()
        let info = try await store.resolveVersion(version)
        guard let calendar = try await store.calendar(version: info.number) else {
            throw CommandFailure.noSuchVersion(info.number, available: nil)
        }
        func periods(_ copy: CopyRule?) -> String {
            guard let copy else { return "absent" }
            return "\(copy.active.galaCode) / \(copy.semiActive.galaCode) / \(copy.disposition?.rawValue ?? "-")"
        }
        let table = Table(
            columns: ["rule", "title", "holder", "principal", "secondary", "supports", "classification", "confidential"],
            rows: calendar.rules.map { rule in
                [rule.number, rule.title, rule.holderUnit ?? "", periods(rule.principal), periods(rule.secondaire),
                 rule.principal.supports.map(\.code).joined(separator: ", "),
                 rule.classificationCodes.joined(separator: "; "),
                 rule.confidentialDocuments.map { $0 ? "O" : "N" } ?? ""]
            })
        if output.format == .table {
            Console.out("Calendar version \(info.number)" + (calendar.organisation.map { " — \($0)" } ?? "")
                + " — \(calendar.rules.count) rules — year end \(calendar.yearEnd)")
            Console.out("Periods: active / semi-active / disposition (years; 888 open; 999 until replaced; - none)\n")
        }
        try Listing.print(output.format, table: table, json: CalendarJSON.RuleList(
            version: info.number, organisation: calendar.organisation, yearEnd: calendar.yearEnd.description,
            rules: calendar.rules.map(CalendarJSON.RuleDocument.init)))
    }
}
