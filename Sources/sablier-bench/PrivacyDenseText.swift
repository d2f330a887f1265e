import Foundation

/// Dense plain text: the files of a school's office and of its payroll, where an identifier
/// sits on almost every line, unlike `PrivacyTextGenerator`'s prose (one line in twenty).
///
/// Why a second corpus: a scan's cost grows with its findings (each one reads context words,
/// checks a checksum, masks an excerpt, writes a JSON entry), so a corpus of mostly prose says
/// little about the registration forms, class lists and pay slips that hold the most personal
/// information. Four kinds of pages are mixed, French and English: filled forms (`label: value`
/// on every line), class lists (`SURNAME, Given` with codes and student numbers, no label),
/// payroll lines (employee number, SIN, bank account) and letters (an address block with a
/// civic address or a post office box, a salutation, a signature). Names without a label and
/// street addresses are there for the detectors of issue 17. Every identifier is made up;
/// SINs pass the Luhn check so that they are read all the way. Deterministic: the same seed
/// writes the same bytes.
enum PrivacyDenseTextGenerator {
    typealias Random = PrivacyTextGenerator.Random

    static let givenNames = [
        "Léa", "Emma", "Olivia", "Alice", "Florence", "Chloé", "Charlotte", "Zoé", "Rosalie", "Béatrice", "William", "Liam",
        "Thomas", "Noah", "Jacob", "Félix", "Édouard", "Nathan", "Samuel", "Logan", "Marc-André", "Sophie", "Isabelle", "Nathalie",
        "Julie", "Karine", "Mélanie", "François", "Stéphane", "Martin", "Ethan", "Grace", "Benjamin", "Lucas", "Hélène", "Guy",
        "Marie", "Jean-François", "Amélie", "Patrick",
    ]
    static let surnames = [
        "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné", "Ouellet", "Pelletier",
        "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette", "Girard", "Simard", "Boucher", "Caron", "Beaulieu", "Cloutier",
        "Dubé", "Poirier", "Fournier", "Lapointe", "Leclerc", "Lefebvre", "Poulin", "Thibault", "St-Pierre", "Nadeau", "Lauzon",
        "Smith", "Brown", "Wilson", "MacDonald", "Morrison", "O'Brien",
    ]
    static let frenchStreets = [
        "rue des Érables", "rue Principale", "boulevard Saint-Joseph", "avenue du Parc", "chemin du Lac-Bernard", "rang Saint-Antoine",
        "montée Paiement", "route des Pionniers", "boul. René-Lévesque", "rue King Ouest", "avenue Laurier Est", "ch. de la Montagne",
    ]
    static let englishStreets = [
        "Maple Street", "Main Street", "Elm Avenue", "Victoria Road", "King St.", "Sherbrooke Street West", "Cedar Drive",
        "Lakeshore Road", "Church St.", "Oak Crescent",
    ]
    static let frenchCities = [
        "Sherbrooke (Québec)", "Gatineau (Québec)", "Mirabel (Québec)", "Montréal (Québec)", "Lévis (Québec)", "Rimouski (Québec)",
        "Saint-Jérôme (Québec)", "Trois-Rivières (Québec)",
    ]
    static let englishCities = ["Ottawa, Ontario", "Pointe-Claire, QC", "Westmount, Quebec", "Cornwall, ON", "Kingston, Ontario"]
    static let areaCodes = [514, 450, 819, 418, 438, 579, 613, 873]
    static let prose = [
        "Nous avons bien reçu votre demande et nous y donnerons suite dans les délais prévus par la loi.",
        "Vous trouverez ci-joint le relevé des absences pour la dernière étape, ainsi que le calendrier des examens.",
        "We have received your request and will answer it within the time the Act allows.",
        "Please find enclosed the report card for the second term and the schedule of parent-teacher interviews.",
        "Le transport scolaire sera assuré par le circuit 214 à compter du 8 janvier.",
        "The school bus route 214 will serve your address from January 8.",
    ]

    /// Letters without accents, for codes and e-mail addresses (of the names above, computed once:
    /// decomposing a string for every code made writing the files take longer than scanning them).
    static func ascii(_ text: String) -> String {
        asciiForms[text] ?? unaccented(text)
    }

    static let asciiForms: [String: String] = Dictionary(uniqueKeysWithValues: Set(givenNames + surnames).map { ($0, unaccented($0)) })

    static func unaccented(_ text: String) -> String {
        String(text.decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic }.map(Character.init))
    }

    static func digits(_ random: inout Random, _ count: Int) -> String {
        String((0..<count).map { _ in Character(String(random.int(0...9))) })
    }

    struct Person {
        var given: String
        var surname: String
        var year: Int
        var month: Int
        var day: Int
        var female: Bool

        var full: String { "\(given) \(surname)" }
        var listed: String { "\(surname.uppercased()), \(given)" }
        var isoBirth: String { String(format: "%04d-%02d-%02d", year, month, day) }

        /// A permanent code: three letters of the surname, the given name's initial, DD MM YY
        /// (MM + 50 for a girl, DD + 62 after 1999) and two digits.
        func permanentCode(_ random: inout Random) -> String {
            let letters = (ascii(surname).uppercased() + "XXX").prefix(3) + ascii(given).uppercased().prefix(1)
            let day = year >= 2000 ? day + 62 : day
            return letters + String(format: "%02d%02d%02d", day, female ? month + 50 : month, year % 100) + digits(&random, 2)
        }

        /// A RAMQ number (NAM): the same letters, YY MM DD, two digits; written in groups of four.
        func healthNumber(_ random: inout Random) -> String {
            let letters = (ascii(surname).uppercased() + "XXX").prefix(3) + ascii(given).uppercased().prefix(1)
            let numbers = String(format: "%02d%02d%02d", year % 100, female ? month + 50 : month, day) + digits(&random, 2)
            return letters + " " + numbers.prefix(4) + " " + numbers.suffix(4)
        }

        var email: String { ascii(given).lowercased() + "." + ascii(surname).lowercased() }
    }

    static func person(_ random: inout Random, child: Bool) -> Person {
        Person(given: random.pick(givenNames), surname: random.pick(surnames), year: child ? random.int(2008...2019) : random.int(1962...1995),
               month: random.int(1...12), day: random.int(1...28), female: random.int(0...1) == 0)
    }

    /// Nine digits passing the Luhn check, first digit 1–7 (a SIN as issued), grouped 3-3-3.
    static func sin(_ random: inout Random) -> String {
        var values = [random.int(1...7)] + (0..<7).map { _ in random.int(0...9) }
        var sum = 0
        for (offset, value) in values.enumerated() {
            var doubled = offset % 2 == 1 ? value * 2 : value
            if doubled > 9 { doubled -= 9 }
            sum += doubled
        }
        values.append((10 - sum % 10) % 10)
        let text = values.map(String.init).joined()
        return "\(text.prefix(3)) \(text.dropFirst(3).prefix(3)) \(text.suffix(3))"
    }

    static func phone(_ random: inout Random) -> String {
        let area = random.pick(areaCodes)
        switch random.int(0...2) {
        case 0: return "\(area) 555-\(digits(&random, 4))"
        case 1: return "(\(area)) 555-\(digits(&random, 4))"
        default: return "\(area)-555-\(digits(&random, 4))"
        }
    }

    static func postalCode(_ random: inout Random) -> String {
        let first = Array("ABCEGHJKLMNPRSTVXY"), other = Array("ABCEGHJKLMNPRSTVWXYZ")
        return "\(random.pick(first))\(random.int(0...9))\(random.pick(other)) \(random.int(0...9))\(random.pick(other))\(random.int(0...9))"
    }

    /// A civic address on two lines, French or English; an apartment sometimes.
    static func address(_ random: inout Random, french: Bool) -> [String] {
        let civic = random.int(1...9_999)
        if french {
            let unit = random.int(0...2) == 0 ? ", app. \(random.int(1...24))" : ""
            return ["\(civic), \(random.pick(frenchStreets))\(unit)", "\(random.pick(frenchCities)) \(postalCode(&random))"]
        }
        let unit = random.int(0...2) == 0 ? ", Apt. \(random.int(1...24))" : ""
        return ["\(civic) \(random.pick(englishStreets))\(unit)", "\(random.pick(englishCities)) \(postalCode(&random))"]
    }

    static func frenchForm(_ random: inout Random) -> [String] {
        let child = person(&random, child: true), mother = person(&random, child: false), father = person(&random, child: false)
        return ["FICHE D'INSCRIPTION — ANNÉE SCOLAIRE 2025-2026",
                "Nom de l'élève : \(child.given) \(mother.surname)",
                "Code permanent : \(child.permanentCode(&random))",
                "Date de naissance : \(child.isoBirth)",
                "Numéro de fiche : \(digits(&random, 7))"]
            + ["Adresse : " + address(&random, french: true).joined(separator: ", ")]
            + ["Téléphone (domicile) : \(phone(&random))",
               "Nom de la mère : \(mother.full)",
               "Cellulaire de la mère : \(phone(&random))",
               "Courriel : \(mother.email)@videotron.ca",
               "Nom du père : \(father.full)",
               "Cellulaire du père : \(phone(&random))",
               "Assurance maladie : \(child.healthNumber(&random))",
               "Allergies : arachides, EpiPen dans le sac",
               "Contact d'urgence : \(person(&random, child: false).full), \(phone(&random))",
               ""]
    }

    static func englishForm(_ random: inout Random) -> [String] {
        let child = person(&random, child: true), parent = person(&random, child: false)
        return ["REGISTRATION FORM — 2025-2026",
                "Student name: \(child.given) \(parent.surname)",
                "Permanent code: \(child.permanentCode(&random))",
                "Date of birth: \(child.isoBirth)",
                "Student ID: \(digits(&random, 7))"]
            + ["Home address: " + address(&random, french: false).joined(separator: ", ")]
            + ["Parent/guardian: \(parent.full)",
               "Cell: \(phone(&random))",
               "Email: \(parent.email)@gmail.com",
               "Health card: \(child.healthNumber(&random))",
               "Medical: asthma, inhaler kept at the office",
               ""]
    }

    /// A class list: the homeroom teacher named with her title (public), then one pupil a line
    /// (`SURNAME, Given`, permanent code, student number, birth date), tab-separated, no label.
    static func classList(_ random: inout Random) -> [String] {
        let group = random.int(101...699)
        var lines = ["Liste de classe — groupe \(group) — titulaire : Mme \(random.pick(givenNames)) \(random.pick(surnames)), enseignante",
                     "Nom\tCode permanent\tFiche\tNaissance"]
        for _ in 0..<random.int(18...28) {
            let pupil = person(&random, child: true)
            lines.append("\(pupil.listed)\t\(pupil.permanentCode(&random))\t\(digits(&random, 7))\t\(pupil.isoBirth)")
        }
        lines.append("")
        return lines
    }

    /// Payroll lines: employee number, name, SIN, direct-deposit account, gross pay.
    static func payroll(_ random: inout Random) -> [String] {
        var lines = ["Registre de paie — période 2025-\(random.int(1...26)) — Service des ressources humaines"]
        for _ in 0..<random.int(15...25) {
            let employee = person(&random, child: false)
            lines.append("Matricule \(digits(&random, 6)) | \(employee.listed) | NAS \(sin(&random)) | Dépôt direct "
                + "\(digits(&random, 5))-815-\(digits(&random, 7)) | Brut \(random.int(1...4)) \(digits(&random, 3)),\(digits(&random, 2)) $")
        }
        lines.append("")
        return lines
    }

    static func frenchLetter(_ random: inout Random) -> [String] {
        let addressee = person(&random, child: false), child = person(&random, child: true)
        let civility = addressee.female ? "Madame" : "Monsieur"
        let lines: [String]
        if random.int(0...3) == 0 {
            lines = ["Case postale \(random.int(10...9_999)), succursale Centre-ville", "\(random.pick(frenchCities)) \(postalCode(&random))"]
        } else {
            lines = address(&random, french: true)
        }
        return ["Sherbrooke, le 14 novembre 2025", "", "\(civility) \(addressee.full)"] + lines
            + ["", "Objet : dossier de votre enfant \(child.given) \(addressee.surname)", "",
               "Bonjour \(addressee.given),", "", random.pick(prose), random.pick(prose),
               "Nous vous prions d'agréer, \(civility), nos salutations distinguées.", "",
               "\(random.pick(givenNames)) \(random.pick(surnames))", "Responsable de l'accès à l'information", ""]
    }

    static func englishLetter(_ random: inout Random) -> [String] {
        let addressee = person(&random, child: false)
        let civility = addressee.female ? "Ms." : "Mr."
        let lines: [String]
        if random.int(0...3) == 0 {
            lines = ["P.O. Box \(random.int(10...9_999)), Station A", "\(random.pick(englishCities)) \(postalCode(&random))"]
        } else {
            lines = address(&random, french: false)
        }
        return ["November 14, 2025", "", "\(civility) \(addressee.full)"] + lines
            + ["", "Dear \(civility) \(addressee.surname),", "", random.pick(prose), random.pick(prose), "", "Sincerely,", "",
               "\(random.pick(givenNames)) \(random.pick(surnames))", "Principal", ""]
    }

    /// Writes the files and returns their paths.
    static func write(megabytes: Int, files: Int, into directory: URL) throws -> [String] {
        var random = Random(state: 2026)
        let perFile = max(1, megabytes * 1_000_000 / max(1, files))
        var paths: [String] = []
        for index in 0..<files {
            var text = ""
            text.reserveCapacity(perFile + 4_096)
            while text.utf8.count < perFile {
                let page: [String]
                switch random.int(0...9) {
                case 0, 1: page = frenchForm(&random)
                case 2: page = englishForm(&random)
                case 3, 4: page = classList(&random)
                case 5, 6: page = payroll(&random)
                case 7, 8: page = frenchLetter(&random)
                default: page = englishLetter(&random)
                }
                for line in page {
                    text += line
                    text += "\n"
                }
            }
            let url = directory.appendingPathComponent(String(format: "dense-%04d.txt", index))
            try Data(text.utf8).write(to: url)
            paths.append(url.path)
        }
        return paths
    }
}
