public import Foundation

/// An incident reported to the CSGI (confidentialité, intégrité, disponibilité).
public struct Incident: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case confidentialite, integrite, disponibilite
    }

    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case ouvert
        case enTraitement = "en-traitement"
        case ferme
    }

    public struct Note: Sendable, Hashable, Codable {
        public var at: Date
        public var by: String
        public var status: Status
        public var note: String

        public init(at: Date, by: String, status: Status, note: String) {
            self.at = at
            self.by = by
            self.status = status
            self.note = note
        }
    }

    public var id: Int
    public var kind: Kind
    public var status: Status
    public var description: String
    /// The references of the documents it concerns.
    public var documents: [String]
    public var reportedAt: Date
    public var reportedBy: String
    public var notes: [Note]

    public init(id: Int, kind: Kind, status: Status, description: String, documents: [String], reportedAt: Date, reportedBy: String, notes: [Note]) {
        self.id = id
        self.kind = kind
        self.status = status
        self.description = description
        self.documents = documents
        self.reportedAt = reportedAt
        self.reportedBy = reportedBy
        self.notes = notes
    }

    /// The note that moves the incident to `status`, checked against its state: a closed
    /// incident stays closed (its record is evidence), and a note must say what was done.
    public func update(to status: Status, note: String, by user: String, at instant: Date) throws(Refusal) -> Note {
        guard self.status != .ferme else { throw Refusal(.incidentClosed, ["incident": String(id)]) }
        let text = try Refusal.requireText(note, "note")
        return Note(at: instant, by: user, status: status, note: text)
    }
}
