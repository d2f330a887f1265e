import Hummingbird
import SablierServer

/// An address that is neither a page nor the API's answers as a page in a browser's language
/// (a mistyped or outdated link from an e-mail), rather than as the API's JSON.
///
/// Only paths outside `/api/` and `/healthz`: scripts keep the API's error body.
struct PageNotFoundMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && Self.isPage(request.uri.path) {
            let view = WebPages.frame(title: "error_title",
                                      content: ErrorView(message: Labels.text("error_not_found", PageLanguage.of(request)), status: 404),
                                      request, context)
            return renderer.response("error", view, status: .notFound)
        }
    }

    static func isPage(_ path: String) -> Bool {
        !(path.hasPrefix("/api/") || path == "/api" || path.hasPrefix("/healthz") || path.hasPrefix("/static/"))
    }
}
