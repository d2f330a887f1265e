import ArgumentParser
import Foundation
import SablierApplication

/// `sablier calendar versions`: every stored version, oldest first.
struct CalendarVersions: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "versions",
        abstract: "List every stored version of the calendar, oldest first."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let versions = try await sablier.calendarVersions(session)
        let formatter = ISO8601DateFormatter()
        let table = Table(
            columns: ["version", "imported_at", "imported_by", "format", "rules", "warnings", "file", "sha256"],
            rows: versions.map {
                [String($0.version), formatter.string(from: $0.importedAt), $0.importedBy, $0.sourceFormat,
                 String($0.ruleCount), String($0.warningCount), $0.sourceFile, String($0.sourceSHA256.prefix(output.format == .table ? 12 : 64))]
            })
        try Listing.print(output, table: table, json: versions)
    }
}
