import Testing
import SablierCSV

/// Reads `text` and returns (line, fields) per record.
private func read(_ text: String, _ dialect: CSVDialect = .comma) throws(CSVError) -> [(line: Int, fields: [String])] {
    try CSVReader(string: text, dialect: dialect).records().map { ($0.line, $0.fields) }
}

private func readBytes(_ bytes: [UInt8]) throws(CSVError) -> [CSVRecord] {
    try CSVReader(bytes: bytes).records()
}

/// The error thrown by reading `bytes`, or nil.
private func error(reading bytes: [UInt8], _ dialect: CSVDialect = .comma) -> CSVError? {
    do {
        _ = try CSVReader(bytes: bytes, dialect: dialect).records()
        return nil
    } catch {
        return error
    }
}

private func error(reading text: String) -> CSVError? {
    error(reading: Array(text.utf8))
}

@Suite struct CSVReaderTests {
    @Test func plainRecordsAndLines() throws {
        let records = try read("a,b,c\n1,2,3\n")
        #expect(records.map(\.line) == [1, 2])
        #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"]])
    }

    @Test func emptyFieldsAndTrailingSeparator() throws {
        let records = try read(",a,,\n,\n")
        #expect(records.map(\.fields) == [["", "a", "", ""], ["", ""]])
    }

    @Test func quotedFieldsWithEscapesAndSeparators() throws {
        let records = try read(#""a,b","say ""hi""","",x"# + "\n" + #""""""# + "\n")
        #expect(records.map(\.fields) == [["a,b", #"say "hi""#, "", "x"], [#"""#]])
    }

    @Test func embeddedNewlinesKeepLineNumbersOfLaterRecords() throws {
        // Record 2 spans lines 2-4 (LF, then CRLF inside the quotes); record 3 spans 5-6 (CR).
        let text = "h1,h2\n" + "\"one\ntwo\r\nthree\",x\n" + "\"a\rb\",y\n" + "last,z\n"
        let records = try read(text)
        try #require(records.count == 4)
        #expect(records.map(\.line) == [1, 2, 5, 7])
        #expect(records[1].fields == ["one\ntwo\r\nthree", "x"])
        #expect(records[2].fields == ["a\rb", "y"])
        #expect(records[3].fields == ["last", "z"])
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineBreaks(_ lineBreak: String) throws {
        let text = ["a,b", "c,d", "\"e\(lineBreak)f\",g", "h,i"].joined(separator: lineBreak) + lineBreak
        let records = try read(text)
        #expect(records.map(\.fields) == [["a", "b"], ["c", "d"], ["e\(lineBreak)f", "g"], ["h", "i"]])
        #expect(records.map(\.line) == [1, 2, 3, 5])
    }

    @Test func missingFinalLineBreak() throws {
        #expect(try read("a,b\nc,d").map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(try read("a,\"b\"").map(\.fields) == [["a", "b"]])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let records = try readBytes([0xEF, 0xBB, 0xBF] + Array("regle,titre\n1,x\n".utf8))
        try #require(records.count == 2)
        #expect(records[0].fields == ["regle", "titre"])
        #expect(records.map(\.line) == [1, 2])
        #expect(try readBytes([0xEF, 0xBB, 0xBF]).isEmpty)
        // Only a leading BOM is skipped: later, U+FEFF is text.
        #expect(try read("a\n\u{FEFF}b\n").map(\.fields) == [["a"], ["\u{FEFF}b"]])
    }

    @Test func blankLinesAreSkippedByDefault() throws {
        let records = try read("a\n\n\r\nb\n\n\n")
        #expect(records.map(\.fields) == [["a"], ["b"]])
        #expect(records.map(\.line) == [1, 4])
        #expect(try read("").isEmpty)
        #expect(try read("\n\n").isEmpty)
    }

    @Test func blankLinesAsRecordsWhenAsked() throws {
        let dialect = try #require(CSVDialect(separator: UInt8(ascii: ","), skipsBlankLines: false))
        let records = try read("a\n\nb\n\n", dialect)
        // The empty line 2 is a record of one empty field; the trailing empty line 4 is not.
        #expect(records.map(\.fields) == [["a"], [""], ["b"]])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test func multibyteUTF8() throws {
        let records = try read("é,\u{00A0}R2\u{00A0}:,\"😀\"\n")
        try #require(records.count == 1)
        #expect(records[0].fields == ["é", "\u{00A0}R2\u{00A0}:", "😀"])
    }

    @Test func semicolonSeparator() throws {
        let records = try read("a;\"b;c\";d,e\n", .semicolon)
        try #require(records.count == 1)
        #expect(records[0].fields == ["a", "b;c", "d,e"])
    }

    @Test func separatorGuess() {
        #expect(CSVDialect.guess(from: Array("a;b;c,d\n1,2,3,4,5\n".utf8)) == .semicolon)
        #expect(CSVDialect.guess(from: Array("a,b;c\n".utf8)) == .comma)
        #expect(CSVDialect.guess(from: Array("\"a;b;c\",d\n".utf8)) == .comma)
        #expect(CSVDialect.guess(from: Array("a\tb\tc\n".utf8)) == .tab)
        #expect(CSVDialect.guess(from: [UInt8]()) == .comma)
    }

    @Test func invalidSeparatorsAreRefused() {
        #expect(CSVDialect(separator: UInt8(ascii: "\"")) == nil)
        #expect(CSVDialect(separator: 0x0A) == nil)
        #expect(CSVDialect(separator: 0xC3) == nil)
        #expect(CSVDialect(separator: UInt8(ascii: "|"))?.separator == UInt8(ascii: "|"))
    }

    // MARK: Malformed input

    @Test func unterminatedQuoteReportsTheLineWhereItOpens() throws {
        let failure = try #require(error(reading: "a,b\nc,\"d\ne\nf\n"))
        #expect(failure.kind == .unterminatedQuote(endLine: 5))
        #expect(failure.line == 2)
        #expect(failure.recordLine == 2)
        #expect(failure.fieldIndex == 1)
        #expect(failure.description == "line 2: the quoted field 2 opened on line 2 is never closed (end of file reached on line 5)")
    }

    @Test func quoteInsideUnquotedField() throws {
        let failure = try #require(error(reading: "a,b\nc,d\"e\",f\n"))
        #expect(failure.kind == .quoteInUnquotedField)
        #expect(failure.line == 2)
        #expect(failure.fieldIndex == 1)
        // A space before the opening quote makes the field unquoted (RFC 4180).
        #expect(error(reading: "a, \"b\"\n")?.kind == .quoteInUnquotedField)
    }

    @Test func textAfterClosingQuote() throws {
        let failure = try #require(error(reading: "\"multi\nline\"x,b\n"))
        #expect(failure.kind == .textAfterClosingQuote)
        #expect(failure.line == 2)
        #expect(failure.recordLine == 1)
        #expect(failure.fieldIndex == 0)
    }

    @Test(arguments: [
        ([0xE9], "Latin-1 é"),
        ([0xC3], "truncated sequence at the end"),
        ([0xC0, 0xAF], "overlong"),
        ([0xED, 0xA0, 0x80], "surrogate"),
        ([0xF4, 0x90, 0x80, 0x80], "above U+10FFFF"),
        ([0x80], "lone continuation byte"),
        ([0xE2, 0x82, 0x41], "bad continuation"),
    ] as [([UInt8], String)])
    func invalidUTF8(_ bad: [UInt8], _ what: String) throws {
        let unquoted = Array("a,b\nc,d\nx".utf8) + bad
        let failure = try #require(error(reading: unquoted), "\(what)")
        #expect(failure.kind == .invalidUTF8(byte: bad[0]))
        #expect(failure.line == 3)
        #expect(failure.fieldIndex == 0)
        let quoted = Array("a,\"b\n".utf8) + bad + Array("\"\n".utf8)
        let inQuotes = try #require(error(reading: quoted), "\(what)")
        #expect(inQuotes.kind == .invalidUTF8(byte: bad[0]))
        #expect(inQuotes.line == 2)
        #expect(inQuotes.recordLine == 1)
        #expect(inQuotes.fieldIndex == 1)
    }

    @Test func invalidUTF8MessageSuggestsTheFix() throws {
        let failure = try #require(error(reading: Array("r\u{E8}gle".unicodeScalars.map { UInt8($0.value) })))
        #expect(failure.message.contains("0xE8"))
        #expect(failure.message.contains("CSV UTF-8"))
    }

    @Test func recordsBeforeAnErrorAreDelivered() throws {
        var lines: [Int] = []
        #expect(throws: CSVError.self) {
            try CSVReader(string: "a\nb\n\"c\n").forEachRecord { lines.append($0.line) }
        }
        #expect(lines == [1, 2])
        var cursor = CSVReader(string: "a\n\"b\n").makeCursor()
        #expect(try cursor.next()?.fields == ["a"])
        #expect(throws: CSVError.self) { try cursor.next() }
        #expect(try cursor.next() == nil)
    }

    // MARK: The record view

    @Test func recordViewGivesFieldsLazily() throws {
        var seen: [(line: Int, fields: [String], quoted: [Bool], empty: [Bool], bytes: [Int])] = []
        try CSVReader(string: "x,\"y\"\"z\",\"\"\n\n\"p\nq\",r\n").forEachRecord { record in
            seen.append((
                record.line, record.fields,
                (0..<record.count).map { record.isQuoted(field: $0) },
                (0..<record.count).map { record.isEmpty(field: $0) },
                (0..<record.count).map { i in record.withBytes(ofField: i) { $0.count } }
            ))
        }
        try #require(seen.count == 2)
        #expect(seen[0].line == 1)
        #expect(seen[0].fields == ["x", "y\"z", ""])
        #expect(seen[0].quoted == [false, true, true])
        #expect(seen[0].empty == [false, false, true])
        #expect(seen[0].bytes == [1, 3, 0])
        #expect(seen[1].line == 3)
        #expect(seen[1].fields == ["p\nq", "r"])
    }

    @Test func rawBufferInput() throws {
        let bytes = Array("a,b\n\"c\nd\",e\n".utf8)
        var records: [CSVRecord] = []
        try bytes.withUnsafeBytes { raw in
            try CSVReader.forEachRecord(in: raw) { records.append($0.record) }
        }
        #expect(records == [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["c\nd", "e"])])
    }

    @Test func recordFieldAccess() {
        let record = CSVRecord(line: 4, fields: ["a", "b"])
        #expect(record.count == 2)
        #expect(record[1] == "b")
        #expect(record.field(1) == "b")
        #expect(record.field(2) == nil)
    }

    // MARK: Round trip against an independent writer

    /// Random records (separators, quotes, every kind of line break, accents, emoji), written
    /// with RFC 4180 quoting; the expected start line of each record is counted from the text
    /// written before it.
    @Test(arguments: [CSVDialect.comma, .semicolon])
    func randomRoundTrip(_ dialect: CSVDialect) throws {
        var generator = SplitMix64(seed: 0x5AB1E2)
        let separator = String(UnicodeScalar(dialect.separator))
        let pieces = ["a", "Z", "0", " ", ",", ";", "\"", "\n", "\r\n", "\r", "é", "😀", "\u{00A0}", "R1 :", "'!"]
        var expected: [(line: Int, fields: [String])] = []
        var text = ""
        var line = 1
        for _ in 0..<400 {
            let fieldCount = Int(generator.next() % 5) + 1
            var fields: [String] = []
            for _ in 0..<fieldCount {
                let length = Int(generator.next() % 6)
                fields.append((0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
            }
            if fields == [""] { fields = ["x"] } // an empty line is skipped, not a record
            expected.append((line, fields))
            let encoded = fields.map { field -> String in
                // On scalars: "\r\n" is one Character, which contains("\n") would not find.
                let needsQuotes = field.unicodeScalars.contains { [separator, "\"", "\n", "\r"].contains(String($0)) }
                return needsQuotes ? "\"" + field.replacingAll("\"", with: "\"\"") + "\"" : field
            }.joined(separator: separator)
            let lineBreak = ["\n", "\r\n", "\r"][Int(generator.next() % 3)]
            let recordText = encoded + lineBreak
            text += recordText
            line += recordText.lineBreakCount
        }
        let records = try read(text, dialect)
        #expect(records.count == expected.count)
        for (got, want) in zip(records, expected) {
            #expect(got.line == want.line)
            #expect(got.fields == want.fields)
        }
    }
}

/// A small deterministic generator, so that the random test is the same on every run.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension String {
    /// Line breaks as the reader counts them: CRLF, CR and LF each end one line.
    var lineBreakCount: Int {
        var count = 0
        var previousCR = false
        for byte in utf8 {
            if byte == 0x0D { count += 1; previousCR = true; continue }
            if byte == 0x0A && !previousCR { count += 1 }
            previousCR = false
        }
        return count
    }

    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
