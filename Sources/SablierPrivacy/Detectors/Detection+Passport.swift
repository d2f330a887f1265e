// Canadian passport numbers: two letters and six digits (`AB123456`), or since 2023 one letter,
// six digits and two letters (`A123456BC`). No checksum and a common shape: only reported
// after a label (passeport, passport).

extension Detection {
    static let passportContext = KeywordSet(["passeport", "passport"])

    mutating func passport(start: Int, digits index: Int) -> Int? {
        let letters = index - start
        for position in start..<index where !isUpperASCII(text[position]) { return nil }
        var end = index
        while end < limit, end - index < 7, isDigit(text[end]) { end += 1 }
        guard end - index == 6 else { return nil }
        let shape: String
        if letters == 2 {
            guard numberEnds(at: end) else { return nil }
            shape = "2 letters + 6 digits"
        } else {
            guard end + 2 <= limit, isUpperASCII(text[end]), isUpperASCII(text[end + 1]), !text.isAlnum(at: end + 2) else { return nil }
            end += 2
            shape = "1 letter + 6 digits + 2 letters (2023 format)"
        }
        guard let label = context(Self.passportContext, before: start, within: 120) else { return nil }
        add(.passport, start..<end, confidence: 85, "\(shape) after « \(label.keyword.text) »")
        return end
    }
}
