/// The start of an XML document, read from its bytes before libxml2 sees them: over a UTF-8
/// byte-order mark, white space, processing instructions and comments, to the first other markup.
///
/// Why: a DOCTYPE (where entity bombs live) is refused before any parse, and the streaming GALA
/// reader takes only a document whose first markup is its root element, leaving the others to
/// the tree path and its messages. One reading, for SablierXML and SablierOffice alike.
public enum XMLProlog {
    /// Where the first markup that is neither a processing instruction nor a comment begins (its
    /// `<`), or nil when text comes first or the bytes end before.
    public static func firstMarkup<Bytes: Collection<UInt8>>(in bytes: Bytes) -> Bytes.Index? {
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        var index = bytes.starts(with: byteOrderMark) ? bytes.index(bytes.startIndex, offsetBy: 3) : bytes.startIndex
        func at(_ literal: StaticString) -> Bool {
            bytes[index...].starts(with: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        }
        func skip(past terminator: StaticString) {
            let end = UnsafeBufferPointer(start: terminator.utf8Start, count: terminator.utf8CodeUnitCount)
            index = bytes[index...].firstRange(of: end)?.upperBound ?? bytes.endIndex
        }
        while index < bytes.endIndex {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index = bytes.index(after: index)
            case UInt8(ascii: "<"):
                if at("<?") { skip(past: "?>") }
                else if at("<!--") { skip(past: "-->") }
                else { return index }
            default: return nil
            }
        }
        return nil
    }

    /// True when the prolog declares a DOCTYPE.
    public static func hasDoctype<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard let start = firstMarkup(in: bytes) else { return false }
        return bytes[start...].starts(with: "<!DOCTYPE".utf8)
    }

    /// True when the first markup is an element: no DOCTYPE, no CDATA, no stray text before it.
    public static func startsWithElement<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard let start = firstMarkup(in: bytes) else { return false }
        return !bytes[start...].starts(with: "<!".utf8)
    }
}
