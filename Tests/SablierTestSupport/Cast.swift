public import SablierCore

/// The people the in-process suites act as, besides the RSI `admin` of the Direction générale:
/// one cast for the application's and the server's tests, so that a permission reads alike in
/// both. The records manager `gestion.doc` is in no holder unit of the example register, so
/// that a confidential document is withheld from them; `archiviste` is the Secrétariat général's.
public enum Cast {
    public static let members: [(name: String, unit: String, roles: Set<Role>)] = [
        ("gestion.doc", "Gestion documentaire", [.gestionDocumentaire]),
        ("archiviste", "Secrétariat général", [.gestionDocumentaire]),
        ("aiprp", "Secrétariat général", [.aiprp]),
        ("verif", "Vérification interne", [.verificateur]),
        ("csgi", "Sécurité de l'information", [.csgi]),
        ("rh", "Ressources humaines", [.detenteur]),
        ("rh.agent", "Ressources humaines", [.utilisateur]),
        ("rh.chef", "Ressources humaines", [.detenteur]),
        ("sg.agent", "Secrétariat général", [.utilisateur]),
        ("sg.chef", "Secrétariat général", [.detenteur]),
    ]
}
