import ArgumentParser
import Foundation
import SablierCore
import SablierStore

/// `sablier incident …`: incidents for the CSGI and the RSI.
struct IncidentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident",
        abstract: "Report, list and update security incidents (confidentialité, intégrité, disponibilité).",
        subcommands: [IncidentReport.self, IncidentList.self, IncidentUpdate.self]
    )
}

struct IncidentKindArgument: ExpressibleByArgument {
    let kind: Incident.Kind
    init?(argument: String) {
        let folded = argument.lowercased().replacingOccurrences(of: "é", with: "e")
        guard let kind = Incident.Kind(rawValue: folded) else { return nil }
        self.kind = kind
    }
    static var allValueStrings: [String] { Incident.Kind.allCases.map(\.rawValue) }
}

struct IncidentStatusArgument: ExpressibleByArgument {
    let status: Incident.Status
    init?(argument: String) {
        let folded = argument.lowercased().replacingOccurrences(of: "é", with: "e")
        guard let status = Incident.Status(rawValue: folded) else { return nil }
        self.status = status
    }
    static var allValueStrings: [String] { Incident.Status.allCases.map(\.rawValue) }
}

struct IncidentReport: GuardedCommand {
    static let permission = Permission.reportIncident
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Report an incident to the CSGI.")

    @Option(help: "confidentialite, integrite or disponibilite.") var type: IncidentKindArgument
    @Option(help: "What happened.") var description: String
    @Option(name: .customLong("document"), help: "A document it concerns (repeatable).") var documents: [String] = []
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(with access: Access) async throws {
        guard !description.trimmingSpaces().isEmpty else { throw CommandFailure.invalid("--description must say what happened") }
        let incident = try await store.openAccountability().reportIncident(type.kind, description: description, documents: documents,
                                                                            by: access.user.name, at: Date())
        Console.out("incident \(incident.id) (\(incident.kind.rawValue)) reported; status \(incident.status.rawValue)")
    }
}

struct IncidentList: GuardedCommand {
    static let permission = Permission.manageIncidents
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List incidents.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    struct Entry: Encodable {
        var id: Int
        var type: String
        var status: String
        var description: String
        var documents: [String]
        var reportedAt: Date
        var reportedBy: String
        var notes: [Note]
    }

    struct Note: Encodable {
        var at: Date
        var by: String
        var status: String
        var note: String
    }

    func run(with access: Access) async throws {
        let incidents = try await store.openAccountability().incidents()
        let entries = incidents.map {
            Entry(id: $0.id, type: $0.kind.rawValue, status: $0.status.rawValue, description: $0.description, documents: $0.documents,
                  reportedAt: $0.reportedAt, reportedBy: $0.reportedBy,
                  notes: $0.notes.map { Note(at: $0.at, by: $0.by, status: $0.status.rawValue, note: $0.note) })
        }
        let table = Table(columns: ["id", "type", "status", "reported_by", "documents", "description"],
                          rows: entries.map { [String($0.id), $0.type, $0.status, $0.reportedBy, $0.documents.joined(separator: ", "), $0.description] })
        try Listing.print(output.format, table: table, json: entries)
    }
}

struct IncidentUpdate: GuardedCommand {
    static let permission = Permission.manageIncidents
    static let configuration = CommandConfiguration(commandName: "update", abstract: "Change an incident's status, with a note.")

    @Argument(help: "The incident's number.") var id: Int
    @Option(help: "ouvert, en-traitement or ferme.") var status: IncidentStatusArgument
    @Option(help: "What was done.") var note: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(with access: Access) async throws {
        let incident = try await store.openAccountability().updateIncident(id, status: status.status, note: note, by: access.user.name, at: Date())
        Console.out("incident \(incident.id): \(incident.status.rawValue)")
    }
}
