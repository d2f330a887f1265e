public import Foundation
public import SablierCore

/// An incident reported to the CSGI (confidentialité, intégrité, disponibilité).
public struct Incident: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case confidentialite, integrite, disponibilite
    }

    public enum Status: String, Sendable, Hashable, CaseIterable {
        case ouvert
        case enTraitement = "en-traitement"
        case ferme
    }

    public struct Note: Sendable, Hashable {
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
}

/// Users and roles, the audit trail and incidents. Every change here, and every change of
/// the other stores, appends its audit entry in its own transaction.
public protocol AccountabilityStore: Sendable {
    /// Creates the first user, with the RSI role; refused once any user exists.
    func initialize(admin: String, unit: String, at instant: Date) async throws -> User
    func user(_ name: String) async throws -> User?
    func users() async throws -> [User]
    func addUser(_ user: User, by actor: String, at instant: Date) async throws
    func setActive(_ name: String, _ active: Bool, by actor: String, at instant: Date) async throws
    func grant(_ role: Role, to name: String, by actor: String, at instant: Date) async throws
    func revoke(_ role: Role, from name: String, by actor: String, at instant: Date) async throws

    /// Appends an entry on its own (a refusal, a check that changed nothing else).
    @discardableResult
    func appendAudit(user: String, action: String, target: String, details: [String: String], at instant: Date) async throws -> AuditEntry
    /// Entries in sequence order, optionally filtered.
    func auditEntries(since: Date?, user: String?, target: String?) async throws -> [AuditEntry]
    /// Walks the whole chain.
    func verifyAudit() async throws -> AuditChain.Verification

    func reportIncident(_ kind: Incident.Kind, description: String, documents: [String], by actor: String, at instant: Date) async throws -> Incident
    func updateIncident(_ id: Int, status: Incident.Status, note: String, by actor: String, at instant: Date) async throws -> Incident
    func incidents() async throws -> [Incident]
}
