/// Receives extracted text as UTF-8, chunk after chunk (a chunk may end inside a word, never
/// inside a scalar).
public typealias TextSink = (UnsafeRawBufferPointer) -> Void

/// Why a document's text cannot be read: in one sentence naming the part at fault, never
/// quoting the document's content.
public struct DocumentTextError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// Collects text into a buffer handed to the sink 64 kB at a time, so that libxml2's many
/// small text nodes do not cost a call each.
final class TextBuffer {
    private var bytes: [UInt8] = []
    private let sink: TextSink
    private(set) var total = 0
    /// The last byte written, to avoid piling up blank lines.
    private(set) var last: UInt8 = 0x0A

    init(_ sink: @escaping TextSink) {
        self.sink = sink
        bytes.reserveCapacity(65_536)
    }

    func append(_ pointer: UnsafePointer<UInt8>, count: Int) {
        guard count > 0 else { return }
        bytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count))
        last = pointer[count - 1]
        total += count
        if bytes.count >= 65_536 { flush() }
    }

    func append(_ byte: UInt8) {
        bytes.append(byte)
        last = byte
        total += 1
        if bytes.count >= 65_536 { flush() }
    }

    func append(_ text: String) {
        var copy = text
        copy.withUTF8 { buffer in
            if let base = buffer.baseAddress { append(base, count: buffer.count) }
        }
    }

    /// A line break, unless the text already ends with one.
    func newline() {
        if last != 0x0A { append(0x0A) }
    }

    func flush() {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { sink($0) }
        bytes.removeAll(keepingCapacity: true)
    }
}
