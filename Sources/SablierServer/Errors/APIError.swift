public import Hummingbird
import SablierApplication
public import SablierCore

/// A refusal on its way to an HTTP client: the status its kind maps to (README, "Refusals"),
/// or a status of HTTP's own where the table has none (413 for an oversized upload).
///
/// The body is `{"code", "message", "values"?, "diagnostics"?}`: the stable code for programs,
/// the catalogue's sentence in the language of `Accept-Language` (French by default) for
/// people, and the values and diagnostics the sentence was written from.
public struct APIError: HTTPResponseError, Sendable {
    public let refusal: Refusal
    public let status: HTTPResponse.Status

    public init(_ refusal: Refusal, status: HTTPResponse.Status? = nil) {
        self.refusal = refusal
        self.status = status ?? HTTPResponse.Status(code: refusal.kind.httpStatus)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let language = Language(acceptLanguage: request.headers[.acceptLanguage])
        let body = ErrorBody(code: refusal.code.rawValue, message: MessageCatalogue.message(refusal, in: language),
                             values: refusal.values.isEmpty ? nil : refusal.values,
                             diagnostics: refusal.diagnostics.isEmpty ? nil : refusal.diagnostics)
        var response = try APIJSON.response(body, status: status)
        if status == .unauthorized {
            // RFC 6750: a client without valid credentials is told which scheme to use.
            response.headers[.wwwAuthenticate] = "Bearer"
        }
        if refusal.code == .slowDown, let seconds = refusal.values["seconds"] {
            // A script signing in again waits as long as the sign-in policy asks.
            response.headers[.retryAfter] = seconds
        }
        return response
    }
}

/// The JSON of every error the API answers.
public struct ErrorBody: Sendable, Codable, Equatable {
    public var code: String
    public var message: String
    public var values: [String: String]?
    public var diagnostics: [Diagnostic]?
}

/// An answer of HTTP itself rather than of a use case (an unknown route, a method the route
/// does not take, a malformed body), in the same shape as refusals.
struct ProtocolError: HTTPResponseError, Sendable {
    let status: HTTPResponse.Status
    /// `http.not-found`, `http.method-not-allowed`, `http.bad-request`…: stable, like refusal codes.
    let code: String
    let fr: String
    let en: String

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let language = Language(acceptLanguage: request.headers[.acceptLanguage])
        return try APIJSON.response(ErrorBody(code: code, message: language == .fr ? fr : en, values: nil, diagnostics: nil),
                                    status: status)
    }

    /// Hummingbird's own errors (no route, body too large for a form…), in the API's shape.
    init(_ status: HTTPResponse.Status) {
        self.status = status
        switch status {
        case .badRequest:
            code = "http.bad-request"; fr = "requête mal formée"; en = "malformed request"
        case .notFound:
            code = "http.not-found"; fr = "aucune ressource à cette adresse"; en = "nothing at this address"
        case .methodNotAllowed:
            code = "http.method-not-allowed"; fr = "cette adresse n'accepte pas cette méthode"; en = "this address does not take this method"
        case .contentTooLarge:
            code = "http.content-too-large"; fr = "le corps de la requête est trop grand"; en = "the request body is too large"
        case .unsupportedMediaType:
            code = "http.unsupported-media-type"; fr = "ce type de contenu n'est pas accepté"; en = "this content type is not accepted"
        case .internalServerError:
            code = "http.internal-error"; fr = "erreur interne du serveur ; rien n'a été modifié"
            en = "internal server error; nothing was changed"
        default:
            code = "http.\(status.code)"; fr = status.reasonPhrase; en = status.reasonPhrase
        }
    }

    /// A body that is not the JSON the route reads.
    static func badRequest(_ detail: String) -> ProtocolError {
        ProtocolError(status: .badRequest, code: "http.bad-request", fr: "requête mal formée : \(detail)", en: "malformed request: \(detail)")
    }

    init(status: HTTPResponse.Status, code: String, fr: String, en: String) {
        self.status = status; self.code = code; self.fr = fr; self.en = en
    }
}
