/// The masked excerpt of a finding: up to 40 bytes of text on either side, on one line, with
/// every digit, the finding itself and every other finding in view masked (letters and digits
/// as `•`, separators kept so the shape shows). Health terms stay readable: they say why, and
/// identify nobody.
enum Excerpt {
    static let context = 40
    static let mask: [UInt8] = Array("•".utf8)

    static func masked(_ text: UnsafeBufferPointer<UInt8>, _ finding: RawFinding, among all: [RawFinding]) -> String {
        var from = max(0, finding.start - context)
        while from > 0, isContinuation(text[from]) { from -= 1 }
        var to = min(text.count, finding.end + context)
        while to < text.count, isContinuation(text[to]) { to += 1 }
        let masked = all.filter { $0.type != .health && $0.end > from && $0.start < to }.map { $0.start..<$0.end }
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
