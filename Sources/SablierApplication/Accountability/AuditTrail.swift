import Foundation
public import SablierCore
public import SablierStore

/// What walking the audit trail's hash chain found: `sablier audit verify`.
public struct AuditVerification: Sendable, Hashable, Codable {
    /// The entries walked.
    public var entries: Int
    /// True when every entry is chained to the one before it and matches its hash.
    public var intact: Bool
    /// The first entry at fault, when one is.
    public var problem: Problem?

    public struct Problem: Sendable, Hashable, Codable {
        public var sequence: Int
        public var reason: String
    }

    init(_ verification: AuditChain.Verification) {
        entries = verification.entries
        intact = verification.isIntact
        problem = verification.problem.map { Problem(sequence: $0.sequence, reason: $0.reason) }
    }
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

    /// Walks the whole hash chain.
    public func verifyAudit(_ session: Session) async throws(Refusal) -> AuditVerification {
        _ = try await authorize(session, .readAudit, "audit verify")
        return AuditVerification(try await attempt { try await store.verifyAudit() })
    }

    /// The first instant of a civil day where Sablier runs.
    static func localMidnight(_ day: CivilDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? .distantPast
    }
}
