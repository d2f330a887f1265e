/// The text of an RTF file, streamed: groups and control words followed as Word writes them —
/// `\par`, `\line`, `\tab`, `\cell`, `\row`; `\'hh` in the document's code page (Windows-1252);
/// `\uN` with its `\ucN` fallback skipped; headers and footers kept; font, colour and style
/// tables, document information, pictures, objects, field instructions and every `\*`
/// destination skipped; `\binN` data skipped. Malformed RTF never stops the reading.
enum RTFText {
    static func extract(_ path: String, into sink: ExtractedTextSink) throws {
        try withoutActuallyEscaping(sink) { sink in
        var parser = Parser(sink: sink)
        var first = true
        try ChunkedFile.read(path) { (chunk) in
            if first {
                guard chunk.starts(with: Array("{\\rtf".utf8)) else { throw ExtractionError(.unreadable, "the file does not start as RTF") }
                first = false
            }
            parser.feed(chunk)
        }
        parser.finish()
        }
    }

    static let skippedDestinations: Set<String> = [
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "themedata", "colorschememapping", "latentstyles",
        "datastore", "xmlnstbl", "listtable", "listoverridetable", "rsidtbl", "generator", "mmathpr", "filetbl", "revtbl",
        "pgdsctbl", "fldinst", "objdata", "blipuid", "shppict", "nonshppict", "bkmkstart", "bkmkend", "template", "userprops",
        "wgrffmtfilter", "pnseclvl", "pntext", "fldtype", "formfield", "datafield", "docvar", "listtext",
    ]
    static let symbols: [String: UInt32] = [
        "emdash": 0x2014, "endash": 0x2013, "lquote": 0x2018, "rquote": 0x2019, "ldblquote": 0x201C, "rdblquote": 0x201D,
        "bullet": 0x2022, "emspace": 0x2003, "enspace": 0x2002, "qmspace": 0x2005,
    ]

    struct Parser {
        enum State { case text, backslash, word, number, hex1, hex2, binary }
        struct Group { var skip: Bool; var unicodeSkip: Int }

        let sink: ExtractedTextSink
        var state = State.text
        var groups: [Group] = [Group(skip: false, unicodeSkip: 1)]
        var word: [UInt8] = []
        var number: [UInt8] = []
        var hex: UInt8 = 0
        /// Fallback characters still to skip after `\uN`.
        var pendingSkip = 0
        /// `\*` seen: the next control word's group is skipped.
        var starred = false
        /// The control word was the first thing in its group (a destination).
        var groupJustOpened = false
        var binaryRemaining = 0
        var out: [UInt8] = []

        init(sink: @escaping ExtractedTextSink) {
            self.sink = sink
        }

        var skipping: Bool { groups.last?.skip ?? false }

        mutating func feed(_ bytes: UnsafeRawBufferPointer) {
            for byte in bytes {
                if state == .binary {
                    binaryRemaining -= 1
                    if binaryRemaining <= 0 { state = .text }
                    continue
                }
                consume(byte)
            }
            if out.count >= 65_536 { flush() }
        }

        private mutating func consume(_ byte: UInt8) {
            switch state {
            case .text:
                switch byte {
                case 0x7B:
                    groups.append(Group(skip: skipping, unicodeSkip: groups.last?.unicodeSkip ?? 1))
                    groupJustOpened = true
                case 0x7D:
                    if groups.count > 1 { groups.removeLast() }
                    groupJustOpened = false
                case 0x5C:
                    state = .backslash
                case 0x0A, 0x0D:
                    break
                default:
                    groupJustOpened = false
                    emit(byte >= 0x80 ? nil : UInt32(byte), raw: byte)
                }
            case .backslash:
                if isASCIILetter(byte) {
                    word = [byte]
                    number.removeAll()
                    state = .word
                    return
                }
                state = .text
                switch byte {
                case 0x27: state = .hex1
                case 0x2A: starred = true
                case 0x5C, 0x7B, 0x7D: emit(UInt32(byte), raw: byte)
                case 0x7E: emit(0xA0, raw: nil)
                case 0x5F: emit(0x2011, raw: nil)
                case 0x0A, 0x0D: controlWord("par", nil)
                default: break // \- optional hyphen, \| and others
                }
            case .word:
                if isASCIILetter(byte) {
                    if word.count < 32 { word.append(byte) }
                } else if byte == 0x2D || (byte >= 0x30 && byte <= 0x39) {
                    number = [byte]
                    state = .number
                } else {
                    finishWord()
                    if byte != 0x20 { consume(byte) }
                }
            case .number:
                if byte >= 0x30 && byte <= 0x39 {
                    if number.count < 12 { number.append(byte) }
                } else {
                    finishWord()
                    if byte != 0x20, state != .binary { consume(byte) }
                }
            case .hex1:
                guard let value = Self.hexValue(byte) else { state = .text; return }
                hex = value << 4
                state = .hex2
            case .hex2:
                state = .text
                guard let value = Self.hexValue(byte) else { return }
                let full = hex | value
                emit(full < 0x80 ? UInt32(full) : nil, raw: full)
            case .binary:
                break
            }
        }

        private mutating func finishWord() {
            state = .text
            let name = String(decoding: word, as: UTF8.self)
            let value = number.isEmpty ? nil : Int(String(decoding: number, as: UTF8.self))
            controlWord(name, value)
        }

        private mutating func controlWord(_ name: String, _ value: Int?) {
            let destination = groupJustOpened || starred
            groupJustOpened = false
            if starred || (destination && RTFText.skippedDestinations.contains(name)) {
                starred = false
                groups[groups.count - 1].skip = true
                return
            }
            switch name {
            case "par", "line", "sect", "page", "row": emit(0x0A, raw: nil)
            case "tab", "cell": emit(0x09, raw: nil)
            case "uc": groups[groups.count - 1].unicodeSkip = max(0, value ?? 1)
            case "u":
                // A signed 16-bit number by the specification; anything else (`\u-99999999999`,
                // found by fuzzing, trapped converting to UInt32) is no character: its fallback
                // stays as text.
                guard var code = value, (-32_768...65_535).contains(code) else { return }
                if code < 0 { code += 65_536 }
                emit(UInt32(code), raw: nil, counts: false)
                pendingSkip = groups.last?.unicodeSkip ?? 1
            case "bin":
                if let value, value > 0 { binaryRemaining = value; state = .binary }
            default:
                if let symbol = RTFText.symbols[name] { emit(symbol, raw: nil) }
            }
        }

        /// Writes a character: `scalar` when known, else `raw` read as Windows-1252. A character
        /// written after `\uN` is its fallback and is skipped instead.
        private mutating func emit(_ scalar: UInt32?, raw: UInt8?, counts: Bool = true) {
            if counts, pendingSkip > 0 {
                pendingSkip -= 1
                return
            }
            guard !skipping else { return }
            if let scalar {
                guard scalar != 0 else { return }
                if (0xD800..<0xE000).contains(scalar) { return }
                Transcoder.appendUTF8(scalar, into: &out)
            } else if let raw {
                Transcoder.windows1252UTF8(raw, into: &out)
            }
        }

        mutating func finish() {
            if state == .word || state == .number { finishWord() }
            flush()
        }

        private mutating func flush() {
            guard !out.isEmpty else { return }
            out.withUnsafeBytes { sink($0) }
            out.removeAll(keepingCapacity: true)
        }

        static func hexValue(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x30...0x39: return byte - 0x30
            case 0x61...0x66: return byte - 0x61 + 10
            case 0x41...0x46: return byte - 0x41 + 10
            default: return nil
            }
        }
    }
}
