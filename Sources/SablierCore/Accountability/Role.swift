/// The roles of the information-security policy (section 6), as Sablier grants them.
///
/// The raw values are the identifiers written on the command line.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Responsable de la sécurité de l'information (RSI): administers users.
    case rsi
    /// Responsable de la gestion documentaire: calendars, registers, disposition lists.
    case gestionDocumentaire = "gestion-documentaire"
    /// Responsable de l'accès à l'information et de la protection des renseignements personnels.
    case aiprp
    /// Détenteur de l'information: manager of a unit, its documents, approves its disposition lists.
    case detenteur
    /// Utilisateur: works with the documents of their own unit.
    case utilisateur
    /// Coordonnateur sectoriel de la gestion des incidents (CSGI).
    case csgi
    /// Vérificateur: reads, never changes; audits.
    case verificateur

    /// The role's name in the policy's words.
    public var title: String {
        switch self {
        case .rsi: return "Responsable de la sécurité de l'information"
        case .gestionDocumentaire: return "Responsable de la gestion documentaire"
        case .aiprp: return "Responsable de l'accès à l'information et de la protection des renseignements personnels"
        case .detenteur: return "Détenteur de l'information"
        case .utilisateur: return "Utilisateur"
        case .csgi: return "Coordonnateur sectoriel de la gestion des incidents"
        case .verificateur: return "Vérificateur"
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A person who acts in Sablier: a record in the store, never a free-text name.
public struct User: Sendable, Hashable, Codable {
    /// The login name given with `--as` or `$SABLIER_USER`.
    public var name: String
    /// The organisational unit (unité administrative) whose documents the person works with.
    public var unit: String
    public var roles: Set<Role>
    /// A disabled user is refused by every command, and stays in the audit trail.
    public var active: Bool
    /// Where `sablier notify` writes to them (a détenteur hears of their unit's obligations);
    /// nil until the RSI sets it. Checked by `EmailAddress.checked` before it is stored.
    public var email: String?

    public init(name: String, unit: String, roles: Set<Role>, active: Bool = true, email: String? = nil) {
        self.name = name
        self.unit = unit
        self.roles = roles
        self.active = active
        self.email = email
    }
}
