// Names of persons, where the text says a name follows: a label at the start of a field and a
// colon (`Nom de l'élève :`, `Parent :`, `Student name:`, `last_name:` in a CSV or XML
// export), an honorific (`Madame Chantale Gosselin` heading a letter's address), or a kinship word
// (`votre fils, Thomas`). A name is one to four capitalised words (accents, hyphens and
// apostrophes inside: `Marc-André`, `O'Brien`), `Surname, Given` allowed.
//
// Staff members' names with their title are public (Access Act, s. 57): an honorific name
// followed by a title (`Mme Chantal Bérubé, directrice`) is not reported; one inside a
// sentence is weak.

extension Detection {
    static let nameLabelKeywords: [Keyword] = [
        "nom", "prenom", "nom de famille", "nom de l'eleve", "nom de l'enfant", "nom de l'employe", "nom de l'employee",
        "nom du parent", "nom de la mere", "nom du pere", "nom du tuteur", "nom de la tutrice", "nom complet", "nom et prenom",
        "nom, prenom", "nom usuel", "prenom et nom", "parent", "parents", "parent 1", "parent 2", "mere", "pere", "tuteur", "tutrice",
        "repondant", "repondante", "payeur", "payeuse", "enfant", "enfant inscrit", "enfant inscrite", "contact d'urgence",
        "personne a contacter", "personne a joindre", "employe", "employee", "beneficiaire", "conjoint", "conjointe", "eleve",
        "titulaire de la carte", "=name", "full name", "first name", "last name", "surname", "given name", "student", "student name",
        "pupil", "child", "child's name", "parent/guardian", "parent or guardian", "guardian", "mother", "father", "employee name",
        "emergency contact", "contact person", "beneficiary", "spouse", "payer", "cardholder", "patient", "destinataire",
        // The sender of an e-mail or a memo: `De : Caroline Lafleur <…>`.
        "=de", "=from", "expediteur", "expeditrice", "sender",
        // Who signed, when the form says: `Signature of parent: Rachel Cohen`.
        "signature", "signature du parent", "signature of parent", "signature of parent/guardian", "signature de l'employe",
        "signature de l'employee", "signature of employee", "signature du payeur",
        // A student's own fields on an English form: `Student's last name: O'Sullivan`.
        "student's name", "student's first name", "student's last name", "child's first name", "child's last name",
    ].map { Keyword($0, .nameLabel) }
    static let honorificKeywords: [Keyword] = [
        "madame", "monsieur", "=mme", "=m.", "=mr", "=mr.", "=mrs", "=mrs.", "=ms", "=ms.", "=mlle", "=dr", "=dr.", "=dre",
    ].map { Keyword($0, .honorific) }
    static let kinKeywords: [Keyword] = [
        "=fils", "=fille", "=daughter", "your son", "his son", "her son", "votre enfant", "your child", "brother", "sister", "=frere",
    ].map { Keyword($0, .kin) }

    /// First words that are not names (a form's placeholders and neighbouring labels).
    static let notNames = KeywordSet([
        "=date", "=signature", "=le", "=la", "=les", "=un", "=une", "=the", "=a", "=an", "=non", "=oui", "=yes", "=no", "=aucun",
        "=aucune", "=none", "=voir", "=see", "=nom", "=prenom", "=adresse", "=address", "=telephone", "=phone", "=courriel",
        "=email", "=niveau", "=grade", "=classe", "=cycle", "=n/a", "=na", "=inconnu", "=unknown", "=idem", "=same", "=tel",
        "=ecole", "=school", "=centre", "=service", "=madame", "=monsieur", "=total", "=sexe", "=sex",
    ])

    /// Company suffixes: a "name" holding or followed by one is an organisation's.
    static let companySuffixes = KeywordSet([
        "=inc", "=inc.", "=ltd", "=ltd.", "=ltee", "=ltee.", "=limitee", "=enr", "=enr.", "=senc", "=s.e.n.c.", "=corp", "=corp.",
        "=llc", "=co.", "=cie", "=group", "=groupe", "=societe", "=company", "=association", "=cooperative", "=fondation",
    ])

    /// True when the name is a staff member's with their function (`M. X, directeur général`)
    /// or an organisation's (`Imprimerie Boréale inc.`): public, not a person's.
    func isPublicName(_ name: Range<Int>) -> Bool {
        var word = name.lowerBound
        while word < name.upperBound {
            if Self.companySuffixes.matchIndex(in: text, at: word, limit: limit) != nil { return true }
            word = text.wordEnd(from: word)
            while word < name.upperBound, text.letterLength(at: word) == 0 { word += 1 }
        }
        var position = text.skipSpaces(from: name.upperBound, limit: limit)
        if position < limit, text[position] == 0x2C { position = text.skipSpaces(from: position + 1, limit: limit) }
        if Self.companySuffixes.matchIndex(in: text, at: position, limit: limit) != nil { return true }
        guard position > name.upperBound else { return false }
        if position < limit, text[position] == 0x28 || text[position] == 0x2D { position = text.skipSpaces(from: position + 1, limit: limit) }
        return Self.staffRoles.matchIndex(in: text, at: position, limit: limit) != nil
    }

    /// Records a name with its key (its last word, folded) for later mentions.
    mutating func addName(_ name: Range<Int>, confidence: Int, _ reason: String) {
        var start = name.upperBound
        while start > name.lowerBound, !(text[start - 1] == 0x20 || text[start - 1] == 0x2C) { start -= 1 }
        var key: [UInt8] = []
        var position = start
        while position < name.upperBound {
            let folded = text.folded(at: position)
            key.append(folded.byte)
            position += folded.length
        }
        add(.personName, name, confidence: confidence, reason)
        findings[findings.count - 1].key = key
    }

    mutating func labelledName(_ keyword: Keyword, start: Int, end: Int) -> Int? {
        guard atFieldStart(start), var position = colon(after: end) else { return nil }
        // The value may sit on the next line of a two-line field.
        let after = text.skipSpaces(from: position, limit: limit)
        if after < limit, text[after] == 0x0A { position = after + 1 }
        guard let name = personName(from: position) else { return position }
        if publicName(name) { return name.upperBound }
        addName(name, confidence: 75, "name after the label « \(keyword.text) : »")
        return name.upperBound
    }

    mutating func honorificName(_ keyword: Keyword, start: Int, end: Int) -> Int? {
        guard let name = personName(from: end, skippingHonorific: false, acrossLineBreak: true), name.lowerBound > end else { return nil }
        // A board member named with their role earlier (`Présences : M. X, vice-président`) is
        // public when named again (`Sur proposition de M. X`), not a weak person's name.
        if publicName(name) || wordsArePublic(name) { return name.upperBound }
        let position = text.skipSpaces(from: name.upperBound, limit: limit)
        let lineEnds = position >= limit || text[position] == 0x0A || text[position] == 0x0D
        if atFieldStart(start), lineEnds {
            addName(name, confidence: 60, "name after « \(keyword.text) » heading an address or a line")
        } else {
            let listed = honorificNameInLists(name)
            addName(name, confidence: listed ? 55 : 40,
                    "name after « \(keyword.text) » in a sentence" + (listed ? ", given name and surname in the public lists" : ""))
        }
        return name.upperBound
    }

    mutating func kinName(_ keyword: Keyword, start: Int, end: Int) -> Int? {
        var position = text.skipSpaces(from: end, limit: limit)
        if position < limit, text[position] == 0x2C { position += 1 }
        guard let name = personName(from: position, skippingHonorific: false) else { return nil }
        // Words as `split(separator: " ")` counts them, without building the array.
        var words = 0
        for position in name where text[position] != 0x20 && (position == name.lowerBound || text[position - 1] == 0x20) { words += 1 }
        // One word: a given name of the public lists (`older brother, Cian`) is as sure as two.
        let listed = words == 1 && NameLists.shared.kinds(ofWordIn: text, range: name).contains(.givenName)
        addName(name, confidence: words >= 2 || listed ? 60 : 45,
                "name after « \(keyword.text) »" + (listed ? ", a given name from the public lists" : ""))
        return name.upperBound
    }

    /// One to four capitalised words from `index` (spaces first skipped), or nil. With
    /// `acrossLineBreak`, a one-word name may go on at the start of the next line (a line
    /// wrapped between given name and surname: `M. François⏎Desjardins`).
    func personName(from index: Int, skippingHonorific: Bool = true, acrossLineBreak: Bool = false) -> Range<Int>? {
        var position = text.skipSpaces(from: index, limit: limit)
        if skippingHonorific, let (_, honorificEnd) = KeywordSet.honorifics.matchIndex(in: text, at: position, limit: limit) {
            position = text.skipSpaces(from: honorificEnd, limit: limit)
        }
        let start = position
        guard text.isUppercaseLetter(at: start), Self.notNames.matchIndex(in: text, at: start, limit: limit) == nil else { return nil }
        var end = start
        var words = 0
        var usedComma = false
        while words < 4, text.isUppercaseLetter(at: position) {
            var cursor = position
            var letters = 0
            while cursor < limit {
                let length = text.letterLength(at: cursor)
                if length > 0 { cursor += length; letters += 1; continue }
                // Inner hyphen or apostrophe followed by a letter: Marc-André, O'Brien, St-Pierre.
                let joiner: Int
                if text[cursor] == 0x2D || text[cursor] == 0x27 { joiner = 1 }
                else if text[cursor] == 0xE2, cursor + 2 < limit, text[cursor + 1] == 0x80, text[cursor + 2] == 0x99 { joiner = 3 }
                else { break }
                guard text.letterLength(at: cursor + joiner) > 0 else { break }
                cursor += joiner
            }
            if letters == 1, cursor < limit, text[cursor] == 0x2E { cursor += 1 } // an initial: J.
            else if letters < 2 { break }
            guard !text.isAlnum(at: cursor) else { break }
            words += 1
            end = cursor
            // Next word: one space, or `, ` once after the first word (Surname, Given).
            let space = text.spaceLength(at: cursor)
            if space > 0, text.isUppercaseLetter(at: cursor + space) {
                position = cursor + space
            } else if acrossLineBreak, words == 1, cursor + 1 < limit, text[cursor] == 0x0A, text.isUppercaseLetter(at: cursor + 1) {
                position = cursor + 1
            } else if !usedComma, words == 1, cursor + 2 < limit, text[cursor] == 0x2C, text[cursor + 1] == 0x20,
                      text.isUppercaseLetter(at: cursor + 2) {
                usedComma = true
                position = cursor + 2
            } else {
                break
            }
        }
        guard words > 0, end - start >= 2 else { return nil }
        return start..<end
    }
}

extension KeywordSet {
    static let honorifics = KeywordSet(Detection.honorificKeywords)
}
