public import Foundation
public import SablierCore
import SablierStore

/// A token as listed: never its secret.
public struct TokenEntry: Sendable, Hashable, Codable {
    public var id: Int
    public var user: String
    public var name: String
    public var createdAt: Date
    public var createdBy: String
    public var expires: String?
    public var revokedAt: Date?
    public var revokedBy: String?
    /// `active`, `expired` or `revoked`, on the day it was listed.
    public var status: String

    init(_ token: APIToken, today: CivilDate) {
        id = token.id; user = token.user; name = token.name; createdAt = token.createdAt; createdBy = token.createdBy
        expires = token.expiresOn?.description; revokedAt = token.revokedAt; revokedBy = token.revokedBy
        status = token.revokedAt != nil ? "revoked" : token.isValid(on: today) ? "active" : "expired"
    }
}

/// A token just made, with its secret: shown this once.
public struct CreatedToken: Sendable, Codable {
    public var token: TokenEntry
    public var secret: String
}

extension Sablier {
    /// Makes an API token that acts as `user` (for a script: the nightly due list, …), until
    /// `expires` (inclusive) or revocation. Its secret is returned once and stored as a hash.
    public func createToken(_ session: Session, for user: String, name: String, expires: CivilDate? = nil) async throws(Refusal) -> CreatedToken {
        let useCase = "token create"
        let access = try await authorize(session, .manageUsers, useCase)
        let today = clock.today
        let label = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission, details: ["user": user]) {
            guard try await store.user(user) != nil else { throw Refusal(.userNotFound, ["user": user]) }
            if let expires, expires < today { throw Refusal(.tokenExpiryPast, ["expires": expires.description]) }
            return try Refusal.requireText(name, "name")
        }
        let secret = Secrets.random(prefix: "sbl_")
        let stored = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission) {
            try await store.addToken(APIToken(id: 0, user: user, name: label, createdAt: clock.now, createdBy: access.user.name,
                                              expiresOn: expires), secretHash: Secrets.hash(secret))
        }
        return CreatedToken(token: TokenEntry(stored, today: today), secret: secret)
    }

    /// Every token, without secrets.
    public func tokens(_ session: Session) async throws(Refusal) -> [TokenEntry] {
        _ = try await authorize(session, .manageUsers, "token list")
        let today = clock.today
        return try await attempt { try await store.tokens() }.map { TokenEntry($0, today: today) }
    }

    /// Revokes a token: it stops working at once.
    public func revokeToken(_ session: Session, _ id: Int) async throws(Refusal) -> TokenEntry {
        let useCase = "token revoke"
        let access = try await authorize(session, .manageUsers, useCase)
        let token = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission, details: ["token": String(id)]) {
            try await store.revokeToken(id, by: access.user.name, at: clock.now)
        }
        return TokenEntry(token, today: clock.today)
    }
}
