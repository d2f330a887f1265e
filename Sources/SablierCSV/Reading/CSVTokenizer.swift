/// Where a field lies in the input: the bytes between its delimiters, without enclosing quotes.
@usableFromInline
struct CSVFieldSpan: Sendable, Hashable {
    @usableFromInline var start: Int
    @usableFromInline var end: Int
    /// True for a quoted field that holds doubled quotes (`""`), which must be collapsed.
    @usableFromInline var hasEscapes: Bool
    @usableFromInline var isQuoted: Bool

    init(start: Int, end: Int, hasEscapes: Bool, isQuoted: Bool) {
        self.start = start
        self.end = end
        self.hasEscapes = hasEscapes
        self.isQuoted = isQuoted
    }
}

/// The byte-level RFC 4180 scanner behind `CSVReader`.
///
/// It walks the bytes once, with a 256-entry class table so that ordinary ASCII bytes cost one
/// load and one compare; it validates UTF-8 as it goes (only bytes ≥ 0x80 take the slow path)
/// and counts physical lines (LF, CR and CRLF each end one), inside quoted fields too.
struct CSVTokenizer {
    let separator: UInt8
    let skipsBlankLines: Bool
    private let storage: Storage

    /// The offset of the next byte to read.
    private(set) var position: Int
    /// The 1-based physical line of `position`.
    private(set) var line: Int

    init(dialect: CSVDialect, bytes: UnsafeBufferPointer<UInt8>) {
        separator = dialect.separator
        skipsBlankLines = dialect.skipsBlankLines
        storage = Storage(separator: dialect.separator)
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        position = hasBOM ? 3 : 0
        line = 1
    }

    /// Reads the next record and returns the line where it starts, or nil at the end of the
    /// input; its fields are then `fields`, valid until the next call.
    mutating func next(in bytes: UnsafeBufferPointer<UInt8>) throws(CSVError) -> Int? {
        storage.spanCount = 0
        guard let base = bytes.baseAddress else { return nil }
        return try scanRecord(base, bytes.count, UnsafePointer(storage.unquoted), UnsafePointer(storage.quoted), storage)
    }

    /// The fields of the record `next` read last.
    var fields: UnsafeBufferPointer<CSVFieldSpan> {
        UnsafeBufferPointer(start: storage.spans, count: storage.spanCount)
    }

    @inline(__always)
    private mutating func skipLineBreak(_ p: UnsafePointer<UInt8>, _ count: Int) {
        // At a CR or LF: consume CRLF, CR or LF as one line break.
        if p[position] == 0x0D, position + 1 < count, p[position + 1] == 0x0A { position += 1 }
        position += 1
        line += 1
    }

    private mutating func scanRecord(
        _ p: UnsafePointer<UInt8>, _ count: Int,
        _ unquoted: UnsafePointer<UInt8>, _ quoted: UnsafePointer<UInt8>,
        _ spans: Storage
    ) throws(CSVError) -> Int? {
        let quote = UInt8(ascii: "\"")
        let separator = self.separator
        // Blank lines before the record; a final line break never starts a record.
        while position < count, p[position] == 0x0A || p[position] == 0x0D {
            if !skipsBlankLines {
                let lineOfBlank = line
                skipLineBreak(p, count)
                if position < count {
                    spans.append(CSVFieldSpan(start: position, end: position, hasEscapes: false, isQuoted: false))
                    return lineOfBlank
                }
                return nil
            }
            skipLineBreak(p, count)
        }
        guard position < count else { return nil }
        let recordLine = line
        var i = position
        while true {
            if i < count, p[i] == quote {
                // Quoted field: up to the next quote that is not doubled.
                let openLine = line
                i += 1
                let start = i
                var hasEscapes = false
                while true {
                    while i < count, quoted[Int(p[i])] == 0 { i += 1 }
                    guard i < count else {
                        position = i
                        throw CSVError(.unterminatedQuote(endLine: line), line: openLine, recordLine: recordLine, fieldIndex: spans.spanCount)
                    }
                    let byte = p[i]
                    if byte == quote {
                        if i + 1 < count, p[i + 1] == quote {
                            hasEscapes = true
                            i += 2
                            continue
                        }
                        break
                    } else if byte == 0x0A || byte == 0x0D {
                        position = i
                        skipLineBreak(p, count)
                        i = position
                    } else {
                        let length = CSVTokenizer.utf8SequenceLength(p, i, count)
                        guard length > 0 else {
                            position = i
                            throw CSVError(.invalidUTF8(byte: byte), line: line, recordLine: recordLine, fieldIndex: spans.spanCount)
                        }
                        i += length
                    }
                }
                spans.append(CSVFieldSpan(start: start, end: i, hasEscapes: hasEscapes, isQuoted: true))
                i += 1 // the closing quote
                guard i < count else { position = i; return recordLine }
                let byte = p[i]
                if byte == separator { i += 1; continue }
                if byte == 0x0A || byte == 0x0D {
                    position = i
                    skipLineBreak(p, count)
                    return recordLine
                }
                position = i
                throw CSVError(.textAfterClosingQuote, line: line, recordLine: recordLine, fieldIndex: spans.spanCount - 1)
            } else {
                // Unquoted field: up to the separator or the line break.
                let start = i
                while true {
                    while i < count, unquoted[Int(p[i])] == 0 { i += 1 }
                    guard i < count else { break }
                    let byte = p[i]
                    if byte == separator || byte == 0x0A || byte == 0x0D { break }
                    if byte == quote {
                        position = i
                        throw CSVError(.quoteInUnquotedField, line: line, recordLine: recordLine, fieldIndex: spans.spanCount)
                    }
                    let length = CSVTokenizer.utf8SequenceLength(p, i, count)
                    guard length > 0 else {
                        position = i
                        throw CSVError(.invalidUTF8(byte: byte), line: line, recordLine: recordLine, fieldIndex: spans.spanCount)
                    }
                    i += length
                }
                spans.append(CSVFieldSpan(start: start, end: i, hasEscapes: false, isQuoted: false))
                guard i < count else { position = i; return recordLine }
                if p[i] == separator { i += 1; continue }
                position = i
                skipLineBreak(p, count)
                return recordLine
            }
        }
    }

    /// The length of the well-formed UTF-8 sequence at `i` (Unicode table 3-7), or 0 when the
    /// bytes there are not one: overlong forms, surrogates and values above U+10FFFF are refused.
    @inline(__always)
    static func utf8SequenceLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ count: Int) -> Int {
        let b0 = p[i]
        if b0 < 0x80 { return 1 }
        @inline(__always) func continuation(_ k: Int) -> Bool { p[k] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF:
            return i + 1 < count && continuation(i + 1) ? 2 : 0
        case 0xE0...0xEF:
            guard i + 2 < count, continuation(i + 2) else { return 0 }
            let b1 = p[i + 1]
            switch b0 {
            case 0xE0: return (0xA0...0xBF).contains(b1) ? 3 : 0
            case 0xED: return (0x80...0x9F).contains(b1) ? 3 : 0
            default: return continuation(i + 1) ? 3 : 0
            }
        case 0xF0...0xF4:
            guard i + 3 < count, continuation(i + 2), continuation(i + 3) else { return 0 }
            let b1 = p[i + 1]
            switch b0 {
            case 0xF0: return (0x90...0xBF).contains(b1) ? 4 : 0
            case 0xF4: return (0x80...0x8F).contains(b1) ? 4 : 0
            default: return continuation(i + 1) ? 4 : 0
            }
        default:
            return 0
        }
    }
}

/// The byte-class tables and the field buffer of a tokenizer, allocated once per reader.
private final class Storage {
    /// Bytes that stop the scan of an unquoted field: separator, quote, CR, LF, non-ASCII.
    let unquoted: UnsafeMutablePointer<UInt8>
    /// Bytes that stop the scan of a quoted field: quote, CR, LF, non-ASCII.
    let quoted: UnsafeMutablePointer<UInt8>

    init(separator: UInt8) {
        quoted = .allocate(capacity: 256)
        quoted.initialize(repeating: 0, count: 256)
        for byte in 0x80...0xFF { quoted[byte] = 1 }
        quoted[0x0A] = 1
        quoted[0x0D] = 1
        quoted[Int(UInt8(ascii: "\""))] = 1
        unquoted = .allocate(capacity: 256)
        unquoted.initialize(from: quoted, count: 256)
        unquoted[Int(separator)] = 1
        spanCapacity = 64
        spans = .allocate(capacity: spanCapacity)
    }

    deinit {
        quoted.deallocate()
        unquoted.deallocate()
        spans.deallocate()
    }

    /// The fields of the current record (`CSVFieldSpan` is trivial: no initialisation needed
    /// beyond assignment).
    private(set) var spans: UnsafeMutablePointer<CSVFieldSpan>
    var spanCount = 0
    private var spanCapacity: Int

    @inline(__always)
    func append(_ span: CSVFieldSpan) {
        if spanCount == spanCapacity { grow() }
        (spans + spanCount).initialize(to: span)
        spanCount += 1
    }

    private func grow() {
        let larger = UnsafeMutablePointer<CSVFieldSpan>.allocate(capacity: spanCapacity * 2)
        larger.moveInitialize(from: spans, count: spanCount)
        spans.deallocate()
        spans = larger
        spanCapacity *= 2
    }
}
