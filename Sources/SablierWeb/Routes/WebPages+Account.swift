import Foundation
import Hummingbird
import SablierApplication
import SablierCore
import SablierServer

/// `/compte` (who am I), `/compte/mot-de-passe` (change it), `/deconnexion` (sign out).
extension WebPages {
    struct PasswordForm: Decodable { var current: String; var new: String; var confirm: String }

    struct AccountView {
        var mustChange: Bool
        var form: FormState
    }

    func addAccount(to router: RouterGroup<APIRequestContext>) {
        router.get("compte") { request, context -> Response in
            page("account", title: "account", content: AccountView(mustChange: false, form: FormState()), request, context)
        }
        router.get("compte/mot-de-passe") { request, context -> Response in
            page("password", title: "password_title", content: AccountView(mustChange: mustChange(context), form: FormState()),
                 request, context)
        }
        router.post("compte/mot-de-passe") { request, context -> Response in
            let form = try await PageForm.decode(PasswordForm.self, request)
            var state = FormState()
            if form.new != form.confirm {
                state.add(label: "password_mismatch", field: "confirm", language(request))
            } else {
                let session = try session(context)
                switch await outcome({ () async throws(Refusal) in
                    try await authority.changePassword(session, current: form.current, new: form.new)
                }) {
                case .success:
                    // A new password ends the person's sessions, this one too: they sign in with it.
                    var response = redirect("/connexion", done: "password_changed")
                    response.setCookie(SessionCookie.cleared(secure: configuration.isSecure(request)))
                    return response
                case .failure(let refusal):
                    state.add(refusal, field: refusal.code == .wrongPassword ? "current" : "new", language(request))
                }
            }
            return page("password", title: "password_title", content: AccountView(mustChange: mustChange(context), form: state),
                        request, context, status: .unprocessableContent)
        }
        router.post("deconnexion") { request, context -> Response in
            if case .cookie(let secret, _, _) = context.identity?.credential {
                try await authority.signOut(secret: secret)
            }
            var response = redirect("/connexion?fin=1")
            response.setCookie(SessionCookie.cleared(secure: configuration.isSecure(request)))
            return response
        }
    }

    func mustChange(_ context: APIRequestContext) -> Bool {
        if case .cookie(_, _, let must) = context.identity?.credential { return must }
        return false
    }
}
