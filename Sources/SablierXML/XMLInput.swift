public import Foundation
public import SablierCore

/// Reading a calendar file from disk, with its size checked before it is loaded.
enum XMLInput {
    /// The file's bytes, or the diagnostic that refuses it.
    enum Loaded {
        case data(Data)
        case refused(Diagnostic)
    }

    static func load(_ url: URL, file: String, limits: XMLLimits) -> Loaded {
        let location = SourceLocation(file: file, line: 0)
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > limits.maximumBytes {
            return .refused(SafeXMLParser.sizeError(size, limit: limits.maximumBytes, file: file))
        }
        do {
            return .data(try Data(contentsOf: url))
        } catch {
            return .refused(.error(at: location, "the file cannot be read: \(error.localizedDescription)"))
        }
    }
}

/// The bytes of a written document and what writing it found.
public struct XMLOutput: Sendable {
    /// The document, UTF-8.
    public var data: Data
    /// Warnings about what the target format cannot say, and errors when the output does not
    /// satisfy the format's XSD.
    public var diagnostics: [Diagnostic]

    public init(data: Data, diagnostics: [Diagnostic]) {
        self.data = data
        self.diagnostics = diagnostics
    }
}
