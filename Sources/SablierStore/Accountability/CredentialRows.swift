import Foundation
public import SablierCore

/// A user's password row (`user_password`): read by every backend through this one type, so a
/// credential is built from its cells by one rule whatever the database.
public struct UserPasswordRow: StoredRow {
    public var user: String
    public var hash: String
    public var mustChange: Bool
    /// Microseconds since 1970-01-01T00:00:00Z, as every instant of the store.
    public var changedAt: Int
    public var failures: Int
    public var lastFailureAt: Int?
    public var lockedUntil: Int?

    public static let table = StoreTable("user_password", columns: [
        "user_name", "hash", "must_change", "changed_at", "failures", "last_failure_at", "locked_until",
    ])

    /// Sets a password, clearing the failures and the lock, whether or not the user had one:
    /// the same text on every backend (both accept `ON CONFLICT … DO UPDATE`). Parameters:
    /// user, hash, must change, changed at.
    public static let upsert = """
        INSERT INTO user_password (user_name, hash, must_change, changed_at, failures, last_failure_at, locked_until)
        VALUES (?, ?, ?, ?, 0, NULL, NULL)
        ON CONFLICT (user_name) DO UPDATE SET hash = excluded.hash, must_change = excluded.must_change,
            changed_at = excluded.changed_at, failures = 0, last_failure_at = NULL, locked_until = NULL
        """

    @inlinable
    public func write<W: StoreRowWriting>(to row: inout W) throws(W.Failure) {
        try row.text(user)
        try row.text(hash)
        try row.boolean(mustChange)
        try row.integer(changedAt)
        try row.integer(failures)
        try row.integer(lastFailureAt)
        try row.integer(lockedUntil)
    }

    @inlinable
    public init(reading row: inout some StoreRowReading) throws {
        user = try row.text(required: "user_name")
        hash = try row.text(required: "hash")
        guard let mustChange = try row.boolean("must_change") else { throw CorruptValue.null("must_change") }
        self.mustChange = mustChange
        changedAt = try row.integer(required: "changed_at")
        failures = try row.integer(required: "failures")
        lastFailureAt = try row.integer("last_failure_at")
        lockedUntil = try row.integer("locked_until")
    }

    public var credential: Credential {
        Credential(user: user, hash: hash, mustChange: mustChange, changedAt: StoredCode.date(microseconds: changedAt), failures: failures,
                   lastFailureAt: lastFailureAt.map(StoredCode.date(microseconds:)), lockedUntil: lockedUntil.map(StoredCode.date(microseconds:)))
    }
}

/// A signed-in session's row (`web_session`), read by every backend through this one type.
public struct WebSessionRow: StoredRow {
    public var secretHash: String
    public var user: String
    public var createdAt: Int
    public var lastSeenAt: Int
    public var closedAt: Int?

    public static let table = StoreTable("web_session", columns: ["secret_hash", "user_name", "created_at", "last_seen_at", "closed_at"])

    /// A session as it is opened: not closed yet.
    public init(_ session: WebSessionRecord) {
        secretHash = session.secretHash
        user = session.user
        createdAt = StoredCode.microseconds(session.createdAt)
        lastSeenAt = StoredCode.microseconds(session.lastSeenAt)
        closedAt = nil
    }

    @inlinable
    public func write<W: StoreRowWriting>(to row: inout W) throws(W.Failure) {
        try row.text(secretHash)
        try row.text(user)
        try row.integer(createdAt)
        try row.integer(lastSeenAt)
        try row.integer(closedAt)
    }

    @inlinable
    public init(reading row: inout some StoreRowReading) throws {
        secretHash = try row.text(required: "secret_hash")
        user = try row.text(required: "user_name")
        createdAt = try row.integer(required: "created_at")
        lastSeenAt = try row.integer(required: "last_seen_at")
        closedAt = try row.integer("closed_at")
    }

    public var record: WebSessionRecord {
        WebSessionRecord(secretHash: secretHash, user: user, createdAt: StoredCode.date(microseconds: createdAt),
                         lastSeenAt: StoredCode.date(microseconds: lastSeenAt), closedAt: closedAt.map(StoredCode.date(microseconds:)))
    }
}

/// An API token's row (`api_token`), read by every backend through this one type.
public struct APITokenRow: StoredRow {
    public var id: Int
    public var secretHash: String
    public var user: String
    public var name: String
    public var createdAt: Int
    public var createdBy: String
    /// `YYYY-MM-DD`, the last day it works.
    public var expiresOn: String?
    public var revokedAt: Int?
    public var revokedBy: String?

    public static let table = StoreTable("api_token", columns: [
        "id", "secret_hash", "user_name", "name", "created_at", "created_by", "expires_on", "revoked_at", "revoked_by",
    ])

    /// A new token under number `id`, stored by the hash of its secret: not revoked, whatever
    /// `token` says.
    public init(id: Int, secretHash: String, _ token: APIToken) {
        self.id = id
        self.secretHash = secretHash
        user = token.user
        name = token.name
        createdAt = StoredCode.microseconds(token.createdAt)
        createdBy = token.createdBy
        expiresOn = token.expiresOn?.description
        revokedAt = nil
        revokedBy = nil
    }

    @inlinable
    public func write<W: StoreRowWriting>(to row: inout W) throws(W.Failure) {
        try row.integer(id)
        try row.text(secretHash)
        try row.text(user)
        try row.text(name)
        try row.integer(createdAt)
        try row.text(createdBy)
        try row.text(expiresOn)
        try row.integer(revokedAt)
        try row.text(revokedBy)
    }

    @inlinable
    public init(reading row: inout some StoreRowReading) throws {
        id = try row.integer(required: "id")
        secretHash = try row.text(required: "secret_hash")
        user = try row.text(required: "user_name")
        name = try row.text(required: "name")
        createdAt = try row.integer(required: "created_at")
        createdBy = try row.text(required: "created_by")
        expiresOn = try row.text("expires_on")
        revokedAt = try row.integer("revoked_at")
        revokedBy = try row.text("revoked_by")
    }

    /// The token, without its secret's hash. An expiry day that is not a date reads as none,
    /// as it always has.
    public var token: APIToken {
        APIToken(id: id, user: user, name: name, createdAt: StoredCode.date(microseconds: createdAt), createdBy: createdBy,
                 expiresOn: expiresOn.flatMap(CivilDate.init(iso:)), revokedAt: revokedAt.map(StoredCode.date(microseconds:)),
                 revokedBy: revokedBy)
    }
}
