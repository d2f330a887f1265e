import Hummingbird
import HTTPTypes

/// The headers every answer carries, error or not.
///
/// The API serves JSON and CSV only, so the policy can be the strictest one: nothing inline,
/// nothing framed, nothing sniffed, no referrer leaking a reference in a URL, and nothing kept
/// in a cache (an answer names documents and people).
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
    static let xCSRFToken = Self("X-CSRF-Token")!
    static let xForwardedProto = Self("X-Forwarded-Proto")!
    static let xForwardedFor = Self("X-Forwarded-For")!
}
