public import SablierApplication
public import SablierCore

/// The application's sign-in, sessions and tokens are the server's authority: passwords,
/// lockouts, timeouts, revocation and their audit are all decided there.
extension Sablier: SessionAuthority {
    public func signIn(name: String, password: String, from address: String?) async throws(Refusal) -> SignInGrant {
        let signedIn: SignedIn = try await signIn(name: name, password: password, from: address)
        return SignInGrant(session: signedIn.session, secret: signedIn.secret, csrfToken: signedIn.csrfToken,
                           mustChangePassword: signedIn.mustChangePassword, expiresAt: signedIn.expiresAt)
    }

    public func resumeWebSession(secret: String) async throws(Refusal) -> WebIdentity {
        let web = try await resumeWebSession(secret)
        return WebIdentity(session: web.session, csrfToken: web.csrfToken, mustChangePassword: web.mustChangePassword)
    }

    public func signOut(secret: String) async throws(Refusal) {
        try await signOut(secret)
    }

    public func tokenSession(token: String) async throws(Refusal) -> Session {
        try await tokenSession(token)
    }
}
