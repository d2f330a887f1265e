// SAAQ driver's licence: one letter (the surname's initial) and twelve digits, typed without
// spaces (`A123456789876`) or printed `A1234-567890-12`. No checksum: a label (permis de
// conduire, SAAQ, licence) raises confidence.

extension Detection {
    static let licenceContext = KeywordSet(["permis", "licence", "license", "conduire", "driver", "saaq", "conducteur"])

    mutating func driverLicence(start: Int, digits index: Int) -> Int? {
        guard isUpperASCII(text[start]) else { return nil }
        let groups = groups(at: index)
        let count: Int
        if groups.lengths(0, 12) {
            count = 1
        } else if groups.lengths(0, 4, 6, 2), groups.sameSeparator(0, 3, 0x2D, 0x20) {
            count = 3
        } else {
            return nil
        }
        guard ends(groups, 0, count) else { return nil }
        let range = start..<groups.end(count - 1)
        let shape = count == 1 ? "1 letter + 12 digits" : "1 letter + 12 digits grouped 4-6-2"
        if let label = context(Self.licenceContext, before: start, within: 100) {
            add(.driverLicence, range, confidence: 90, "\(shape) after « \(label.keyword.text) »")
        } else {
            add(.driverLicence, range, confidence: 50, "\(shape), the SAAQ's format, no label")
        }
        return range.upperBound
    }
}
