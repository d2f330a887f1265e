import Hummingbird
import SablierApplication
import SablierCore

/// Moved files and events for a cohort: `POST /api/v1/documents/{reference}/relink`,
/// `POST /api/v1/events`.
extension APIRoutes {
    /// The new path of a document's file, and why.
    struct RelinkForm: Decodable, Sendable {
        var path: String
        var reason: String?
    }

    func addRelinks(to api: RouterGroup<APIRequestContext>) {
        api.post("documents/:reference/relink") { request, context -> Response in
            let form = try await request.json(RelinkForm.self, context: context)
            return try json(try await sablier.relinkDocument(try context.session, try context.parameters.text("reference"), path: form.path,
                                                             reason: form.reason))
        }
        // A JSON array, all or nothing: each element is checked as a line of an events file,
        // its position in the array (1 for the first) being its line in the diagnostics.
        api.post("events") { request, context -> Response in
            let events = try await request.json([EventInput].self, context: context)
            let dryRun = try request.queryFlag("dryRun")
            return try json(try await sablier.recordCohortEvents(try context.session, events: events, dryRun: dryRun),
                            status: dryRun ? .ok : .created)
        }
    }
}
