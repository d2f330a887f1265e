// Health and special-needs information (renseignements de santé, besoins particuliers):
// diagnoses, medication, allergies, intervention plans (plan d'intervention, IEP), EHDAA
// codes, conditions. Sensitive information (Access Act, s. 59), found by its words alone: no
// pattern exists. The terms of one line make one finding. A term whose field says it is absent
// (`Allergies : aucune connue`, `Medication: none`) is no health information.
//
// A policy or a procedure talks about allergies without being about anyone: alone, a health
// finding does not flag a document (confidence 45 for a strong term, 30 for a weak one). Once
// the same text also identifies a person (a labelled name, a date of birth, a NAM, a code
// permanent…), `PrivacyStream` raises them to 75 and 45: health information about an
// identified person.

extension Detection {
    static let strongHealthTerms = [
        "allergie", "allergique", "allergy", "allergies", "allergic", "anaphylaxie", "anaphylaxis", "anaphylactique", "epipen",
        "epinephrine", "auto-injecteur", "diagnostic", "diagnostique", "diagnosis", "diagnosed", "medication", "medicament",
        "prescription", "prescrit", "prescribed", "plan d'intervention", "individualized education plan", "individual education plan",
        "=iep", "ehdaa", "=tdah", "=tda", "=adhd", "trouble du spectre de l'autisme", "autisme", "autism", "autistic", "dyslexie",
        "dyslexia", "dysphasie", "dyspraxie", "epilepsie", "epilepsy", "epileptique", "epileptic", "seizure", "convulsion",
        "diabete", "diabetes", "diabetic", "insuline", "insulin", "asthme", "asthma", "ritalin", "concerta", "vyvanse", "handicap",
        "disability", "deficience", "trouble anxieux", "anxiety disorder", "depression", "suicid", "psychiatri", "dossier medical",
        "medical record", "rapport psychologique", "psychological report", "evaluation psychologique", "psychological assessment",
        "code de difficulte", "besoins particuliers", "special needs", "trouble du deficit", "trouble de comportement",
        "troubles de comportement", "behavioural disorder", "behavioral disorder", "grossesse", "pregnancy", "enceinte",
        "pregnant", "hospitalis", "cancer", "leucemie", "leukemia", "chimiotherapie", "chemotherapy", "blessure", "blesse",
        "injury", "injured", "fracture", "entorse", "sprain", "commotion cerebrale", "concussion",
        // Said of one person: a medical note, sick leave, an inhaler, a health plan.
        "certificat medical", "medical certificate", "billet medical", "billet du medecin", "doctor's note", "note du medecin",
        "conge de maladie", "conge maladie", "sick leave", "arret de travail", "=puffer", "inhaler", "inhalateur",
        "health plan", "plan de sante",
    ]
    static let weakHealthTerms = [
        "=sante", "health", "psychologue", "psychologist", "orthophon", "speech therapy", "orthopedagog", "infirmier", "infirmiere",
        "=nurse", "medical", "medecin", "physician", "therapie", "therapy", "invalidite", "accident du travail", "cnesst",
    ]
    static let healthKeywords: [Keyword] =
        strongHealthTerms.map { Keyword($0.hasPrefix("=") ? $0 : "~" + $0, .health(strong: true)) }
        + weakHealthTerms.map { Keyword($0.hasPrefix("=") ? $0 : "~" + $0, .health(strong: false)) }

    /// Confidence of a health finding, before and after the text is found to identify someone.
    static let healthConfidence = (strong: 45, weak: 30, strongIdentified: 75, weakIdentified: 45)

    /// Words that say a term's field is empty: `Allergies : aucune`, `Medication: none`.
    static let absentHealthValues = KeywordSet(["=aucune", "=aucun", "=none", "=neant", "=nil", "=n/a", "=non", "=no"])

    mutating func health(_ keyword: Keyword, strong: Bool, start: Int, end: Int) -> Int? {
        let wordEnd = text.wordEnd(from: end)
        if let colon = colon(after: wordEnd) {
            let value = text.skipSpaces(from: colon, limit: limit)
            if let (_, absent) = Self.absentHealthValues.match(in: text, at: value, limit: limit) { return absent }
        }
        let confidence = strong ? Self.healthConfidence.strong : Self.healthConfidence.weak
        if var last = findings.last, last.type == .health, last.end <= start, !text.hasLineBreak(last.end..<start) {
            last.end = wordEnd
            if confidence > last.confidence {
                last.confidence = confidence
            }
            if describes, last.reason.count < 160, !last.reason.contains("« \(keyword.text) »") {
                last.reason += ", « \(keyword.text) »"
            }
            findings[findings.count - 1] = last
        } else {
            add(.health, start..<wordEnd, confidence: confidence, "health or special-needs term « \(keyword.text) »")
        }
        return wordEnd
    }
}
