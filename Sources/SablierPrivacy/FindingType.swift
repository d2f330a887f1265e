/// The kinds of personal information (renseignements personnels) the detectors recognise. The raw
/// values are the codes every output uses (`sablier privacy scan --format json`, the database);
/// they never change once released.
public enum FindingType: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Social insurance number (numéro d'assurance sociale, NAS).
    case sin
    /// RAMQ health insurance number (numéro d'assurance maladie, NAM).
    case ramq
    /// The ministry's permanent code of a student (code permanent).
    case permanentCode = "permanent-code"
    /// SAAQ driver's licence number (permis de conduire).
    case driverLicence = "driver-licence"
    /// Canadian passport number (passeport).
    case passport
    /// Canadian postal code of a person's address (code postal).
    case postalCode = "postal-code"
    /// A person's telephone number (numéro de téléphone).
    case phone
    /// A person's e-mail address (adresse de courriel).
    case email
    /// Bank account: transit, institution and account (compte bancaire).
    case bankAccount = "bank-account"
    /// Payment card number (numéro de carte de paiement), Luhn-valid.
    case paymentCard = "payment-card"
    /// Date of birth (date de naissance), only where the text says it is one.
    case birthDate = "birth-date"
    /// Health or special-needs information (santé, besoins particuliers): diagnosis,
    /// medication, allergy, intervention plan… Sensitive information (Access Act, s. 59).
    case health
    /// The name of a person where a label says so (Nom de l'élève :, Parent :, …).
    case personName = "person-name"
    /// A student's number in the organisation (numéro de fiche, numéro d'élève, student ID).
    case studentNumber = "student-number"
    /// An employee's number in the organisation (matricule, numéro d'employé, employee ID).
    case employeeNumber = "employee-number"
    /// A person's street address or post office box (adresse): civic number, street, apartment,
    /// municipality, province and postal code as far as they are written. The organisation's own
    /// addresses are public (`PublicCharacter.addresses`).
    case address

    /// How much harm disclosure does, 1–10: orders the review queue (most sensitive first).
    public var sensitivity: Int {
        switch self {
        case .sin, .paymentCard, .bankAccount: return 10
        case .ramq, .health: return 9
        case .permanentCode, .driverLicence, .passport: return 8
        case .birthDate: return 6
        case .studentNumber, .employeeNumber: return 5
        case .personName, .address: return 4
        case .phone, .email: return 3
        case .postalCode: return 2
        }
    }

    /// True for the types that say who a person is: health information next to one of them is
    /// information about an identified person.
    public var identifiesPerson: Bool {
        switch self {
        case .sin, .ramq, .permanentCode, .driverLicence, .passport, .birthDate, .personName, .studentNumber, .employeeNumber:
            return true
        case .postalCode, .address, .phone, .email, .bankAccount, .paymentCard, .health: return false
        }
    }

    /// The French name shown in tables and anonymized copies.
    public var label: String {
        switch self {
        case .sin: return "NAS"
        case .ramq: return "NAM (RAMQ)"
        case .permanentCode: return "code permanent"
        case .driverLicence: return "permis de conduire"
        case .passport: return "passeport"
        case .postalCode: return "code postal"
        case .phone: return "téléphone"
        case .email: return "courriel"
        case .bankAccount: return "compte bancaire"
        case .paymentCard: return "carte de paiement"
        case .birthDate: return "date de naissance"
        case .health: return "santé"
        case .personName: return "nom"
        case .studentNumber: return "numéro d'élève"
        case .employeeNumber: return "matricule"
        case .address: return "adresse"
        }
    }

    /// Most sensitive first, then by code.
    public static func < (lhs: FindingType, rhs: FindingType) -> Bool {
        lhs.sensitivity != rhs.sensitivity ? lhs.sensitivity > rhs.sensitivity : lhs.rawValue < rhs.rawValue
    }
}
