import Foundation
import Hummingbird
import Logging
import SablierApplication
import SablierCore
import SablierServer

/// What a page route may fail with besides a use case's `Refusal`.
enum PageFailure: Error {
    /// The posted form is not the one the route reads.
    case form
    /// The form's `_csrf` does not match the session's.
    case csrf
    /// No page at this address (a list, a document, a version that does not exist or is not
    /// the reader's to see: the two look the same).
    case notFound
}

/// Turns what a page route throws into an HTML page in the page's language: a refusal's
/// sentence from the application's catalogue, with the HTTP status its kind maps to.
///
/// Forms that can be refused catch their refusal themselves and show it next to the field
/// (`FormState`); this is for the rest. An unexpected error is logged by its type only and
/// shown as an internal error: its text may hold a value from the store.
struct PageErrorMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let language = PageLanguage.of(request)
            let (status, message): (HTTPResponse.Status, String)
            switch error {
            case let refusal as Refusal:
                if refusal.kind == .unauthenticated { return PageSessionMiddleware.toSignIn(request) }
                (status, message) = (HTTPResponse.Status(code: refusal.kind.httpStatus), MessageCatalogue.message(refusal, in: language))
            case let error as APIError:
                (status, message) = (error.status, MessageCatalogue.message(error.refusal, in: language))
            case PageFailure.form:
                (status, message) = (.badRequest, Labels.text("error_form", language))
            case PageFailure.csrf:
                (status, message) = (.forbidden, Labels.text("error_csrf", language))
            case PageFailure.notFound:
                (status, message) = (.notFound, Labels.text("error_not_found", language))
            case let error as HTTPError where error.status == .contentTooLarge:
                (status, message) = (.contentTooLarge, Labels.text("error_too_large", language))
            case let error as HTTPError:
                // HTTP's own answers (a body that is no form, a method the page does not take), in words.
                let key = switch error.status {
                case .badRequest: "error_form"
                case .notFound: "error_not_found"
                case .methodNotAllowed: "error_method"
                default: "error_http"
                }
                (status, message) = (error.status, Labels.text(key, language))
            default:
                context.logger.error("unexpected error on a page", metadata: ["error": "\(String(describing: type(of: error)))"])
                (status, message) = (.internalServerError, Labels.text("error_internal", language))
            }
            let view = WebPages.frame(title: "error_title", content: ErrorView(message: message, status: Int(status.code)), request, context)
            return renderer.response("error", view, status: status)
        }
    }
}

/// The error page's content.
struct ErrorView {
    let message: String
    let status: Int
}
