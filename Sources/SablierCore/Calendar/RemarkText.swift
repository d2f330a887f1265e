/// Reads and writes a rule's numbered remarks as GALA and spreadsheets carry them: one text
/// holding `R1 : …` `R2 : …`, on separate lines or run together on one line.
public enum RemarkText {
    /// The remarks found in a text, and what had to be assumed to find them.
    public struct Parsed: Sendable, Hashable {
        public var remarks: [Remark]
        /// Text before the first marker, which belongs to no numbered remark.
        public var preamble: String?
        /// Markers written as `1:` instead of `R1:` (seen in a Constellio export).
        public var unprefixedMarkers: [RemarkID]
        /// Identifiers defined twice; the texts were joined under the first.
        public var duplicates: [RemarkID]
    }

    /// Splits a remarks text into numbered remarks.
    ///
    /// A marker is `R<n>` followed by optional spaces and a colon, at the start or after white
    /// space; or `<n>:` at the start of a line. Text after a blank line stays with the remark
    /// before it.
    public static func parse(_ text: String) -> Parsed {
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    /// `parse` on the text's UTF-8 bytes. Positions are byte offsets, always at the start of a
    /// scalar; markers are ASCII, and the spaces around them ASCII, U+00A0 or U+202F.
    private static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Parsed {
        let count = bytes.count
        var markers: [(start: Int, bodyStart: Int, id: RemarkID, prefixed: Bool)] = []
        markers.reserveCapacity(4)
        var i = 0
        // What the scalar before `i` was (the start counts as both).
        var afterLineBreak = true
        var afterSpace = true
        while i < count {
            let scalar = bytes[i]
            let prefixed = (scalar == UInt8(ascii: "R") || scalar == UInt8(ascii: "r")) && afterSpace
            if prefixed || afterLineBreak, let marker = marker(at: i, in: bytes, prefixed: prefixed) {
                markers.append(marker)
                i = marker.bodyStart
                afterLineBreak = false
                afterSpace = false
                continue
            }
            afterLineBreak = scalar == 0x0A || scalar == 0x0D
            let space = spaceLength(at: i, in: bytes)
            afterSpace = space > 0
            i += space > 0 ? space : scalarLength(scalar)
        }
        func slice(_ from: Int, _ to: Int) -> String {
            SpaceTrimming.trimmed(UnsafeBufferPointer(rebasing: bytes[from..<to]))
        }
        var parsed = Parsed(remarks: [], preamble: nil, unprefixedMarkers: [], duplicates: [])
        parsed.remarks.reserveCapacity(markers.count)
        let head = slice(0, markers.first?.start ?? count)
        if !head.isEmpty { parsed.preamble = head }
        for (index, marker) in markers.enumerated() {
            let end = index + 1 < markers.count ? markers[index + 1].start : count
            let body = slice(marker.bodyStart, end)
            if !marker.prefixed { parsed.unprefixedMarkers.append(marker.id) }
            if let existing = parsed.remarks.firstIndex(where: { $0.id == marker.id }) {
                parsed.duplicates.append(marker.id)
                parsed.remarks[existing].text += "\n" + body
            } else {
                parsed.remarks.append(Remark(id: marker.id, text: body))
            }
        }
        return parsed
    }

    /// The marker starting at `start`: `R` (when `prefixed`), one or two digits, spaces other
    /// than a line feed, and a colon; nil when there is none.
    private static func marker(
        at start: Int, in bytes: UnsafeBufferPointer<UInt8>, prefixed: Bool
    ) -> (start: Int, bodyStart: Int, id: RemarkID, prefixed: Bool)? {
        let count = bytes.count
        var j = prefixed ? start + 1 : start
        let digitsStart = j
        while j < count, j - digitsStart < 3, bytes[j] >= 0x30, bytes[j] <= 0x39 { j += 1 }
        guard j > digitsStart, j - digitsStart <= 2 else { return nil }
        var number = 0
        for k in digitsStart..<j { number = number * 10 + Int(bytes[k] - 0x30) }
        var k = j
        while k < count, bytes[k] != 0x0A {
            let space = spaceLength(at: k, in: bytes)
            guard space > 0 else { break }
            k += space
        }
        guard k < count, bytes[k] == UInt8(ascii: ":"), number > 0 else { return nil }
        return (start, k + 1, RemarkID(number: number), prefixed)
    }

    /// The length in bytes of the space scalar at `index` (space, tab, LF, CR, U+00A0, U+202F), or 0.
    @inline(__always)
    private static func spaceLength(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        switch bytes[index] {
        case 0x20, 0x09, 0x0A, 0x0D: return 1
        case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE2: return index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xAF ? 3 : 0
        default: return 0
        }
    }

    /// The length in bytes of the scalar a UTF-8 lead byte starts.
    @inline(__always)
    private static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// Writes remarks one per line as `R1 : text`, the form BAnQ's recueils use.
    public static func format(_ remarks: [Remark]) -> String {
        remarks.map { "\($0.id) : \($0.text)" }.joined(separator: "\n")
    }

}

/// Splits and joins the multi-valued cells of calendars (classification codes, document types,
/// processes), which real files separate with `;`, `,` or line breaks.
public enum ListCell {
    /// The non-blank items of a cell, trimmed, in order, without duplicates.
    public static func split(_ cell: String?, separators: Set<Character> = [";", ",", "\n", "\r"]) -> [String] {
        guard let cell else { return [] }
        if let mask = ASCIISet(separators) {
            let fast: [String]?? = cell.utf8.withContiguousStorageIfAvailable { splitASCIISeparated($0, on: mask) }
            if case let items?? = fast { return items }
        }
        return splitByCharacters(cell, separators: separators)
    }

    /// The reference: split on the Characters in `separators`.
    static func splitByCharacters(_ cell: String, separators: Set<Character>) -> [String] {
        var result: [String] = []
        for part in cell.split(whereSeparator: { separators.contains($0) }) {
            add(part.trimmingSpaces(), to: &result)
        }
        return result
    }

    /// Joins items with `; `, GALA's separator.
    public static func join(_ items: [String]) -> String {
        items.joined(separator: "; ")
    }

    private static func add(_ item: String, to result: inout [String]) {
        if !item.isEmpty, !result.contains(item) { result.append(item) }
    }

    /// `splitByCharacters` on UTF-8 bytes, for separators that are each one ASCII scalar, when
    /// every separator byte found stands between ASCII bytes (then it is a Character of its own);
    /// nil otherwise. CR followed by LF is one Character, `"\r\n"`, which is neither `"\r"` nor
    /// `"\n"`: it never separates.
    private static func splitASCIISeparated(_ bytes: UnsafeBufferPointer<UInt8>, on separators: ASCIISet) -> [String]? {
        var result: [String] = []
        var partStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                index += 2
                continue
            }
            guard separators.contains(byte) else {
                if byte >= 0x80, isSeparatorLike(at: index, in: bytes, separators: separators, newlines: false) { return nil }
                index += 1
                continue
            }
            guard isAlone(at: index, in: bytes) else { return nil }
            if index > partStart {
                add(SpaceTrimming.trimmed(UnsafeBufferPointer(rebasing: bytes[partStart..<index])), to: &result)
            }
            index += 1
            partStart = index
        }
        if bytes.count > partStart {
            add(SpaceTrimming.trimmed(UnsafeBufferPointer(rebasing: bytes[partStart...])), to: &result)
        }
        return result
    }

    /// True when the ASCII byte at `index` has ASCII bytes (or nothing) on both sides: then no
    /// prepended scalar before it nor extending scalar after it joins it into a larger Character.
    static func isAlone(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        (index == 0 || bytes[index - 1] < 0x80) && (index + 1 == bytes.count || bytes[index + 1] < 0x80)
    }

    /// True when the non-ASCII scalar at `index` is, as a Character, equal to one of `separators`
    /// (canonical equivalence: U+037E is `;`, U+1FEF is `` ` ``, U+212A is `K`) or, when
    /// `newlines`, a newline (U+0085, U+2028, U+2029). Byte splitting cannot see these.
    static func isSeparatorLike(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, separators: ASCIISet, newlines: Bool) -> Bool {
        func byte(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch bytes[index] {
        case 0xC2: return newlines && byte(1) == 0x85
        case 0xCD: return separators.contains(UInt8(ascii: ";")) && byte(1) == 0xBE
        case 0xE1: return separators.contains(UInt8(ascii: "`")) && byte(1) == 0xBF && byte(2) == 0xAF
        case 0xE2:
            return (separators.contains(UInt8(ascii: "K")) && byte(1) == 0x84 && byte(2) == 0xAA)
                || (newlines && byte(1) == 0x80 && (byte(2) == 0xA8 || byte(2) == 0xA9))
        default: return false
        }
    }

    /// A set of ASCII bytes, from Characters that are each one ASCII scalar.
    struct ASCIISet {
        private var low: UInt64 = 0
        private var high: UInt64 = 0

        /// The set of the given bytes, all ASCII.
        init(bytes: [UInt8]) {
            for byte in bytes where byte < 0x80 {
                if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
            }
        }

        /// Nil when some Character is not a single ASCII scalar.
        init?(_ characters: Set<Character>) {
            for character in characters {
                guard character.utf8.count == 1, let byte = character.utf8.first, byte < 0x80 else { return nil }
                if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
            }
        }

        @inline(__always)
        func contains(_ byte: UInt8) -> Bool {
            if byte < 64 { return low & (1 << UInt64(byte)) != 0 }
            if byte < 128 { return high & (1 << UInt64(byte - 64)) != 0 }
            return false
        }
    }
}
