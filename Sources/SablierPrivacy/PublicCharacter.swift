/// Information with a public character, which is not personal information (Access Act, s. 57):
/// the organisation's own switchboard and fax numbers, general mailboxes, postal codes of its
/// buildings, and the e-mail domains of its staff (a staff member's name, title, work address
/// and work telephone are public). The detectors never report them.
///
/// Whatever the configuration, role mailboxes (`info@`, `secretariat@`, `reception@`, …) and
/// toll-free numbers are never reported either.
public struct PublicCharacter: Sendable, Hashable, Codable {
    /// Ten digits each (`4505550100`).
    public private(set) var phones: Set<String>
    /// Lowercased domains (`cssvdc.example`): any address there is a staff or service address.
    public private(set) var emailDomains: Set<String>
    /// Lowercased full addresses outside those domains.
    public private(set) var emails: Set<String>
    /// Six characters, uppercase, no space (`J7Z5T3`).
    public private(set) var postalCodes: Set<String>

    public init(phones: [String] = [], emailDomains: [String] = [], emails: [String] = [], postalCodes: [String] = []) {
        self.phones = Set(phones.compactMap(Self.normalisedPhone))
        self.emailDomains = Set(emailDomains.map { $0.lowercased() })
        self.emails = Set(emails.map { $0.lowercased() })
        self.postalCodes = Set(postalCodes.compactMap(Self.normalisedPostalCode))
    }

    public var isEmpty: Bool { phones.isEmpty && emailDomains.isEmpty && emails.isEmpty && postalCodes.isEmpty }

    /// A stable text that changes whenever the configuration does: part of what decides
    /// whether a file scanned before must be scanned again.
    public var fingerprint: String {
        [phones.sorted(), emailDomains.sorted(), emails.sorted(), postalCodes.sorted()]
            .map { $0.joined(separator: ",") }.joined(separator: ";")
    }

    /// The ten digits of a North American number (a leading 1 dropped), or nil.
    public static func normalisedPhone(_ text: String) -> String? {
        var digits = text.unicodeScalars.filter { $0.properties.numericType != nil && $0.isASCII }.map(Character.init)
        if digits.count == 11, digits.first == "1" { digits.removeFirst() }
        return digits.count == 10 ? String(digits) : nil
    }

    /// `A9A9A9`, uppercase, from `a9a 9a9` or `A9A-9A9`; nil when it is not shaped as a postal code.
    public static func normalisedPostalCode(_ text: String) -> String? {
        let kept = text.uppercased().unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil) }
        guard kept.count == 6 else { return nil }
        let code = String(String.UnicodeScalarView(kept))
        let pattern = Array(code.utf8)
        for (index, byte) in pattern.enumerated() {
            let letter = byte >= 0x41 && byte <= 0x5A
            guard letter == (index % 2 == 0) else { return nil }
        }
        return code
    }

    /// Whether an address belongs to the organisation.
    func isPublic(email address: String) -> Bool {
        let lower = address.lowercased()
        if emails.contains(lower) { return true }
        guard let at = lower.lastIndex(of: "@") else { return false }
        var domain = Substring(lower[lower.index(after: at)...])
        while true {
            if emailDomains.contains(String(domain)) { return true }
            guard let dot = domain.firstIndex(of: ".") else { return false }
            domain = domain[domain.index(after: dot)...]
        }
    }
}
