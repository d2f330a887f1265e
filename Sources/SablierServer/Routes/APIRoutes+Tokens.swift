import Hummingbird
import SablierApplication
import SablierCore

/// API tokens and password resets, for the RSI (`users.manage`), as `sablier token …` and
/// `sablier user password` do on the command line.
extension APIRoutes {
    struct TokenForm: Decodable, Sendable { var user: String; var name: String; var expires: String? }
    struct NewPasswordForm: Decodable, Sendable { var password: String }

    func addTokens(to api: RouterGroup<APIRequestContext>) {
        api.get("tokens") { request, context -> Response in
            try page(try await sablier.tokens(try context.session), request)
        }
        // The token's secret is in this answer only; it is stored as a hash.
        api.post("tokens") { request, context -> Response in
            let form = try await request.json(TokenForm.self, context: context)
            let expires = try form.expires.map { text throws(Refusal) -> CivilDate in
                guard let date = CivilDate(iso: text) else { throw Refusal(.invalidValue, ["field": "expires", "value": text, "allowed": "YYYY-MM-DD"]) }
                return date
            }
            return try json(try await sablier.createToken(try context.session, for: form.user, name: form.name, expires: expires),
                            status: .created)
        }
        api.post("tokens/:id/revoke") { _, context -> Response in
            try json(try await sablier.revokeToken(try context.session, try context.parameters.number("id")))
        }
        // The RSI's reset: the user must change it at their next sign-in; their sessions end.
        api.put("users/:name/password") { request, context -> Response in
            let form = try await request.json(NewPasswordForm.self, context: context)
            try await sablier.setPassword(try context.session, of: try context.parameters.text("name"), to: form.password)
            return Response(status: .noContent)
        }
    }
}
