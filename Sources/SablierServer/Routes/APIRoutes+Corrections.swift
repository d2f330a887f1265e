import Hummingbird
import SablierApplication
import SablierCore

/// Corrections and reclassification: `POST /api/v1/documents/{reference}/corrections`,
/// `POST /api/v1/reclassifications`.
extension APIRoutes {
    /// One of `references`, `query`, `rule` (the use case refuses none or several); the rule
    /// moved to, the copy, the reason.
    struct ReclassificationForm: Decodable, Sendable {
        var references: [String]?
        var query: String?
        var rule: String?
        var to: String
        var copy: String?
        var reason: String
        var dryRun: Bool?
    }

    func addCorrections(to api: RouterGroup<APIRequestContext>) {
        api.post("documents/:reference/corrections") { request, context -> Response in
            let form = try await request.json(CorrectionForm.self, context: context)
            let reference = try context.parameters.text("reference")
            return try json(try await sablier.correctDocument(try context.session, reference, form))
        }
        api.post("reclassifications") { request, context -> Response in
            let form = try await request.json(ReclassificationForm.self, context: context)
            let dryRun = form.dryRun ?? false
            let result = try await sablier.reclassifyDocuments(try context.session, references: form.references, query: form.query,
                                                               rule: form.rule, to: form.to, copy: form.copy, reason: form.reason,
                                                               dryRun: dryRun)
            return try json(result, status: dryRun ? .ok : .created)
        }
    }
}
