import SablierPrivacy
import Testing

/// Names written without a label: each shape in French and English, and the public cases that
/// must stay unreported (staff with their role, organisations, schools, streets, places, saints,
/// headings). Names are checked by what the scan covers, so offsets are checked too.
@Suite("Names without a label: the lists and the shapes together")
struct UnlabelledNameTests {
    /// The names that flag (confidence ≥ 50).
    func names(_ text: String) -> [String] { flagging(.personName, text) }

    @Test("SURNAME, Given and Surname, Given, as lists write them")
    func invertedNames() {
        #expect(names("Présents : LAUZON, Guy et PELLETIER, Marie-Ève.") == ["LAUZON, Guy", "PELLETIER, Marie-Ève"])
        #expect(names("Absents\nLAUZON Guy\nBERGERON Nathalie\n") == ["LAUZON Guy", "BERGERON Nathalie"])
        #expect(names("Tremblay, Léa\nGagnon, William\n") == ["Tremblay, Léa", "Gagnon, William"])
        #expect(names("participant: Walsh, Aiden\ngrade: 6") == ["Walsh, Aiden"])
        #expect(names("Montréal, Québec").isEmpty)
        #expect(names("AVIS DE CONVOCATION\nORDRE DU JOUR").isEmpty)
        #expect(names("Dorval, Quebec  H9S 2V6").isEmpty)
    }

    @Test("Given Surname inside a sentence: both lists flag, a given name and another word does not")
    func namesInSentences() {
        #expect(names("Hier, Nathalie Bergeron a appelé au secrétariat.") == ["Nathalie Bergeron"])
        #expect(names("Yesterday Kevin Smith left early.") == ["Kevin Smith"])
        #expect(names("Le rapport de Guy LAUZON est joint.") == ["Guy LAUZON"])
        #expect(found("Nous avons reçu Marie Xyzabc hier.").allSatisfy { $0.confidence < 50 })
        #expect(names("Jean Paul Gagnon est venu.") == ["Jean Paul Gagnon"])
    }

    @Test("Salutations open a message with the addressee's name")
    func salutations() {
        #expect(names("Bonjour Marie,\nVoici le document.") == ["Marie"])
        #expect(names("Chère Madame Tremblay,\nNous avons bien reçu") == ["Tremblay"])
        #expect(names("Dear Mr. Smith,\nThank you for your letter.") == ["Smith"])
        #expect(names("Hi Kevin,\nSee you tomorrow.") == ["Kevin"])
        #expect(names("Allô Jean-Philippe!\nOn se voit demain.") == ["Jean-Philippe"])
        #expect(names("Dear Parents,\nThe trip is on Friday.").isEmpty)
        #expect(names("Bonjour à tous,\nLa réunion est reportée.").isEmpty)
        #expect(names("Madame la Présidente,\nJ'ai l'honneur").isEmpty)
        #expect(names("Chère Madame,\nNous avons").isEmpty)
    }

    @Test("A signature: a line holding only a name after a closing is a person's; with a role on the next line, a staff member's")
    func signatures() {
        #expect(names("Merci de votre aide.\n\nCordialement,\n\nSophie Gagnon\n") == ["Sophie Gagnon"])
        #expect(names("Thanks again.\n\nRegards,\nDavid Cohen") == ["David Cohen"])
        #expect(names("Merci,\nMarie\n") == ["Marie"])
        #expect(names("Salutations distinguées,\n\nNathalie Bergeron\nDirectrice adjointe\n").isEmpty)
        #expect(names("Sincerely,\n\nDaniel Nguyen\nTeacher\n").isEmpty)
        #expect(names("Yours truly,\n\nAnne Dubois\nSecretary General").isEmpty)
        #expect(names("Veuillez agréer nos salutations distinguées.\n\nService de l'organisation scolaire").isEmpty)
    }

    @Test("A column of names: lines each holding a name")
    func columnOfNames() {
        let list = "Groupe 402\nÉmile Xyzabc\nCharlotte Qwerty\nLoïc Zyxwv\n"
        let flagged = names(list)
        #expect(flagged == ["Émile Xyzabc", "Charlotte Qwerty", "Loïc Zyxwv"])
        // One such line alone is weak: stored, not flagging.
        #expect(names("Rapport\nÉmile Xyzabc\nLe groupe a visité le musée.").isEmpty)
        #expect(found("Rapport\nÉmile Xyzabc\nLe groupe a visité le musée.").contains { $0.type == .personName && $0.confidence < 50 })
    }

    @Test("A name found once is found again alone, before or after, within the pass")
    func repeatedNames() {
        #expect(names("Nom de l'élève : Ouellet, Léa\nNiveau : 5e\nLéa présente des difficultés en lecture.")
            == ["Ouellet, Léa", "Léa"])
        #expect(names("Objet : absence d'Emma\nMa fille Emma Lafleur sera absente.") == ["Emma", "Emma Lafleur"])
        #expect(names("Marc Gagnon a signé. Selon M. Gagnon, tout va bien.") == ["Marc Gagnon", "Gagnon"])
        // A surname in no list, labelled just before: known at once.
        #expect(names("Nom : Xyzabcq\nXyzabcq a remis son travail.") == ["Xyzabcq", "Xyzabcq"])
        // Not known: a lone given name in a sentence is not flagged.
        #expect(names("Léa présente des difficultés en lecture.").isEmpty)
    }

    @Test("A name found in one region of a long text is known in the next, however the text is fed")
    func memoryAcrossRegions() {
        // Over 256 kB of filler: the stream scans the text in more than one region.
        let filler = String(repeating: "Le groupe a visité le musée avec sa classe.\n", count: 8_000)
        let text = "Nom de l'élève : Ouellet, Léa\n" + filler + "Léa présente des difficultés en lecture.\n"
        let whole = PrivacyScanner().scan(text)
        let bytes = Array(text.utf8)
        var stream = PrivacyScanner().stream()
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + 65_536)
            stream.append(Array(bytes[offset..<end]))
            offset = end
        }
        let chunked = stream.finish()
        #expect(chunked.findings == whole.findings)
        #expect(whole.findings.filter { $0.type == .personName && $0.flags }.map(\.start) == [17, text.unicodeScalars.count - 41])
    }

    @Test("After an honorific or a kinship word inside a sentence, the lists decide; a person made public stays public")
    func honorificsAndKin() {
        #expect(names("Son père, M. Denis Laroche, n'a pas rappelé.") == ["Denis Laroche"])
        #expect(names("Sur proposition de M. Xyzabc Qwerty, la séance est levée.").isEmpty)
        #expect(names("Présences : M. Richard Paquette, vice-président.\nSur proposition de M. Richard Paquette, adopté.").isEmpty)
        #expect(names("L'infirmière scolaire, Mme Chantal Giroux, a rencontré l'élève.").isEmpty)
        #expect(names("Orthopédagogue : Mme Valérie Lemay.").isEmpty)
        #expect(names("Keira's older brother, Cian, attends the school.") == ["Cian"])
        // A given name met alone twice, with nothing else in the text naming that person.
        #expect(names("Objet : Devoirs d'Alexis\nAlexis a eu de la difficulté.") == ["Alexis", "Alexis"])
        #expect(names("Hudson, Quebec  J0P 1H0\nHudson, Quebec  J0P 1J0").isEmpty)
    }

    @Test("Public: staff with their role, organisations, schools, streets, places, saints, headings")
    func publicNames() {
        #expect(found("Présences : Mme Chantal Bérubé, directrice; M. Patrick Lemay, enseignant").isEmpty)
        #expect(names("La directrice, Nathalie Bergeron, a présenté le budget.").isEmpty)
        #expect(names("Nathalie Bergeron, directrice adjointe, a présenté le budget.").isEmpty)
        #expect(names("Name\tTitle\n\tMichael Grant\tPrincipal\n\tDaniel Nguyen\tScience teacher\n").isEmpty)
        #expect(names("Hélène Gauthier, présidente\nHélène Gauthier ouvre la séance.").isEmpty)
        #expect(names("Le Conseil d'établissement de l'École Marie-Victorin se réunit.").isEmpty)
        #expect(names("Les élèves de l'école Jean Talon et du Collège Marie Dubois").isEmpty)
        #expect(names("Saint-Jean-sur-Richelieu, le 3 mars").isEmpty)
        #expect(names("au 1234, rue Jean-Talon, Montréal").isEmpty)
        #expect(names("la salle Lionel Groulx du centre administratif").isEmpty)
        #expect(names("John Abbott College and Marie Curie School").isEmpty)
        #expect(names("Services éducatifs complémentaires").isEmpty)
        #expect(names("Centre de services scolaire Marguerite Bourgeoys").isEmpty)
        #expect(names("Fondation Marie Vincent, Caisse Desjardins").isEmpty)
        #expect(names("Health Information\nEmergency Contact Procedures\n").isEmpty)
        #expect(names("Victoria Day, Friday, December 5").isEmpty)
        #expect(names("Imprimerie Boréale inc.").isEmpty)
    }
}
