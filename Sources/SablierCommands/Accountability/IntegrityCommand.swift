import ArgumentParser
import SablierApplication

/// `sablier integrity check`: fixity of the registered digital files.
struct IntegrityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "integrity",
        abstract: "Check the fixity of registered digital files (SHA-256).",
        subcommands: [IntegrityCheckCommand.self]
    )
}

struct IntegrityCheckCommand: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Recompute the SHA-256 of registered files; each altered or missing file opens an integrity incident (exit 1 if any)."
    )

    @Flag(help: "Every registered digital document (the default).") var all = false
    @Option(name: .customLong("document"), help: "Only this document (repeatable).") var documents: [String] = []
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if all && !documents.isEmpty { throw ValidationError("give --all or --document, not both") }
    }

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let report = try await sablier.checkIntegrity(session, references: documents.isEmpty ? nil : documents)
        let entries = report.entries
        let table = Table(columns: ["reference", "status", "path", "incident"],
                          rows: entries.map { [$0.reference, $0.status, $0.path ?? "", $0.incident.map(String.init) ?? ""] })
        try Listing.print(output, table: table, json: entries)
        Console.error("integrity: \(entries.count) file\(entries.count == 1 ? "" : "s") checked, \(report.problems) problem\(report.problems == 1 ? "" : "s")")
        if report.problems > 0 { throw ExitCode.failure }
    }
}
