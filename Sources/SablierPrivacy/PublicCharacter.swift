/// Information with a public character, which is not personal information (Access Act, s. 57):
/// the organisation's own switchboard and fax numbers, general mailboxes, street addresses and
/// postal codes of its buildings, and the e-mail domains of its staff (a staff member's name, title, work address
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
    /// Street addresses and post office boxes of its buildings, normalised
    /// (`normalisedAddress`: `1200 boulevard industriel, granby`, `cp 123, rimouski`).
    public private(set) var addresses: Set<String>
    /// The same addresses in their parts, by street: what a found address is compared with.
    private var declaredAddresses: [String: [AddressParts]]

    public init(phones: [String] = [], emailDomains: [String] = [], emails: [String] = [], postalCodes: [String] = [],
                addresses: [String] = []) {
        self.phones = Set(phones.compactMap(Self.normalisedPhone))
        self.emailDomains = Set(emailDomains.map { $0.lowercased() })
        self.emails = Set(emails.map { $0.lowercased() })
        self.postalCodes = Set(postalCodes.compactMap(Self.normalisedPostalCode))
        let parts = Set(addresses.compactMap(Self.addressParts))
        self.addresses = Set(parts.map(\.text))
        // Sorted, so that two configurations of the same addresses are equal (`Hashable`).
        declaredAddresses = Dictionary(grouping: parts.sorted { $0.text < $1.text }, by: \.street)
    }

    private enum CodingKeys: String, CodingKey {
        case phones, emailDomains, emails, postalCodes, addresses
    }

    /// Decoded through `init`, so that the parts compared follow the stored addresses.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(phones: Array(try values.decode(Set<String>.self, forKey: .phones)),
                  emailDomains: Array(try values.decode(Set<String>.self, forKey: .emailDomains)),
                  emails: Array(try values.decode(Set<String>.self, forKey: .emails)),
                  postalCodes: Array(try values.decode(Set<String>.self, forKey: .postalCodes)),
                  addresses: Array(try values.decode(Set<String>.self, forKey: .addresses)))
    }

    public var isEmpty: Bool { phones.isEmpty && emailDomains.isEmpty && emails.isEmpty && postalCodes.isEmpty && addresses.isEmpty }

    /// A stable text that changes whenever the configuration does: part of what decides
    /// whether a file scanned before must be scanned again.
    public var fingerprint: String {
        [phones.sorted(), emailDomains.sorted(), emails.sorted(), postalCodes.sorted(), addresses.sorted()]
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

    /// A street address or post office box in the one form that is compared and stored: civic
    /// number (and its letter, `12a`), the street type canonical (`boul.`, `bd` and `Blvd` are
    /// `boulevard`; `Street` is `rue`), the street name folded (lowercase, accents off, hyphens
    /// as spaces, `de`/`des`/`du`/`l'` dropped, `St-` as `saint`) and the orientation (`est`);
    /// then, when written, the apartment or unit (`app 3`), the box's station (`succursale
    /// bureau-chef`), the municipality folded (`saint-jerome`) and the postal code (`J7Z5T3`);
    /// the province is left out. So `1200, boul. Industriel, bureau 3, Granby (Québec)` is
    /// `1200 boulevard industriel, app 3, granby`, and `C.P. 500, succursale Bureau-chef,
    /// Granby` is `cp 500, succursale bureau-chef, granby`. Nil when the text holds no address.
    ///
    /// The municipality and the apartment are kept because they tell addresses apart: the
    /// organisation's `100, rue Principale, Granby` says nothing of a parent's `100, rue
    /// Principale, app. 3, Cowansville` (`AddressParts.isOrganisations`).
    ///
    /// The scan reads addresses by the same rules (`StreetAddressReader`), so what is declared
    /// public and what a scan finds compare equal; `privacy public suggest` counts letterhead
    /// addresses in this form. Stable: stored public identifiers are in this form, and a stored
    /// form (this one, or the street alone as stored before) reads back to itself.
    public static func normalisedAddress(_ text: String) -> String? {
        addressParts(text)?.text
    }

    /// The first address in `text`, in its parts. Typed in lowercase, or given in its
    /// normalised form (as stored and as `privacy public suggest` proposes it), an address is
    /// read with each word capitalised, as a street name and a municipality are written.
    static func addressParts(_ text: String) -> AddressParts? {
        var capitalised = ""
        var atWord = true
        for character in text {
            capitalised += atWord ? character.uppercased() : String(character)
            atWord = character.isWhitespace
        }
        return firstAddress(in: capitalised) ?? firstAddress(in: text)
    }

    /// The first street address or post office box in `text`, in its parts.
    private static func firstAddress(in text: String) -> AddressParts? {
        var bytes = Array(text.utf8)
        bytes.append(0x0A)
        return bytes.withUnsafeBufferPointer { buffer -> AddressParts? in
            let reader = StreetAddressReader(text: buffer, limit: buffer.count)
            var index = 0
            while index < buffer.count {
                let atWord = !buffer.isAlnum(before: index)
                if atWord, isDigit(buffer[index]) {
                    var end = index
                    while end < buffer.count, isDigit(buffer[end]) { end += 1 }
                    var second: Range<Int>?
                    if end + 1 < buffer.count, buffer[end] == 0x2D, isDigit(buffer[end + 1]) {
                        var secondEnd = end + 1
                        while secondEnd < buffer.count, isDigit(buffer[secondEnd]) { secondEnd += 1 }
                        second = (end + 1)..<secondEnd
                    }
                    if var address = reader.street(civic: index, firstEnd: end, second: second) {
                        // An apartment written first (`app. 5, 1234 rue …`) is the address's, as in a scan.
                        if address.unit == nil, let before = reader.unitBefore(address.start) {
                            address.unit = before.token
                            address.hasUnit = true
                        }
                        return reader.parts(address, reader.locality(after: address.end))
                    }
                    index = second?.upperBound ?? end
                    continue
                }
                if atWord, buffer.letterLength(at: index) > 0,
                   let (_, end) = StreetAddressReader.postOfficeBoxSet.matchIndex(in: buffer, at: index, limit: buffer.count) {
                    if let box = reader.postOfficeBox(keywordStart: index, keywordEnd: end) {
                        return reader.parts(box, reader.locality(after: box.end))
                    }
                }
                index += 1
            }
            return nil
        }
    }

    /// Whether an address found in a text is one of the organisation's
    /// (`AddressParts.isOrganisations`).
    func isPublic(address found: AddressParts) -> Bool {
        declaredAddresses[found.street]?.contains { found.isOrganisations($0) } ?? false
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
