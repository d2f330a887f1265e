import Foundation
import Hummingbird
import HTTPTypes
import MultipartKit
import NIOCore
import SablierApplication
import SablierCore
import SablierServer

/// Who is signed in, for the pages: the session cookie, resumed by the application, exactly as
/// the API does; nobody is sent to the sign-in page, and back here after signing in.
///
/// A form that changes something (POST) must carry the session's CSRF token in its `_csrf`
/// field; its body is read here, up to the server's upload limit, and left for the route to
/// decode. A person whose password was reset is taken to the password page first: every use
/// case would refuse them anyway (`Session.mustChangePassword`).
struct PageSessionMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let authority: any SessionAuthority
    let maxFormBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let secret = request.cookies[SessionCookie.name]?.value, !secret.isEmpty else {
            return Self.toSignIn(request)
        }
        let web: WebIdentity
        switch await outcome({ () async throws(Refusal) in try await authority.resumeWebSession(secret: secret) }) {
        case .success(let identity): web = identity
        case .failure(let refusal) where refusal.kind == .unauthenticated: return Self.toSignIn(request)
        case .failure(let refusal): throw refusal
        }
        var context = context
        context.identity = Identity(session: web.session,
                                    credential: .cookie(secret: secret, csrfToken: web.csrfToken, mustChangePassword: web.mustChangePassword))
        var request = request
        if request.method == .post {
            let body = try await request.collectBody(upTo: maxFormBytes)
            let sent = PageForm.field("_csrf", in: body, contentType: request.headers[.contentType])
            guard CSRFToken.matches(sent: sent ?? "", expected: web.csrfToken) else { throw PageFailure.csrf }
        }
        if web.mustChangePassword, request.uri.path != PasswordPage.path, request.uri.path != "/deconnexion" {
            return WebPages.redirect(PasswordPage.path)
        }
        return try await next(request, context)
    }

    /// To the sign-in page, which brings the person back to `request`'s page (a GET only, and
    /// only a path of this site).
    static func toSignIn(_ request: Request) -> Response {
        let back = request.method == .get ? request.uri.path + (request.uri.query.map { "?" + $0 } ?? "") : "/"
        return WebPages.redirect("/connexion?suite=" + WebPages.queryEscaped(back))
    }
}

/// The password page's address, which a person whose password was reset may still reach.
enum PasswordPage {
    static let path = "/compte/mot-de-passe"
}
