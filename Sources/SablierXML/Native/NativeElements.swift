internal import SablierCore

/// The native format's names (`calendrier.xsd`).
enum NativeElements {
    static let root = "calendrierConservation"
    static let rule = "regle"

    static let principal = "exemplairePrincipal"
    static let secondaire = "exemplaireSecondaire"

    static func copyElement(_ kind: CopyKind) -> String {
        kind == .principal ? principal : secondaire
    }

    static func fieldElement(_ field: CopyField) -> String {
        switch field {
        case .supports: return "supports"
        case .active: return "actif"
        case .semiActive: return "semiActif"
        case .disposition: return "disposition"
        }
    }

    /// What each element or attribute expects, for messages about invalid values.
    static let hints: [String: String] = [
        "annees": "a whole number of years (888 and 999 are written <ouvert/> and <jusquaRemplacement/>)",
        "remarque": "a remark id R1 to R99",
        "id": "a remark id R1 to R99",
        "code": "a code (C, D or T for a disposition, only D for the secondary copy; PA, DM… for a support)",
        "disposition@code": "C, D or T (only D for the secondary copy)",
        "support@code": "a medium code in capitals (PA, DM, FI, MI)",
        "finAnnee": "a day of the year as MM-DD (06-30)",
        "dateAdoption": "a date as YYYY-MM-DD",
        "dateApprobationBAnQ": "a date as YYYY-MM-DD",
        "idOrganismeBAnQ": "the organisation's BAnQ number (digits)",
        "typeTransaction": "A (ajout), M (modification) or S (suppression)",
        "statut": "approuvee, soumise or brouillon",
        "mesure": "detruire or anonymiser",
        "type": "dateFermeture, dateOuverture or evenement",
        "documentsEssentiels": "true or false",
        "documentsConfidentiels": "true or false",
        "renseignementsPersonnels": "true or false",
        "grilleChangementGALA": "true or false",
        "numero": "a rule number that is not blank",
    ]

    static let constraints: [String: String] = [
        "regleNumeroUnique": "rule number {value} is used by more than one regle; a rule number must be unique",
        "remarqueIdUnique": "remark {value} is defined more than once in this rule",
    ]

    /// How schema errors name their rule: the `regle` they are in, and its `@numero`.
    static var errorContext: SchemaErrorContext {
        SchemaErrorContext(
            unit: { node in
                var current: XMLNode? = node
                while let candidate = current {
                    if candidate.name == rule, candidate.parentElement?.name == root { return candidate }
                    current = candidate.parentElement
                }
                return nil
            },
            ruleNumber: { $0.attribute("numero").nonBlank },
            hints: hints,
            constraints: constraints
        )
    }
}
