import Foundation
import Hummingbird
import SablierApplication
import SablierCore
import SablierServer

/// `/travaux/ID`: how far a long piece of work is, then its result or its refusal.
extension WebPages {
    struct JobView {
        var title: String
        var running: Bool
        var done: Bool
        var refused: Bool
        var started: String
        var progress: Int?
        var total: Int?
        var percent: Int?
        var resultPath: String?
        var message: String?
        var diagnostics: [DiagnosticView]
    }

    func addJobs(to router: RouterGroup<APIRequestContext>) {
        router.get("travaux/:id") { request, context -> Response in
            let user = try session(context).user.name
            guard let id = context.parameters.get("id"), let job = jobs.job(id, owner: user) else { throw PageFailure.notFound }
            let language = language(request)
            var view = JobView(title: Labels.text(job.titleKey, language), running: false, done: false, refused: false,
                               started: WebFormat.time(job.started), progress: nil, total: nil, percent: nil, resultPath: nil,
                               message: nil, diagnostics: [])
            if job.total > 0 {
                view.progress = job.done; view.total = job.total; view.percent = job.done * 100 / job.total
            }
            switch job.state {
            case .running:
                view.running = true
            case .done(let path, let key):
                view.done = true
                view.resultPath = path
                view.message = key.map { Labels.text($0, language) }
            case .refused(let refusal):
                view.refused = true
                view.message = MessageCatalogue.message(refusal, in: language)
                view.diagnostics = refusal.diagnostics.map { DiagnosticView($0, language) }
            }
            return page("job", title: "job_title", content: view, request, context, refreshSeconds: view.running ? 2 : nil)
        }
    }

    /// Starts `work` as a job of the person signed in, and sends the browser to its page.
    func startJob(_ context: APIRequestContext, titleKey: String, single: Bool = false,
                  _ work: @escaping @Sendable (_ report: @escaping @Sendable (Int, Int) -> Void) async throws(Refusal) -> (String, String?))
        throws -> Response {
        let id = jobs.start(owner: try session(context).user.name, titleKey: titleKey, single: single, now: sablier.clock.now, work)
        return redirect("/travaux/\(id)")
    }
}
