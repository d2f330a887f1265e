import SablierCSV

/// The text of a CSV file (comma, semicolon or tab separated, quotes as in RFC 4180), streamed.
/// When the first record is a header (every cell holds a letter), each later cell is written on
/// its own line as `column: value`, so a column's name says what its values are, as a form's
/// label would (`sin: 264175696`); records are separated by a blank line. Without a header,
/// a record's cells are written on one line, separated by tabs.
enum CSVText {
    static func extract(_ path: String, into sink: ExtractedTextSink) throws {
        try withoutActuallyEscaping(sink) { sink in
        var parser = Parser(sink: sink)
        try ChunkedFile.readText(path) { buffer in
            parser.feed(buffer)
        }
        parser.finish()
        }
    }

    struct Parser {
        let sink: ExtractedTextSink
        var separator: UInt8?
        var inQuotes = false
        var quoteSeen = false
        var field: [UInt8] = []
        var fields: [[UInt8]] = []
        var header: [[UInt8]]?
        var records = 0
        var out: [UInt8] = []

        init(sink: @escaping ExtractedTextSink) {
            self.sink = sink
        }

        mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
            if separator == nil {
                // Guessed from the first line as the register's CSV reader guesses it.
                separator = CSVDialect.guess(from: bytes).separator
            }
            let separator = self.separator!
            for byte in bytes {
                if inQuotes {
                    if byte == 0x22 { inQuotes = false; quoteSeen = true } else { field.append(byte == 0x0A || byte == 0x0D ? 0x20 : byte) }
                } else {
                    plain(byte, separator: separator)
                }
                // A field of more than 1 MiB (a file that is not really CSV) is written out as it
                // goes, so memory stays bounded.
                if field.count >= 1 << 20 {
                    out += field
                    out.append(0x0A)
                    field.removeAll(keepingCapacity: true)
                    flush(force: false)
                }
            }
            flush(force: false)
        }

        /// A byte outside quotes.
        private mutating func plain(_ byte: UInt8, separator: UInt8) {
            switch byte {
            case 0x22:
                if quoteSeen { field.append(0x22) }   // "" inside a quoted field
                inQuotes = true
            case separator:
                endField()
            case 0x0A:
                endField()
                endRecord()
            case 0x0D:
                break
            default:
                quoteSeen = false
                field.append(byte)
            }
        }

        mutating func finish() {
            if !field.isEmpty || !fields.isEmpty {
                endField()
                endRecord()
            }
            flush(force: true)
        }

        private mutating func endField() {
            fields.append(trimmed(field))
            field.removeAll(keepingCapacity: true)
            quoteSeen = false
            // A "record" of more than 10,000 cells is not one: write it out, bounded.
            if fields.count >= 10_000 { endRecord() }
        }

        private func trimmed(_ bytes: [UInt8]) -> [UInt8] {
            guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
                  let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return [] }
            return Array(bytes[first...last])
        }

        private mutating func endRecord() {
            defer { fields.removeAll(keepingCapacity: true); records += 1 }
            if fields.allSatisfy(\.isEmpty) { return }
            if records == 0, fields.count > 1, fields.allSatisfy({ $0.contains { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 >= 0xC0 } }) {
                header = fields
                return
            }
            if let header {
                for (index, value) in fields.enumerated() where !value.isEmpty {
                    if index < header.count {
                        out += header[index]
                        out += [0x3A, 0x20]
                    }
                    out += value
                    out.append(0x0A)
                }
                out.append(0x0A)
            } else {
                for (index, value) in fields.enumerated() {
                    if index > 0 { out.append(0x09) }
                    out += value
                }
                out.append(0x0A)
            }
        }

        private mutating func flush(force: Bool) {
            guard force || out.count >= 65_536, !out.isEmpty else { return }
            out.withUnsafeBytes { sink($0) }
            out.removeAll(keepingCapacity: true)
        }
    }
}
