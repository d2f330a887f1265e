// Social insurance number (NAS / SIN): nine digits, grouped 3-3-3 or not, Luhn-valid.
//
// A CRA business number is also nine Luhn-valid digits; it is told apart by what follows
// (a program account, `RT0001`, `RC0001`, …, or a QST `TQ0001`) and by the label before it
// (TPS, TVQ, GST, NEQ, entreprise…). The nearest label wins, so a form that shows both a NAS
// and a supplier's number reads each by its own label. Without a label, only a number
// written 3-3-3 is reported, as it is printed on the card; nine digits alone are too common.
// The first digit: 0 and 8 are never issued as SINs (8 is the business numbers' range), 9 is a
// temporary resident's (the number then expires).

extension Detection {
    static let sinContext = KeywordSet(["nas", "n.a.s", "sin", "s.i.n", "assurance sociale", "assurance-sociale", "social insurance"])
    static let businessContext = KeywordSet([
        "tps", "tvq", "gst", "hst", "qst", "neq", "=bn", "entreprise", "business", "taxe", "=tax", "taxes", "inscription", "registration",
    ])
    static let commerceContext = KeywordSet([
        "facture", "invoice", "commande", "order", "reference", "bon de", "client", "customer", "contrat", "contract", "police",
        "policy", "serie", "serial", "confirmation", "transaction", "autorisation", "authorization",
    ])

    mutating func socialInsuranceNumber(_ groups: Groups, from first: Int) -> Int? {
        let count: Int
        if groups.lengths(first, 3, 3, 3), groups.sameSeparator(first, 3, 0x20, 0x2D) {
            count = 3
        } else if groups.lengths(first, 9) {
            count = 1
        } else {
            return nil
        }
        guard ends(groups, first, count) else { return nil }
        let range = groups.start(first)..<groups.end(first + count - 1)
        let digits = text.digits(range)
        guard Luhn.isValid(digits) else { return nil }
        if programAccount(after: range.upperBound) { return count }
        let shape = count == 3 ? "9 digits grouped 3-3-3" : "9 digits"
        switch nearest(Self.sinContext, Self.businessContext, Self.commerceContext, before: range.lowerBound, within: 80) {
        case let (0, keyword, _)?:
            let reason = "\(shape), Luhn-valid, after « \(keyword.text) »"
            switch digits[0] {
            case 0, 8: add(.sin, range, confidence: 70, reason + "; first digit \(digits[0]) is never issued as a SIN")
            case 9: add(.sin, range, confidence: 95, reason + "; first digit 9: a temporary resident's number")
            default: add(.sin, range, confidence: 95, reason)
            }
        case (1, _, _)?, (2, _, _)?:
            // A business or tax number, or a reference on an invoice: not a person's.
            break
        default:
            guard count == 3, digits[0] != 0, digits[0] != 8 else { break }
            add(.sin, range, confidence: 55, "\(shape), Luhn-valid, no label")
        }
        return count
    }

    /// A CRA program account (`RT0001`, `RC0001`, `RP`, `RM`, `RR`, `RZ`) or a QST file
    /// (`TQ0001`) right after the number, with or without a space.
    func programAccount(after index: Int) -> Bool {
        var position = index
        if position < limit, text[position] == 0x20 || text[position] == 0x2D { position += 1 }
        guard position + 2 < limit else { return false }
        let a = text[position] & 0xDF, b = text[position + 1] & 0xDF
        let program = (a == 0x52 && [0x54, 0x43, 0x50, 0x4D, 0x52, 0x5A].contains(b)) || (a == 0x54 && b == 0x51)
        return program && isDigit(text[position + 2])
    }
}
