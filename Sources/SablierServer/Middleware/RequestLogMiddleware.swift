import Foundation
import Hummingbird
import Logging

/// One structured log line per request: method, the route's pattern, status and duration.
///
/// It logs the route's pattern (`/api/v1/documents/{reference}`), never the path, the query
/// or any header: a path can hold a reference, a query a user name, and headers hold the
/// cookie, the bearer token and the CSRF token, none of which may reach a log.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)",
                "route": "\(context.endpointPath ?? "unmatched")",
                "status": "\(response.status.code)",
                "ms": "\(String(format: "%.1f", milliseconds))",
            ])
        return response
    }
}
