import SablierStore
import ArgumentParser
import Foundation
import SablierCore
import SablierImport

/// `sablier calendar import FILE`: stores a calendar file as a new version, or nothing.
struct CalendarImport: GuardedCommand {
    static let permission = Permission.manageCalendar

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

    func run(with access: Access) async throws {
        let importer = CalendarImporter(store: try store.openStore(), limits: ImportLimits(maxBytes: maxSize))
        do {
            if dryRun {
                let preview = try await importer.preview(path: file)
                Console.report(preview.diagnostics)
                Console.out("\(file): \(preview.format.rawValue) calendar, \(preview.calendar.rules.count) rules after applying it — "
                    + CalendarImport.describe(preview.summary) + "; nothing stored (--dry-run)")
                return
            }
            let outcome = try await importer.importFile(path: file, actor: access.user.name, now: Date())
            Console.report(outcome.diagnostics)
            let warnings = outcome.diagnostics.warnings.count
            Console.out("\(file): imported as version \(outcome.version.number) (\(outcome.format.rawValue)), "
                + "\(outcome.version.ruleCount) rules — " + CalendarImport.describe(outcome.summary)
                + (warnings > 0 ? "; \(warnings) warning\(warnings == 1 ? "" : "s")" : ""))
        } catch let error as CalendarImportError {
            Console.report(error.diagnostics)
            throw CommandFailure.rejected(error.description)
        }
    }

    static func describe(_ summary: CalendarDelta.Summary) -> String {
        "\(summary.added.count) added, \(summary.modified.count) modified, \(summary.retired.count) retired, \(summary.unchanged.count) unchanged"
    }
}
