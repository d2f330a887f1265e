// Canadian postal codes: `A9A 9A9`, letters D, F, I, O, Q and U never used, W and Z never
// first (Canada Post). A postal code alone says little (every letterhead has one): it counts
// when the text says it is a person's address (domicile, parent…) or follows a person's name,
// or when it ends an address the address detector found a person's (`Nouvelle adresse : 17,
// rue …⏎ Saint-Jérôme (Québec) J7Y 4G6`, the label too far before the code to be seen from it);
// the organisation's own are public (`PublicCharacter`).

extension Detection {
    static let personalContext = KeywordSet([
        "cell", "cellulaire", "mobile", "domicile", "maison", "residence", "home", "personnel", "personal", "=perso", "urgence",
        "emergency", "parent", "mere", "pere", "tuteur", "tutrice", "guardian", "mother", "father", "conjoint", "spouse",
        "madame", "monsieur",
    ])

    private static let firstLetters: Set<UInt8> = Set("ABCEGHJKLMNPRSTVXY".utf8)
    private static let otherLetters: Set<UInt8> = Set("ABCEGHJKLMNPRSTVWXYZ".utf8)

    mutating func postalCode(start: Int) -> Int? {
        guard start + 6 <= limit, Self.firstLetters.contains(text[start]), isDigit(text[start + 1]),
              Self.otherLetters.contains(text[start + 2]) else { return nil }
        var position = start + 3
        let space = text.spaceLength(at: position)
        if space > 0 { position += space } else if position < limit, text[position] == 0x2D { position += 1 }
        guard position + 3 <= limit, isDigit(text[position]), Self.otherLetters.contains(text[position + 1]),
              isDigit(text[position + 2]), !text.isAlnum(at: position + 3) else { return nil }
        let end = position + 3
        let code = text.ascii(start..<(start + 3)) + text.ascii(position..<end)
        if publicCharacter.postalCodes.contains(code) { return end }
        if withinPersonsAddress(start..<end) {
            add(.postalCode, start..<end, confidence: 60, "postal code of an address read as a person's")
        } else if let label = context(Self.personalContext, before: start, within: 100) {
            add(.postalCode, start..<end, confidence: 60, "postal code after « \(label.keyword.text) »")
        } else {
            add(.postalCode, start..<end, confidence: 30, "postal code, not said to be a person's")
        }
        return end
    }

    /// True when a flagging address finding holds `range`: the address detector read the postal
    /// code with its street and found the address a person's. Among the last few findings only.
    private func withinPersonsAddress(_ range: Range<Int>) -> Bool {
        findings.suffix(4).contains {
            $0.type == .address && $0.start <= range.lowerBound && $0.end >= range.upperBound && $0.confidence >= Finding.flaggingConfidence
        }
    }
}
