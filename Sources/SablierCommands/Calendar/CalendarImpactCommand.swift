import ArgumentParser
import SablierApplication
import SablierImport

/// `sablier calendar impact V1 V2`: the documents whose dates or actions a calendar change moves.
struct CalendarImpactCommand: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "impact",
        abstract: "List the documents whose retention dates or actions differ between two calendars.",
        discussion: """
            FROM and TO are stored version numbers; TO may also be a calendar file not yet imported \
            (it is read and applied to the latest version as `calendar import --dry-run` would, and \
            nothing is stored), so the records manager sees the impact before importing.
            """
    )

    @Argument(help: "The version counted from (a number).") var from: Int
    @Argument(help: "The version counted to: a number, or a calendar file to import later.") var to: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let target: CalendarImpactTarget = Int(to).map { .version($0) } ?? .file(to, maxBytes: ImportLimits.defaultMaxBytes)
        let report = try await sablier.calendarImpact(session, from: from, to: target)
        Console.report(report.diagnostics)
        let label = report.file.map { "\($0) (not imported)" } ?? "version \(report.to)"
        let table = Table(columns: ["reference", "rule", "copy", "before (version \(report.from))", "after (\(label))"],
                          rows: report.entries.map { [$0.reference, $0.rule, $0.copy, $0.before.summary, $0.after.summary] })
        try Listing.print(output, table: table, json: report.entries)
        Console.error("impact of version \(report.from) → \(label): \(report.entries.count) of \(report.examined) documents under changed rules would change")
        Listing.withheld(report.withheld)
        CalendarImport.tell(report.stranded, version: report.to, Console.error)
    }
}
