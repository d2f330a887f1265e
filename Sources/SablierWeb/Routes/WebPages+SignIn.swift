import Foundation
import Hummingbird
import SablierApplication
import SablierCore
import SablierServer

/// `/connexion` (sign in), `/langue` (the language switch), and `/` to the dashboard: the
/// pages anyone may reach.
extension WebPages {
    struct SignInForm: Decodable { var name: String; var password: String; var suite: String? }

    /// The sign-in page's content.
    struct SignInView {
        var name: String
        var suite: String
        var form: FormState
        var signedOut: Bool
    }

    func addSignIn(to router: RouterGroup<APIRequestContext>) {
        router.get("/") { _, _ in Self.redirect(Section.dashboard.href) }
        router.get("connexion") { request, context -> Response in
            let view = SignInView(name: "", suite: Self.safeReturn(request.uri.queryParameters.get("suite")), form: FormState(),
                                  signedOut: request.uri.queryParameters.get("fin") != nil)
            return page("sign-in", title: "sign_in_title", content: view, request, context)
        }
        router.post("connexion") { request, context -> Response in
            let form = try await PageForm.decode(SignInForm.self, request)
            let suite = Self.safeReturn(form.suite)
            let address = configuration.clientAddress(request, peer: context.peerAddress)
            switch await outcome({ () async throws(Refusal) in
                try await authority.signIn(name: form.name, password: form.password, from: address)
            }) {
            case .success(let grant):
                var response = Self.redirect(grant.mustChangePassword ? PasswordPage.path : suite)
                response.setCookie(SessionCookie.set(grant.secret, expires: grant.expiresAt, secure: configuration.isSecure(request)))
                return response
            case .failure(let refusal):
                // Which of the name or the password was wrong is never said (the same sentence for both).
                let state = FormState(values: ["name": form.name], refusal: refusal, field: "password", language(request))
                let view = SignInView(name: form.name, suite: suite, form: state, signedOut: false)
                return page("sign-in", title: "sign_in_title", content: view, request, context,
                            status: HTTPResponse.Status(code: refusal.kind.httpStatus))
            }
        }
        router.get("langue") { request, _ -> Response in
            let language = request.uri.queryParameters.get("vers") == "en" ? "en" : "fr"
            var response = Self.redirect(Self.safeReturn(request.uri.queryParameters.get("retour")))
            response.setCookie(Cookie(name: PageLanguage.cookie, value: language, maxAge: 365 * 24 * 3600, path: "/",
                                      secure: configuration.isSecure(request), httpOnly: true, sameSite: .lax))
            return response
        }
    }

    /// A path of this site to come back to, never another site's address.
    ///
    /// Browsers forgive a lot in a `Location` (`//host`, `/\host`, a tab or a line break inside
    /// `/\t/host`): so the path is kept only when it is plain — it starts with one `/`, holds no
    /// backslash, no space or control character, and reads as a URL with neither scheme nor host.
    static func safeReturn(_ value: String?) -> String {
        let home = Section.dashboard.href
        guard let value, value.hasPrefix("/"), !value.hasPrefix("//"), !value.contains("\\"),
              !value.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || CharacterSet.whitespacesAndNewlines.contains($0) }),
              let components = URLComponents(string: value), components.scheme == nil, components.host == nil,
              components.path.hasPrefix("/"), !components.path.hasPrefix("//") else { return home }
        return value
    }
}
