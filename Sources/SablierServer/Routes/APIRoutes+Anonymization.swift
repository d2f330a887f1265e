import Hummingbird
import SablierApplication
import SablierCore

/// Anonymised copies: made and registered (`privacy anonymize`), then signed off by the AIPRP
/// officer (`privacy sign-off`) before the original may be destroyed.
extension APIRoutes {
    struct AnonymizedCopyForm: Decodable, Sendable {
        var rule: String; var holder: String; var copy: String?; var reference: String?; var title: String?; var note: String
    }
    struct SignOffForm: Decodable, Sendable { var note: String }

    func addAnonymization(to api: RouterGroup<APIRequestContext>) {
        api.post("privacy/documents/:reference/anonymized-copy") { request, context -> Response in
            let form = try await request.json(AnonymizedCopyForm.self, context: context)
            return try json(try await sablier.anonymizeDocument(try context.session, try context.parameters.text("reference"), rule: form.rule,
                                                                holder: form.holder, copy: form.copy ?? "principal",
                                                                copyReference: form.reference, title: form.title, note: form.note),
                            status: .created)
        }
        api.post("privacy/documents/:reference/anonymized-copy/sign-off") { request, context -> Response in
            let form = try await request.json(SignOffForm.self, context: context)
            return try json(try await sablier.signOffAnonymization(try context.session, try context.parameters.text("reference"), note: form.note))
        }
    }
}
