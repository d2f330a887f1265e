import Foundation
import Hummingbird
import HTTPTypes
import MultipartKit
import NIOCore
import SablierServer

/// The forms the pages post: `application/x-www-form-urlencoded`, or `multipart/form-data`
/// when they upload a file; decoded with Hummingbird's and MultipartKit's decoders.
enum PageForm {
    /// The boundary of a multipart body, or nil.
    static func boundary(_ contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// One text field of a posted body, whichever its encoding, or nil.
    static func field(_ name: String, in body: ByteBuffer, contentType: String?) -> String? {
        struct One: Decodable { let value: String?
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: AnyKey.self)
                value = try container.decodeIfPresent(String.self, forKey: AnyKey(stringValue: AnyKey.wanted)!)
            }
        }
        return AnyKey.$wanted.withValue(name) {
            if let boundary = boundary(contentType) {
                return (try? FormDataDecoder().decode(One.self, from: body, boundary: boundary))?.value
            }
            return (try? URLEncodedFormDecoder().decode(One.self, from: String(buffer: body)))?.value
        }
    }

    /// The posted form as `Form`; a body that is not one is the page's `form` refusal.
    static func decode<Form: Decodable>(_ type: Form.Type, _ request: Request) async throws -> Form {
        var request = request
        let body = try await request.collectBody(upTo: .max)
        do {
            if let boundary = boundary(request.headers[.contentType]) {
                return try FormDataDecoder().decode(Form.self, from: body, boundary: boundary)
            }
            return try URLEncodedFormDecoder().decode(Form.self, from: String(buffer: body))
        } catch {
            throw PageFailure.form
        }
    }
}

/// A coding key named at run time.
struct AnyKey: CodingKey {
    @TaskLocal static var wanted = ""
    let stringValue: String
    var intValue: Int? { nil }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// A file field of a multipart form: its name as the browser gave it, and its bytes.
struct UploadedFile: Decodable, MultipartPartConvertible {
    let filename: String
    let data: ByteBuffer

    init?(multipart part: MultipartPart) {
        data = part.body
        filename = Self.filename(in: part.headers.first(name: "Content-Disposition") ?? "")
    }

    var multipart: MultipartPart? { nil }

    /// Only multipart bodies carry files; any other form has none.
    init(from decoder: any Decoder) throws { throw PageFailure.form }

    /// `filename="…"` of a Content-Disposition header, its last path component only.
    static func filename(in disposition: String) -> String {
        for parameter in disposition.split(separator: ";") {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "filename" {
                let name = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return (name as NSString).lastPathComponent
            }
        }
        return "upload"
    }

    var isEmpty: Bool { data.readableBytes == 0 }
}
