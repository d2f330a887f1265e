import SablierStore
import ArgumentParser
import SablierCore

/// `sablier calendar diff V1 V2`: what changed between two versions.
struct CalendarDiffCommand: GuardedCommand {
    static let permission = Permission.readCalendar

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

    func run(with access: Access) async throws {
        let store = try store.openStore()
        let old = try await store.resolveVersion(from)
        let new = try await store.resolveVersion(to)
        guard let before = try await store.calendar(version: old.number), let after = try await store.calendar(version: new.number) else {
            throw CommandFailure.noCalendar
        }
        let diff = CalendarDiff(from: before, to: after)
        var rows: [[String]] = []
        for change in diff.settings { rows.append(["", "settings", change.label, change.old, change.new]) }
        for rule in diff.added { rows.append([rule.number, "added", "", "", rule.title]) }
        for rule in diff.changed {
            for change in rule.changes { rows.append([rule.number, "changed", change.label, change.old, change.new]) }
        }
        for rule in diff.retired { rows.append([rule.number, "retired", "", rule.title, ""]) }
        let table = Table(columns: ["rule", "change", "field", "old", "new"], rows: rows)
        if output.format == .table {
            Console.out("Version \(old.number) → \(new.number): \(diff.added.count) added, \(diff.changed.count) changed, \(diff.retired.count) retired\n")
            if rows.isEmpty { return }
        }
        try Listing.print(output.format, table: table, json: CalendarJSON.Diff(from: old.number, to: new.number, diff: diff))
    }
}
