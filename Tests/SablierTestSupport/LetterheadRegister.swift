public import Foundation

/// A register of letters from five units (détenteurs) that share the organisation's letterhead
/// — its parents' line, postal code, street address and e-mail domain at the top of each — for
/// `privacy public suggest`. Every third letter is a general notice holding nothing but the
/// letterhead; the others each hold one family's information (a parent's home telephone, home
/// address, postal code and personal e-mail). A few families write in two or three letters of
/// one unit, and one family in `repeatedFamilyLetters` letters of the first unit: many
/// documents, but one unit, so never the organisation's.
///
/// All the identifiers are invented: 555 exchange for the letterhead, a made-up domain.
public struct LetterheadRegister: Sendable {
    /// The letterhead's values, in the form `privacy public add` stores them.
    public static let phone = "8195550100"
    public static let postalCode = "J1H2K3"
    public static let emailDomain = "cscantons.example"
    /// The address line as written, municipality and postal code included (the normalised form
    /// keeps them); its normalised form is `PublicCharacter.normalisedAddress`'s.
    public static let streetLine = "1234, rue King Ouest, Sherbrooke (Québec) J1H 2K3"
    public static let letterhead = """
        Centre de services scolaire des Cantons (exemple) — Bureau des parents
        1234, rue King Ouest, Sherbrooke (Québec) J1H 2K3
        Info-parents : 819 555-0100 · parents@cscantons.example

        """

    public static let units = [
        "Secrétariat général", "Ressources financières", "Ressources humaines", "Services éducatifs",
        "École primaire des Érables (exemple)",
    ]

    /// One registered letter: its reference, unit, and whether it holds only the letterhead.
    public struct Letter: Sendable, Hashable {
        public var reference: String
        public var unit: String
        public var letterheadOnly: Bool
        /// The family whose information it holds (nil for a notice).
        public var family: Int?
    }

    public let letters: [Letter]
    /// The register to import (`reference,title,rule,…,path`), the files beside it in `lettres/`.
    public let csv: URL
    /// The family that writes in many letters of the first unit.
    public static let repeatedFamily = 0
    public let repeatedFamilyLetters: Int

    /// The telephone a family's letters give, as stored (ten digits).
    public static func familyPhone(_ family: Int) -> String { "819562" + String(format: "%04d", 1000 + family) }

    /// Writes `perUnit` letters for each of the five units into `folder`, under `rule`: by
    /// default one of the example calendar whose documents its rule does not flag, so that
    /// only their content puts them in the review queue.
    public init(in folder: URL, perUnit: Int, rule: String = "1102", repeatedFamilyLetters: Int = 12) throws {
        let files = folder.appendingPathComponent("lettres")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        self.repeatedFamilyLetters = repeatedFamilyLetters
        var letters: [Letter] = []
        var lines = ["reference,title,rule,copy,support,holder,opened,closed,path"]
        var nextFamily = 1
        var repeatedLeft = repeatedFamilyLetters
        for (unitIndex, unit) in Self.units.enumerated() {
            var previousFamily: Int?
            for index in 0..<perUnit {
                let reference = String(format: "LET-%d-%03d", unitIndex + 1, index + 1)
                let body: String
                var family: Int?
                if index % 3 == 0 {
                    body = Self.notice(index)
                } else {
                    if unitIndex == 0, repeatedLeft > 0 {
                        family = Self.repeatedFamily
                        repeatedLeft -= 1
                    } else if let previous = previousFamily, previous != Self.repeatedFamily, index % 7 == 2 {
                        // The same family writes again, in the same unit.
                        family = previous
                    } else {
                        family = nextFamily
                        nextFamily += 1
                    }
                    body = Self.familyLetter(family!)
                    previousFamily = family
                }
                let path = "lettres/\(reference).txt"
                try Data((Self.letterhead + body).utf8).write(to: folder.appendingPathComponent(path))
                letters.append(Letter(reference: reference, unit: unit, letterheadOnly: family == nil, family: family))
                lines.append("\(reference),Lettre \(index + 1),\(rule),principal,DM,\(unit),2024-09-0\(1 + index % 9),,\(path)")
            }
        }
        self.letters = letters
        csv = folder.appendingPathComponent("registre-lettres.csv")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: csv)
    }

    static func notice(_ index: Int) -> String {
        """
        Objet : calendrier scolaire

        Madame, Monsieur,

        La rentrée des classes aura lieu le 28 août. Les horaires du transport scolaire seront publiés \
        sur le site du centre de services la semaine précédente (avis numéro \(index + 1)).

        Veuillez agréer nos salutations distinguées.

        """
    }

    static func familyLetter(_ family: Int) -> String {
        let letters = Array("ABCEGHJKLMNPRSTVXY")
        let postal = "J1E \(family % 10)\(letters[family % letters.count])\((family / 10) % 10)"
        let phone = familyPhone(family)
        let written = "\(phone.prefix(3)) \(phone.dropFirst(3).prefix(3))-\(phone.suffix(4))"
        return """
            Objet : changement de coordonnées

            Le parent nous informe de ses nouvelles coordonnées.
            Téléphone à la maison : \(written)
            Adresse du domicile : \(20 + family), rue des Érables, app. \(1 + family % 6), Sherbrooke (Québec) \(postal)
            Courriel personnel : \(family == repeatedFamily ? "j.morin@cabinet-morin.example" : "famille\(family)@videotron.ca")

            """
    }
}
