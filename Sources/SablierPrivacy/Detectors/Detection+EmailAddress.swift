// E-mail addresses (`local@domain.tld`). The organisation's domains (staff addresses, public by
// s. 57) and role mailboxes (`info@`, `secretariat@`, `ventes@`…) are never reported; an
// address counts when the text says whose it is, follows a person's name, or sits at a
// consumer mail provider.

extension Detection {
    static let roleMailboxes: Set<String> = [
        "info", "information", "informations", "secretariat", "reception", "accueil", "admin", "administration", "direction",
        "contact", "communications", "communication", "ventes", "vente", "sales", "support", "soutien", "service", "services",
        "comptabilite", "accounting", "facturation", "billing", "paie", "payroll", "rh", "hr", "transport", "noreply", "no-reply",
        "webmaster", "webmestre", "aiprp", "acces", "privacy", "plaintes", "commandes", "orders", "bureau", "office",
        "inscription", "inscriptions", "admissions", "registrariat", "dg", "cs", "ca", "general", "secretary",
    ]
    static let consumerDomains: Set<String> = [
        "gmail.com", "hotmail.com", "hotmail.ca", "outlook.com", "live.com", "live.ca", "yahoo.com", "yahoo.ca", "icloud.com",
        "me.com", "videotron.ca", "videotron.qc.ca", "sympatico.ca", "bell.net", "globetrotter.net", "cgocable.ca",
        "cogeco.ca", "protonmail.com", "proton.me", "msn.com", "aol.com",
    ]

    private static func isLocal(_ byte: UInt8) -> Bool {
        isASCIIAlnum(byte) || byte == 0x2E || byte == 0x5F || byte == 0x25 || byte == 0x2B || byte == 0x2D
    }

    mutating func email(at sign: Int) {
        var start = sign
        while start > 0, sign - start < 64, Self.isLocal(text[start - 1]) { start -= 1 }
        while start < sign, !isASCIIAlnum(text[start]) { start += 1 }
        guard start < sign, !text.isLetter(before: start) else { return }
        var end = sign + 1
        var lastDot = -1
        while end < limit, end - sign < 256 {
            let byte = text[end]
            if isASCIIAlnum(byte) || byte == 0x2D { end += 1; continue }
            if byte == 0x2E, end + 1 < limit, isASCIIAlnum(text[end + 1]) { lastDot = end; end += 1; continue }
            break
        }
        guard lastDot > sign + 1, end - lastDot > 2 else { return }
        for position in (lastDot + 1)..<end where !isASCIILetter(text[position]) { return }
        let address = text.ascii(start..<end).lowercased()
        let local = address.prefix { $0 != "@" }
        let domain = String(address[address.index(after: address.firstIndex(of: "@")!)...])
        if publicCharacter.isPublic(email: address) { return }
        let head = local.split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "_" }).first.map(String.init) ?? String(local)
        if Self.roleMailboxes.contains(String(local)) || Self.roleMailboxes.contains(head) { return }
        let range = start..<end
        if let label = context(Self.personalContext, before: start, within: 60) {
            add(.email, range, confidence: 70, "e-mail address after « \(label.keyword.text) »")
        } else if Self.consumerDomains.contains(domain) {
            add(.email, range, confidence: 65, "e-mail address at a consumer mail provider")
        } else if local.contains(where: { $0 == "." || $0 == "_" || $0 == "-" }) || local.contains(where: \.isNumber) {
            add(.email, range, confidence: 45, "e-mail address shaped as a person's (name.surname), outside the organisation")
        } else {
            add(.email, range, confidence: 35, "e-mail address outside the organisation")
        }
    }
}
