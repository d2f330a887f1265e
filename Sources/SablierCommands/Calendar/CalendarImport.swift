import ArgumentParser
import SablierApplication
import SablierCore
import SablierImport

/// `sablier calendar import FILE`: stores a calendar file as a new version, or nothing.
struct CalendarImport: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a calendar file (GALA XML, native XML, or a spreadsheet as CSV or .ods) as a new version.",
        discussion: """
            The format is recognised from the content. XML is validated against schemas/gala.xsd or \
            schemas/calendrier.xsd, then every rule is checked for meaning. Every problem is printed \
            as FILE:LINE:COLUMN: error|warning: message. Any error rejects the whole file and the \
            database is left exactly as it was. A GALA file is a list of changes (TYPE_TRANS A/M/S) \
            applied to the latest version; a native file or a spreadsheet is a whole calendar.
            """
    )

    @Argument(help: "The calendar file.")
    var file: String

    @Option(name: .long, help: "Largest file accepted, in bytes.")
    var maxSize: Int = ImportLimits.defaultMaxBytes

    @Flag(name: .long, help: "Check the file and show what would change, without storing anything.")
    var dryRun = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let result = try await sablier.importCalendar(session, file: file, maxBytes: maxSize, dryRun: dryRun)
        Console.report(result.diagnostics)
        if !result.stored {
            Console.out("\(file): \(result.format) calendar, \(result.ruleCount) rules after applying it — "
                + Self.describe(result.summary) + "; nothing stored (--dry-run)")
            Self.tell(result.stranded, version: result.version, Console.out)
            return
        }
        let warnings = result.warnings
        Console.out("\(file): imported as version \(result.version) (\(result.format)), "
            + "\(result.ruleCount) rules — " + Self.describe(result.summary)
            + (warnings > 0 ? "; \(warnings) warning\(warnings == 1 ? "" : "s")" : ""))
        Self.tell(result.stranded, version: result.version, Console.out)
    }

    /// Names the documents a version strands, rule by rule, with the command that reclassifies them.
    static func tell(_ stranded: [StrandedDocuments], version: Int, _ write: (String) -> Void) {
        for group in stranded {
            let count = "\(group.count) document\(group.count == 1 ? "" : "s")"
            let which = group.copy.map { "rule \(group.rule) « \(group.title) », exemplaire \($0), a copy version \(version)'s rule lacks" }
                ?? "rule \(group.rule) « \(group.title) », which version \(version) does not have"
            write("\(count) under \(which): "
                + "\(group.count == 1 ? "it waits" : "they wait") (\(group.copy == nil ? "rule-not-in-calendar" : "no-such-copy")) until reclassified")
            write("  " + group.references.joined(separator: ", ") + (group.more > 0 ? ", and \(group.more) more" : ""))
            write("  " + group.command + (group.copy == nil ? group.suggestion.map { "   (rule \($0) has the same title)" } ?? "" : ""))
        }
    }

    static func describe(_ summary: CalendarDelta.Summary) -> String {
        "\(summary.added.count) added, \(summary.modified.count) modified, \(summary.retired.count) retired, \(summary.unchanged.count) unchanged"
    }
}
