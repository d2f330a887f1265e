import SablierStore
import ArgumentParser
import Foundation
import SablierCore
import SablierXML

/// `sablier calendar export`: writes a stored version back as GALA or native XML.
struct CalendarExport: GuardedCommand {
    static let permission = Permission.readCalendar

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

    /// The two XML formats a calendar can be exported to.
    enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
        case gala
        case native
    }

    @Option(name: .long, help: "The file format: gala (BAnQ's exchange XML) or native (Sablier's calendrier.xsd).")
    var format: ExportFormat

    @Option(name: .long, help: "The version to export (default: the latest).")
    var version: Int?

    @Option(name: .long, help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(with access: Access) async throws {
        let store = try store.openStore()
        let info = try await store.resolveVersion(version)
        guard let calendar = try await store.calendar(version: info.number) else { throw CommandFailure.noCalendar }
        let name = output ?? "<stdout>"
        let written: XMLOutput
        switch format {
        case .gala: written = try GALACalendarWriter.write(calendar, file: name)
        case .native: written = try NativeCalendarWriter.write(calendar, file: name)
        }
        Console.report(written.diagnostics)
        if written.diagnostics.hasErrors {
            throw CommandFailure.rejected("version \(info.number) cannot be written as valid \(format.rawValue) XML; nothing was written")
        }
        guard let output else {
            FileHandle.standardOutput.write(written.data)
            return
        }
        do {
            try written.data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CommandFailure.cannotWrite(output, reason: error.localizedDescription)
        }
        Console.error("version \(info.number): \(calendar.rules.count) rules written to \(output) as \(format.rawValue)")
    }
}
