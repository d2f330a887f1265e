import Hummingbird
import SablierApplication
import SablierCore

/// A box's moves: `POST /api/v1/boxes/{code}/moves` (`box move`) and
/// `GET /api/v1/boxes/{code}/history` (`box history`), the same use cases as the command line.
extension APIRoutes {
    /// Where the box goes (`building / room / shelving`), the day (`YYYY-MM-DD`, today when
    /// absent) and why.
    struct BoxMoveForm: Decodable, Sendable {
        var to: String
        var on: String?
        var reason: String
    }

    func addBoxes(to api: RouterGroup<APIRequestContext>) {
        api.post("boxes/:code/moves") { request, context -> Response in
            let form = try await request.json(BoxMoveForm.self, context: context)
            let move = try await sablier.moveBox(try context.session, try context.parameters.text("code"), to: form.to,
                                                 on: try CivilDate.requestValue(form.on, field: "on"), reason: form.reason)
            return try json(move, status: .created)
        }
        api.get("boxes/:code/history") { request, context -> Response in
            try page(try await sablier.boxHistory(try context.session, try context.parameters.text("code")), request)
        }
    }
}
