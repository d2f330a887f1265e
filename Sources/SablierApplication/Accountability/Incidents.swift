public import Foundation
public import SablierCore
import SablierStore

/// An incident as listed: `sablier incident list --format json`.
public struct IncidentEntry: Sendable, Hashable, Codable {
    public var id: Int
    /// `confidentialite`, `integrite` or `disponibilite`.
    public var type: String
    /// `ouvert`, `en-traitement` or `ferme`.
    public var status: String
    public var description: String
    public var documents: [String]
    public var reportedAt: Date
    public var reportedBy: String
    public var notes: [Note]

    public struct Note: Sendable, Hashable, Codable {
        public var at: Date
        public var by: String
        public var status: String
        public var note: String
    }

    public init(_ incident: Incident) {
        id = incident.id
        type = incident.kind.rawValue
        status = incident.status.rawValue
        description = incident.description
        documents = incident.documents
        reportedAt = incident.reportedAt
        reportedBy = incident.reportedBy
        notes = incident.notes.map { Note(at: $0.at, by: $0.by, status: $0.status.rawValue, note: $0.note) }
    }
}

extension Sablier {
    /// Reports an incident to the CSGI: anyone may, and must say what happened.
    public func reportIncident(_ session: Session, kind: Incident.Kind, description: String,
                               documents: [String] = []) async throws(Refusal) -> IncidentEntry {
        let actor = try await authorize(session, .reportIncident, "incident report").user.name
        let text: String
        do throws(Refusal) {
            text = try Refusal.requireText(description, "description")
        } catch {
            throw await refusing(error, by: actor, useCase: "incident report")
        }
        let references = documents.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        return IncidentEntry(try await auditingRefusals(by: actor, useCase: "incident report") {
            try await store.reportIncident(kind, description: text, documents: references, by: actor, at: clock.now)
        })
    }

    /// Every incident, oldest first, with its notes.
    public func incidents(_ session: Session) async throws(Refusal) -> [IncidentEntry] {
        _ = try await authorize(session, .manageIncidents, "incident list")
        return try await attempt { try await store.incidents() }.map(IncidentEntry.init)
    }

    /// Moves an incident to `status` with a note saying what was done; a closed incident stays closed.
    public func updateIncident(_ session: Session, _ id: Int, status: Incident.Status,
                               note: String) async throws(Refusal) -> IncidentEntry {
        let actor = try await authorize(session, .manageIncidents, "incident update").user.name
        return IncidentEntry(try await auditingRefusals(by: actor, useCase: "incident update", details: ["target": "incident \(id)"]) {
            try await store.updateIncident(id, status: status, note: note, by: actor, at: clock.now)
        })
    }
}
