import Foundation
public import Hummingbird
import SablierCore

/// Reading a request's query and path values as the use cases take them, each mistake a
/// refusal naming the field, as the command line's parsing does.
extension Request {
    /// A query value, nil when absent or empty.
    func query(_ name: String) -> String? {
        guard let value = uri.queryParameters[Substring(name)], !value.isEmpty else { return nil }
        return String(value)
    }

    func queryDate(_ name: String) throws(Refusal) -> CivilDate? {
        try CivilDate.requestValue(query(name), field: name)
    }

    func queryInt(_ name: String) throws(Refusal) -> Int? {
        guard let text = query(name) else { return nil }
        guard let value = Int(text) else { throw Refusal(.invalidValue, ["field": name, "value": text, "allowed": "0-9"]) }
        return value
    }

    func queryFlag(_ name: String) throws(Refusal) -> Bool {
        guard let text = query(name) else { return false }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw Refusal(.invalidValue, ["field": name, "value": text, "allowed": "true, false"])
        }
    }

    func queryEnum<Value: RawRepresentable & CaseIterable>(_ name: String, _: Value.Type) throws(Refusal) -> Value? where Value.RawValue == String {
        guard let text = query(name) else { return nil }
        return try Value.parse(text, field: name)
    }

    /// The JSON body as `type`; a body that is not that JSON is a 400 naming what is wrong.
    /// A JSON body, sent as `application/json`: a page of another site can post a form
    /// (`text/plain`, `x-www-form-urlencoded`) without asking, but not JSON, so a sign-in or
    /// a change cannot be forged from one.
    func json<Body: Decodable>(_ type: Body.Type, context: APIRequestContext) async throws -> Body {
        let contentType = headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            throw ProtocolError(status: .unsupportedMediaType, code: "http.unsupported-media-type",
                                fr: "le corps de la requête doit être du JSON (Content-Type: application/json)",
                                en: "the request body must be JSON (Content-Type: application/json)")
        }
        do {
            return try await decode(as: type, context: context)
        } catch let error as DecodingError {
            throw ProtocolError.badRequest(Self.describe(error))
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "missing \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type for \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : "bad value for \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        @unknown default: return "not the expected JSON"
        }
    }
}

extension RawRepresentable where Self: CaseIterable, RawValue == String {
    /// One of the type's codes, else a refusal listing them.
    static func parse(_ text: String, field: String) throws(Refusal) -> Self {
        guard let value = Self(rawValue: text) else {
            throw Refusal(.invalidValue, ["field": field, "value": text, "allowed": allCases.map(\.rawValue).joined(separator: ", ")])
        }
        return value
    }
}

extension Parameters {
    /// A path value (`{reference}`, `{n}`), percent-decoded once: Hummingbird's router matches
    /// and hands over the path as it came (`SG%202026%2F07`), so a reference with a space, a
    /// slash or a `#` reaches the use case only through here. The web pages read theirs the same way.
    public func text(_ name: String) throws -> String {
        let raw = try require(name)
        guard let decoded = raw.removingPercentEncoding else { throw HTTPError(.notFound) }
        return decoded
    }

    /// A numeric path value; another text is not this route.
    func number(_ name: String) throws -> Int {
        guard let value = Int(try require(name)) else { throw HTTPError(.notFound) }
        return value
    }
}

extension CivilDate {
    /// A `YYYY-MM-DD` value of a request, a query parameter or a field of a JSON body: nil when
    /// absent or empty, refused naming `field` when it is no such date.
    static func requestValue(_ text: String?, field: String) throws(Refusal) -> CivilDate? {
        guard let text, !text.isEmpty else { return nil }
        guard let date = CivilDate(iso: text) else { throw Refusal(.invalidValue, ["field": field, "value": text, "allowed": "YYYY-MM-DD"]) }
        return date
    }
}
