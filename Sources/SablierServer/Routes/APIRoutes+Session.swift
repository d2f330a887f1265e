import Foundation
import Hummingbird
import HTTPTypes
import SablierApplication
import SablierCore

/// `POST /api/v1/session` (sign in), `DELETE /api/v1/session` (sign out),
/// `GET /api/v1/session` (who am I), `POST /api/v1/session/password`.
extension APIRoutes {
    struct SignInForm: Decodable, Sendable { var name: String; var password: String }
    struct PasswordForm: Decodable, Sendable { var current: String; var new: String }

    /// What a browser is told at sign-in: the user, the token to echo in `X-CSRF-Token`, and
    /// whether the password must be changed first. The secret travels in the cookie only.
    struct SignedInBody: Encodable, Sendable {
        var user: UserEntry
        var csrfToken: String
        var mustChangePassword: Bool
        var expiresAt: Date
    }

    /// `GET /api/v1/session`: who the credentials name and how.
    struct WhoAmI: Encodable, Sendable {
        var user: UserEntry
        var authentication: Session.Authentication
        var csrfToken: String?
        var mustChangePassword: Bool?
    }

    func addSignIn(to api: RouterGroup<APIRequestContext>) {
        api.post("session") { request, context -> Response in
            let form = try await request.json(SignInForm.self, context: context)
            let grant = try await authority.signIn(name: form.name, password: form.password, from: clientAddress(request, context))
            var response = try json(SignedInBody(user: UserEntry(grant.session.user), csrfToken: grant.csrfToken,
                                                 mustChangePassword: grant.mustChangePassword, expiresAt: grant.expiresAt),
                                    status: .created)
            response.setCookie(SessionCookie.set(grant.secret, expires: grant.expiresAt, secure: isSecure(request)))
            return response
        }
    }

    func addSession(to api: RouterGroup<APIRequestContext>) {
        api.get("session") { _, context -> Response in
            guard let identity = context.identity else { throw APIError(Refusal(.sessionEnded)) }
            switch identity.credential {
            case .token:
                return try json(WhoAmI(user: UserEntry(identity.session.user), authentication: identity.session.authentication))
            case .cookie(_, let csrf, let mustChange):
                return try json(WhoAmI(user: UserEntry(identity.session.user), authentication: identity.session.authentication,
                                       csrfToken: csrf, mustChangePassword: mustChange))
            }
        }
        api.delete("session") { request, context -> Response in
            if case .cookie(let secret, _, _) = context.identity?.credential {
                try await authority.signOut(secret: secret)
            }
            var response = Response(status: .noContent)
            response.setCookie(SessionCookie.cleared(secure: isSecure(request)))
            return response
        }
        api.post("session/password") { request, context -> Response in
            let form = try await request.json(PasswordForm.self, context: context)
            try await authority.changePassword(try context.session, current: form.current, new: form.new)
            return Response(status: .noContent)
        }
    }

    func isSecure(_ request: Request) -> Bool { configuration.isSecure(request) }

    func clientAddress(_ request: Request, _ context: APIRequestContext) -> String? {
        configuration.clientAddress(request, peer: context.peerAddress)
    }
}
