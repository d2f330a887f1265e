public import Foundation

/// A user's password as stored: its bcrypt hash, never the password, and the state of their
/// attempts to sign in.
public struct Credential: Sendable, Hashable {
    public var user: String
    /// bcrypt, `$2b$…`, with its cost and salt.
    public var hash: String
    /// Set when the RSI reset it: the user changes it at their next sign-in.
    public var mustChange: Bool
    public var changedAt: Date
    /// Failures in a row since the last success.
    public var failures: Int
    public var lastFailureAt: Date?
    public var lockedUntil: Date?

    public init(user: String, hash: String, mustChange: Bool, changedAt: Date, failures: Int = 0, lastFailureAt: Date? = nil,
                lockedUntil: Date? = nil) {
        self.user = user
        self.hash = hash
        self.mustChange = mustChange
        self.changedAt = changedAt
        self.failures = failures
        self.lastFailureAt = lastFailureAt
        self.lockedUntil = lockedUntil
    }
}

/// A signed-in browser session as stored: the SHA-256 of its secret (the cookie), never the
/// secret itself.
public struct WebSessionRecord: Sendable, Hashable {
    public var secretHash: String
    public var user: String
    public var createdAt: Date
    public var lastSeenAt: Date
    public var closedAt: Date?

    public init(secretHash: String, user: String, createdAt: Date, lastSeenAt: Date, closedAt: Date? = nil) {
        self.secretHash = secretHash
        self.user = user
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.closedAt = closedAt
    }

    /// Why the session is over at `now`, or nil while it lasts: closed, idle longer than
    /// `idle`, or older than `absolute`.
    public func ended(at now: Date, idle: TimeInterval, absolute: TimeInterval) -> String? {
        if closedAt != nil { return "closed" }
        if now.timeIntervalSince(lastSeenAt) > idle { return "idle" }
        if now.timeIntervalSince(createdAt) > absolute { return "expired" }
        return nil
    }
}

/// An API token for scripts: who it acts as, its label, and when it stops working. Stored by
/// the SHA-256 of its secret; the secret is shown once, when it is made.
public struct APIToken: Sendable, Hashable, Codable {
    public var id: Int
    public var user: String
    public var name: String
    public var createdAt: Date
    public var createdBy: String
    /// The last day it works; nil: until revoked.
    public var expiresOn: CivilDate?
    public var revokedAt: Date?
    public var revokedBy: String?

    public init(id: Int, user: String, name: String, createdAt: Date, createdBy: String, expiresOn: CivilDate?,
                revokedAt: Date? = nil, revokedBy: String? = nil) {
        self.id = id
        self.user = user
        self.name = name
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.expiresOn = expiresOn
        self.revokedAt = revokedAt
        self.revokedBy = revokedBy
    }

    /// Whether it still works on `today`.
    public func isValid(on today: CivilDate) -> Bool {
        revokedAt == nil && (expiresOn.map { today <= $0 } ?? true)
    }

    /// Refuses revoking a token already revoked.
    public func checkRevocation() throws(Refusal) {
        guard revokedAt == nil else { throw Refusal(.tokenRevoked, ["token": String(id)]) }
    }
}
