import ArgumentParser
import SablierApplication
import SablierCore

/// `sablier due`: what must be done on a day — the scheduled job's listing.
struct DueCommand: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "List every document whose next action is due on a day (default: today).",
        discussion: """
            Actions: transfer (to semi-active storage), destroy, deposit (versement aux archives, C), \
            sort (tri, T). A held document is listed with held=true and is never destroyed until its \
            hold is released. Read-only; meant to run unattended (see docs/sablier-due.service and \
            docs/sablier-due.timer). A count per action, and of the documents withheld from you, is \
            printed on standard error.
            """
    )

    @OptionGroup var asOf: AsOfOptions
    @Option(help: "Only this action: transfer, destroy, deposit or sort.") var action: DueActionArgument?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    static let columns = ["reference", "title", "rule", "copy", "support", "holder", "action", "due", "held"]

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let only = action.map { DueAction(rawValue: $0.rawValue)! }
        let summary: DueSummary
        switch output.format {
        case .json:
            let list = try await sablier.dueList(session, asOf: asOf.asOf?.date, action: only)
            Console.out(try JSONOutput.render(list.entries))
            summary = list.summary
        case .table:
            let list = try await sablier.dueList(session, asOf: asOf.asOf?.date, action: only)
            Console.out(Table(columns: Self.columns, rows: list.entries.map(Self.cells)).renderText())
            summary = list.summary
        case .csv:
            // Written as the index is read: a due list of a third of a million documents is
            // never held whole.
            let csv = BufferedOutput(format: output.csvFormat)
            csv.csvLine(Self.columns)
            summary = try await sablier.dueList(session, asOf: asOf.asOf?.date, action: only) { entry in
                for cell in Self.cells(entry) { csv.cell(cell) }
                csv.endLine()
            }
            csv.flush()
        }
        Console.error(Self.summary(summary))
    }

    static func cells(_ item: DueEntry) -> [String] {
        [item.reference, item.title, item.rule, item.copy, item.support, item.holder, item.action, item.due, item.held ? "yes" : "no"]
    }

    /// `due on D: N documents — transfer …, destroy …, deposit …, sort …; held H[; withheld W]`.
    static func summary(_ s: DueSummary) -> String {
        "due on \(s.asOf): \(s.total) document\(s.total == 1 ? "" : "s") — transfer \(s.transfer), destroy \(s.destroy), "
            + "deposit \(s.deposit), sort \(s.sort); held \(s.held)"
            + (s.withheld > 0 ? "; withheld \(s.withheld) (documents you may not see)" : "")
    }
}

/// The `--action` values: `DueAction`'s codes.
enum DueActionArgument: String, ExpressibleByArgument, CaseIterable {
    case transfer, destroy, deposit, sort
}
