// Byte-level helpers over UTF-8 text: classes of bytes, scalars before and after a position,
// and the folding (lowercase, accents off, typographic apostrophes and spaces plain) that
// keyword matching uses. Everything works on raw UTF-8 so a scan never builds a String.

@inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
@inline(__always) func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
@inline(__always) func isUpperASCII(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }
@inline(__always) func isLowerASCII(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }
@inline(__always) func isASCIIAlnum(_ byte: UInt8) -> Bool { isDigit(byte) || isASCIILetter(byte) }
@inline(__always) func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

/// The folded form of a Latin-1 letter U+00C0–U+00FF, from the second byte of `C3 xx`: the base
/// letter in lowercase; 0x80 for × and ÷, which are not letters. A switch, not a table: no
/// global to reach on every byte.
@inline(__always)
func latin1Fold(_ second: UInt8) -> UInt8 {
    switch second & 0x1F {
    case 0x00...0x06: return 0x61 // a
    case 0x07: return 0x63 // c
    case 0x08...0x0B: return 0x65 // e
    case 0x0C...0x0F: return 0x69 // i
    case 0x10: return 0x64 // d
    case 0x11: return 0x6E // n
    case 0x12...0x16: return 0x6F // o
    case 0x17: return 0x80 // × ÷
    case 0x18: return 0x6F // ø
    case 0x19...0x1C: return 0x75 // u
    case 0x1D: return 0x79 // y
    case 0x1E: return 0x74 // þ
    default: return second == 0x9F ? 0x73 : 0x79 // ß, ÿ
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The folded byte at `index` and the length of the scalar it came from: ASCII letters
    /// lowercased, Latin-1 letters without their accent, `_`, tabs, line breaks and no-break
    /// spaces as a space, typographic apostrophes as `'`, dashes as `-`, `°`/`º` as `o`
    /// (`n°`). Any other non-ASCII scalar folds to 0x80, which no keyword holds.
    @inline(__always)
    func folded(at index: Int) -> (byte: UInt8, length: Int) {
        let byte = self[index]
        if byte < 0x80 {
            if isUpperASCII(byte) { return (byte | 0x20, 1) }
            switch byte {
            case 0x5F, 0x09, 0x0A, 0x0D: return (0x20, 1)
            default: return (byte, 1)
            }
        }
        let remaining = count - index
        switch byte {
        case 0xC3 where remaining >= 2:
            let next = self[index + 1]
            return isContinuation(next) ? (latin1Fold(next), 2) : (0x80, 1)
        case 0xC2 where remaining >= 2:
            switch self[index + 1] {
            case 0xA0: return (0x20, 2)
            case 0xB0, 0xBA: return (0x6F, 2)
            default: return (0x80, 2)
            }
        case 0xC5 where remaining >= 2:
            let next = self[index + 1]
            return (next == 0x92 || next == 0x93) ? (0x6F, 2) : (0x80, 2)
        case 0xE2 where remaining >= 3 && self[index + 1] == 0x80:
            switch self[index + 2] {
            case 0x98, 0x99: return (0x27, 3)
            case 0xAF, 0x89, 0x8A: return (0x20, 3)
            case 0x90, 0x91, 0x93, 0x94: return (0x2D, 3)
            default: return (0x80, 3)
            }
        default:
            return (0x80, Self.scalarLength(byte))
        }
    }

    @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The length of the letter scalar at `index` (ASCII letter or a Latin letter U+00C0–U+024F),
    /// or 0 when there is none.
    @inline(__always)
    func letterLength(at index: Int) -> Int {
        guard index < count else { return 0 }
        let byte = self[index]
        if byte < 0x80 { return isASCIILetter(byte) ? 1 : 0 }
        guard byte >= 0xC3, byte <= 0xC9, index + 1 < count else { return 0 }
        let next = self[index + 1]
        guard isContinuation(next) else { return 0 }
        if byte == 0xC3, next == 0x97 || next == 0xB7 { return 0 }
        return 2
    }

    /// True when the scalar at `index` is an uppercase letter (ASCII or Latin-1 À–Þ).
    @inline(__always)
    func isUppercaseLetter(at index: Int) -> Bool {
        guard index < count else { return false }
        let byte = self[index]
        if byte < 0x80 { return isUpperASCII(byte) }
        guard byte == 0xC3, index + 1 < count else { return false }
        let next = self[index + 1]
        return next >= 0x80 && next <= 0x9E && next != 0x97
    }

    /// True when a letter scalar ends right before `index`.
    @inline(__always)
    func isLetter(before index: Int) -> Bool {
        guard index > 0 else { return false }
        let byte = self[index - 1]
        if byte < 0x80 { return isASCIILetter(byte) }
        guard isContinuation(byte), index >= 2 else { return false }
        return letterLength(at: index - 2) == 2
    }

    /// True when a letter or digit ends right before `index`.
    @inline(__always)
    func isAlnum(before index: Int) -> Bool {
        guard index > 0 else { return false }
        return isDigit(self[index - 1]) || isLetter(before: index)
    }

    /// True when a letter or digit starts at `index`.
    @inline(__always)
    func isAlnum(at index: Int) -> Bool {
        guard index < count else { return false }
        return isDigit(self[index]) || letterLength(at: index) > 0
    }

    /// The index after the word (letters, and `'`/`-` between letters) that starts at `index`.
    func wordEnd(from index: Int) -> Int {
        var position = index
        while position < count {
            let length = letterLength(at: position)
            if length > 0 { position += length; continue }
            break
        }
        return position
    }

    /// The index after a run of horizontal space (space, tab, no-break spaces) from `index`.
    @inline(__always)
    func skipSpaces(from index: Int, limit: Int) -> Int {
        var position = index
        while position < limit {
            let byte = self[position]
            if byte == 0x20 || byte == 0x09 { position += 1; continue }
            if byte == 0xC2, position + 1 < count, self[position + 1] == 0xA0 { position += 2; continue }
            if byte == 0xE2, position + 2 < count, self[position + 1] == 0x80, self[position + 2] == 0xAF || self[position + 2] == 0x89 {
                position += 3
                continue
            }
            break
        }
        return position
    }

    /// A horizontal space at `index` (space, no-break space, narrow no-break space): its length, or 0.
    @inline(__always)
    func spaceLength(at index: Int) -> Int {
        guard index < count else { return 0 }
        let byte = self[index]
        if byte == 0x20 { return 1 }
        if byte == 0xC2, index + 1 < count, self[index + 1] == 0xA0 { return 2 }
        if byte == 0xE2, index + 2 < count, self[index + 1] == 0x80, self[index + 2] == 0xAF { return 3 }
        return 0
    }

    /// Whether a `\n` lies in `range`.
    func hasLineBreak(_ range: Range<Int>) -> Bool {
        for position in range where self[position] == 0x0A { return true }
        return false
    }

    /// The digits of `range`, separators left out.
    func digits(_ range: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        for position in range where isDigit(self[position]) { out.append(self[position] - 0x30) }
        return out
    }

    /// The ASCII text of `range` (for numbers and codes; other bytes dropped).
    func ascii(_ range: Range<Int>) -> String {
        String(decoding: range.lazy.map { self[$0] }.filter { $0 < 0x80 }, as: UTF8.self)
    }
}
