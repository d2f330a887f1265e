import SablierCore
import Testing

/// The byte-level fast paths of `trimmingSpaces()`, `ListCell.split`, `Support.list` and
/// `RemarkText.parse` must give exactly what the Character- and scalar-based readings give.
/// Each is checked against a copy of that reading, on chosen cases and on many generated texts
/// mixing ASCII and Unicode spaces, CR LF, combining marks, prepended scalars and the scalars
/// Swift holds equal to ASCII ones (U+037E is `;`, U+212A is `K`, U+1FEF is `` ` ``).
@Suite("Text fast paths")
struct TextFastPathTests {
    // MARK: references (the readings as they were before the fast paths)

    static func referenceTrim(_ text: some StringProtocol) -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        guard let start = text.firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = text.lastIndex(where: { !isSpace($0) })!
        return String(text[start...end])
    }

    static func referenceSplit(_ cell: String?, separators: Set<Character> = [";", ",", "\n", "\r"]) -> [String] {
        guard let cell else { return [] }
        var result: [String] = []
        for part in cell.split(whereSeparator: { separators.contains($0) }) {
            let item = referenceTrim(part)
            if !item.isEmpty, !result.contains(item) { result.append(item) }
        }
        return result
    }

    static func referenceSupports(_ cell: String) -> [Support] {
        var result: [Support] = []
        for part in cell.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "/" || $0.isNewline }) {
            let text = referenceTrim(part)
            guard !text.isEmpty, text != "-", text != "--" else { continue }
            let support = Support(code: text)
            if !result.contains(support) { result.append(support) }
        }
        return result
    }

    static func referenceRemarks(_ text: String) -> RemarkText.Parsed {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{00A0}" || scalar == "\u{202F}"
        }
        let scalars = Array(text.unicodeScalars)
        var markers: [(start: Int, bodyStart: Int, id: RemarkID, prefixed: Bool)] = []
        var i = 0
        while i < scalars.count {
            let atLineStart = i == 0 || scalars[i - 1] == "\n" || scalars[i - 1] == "\r"
            let afterSpace = i == 0 || isSpace(scalars[i - 1])
            var j = i
            var prefixed = false
            if (scalars[j] == "R" || scalars[j] == "r") && afterSpace {
                prefixed = true
                j += 1
            } else if !atLineStart {
                i += 1
                continue
            }
            let digitsStart = j
            while j < scalars.count, j - digitsStart < 3, ("0"..."9").contains(scalars[j]) { j += 1 }
            guard j > digitsStart, j - digitsStart <= 2 else { i += 1; continue }
            var number = 0
            for k in digitsStart..<j { number = number * 10 + Int(scalars[k].value - 48) }
            var k = j
            while k < scalars.count, isSpace(scalars[k]), scalars[k] != "\n" { k += 1 }
            guard k < scalars.count, scalars[k] == ":", number > 0 else { i += 1; continue }
            markers.append((i, k + 1, RemarkID(number: number), prefixed))
            i = k + 1
        }
        func slice(_ from: Int, _ to: Int) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[from..<to])
            return referenceTrim(String(s))
        }
        var remarks: [Remark] = []
        var preamble: String?
        var unprefixed: [RemarkID] = []
        var duplicates: [RemarkID] = []
        let head = slice(0, markers.first?.start ?? scalars.count)
        if !head.isEmpty { preamble = head }
        for (index, marker) in markers.enumerated() {
            let end = index + 1 < markers.count ? markers[index + 1].start : scalars.count
            let body = slice(marker.bodyStart, end)
            if !marker.prefixed { unprefixed.append(marker.id) }
            if let existing = remarks.firstIndex(where: { $0.id == marker.id }) {
                duplicates.append(marker.id)
                remarks[existing].text += "\n" + body
            } else {
                remarks.append(Remark(id: marker.id, text: body))
            }
        }
        var parsed = RemarkText.parse("")
        parsed.remarks = remarks
        parsed.preamble = preamble
        parsed.unprefixedMarkers = unprefixed
        parsed.duplicates = duplicates
        return parsed
    }

    // MARK: generated texts

    /// Pieces that make the fast paths stop and hand over, or not.
    static let pieces: [String] = [
        " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{00A0}", "\u{202F}", "\u{2003}", "\u{3000}",
        "\u{0085}", "\u{2028}", "\u{2029}", "\u{1680}", "\u{301}", "\u{0600}", "\u{200D}", "\u{1F1EB}", "\u{1F1F7}",
        "a", "Z", "é", "e\u{301}", "ß", "日", "R", "r", "0", "1", "2", "12", "123", ":", ";", ",", "/", "-", "--",
        ".", "\u{037E}", "K", "\u{212A}", "`", "\u{1FEF}", "PA", "dm", "R1 :", "R2:", "3:", "\u{1C}", "\u{1F}",
    ]

    /// Deterministic texts of up to `maxPieces` pieces (a linear congruential generator, so
    /// every run checks the same texts).
    static func texts(count: Int, maxPieces: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            (0..<(next() % (maxPieces + 1))).map { _ in pieces[next() % pieces.count] }.joined()
        }
    }

    // MARK: trimming

    @Test("trimming ASCII and non-ASCII spaces", arguments: [
        ("", ""), ("   ", ""), (" a ", "a"), ("\t\r\n a b \r\n", "a b"), ("\u{0B}\u{0C}x\u{0C}", "x"),
        ("\u{00A0}15\u{00A0}", "15"), ("\u{202F}R1\u{202F}", "R1"), ("\u{2003}é\u{3000}", "é"),
        (" é ", "é"), ("é", "é"), (" \u{301}a", "a"), ("a \u{301}", "a"), ("\u{1C}a\u{1F}", "\u{1C}a\u{1F}"),
        ("\u{0085}a\u{2028}", "a"), ("a\r\n", "a"), ("\u{0600} a", "\u{0600} a"), ("abc", "abc"),
    ])
    func trims(text: String, expected: String) {
        #expect(text.trimmingSpaces() == expected)
        #expect(Self.referenceTrim(text) == expected)
        let padded = "x" + text + "x"
        let inner = padded.dropFirst().dropLast()
        #expect(inner.trimmingSpaces() == expected)
        #expect(Optional(text).nonBlank == (expected.isEmpty ? nil : expected))
    }

    @Test("trimming gives the Character reading's result on generated texts")
    func trimsLikeCharacters() {
        for text in Self.texts(count: 20_000, maxPieces: 8, seed: 1) {
            let expected = Self.referenceTrim(text)
            #expect(text.trimmingSpaces() == expected, "\(Array(text.unicodeScalars))")
            let padded = "\u{00E9}" + text + "|"
            let inner = padded.dropFirst().dropLast()
            #expect(inner.trimmingSpaces() == Self.referenceTrim(inner), "\(Array(text.unicodeScalars))")
            let generic: any StringProtocol = inner
            #expect(generic.trimmingSpaces() == Self.referenceTrim(inner), "\(Array(text.unicodeScalars))")
        }
    }

    // MARK: lists

    @Test("list cells: CR LF is one Character and does not separate; U+037E is a ';'")
    func listCells() {
        #expect(ListCell.split("a\r\nb") == ["a\r\nb"])
        #expect(ListCell.split("a\rb\nc") == ["a", "b", "c"])
        #expect(ListCell.split("a\u{037E}b") == ["a", "b"])
        #expect(ListCell.split("a;\u{301}b") == ["a;\u{301}b"])
        #expect(ListCell.split("Rapport, correspondance, procès-verbal") == ["Rapport", "correspondance", "procès-verbal"])
        #expect(ListCell.split("a; b", separators: [";"]) == ["a", "b"])
        #expect(ListCell.split("aKb", separators: ["K"]) == ["a", "b"])
        #expect(ListCell.split("a\u{212A}b", separators: ["K"]) == ["a", "b"])
        #expect(ListCell.split("a\r\nb", separators: ["\r\n"]) == ["a", "b"])
        #expect(ListCell.split(nil) == [])
    }

    @Test("list cells give the Character reading's result on generated texts")
    func listCellsLikeCharacters() {
        let separatorSets: [Set<Character>] = [[";", ",", "\n", "\r"], [";"], ["\n", "\r"], ["K", "`"], ["\r\n", ","], ["é"]]
        for (index, text) in Self.texts(count: 12_000, maxPieces: 10, seed: 2).enumerated() {
            let separators = separatorSets[index % separatorSets.count]
            #expect(ListCell.split(text, separators: separators) == Self.referenceSplit(text, separators: separators),
                    "\(Array(text.unicodeScalars)) \(separators)")
        }
    }

    @Test("supports: separators, newlines beyond ASCII, CR LF, and the Greek question mark")
    func supports() {
        #expect(Support.list(from: "PA, DM") == [.papier, .numerique])
        #expect(Support.list(from: "pa/dm;fi\r\nmi") == [.papier, .numerique, .film, .microfilm])
        #expect(Support.list(from: "PA\u{2028}DM\u{0085}FI") == [.papier, .numerique, .film])
        #expect(Support.list(from: "PA\u{037E}DM") == [.papier, .numerique])
        #expect(Support.list(from: "PA,\u{301}DM") == Self.referenceSupports("PA,\u{301}DM"))
        #expect(Support.list(from: " - , -- ,") == [])
        #expect(Support.list(from: "PA, DM".dropFirst(0)) == [.papier, .numerique])
    }

    @Test("supports give the Character reading's result on generated texts")
    func supportsLikeCharacters() {
        for text in Self.texts(count: 12_000, maxPieces: 10, seed: 3) {
            #expect(Support.list(from: text) == Self.referenceSupports(text), "\(Array(text.unicodeScalars))")
            #expect(Support.list(from: text[...]) == Self.referenceSupports(text), "\(Array(text.unicodeScalars))")
        }
    }

    // MARK: remarks

    @Test("remarks with no-break, narrow no-break and other spaces around the markers")
    func remarks() {
        for text in [
            "R1\u{202F}: a\u{00A0}R2 : b", "\u{00A0}R1: a", "x\u{2003}R1: a", "R1 :\u{00A0}é\nR2\u{00A0}\u{00A0}: ü",
            "1: a\r2: b", "r7 : a R08: b R100: c", "R1 \n: a", "日R1: a", "R1:", "", "R0: a",
        ] {
            #expect(RemarkText.parse(text) == Self.referenceRemarks(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test("remarks give the scalar reading's result on generated texts")
    func remarksLikeScalars() {
        for text in Self.texts(count: 12_000, maxPieces: 14, seed: 4) {
            #expect(RemarkText.parse(text) == Self.referenceRemarks(text), "\(Array(text.unicodeScalars))")
        }
    }

    // MARK: codes

    static func referenceCopyKind(_ code: String) -> CopyKind? {
        switch referenceTrim(code).lowercased() {
        case "p", "principal": return .principal
        case "s", "secondaire", "secondary": return .secondaire
        default: return nil
        }
    }

    static func referenceYesNo(_ text: String?) -> Bool? {
        let trimmed = text.map { referenceTrim($0) }
        switch (trimmed?.isEmpty ?? true) ? nil : trimmed?.lowercased() {
        case "o", "oui", "y", "yes", "true", "1": return true
        case "n", "non", "no", "false", "0": return false
        default: return nil
        }
    }

    static func referenceRemarkID(_ text: String) -> RemarkID? {
        let trimmed = referenceTrim(text)
        guard let first = trimmed.first, first == "R" || first == "r", let n = Int(trimmed.dropFirst()), n > 0 else { return nil }
        return RemarkID(number: n)
    }

    static func referencePeriod(_ cell: String) -> RetentionPeriod? {
        let text = referenceTrim(cell)
        if text.isEmpty || text == "-" || text == "--" { return RetentionPeriod.none }
        guard text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), text.utf8.count <= 4, let value = Int(text) else { return nil }
        switch value {
        case 888: return .open
        case 999: return .untilReplaced
        default: return .years(value)
        }
    }

    /// Codes: every scalar up to U+2FFF alone, then with spaces, marks and letters around it.
    static let codes: [String] = {
        var codes = (0..<0x3000).compactMap { Unicode.Scalar($0).map { String($0) } }
        for word in ["p", "P", "s", "S", "c", "d", "t", "a", "m", "o", "n", "y", "1", "0", "k", "\u{212A}", "ı", "İ"] {
            for (before, after) in [("", ""), (" ", " "), ("\u{00A0}", ""), ("", "\u{301}"), ("\u{301}", ""), ("", "x"), ("\u{0600}", "")] {
                codes.append(before + word + after)
            }
        }
        codes += [
            "oui", "NON", "Yes", "true", "FALSE", "principal", "Secondaire", "secondary", "PRİNCIPAL",
            "R1", "r2", " R3 ", "R007", "R0", "R+5", "R-5", "R", "R1.5", "R٣", "R\u{301}1", "R 1", "RR1",
            "R99999999999999999", "R999999999999999999", "R9999999999999999999", "R1\u{00A0}", "\u{00A0}r12",
            "888", " 999 ", "0", "0000", "12345", "-", "--", "- -", "+5", "٣", "1\u{301}", "2.5",
        ]
        return codes
    }()

    @Test("one-character codes read as the String reading reads them")
    func codesLikeStrings() {
        for code in Self.codes + Self.texts(count: 3_000, maxPieces: 3, seed: 5) {
            #expect(CopyKind(code: code) == Self.referenceCopyKind(code), "\(Array(code.unicodeScalars))")
            #expect(Disposition(code: code) == Disposition(rawValue: Self.referenceTrim(code).uppercased()), "\(Array(code.unicodeScalars))")
            #expect(RuleTransaction(code: code) == RuleTransaction(rawValue: Self.referenceTrim(code).uppercased()), "\(Array(code.unicodeScalars))")
            #expect(YesNo.parse(code) == Self.referenceYesNo(code), "\(Array(code.unicodeScalars))")
            #expect(RemarkID(text: code) == Self.referenceRemarkID(code), "\(Array(code.unicodeScalars))")
            #expect(RemarkID(text: code[...]) == Self.referenceRemarkID(code), "\(Array(code.unicodeScalars))")
            #expect(CopyKind(code: code[...]) == Self.referenceCopyKind(code), "\(Array(code.unicodeScalars))")
            #expect(Disposition(code: code[...]) == Disposition(code: code), "\(Array(code.unicodeScalars))")
            #expect(RuleTransaction(code: code[...]) == RuleTransaction(code: code), "\(Array(code.unicodeScalars))")
            #expect(RetentionPeriod(cell: code) == Self.referencePeriod(code), "\(Array(code.unicodeScalars))")
            #expect(RetentionPeriod(cell: code[...]) == Self.referencePeriod(code), "\(Array(code.unicodeScalars))")
            #expect(Support(code: code) == Support(code: code[...]), "\(Array(code.unicodeScalars))")
        }
        #expect(YesNo.parse(nil) == nil)
    }

    @Test("field paths: equal paths hash alike, whatever the copy")
    func fieldPathHashing() {
        let paths = [RuleFieldPath("title"), RuleFieldPath(.principal, .active), RuleFieldPath(.secondaire, .active),
                     RuleFieldPath(.principal, remarkOf: .active), RuleFieldPath("principal")]
        var table: [RuleFieldPath: Int] = [:]
        for (index, path) in paths.enumerated() { table[path] = index }
        #expect(table.count == paths.count)
        for (index, path) in paths.enumerated() { #expect(table[path] == index) }
        #expect(RuleFieldPath("\u{212A}") == RuleFieldPath("K"))
        #expect(RuleFieldPath("\u{212A}").hashValue == RuleFieldPath("K").hashValue)
        #expect(RuleFieldPath(.principal, .active) != RuleFieldPath(.secondaire, .active))
        #expect(RuleFieldPath(.principal, .active) != RuleFieldPath("active"))
    }

    @Test("a copy field's remark path is the field's raw value followed by Remark")
    func remarkPaths() {
        for field in CopyField.allCases {
            for kind in CopyKind.allCases {
                let path = RuleFieldPath(kind, remarkOf: field)
                #expect(path.name == field.rawValue + "Remark")
                #expect(path.copy == kind)
            }
        }
    }
}
