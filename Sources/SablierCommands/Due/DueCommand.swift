import ArgumentParser
import SablierCore
import SablierStore

/// `sablier due`: what must be done on a day — the scheduled job's listing.
struct DueCommand: GuardedCommand {
    static let permission = Permission.readDue

    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "List every document whose next action is due on a day (default: today).",
        discussion: """
            Actions: transfer (to semi-active storage), destroy, deposit (versement aux archives, C), \
            sort (tri, T). A held document is listed with held=true and is never destroyed until its \
            hold is released. Read-only; meant to run unattended (see docs/sablier-due.service and \
            docs/sablier-due.timer). A count per action is printed on standard error.
            """
    )

    @OptionGroup var asOf: AsOfOptions
    @Option(help: "Only this action: transfer, destroy, deposit or sort.") var action: DueActionArgument?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(with access: Access) async throws {
        let date = asOf.date
        var due = try await store.openRegister().dueDocuments(asOf: date, action: action.map { DueAction(rawValue: $0.rawValue)! })
        let visibility = try await Visibility.load(access, store: store)
        due = due.filter { visibility.allows($0.reference, holder: $0.holder) }
        switch output.format {
        case .json:
            Console.out(try JSONOutput.render(due.map(RegisterJSON.DueEntry.init)))
        case .csv, .table:
            let table = Table(
                columns: ["reference", "title", "rule", "copy", "support", "holder", "action", "due", "held"],
                rows: due.map { [$0.reference, $0.title, $0.rule, $0.copy.rawValue, $0.support, $0.holder, $0.action.rawValue,
                                 $0.due.description, $0.held ? "yes" : "no"] })
            Console.out(output.format == .csv ? table.renderCSV() : table.renderText())
        }
        var counts: [DueAction: Int] = [:]
        var held = 0
        for item in due {
            counts[item.action, default: 0] += 1
            if item.held && (item.action == .destroy || item.action == .sort) { held += 1 }
        }
        let parts = DueAction.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", ")
        Console.error("due on \(date): \(due.count) document\(due.count == 1 ? "" : "s") — \(parts); held \(held)")
    }
}

/// The `--action` values: `DueAction`'s codes.
enum DueActionArgument: String, ExpressibleByArgument, CaseIterable {
    case transfer, destroy, deposit, sort
}
