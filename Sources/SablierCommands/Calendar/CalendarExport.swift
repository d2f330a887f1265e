import ArgumentParser
import Foundation
import SablierApplication
import SablierCore

/// `sablier calendar export`: writes a stored version back as GALA or native XML.
struct CalendarExport: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a calendar version as GALA or native XML (to standard output, or --output FILE).",
        discussion: """
            GALA cannot carry what Sablier adds (personal information, count start, events of open \
            periods); those are reported as warnings. Every rule is written with TYPE_TRANS A, so the \
            file imports into an empty store as the same calendar. The output is checked against \
            its XSD before it is written.
            """
    )

    @Option(name: .long, help: "The file format: gala (BAnQ's exchange XML) or native (Sablier's calendrier.xsd).")
    var format: ExportFormatArgument

    @Option(name: .long, help: "The version to export (default: the latest).")
    var version: Int?

    @Option(name: .long, help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let exported = try await sablier.exportCalendar(session, format: CalendarExportFormat(rawValue: format.rawValue)!, version: version, file: output ?? "<stdout>")
        Console.report(exported.diagnostics)
        guard let output else {
            FileHandle.standardOutput.write(exported.data)
            return
        }
        do {
            try exported.data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw Refusal(.cannotWrite, ["path": output, "detail": error.localizedDescription])
        }
        Console.error("version \(exported.version): \(exported.ruleCount) rules written to \(output) as \(format.rawValue)")
    }
}

/// `--format gala|native`: `CalendarExportFormat`'s codes.
enum ExportFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case gala, native
}
