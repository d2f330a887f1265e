import Hummingbird
import Logging
import SablierCore

/// Turns whatever a route throws into the API's error JSON, here rather than in Hummingbird's
/// server, so that the middleware outside it (security headers, the request log) sees every
/// answer, errors included.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return try Self.response(for: error, request: request, context: context)
        }
    }

    static func response(for error: any Error, request: Request, context: Context) throws -> Response {
        switch error {
        case let refusal as Refusal:
            return try APIError(refusal).response(from: request, context: context)
        case let error as APIError:
            return try error.response(from: request, context: context)
        case let error as ProtocolError:
            return try error.response(from: request, context: context)
        case let error as HTTPError:
            return try ProtocolError(error.status).response(from: request, context: context)
        case is DecodingError:
            return try ProtocolError.badRequest("JSON").response(from: request, context: context)
        default:
            // The error's text may hold a value from the store or the request: logged at
            // error level for the operator, never sent to the client.
            context.logger.error("unexpected error", metadata: ["error": "\(String(describing: type(of: error)))"])
            return try ProtocolError(.internalServerError).response(from: request, context: context)
        }
    }
}
