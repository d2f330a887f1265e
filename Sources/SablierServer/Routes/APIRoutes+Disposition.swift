import Hummingbird
import SablierApplication
import SablierCore

/// Disposition lists: proposed, sorted, approved by another person, executed or cancelled.
extension APIRoutes {
    struct ProposeForm: Decodable, Sendable { var asOf: String?; var action: String? }
    struct DecisionForm: Decodable, Sendable { var reference: String; var decision: String; var reason: String }
    struct ExecuteForm: Decodable, Sendable { var method: String?; var vendorCertificate: String? }

    func addDisposition(to api: RouterGroup<APIRequestContext>) {
        api.get("disposition-lists") { request, context -> Response in
            try page(try await sablier.dispositionLists(try context.session), request)
        }
        api.post("disposition-lists") { request, context -> Response in
            let form = try await request.json(ProposeForm.self, context: context)
            let asOf = try form.asOf.map { text throws(Refusal) -> CivilDate in
                guard let date = CivilDate(iso: text) else { throw Refusal(.invalidValue, ["field": "asOf", "value": text, "allowed": "YYYY-MM-DD"]) }
                return date
            }
            let action = try form.action.map { text throws(Refusal) in try DueAction.parse(text, field: "action") }
            return try json(try await sablier.proposeDisposition(try context.session, asOf: asOf, action: action), status: .created)
        }
        api.get("disposition-lists/:n") { _, context -> Response in
            try json(try await sablier.dispositionDetail(try context.session, list: try context.parameters.number("n")))
        }
        api.get("disposition-lists/:n/certificate") { _, context -> Response in
            try json(try await sablier.dispositionCertificate(try context.session, list: try context.parameters.number("n")))
        }
        api.post("disposition-lists/:n/decisions") { request, context -> Response in
            let form = try await request.json(DecisionForm.self, context: context)
            let decision = try SortDecision.parse(form.decision, field: "decision")
            return try json(try await sablier.decideSort(try context.session, list: try context.parameters.number("n"),
                                                         reference: form.reference, decision: decision, reason: form.reason))
        }
        api.post("disposition-lists/:n/approve") { _, context -> Response in
            try json(try await sablier.approveDisposition(try context.session, list: try context.parameters.number("n")))
        }
        api.post("disposition-lists/:n/cancel") { request, context -> Response in
            let form = try await request.json(ReasonForm.self, context: context)
            return try json(try await sablier.cancelDisposition(try context.session, list: try context.parameters.number("n"), reason: form.reason))
        }
        api.post("disposition-lists/:n/execute") { request, context -> Response in
            let form = try await request.json(ExecuteForm.self, context: context)
            return try json(try await sablier.executeDisposition(try context.session, list: try context.parameters.number("n"),
                                                                 method: form.method, vendorCertificate: form.vendorCertificate))
        }
    }
}
