import ArgumentParser
import Foundation
import SablierCore
import SablierRegister
import SablierSQLite
import SablierStore

/// `sablier integrity check`: fixity of the registered digital files.
struct IntegrityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "integrity",
        abstract: "Check the fixity of registered digital files (SHA-256).",
        subcommands: [IntegrityCheckCommand.self]
    )
}

struct IntegrityCheckCommand: GuardedCommand {
    static let permission = Permission.checkIntegrity
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Recompute the SHA-256 of registered files; each altered or missing file opens an integrity incident (exit 1 if any)."
    )

    @Flag(help: "Every registered digital document (the default).") var all = false
    @Option(name: .customLong("document"), help: "Only this document (repeatable).") var documents: [String] = []
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    struct Entry: Encodable {
        var reference: String
        var status: String
        var path: String?
        var expected: String?
        var found: String?
        var incident: Int?
    }

    func run(with access: Access) async throws {
        if all && !documents.isEmpty { throw CommandFailure.invalid("give --all or --document, not both") }
        let sqlite = try store.sqlite()
        let findings = try await IntegrityCheck.run(references: documents.isEmpty ? nil : documents, store: sqlite, actor: access.user.name, now: Date())
        let entries: [Entry] = findings.map { finding in
            switch finding {
            case .intact(let reference): return Entry(reference: reference, status: "intact")
            case .altered(let reference, let path, let expected, let found, let incident):
                return Entry(reference: reference, status: "altered", path: path, expected: expected, found: found, incident: incident)
            case .missing(let reference, let path, let incident):
                return Entry(reference: reference, status: "missing", path: path, incident: incident)
            case .unreadable(let reference, let path, _, let incident):
                return Entry(reference: reference, status: "unreadable", path: path, incident: incident)
            }
        }
        let table = Table(columns: ["reference", "status", "path", "incident"],
                          rows: entries.map { [$0.reference, $0.status, $0.path ?? "", $0.incident.map(String.init) ?? ""] })
        try Listing.print(output.format, table: table, json: entries)
        let problems = entries.filter { $0.status != "intact" }.count
        Console.error("integrity: \(entries.count) file\(entries.count == 1 ? "" : "s") checked, \(problems) problem\(problems == 1 ? "" : "s")")
        if problems > 0 { throw ExitCode.failure }
    }
}
