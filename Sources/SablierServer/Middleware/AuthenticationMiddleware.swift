public import Foundation
public import Hummingbird
import HTTPTypes
import SablierApplication
import SablierCore

/// Finds who makes a request, from a bearer token or the session cookie, and nothing else.
///
/// There is no `--as` here: the only identities are a token (`Authorization: Bearer …`) and a
/// signed-in session (the `sablier_session` cookie), both checked by the application layer,
/// which also ends sessions of disabled users. On top of what it is told, the middleware
/// enforces the rule that belongs to cookies: a state-changing request must echo the session's
/// CSRF token (a browser sends the cookie by itself, from any page; it cannot read the token).
/// A session whose password was reset is refused by every use case until it changes it
/// (`Session.mustChangePassword`, checked by the application's `authorize`).
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let authority: any SessionAuthority

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.identity = try await identify(request, context: context)
        return try await next(request, context)
    }

    func identify(_ request: Request, context: Context) async throws -> Identity {
        if let authorization = request.headers[.authorization] {
            guard let token = Self.bearerToken(authorization) else { throw APIError(Refusal(.tokenInvalid)) }
            return Identity(session: try await authority.tokenSession(token: token), credential: .token)
        }
        guard let secret = request.cookies[SessionCookie.name]?.value, !secret.isEmpty else {
            throw APIError(Refusal(.sessionEnded))
        }
        let web = try await authority.resumeWebSession(secret: secret)
        if Self.changesState(request.method) {
            let sent = request.headers[.xCSRFToken] ?? ""
            guard CSRFToken.matches(sent: sent, expected: web.csrfToken) else { throw APIError(Refusal(.csrf)) }
        }
        return Identity(session: web.session,
                        credential: .cookie(secret: secret, csrfToken: web.csrfToken, mustChangePassword: web.mustChangePassword))
    }

    /// `Bearer TOKEN` (the scheme case-insensitive, RFC 6750), else nil.
    static func bearerToken(_ header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    static func changesState(_ method: HTTPRequest.Method) -> Bool {
        method == .post || method == .put || method == .patch || method == .delete
    }
}

/// The session cookie, shared by the API and the web pages.
public enum SessionCookie {
    public static let name = "sablier_session"

    /// HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Path=/,
    /// Secure when the request came over TLS; it lasts as long as the session may.
    public static func set(_ secret: String, expires: Date, secure: Bool) -> Cookie {
        Cookie(name: name, value: secret, expires: expires, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// The cookie emptied and expired, for signing out.
    public static func cleared(secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}

/// The token a browser's state-changing request must echo: in `X-CSRF-Token` for the API, in
/// the `_csrf` field of a form for the web pages.
public enum CSRFToken {
    /// Compares without stopping at the first difference, so that timing tells nothing of the token.
    public static func matches(sent: String, expected: String) -> Bool {
        let x = Array(sent.utf8), y = Array(expected.utf8)
        guard x.count == y.count, !y.isEmpty else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
