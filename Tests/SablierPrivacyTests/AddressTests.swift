import SablierPrivacy
import Testing

/// The addresses a scan found, as (covered text, confidence).
private func addresses(_ text: String, _ publicCharacter: PublicCharacter = PublicCharacter()) -> [(text: String, confidence: Int)] {
    found(text, publicCharacter).filter { $0.type == .address }.map { ($0.text, $0.confidence) }
}

@Suite("Street addresses and post office boxes")
struct AddressTests {
    @Test("French civic addresses on one line: civic number, type, name, apartment, municipality, province, postal code")
    func frenchOneLine() {
        #expect(flagging(.address, "Adresse : 1234, rue des Érables, app. 5, Sherbrooke (Québec) J1H 2K3")
            == ["1234, rue des Érables, app. 5, Sherbrooke (Québec) J1H 2K3"])
        #expect(flagging(.address, "Domicile : 455 boul. Saint-Joseph Est, Montréal QC H2J 1J8")
            == ["455 boul. Saint-Joseph Est, Montréal QC H2J 1J8"])
        #expect(flagging(.address, "Adresse du parent : 12A, chemin du Lac-Bertrand, Lac-des-Seize-Îles")
            == ["12A, chemin du Lac-Bertrand, Lac-des-Seize-Îles"])
        #expect(flagging(.address, "Adresse : 5-1234, montée Sainte-Marianne, Mirabel (Québec) J7J 2B6")
            == ["5-1234, montée Sainte-Marianne, Mirabel (Québec) J7J 2B6"])
        #expect(flagging(.address, "Adresse : 12-14, rue de l'Église, Saint-Jean-sur-Richelieu")
            == ["12-14, rue de l'Église, Saint-Jean-sur-Richelieu"])
        #expect(flagging(.address, "Domicile : 3350, rang Saint-Joseph, Sainte-Sophie (Qc) J5J 2V3")
            == ["3350, rang Saint-Joseph, Sainte-Sophie (Qc) J5J 2V3"])
        #expect(flagging(.address, "Résidence : 2075, route 117, Mont-Tremblant") == ["2075, route 117, Mont-Tremblant"])
        #expect(flagging(.address, "Adresse : 640, av. du Parc, bureau 3") == ["640, av. du Parc, bureau 3"])
        #expect(flagging(.address, "Adresse : 77 ch. Principal, #204") == ["77 ch. Principal, #204"])
        #expect(flagging(.address, "Adresse : app. 5, 1234 rue des Érables, Sherbrooke") == ["app. 5, 1234 rue des Érables, Sherbrooke"])
        #expect(flagging(.address, "ADRESSE : 1234 RUE DES ÉRABLES, GRANBY (QC) J2G 1A1") == ["1234 RUE DES ÉRABLES, GRANBY (QC) J2G 1A1"])
        #expect(flagging(.address, "Adresse : 123, 4e Avenue, Québec (Québec) G1R 4S9") == ["123, 4e Avenue, Québec (Québec) G1R 4S9"])
        #expect(flagging(.address, "Domicile\n88, rue du Couvent\nSaint-Lin–Laurentides (Québec)  J5M 0A1")
            == ["88, rue du Couvent\nSaint-Lin–Laurentides (Québec)  J5M 0A1"])
    }

    @Test("English order and English types: 78 Maple Street, Unit 3; St. Lawrence Blvd. West")
    func english() {
        #expect(flagging(.address, "Home address: 78 Maple Street, Unit 3, Lachute, Quebec J8H 3W1")
            == ["78 Maple Street, Unit 3, Lachute, Quebec J8H 3W1"])
        #expect(flagging(.address, "Address: 100 St. Lawrence Blvd. West, Apt. 12, Montreal, QC H2X 1Y6")
            == ["100 St. Lawrence Blvd. West, Apt. 12, Montreal, QC H2X 1Y6"])
        #expect(flagging(.address, "Mailing address: 15 Oak Crescent, Pointe-Claire, QC") == ["15 Oak Crescent, Pointe-Claire, QC"])
        #expect(flagging(.address, "Address: 4 Birch Rd., Hudson") == ["4 Birch Rd., Hudson"])
        #expect(flagging(.address, "Address: 221 3rd Avenue, Lachine") == ["221 3rd Avenue, Lachine"])
        #expect(flagging(.address, "Mr. David Chen\nApt. 4B, 55 Elm Street\nHudson, QC J0P 1H0") == ["Apt. 4B, 55 Elm Street\nHudson, QC J0P 1H0"])
    }

    @Test("Over two and three lines: the municipality's line counts when it holds a province or a postal code")
    func severalLines() {
        let letter = "Monsieur Kevin Lachapelle\n2217, chemin du Lac-Bertrand\nLac-des-Seize-Îles (Québec)  J0T 2M0\n\nObjet : Convocation"
        #expect(flagging(.address, letter) == ["2217, chemin du Lac-Bertrand\nLac-des-Seize-Îles (Québec)  J0T 2M0"])
        let english = "Ms. Rachel Cohen\n78 Maple Street\nLachute, Quebec\nJ8H 3W1\n\nDear Ms. Cohen,"
        #expect(flagging(.address, english) == ["78 Maple Street\nLachute, Quebec\nJ8H 3W1"])
        // The next line is not a municipality: the address stops at its first line.
        let memo = "Adresse : 1180, rue des Pins\nObjet : Demande de changement d'école"
        #expect(flagging(.address, memo) == ["1180, rue des Pins"])
        let note = "Home address: 12 Maple Street\nOn behalf of the school, we thank you."
        #expect(flagging(.address, note) == ["12 Maple Street"])
        // The postal-code detector still reports its own finding.
        #expect(flagging(.postalCode, letter) == ["J0T 2M0"])
    }

    @Test("Post office boxes: C.P., case postale, P.O. Box, with a station")
    func postOfficeBoxes() {
        #expect(flagging(.address, "Adresse postale : C.P. 123, succursale Bureau-chef, Rimouski (Québec) G5L 7C7")
            == ["C.P. 123, succursale Bureau-chef, Rimouski (Québec) G5L 7C7"])
        #expect(flagging(.address, "Adresse : case postale 45, Val-David (Québec) J0T 2N0") == ["case postale 45, Val-David (Québec) J0T 2N0"])
        #expect(flagging(.address, "Mailing address: P.O. Box 456, Station A, Sherbrooke, QC J1H 5H7")
            == ["P.O. Box 456, Station A, Sherbrooke, QC J1H 5H7"])
        #expect(flagging(.address, "Domicile : CP 88, Lac-Supérieur") == ["CP 88, Lac-Supérieur"])
        #expect(flagging(.address, "Adresse : C.P.123\nGranby (Québec) J2G 8E3") == ["C.P.123\nGranby (Québec) J2G 8E3"])
        #expect(addresses("Le CP du groupe 12 est parti").isEmpty)                      // no box number
    }

    @Test("Confidence: a label or a person's name flags; an organisation's or a business's address is weak")
    func confidence() {
        #expect(addresses("Adresse : 71, rue des Cormiers, Prévost").map(\.confidence) == [75])
        #expect(addresses("Madame Chantale Gosselin\n71, rue des Cormiers\nPrévost (Québec) J0R 1K5").map(\.confidence) == [70])
        #expect(addresses("Nous avons rencontré Madame Chantale Gosselin, 71, rue des Cormiers, le 3 mai.").map(\.confidence) == [70])
        // The nearest word decides: the school's address on a form is the organisation's.
        #expect(addresses("Adresse de l'école : 88, rue des Bouleaux, Mirabel").map(\.confidence) == [35])
        #expect(addresses("1234, rue des Érables, Sherbrooke").map(\.confidence) == [55])       // a bare address in a form
        #expect(addresses("Lakeshore Office Supply Ltd.\n1180 Boulevard Saint-Jean, Pointe-Claire, QC H9R 5L3").map(\.confidence) == [35])
        #expect(addresses("École secondaire des Cèdres — 1400, montée Sainte-Marianne, Mirabel (Québec) J7J 2B6").map(\.confidence) == [35])
        #expect(addresses("Head office: 455 Avenue Donegani, Pointe-Claire, QC H9R 2W3").map(\.confidence) == [35])
        // Inside a sentence without a municipality: a place named, weak.
        #expect(addresses("La rencontre aura lieu au 45, rue Principale dans la grande salle.").map(\.confidence) == [45])
        // A sentence that says it is where someone lives flags.
        #expect(addresses("Elle habite au 45, rue Principale depuis mai.").map(\.confidence) == [75])
    }

    @Test("Numbers followed by something else than a street: counts, dates, budget lines, years, articles, times")
    func negatives() {
        #expect(addresses("1234 Fournitures de bureau      2 910,00").isEmpty)
        #expect(addresses("Le groupe compte 25 élèves et 3 avenues de solution ont été proposées.").isEmpty)
        #expect(addresses("La rencontre du 12 mars 2025 à 10 h 30.").isEmpty)
        #expect(addresses("En 2024, rue Principale a été refaite.").isEmpty)
        #expect(addresses("In 2023 Main Street was repaved.").isEmpty)
        #expect(addresses("Année scolaire 2024-2025, rue barrée").isEmpty)
        #expect(addresses("selon l'art. 57, Place des Arts étant fermée").isEmpty)
        #expect(addresses("La rue est fermée; la rue Principale aussi.").isEmpty)
        #expect(addresses("Il a échoué 2 cours de Mathématiques.").isEmpty)            // `cours` alone is no street
        #expect(addresses("Nous avons 3 places disponibles et 2 rues barrées.").isEmpty)
        #expect(addresses("Route 12 : départ à 7 h 05.").isEmpty)
        #expect(addresses("Téléphone : 450 555-0186").isEmpty)
        #expect(addresses("Page 4 Street Festival").isEmpty)
    }

    @Test("The organisation's addresses are public: never reported, in any written form")
    func publicAddresses() {
        let organisation = PublicCharacter(addresses: ["1250, boulevard des Cèdres, bureau 3, Saint-Jérôme (Québec) J7Z 5T3"])
        #expect(addresses("1250, boulevard des Cèdres, Saint-Jérôme (Québec) J7Z 5T3", organisation).isEmpty)
        #expect(addresses("Adresse : 1250 boul. des Cèdres, St-Jérôme", organisation).isEmpty)
        #expect(addresses("Adresse : 1250 BD DES CEDRES, bureau 3, SAINT-JEROME", organisation).isEmpty)
        #expect(addresses("Adresse : 1250 Cèdres Blvd., J7Z 5T3", organisation).isEmpty)       // the postal code says where
        #expect(addresses("Adresse : 1252, boulevard des Cèdres, Saint-Jérôme", organisation).count == 1)   // the neighbour's
        // An address with the organisation's postal code is weak.
        #expect(addresses("1250, boulevard des Cèdres, Saint-Jérôme (Québec) J7Z 5T3", PublicCharacter(postalCodes: ["J7Z 5T3"]))
            .map(\.confidence) == [30])
    }

    @Test("One normalised form: civic number, canonical type, folded name, orientation, then apartment, station, municipality, postal code")
    func normalisedAddress() {
        #expect(PublicCharacter.normalisedAddress("1200, boul. Industriel, bureau 3, Granby") == "1200 boulevard industriel, app 3, granby")
        #expect(PublicCharacter.normalisedAddress("1200 boulevard Industriel") == "1200 boulevard industriel")
        #expect(PublicCharacter.normalisedAddress("1200 Industriel Blvd.") == "1200 boulevard industriel")
        #expect(PublicCharacter.normalisedAddress("455 boul. St-Joseph E., Montréal") == "455 boulevard saint joseph est, montreal")
        #expect(PublicCharacter.normalisedAddress("78 Maple Street, Unit 3") == "78 rue maple, app 3")
        #expect(PublicCharacter.normalisedAddress("1234, rue des Érables, app. 5") == "1234 rue erables, app 5")
        #expect(PublicCharacter.normalisedAddress("5-1234, rue des Érables") == "1234 rue erables, app 5")
        #expect(PublicCharacter.normalisedAddress("app. 5, 1234 rue des Érables") == "1234 rue erables, app 5")
        #expect(PublicCharacter.normalisedAddress("12A rue de l'Église") == "12a rue eglise")
        #expect(PublicCharacter.normalisedAddress("1250, boulevard des Cèdres, Saint-Jérôme (Québec)  J7Z 5T3")
            == "1250 boulevard cedres, saint-jerome, J7Z5T3")
        #expect(PublicCharacter.normalisedAddress("88, rue du Couvent\nSaint-Lin–Laurentides (Québec)  J5M 0A1")
            == "88 rue couvent, saint-lin-laurentides, J5M0A1")
        #expect(PublicCharacter.normalisedAddress("C.P. 123, succursale Bureau-chef") == "cp 123, succursale bureau-chef")
        #expect(PublicCharacter.normalisedAddress("C.P. 500, succursale Bureau-chef, Granby") == "cp 500, succursale bureau-chef, granby")
        #expect(PublicCharacter.normalisedAddress("P.O. Box 456, Station A, Sherbrooke, QC J1H 5H7") == "cp 456, succursale a, sherbrooke, J1H5H7")
        #expect(PublicCharacter.normalisedAddress("P.O. Box 123") == "cp 123")
        #expect(PublicCharacter.normalisedAddress("Granby") == nil)
        #expect(PublicCharacter.normalisedAddress("25 élèves") == nil)
        #expect(PublicCharacter(addresses: ["1200 boulevard Industriel"]).fingerprint
            != PublicCharacter().fingerprint)
        // The normalised form normalises to itself: what is stored reads again (the scanner is
        // built from the stored forms).
        for written in ["1200, boul. Industriel", "455 boul. St-Joseph E.", "78 Maple Street", "12 Oak Court", "12A rue de l'Église",
                        "221 3rd Avenue", "2075, route 117", "C.P. 123", "4 Birch Rd.", "9 Elm Lane, Hudson",
                        "1200, boul. Industriel, bureau 3B, Granby (Québec) J2G 8E3", "5-1234, montée Sainte-Marianne, Mirabel",
                        "88, rue du Couvent\nSaint-Lin–Laurentides (Québec)  J5M 0A1", "12, rue des Pins, L'Assomption",
                        "C.P. 500, succursale Bureau-chef, Granby", "P.O. Box 456, Station A, Sherbrooke, QC J1H 5H7",
                        "4 Elm St., Notre-Dame-de-l'Île-Perrot", "100 rue Principale Ouest, St-Jean-sur-Richelieu",
                        "1234 rue King Ouest, app. 3, Sherbrooke"] {
            let normalised = PublicCharacter.normalisedAddress(written)
            #expect(normalised != nil, "\(written)")
            #expect(normalised.flatMap(PublicCharacter.normalisedAddress) == normalised, "\(written)")
        }
        #expect(PublicCharacter(addresses: ["1200 boulevard industriel"]).addresses == ["1200 boulevard industriel"])
    }

    @Test("A declared address hides only itself: not the same civic number and street in another town, another apartment, another station, a longer street")
    func publicAddressesAreOnlyTheOrganisations() {
        let office = PublicCharacter(addresses: ["100, rue Principale, Granby"])
        #expect(office.addresses == ["100 rue principale, granby"])
        #expect(addresses("Adresse : 100, rue Principale, Granby (Québec) J2G 1A1", office).isEmpty)
        #expect(addresses("Adresse : 100 rue Principale, GRANBY", office).isEmpty)
        // A parent's in another town, with an apartment: reported.
        #expect(flagging(.address, "Adresse du parent :\n100, rue Principale, app. 3\nCowansville (Québec) J2K 1J4", office)
            == ["100, rue Principale, app. 3\nCowansville (Québec) J2K 1J4"])
        #expect(addresses("Adresse : 100, rue Principale, app. 3, Granby", office).count == 1)   // an apartment the office lacks
        #expect(addresses("Adresse : 100 rue Principale Ouest, Magog", office).count == 1)       // a longer street
        #expect(addresses("Adresse : 100 rue Principale Ouest", office).count == 1)
        #expect(addresses("Adresse : 100, rue Principale, Magog", office).count == 1)            // another town
        #expect(addresses("Adresse : 100, rue Principale", office).count == 1)                   // no town: nothing says it is Granby

        let box = PublicCharacter(addresses: ["C.P. 500, succursale Bureau-chef, Granby"])
        #expect(addresses("Adresse postale : C.P. 500, succursale Bureau-chef, Granby (Québec) J2G 8E3", box).isEmpty)
        #expect(addresses("Adresse postale : C.P. 500, Granby", box).isEmpty)
        #expect(flagging(.address, "Adresse du parent : C.P. 500, succursale A, Magog", box) == ["C.P. 500, succursale A, Magog"])
        #expect(addresses("Adresse postale : C.P. 500, succursale Bureau-chef, Magog", box).count == 1)

        // The organisation's suite is public, its neighbours' apartments are not.
        let suite = PublicCharacter(addresses: ["1200, boul. Industriel, bureau 3, Granby"])
        #expect(addresses("1200, boul. Industriel, bureau 3, Granby (Québec)", suite).isEmpty)
        #expect(addresses("1200, boul. Industriel, Granby (Québec)", suite).isEmpty)
        #expect(addresses("Adresse : 1200, boul. Industriel, bureau 5, Granby", suite).count == 1)
        // Stored before the municipality was kept (the street alone): hides only a street written alone.
        let streetOnly = PublicCharacter(addresses: ["1200 boulevard industriel"])
        #expect(addresses("Adresse : 1200 boul. Industriel", streetOnly).isEmpty)
        #expect(addresses("Adresse : 1200 boul. Industriel, Cowansville", streetOnly).count == 1)
    }

    @Test("Missed before: a unit before the civic number without a comma, a street name on the next line, a unit on a line of its own")
    func splitAddresses() {
        #expect(flagging(.address, "Unit 3 78 Maple Street\nToronto, ON M4B 1B3") == ["Unit 3 78 Maple Street\nToronto, ON M4B 1B3"])
        #expect(flagging(.address, "Adresse : app. 5 1234 rue des Érables, Sherbrooke") == ["app. 5 1234 rue des Érables, Sherbrooke"])
        #expect(flagging(.address, "Adresse : 1234 rue\ndes Érables, Sherbrooke") == ["1234 rue\ndes Érables, Sherbrooke"])
        #expect(flagging(.address, "Adresse : 1234, rue des Érables\nappartement 5\nSherbrooke (Québec)\nJ1H 2K3")
            == ["1234, rue des Érables\nappartement 5\nSherbrooke (Québec)\nJ1H 2K3"])
        #expect(PublicCharacter.normalisedAddress("Unit 3 78 Maple Street\nToronto, ON M4B 1B3") == "78 rue maple, app 3, toronto, M4B1B3")
        // A label on the next line is no street name; a phone number after a unit marker is no unit.
        #expect(flagging(.address, "Adresse : 12 rue\nObjet : Convocation").isEmpty)
        #expect(flagging(.address, "Adresse : 1180, rue des Pins\nBureau 3 fermé le lundi") == ["1180, rue des Pins"])
    }

    @Test("Words naming people count as a label or on the address's line, not from a heading; an hour's minutes are no civic number; a school's name is no address")
    func personWordsAndTimes() {
        #expect(addresses("Les élèves de 5 Avenue Road Public School ont gagné.").isEmpty)
        #expect(addresses("Parents\nThe 4 Seasons Drive").map(\.confidence).allSatisfy { $0 < 75 })
        #expect(addresses("Parents\n2 Park Avenue").map(\.confidence) == [55])
        #expect(addresses("Rendez-vous à 9 h 30 rue Cartier.").isEmpty)
        #expect(addresses("Rendez-vous à 9 h 30, rue Cartier, Granby").isEmpty)
        // As a label, or on the line: still a person's.
        #expect(addresses("Adresse du parent : 100, rue Principale").map(\.confidence) == [75])
        #expect(addresses("Parent :\n71, rue des Cormiers").map(\.confidence) == [75])
        #expect(addresses("Student — 12 Maple Street").map(\.confidence) == [75])
        #expect(addresses("Adresse : 12, rue de l'École, Granby").map(\.confidence) == [75])   // a street named after a school
    }

    @Test("An address spread by runs of spaces stays within an excerpt's reach: every finding in view of an excerpt is masked")
    func longSpacedAddress() throws {
        for spaces in [200, 700] {
            let gap = String(repeating: " ", count: spaces)
            let text = "Adresse : 1234, rue des Érables," + gap + "Sherbrooke (Québec) J1H 2K3 Tél. : 819 555-0147\n"
            let result = PrivacyScanner().scan(text)
            let scalars = Array(text.unicodeScalars)
            let covered = result.findings.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
            let address = try #require(result.findings.firstIndex { $0.type == .address })
            let phone = try #require(result.findings.first { $0.type == .phone })
            #expect(covered[address].utf8.count <= 512, "\(spaces)")
            // Whatever the address covers, the phone's excerpt shows none of its letters.
            for word in ["Sherbrooke", "Érables"] where covered[address].contains(word) {
                #expect(!phone.excerpt.contains(word), "\(spaces): \(phone.excerpt)")
            }
            if spaces == 200 { #expect(covered[address].hasSuffix("J1H 2K3")) }   // within reach: the whole address
        }
    }
}
