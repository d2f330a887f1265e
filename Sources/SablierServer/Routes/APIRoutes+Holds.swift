import Hummingbird
import SablierApplication
import SablierCore

/// Legal holds: `GET/POST /api/v1/holds`, `POST /api/v1/holds/{id}/release`.
extension APIRoutes {
    /// Exactly one of `document`, `rule`, `query`, and the reason.
    struct HoldForm: Decodable, Sendable {
        var document: String?
        var rule: String?
        var query: String?
        var reason: String
    }

    struct ReasonForm: Decodable, Sendable { var reason: String }

    func addHolds(to api: RouterGroup<APIRequestContext>) {
        api.get("holds") { request, context -> Response in
            let listing = try await sablier.holds(try context.session, includingReleased: try request.queryFlag("includeReleased"))
            return try page(listing.holds, request, withheld: listing.withheld)
        }
        api.post("holds") { request, context -> Response in
            let form = try await request.json(HoldForm.self, context: context)
            let target: HoldTarget
            switch (form.document, form.rule, form.query) {
            case (let document?, nil, nil): target = .document(document)
            case (nil, let rule?, nil): target = .rule(rule)
            case (nil, nil, let query?): target = .query(query)
            default: throw Refusal(.invalidValue, ["field": "target", "value": "", "allowed": "document | rule | query"])
            }
            return try json(try await sablier.placeHold(try context.session, on: target, reason: form.reason), status: .created)
        }
        api.post("holds/:id/release") { request, context -> Response in
            let form = try await request.json(ReasonForm.self, context: context)
            return try json(try await sablier.releaseHold(try context.session, try context.parameters.number("id"), reason: form.reason))
        }
    }
}
