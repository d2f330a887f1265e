public import Foundation
public import SablierCore
public import SablierStore
import GRDB

extension SQLiteStore: AccountabilityStore {
    // MARK: - Users

    public func initialize(admin: String, unit: String, at instant: Date) async throws -> User {
        try await perform("creating the first user") { database in
            try await database.write { db in
                if let existing = try String.fetchOne(db, sql: AccountabilityQueries.firstUser) {
                    throw Refusal(.alreadyInitialised, ["first": existing])
                }
                let user = try User.new(name: admin, unit: unit, roles: [.rsi])
                try Self.insert(user, by: user.name, at: instant, db)
                try self.audit(db, user: user.name, action: "store.init", target: "user \(user.name)",
                               details: ["unit": user.unit, "roles": Role.rsi.rawValue], at: instant)
                return user
            }
        }
    }

    public func user(_ name: String) async throws -> User? {
        try await read("reading user \(name)") { db in try Self.userRecord(name, db) }
    }

    public func users() async throws -> [User] {
        try await read("listing users") { db in
            try String.fetchAll(db, sql: AccountabilityQueries.userNames).compactMap { try Self.userRecord($0, db) }
        }
    }

    public func addUser(_ user: User, by actor: String, at instant: Date) async throws {
        try await perform("adding user \(user.name)") { database in
            try await database.write { db in
                guard try Self.userRecord(user.name, db) == nil else { throw Refusal(.userExists, ["user": user.name]) }
                let user = try User.new(name: user.name, unit: user.unit, roles: user.roles, email: user.email)
                try Self.insert(user, by: actor, at: instant, db)
                var details = ["unit": user.unit, "roles": user.roles.sorted().map(\.rawValue).joined(separator: ",")]
                if let email = user.email { details["email"] = email }
                try self.audit(db, user: actor, action: "user.add", target: "user \(user.name)", details: details, at: instant)
            }
        }
    }

    public func setActive(_ name: String, _ active: Bool, by actor: String, at instant: Date) async throws {
        try await perform("changing user \(name)") { database in
            try await database.write { db in
                let user = try Self.existingUser(name, db)
                _ = try user.settingActive(active, activeRSIs: try Self.activeRSICount(db))
                try db.execute(sql: AccountabilityQueries.setUserActive, arguments: [active, name])
                // A disabled user's sessions end with the account.
                if !active { _ = try Self.closeSessions(of: name, at: instant, db) }
                try self.audit(db, user: actor, action: active ? "user.enable" : "user.disable", target: "user \(name)", details: [:], at: instant)
            }
        }
    }

    public func grant(_ role: Role, to name: String, by actor: String, at instant: Date) async throws {
        try await perform("granting \(role.rawValue) to \(name)") { database in
            try await database.write { db in
                _ = try Self.existingUser(name, db).granting(role)
                try db.execute(sql: AccountabilityQueries.grantRole,
                               arguments: [name, role.rawValue, StoredCode.microseconds(instant), actor])
                try self.audit(db, user: actor, action: "user.grant", target: "user \(name)", details: ["role": role.rawValue], at: instant)
            }
        }
    }

    public func revoke(_ role: Role, from name: String, by actor: String, at instant: Date) async throws {
        try await perform("revoking \(role.rawValue) from \(name)") { database in
            try await database.write { db in
                _ = try Self.existingUser(name, db).revoking(role, activeRSIs: try Self.activeRSICount(db))
                try db.execute(sql: AccountabilityQueries.revokeRole, arguments: [name, role.rawValue])
                try self.audit(db, user: actor, action: "user.revoke", target: "user \(name)", details: ["role": role.rawValue], at: instant)
            }
        }
    }

    // MARK: - Audit

    public func appendAudit(user: String, action: String, target: String, details: [String: String], at instant: Date) async throws -> AuditEntry {
        try await perform("writing the audit trail") { database in
            try await database.write { db in try self.audit(db, user: user, action: action, target: target, details: details, at: instant) }
        }
    }

    public func auditEntries(since: Date?, user: String?, target: String?) async throws -> [AuditEntry] {
        try await read("reading the audit trail") { db in
            let (sql, values) = AccountabilityQueries.auditEntries(since: since.map(StoredCode.microseconds), user: user, target: target)
            return try Row.fetchAll(db, sql: sql, arguments: Self.storeArguments(values)).map { Self.auditEntry($0).entry }
        }
    }

    public func verifyAudit(checkpoint: AuditCheckpoint?) async throws -> AuditChain.Verification {
        // Without the key nothing can be proved (an attacker could have rewritten every entry
        // with plain hashes and removed the key file), so verify refuses rather than say intact.
        let key = try auditSeal.requiredKey()
        // Before the snapshot: it then holds every entry the head file names, whoever writes
        // meanwhile (`AuditTrailCheck.init`).
        let head = AuditHeadFile.read(key)
        return try await read("verifying the audit trail") { db in
            // In sequence order: an entry moved to another number no longer matches its hash
            // (the number is hashed), and the one after it no longer follows it.
            try Self.verifyTrail(key: key, head: head, checkpoint: checkpoint, db)
        }
    }

    public func auditCheckpoint(by actor: String, at instant: Date) async throws -> AuditCheckpoint {
        let seal = auditSeal
        return try await perform("taking a checkpoint of the audit trail") { database in
            try await database.write { db in
                // The checkpoint's own entry is the head it names.
                let entry = try self.audit(db, user: actor, action: "audit.checkpoint", target: "audit", details: [:], at: instant)
                return AuditCheckpoint(entry, key: try seal.requiredKey())
            }
        }
    }

    public func createAuditKey(by actor: String, at instant: Date) async throws -> AuditEntry {
        try await auditSeal.creatingKey { key in try await keyCreation(key, by: actor, at: instant) }
    }

    public func adoptAuditHead(by actor: String, at instant: Date) async throws -> AuditEntry {
        let key = try auditSeal.requiredKey()
        return try await perform("adopting the audit trail's head") { database in
            try await database.write { db in
                let head = try AuditHeadAdoption.head(try Self.storedAuditEntries(db), key: key, reading: AuditHeadFile.read(key))
                try Self.advanceHead(to: head, key)
                return try self.audit(db, user: actor, action: "audit.head-adopt", target: "audit", details: ["file": key.headFile], at: instant)
            }
        }
    }

    /// The transaction of `createAuditKey`: the head file at the last plain entry, the older
    /// records sealed, the first keyed entry.
    private func keyCreation(_ key: AuditKey, by actor: String, at instant: Date) async throws -> AuditEntry {
        try await perform("creating the audit key") { database in
            try await database.write { db in
                // The head starts at the last entry written without the key, so that from now
                // on a missing head file means entries were removed.
                try AuditKeyRule.refuseWhenKeyed(
                    lastKeyed: try Int.fetchOne(db, sql: AuditKeyRule.lastKeyedSQL, arguments: Self.storeArguments(AuditKeyRule.lastKeyedValues)),
                    keyFile: key.file)
                let last = try Row.fetchOne(db, sql: AccountabilityQueries.lastAuditEntry)
                    .map { AuditHead(sequence: $0[0], hash: $0[1]) } ?? AuditHead(sequence: 0, hash: AuditChain.genesis)
                try Self.advanceHead(to: last, key)
                // The only time records are sealed after the fact: the tombstones and
                // certificate entries written before the key.
                try self.sealUnsealedRecords(db)
                return try self.audit(db, user: actor, action: "audit.key-create", target: "audit", details: ["file": key.file], at: instant)
            }
        }
    }

    // MARK: - Incidents

    public func reportIncident(_ kind: Incident.Kind, description: String, documents: [String], by actor: String, at instant: Date) async throws -> Incident {
        try await perform("reporting an incident") { database in
            try await database.write { db in try self.openIncident(kind, description: description, documents: documents, by: actor, at: instant, db) }
        }
    }

    public func updateIncident(_ id: Int, status: Incident.Status, note: String, by actor: String, at instant: Date) async throws -> Incident {
        try await perform("updating incident \(id)") { database in
            try await database.write { db in
                let incident = try Self.incident(id, db)
                let note = try incident.update(to: status, note: note, by: actor, at: instant)
                try db.execute(sql: AccountabilityQueries.setIncidentStatus, arguments: [status.rawValue, id])
                try db.execute(sql: AccountabilityQueries.insertIncidentNote,
                               arguments: [id, incident.notes.count, StoredCode.microseconds(note.at), note.by, note.status.rawValue, note.note])
                try self.audit(db, user: actor, action: "incident.update", target: "incident \(id)",
                               details: ["status": status.rawValue, "note": note.note], at: instant)
                return try Self.incident(id, db)
            }
        }
    }

    public func incidents() async throws -> [Incident] {
        try await read("listing incidents") { db in
            try Int.fetchAll(db, sql: AccountabilityQueries.incidentIDs).map { try Self.incident($0, db) }
        }
    }
}

// MARK: - Inside a transaction

extension SQLiteStore {
    /// Appends an audit entry, chained to the last one and keyed, in the caller's transaction;
    /// once it commits, the head file moves to it. Refused without the key, and when the trail
    /// does not reach its head file (`checkHead`): fail closed. A head write that fails after
    /// the commit is caught by the next write's `checkHead`, which refuses if it fails again.
    @discardableResult
    func audit(_ db: Database, user: String, action: String, target: String, details: [String: String], at instant: Date) throws -> AuditEntry {
        let key = try auditSeal.requiredKey()
        // Refused when the trail no longer reaches its head file (entries removed): writing on
        // would move the head past the gap and hide it.
        try checkHead(key, db)
        let last = try Row.fetchOne(db, sql: AccountabilityQueries.lastAuditEntry)
        let sequence = (last.map { $0[0] as Int } ?? 0) + 1
        let previous: String = last.map { $0[1] } ?? AuditChain.genesis
        let micros = StoredCode.microseconds(instant)
        let text = AuditChain.details(details)
        let hash = AuditChain.keyedHash(key, sequence: sequence, atMicroseconds: micros, user: user, action: action, target: target,
                                        details: text, previousHash: previous)
        try db.execute(sql: AccountabilityQueries.insertAuditEntry, arguments: [sequence, micros, user, action, target, text, previous, hash, AuditChain.keyedScheme])
        let head = AuditHead(sequence: sequence, hash: hash)
        db.afterNextTransaction(onCommit: { _ in AuditHeadFile.advance(to: head, key) })
        return AuditEntry(sequence: sequence, at: StoredCode.date(microseconds: micros), user: user, action: action, target: target,
                          details: text, previousHash: previous, hash: hash)
    }

    static func auditEntry(_ row: Row) -> (entry: AuditEntry, atMicroseconds: Int) {
        let micros: Int = row[1]
        return (AuditEntry(sequence: row[0], at: StoredCode.date(microseconds: micros), user: row[2], action: row[3], target: row[4],
                           details: row[5], previousHash: row[6], hash: row[7]), micros)
    }

    static func insert(_ user: User, by actor: String, at instant: Date, _ db: Database) throws {
        let micros = StoredCode.microseconds(instant)
        try db.execute(sql: AccountabilityQueries.insertUser,
                       arguments: [user.name, user.unit, user.active, micros, actor, user.email])
        for role in user.roles.sorted() {
            try db.execute(sql: AccountabilityQueries.grantRole,
                           arguments: [user.name, role.rawValue, micros, actor])
        }
    }

    static func userRecord(_ name: String, _ db: Database) throws -> User? {
        guard let row = try Row.fetchOne(db, sql: AccountabilityQueries.user, arguments: [name]) else { return nil }
        var roles = Set<Role>()
        for code in try String.fetchAll(db, sql: AccountabilityQueries.rolesOfUser, arguments: [name]) {
            guard let role = Role(rawValue: code) else { throw CorruptValue("user_role holds the unknown role '\(code)'") }
            roles.insert(role)
        }
        return User(name: row[0], unit: row[1], roles: roles, active: row[2], email: row[3])
    }

    /// The user named, or `users.not-found`.
    static func existingUser(_ name: String, _ db: Database) throws -> User {
        guard let user = try userRecord(name, db) else { throw Refusal(.userNotFound, ["user": name]) }
        return user
    }

    static func activeRSICount(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: AccountabilityQueries.activeRSICount) ?? 0
    }

    func openIncident(_ kind: Incident.Kind, description: String, documents: [String], by actor: String, at instant: Date,
                      _ db: Database) throws -> Incident {
        let id = try Int.fetchOne(db, sql: AccountabilityQueries.insertIncident,
                                  arguments: [kind.rawValue, description, StoredCode.microseconds(instant), actor])!
        for reference in Set(documents).sorted() {
            try db.execute(sql: AccountabilityQueries.insertIncidentDocument, arguments: [id, reference])
        }
        try audit(db, user: actor, action: "incident.report", target: "incident \(id)",
                  details: ["type": kind.rawValue, "description": description, "documents": Set(documents).sorted().joined(separator: ",")], at: instant)
        return try Self.incident(id, db)
    }

    static func incident(_ id: Int, _ db: Database) throws -> Incident {
        guard let row = try Row.fetchOne(db, sql: AccountabilityQueries.incident,
                                         arguments: [id]) else { throw Refusal(.incidentNotFound, ["incident": String(id)]) }
        let type: String = row[1], status: String = row[2]
        guard let kind = Incident.Kind(rawValue: type), let state = Incident.Status(rawValue: status) else {
            throw CorruptValue("incident \(id) has type '\(type)', status '\(status)'")
        }
        let notes = try Row.fetchAll(db, sql: AccountabilityQueries.incidentNotes,
                                     arguments: [id]).map { note in
            Incident.Note(at: StoredCode.date(microseconds: note[0]), by: note[1], status: Incident.Status(rawValue: note[2]) ?? .ouvert, note: note[3])
        }
        return Incident(id: id, kind: kind, status: state, description: row[3],
                        documents: try String.fetchAll(db, sql: AccountabilityQueries.incidentDocuments, arguments: [id]),
                        reportedAt: StoredCode.date(microseconds: row[4]), reportedBy: row[5], notes: notes)
    }
}
