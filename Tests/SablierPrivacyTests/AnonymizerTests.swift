import SablierPrivacy
import Testing

@Suite("Anonymised copies: numbered replacements and the notice")
struct AnonymizerTests {
    /// A finding of `type` over the first occurrence of `value` at or after `from` in `text`.
    func finding(_ type: FindingType, _ value: String, in text: String, from: Int = 0) -> Finding {
        let scalars = Array(text.unicodeScalars)
        let target = Array(value.unicodeScalars)
        var start = from
        while Array(scalars[start..<min(scalars.count, start + target.count)]) != target { start += 1 }
        return Finding(type: type, confidence: 90, start: start, end: start + target.count, excerpt: "…", reason: "test")
    }

    @Test("the same full name keeps one number, written NOM, Prénom, without accents or in capitals; another person gets the next")
    func samePersonSameNumber() {
        let text = "Léa Tremblay a écrit. TREMBLAY, Léa signe. Mme Tremblay rappelle. Marc Ouellet répond à Lea Tremblay."
        let findings = [
            finding(.personName, "Léa Tremblay", in: text), finding(.personName, "TREMBLAY, Léa", in: text),
            finding(.personName, "Mme Tremblay", in: text), finding(.personName, "Marc Ouellet", in: text),
            finding(.personName, "Lea Tremblay", in: text),
        ]
        let result = Anonymizer.replace(text, findings: findings)
        #expect(result.text == "[nom 1] a écrit. [nom 1] signe. [nom 2] rappelle. [nom 3] répond à [nom 1].")
        #expect(result.replacements == [Anonymizer.Replacement(type: .personName, count: 5, distinct: 3)])
    }

    @Test("a surname after a civility is never merged into the full name holding it: the father is not the student; M. and Mme are two people")
    func civilityAndSurnameApart() {
        // The civility inside the finding, and before it (the finding is the surname alone).
        let text = "Élève : Léa Tremblay. Son père, M. Tremblay, appelle. Mme Tremblay aussi. M. Tremblay rappelle."
        let inside = [finding(.personName, "Léa Tremblay", in: text), finding(.personName, "M. Tremblay", in: text),
                      finding(.personName, "Mme Tremblay", in: text), finding(.personName, "M. Tremblay", in: text, from: 70)]
        let expected = "Élève : [nom 1]. Son père, [nom 2], appelle. [nom 3] aussi. [nom 2] rappelle."
        #expect(Anonymizer.anonymize(text, findings: inside) == expected)
        let surnames = [finding(.personName, "Léa Tremblay", in: text), finding(.personName, "Tremblay", in: text, from: 30),
                        finding(.personName, "Tremblay", in: text, from: 50), finding(.personName, "Tremblay", in: text, from: 70)]
        #expect(Anonymizer.anonymize(text, findings: surnames)
            == "Élève : [nom 1]. Son père, M. [nom 2], appelle. Mme [nom 3] aussi. M. [nom 2] rappelle.")
    }

    @Test("word order is kept: Jean Paul and Paul Jean are two people; a given name alone is not the full name")
    func wordOrder() {
        let text = "Jean Paul et Paul Jean ; Jean seul."
        let findings = [finding(.personName, "Jean Paul", in: text), finding(.personName, "Paul Jean", in: text),
                        finding(.personName, "Jean", in: text, from: 25)]
        #expect(Anonymizer.anonymize(text, findings: findings) == "[nom 1] et [nom 2] ; [nom 3] seul.")
    }

    @Test("addresses are the same once normalised, however written")
    func sameAddress() {
        let text = "Au 1234, rue des Érables, Granby. Puis 1234 RUE DES ERABLES, Granby. Enfin 55, rue Principale, Granby."
        let findings = [finding(.address, "1234, rue des Érables, Granby", in: text), finding(.address, "1234 RUE DES ERABLES, Granby", in: text),
                        finding(.address, "55, rue Principale, Granby", in: text)]
        #expect(Anonymizer.anonymize(text, findings: findings) == "Au [adresse 1]. Puis [adresse 1]. Enfin [adresse 2].")
    }

    @Test("40,000 distinct names get 40,000 numbers, each name one dictionary lookup")
    func manyNames() {
        var text = ""
        var findings: [Finding] = []
        for index in 0..<40_000 {
            let name = "Nom\(String(index, radix: 26).uppercased()) Prenom\(index % 7)"
            let start = text.unicodeScalars.count
            text += name + ". "
            findings.append(Finding(type: .personName, confidence: 90, start: start, end: start + name.unicodeScalars.count, excerpt: "…", reason: "test"))
        }
        let result = Anonymizer.replace(text, findings: findings)
        #expect(result.replacements == [Anonymizer.Replacement(type: .personName, count: 40_000, distinct: 40_000)])
        #expect(result.text.hasSuffix("[nom 40000]. "))
    }

    @Test("a surname shared by two people is a person of its own, since nothing says which")
    func ambiguousPart() {
        let text = "Léa Tremblay et Paul Tremblay ; M. Tremblay absent."
        let findings = [finding(.personName, "Léa Tremblay", in: text), finding(.personName, "Paul Tremblay", in: text),
                        finding(.personName, "M. Tremblay", in: text)]
        #expect(Anonymizer.anonymize(text, findings: findings) == "[nom 1] et [nom 2] ; [nom 3] absent.")
    }

    @Test("numbers count per type; identifiers are compared on their letters and digits; health stays; overlaps are one replacement")
    func perType() {
        let text = "NAS 264 175 696, tél. 819-555-0101, NAS 264175696. Allergie. 1234, rue des Érables"
        let findings = [
            finding(.sin, "264 175 696", in: text), finding(.phone, "819-555-0101", in: text), finding(.sin, "264175696", in: text),
            finding(.health, "Allergie", in: text), finding(.address, "1234, rue des Érables", in: text),
            finding(.postalCode, "rue des", in: text),
        ]
        let result = Anonymizer.replace(text, findings: findings)
        #expect(result.text == "NAS [NAS 1], tél. [téléphone 1], NAS [NAS 1]. Allergie. [adresse 1]")
        #expect(result.replacements.map { "\($0.type.rawValue) \($0.count) \($0.distinct)" } == ["sin 2 1", "address 1 1", "phone 1 1"])
    }

    @Test("the copy opens with a notice in French then English: the detectors' version, a person's check, the counts by type, never a value")
    func notice() {
        let text = "Parent : Marc Ouellet. Élève : Léa Ouellet. Marc Ouellet appelle."
        let findings = [finding(.personName, "Marc Ouellet", in: text), finding(.personName, "Léa Ouellet", in: text),
                        finding(.personName, "Marc Ouellet", in: text, from: 30)]
        let copy = Anonymizer.copy(of: text, findings: findings, version: "7")
        #expect(copy.text.hasPrefix("==== Copie dépersonnalisée ====\nCopie dépersonnalisée par les détecteurs de Sablier (version 7) ; "
            + "une personne la vérifie avant la destruction de l'original."))
        #expect(copy.text.contains("Remplacements : nom : 3 (2 valeurs distinctes)\n"))
        #expect(copy.text.contains("Replacements: name: 3 (2 distinct values)\n"))
        #expect(copy.text.hasSuffix("====\n\nParent : [nom 1]. Élève : [nom 2]. [nom 1] appelle."))
        #expect(!copy.text.contains("Ouellet"))
        #expect(Anonymizer.copy(of: "rien", findings: [], version: "7").text.contains("Remplacements : aucun\n"))
    }

    @Test("the notice itself holds nothing a scan flags, whatever the types it counts: a copy scanned again reports what it left, not its notice")
    func noticeScansClean() {
        let replacements = FindingType.allCases.map { Anonymizer.Replacement(type: $0, count: 12, distinct: 3) }
        let notice = Anonymizer.notice(replacements, version: PrivacyScanner.version)
        let flagging = PrivacyScanner().scan(notice).findings.filter(\.flags)
        #expect(flagging.isEmpty, "\(flagging.map { "\($0.type.rawValue): \($0.reason)" })")
    }

    @Test("a copy scanned again flags nothing where its replacements stand: [nom 1] after « Nom : » is no name")
    func copyScansClean() {
        let text = "Nom de l'élève : Léa Tremblay\nNAS du parent : 264 175 696\nCellulaire du parent : 819 555-0101\nCourriel : lea.tremblay@exemple.ca\n"
        let copy = Anonymizer.copy(of: text, findings: PrivacyScanner().scan(text).findings).text
        #expect(copy.hasSuffix("Nom de l'élève : [nom 1]\nNAS du parent : [NAS 1]\nCellulaire du parent : [téléphone 1]\nCourriel : [courriel 1]\n"))
        let flagging = PrivacyScanner().scan(copy).findings.filter(\.flags)
        #expect(flagging.isEmpty, "\(flagging.map { "\($0.type.rawValue): \($0.reason)" })")
    }
}
