public import Foundation
public import SablierCore
public import SablierStore
import PostgresNIO

/// Users and roles, the audit trail and incidents on PostgreSQL: the port of
/// `SQLiteStore+Accountability`, same refusals, same audit entries, same rows.
///
/// Every write holds the store's advisory lock (`PostgresStore.write`), so the checks made
/// inside a transaction (the last active RSI, the first user, the audit entry's next sequence)
/// see every committed change and no concurrent one, as on one SQLite file.
extension PostgresStore: AccountabilityStore {
    // MARK: - Users

    public func initialize(admin: String, unit: String, at instant: Date) async throws -> User {
        try await write("creating the first user") { tx in
            if let existing = try await tx.scalar(String.self, AccountabilityQueries.firstUser) {
                throw Refusal(.alreadyInitialised, ["first": existing])
            }
            let user = try User.new(name: admin, unit: unit, roles: [.rsi])
            try await Self.insert(user, by: user.name, at: instant, tx)
            try await self.audit(tx, user: user.name, action: "store.init", target: "user \(user.name)",
                                 details: ["unit": user.unit, "roles": Role.rsi.rawValue], at: instant)
            return user
        }
    }

    public func user(_ name: String) async throws -> User? {
        try await read("reading user \(name)") { tx in try await Self.userRecord(name, tx) }
    }

    public func users() async throws -> [User] {
        try await read("listing users") { tx in
            var users: [User] = []
            for row in try await tx.rows(AccountabilityQueries.userNames) {
                if let user = try await Self.userRecord(try row[0].decode(String.self), tx) { users.append(user) }
            }
            return users
        }
    }

    public func addUser(_ user: User, by actor: String, at instant: Date) async throws {
        try await write("adding user \(user.name)") { tx in
            guard try await Self.userRecord(user.name, tx) == nil else { throw Refusal(.userExists, ["user": user.name]) }
            let user = try User.new(name: user.name, unit: user.unit, roles: user.roles, email: user.email)
            try await Self.insert(user, by: actor, at: instant, tx)
            var details = ["unit": user.unit, "roles": user.roles.sorted().map(\.rawValue).joined(separator: ",")]
            if let email = user.email { details["email"] = email }
            try await self.audit(tx, user: actor, action: "user.add", target: "user \(user.name)", details: details, at: instant)
        }
    }

    public func setActive(_ name: String, _ active: Bool, by actor: String, at instant: Date) async throws {
        try await write("changing user \(name)") { tx in
            let user = try await Self.existingUser(name, tx)
            _ = try user.settingActive(active, activeRSIs: try await Self.activeRSICount(tx))
            try await tx.execute(AccountabilityQueries.setUserActive, [.boolean(active), .text(name)])
            // A disabled user's sessions end with the account.
            if !active { _ = try await Self.closeSessions(of: name, at: instant, tx) }
            try await self.audit(tx, user: actor, action: active ? "user.enable" : "user.disable", target: "user \(name)", details: [:], at: instant)
        }
    }

    public func grant(_ role: Role, to name: String, by actor: String, at instant: Date) async throws {
        try await write("granting \(role.rawValue) to \(name)") { tx in
            _ = try await Self.existingUser(name, tx).granting(role)
            try await tx.execute(AccountabilityQueries.grantRole,
                                 [.text(name), .text(role.rawValue), .integer(StoredCode.microseconds(instant)), .text(actor)])
            try await self.audit(tx, user: actor, action: "user.grant", target: "user \(name)", details: ["role": role.rawValue], at: instant)
        }
    }

    public func revoke(_ role: Role, from name: String, by actor: String, at instant: Date) async throws {
        try await write("revoking \(role.rawValue) from \(name)") { tx in
            _ = try await Self.existingUser(name, tx).revoking(role, activeRSIs: try await Self.activeRSICount(tx))
            try await tx.execute(AccountabilityQueries.revokeRole, [.text(name), .text(role.rawValue)])
            try await self.audit(tx, user: actor, action: "user.revoke", target: "user \(name)", details: ["role": role.rawValue], at: instant)
        }
    }

    // MARK: - Audit

    public func appendAudit(user: String, action: String, target: String, details: [String: String], at instant: Date) async throws -> AuditEntry {
        try await write("writing the audit trail") { tx in
            try await self.audit(tx, user: user, action: action, target: target, details: details, at: instant)
        }
    }

    public func auditEntries(since: Date?, user: String?, target: String?) async throws -> [AuditEntry] {
        try await read("reading the audit trail") { tx in
            let (sql, values) = AccountabilityQueries.auditEntries(since: since.map(StoredCode.microseconds), user: user, target: target)
            return try await tx.rows(sql, values).map { try Self.auditEntry($0).entry }
        }
    }

    public func verifyAudit(checkpoint: AuditCheckpoint?) async throws -> AuditChain.Verification {
        // Without the key nothing can be proved (an attacker could have rewritten every entry
        // with plain hashes and removed the key file), so verify refuses rather than say intact.
        let key = try auditSeal.requiredKey()
        // Before the snapshot: it then holds every entry the head file names, whoever writes
        // meanwhile (`AuditTrailCheck.init`).
        let head = await HeadFileWork.run { AuditHeadFile.read(key) }
        return try await read("verifying the audit trail") { tx in
            // In sequence order: an entry moved to another number no longer matches its hash
            // (the number is hashed), and the one after it no longer follows it.
            try await Self.verifyTrail(key: key, head: head, checkpoint: checkpoint, tx)
        }
    }

    public func auditCheckpoint(by actor: String, at instant: Date) async throws -> AuditCheckpoint {
        let seal = auditSeal
        return try await write("taking a checkpoint of the audit trail") { tx in
            // The checkpoint's own entry is the head it names.
            let entry = try await self.audit(tx, user: actor, action: "audit.checkpoint", target: "audit", details: [:], at: instant)
            return AuditCheckpoint(entry, key: try seal.requiredKey())
        }
    }

    public func createAuditKey(by actor: String, at instant: Date) async throws -> AuditEntry {
        try await auditSeal.creatingKey { key in try await keyCreation(key, by: actor, at: instant) }
    }

    public func adoptAuditHead(by actor: String, at instant: Date) async throws -> AuditEntry {
        let key = try auditSeal.requiredKey()
        return try await write("adopting the audit trail's head") { tx in
            let reading = await HeadFileWork.run { AuditHeadFile.read(key) }
            let head = try AuditHeadAdoption.head(try await Self.storedAuditEntries(tx), key: key, reading: reading)
            try await HeadFileWork.run { try Self.advanceHead(to: head, key) }
            return try await self.audit(tx, user: actor, action: "audit.head-adopt", target: "audit", details: ["file": key.headFile], at: instant)
        }
    }

    /// The transaction of `createAuditKey`: the head file at the last plain entry, the older
    /// records sealed, the first keyed entry.
    private func keyCreation(_ key: AuditKey, by actor: String, at instant: Date) async throws -> AuditEntry {
        try await write("creating the audit key") { tx in
            // The head starts at the last entry written without the key, so that from now on a
            // missing head file means entries were removed. Written again if the transaction is
            // retried: the head file never moves backwards, and names the same entry.
            try AuditKeyRule.refuseWhenKeyed(
                lastKeyed: try await tx.scalar(Int.self, AuditKeyRule.lastKeyedSQL, AuditKeyRule.lastKeyedValues), keyFile: key.file)
            let last = try await tx.rows(AccountabilityQueries.lastAuditEntry).first
                .map { AuditHead(sequence: try $0[0].decode(Int.self), hash: try $0[1].decode(String.self)) }
                ?? AuditHead(sequence: 0, hash: AuditChain.genesis)
            try await HeadFileWork.run { try Self.advanceHead(to: last, key) }
            // The only time records are sealed after the fact: the tombstones and certificate
            // entries written before the key.
            try await self.sealUnsealedRecords(tx)
            return try await self.audit(tx, user: actor, action: "audit.key-create", target: "audit", details: ["file": key.file], at: instant)
        }
    }

    // MARK: - Incidents

    public func reportIncident(_ kind: Incident.Kind, description: String, documents: [String], by actor: String,
                               at instant: Date) async throws -> Incident {
        try await write("reporting an incident") { tx in
            try await self.openIncident(kind, description: description, documents: documents, by: actor, at: instant, tx)
        }
    }

    public func updateIncident(_ id: Int, status: Incident.Status, note: String, by actor: String, at instant: Date) async throws -> Incident {
        try await write("updating incident \(id)") { tx in
            let incident = try await Self.incident(id, tx)
            let note = try incident.update(to: status, note: note, by: actor, at: instant)
            try await tx.execute(AccountabilityQueries.setIncidentStatus, [.text(status.rawValue), .integer(id)])
            try await tx.execute(AccountabilityQueries.insertIncidentNote,
                                 [.integer(id), .integer(incident.notes.count), .integer(StoredCode.microseconds(note.at)), .text(note.by),
                                  .text(note.status.rawValue), .text(note.note)])
            try await self.audit(tx, user: actor, action: "incident.update", target: "incident \(id)",
                                 details: ["status": status.rawValue, "note": note.note], at: instant)
            return try await Self.incident(id, tx)
        }
    }

    public func incidents() async throws -> [Incident] {
        try await read("listing incidents") { tx in
            var incidents: [Incident] = []
            for row in try await tx.rows(AccountabilityQueries.incidentIDs) {
                incidents.append(try await Self.incident(try row[0].decode(Int.self), tx))
            }
            return incidents
        }
    }
}

// MARK: - Inside a transaction

extension PostgresStore {
    static func insert(_ user: User, by actor: String, at instant: Date, _ tx: PostgresTransaction) async throws {
        let micros = StoredCode.microseconds(instant)
        try await tx.execute(AccountabilityQueries.insertUser,
                             [.text(user.name), .text(user.unit), .boolean(user.active), .integer(micros), .text(actor),
                              user.email.map(StoreValue.text) ?? .null])
        for role in user.roles.sorted() {
            try await tx.execute(AccountabilityQueries.grantRole,
                                 [.text(user.name), .text(role.rawValue), .integer(micros), .text(actor)])
        }
    }

    static func userRecord(_ name: String, _ tx: PostgresTransaction) async throws -> User? {
        guard let row = try await tx.rows(AccountabilityQueries.user, [.text(name)]).first else { return nil }
        var roles = Set<Role>()
        for roleRow in try await tx.rows(AccountabilityQueries.rolesOfUser, [.text(name)]) {
            let code = try roleRow[0].decode(String.self)
            guard let role = Role(rawValue: code) else { throw CorruptValue("user_role holds the unknown role '\(code)'") }
            roles.insert(role)
        }
        return User(name: try row[0].decode(String.self), unit: try row[1].decode(String.self), roles: roles,
                    active: try row[2].decode(Bool.self), email: try row[3].decode(String?.self))
    }

    /// The user named, or `users.not-found`.
    static func existingUser(_ name: String, _ tx: PostgresTransaction) async throws -> User {
        guard let user = try await userRecord(name, tx) else { throw Refusal(.userNotFound, ["user": name]) }
        return user
    }

    static func activeRSICount(_ tx: PostgresTransaction) async throws -> Int {
        try await tx.scalar(Int.self, AccountabilityQueries.activeRSICount) ?? 0
    }

    /// Reports an incident in the caller's transaction. Its number comes from the table's
    /// identity (`StoreSchema.identityTables`), so no two incidents get one number.
    func openIncident(_ kind: Incident.Kind, description: String, documents: [String], by actor: String, at instant: Date,
                      _ tx: PostgresTransaction) async throws -> Incident {
        let id = try await tx.scalar(Int.self, AccountabilityQueries.insertIncident, [
            .text(kind.rawValue), .text(description), .integer(StoredCode.microseconds(instant)), .text(actor),
        ])!
        for reference in Set(documents).sorted() {
            try await tx.execute(AccountabilityQueries.insertIncidentDocument, [.integer(id), .text(reference)])
        }
        try await audit(tx, user: actor, action: "incident.report", target: "incident \(id)",
                        details: ["type": kind.rawValue, "description": description, "documents": Set(documents).sorted().joined(separator: ",")],
                        at: instant)
        return try await Self.incident(id, tx)
    }

    static func incident(_ id: Int, _ tx: PostgresTransaction) async throws -> Incident {
        guard let row = try await tx.rows(AccountabilityQueries.incident,
                                          [.integer(id)]).first else { throw Refusal(.incidentNotFound, ["incident": String(id)]) }
        let type = try row[1].decode(String.self), status = try row[2].decode(String.self)
        guard let kind = Incident.Kind(rawValue: type), let state = Incident.Status(rawValue: status) else {
            throw CorruptValue("incident \(id) has type '\(type)', status '\(status)'")
        }
        let notes = try await tx.rows(AccountabilityQueries.incidentNotes, [.integer(id)])
            .map { note in
                Incident.Note(at: StoredCode.date(microseconds: try note[0].decode(Int.self)), by: try note[1].decode(String.self),
                              status: Incident.Status(rawValue: try note[2].decode(String.self)) ?? .ouvert, note: try note[3].decode(String.self))
            }
        let documents = try await tx.rows(AccountabilityQueries.incidentDocuments, [.integer(id)])
            .map { try $0[0].decode(String.self) }
        return Incident(id: id, kind: kind, status: state, description: try row[3].decode(String.self), documents: documents,
                        reportedAt: StoredCode.date(microseconds: try row[4].decode(Int.self)), reportedBy: try row[5].decode(String.self),
                        notes: notes)
    }
}
