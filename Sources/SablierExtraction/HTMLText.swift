/// The text of an HTML file, streamed: tags dropped (block elements end a line, cells are
/// separated by tabs), comments, scripts and styles skipped, character references decoded
/// (`&eacute;`, `&#233;`, `&#xE9;`, `&nbsp;`), and the `alt`, `title` and `value` attributes
/// kept, which can hold what a page shows. Malformed HTML never stops the reading.
enum HTMLText {
    static func extract(_ path: String, into sink: ExtractedTextSink) throws {
        try withoutActuallyEscaping(sink) { sink in
        var parser = Parser(sink: sink)
        try ChunkedFile.readText(path) { buffer in
            parser.feed(buffer)
        }
        parser.finish()
        }
    }

    static let blockElements: Set<String> = [
        "p", "div", "br", "tr", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "header", "footer", "section",
        "article", "title", "blockquote", "pre", "dt", "dd", "dl", "address", "hr", "form", "fieldset", "legend", "nav", "aside",
        "main", "figure", "figcaption", "caption", "thead", "tbody", "tfoot", "body", "head", "html", "option",
    ]
    static let cellElements: Set<String> = ["td", "th"]
    static let rawElements: Set<String> = ["script", "style"]

    static let entities: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "eacute": 0xE9, "egrave": 0xE8,
        "ecirc": 0xEA, "euml": 0xEB, "agrave": 0xE0, "aacute": 0xE1, "acirc": 0xE2, "auml": 0xE4, "ccedil": 0xE7, "icirc": 0xEE,
        "iuml": 0xEF, "iacute": 0xED, "ocirc": 0xF4, "ouml": 0xF6, "oacute": 0xF3, "ucirc": 0xFB, "ugrave": 0xF9, "uuml": 0xFC,
        "uacute": 0xFA, "ntilde": 0xF1, "Eacute": 0xC9, "Egrave": 0xC8, "Ecirc": 0xCA, "Agrave": 0xC0, "Acirc": 0xC2,
        "Ccedil": 0xC7, "Ocirc": 0xD4, "Icirc": 0xCE, "Ucirc": 0xDB, "middot": 0xB7, "ndash": 0x2013, "mdash": 0x2014,
        "rsquo": 0x2019, "lsquo": 0x2018, "ldquo": 0x201C, "rdquo": 0x201D, "laquo": 0xAB, "raquo": 0xBB, "hellip": 0x2026,
        "deg": 0xB0, "copy": 0xA9, "reg": 0xAE, "trade": 0x2122, "euro": 0x20AC, "oelig": 0x153, "OElig": 0x152, "bull": 0x2022,
        "shy": 0xAD, "thinsp": 0x2009, "ensp": 0x2002, "emsp": 0x2003, "times": 0xD7, "ordm": 0xBA, "ordf": 0xAA,
    ]

    struct Parser {
        enum State { case text, tag, comment, raw, entity }
        let sink: ExtractedTextSink
        var state = State.text
        var tag: [UInt8] = []
        var entity: [UInt8] = []
        var rawEnd: [UInt8] = []
        var recent: [UInt8] = []
        var out: [UInt8] = []

        init(sink: @escaping ExtractedTextSink) {
            self.sink = sink
        }

        mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
            for byte in bytes {
                switch state {
                case .text:
                    if byte == 0x3C { state = .tag; tag.removeAll(keepingCapacity: true) }
                    else if byte == 0x26 { state = .entity; entity.removeAll(keepingCapacity: true) }
                    else { out.append(byte == 0x0D ? 0x20 : byte) }
                case .entity:
                    if byte == 0x3B {
                        decodeEntity()
                        state = .text
                    } else if entity.count < 10, byte == 0x23 || isASCIIAlnum(byte) {
                        entity.append(byte)
                    } else {
                        out.append(0x26)
                        out += entity
                        state = .text
                        if byte == 0x3C { state = .tag; tag.removeAll(keepingCapacity: true) } else { out.append(byte) }
                    }
                case .tag:
                    if tag.isEmpty, !(isASCIILetter(byte) || byte == 0x2F || byte == 0x21 || byte == 0x3F) {
                        // `a < b`: not a tag.
                        out.append(0x3C)
                        out.append(byte)
                        state = .text
                    } else if byte == 0x3E {
                        endTag()
                    } else {
                        if tag.count < 4096 { tag.append(byte) }
                        if tag.count == 3, tag == [0x21, 0x2D, 0x2D] { state = .comment; recent.removeAll() }
                    }
                case .comment:
                    recent.append(byte)
                    if recent.count > 3 { recent.removeFirst() }
                    if recent == [0x2D, 0x2D, 0x3E] { state = .text }
                case .raw:
                    recent.append(byte | (isASCIILetter(byte) ? 0x20 : 0))
                    if recent.count > rawEnd.count { recent.removeFirst() }
                    if recent == rawEnd { state = .tag; tag = Array(rawEnd.dropFirst()); endTag() }
                }
            }
            if out.count >= 65_536 { flush() }
        }

        mutating func finish() {
            if state == .entity { out.append(0x26); out += entity }
            flush()
        }

        private mutating func flush() {
            guard !out.isEmpty else { return }
            out.withUnsafeBytes { sink($0) }
            out.removeAll(keepingCapacity: true)
        }

        private mutating func endTag() {
            state = .text
            var index = 0
            let closing = tag.first == 0x2F
            if closing { index = 1 }
            var name: [UInt8] = []
            while index < tag.count, isASCIIAlnum(tag[index]) { name.append(tag[index] | 0x20); index += 1 }
            let element = String(decoding: name, as: UTF8.self)
            if HTMLText.blockElements.contains(element) {
                if out.last != 0x0A { out.append(0x0A) }
            } else if HTMLText.cellElements.contains(element) {
                if !closing { out.append(0x09) }
            }
            if !closing, HTMLText.rawElements.contains(element), tag.last != 0x2F {
                state = .raw
                rawEnd = Array("</\(element)".utf8)
                recent.removeAll()
                return
            }
            if !closing { attributes(from: index) }
        }

        /// The values of `alt`, `title` and `value`, written as text.
        private mutating func attributes(from start: Int) {
            var index = start
            while index < tag.count {
                while index < tag.count, !isASCIILetter(tag[index]) { index += 1 }
                var name: [UInt8] = []
                while index < tag.count, isASCIIAlnum(tag[index]) || tag[index] == 0x2D { name.append(tag[index] | 0x20); index += 1 }
                while index < tag.count, tag[index] == 0x20 { index += 1 }
                guard index < tag.count, tag[index] == 0x3D else { continue }
                index += 1
                while index < tag.count, tag[index] == 0x20 { index += 1 }
                var value: [UInt8] = []
                if index < tag.count, tag[index] == 0x22 || tag[index] == 0x27 {
                    let quote = tag[index]
                    index += 1
                    while index < tag.count, tag[index] != quote { value.append(tag[index]); index += 1 }
                    index += 1
                } else {
                    while index < tag.count, tag[index] != 0x20 { value.append(tag[index]); index += 1 }
                }
                let key = String(decoding: name, as: UTF8.self)
                if key == "alt" || key == "title" || key == "value", !value.isEmpty {
                    out.append(0x20)
                    appendDecoded(value)
                    out.append(0x20)
                }
            }
        }

        /// An attribute's value with its character references decoded.
        private mutating func appendDecoded(_ value: [UInt8]) {
            var index = 0
            while index < value.count {
                if value[index] == 0x26, let end = value[index...].prefix(12).firstIndex(of: 0x3B) {
                    entity = Array(value[(index + 1)..<end])
                    decodeEntity()
                    index = end + 1
                } else {
                    out.append(value[index])
                    index += 1
                }
            }
        }

        private mutating func decodeEntity() {
            var scalar: UInt32?
            if entity.first == 0x23 {
                let digits = entity.dropFirst()
                if digits.first == 0x78 || digits.first == 0x58 {
                    scalar = UInt32(String(decoding: digits.dropFirst(), as: UTF8.self), radix: 16)
                } else {
                    scalar = UInt32(String(decoding: digits, as: UTF8.self))
                }
            } else {
                scalar = HTMLText.entities[String(decoding: entity, as: UTF8.self)]
            }
            if let value = scalar, value > 0, value < 0x110000, !(0xD800..<0xE000).contains(value) {
                Transcoder.appendUTF8(value, into: &out)
            } else {
                out.append(0x26)
                out += entity
                out.append(0x3B)
            }
        }
    }
}

@inline(__always) func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
@inline(__always) func isASCIIAlnum(_ byte: UInt8) -> Bool { isASCIILetter(byte) || byte &- 0x30 < 10 }
