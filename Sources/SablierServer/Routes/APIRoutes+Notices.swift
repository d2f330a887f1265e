import Foundation
import Hummingbird
import SablierApplication
import SablierCore
import SablierMail

/// Notices to each détenteur (`POST /api/v1/notices`) and users' e-mail addresses
/// (`PUT /api/v1/users/{name}/email`).
///
/// Over the API notices are composed and returned, never sent: the server holds no mail
/// transport, and sending stays the nightly `sablier notify`'s (docs/DEPLOYMENT.md), so that
/// a web request cannot make Sablier write to every détenteur.
extension APIRoutes {
    struct NoticeForm: Decodable, Sendable {
        var asOf: String?
        var days: Int?
        var dryRun: Bool?
        var from: String?
    }

    struct EmailForm: Decodable, Sendable { var email: String? }

    func addNotices(to api: RouterGroup<APIRequestContext>) {
        api.post("notices") { request, context -> Response in
            let form = try await request.json(NoticeForm.self, context: context)
            let run = try await sablier.sendNotices(try context.session, asOf: try CivilDate.requestValue(form.asOf, field: "asOf"), days: form.days ?? 30,
                                                    from: form.from ?? Self.serverSender(), transport: nil,
                                                    dryRun: form.dryRun)
            return try json(run)
        }
        api.put("users/:name/email") { request, context -> Response in
            let form = try await request.json(EmailForm.self, context: context)
            return try json(try await sablier.setUserEmail(try context.session, try context.parameters.text("name"), email: form.email))
        }
    }

    /// `sablier@HOST` for the host's full name, or `sablier@localhost.localdomain` when it has
    /// none: a dry run's sender is only shown.
    static func serverSender() -> String {
        let guess = HostSender.guess()
        return EmailAddress.isAcceptable(guess) ? guess : "sablier@localhost.localdomain"
    }
}
