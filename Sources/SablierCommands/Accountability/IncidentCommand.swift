import ArgumentParser
import Foundation
import SablierApplication
import SablierCore

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

struct IncidentReport: UseCaseCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Report an incident to the CSGI.")

    @Option(help: "confidentialite, integrite or disponibilite.") var type: IncidentKindArgument
    @Option(help: "What happened.") var description: String
    @Option(name: .customLong("document"), help: "A document it concerns (repeatable).") var documents: [String] = []
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let incident = try await sablier.reportIncident(session, kind: type.kind, description: description, documents: documents)
        Console.out("incident \(incident.id) (\(incident.type)) reported; status \(incident.status)")
    }
}

struct IncidentList: UseCaseCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List incidents.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let incidents = try await sablier.incidents(session)
        let table = Table(columns: ["id", "type", "status", "reported_by", "documents", "description"],
                          rows: incidents.map { [String($0.id), $0.type, $0.status, $0.reportedBy, $0.documents.joined(separator: ", "), $0.description] })
        try Listing.print(output, table: table, json: incidents)
    }
}

struct IncidentUpdate: UseCaseCommand {
    static let configuration = CommandConfiguration(commandName: "update", abstract: "Change an incident's status, with a note.")

    @Argument(help: "The incident's number.") var id: Int
    @Option(help: "ouvert, en-traitement or ferme.") var status: IncidentStatusArgument
    @Option(help: "What was done.") var note: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let incident = try await sablier.updateIncident(session, id, status: status.status, note: note)
        Console.out("incident \(incident.id): \(incident.status)")
    }
}
