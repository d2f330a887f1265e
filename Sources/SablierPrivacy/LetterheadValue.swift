/// A telephone number, postal code, e-mail domain or street address a scan found, in the form
/// `PublicCharacter` compares: what a letterhead repeats, handed back so that the caller can
/// count in how many documents of how many units each one recurs (`privacy public suggest`).
///
/// Only a scanner asked for them (`PrivacyScanner.collectsLetterheadValues`) hands them back,
/// apart from the findings: a finding never carries the identifier, and these values are meant
/// for memory only — never stored, logged or printed unless a person is shown them as a
/// suggestion to confirm.
public struct LetterheadValue: Sendable, Hashable, Comparable {
    /// The kinds a letterhead carries; raw values are `PublicIdentifier.Kind`'s.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
        case phone
        case postalCode = "postal-code"
        case emailDomain = "email-domain"
        case address

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public var kind: Kind
    /// Ten digits, `A9A9A9`, a lowercase domain, or a normalised address.
    public var value: String

    public init(kind: Kind, value: String) {
        self.kind = kind
        self.value = value
    }

    public static func < (lhs: LetterheadValue, rhs: LetterheadValue) -> Bool {
        lhs.kind != rhs.kind ? lhs.kind < rhs.kind : lhs.value < rhs.value
    }

    /// The value a finding of `type` holds, normalised; nil for the other types, for a domain of
    /// a consumer mail provider (everybody's, never the organisation's) and for a text that does
    /// not normalise.
    static func of(_ type: FindingType, text: String) -> LetterheadValue? {
        switch type {
        case .phone:
            return PublicCharacter.normalisedPhone(text).map { LetterheadValue(kind: .phone, value: $0) }
        case .postalCode:
            return PublicCharacter.normalisedPostalCode(text).map { LetterheadValue(kind: .postalCode, value: $0) }
        case .email:
            guard let at = text.lastIndex(of: "@") else { return nil }
            let domain = text[text.index(after: at)...].lowercased()
            guard domain.contains("."), !Detection.consumerDomains.contains(domain) else { return nil }
            return LetterheadValue(kind: .emailDomain, value: domain)
        case .address:
            return PublicCharacter.normalisedAddress(text).map { LetterheadValue(kind: .address, value: $0) }
        default:
            return nil
        }
    }
}

extension FindingType {
    /// The types a letterhead carries (telephone, postal code, e-mail, address): a document
    /// flagged by these alone may hold nothing but the organisation's own identifiers.
    public static let letterhead: Set<FindingType> = [.phone, .postalCode, .email, .address]
}
