import Foundation
import Hummingbird
import SablierApplication
import SablierCore

/// Personal information: rules, scans of registered documents, the review queue, public identifiers.
///
/// `privacy scan FILE…` (files outside the register, read from the server's disk) has no
/// route: a path sent over HTTP would let a caller make the server read any file it can.
extension APIRoutes {
    struct RulePrivacyForm: Decodable, Sendable { var personalInformation: Bool; var measure: String?; var note: String? }
    struct ScanForm: Decodable, Sendable { var document: String?; var all: Bool?; var force: Bool? }
    struct ReviewForm: Decodable, Sendable { var decision: String; var measure: String?; var note: String }
    struct PublicIdentifierForm: Decodable, Sendable { var kind: String; var value: String; var note: String? }
    /// The public identifier declared, as stored, with what scanning again the documents
    /// flagged by a letterhead's kinds alone did — the counts `privacy public add` prints — and
    /// why each document not scanned again was not, in the language of `Accept-Language`.
    struct PublicIdentifierAdded: Encodable, Sendable {
        var kind: PublicIdentifier.Kind
        var value: String
        var note: String?
        var addedAt: Date
        var addedBy: String
        var rescanned: Int
        var leftQueue: Int
        var notRescanned: Int
        var rescanProblems: [ErrorBody]
    }

    func addPrivacy(to api: RouterGroup<APIRequestContext>) {
        api.get("privacy/rules") { request, context -> Response in
            try page(try await sablier.privacyRules(try context.session, flaggedOnly: try request.queryFlag("flaggedOnly")), request)
        }
        api.put("privacy/rules/:rule") { request, context -> Response in
            let form = try await request.json(RulePrivacyForm.self, context: context)
            let measure = try form.measure.map { text throws(Refusal) in try PersonalInformationMeasure.parse(text, field: "measure") }
            return try json(try await sablier.confirmRulePrivacy(try context.session, rule: try context.parameters.text("rule"),
                                                                 personalInformation: form.personalInformation, measure: measure, note: form.note))
        }
        api.post("privacy/scans") { request, context -> Response in
            let form = try await request.json(ScanForm.self, context: context)
            let target: PrivacyScanTarget
            switch (form.document, form.all ?? false) {
            case (let reference?, false): target = .document(reference)
            case (nil, true): target = .all
            default: throw Refusal(.invalidValue, ["field": "target", "value": "", "allowed": "document | all"])
            }
            // An action, not a list: the whole report.
            return try json(try await sablier.scanPrivacy(try context.session, target, force: form.force ?? false))
        }
        api.get("privacy/queue") { request, context -> Response in
            let queue = try await sablier.privacyQueue(try context.session, includingDecided: try request.queryFlag("includeDecided"))
            return try page(queue.entries, request, withheld: queue.withheld)
        }
        api.get("privacy/documents/:reference") { _, context -> Response in
            try json(try await sablier.privacyShow(try context.session, try context.parameters.text("reference")))
        }
        api.post("privacy/documents/:reference/review") { request, context -> Response in
            let form = try await request.json(ReviewForm.self, context: context)
            let decision = try PrivacyDecision.parse(form.decision, field: "decision")
            let measure = try form.measure.map { text throws(Refusal) in try PersonalInformationMeasure.parse(text, field: "measure") }
            return try json(try await sablier.reviewPrivacy(try context.session, try context.parameters.text("reference"),
                                                            decision: decision, measure: measure, note: form.note), status: .created)
        }
        api.get("privacy/public-identifiers") { request, context -> Response in
            try page(try await sablier.publicIdentifiers(try context.session), request)
        }
        // Reads every registered document's text: an action's whole result, not a page.
        api.get("privacy/public-identifiers/suggestions") { request, context -> Response in
            try json(try await sablier.suggestPublicIdentifiers(
                try context.session, minDocuments: try request.queryInt("minDocuments") ?? Sablier.suggestionMinDocuments,
                minUnits: try request.queryInt("minUnits") ?? Sablier.suggestionMinUnits))
        }
        api.post("privacy/public-identifiers") { request, context -> Response in
            let form = try await request.json(PublicIdentifierForm.self, context: context)
            let kind = try PublicIdentifier.Kind.parse(form.kind, field: "kind")
            let added = try await sablier.addPublicIdentifiers(try context.session, [(kind, form.value)], note: form.note)
            let identifier = added.identifiers[0]
            let language = Language(acceptLanguage: request.headers[.acceptLanguage])
            let problems = added.rescanProblems.map {
                ErrorBody(code: $0.code.rawValue, message: MessageCatalogue.message($0, in: language), values: $0.values.isEmpty ? nil : $0.values,
                          diagnostics: nil)
            }
            return try json(PublicIdentifierAdded(kind: identifier.kind, value: identifier.value, note: identifier.note,
                                                  addedAt: identifier.addedAt, addedBy: identifier.addedBy, rescanned: added.rescanned,
                                                  leftQueue: added.leftQueue, notRescanned: added.notRescanned, rescanProblems: problems),
                            status: .created)
        }
        api.delete("privacy/public-identifiers/:kind/:value") { _, context -> Response in
            let kind = try PublicIdentifier.Kind.parse(try context.parameters.text("kind"), field: "kind")
            _ = try await sablier.removePublicIdentifier(try context.session, kind: kind, value: try context.parameters.text("value"))
            return Response(status: .noContent)
        }
    }
}
