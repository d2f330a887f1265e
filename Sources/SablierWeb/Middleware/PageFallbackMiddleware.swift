import Hummingbird
import SablierServer

/// What the router itself answers for a page address — none there (a mistyped or outdated link
/// from an e-mail), or not with that method — as a page in the browser's language rather than as
/// the API's JSON.
///
/// Only paths outside `/api/` and `/healthz`: scripts keep the API's error body.
struct PageFallbackMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where (error.status == .notFound || error.status == .methodNotAllowed)
                    && Self.isPage(request.uri.path) {
            let key = error.status == .notFound ? "error_not_found" : "error_method"
            let view = WebPages.frame(title: "error_title",
                                      content: ErrorView(message: Labels.text(key, PageLanguage.of(request)), status: Int(error.status.code)),
                                      request, context)
            return renderer.response("error", view, status: error.status)
        }
    }

    static func isPage(_ path: String) -> Bool {
        !(path.hasPrefix("/api/") || path == "/api" || path.hasPrefix("/healthz") || path.hasPrefix("/static/"))
    }
}
