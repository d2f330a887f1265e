import Foundation
import Hummingbird
import SablierApplication
import SablierCore
import SablierServer

/// `/connexion` (sign in), `/langue` (the language switch), and `/` to the dashboard: the
/// pages anyone may reach.
extension WebPages {
    struct SignInForm: Decodable { var name: String; var password: String; var suite: String?; var _signin: String? }

    /// The sign-in form's own token, against login CSRF (another site's page signing a browser in
    /// as the attacker, to collect what the victim then types): the form carries it in
    /// `_signin`, and a cookie only this site's pages can set carries it too; a sign-in whose two
    /// differ is refused before any password is checked.
    enum SignInToken {
        static let cookie = "sablier_signin"

        static func set(_ token: String, secure: Bool) -> Cookie {
            Cookie(name: cookie, value: token, maxAge: 3600, path: "/connexion", secure: secure, httpOnly: true, sameSite: .strict)
        }
    }

    /// The sign-in page's content.
    struct SignInView {
        var token: String
        var name: String
        var suite: String
        var form: FormState
        var signedOut: Bool
    }

    func addSignIn(to router: RouterGroup<APIRequestContext>) {
        router.get("/") { _, _ in Self.redirect(Section.dashboard.href) }
        router.get("connexion") { request, context -> Response in
            let token = RandomToken.make()
            let view = SignInView(token: token, name: "", suite: Self.safeReturn(request.uri.queryParameters.get("suite")), form: FormState(),
                                  signedOut: request.uri.queryParameters.get("fin") != nil)
            var response = page("sign-in", title: "sign_in_title", content: view, request, context)
            response.setCookie(SignInToken.set(token, secure: configuration.isSecure(request)))
            return response
        }
        router.post("connexion") { request, context -> Response in
            let form = try await PageForm.decode(SignInForm.self, request)
            guard CSRFToken.matches(sent: form._signin ?? "", expected: request.cookies[SignInToken.cookie]?.value ?? "") else {
                throw PageFailure.csrf
            }
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
                let token = RandomToken.make()
                let view = SignInView(token: token, name: form.name, suite: suite, form: state, signedOut: false)
                var response = page("sign-in", title: "sign_in_title", content: view, request, context,
                                    status: HTTPResponse.Status(code: refusal.kind.httpStatus))
                response.setCookie(SignInToken.set(token, secure: configuration.isSecure(request)))
                return response
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
