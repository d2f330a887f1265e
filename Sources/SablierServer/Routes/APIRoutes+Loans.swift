import Hummingbird
import SablierApplication
import SablierCore

/// Loans of paper files: `GET/POST /api/v1/loans`, `POST /api/v1/loans/{id}/return`.
extension APIRoutes {
    /// One of `document`, `box`; `to` is `PERSON` or `PERSON/UNIT`; days are `YYYY-MM-DD`.
    struct LoanForm: Decodable, Sendable {
        var document: String?
        var box: String?
        var to: String
        var due: String
        var on: String?
        var reason: String?
    }

    struct LoanReturnForm: Decodable, Sendable {
        var on: String?
        var note: String?
    }

    func addLoans(to api: RouterGroup<APIRequestContext>) {
        api.get("loans") { request, context -> Response in
            let listing = try await sablier.loans(try context.session, overdueOnly: try request.queryFlag("overdue"),
                                                  includingReturned: try request.queryFlag("all"), asOf: try request.queryDate("asOf"))
            return try page(listing.loans, request, withheld: listing.withheld)
        }
        api.post("loans") { request, context -> Response in
            let form = try await request.json(LoanForm.self, context: context)
            let subject: Loan.Subject
            switch (form.document, form.box) {
            case (let document?, nil): subject = .document(document)
            case (nil, let box?): subject = .box(box)
            default: throw Refusal(.invalidValue, ["field": "document", "value": "", "allowed": "document | box"])
            }
            guard let due = try CivilDate.requestValue(form.due, field: "due") else { throw Refusal.empty("due") }
            let loan = try await sablier.lend(try context.session, subject, to: form.to, due: due, on: try CivilDate.requestValue(form.on, field: "on"),
                                              reason: form.reason)
            return try json(loan, status: .created)
        }
        api.post("loans/:id/return") { request, context -> Response in
            let form = try await request.json(LoanReturnForm.self, context: context)
            return try json(try await sablier.returnLoan(try context.session, .loan(try context.parameters.number("id")),
                                                         on: try CivilDate.requestValue(form.on, field: "on"), note: form.note))
        }
    }
}
