public import Foundation
public import SablierApplication
public import SablierCore

/// What the server asks of the application to know who acts: sign-in, web sessions, tokens.
///
/// The server never decides who someone is: the application layer checks passwords, keeps
/// sessions and tokens, audits failures and locks accounts. This protocol is the seam between
/// the two, so that the routes and the middleware are written (and tested) against a contract;
/// `Sablier` conforms to it in `Sablier+SessionAuthority.swift`.
public protocol SessionAuthority: Sendable {
    func signIn(name: String, password: String, from address: String?) async throws(Refusal) -> SignInGrant
    func resumeWebSession(secret: String) async throws(Refusal) -> WebIdentity
    func signOut(secret: String) async throws(Refusal)
    func tokenSession(token: String) async throws(Refusal) -> Session
    func changePassword(_ session: Session, current: String, new: String) async throws(Refusal)
}

/// A successful sign-in: the session, and the secret the cookie carries (never logged).
public struct SignInGrant: Sendable {
    public var session: Session
    public var secret: String
    public var csrfToken: String
    public var mustChangePassword: Bool
    public var expiresAt: Date

    public init(session: Session, secret: String, csrfToken: String, mustChangePassword: Bool, expiresAt: Date) {
        self.session = session
        self.secret = secret
        self.csrfToken = csrfToken
        self.mustChangePassword = mustChangePassword
        self.expiresAt = expiresAt
    }
}

/// A web session resumed from its cookie: who, the token state-changing requests must echo,
/// and whether the password must be changed before anything else.
public struct WebIdentity: Sendable {
    public var session: Session
    public var csrfToken: String
    public var mustChangePassword: Bool

    public init(session: Session, csrfToken: String, mustChangePassword: Bool) {
        self.session = session
        self.csrfToken = csrfToken
        self.mustChangePassword = mustChangePassword
    }
}
