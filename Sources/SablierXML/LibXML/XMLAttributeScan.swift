public import Foundation

/// The first element with too many attributes, found in one linear pass over the bytes, before
/// libxml2 sees them.
///
/// Why: libxml2 checks each attribute of an element against the ones before it, so its time
/// grows with the square of their number (60,000 attributes on a root take it 5 s, and
/// validation then reports each one). No file Sablier reads needs more than a few dozen, so an
/// element with more than `XMLLimits.maximumAttributes` refuses the file at once. The scan
/// counts the `=` of a start tag outside quoted values, skipping comments, CDATA sections,
/// processing instructions, end tags and declarations; each byte is looked at once, and long
/// runs of text, values and comments are crossed with `memchr`. It is a guard, not a
/// parser: a file it lets through is parsed, and judged, by libxml2.
public enum XMLAttributeScan {
    /// The element found crowded: its name (as written, at most 64 bytes) and its line.
    public struct Crowded: Sendable, Equatable {
        public var element: String
        public var line: Int
    }

    /// `elements` stops the scan after that many start tags: the root alone, for a reader that
    /// parses no further.
    public static func firstCrowdedElement(in bytes: some ContiguousBytes, limit: Int, elements: Int = .max) -> Crowded? {
        bytes.withUnsafeBytes { firstCrowdedElement(in: $0, limit: limit, elements: elements) }
    }

    public static func firstCrowdedElement(in buffer: UnsafeRawBufferPointer, limit: Int, elements: Int = .max) -> Crowded? {
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), buffer.count > 0 else { return nil }
        let end = buffer.count
        var index = 0
        var scanned = 0
        /// The index just past the next `pattern` at or after `from`, or `end`.
        func skip(past pattern: StaticString, from: Int) -> Int {
            var position = from
            while true {
                position = next(pattern.utf8Start[0], from: position)
                guard position < end else { return end }
                if starts(pattern, at: position) { return position + pattern.utf8CodeUnitCount }
                position += 1
            }
        }
        /// The index of the next `byte` at or after `from`, or `end`.
        func next(_ byte: UInt8, from: Int) -> Int {
            guard from < end, let found = memchr(base + from, Int32(byte), end - from) else { return end }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        func starts(_ literal: StaticString, at position: Int) -> Bool {
            let count = literal.utf8CodeUnitCount
            return position + count <= end && memcmp(base + position, literal.utf8Start, count) == 0
        }
        // Bytes by value (`<` 0x3C, `>` 0x3E, `=` 0x3D, `"` 0x22, `'` 0x27, `!` 0x21, `?` 0x3F,
        // `/` 0x2F): the scan runs before every parse, in debug builds too.
        markup: while true {
            index = next(0x3C, from: index)
            guard index + 1 < end else { return nil }
            let start = index
            switch base[index + 1] {
            case 0x21: // `<!`
                if starts("<!--", at: index) {
                    index = skip(past: "-->", from: index + 4)
                } else if starts("<![CDATA[", at: index) {
                    index = skip(past: "]]>", from: index + 9)
                } else {
                    index = next(0x3E, from: index + 2) + 1
                }
            case 0x3F: // `<?`
                index = skip(past: "?>", from: index + 2)
            case 0x2F: // `</`
                index = next(0x3E, from: index + 2) + 1
            default:
                // A start tag: its `=` outside quoted values, one per attribute.
                if scanned == elements { return nil }
                scanned += 1
                index += 1
                var attributes = 0
                scanning: while index < end {
                    switch base[index] {
                    case 0x3E: break scanning
                    case 0x3D:
                        attributes += 1
                        if attributes > limit { return crowded(base, start: start, end: end) }
                        index += 1
                    case 0x22, 0x27:
                        index = next(base[index], from: index + 1) + 1
                    case 0x3C:
                        // Not well-formed: libxml2 says where. Scan on from this `<`.
                        continue markup
                    default: index += 1
                    }
                }
                index += 1
            }
        }
    }

    /// The element's name and line, worked out once, for the message.
    private static func crowded(_ base: UnsafePointer<UInt8>, start: Int, end: Int) -> Crowded {
        var line = 1
        var position = 0
        while position < start, let found = memchr(base + position, 0x0A, start - position) {
            line += 1
            position = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        var nameEnd = start + 1
        while nameEnd < end, nameEnd - start <= 64, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "/"), UInt8(ascii: ">")].contains(base[nameEnd]) {
            nameEnd += 1
        }
        let name = String(decoding: UnsafeBufferPointer(start: base + start + 1, count: nameEnd - start - 1), as: UTF8.self)
        return Crowded(element: name, line: line)
    }
}
