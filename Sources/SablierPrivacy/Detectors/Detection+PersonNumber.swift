// A person's number in the organisation, where a label says so: employee number (matricule,
// numéro d'employé, employee number/ID), student number (numéro de fiche, student number/ID).
// Four to ten digits.

extension Detection {
    static let personNumberKeywords: [Keyword] = [
        "matricule", "numero d'employe", "numero de l'employe", "no d'employe", "no employe", "numero employe", "employee number",
        "employee no", "employee id", "employee #", "numero de fiche", "no de fiche", "=fiche", "numero de l'eleve", "numero d'eleve",
        "no d'eleve", "no eleve", "student number", "student no", "student id", "student #", "numero de dossier de l'eleve",
    ].map { Keyword($0, .personNumber) }

    mutating func personNumber(_ keyword: Keyword, start: Int, end: Int) -> Int? {
        guard let (range, resume) = labelledNumber(after: end, digits: 4...10) else { return nil }
        add(.personNumber, range, confidence: 70, "number after the label « \(keyword.text) »")
        return resume
    }
}
