import SablierPrivacy
import Testing

/// What a scan found, as (type, the text it covers, confidence): the covered text is read back
/// from the scalar offsets, so the offsets are checked by every assertion.
func found(_ text: String, _ publicCharacter: PublicCharacter = PublicCharacter()) -> [(type: FindingType, text: String, confidence: Int)] {
    let scalars = Array(text.unicodeScalars)
    return PrivacyScanner(publicCharacter: publicCharacter).scan(text).findings.map {
        ($0.type, String(String.UnicodeScalarView(scalars[$0.start..<$0.end])), $0.confidence)
    }
}

/// The findings of `type` that flag a document (confidence ≥ 50), by covered text.
func flagging(_ type: FindingType, _ text: String, _ publicCharacter: PublicCharacter = PublicCharacter()) -> [String] {
    found(text, publicCharacter).filter { $0.type == type && $0.confidence >= 50 }.map(\.text)
}

@Suite("Detectors, one family at a time")
struct DetectorTests {
    @Test("NAS: Luhn-valid 9 digits after a label, 3-3-3 without one; business numbers and invalid checksums are not")
    func socialInsuranceNumbers() {
        #expect(flagging(.sin, "NAS : 264 175 696") == ["264 175 696"])
        #expect(flagging(.sin, "Numéro d'assurance sociale : 264-175-696.") == ["264-175-696"])
        #expect(flagging(.sin, "SIN 264175696") == ["264175696"])
        #expect(flagging(.sin, "Employé 264 175 696") == ["264 175 696"])   // printed as on the card
        #expect(flagging(.sin, "NAS : 264 175 697").isEmpty)                 // Luhn fails
        #expect(flagging(.sin, "No TPS : 855641437 RT0001").isEmpty)         // business number + program
        #expect(flagging(.sin, "Numéro de TPS 855641437").isEmpty)           // labelled as a business number
        #expect(flagging(.sin, "(business number 772837837 RC0001)").isEmpty)
        #expect(flagging(.sin, "Facture 264 175 696").isEmpty)               // an invoice reference
        #expect(flagging(.sin, "Référence 264175696").isEmpty)               // 9 digits, no label
        #expect(flagging(.sin, "Code 1-264-175-696").isEmpty)                // part of a longer code
        // A 0- or 8-leading number is never a SIN, unless labelled (recall first).
        #expect(flagging(.sin, "046 454 286").isEmpty)
        #expect(found("NAS : 046 454 286").first?.confidence == 70)
        // The nearest label wins: a NAS and a supplier's TPS on one form.
        let form = "TPS : 855641437\nNAS : 264175696"
        #expect(flagging(.sin, form) == ["264175696"])
    }

    @Test("NAM and code permanent: the label, the check digit and the date order decide")
    func fourLetterCodes() {
        #expect(flagging(.ramq, "Numéro d'assurance maladie : PELN 1451 2210") == ["PELN 1451 2210"])
        #expect(flagging(.ramq, "TEST54122816") == ["TEST54122816"])                 // check digit valid (Clic Santé example)
        #expect(flagging(.permanentCode, "Code permanent : PELN84511407") == ["PELN84511407"])
        #expect(flagging(.permanentCode, "PELN84511407") == ["PELN84511407"])        // day 84 = 22 + 62: only a permanent code
        #expect(found("ABCD99999999").isEmpty)                                       // no plausible date either way
        #expect(found("abcd12345678").isEmpty)                                        // lowercase: not printed so
        #expect(found("XPELN84511407").isEmpty)                                       // five letters
        // Both labels on a form: each code takes the nearest.
        let both = "Code permanent : PELN84511407\nAssurance maladie : PELN14512210"
        #expect(found(both).map(\.type) == [.permanentCode, .ramq])
    }

    @Test("SAAQ driver's licence and passports")
    func licenceAndPassport() {
        #expect(flagging(.driverLicence, "Numéro de permis de conduire : L4827-170383-08") == ["L4827-170383-08"])
        #expect(flagging(.driverLicence, "A123456789876") == ["A123456789876"])
        #expect(flagging(.driverLicence, "A12345678987").isEmpty)
        #expect(flagging(.passport, "Passport No.: P739261KM") == ["P739261KM"])
        #expect(flagging(.passport, "Passeport : AB123456") == ["AB123456"])
        #expect(found("Pièce AB123456").isEmpty)                                      // no label: a part number
    }

    @Test("Postal codes: letter rules, public ones, a person's only with context")
    func postalCodes() {
        #expect(flagging(.postalCode, "Adresse du domicile : 71, rue des Cormiers, Prévost (Québec) J0R 1K5") == ["J0R 1K5"])
        #expect(found("Saint-Jérôme J7Z 5T3").map(\.confidence) == [30])
        #expect(found("Domicile : J7Z 5T3", PublicCharacter(postalCodes: ["j7z5t3"])).isEmpty)
        #expect(found("Domicile : D1A 1A1").isEmpty)                                  // D is never used
        #expect(found("Domicile : W1A 1A1").isEmpty)                                  // W never first
    }

    @Test("Phones: shapes, public numbers, toll-free, QST/NEQ look-alikes and budget codes")
    func phones() {
        #expect(flagging(.phone, "Cellulaire : 450 555-0186") == ["450 555-0186"])
        #expect(flagging(.phone, "Home phone: (514) 555-0158") == ["(514) 555-0158"])
        #expect(flagging(.phone, "Mother: mobile +1 514 555 0123") == ["+1 514 555 0123"])
        #expect(flagging(.phone, "Cell 1-819-555-0143") == ["1-819-555-0143"])
        #expect(flagging(.phone, "Cellulaire 4505550186") == ["4505550186"])
        #expect(found("Compte 4505550186").isEmpty)                                   // ten digits need a phone label
        #expect(found("Téléphone : 450 555-0100", PublicCharacter(phones: ["450-555-0100"])).isEmpty)
        #expect(found("Sans frais : 1 888 555-0199").isEmpty)
        #expect(found("No TVQ : 1218556414 TQ0001").isEmpty)
        #expect(found("Poste budgétaire 8-33-541-4518").isEmpty)
        #expect(found("Code 1-20-210-00-541").isEmpty)
        #expect(found("Tél. : 123 555-0100").isEmpty)                                 // area code cannot start with 1
        #expect(found("Bureau : 514 555-0174 poste 221").map(\.confidence) == [40])
    }

    @Test("E-mail: the organisation's domains and role mailboxes are public")
    func emails() {
        let organisation = PublicCharacter(emailDomains: ["cssvdc.example"])
        #expect(flagging(.email, "Courriel du parent : sophie.gagnon@courriel.example", organisation) == ["sophie.gagnon@courriel.example"])
        #expect(flagging(.email, "julie.t84@gmail.com") == ["julie.t84@gmail.com"])
        #expect(found("marie-eve.poirier@cssvdc.example", organisation).isEmpty)
        #expect(found("Écrivez à info@imprimerie.example ou ventes@imprimerie.example").isEmpty)
        #expect(found("secretariat.ruisseau@autre.example").isEmpty)
    }

    @Test("Bank accounts: transit-institution-account, labelled fields near banking words; invoices and budgets are not")
    func bankAccounts() {
        #expect(flagging(.bankAccount, "Dépôt direct : 30412-815-5392716") == ["30412-815-5392716"])
        #expect(flagging(.bankAccount, "Transit number: 30412\nInstitution number: 815\nAccount number: 5392716") == ["5392716"])
        #expect(found("Paiement par dépôt direct — transit 10021, institution 815.").isEmpty)
        #expect(found("Compte budgétaire : 1234567 (fournitures)").isEmpty)
        #expect(found("Numéro de compte client : 5392716").isEmpty)                   // no banking word
    }

    @Test("Payment cards: network prefix and Luhn")
    func cards() {
        #expect(flagging(.paymentCard, "Numéro de carte : 4111 1111 1111 1111") == ["4111 1111 1111 1111"])
        #expect(flagging(.paymentCard, "Amex 3782 822463 10005") == ["3782 822463 10005"])
        #expect(flagging(.paymentCard, "5555555555554444") == ["5555555555554444"])
        #expect(found("4111 1111 1111 1112").isEmpty)                                 // Luhn fails
        #expect(found("1234 5678 9012 3452").isEmpty)                                 // no network starts with 1
    }

    @Test("Dates of birth only after their label; meeting and school-year dates are not")
    func birthDates() {
        #expect(flagging(.birthDate, "Date de naissance : 2013-04-17") == ["2013-04-17"])
        #expect(flagging(.birthDate, "Léa, née le 1er avril 2010, …") == ["1er avril 2010"])
        #expect(flagging(.birthDate, "Né(e) le : 17/03/1983") == ["17/03/1983"])
        #expect(flagging(.birthDate, "Date of birth: March 20, 2014") == ["March 20, 2014"])
        #expect(flagging(.birthDate, "DOB 1981-06-19") == ["1981-06-19"])
        #expect(flagging(.birthDate, "date_naissance: 2009-11-03") == ["2009-11-03"])
        #expect(found("Séance du 15 octobre 2025; année scolaire 2025-2026; adopté le 2025-06-10").isEmpty)
        #expect(found("Il ne le savait pas le 2025-06-10").isEmpty)
        #expect(found("Date de naissance : 2014-02-30").isEmpty)                      // no such day
    }

    @Test("Health terms: weak alone, raised when the text identifies a person, one finding per line")
    func health() {
        let policy = "Les auto-injecteurs d'épinéphrine (EpiPen) sont rangés dans un lieu connu. Aucun médicament sans ordonnance."
        #expect(found(policy).allSatisfy { $0.type == .health && $0.confidence < 50 })
        #expect(found(policy).count == 1)
        let record = "Nom de l'élève : Léa Ouellet\nAllergie sévère aux arachides — EpiPen."
        let health = found(record).filter { $0.type == .health }
        #expect(health.count == 1 && health[0].confidence == 75 && health[0].text.hasPrefix("Allergie"))
    }

    @Test("Names: labelled at the start of a field, after an honorific heading a line, after a kinship word; staff with a title are public")
    func names() {
        #expect(flagging(.personName, "Nom de l'élève : Pelletier, Noémie\nNiveau : 5e") == ["Pelletier, Noémie"])
        #expect(flagging(.personName, "Mère : Chantale Gosselin") == ["Chantale Gosselin"])
        #expect(flagging(.personName, "Full name (as on passport): Xavier Antoine Lemieux") == ["Xavier Antoine Lemieux"])
        #expect(flagging(.personName, "last_name: O'Brien\nfirst_name: Siobhan") == ["O'Brien", "Siobhan"])
        #expect(flagging(.personName, "Madame Chantale Gosselin\n71, rue des Cormiers") == ["Chantale Gosselin"])
        #expect(flagging(.personName, "votre fils, Félix Gosselin-Pelletier, élève") == ["Félix Gosselin-Pelletier"])
        #expect(found("Présences : Mme Chantal Bérubé, directrice; M. Patrick Lemay, enseignant").isEmpty)
        #expect(found("Nom : ______________").isEmpty)
        #expect(found("Nom de l'entreprise : Imprimerie Boréale inc.").isEmpty)
        #expect(found("Company name: Toitures Ouest Ltd.").isEmpty)
        #expect(found("Le parent : il signe le formulaire.").isEmpty)                // not at a field start
    }

    @Test("Employee and student numbers after their label, typed apart")
    func personNumbers() {
        #expect(flagging(.employeeNumber, "Matricule : 126953") == ["126953"])
        #expect(flagging(.employeeNumber, "employee_number: 213847") == ["213847"])
        #expect(flagging(.studentNumber, "Numéro de fiche : 4471902") == ["4471902"])
        #expect(flagging(.studentNumber, "Student ID: 1087723") == ["1087723"])
        #expect(flagging(.employeeNumber, "Student ID: 1087723").isEmpty)
        #expect(found("Matricule : 12").isEmpty)
    }

    @Test("Person numbers in a table column under a header cell that is their label, kept to that column and that table")
    func personNumbersInColumns() {
        let classList = "Liste de classe\nÉlève\tFiche\tAutobus\tPoste\nBOUCHARD, Élodie\t4471236\t12\t3175\nGIRARD, Mathis\t4471589\t1234\t3176\n"
        #expect(flagging(.studentNumber, classList) == ["4471236", "4471589"])
        #expect(!found(classList).contains { $0.text == "3175" || $0.text == "1234" })       // bus and extension columns
        #expect(flagging(.employeeNumber, "Matricule\tNom\n126953\tRoy\n213847 \tOuellet\n") == ["126953", "213847"])
        #expect(flagging(.studentNumber, "Nom\tStudent ID\nKowalski\t2109371\n") == ["2109371"])
        #expect(flagging(.studentNumber, "\tÉlève\tFiche\n \n\tBOUCHARD, Élodie\t4471236\n \n") == ["4471236"])  // HTML: blank lines between rows
        // The table ends at a line without a tab: a number below it is no student's.
        #expect(flagging(.studentNumber, "Élève\tFiche\nBOUCHARD\t4471236\nTotal des élèves transportés\nA\t4471589\n") == ["4471236"])
        // A cell holding more than the number, or a header that is more than the label.
        #expect(flagging(.studentNumber, "Élève\tFiche\nBOUCHARD\t4471236 (ancien)\n").isEmpty)
        #expect(flagging(.studentNumber, "Élève\tFiche santé\nBOUCHARD\t4471236\n").isEmpty)
        // Columns that no person-number label heads: amounts, years, extensions.
        #expect(found("Poste budgétaire\tMontant\nFournitures\t12500\nTransport\t48000\n").isEmpty)
        #expect(found("Année\tInscriptions\n2024\t1250\n2025\t1310\n").isEmpty)
        #expect(found("Service\tPoste\nSecrétariat\t3175\nPaie\t3190\n").isEmpty)
    }

    @Test("A person number after its label and a comma, in a sentence; not a year or a short count")
    func personNumbersAfterAComma() {
        #expect(flagging(.employeeNumber, "Your employee number, 238417, and your bank deposit information are unchanged.") == ["238417"])
        #expect(flagging(.employeeNumber, "Re: Correction of your slips — employee ID 238417") == ["238417"])
        #expect(found("Votre matricule, 2025 et la date de votre embauche").isEmpty)
        #expect(found("Student ID, 12 copies").isEmpty)
    }

    @Test("Health terms of a school or HR file: a medical note, sick leave, an inhaler, a health plan; a field said empty is none")
    func healthTermsOfIssue17() {
        let identified = "Nom de l'élève : Zoé Lavigne\n"
        for line in ["Absence justifiée par un certificat médical.", "Congé de maladie de deux jours.", "Nora must take her puffer at lunch.",
                     "See her health plan.", "Employee on sick leave since May 4.", "Il utilise son inhalateur avant l'éducation physique."] {
            #expect(found(identified + line).contains { $0.type == .health && $0.confidence >= 50 }, "\(line)")
        }
        // The terms of one line stay one finding.
        #expect(found(identified + "Problèmes de santé : diabète de type 1; pompe à insuline.").filter { $0.type == .health }.count == 1)
        #expect(!found(identified + "Allergies : aucune connue.").contains { $0.type == .health })
        #expect(!found(identified + "Medication: none").contains { $0.type == .health })
        #expect(found(identified + "Allergies : arachides").contains { $0.type == .health && $0.confidence >= 50 })
        // A policy names them without being about anyone: weak.
        #expect(found("Le congé de maladie est accordé sur présentation d'un certificat médical.").allSatisfy { $0.confidence < 50 })
    }

    @Test("A postal code ending a person's address is its own finding, however far the label")
    func postalCodeInsideAnAddress() {
        let notice = "Nouvelle adresse : 52, rue des Mésanges, app. 2\n                   Saint-Jérôme (Québec)  J7Y 3K8"
        #expect(flagging(.postalCode, notice) == ["J7Y 3K8"])
        #expect(flagging(.address, notice).count == 1)
        // An organisation's address: its postal code stays weak.
        #expect(flagging(.postalCode, "Imprimerie Boréale inc.\n1450, boulevard Industriel, bureau 200, Saint-Jérôme (Québec) J7Y 3K8").isEmpty)
    }
}
