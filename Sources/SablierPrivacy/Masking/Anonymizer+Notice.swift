extension Anonymizer {
    /// The de-identified copy of `text` as it is written to a file: the notice saying what the
    /// copy is and what it replaced, then the text with its findings replaced. The copy says
    /// itself what it is, so that nobody mistakes it, once the original is gone, for a text
    /// proven anonymous: the detectors may have missed a name or an address, and a person checks.
    public static func copy(of text: String, findings: [Finding], version: String = PrivacyScanner.version) -> Result {
        var result = replace(text, findings: findings)
        result.text = notice(result.replacements, version: version) + result.text
        return result
    }

    /// The notice that opens a copy, in French then English: what made it, that a person checks
    /// it before the original is destroyed, what it may have missed, and the count of
    /// replacements by type — never a value.
    public static func notice(_ replacements: [Replacement], version: String) -> String {
        let french = replacements.isEmpty ? "aucun"
            : replacements.map { "\($0.type.label) : \($0.count)" + (distinctFrench($0).map { " (\($0))" } ?? "") }.joined(separator: " ; ")
        let english = replacements.isEmpty ? "none"
            : replacements.map { "\(englishLabel($0.type)): \($0.count)" + (distinctEnglish($0).map { " (\($0))" } ?? "") }.joined(separator: "; ")
        return """
            ==== Copie dépersonnalisée ====
            Copie dépersonnalisée par les détecteurs de Sablier (version \(version)) ; une personne la vérifie avant la destruction de l'original.
            Chaque renseignement trouvé est remplacé par son type et un numéro, le même pour la même valeur : les mêmes lettres et chiffres dans le même ordre, aux majuscules, accents et ponctuation près ; une adresse, une fois normalisée ; un nom complet, aussi écrit NOM, Prénom. Un nom seul (M. X, un prénom) a son propre numéro. Les détecteurs peuvent en avoir manqué : ce qui n'est pas remplacé reste tel quel.
            Remplacements : \(french)
            ==== De-identified copy ====
            De-identified copy made by Sablier's detectors (version \(version)); a person checks it before the original is destroyed.
            Each piece of information found is replaced by its type and a number, the same for the same value: the same letters and digits in the same order, up to case, accents and punctuation; an address, once normalised; a full name, also written SURNAME, Given. A name alone (Mr. X, a given name) has its own number. The detectors may have missed some: what is not replaced stays as written.
            Replacements: \(english)
            ====


            """
    }

    /// `3 valeurs distinctes`; nil when every replacement held the same value once. Values, not
    /// people: `M. Tremblay` and `Marc Tremblay` may be one person, numbered apart.
    static func distinctFrench(_ replacement: Replacement) -> String? {
        guard replacement.count > 1 else { return nil }
        return replacement.distinct > 1 ? "\(replacement.distinct) valeurs distinctes" : "1 valeur"
    }

    static func distinctEnglish(_ replacement: Replacement) -> String? {
        guard replacement.count > 1 else { return nil }
        return replacement.distinct > 1 ? "\(replacement.distinct) distinct values" : "1 value"
    }

    /// The English name of a type, as the notice's English half writes it.
    static func englishLabel(_ type: FindingType) -> String {
        switch type {
        case .sin: return "SIN"
        case .ramq: return "health insurance number (RAMQ)"
        case .permanentCode: return "permanent code"
        case .driverLicence: return "driver's licence"
        case .passport: return "passport"
        case .postalCode: return "postal code"
        case .phone: return "phone"
        case .email: return "e-mail"
        case .bankAccount: return "bank account"
        case .paymentCard: return "payment card"
        case .birthDate: return "date of birth"
        case .health: return "health"
        case .personName: return "name"
        case .studentNumber: return "student number"
        case .employeeNumber: return "employee number"
        case .address: return "address"
        }
    }
}
