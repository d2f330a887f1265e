/// The masked excerpt of a finding: up to 40 bytes of text on either side, on one line, with
/// every digit, the finding itself and every other finding in view masked (letters and digits
/// as `•`, separators kept so the shape shows). Health terms stay readable: they say why, and
/// identify nobody.
enum Excerpt {
    static let context = 40
    static let mask: [UInt8] = Array("•".utf8)

    /// The longest a finding spans, in bytes (an e-mail address at most): how far before an
    /// excerpt a finding that reaches into it may start.
    static let longestFinding = 512

    /// `all` sorted by start (`Detection` finds them in text order; a few labelled ones may come
    /// late, so the caller sorts).
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
        var masked: [Range<Int>] = []
        var candidate = low
        while candidate < all.count, all[candidate].start < to {
            let other = all[candidate]
            if other.type != .health, other.end > from { masked.append(other.start..<other.end) }
            candidate += 1
        }
        var out: [UInt8] = []
        out.reserveCapacity(to - from + 16)
        if from > 0 { out += Array("…".utf8) }
        var index = from
        var lastWasSpace = false
        while index < to {
            let byte = text[index]
            let length = byte < 0x80 ? 1 : UnsafeBufferPointer<UInt8>.scalarLength(byte)
            let inside = masked.contains { $0.contains(index) }
            if byte == 0x0A || byte == 0x0D || byte == 0x09 {
                if !lastWasSpace { out.append(0x20) }
                lastWasSpace = true
            } else if isDigit(byte) || (inside && text.letterLength(at: index) > 0) {
                out += mask
                lastWasSpace = false
            } else if inside, byte >= 0x80 {
                out += mask
                lastWasSpace = false
            } else {
                out += text[index..<min(text.count, index + length)]
                lastWasSpace = byte == 0x20
            }
            index += length
        }
        if to < text.count { out += Array("…".utf8) }
        return String(decoding: out, as: UTF8.self)
    }
}
