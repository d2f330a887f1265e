public import Foundation
public import SablierCore

/// Passwords (their bcrypt hashes), signed-in sessions (the hashes of their secrets) and API
/// tokens (the same). No secret is ever stored as given. Every change appends its audit entry
/// in its own transaction; what is allowed is decided by the caller's Core rules.
public protocol CredentialStore: Sendable {
    func credential(of user: String) async throws -> Credential?
    /// Sets a user's password hash; `mustChange` when the RSI reset it. Clears failures and locks,
    /// and closes the user's sessions: a reset password ends what the old one opened.
    func setPassword(of user: String, hash: String, mustChange: Bool, by actor: String, at instant: Date) async throws
    /// Records a failed attempt in one transaction: the count goes up by one, whatever other
    /// attempts run at the same time, and `lock` (the Core's policy) says from the new count
    /// whether, and until when, the account locks. Audited as `auth.failure`, and `auth.lock`
    /// when it locks; `reason` is for the auditor only. Returns the new count.
    @discardableResult
    func recordSignInFailure(of user: String, reason: String, address: String?, at instant: Date,
                             lock: @escaping @Sendable (Int) -> Date?) async throws -> Int
    /// A successful sign-in: the failures are cleared and the session opened (audited `auth.sign-in`).
    func openWebSession(_ session: WebSessionRecord, address: String?) async throws
    func webSession(secretHash: String) async throws -> WebSessionRecord?
    /// Moves a session's last activity to `instant`.
    func touchWebSession(secretHash: String, at instant: Date) async throws
    /// Ends a session (audited `auth.sign-out`, with why: signed out, idle, expired, disabled).
    func closeWebSession(secretHash: String, reason: String, at instant: Date) async throws

    /// Stores a new token under the hash of its secret (audited `token.create`); returns it with its number.
    func addToken(_ token: APIToken, secretHash: String) async throws -> APIToken
    func token(secretHash: String) async throws -> APIToken?
    func token(_ id: Int) async throws -> APIToken?
    func tokens() async throws -> [APIToken]
    /// Revokes a token (audited `token.revoke`); refused when it was already revoked.
    func revokeToken(_ id: Int, by actor: String, at instant: Date) async throws -> APIToken
}
