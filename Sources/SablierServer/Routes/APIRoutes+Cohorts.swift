import Hummingbird
import SablierApplication
import SablierCore

/// Acting on many documents at once, as the command line does: a moved folder
/// (`POST /api/v1/relinks`, `document relink --from-dir --to-dir`) and one event for every
/// document a query selects (`POST /api/v1/events/query`, `document event --query`).
extension APIRoutes {
    /// A moved folder. `toDir` is read on the server's disk, held to the folders the register
    /// reads (`roots`) as the one-file relink's `path` is; `fromDir` is only compared with the
    /// paths recorded.
    struct TreeRelinkForm: Decodable, Sendable {
        var fromDir: String
        var toDir: String
        var reason: String?
        var dryRun: Bool?
    }

    /// One event for a query's cohort. Without `confirm`, the cohort is only previewed: how
    /// many documents, and which, nothing written; a person sees it before acting on it.
    struct CohortQueryForm: Decodable, Sendable {
        var query: String
        var kind: String
        var on: String?
        var name: String?
        var reason: String?
        var confirm: Bool?
    }

    func addCohorts(to api: RouterGroup<APIRequestContext>) {
        api.post("relinks") { request, context -> Response in
            let form = try await request.json(TreeRelinkForm.self, context: context)
            return try json(try await sablier.relinkTree(try context.session, from: form.fromDir, to: form.toDir,
                                                         dryRun: form.dryRun ?? false, reason: form.reason))
        }
        api.post("events/query") { request, context -> Response in
            let form = try await request.json(CohortQueryForm.self, context: context)
            let confirm = form.confirm ?? false
            let cohort = try await sablier.recordEvents(try context.session, query: form.query, kind: form.kind,
                                                        on: try CivilDate.requestValue(form.on, field: "on"), name: form.name, reason: form.reason,
                                                        confirm: confirm)
            return try json(cohort, status: confirm ? .created : .ok)
        }
    }
}
