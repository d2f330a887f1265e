public import Foundation
public import SablierCore

/// Users and roles, the audit trail and incidents. Every change here, and every change of
/// the other stores, appends its audit entry in its own transaction.
///
/// A change the rules of `User` or `Incident` refuse throws that `Refusal` (`users.last-rsi`,
/// `incident.closed`, …), as does a user or incident that does not exist (`users.not-found`,
/// `incident.not-found`); the store checks them inside its transaction and decides nothing
/// itself. A failure of the storage throws `StoreError`.
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
    /// Walks the whole chain, then with the key the head file, the tombstones and the
    /// certificate entries, then `checkpoint` when one is given (refused without the key when
    /// the trail is keyed or a checkpoint is given).
    func verifyAudit(checkpoint: AuditCheckpoint?) async throws -> AuditChain.Verification
    /// Appends an `audit.checkpoint` entry and returns it as the chain's head, signed.
    func auditCheckpoint(by actor: String, at instant: Date) async throws -> AuditCheckpoint
    /// Creates the audit key where the store looks for it (refused when one is there) and
    /// appends the first keyed entry, `audit.key-create`.
    func createAuditKey(by actor: String, at instant: Date) async throws -> AuditEntry
    /// Writes this machine's head file at the trail's end once the whole trail verifies with
    /// the key, and appends `audit.head-adopt` (refused when a head file is there): a second
    /// machine serving the same database, given a copy of the key (`AuditHeadAdoption`).
    func adoptAuditHead(by actor: String, at instant: Date) async throws -> AuditEntry

    func reportIncident(_ kind: Incident.Kind, description: String, documents: [String], by actor: String, at instant: Date) async throws -> Incident
    func updateIncident(_ id: Int, status: Incident.Status, note: String, by actor: String, at instant: Date) async throws -> Incident
    func incidents() async throws -> [Incident]
}
