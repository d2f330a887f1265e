// A person's number in the organisation, where a label says so, typed by whose it is so that
// the review queue says which: a student's (numéro de fiche, numéro d'élève, student number/ID)
// or an employee's (matricule, numéro d'employé, employee number/ID). Four to ten digits.
//
// `matricule` alone is an employee's: in a school service centre's files a student has a
// `fiche` or a code permanent, and the payroll and HR files say `matricule`.

extension Detection {
    static let employeeNumberKeywords: [Keyword] = [
        "matricule", "numero d'employe", "numero de l'employe", "no d'employe", "no employe", "numero employe", "employee number",
        "employee no", "employee id", "employee #", "matricule de l'employe", "matricule d'employe",
    ].map { Keyword($0, .personNumber(.employeeNumber)) }
    static let studentNumberKeywords: [Keyword] = [
        "numero de fiche", "no de fiche", "=fiche", "numero de l'eleve", "numero d'eleve", "no d'eleve", "no eleve", "student number",
        "student no", "student id", "student #", "numero de dossier de l'eleve", "matricule de l'eleve", "matricule d'eleve",
    ].map { Keyword($0, .personNumber(.studentNumber)) }
    static let personNumberKeywords = employeeNumberKeywords + studentNumberKeywords

    mutating func personNumber(_ keyword: Keyword, _ type: FindingType, start: Int, end: Int) -> Int? {
        guard let (range, resume) = labelledNumber(after: end, digits: 4...10) else { return nil }
        let whose = type == .studentNumber ? "a student's" : "an employee's"
        add(type, range, confidence: 70, "\(whose) number after the label « \(keyword.text) »")
        return resume
    }
}
