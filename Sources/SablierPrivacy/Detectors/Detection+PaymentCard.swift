// Payment cards: 13–19 digits, Luhn-valid, with a card network's prefix (Visa 4; Mastercard
// 51–55 and 2221–2720; American Express 34, 37; Discover 6011, 644–649, 65; JCB 35; UnionPay
// 62), printed in groups of four (Amex 4-6-5) or as one run.

extension Detection {
    static let cardContext = KeywordSet(["carte", "card", "visa", "mastercard", "amex", "american express", "credit", "debit"])

    mutating func card(_ groups: Groups, from first: Int) -> Int? {
        var count = 0
        if groups.count - first >= 1, (13...19).contains(groups.length(first)) {
            count = 1
        } else if groups.lengths(first, 4, 6, 5), groups.sameSeparator(first, 3, 0x20, 0x2D) {
            count = 3
        } else {
            var n = 0
            while first + n < groups.count, groups.length(first + n) == 4, n < 4 { n += 1 }
            if n >= 3 {
                var total = 4 * n
                if first + n < groups.count, (1...3).contains(groups.length(first + n)), total + groups.length(first + n) <= 19 {
                    total += groups.length(first + n)
                    n += 1
                }
                if (13...19).contains(total), groups.sameSeparator(first, n, 0x20, 0x2D) { count = n }
            }
        }
        guard count > 0, ends(groups, first, count) else { return nil }
        let range = groups.start(first)..<groups.end(first + count - 1)
        let digits = text.digits(range)
        guard Self.hasCardPrefix(digits), Luhn.isValid(digits) else { return nil }
        let shape = count == 1 ? "\(digits.count) digits" : "\(digits.count) digits in groups"
        if let label = context(Self.cardContext, before: range.lowerBound, within: 80) {
            add(.paymentCard, range, confidence: 95, "\(shape), card network prefix, Luhn-valid, after « \(label.keyword.text) »")
        } else {
            add(.paymentCard, range, confidence: count == 1 ? 60 : 90, "\(shape), card network prefix, Luhn-valid")
        }
        return count
    }

    static func hasCardPrefix(_ digits: [UInt8]) -> Bool {
        func prefix(_ n: Int) -> Int { digits.prefix(n).reduce(0) { $0 * 10 + Int($1) } }
        let length = digits.count
        switch digits[0] {
        case 4: return [13, 16, 19].contains(length)
        case 5: return (51...55).contains(prefix(2)) && length == 16
        case 2: return (2221...2720).contains(prefix(4)) && length == 16
        case 3: return ([34, 37].contains(prefix(2)) && length == 15) || (prefix(2) == 35 && length >= 16)
        case 6: return (prefix(4) == 6011 || (644...649).contains(prefix(3)) || prefix(2) == 65 || prefix(2) == 62) && length >= 16
        default: return false
        }
    }
}
