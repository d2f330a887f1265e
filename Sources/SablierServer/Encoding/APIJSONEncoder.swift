import Foundation
public import Hummingbird

/// The API's JSON: the same encoding as the command line's `--format json` (sorted keys, ISO
/// 8601 dates, slashes unescaped), served as `application/json; charset=utf-8`.
///
/// `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026`. They can only occur inside
/// JSON strings, so the value is unchanged for any JSON reader; but a title holding
/// `<script>` can then never be read as markup by a browser that sniffs, or by a page that
/// embeds the response.
public struct APIJSONEncoder: ResponseEncoder {
    public init() {}

    public func encode(_ value: some Encodable, from request: Request, context: some RequestContext) throws -> Response {
        Response(status: .ok, headers: [.contentType: APIJSON.contentType], body: .init(byteBuffer: ByteBuffer(bytes: try APIJSON.encode(value))))
    }
}

/// Encoding values as the API writes them.
public enum APIJSON {
    public static let contentType = "application/json; charset=utf-8"

    /// The value as JSON bytes, markup characters escaped.
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return escapingMarkup(try encoder.encode(value))
    }

    /// `<`, `>`, `&` as `\u00XX`: outside strings JSON has none of them, so bytes suffice.
    static func escapingMarkup(_ data: some Sequence<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.underestimatedCount + 16)
        for byte in data {
            switch byte {
            case UInt8(ascii: "<"): out.append(contentsOf: Array(#"\u003c"#.utf8))
            case UInt8(ascii: ">"): out.append(contentsOf: Array(#"\u003e"#.utf8))
            case UInt8(ascii: "&"): out.append(contentsOf: Array(#"\u0026"#.utf8))
            default: out.append(byte)
            }
        }
        return out
    }

    /// A response holding `value`, with `status`.
    public static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: try encode(value))))
    }
}
