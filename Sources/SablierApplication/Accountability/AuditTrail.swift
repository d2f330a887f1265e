import Foundation
public import SablierCore
public import SablierStore

/// What walking the audit trail found: `sablier audit verify`.
public struct AuditVerification: Sendable, Hashable, Codable {
    /// The entries walked.
    public var entries: Int
    /// True when every entry is chained to the one before it and matches its hash, the head
    /// file's entry is there unchanged, every tombstone and certificate entry matches its
    /// keyed digest, and the checkpoint given, if any, names an entry of the trail unchanged.
    public var intact: Bool
    /// The first thing at fault, when one is.
    public var problem: Problem?
    /// The first entry hashed with the audit key; absent when none is.
    public var keyedFrom: Int?
    /// The entry the head file names, found in the trail; absent without a key.
    public var head: Int?
    /// The tombstones and certificate entries whose keyed digest was checked.
    public var records: Int
    /// The entry the checkpoint given names, when one was given.
    public var checkpoint: Int?

    public struct Problem: Sendable, Hashable, Codable {
        /// The entry at fault; 0 when it is a tombstone or a certificate entry (`record`).
        public var sequence: Int
        public var reason: String
        /// `tombstone REF` or `disposition N REF`, when what is at fault is not an entry.
        public var record: String?
    }

    init(_ verification: AuditChain.Verification, checkpoint: Int? = nil) {
        entries = verification.entries
        intact = verification.isIntact
        problem = verification.problem.map { Problem(sequence: $0.sequence, reason: $0.reason, record: $0.record) }
        keyedFrom = verification.keyedFrom
        head = verification.head
        records = verification.records
        self.checkpoint = checkpoint
    }
}

/// The audit key created for a store that had none: `sablier audit key create`.
public struct AuditKeyCreation: Sendable, Hashable, Codable {
    /// The key file, mode 0600.
    public var file: String
    /// The first keyed entry, `audit.key-create`.
    public var sequence: Int
}

extension Sablier {
    /// The audit trail, oldest first: from a day on (local midnight), of one user, about one target.
    ///
    /// Each entry keeps its JSON contract (`sequence, at, user, action, target, details,
    /// previousHash, hash`) since `AuditEntry` is what is hashed.
    public func auditLog(_ session: Session, since: CivilDate? = nil, user: String? = nil,
                         target: String? = nil) async throws(Refusal) -> [AuditEntry] {
        _ = try await authorize(session, .readAudit, "audit log")
        let start = since.map(Self.localMidnight)
        return try await attempt { try await store.auditEntries(since: start, user: user, target: target) }
    }

    /// Walks the whole trail: the hash chain, the head file, the tombstones and certificate entries.
    public func verifyAudit(_ session: Session) async throws(Refusal) -> AuditVerification {
        _ = try await authorize(session, .readAudit, "audit verify")
        return AuditVerification(try await attempt { try await store.verifyAudit(checkpoint: nil) })
    }

    /// Walks the whole trail, then proves it still holds the entry `checkpointText` names,
    /// unchanged, and that the checkpoint's signature is the key's. The check is audited
    /// (`audit.verify-checkpoint`, with the entry named and the result).
    public func verifyAuditCheckpoint(_ session: Session, checkpointText: String) async throws(Refusal) -> AuditVerification {
        let access = try await authorize(session, .readAudit, "audit verify")
        let checkpoint: AuditCheckpoint
        do throws(Refusal) {
            checkpoint = try AuditCheckpoint.parse(checkpointText)
        } catch {
            throw await refusing(error, by: access.user.name, useCase: "audit verify")
        }
        let verification = AuditVerification(try await attempt { try await store.verifyAudit(checkpoint: checkpoint) },
                                             checkpoint: checkpoint.sequence)
        let recording = { () async throws -> Void in
            _ = try await self.store.appendAudit(user: access.user.name, action: "audit.verify-checkpoint", target: "audit",
                                                 details: ["checkpoint": String(checkpoint.sequence), "hash": checkpoint.hash,
                                                           "result": verification.intact ? "intact" : "broken"], at: self.clock.now)
        }
        if verification.intact {
            _ = try await attempt { try await recording() }
        } else {
            // A broken trail may refuse every write (its head no longer matches): the verdict
            // is what the user asked for, and it is reported whether or not it could be recorded.
            try? await recording()
        }
        return verification
    }

    /// The chain's head, signed with the audit key, to keep elsewhere (paper, minutes, another
    /// system): the checkpoint's own entry, `audit.checkpoint`, is the head it names.
    public func auditCheckpoint(_ session: Session) async throws(Refusal) -> AuditCheckpoint {
        let access = try await authorize(session, .readAudit, "audit checkpoint")
        return try await attempt { try await store.auditCheckpoint(by: access.user.name, at: clock.now) }
    }

    /// Gives a store that has none its audit key, where the store looks for it (the RSI's
    /// work): from then on every entry, tombstone and certificate entry is keyed, and those
    /// written before are sealed with the first keyed entry.
    public func createAuditKey(_ session: Session) async throws(Refusal) -> AuditKeyCreation {
        let access = try await authorize(session, .manageUsers, "audit key create")
        let entry = try await attempt { try await store.createAuditKey(by: access.user.name, at: clock.now) }
        return AuditKeyCreation(file: Self.keyFile(of: entry), sequence: entry.sequence)
    }

    /// Gives this machine its head file at the trail's end, once the whole trail verifies with
    /// the key (the RSI's work, on a second server of the same PostgreSQL store): from then on
    /// this machine's head guards the entries since its own last write. Returns the adoption's
    /// own entry, which the head now names.
    public func adoptAuditHead(_ session: Session) async throws(Refusal) -> AuditEntry {
        let access = try await authorize(session, .manageUsers, "audit head adopt")
        return try await attempt { try await store.adoptAuditHead(by: access.user.name, at: clock.now) }
    }

    /// The key file an `audit.key-create` entry names.
    private static func keyFile(of entry: AuditEntry) -> String {
        (try? JSONDecoder().decode([String: String].self, from: Data(entry.details.utf8)))?["file"] ?? ""
    }

    /// The first instant of a civil day where Sablier runs.
    static func localMidnight(_ day: CivilDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? .distantPast
    }
}
