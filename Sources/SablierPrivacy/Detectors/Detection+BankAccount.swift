// Bank accounts: the cheque's transit (5 digits), institution (3 digits: 815 Desjardins, 001 BMO,
// 003 RBC, 004 TD, 006 National, 010 CIBC…) and account (7–12 digits), written together
// (`12345-815-1234567`) or as labelled fields on a direct-deposit form (`Account number:
// 1234567` near `transit`, `institution`, `void cheque`…). A supplier's transit and
// institution on an invoice are not an account; budget, client and supplier accounts are not
// bank accounts.

extension Detection {
    static let bankContext = KeywordSet([
        "transit", "institution", "succursale", "banque", "caisse", "desjardins", "cheque", "void", "depot direct", "depot bancaire",
        "direct deposit", "=bank", "banking", "bancaire", "folio", "specimen",
    ])
    static let accountExclusions = KeywordSet([
        "budget", "client", "customer", "fournisseur", "supplier", "grand livre", "ledger", "comptable", "=gl", "=g/l", "poste budgetaire",
    ])
    static let bankLabelKeywords: [Keyword] = [
        "account number", "account no", "account #", "numero de compte", "no de compte", "no du compte", "numero du compte", "compte",
        "bank account", "compte bancaire", "=folio",
    ].map { Keyword($0, .bankAccount) }

    /// `transit-institution-account` or `institution-transit-account` in one number.
    mutating func bankAccount(_ groups: Groups, from first: Int) -> Int? {
        guard groups.count - first >= 3, groups.sameSeparator(first, 3, 0x2D, 0x20),
              (7...12).contains(groups.length(first + 2)),
              groups.lengths(first, 5, 3) || groups.lengths(first, 3, 5),
              ends(groups, first, 3) else { return nil }
        let range = groups.start(first)..<groups.end(first + 2)
        if let exclusion = context(Self.accountExclusions, before: range.lowerBound, within: 60),
           context(Self.bankContext, before: range.lowerBound, within: 60).map({ $0.at < exclusion.at }) ?? true {
            return 3
        }
        if let label = context(Self.bankContext, before: range.lowerBound, within: 120) ?? context(Self.bankContext, after: range.upperBound, within: 80) {
            add(.bankAccount, range, confidence: 90, "transit, institution and account numbers together, near « \(label.keyword.text) »")
        } else {
            add(.bankAccount, range, confidence: 65, "transit, institution and account numbers together")
        }
        return 3
    }

    /// The number after an account label, when the text around it is about a bank.
    mutating func labelledAccount(_ keyword: Keyword, start: Int, end: Int) -> Int? {
        guard let (range, resume) = labelledNumber(after: end, digits: 5...12) else { return nil }
        if let exclusion = context(Self.accountExclusions, before: start, within: 40), exclusion.at < start + 1 { return resume }
        if context(Self.accountExclusions, after: end, within: 24) != nil { return resume }
        guard let bank = context(Self.bankContext, before: start, within: 200) ?? context(Self.bankContext, after: range.upperBound, within: 160) else {
            return nil
        }
        add(.bankAccount, range, confidence: 85, "number after « \(keyword.text) », near « \(bank.keyword.text) »")
        return resume
    }

    /// A number after a label on the same line: spaces, `:`, `#`, `no`, `n°` between, then
    /// digits (groups joined by `-` or a space allowed) whose count is in `digits`.
    /// Returns the number's range and where to resume.
    func labelledNumber(after index: Int, digits allowed: ClosedRange<Int>) -> (Range<Int>, Int)? {
        var position = index
        let stop = min(limit, index + 24)
        while position < stop {
            let byte = text[position]
            if isDigit(byte) { break }
            if byte == 0x0A { return nil }
            if byte == 0x20 || byte == 0x3A || byte == 0x23 || byte == 0x2E || byte == 0x09 || byte == 0x28 || byte == 0x29 {
                position += 1
                continue
            }
            let space = text.spaceLength(at: position)
            if space > 0 { position += space; continue }
            let folded = text.folded(at: position)
            // "no", "n°", "nº" before the number.
            if folded.byte == 0x6E || folded.byte == 0x6F { position += folded.length; continue }
            return nil
        }
        guard position < limit, isDigit(text[position]), numberStarts(at: position) || text[position - 1] == 0x23 else { return nil }
        let groups = groups(at: position)
        var count = 1
        var total = groups.length(0)
        while count < groups.count, groups.separator(count - 1) == 0x2D || groups.separator(count - 1) == 0x20,
              total + groups.length(count) <= allowed.upperBound {
            total += groups.length(count)
            count += 1
        }
        guard allowed.contains(total), ends(groups, 0, count) else { return nil }
        return (position..<groups.end(count - 1), groups.end)
    }
}
