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

    static let columns = ["reference", "title", "rule", "copy", "support", "holder", "action", "due", "held"]

    func run(with access: Access) async throws {
        let date = asOf.date
        let register = try store.openRegister()
        let visibility = try await Visibility.load(access, store: store)
        let only = action.map { DueAction(rawValue: $0.rawValue)! }
        let counts = DueCounts()
        switch output.format {
        case .json:
            let due = try await register.dueDocuments(asOf: date, action: only).filter { visibility.allows($0.reference, holder: $0.holder) }
            due.forEach(counts.add)
            Console.out(try JSONOutput.render(due.map(RegisterJSON.DueEntry.init)))
        case .table:
            let due = try await register.dueDocuments(asOf: date, action: only).filter { visibility.allows($0.reference, holder: $0.holder) }
            due.forEach(counts.add)
            Console.out(Table(columns: Self.columns, rows: due.map(Self.cells)).renderText())
        case .csv:
            // Written as the index is read: a due list of a third of a million documents is
            // never held whole.
            let output = BufferedOutput()
            output.csvLine(Self.columns)
            try await register.forEachDueDocument(asOf: date, action: only) { item in
                guard visibility.allows(item.reference, holder: item.holder) else { return }
                counts.add(item)
                output.cell(item.reference); output.cell(item.title); output.cell(item.rule); output.cell(item.copy.rawValue)
                output.cell(item.support); output.cell(item.holder); output.cell(item.action.rawValue)
                output.cell(item.due.description); output.cell(item.held ? "yes" : "no")
                output.endLine()
            }
            output.flush()
        }
        Console.error(counts.summary(date))
    }

    static func cells(_ item: DueDocument) -> [String] {
        [item.reference, item.title, item.rule, item.copy.rawValue, item.support, item.holder, item.action.rawValue,
         item.due.description, item.held ? "yes" : "no"]
    }
}

/// How many documents are due, per action, and how many held ones wait for destruction or sorting.
final class DueCounts: @unchecked Sendable { // counted by one command, from one read at a time
    private var total = 0
    private var transfer = 0, destroy = 0, deposit = 0, sort = 0
    private var held = 0

    func add(_ item: DueDocument) {
        total += 1
        switch item.action {
        case .transfer: transfer += 1
        case .destroy: destroy += 1
        case .deposit: deposit += 1
        case .sort: sort += 1
        }
        if item.held && (item.action == .destroy || item.action == .sort) { held += 1 }
    }

    /// `due on D: N documents — transfer …, destroy …, deposit …, sort …; held H`.
    func summary(_ date: CivilDate) -> String {
        let counts: [DueAction: Int] = [.transfer: transfer, .destroy: destroy, .deposit: deposit, .sort: sort]
        let parts = DueAction.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", ")
        return "due on \(date): \(total) document\(total == 1 ? "" : "s") — \(parts); held \(held)"
    }
}

/// The `--action` values: `DueAction`'s codes.
enum DueActionArgument: String, ExpressibleByArgument, CaseIterable {
    case transfer, destroy, deposit, sort
}
