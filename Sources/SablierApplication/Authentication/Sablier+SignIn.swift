public import Foundation
public import SablierCore
import SablierStore

/// A person signed in: their session, the secret for the cookie (shown once, never stored or
/// logged), the CSRF token forms must carry, and whether they must change their password first.
public struct SignedIn: Sendable, Codable {
    public var session: Session
    public var secret: String
    public var csrfToken: String
    public var mustChangePassword: Bool
    public var expiresAt: Date
}

/// A session resumed from its cookie.
public struct WebSession: Sendable {
    public var session: Session
    public var csrfToken: String
    public var mustChangePassword: Bool
}

extension Sablier {
    /// Signs a person in with their name and password.
    ///
    /// A wrong name, a wrong password, a user without a password or a disabled user all get the
    /// same answer (`auth.bad-credentials`); the audit trail records which. Failures in a row
    /// slow the next attempt, then lock the account (`SignInPolicy`); each failure and each lock
    /// is audited.
    public func signIn(name: String, password: String, from address: String? = nil) async throws(Refusal) -> SignedIn {
        let now = clock.now
        guard name.count <= Secrets.maximumNameLength, password.utf8.count <= Secrets.maximumPasswordBytes else {
            throw await audited(Refusal(.badCredentials), by: String(name.prefix(64)), useCase: "sign-in", details: ["reason": "oversized"])
        }
        let user = try await attempt { try await store.user(name) }
        let credential = try await attempt { try await store.credential(of: name) }
        guard let user, let credential else {
            _ = await Secrets.verifyPasswordOffThePool(password, hash: Secrets.decoyHash)
            throw await audited(Refusal(.badCredentials), by: name, useCase: "sign-in",
                                details: ["reason": user == nil ? "unknown-user" : "no-password"].merging(address.map { ["address": $0] } ?? [:]) { a, _ in a })
        }
        do {
            try security.signIn.checkAttempt(failures: credential.failures, lastFailure: credential.lastFailureAt,
                                             lockedUntil: credential.lockedUntil, now: now)
        } catch {
            throw await audited(error, by: name, useCase: "sign-in", details: address.map { ["address": $0] } ?? [:])
        }
        let matches = await Secrets.verifyPasswordOffThePool(password, hash: credential.hash)
        guard matches, user.active else {
            try await recordFailure(of: name, reason: matches ? "disabled-user" : "wrong-password", address: address, at: now)
            throw Refusal(.badCredentials)
        }
        let secret = Secrets.random()
        let record = WebSessionRecord(secretHash: Secrets.hash(secret), user: name, createdAt: now, lastSeenAt: now)
        try await attempt { try await store.openWebSession(record, address: address) }
        return SignedIn(session: Session(user: user, authentication: .password, mustChangePassword: credential.mustChange), secret: secret,
                        csrfToken: Secrets.csrfToken(forSession: secret), mustChangePassword: credential.mustChange,
                        expiresAt: now.addingTimeInterval(security.absoluteTimeout))
    }

    /// The session a cookie's secret opened, while it lasts: not signed out, not idle longer
    /// than `security.idleTimeout`, not older than `security.absoluteTimeout`, its user still
    /// active. An ended session is closed and refused (`auth.session-ended`).
    public func resumeWebSession(_ secret: String) async throws(Refusal) -> WebSession {
        let now = clock.now
        let hash = Secrets.hash(secret)
        guard let record = try await attempt({ try await store.webSession(secretHash: hash) }) else { throw Refusal(.sessionEnded) }
        var ended = record.ended(at: now, idle: security.idleTimeout, absolute: security.absoluteTimeout)
        let user = try await attempt { try await store.user(record.user) }
        if ended == nil, user?.active != true { ended = "user-disabled" }
        if let ended {
            if record.closedAt == nil { try await attempt { try await store.closeWebSession(secretHash: hash, reason: ended, at: now) } }
            throw Refusal(.sessionEnded)
        }
        try await attempt { try await store.touchWebSession(secretHash: hash, at: now) }
        let mustChange = try await attempt { try await store.credential(of: record.user) }?.mustChange ?? false
        return WebSession(session: Session(user: user!, authentication: .password, mustChangePassword: mustChange),
                          csrfToken: Secrets.csrfToken(forSession: secret), mustChangePassword: mustChange)
    }

    /// Counts a failed attempt (atomically in the store) and locks the account as the policy says.
    func recordFailure(of name: String, reason: String, address: String?, at now: Date) async throws(Refusal) {
        let policy = security.signIn
        _ = try await attempt {
            try await store.recordSignInFailure(of: name, reason: reason, address: address, at: now) { policy.lock(afterFailures: $0, at: now) }
        }
    }

    /// Ends the session a cookie's secret opened (nothing happens for one already ended).
    public func signOut(_ secret: String) async throws(Refusal) {
        let now = clock.now
        try await attempt { try await store.closeWebSession(secretHash: Secrets.hash(secret), reason: "signed-out", at: now) }
    }

    /// The session an API token opens: its user's, while the token is neither expired nor
    /// revoked and the user is active. Anything else is `auth.token-invalid`.
    public func tokenSession(_ token: String) async throws(Refusal) -> Session {
        guard let stored = try await attempt({ try await store.token(secretHash: Secrets.hash(token)) }),
              stored.isValid(on: clock.today),
              let user = try await attempt({ try await store.user(stored.user) }), user.active else {
            throw Refusal(.tokenInvalid)
        }
        return Session(user: user, authentication: .token)
    }
}
