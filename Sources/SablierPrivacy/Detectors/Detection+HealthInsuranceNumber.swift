// RAMQ health insurance number (NAM) and the ministry's permanent code (code permanent): both
// four letters and eight digits, written `ABCD 1234 5678` or `ABCD12345678`.
//
// - NAM: three letters of the birth surname, the given name's initial, then YY MM DD (MM + 50
//   for women), a differentiator and a check digit. The check digit (petalmd/health_card's
//   algorithm, which RAMQ does not publish) only raises confidence.
// - Code permanent: the same letters, then DD MM YY (day first; MM + 50 for women; DD + 62 for
//   people born after 1999, so 63–93), then two digits the ministry assigns.
//
// A label decides which one it is (assurance maladie, RAMQ, carte soleil / code permanent);
// without one, the check digit and which date order is plausible do.

extension Detection {
    static let ramqContext = KeywordSet([
        "nam", "assurance maladie", "assurance-maladie", "ramq", "carte soleil", "health insurance", "health card", "medicare",
    ])
    static let permanentCodeContext = KeywordSet(["code permanent", "permanent code", "code perm"])

    mutating func fourLetterCode(letters start: Int, digits index: Int) -> Int? {
        for position in start..<(start + 4) where !isUpperASCII(text[position]) { return nil }
        let groups = groups(at: index)
        let count: Int
        if groups.lengths(0, 8) {
            count = 1
        } else if groups.lengths(0, 4, 4), groups.separator(0) == 0x20 {
            count = 2
        } else {
            return nil
        }
        guard ends(groups, 0, count) else { return nil }
        let range = start..<groups.end(count - 1)
        // Letters and digits held inline, not in arrays: on a class list this runs on every line.
        let letters = SIMD4<UInt8>(text[start], text[start + 1], text[start + 2], text[start + 3])
        var digits = SIMD8<UInt8>()
        var filled = 0
        for position in index..<range.upperBound where isDigit(text[position]) {
            digits[filled] = text[position] - 0x30
            filled += 1
        }
        let asNAM = Self.namDate(digits)
        let asCode = Self.permanentCodeDate(digits)
        let checked = asNAM && Self.ramqCheckDigit(letters: letters, digits: digits)
        switch nearest(Self.ramqContext, Self.permanentCodeContext, before: start, within: 100) {
        case let (0, keyword, _)?:
            let date = asNAM ? "a plausible birth date (YYMMDD)" : "no plausible birth date"
            add(.ramq, range, confidence: asNAM ? 95 : 70,
                "4 letters + 8 digits after « \(keyword.text) », \(date)\(checked ? ", check digit valid" : "")")
        case let (1, keyword, _)?:
            let date = asCode ? "a plausible birth date (DDMMYY)" : "no plausible birth date"
            add(.permanentCode, range, confidence: asCode ? 95 : 70, "4 letters + 8 digits after « \(keyword.text) », \(date)")
        default:
            if checked {
                add(.ramq, range, confidence: 85, "4 letters + 8 digits, plausible birth date (YYMMDD), RAMQ check digit valid, no label")
            } else if asCode, !asNAM {
                add(.permanentCode, range, confidence: 75, "4 letters + 8 digits, plausible birth date only as a permanent code (DDMMYY), no label")
            } else if asNAM, !asCode {
                add(.ramq, range, confidence: 70, "4 letters + 8 digits, plausible birth date only as a NAM (YYMMDD), no label")
            } else if asNAM, asCode {
                add(.permanentCode, range, confidence: 70, "4 letters + 8 digits, a plausible birth date either way, no label")
            }
        }
        return range.upperBound
    }

    /// MM 01–12 or 51–62 and DD a day of that month, from YYMMDD.
    static func namDate(_ digits: SIMD8<UInt8>) -> Bool {
        let month = Int(digits[2]) * 10 + Int(digits[3]), day = Int(digits[4]) * 10 + Int(digits[5])
        return DateCheck.isPlausible(month: month > 50 ? month - 50 : month, day: day)
    }

    /// DDMMYY with DD 01–31 or 63–93 (born after 1999) and MM 01–12 or 51–62.
    static func permanentCodeDate(_ digits: SIMD8<UInt8>) -> Bool {
        var day = Int(digits[0]) * 10 + Int(digits[1])
        let month = Int(digits[2]) * 10 + Int(digits[3])
        if day > 62 { day -= 62 }
        return DateCheck.isPlausible(month: month > 50 ? month - 50 : month, day: day)
    }

    /// petalmd/health_card's RAMQ check: letters as two digits each (A=01 … R=18, S=20 … Z=27),
    /// the four-digit birth year (either century), MM, DD and the differentiator, weighted
    /// 7,1,1,3,9,7,3,9,5,3,1,3,5,7,6,9,1; the sum modulo 10 is the last digit.
    static func ramqCheckDigit(letters: SIMD4<UInt8>, digits: SIMD8<UInt8>) -> Bool {
        // Weights 7,1 1,3 9,7 3,9 for the letters' digits, 5,3 for the century, 1,3,5,7,6,9,1
        // for YYMMDD and the differentiator.
        let letterWeights: SIMD8<Int> = [7, 1, 1, 3, 9, 7, 3, 9]
        let digitWeights: SIMD8<Int> = [1, 3, 5, 7, 6, 9, 1, 0]
        var sum = 0
        for number in 0..<4 {
            let ordinal = Int(letters[number]) - 64
            let code = ordinal <= 18 ? ordinal : ordinal + 1
            sum += code / 10 * letterWeights[2 * number] + code % 10 * letterWeights[2 * number + 1]
        }
        for number in 0..<7 { sum += Int(digits[number]) * digitWeights[number] }
        // The four-digit year's century, 19 or 20: 1×5 + 9×3 or 2×5 + 0×3.
        return (sum + 32) % 10 == Int(digits[7]) || (sum + 10) % 10 == Int(digits[7])
    }
}
