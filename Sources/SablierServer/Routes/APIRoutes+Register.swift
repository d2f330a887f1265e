import Foundation
import Hummingbird
import SablierApplication
import SablierCore
import SablierRegister

/// The register: documents, their records and events, CSV imports (an upload), boxes.
extension APIRoutes {
    /// A document to register: the CSV's columns as JSON fields (`eventDate`, `digitizedFrom`…).
    struct DocumentForm: Decodable, Sendable {
        var reference: String
        var title: String
        var rule: String
        var copy: String
        var support: String
        var holder: String
        var opened: String?
        var closed: String?
        var path: String?
        var location: String?
        var building: String?
        var room: String?
        var shelving: String?
        var box: String?
        var event: String?
        var eventDate: String?
        var replaces: String?
        var digitizedFrom: String?
        var identifiers: String?
        var transferred: String?

        var draft: DocumentDraft {
            var draft = DocumentDraft()
            draft.reference = reference; draft.title = title; draft.rule = rule; draft.copy = copy
            draft.support = support; draft.holder = holder; draft.opened = opened ?? ""; draft.closed = closed ?? ""
            draft.path = path ?? ""; draft.location = location ?? ""; draft.building = building ?? ""
            draft.room = room ?? ""; draft.shelving = shelving ?? ""; draft.box = box ?? ""; draft.event = event ?? ""
            draft.eventDate = eventDate ?? ""; draft.replaces = replaces ?? ""; draft.digitizedFrom = digitizedFrom ?? ""
            draft.identifiers = identifiers ?? ""; draft.transferred = transferred ?? ""
            return draft
        }
    }

    struct EventForm: Decodable, Sendable {
        var kind: String
        var on: String?
        var name: String?
        var reason: String?
        var detail: String?
    }

    struct BoxForm: Decodable, Sendable {
        var code: String
        var location: String?
        var contents: String?
        /// The shelf space, in linear metres (`"0.12"`).
        var size: String?
    }

    func addRegister(to api: RouterGroup<APIRequestContext>) {
        // `?query=` is the command line's `--query` (`holder=RH; closed<2020-07-01`).
        api.get("documents") { request, context -> Response in
            let listing = try await sablier.documents(try context.session, query: request.query("query"))
            return try page(listing.documents, request, withheld: listing.withheld)
        }
        api.post("documents") { request, context -> Response in
            let form = try await request.json(DocumentForm.self, context: context)
            return try json(try await sablier.registerDocument(try context.session, form.draft), status: .created)
        }
        // The body is the register CSV, streamed to disk; all or nothing unless `skipInvalid=true`.
        api.post("documents/import") { request, context -> Response in
            let session = try context.session
            let skipInvalid = try request.queryFlag("skipInvalid")
            let name = Self.uploadName(request, default: "registre.csv")
            return try await uploads.receiving(request, named: name) { path in
                try json(try await sablier.importDocuments(session, file: path, named: name, skipInvalid: skipInvalid), status: .created)
            }
        }
        // Another unit's or a confidential document is answered by the use case exactly as a
        // reference that is not registered: `document.not-found`, 404, the same body.
        api.get("documents/:reference") { request, context -> Response in
            try json(try await sablier.document(try context.session, try context.parameters.text("reference"),
                                                asOf: try request.queryDate("asOf")))
        }
        api.get("documents/:reference/explanation") { request, context -> Response in
            try json(try await sablier.explainDocument(try context.session, try context.parameters.text("reference"),
                                                       asOf: try request.queryDate("asOf")))
        }
        api.post("documents/:reference/events") { request, context -> Response in
            let form = try await request.json(EventForm.self, context: context)
            let day = try form.on.map { text throws(Refusal) -> CivilDate in
                guard let date = CivilDate(iso: text) else { throw Refusal(.invalidValue, ["field": "on", "value": text, "allowed": "YYYY-MM-DD"]) }
                return date
            }
            let recorded = try await sablier.recordEvent(try context.session, try context.parameters.text("reference"), kind: form.kind,
                                                         on: day, name: form.name, reason: form.reason, detail: form.detail)
            return try json(recorded, status: .created)
        }
        api.get("boxes") { request, context -> Response in
            try page(try await sablier.boxes(try context.session), request)
        }
        api.post("boxes") { request, context -> Response in
            let form = try await request.json(BoxForm.self, context: context)
            return try json(try await sablier.addBox(try context.session, code: form.code, location: form.location ?? "",
                                                     contents: form.contents, size: form.size), status: .created)
        }
    }
}
