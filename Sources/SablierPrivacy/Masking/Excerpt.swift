/// The masked excerpt of a finding: up to 40 bytes of text on either side, on one line, with
/// every digit, the finding itself and every other finding in view masked (letters and digits
/// as `•`, separators kept so the shape shows). Health terms stay readable: they say why, and
/// identify nobody.
enum Excerpt {
    static let context = 40

    /// The longest a finding spans, in bytes: how far before an excerpt a finding that reaches
    /// into it may start. An e-mail address is shorter; a street address over three or four lines
    /// is capped to it (`StreetAddressReader.longestSpan`), or a finding in view would show.
    static let longestFinding = 512

    /// `all` sorted by start (`Detection` finds them in text order; a few labelled ones may come
    /// late, so the caller sorts).
    ///
    /// Built for dense text, where it runs for nearly every line: the bytes to mask are marked in
    /// a stack buffer, and the excerpt is written straight into the string's storage (one
    /// allocation per excerpt, no array, no closure per byte).
    static func masked(_ text: UnsafeBufferPointer<UInt8>, _ finding: RawFinding, among all: [RawFinding]) -> String {
        var from = max(0, finding.start - context)
        while from > 0, isContinuation(text[from]) { from -= 1 }
        var to = min(text.count, finding.end + context)
        while to < text.count, isContinuation(text[to]) { to += 1 }
        // The findings that may overlap [from, to): a binary search, then a short walk.
        var low = 0, high = all.count
        let earliest = from - longestFinding
        while low < high {
            let middle = (low + high) / 2
            if all[middle].start < earliest { low = middle + 1 } else { high = middle }
        }
        let width = to - from
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: max(1, width)) { inside in
            inside.initialize(repeating: false)
            var candidate = low
            while candidate < all.count, all[candidate].start < to {
                if all[candidate].type != .health, all[candidate].end > from {
                    for position in max(from, all[candidate].start)..<min(to, all[candidate].end) { inside[position - from] = true }
                }
                candidate += 1
            }
            // At most three bytes out per byte in (a digit becomes `•`), two `…`, and the last
            // scalar's bytes past `to` when the text is not valid UTF-8.
            return String(unsafeUninitializedCapacity: 3 * width + 12) { out in
                var count = 0
                @inline(__always) func put(_ byte: UInt8) {
                    out[count] = byte
                    count += 1
                }
                @inline(__always) func putMask() { put(0xE2); put(0x80); put(0xA2) } // •
                @inline(__always) func putEllipsis() { put(0xE2); put(0x80); put(0xA6) } // …
                if from > 0 { putEllipsis() }
                var index = from
                var lastWasSpace = false
                while index < to {
                    let byte = text[index]
                    let length = byte < 0x80 ? 1 : UnsafeBufferPointer<UInt8>.scalarLength(byte)
                    let masked = inside[index - from]
                    if byte == 0x0A || byte == 0x0D || byte == 0x09 {
                        if !lastWasSpace { put(0x20) }
                        lastWasSpace = true
                    } else if isDigit(byte) || (masked && (byte >= 0x80 || isASCIILetter(byte))) {
                        // Inside a finding, a letter or any other non-ASCII scalar is masked whole.
                        putMask()
                        lastWasSpace = false
                    } else {
                        for position in index..<min(text.count, index + length) { put(text[position]) }
                        lastWasSpace = byte == 0x20
                    }
                    index += length
                }
                if to < text.count { putEllipsis() }
                return count
            }
        }
    }
}
