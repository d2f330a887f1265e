// North American telephone numbers: NPA-NXX-XXXX, area code and exchange starting with 2–9,
// neither N11; written `(514) 555-0123`, `514-555-0123`, `514 555-0123`, `514.555.0123`,
// `1-514-…`, `+1 514 …`; ten digits alone only after a telephone label (10-digit QST and NEQ
// numbers are everywhere on invoices).
//
// Phones are the main source of false alarms: the organisation's switchboard and fax, toll-free
// numbers and work numbers with an extension are public or weak (`PublicCharacter`); a number
// counts when the text says whose it is (cellulaire, domicile, parent, urgence…) or follows a
// person's name.

extension Detection {
    static let phoneLabels = KeywordSet(["=tel", "=tel.", "telephone", "phone", "cell", "cellulaire", "mobile", "numero"])
    static let publicPhoneContext = KeywordSet([
        "telecopieur", "=fax", "sans frais", "toll free", "toll-free", "standard", "switchboard", "reception",
    ])
    static let workContext = KeywordSet(["poste", "=ext", "=ext.", "bureau", "travail", "=work", "office"])
    private static let tollFree: Set<Int> = [800, 833, 844, 855, 866, 877, 888]

    mutating func phone(_ groups: Groups, from first: Int) -> Int? {
        var count: Int
        var hasCountryCode = false
        if groups.lengths(first, 3, 3, 4), groups.separator(first + 1) != 0x29 {
            count = 3
        } else if groups.lengths(first, 1, 3, 3, 4), text[groups.start(first)] == 0x31, groups.separator(first) != 0x29 {
            count = 4
            hasCountryCode = true
        } else if groups.lengths(first, 10) || (groups.lengths(first, 11) && text[groups.start(first)] == 0x31) {
            count = 1
            hasCountryCode = groups.length(first) == 11
            guard context(Self.phoneLabels, before: groups.start(first), within: 30) != nil else { return nil }
        } else {
            return nil
        }
        guard ends(groups, first, count) else { return nil }
        var start = groups.start(first)
        if start > 0, text[start - 1] == 0x28 || text[start - 1] == 0x2B { start -= 1 }
        let range = start..<groups.end(first + count - 1)
        // The ten digits (a country code's 1 left out), inline: no array per candidate.
        var digits = SIMD16<UInt8>()
        var filled = 0
        for position in range where isDigit(text[position]) {
            digits[filled] = text[position]
            filled += 1
        }
        if hasCountryCode { digits = SIMD16(digits[1], digits[2], digits[3], digits[4], digits[5], digits[6], digits[7], digits[8],
                                            digits[9], digits[10], 0, 0, 0, 0, 0, 0) }
        func digit(_ place: Int) -> Int { Int(digits[place]) - 0x30 }
        let area = digit(0) * 100 + digit(1) * 10 + digit(2)
        guard digit(0) >= 2, digit(3) >= 2, !(digit(1) == 1 && digit(2) == 1), !(digit(4) == 1 && digit(5) == 1) else {
            return nil
        }
        if Self.tollFree.contains(area) { return count }
        if !publicCharacter.phones.isEmpty {
            // Ten ASCII digits make a small string: built without an allocation.
            let number = String(unsafeUninitializedCapacity: 10) { out in
                for place in 0..<10 { out[place] = digits[place] }
                return 10
            }
            if publicCharacter.phones.contains(number) { return count }
        }
        if programAccount(after: range.upperBound) { return count }
        if context(Self.businessContext, before: start, within: 40) != nil { return count }
        if context(Self.publicPhoneContext, before: start, within: 40) != nil { return count }
        if let label = context(Self.personalContext, before: start, within: 60) {
            add(.phone, range, confidence: 70, "telephone number after « \(label.keyword.text) »")
        } else if context(Self.workContext, before: start, within: 40) != nil || hasExtension(after: range.upperBound) {
            add(.phone, range, confidence: 40, "telephone number with a work extension or label")
        } else {
            add(.phone, range, confidence: 40, "telephone number, not said to be a person's")
        }
        return count
    }

    /// `poste 221`, `ext. 221`, `x221` after a number.
    func hasExtension(after index: Int) -> Bool {
        var position = text.skipSpaces(from: index, limit: limit)
        if position < limit, text[position] == 0x2C { position = text.skipSpaces(from: position + 1, limit: limit) }
        return context(Self.workContext, after: position, within: 6) != nil
            || (position + 1 < limit && text[position] | 0x20 == 0x78 && isDigit(text[position + 1]))
    }
}
