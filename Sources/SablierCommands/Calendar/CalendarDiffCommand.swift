import ArgumentParser
import SablierApplication

/// `sablier calendar diff V1 V2`: what changed between two versions.
struct CalendarDiffCommand: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two calendar versions: rules added, changed field by field, and retired."
    )

    @Argument(help: "The older version.")
    var from: Int

    @Argument(help: "The newer version.")
    var to: Int

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let diff = try await sablier.compareCalendars(session, from: from, to: to)
        var rows: [[String]] = []
        for change in diff.settings { rows.append(["", "settings", change.label, change.old, change.new]) }
        for rule in diff.added { rows.append([rule.rule, "added", "", "", rule.title]) }
        for rule in diff.changed {
            for change in rule.changes { rows.append([rule.rule, "changed", change.label, change.old, change.new]) }
        }
        for rule in diff.retired { rows.append([rule.rule, "retired", "", rule.title, ""]) }
        let table = Table(columns: ["rule", "change", "field", "old", "new"], rows: rows)
        if output.format == .table {
            Console.out("Version \(diff.from) → \(diff.to): \(diff.added.count) added, \(diff.changed.count) changed, \(diff.retired.count) retired\n")
            if rows.isEmpty { return }
        }
        try Listing.print(output, table: table, json: diff)
    }
}
