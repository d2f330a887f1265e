// Street addresses and post office boxes (`address`): the first line as `StreetAddress.swift`
// reads it (civic number, street type and name, orientation, apartment), then the
// municipality, province and postal code when they follow, on the same line or the next one or
// two. The finding spans all of it; the postal-code detector still reports the postal code.
//
// A person's address is personal information; a business's or the organisation's is not
// (Access Act, s. 57). So the context decides: a label (`Adresse :`, `Domicile`, `Home
// address`) or a person's name just before makes it a person's (75, 70); an organisation's
// name before it (`… inc.`, `École …`, `Head office:`) makes it weak (35); the organisation's
// own addresses (`PublicCharacter.addresses`) are never reported, and one with the
// organisation's postal code is weak (30). An address alone at the start of a line or field
// flags (55); inside a sentence it needs a municipality or postal code to flag. A number
// followed by a word that is no street type (`12 élèves`, `3 avenues de solution`) is no
// address; a year in a sentence (`en 2024, rue …`) or an article number neither.
//
// Cheap: the digit loop calls it only for a run of one or two groups followed by a space, a
// comma or a letter, and the street types are looked up first; nothing is allocated unless the
// organisation declared addresses and one must be compared.

extension Detection {
    /// Words that say an address is a person's.
    static let personalAddressContext = KeywordSet([
        "adresse", "address", "domicile", "domicilie", "domiciliee", "residence", "residant", "residante", "demeurant",
        "demeurante", "habite", "habitant", "=lives", "=living", "resides", "residing", "=home", "=maison", "personnel",
        "personal", "=mere", "=pere", "tuteur", "tutrice", "guardian", "mother", "father", "conjoint", "spouse", "urgence",
        "emergency", "postale", "mailing",
    ])
    /// Words naming people as a group as well as one person (`Parents`, `Les élèves de …`,
    /// `Students`, `Employés`): they say an address is a person's only as its label (`Parent :`,
    /// `Adresse de l'élève :`) or on its own line, not from a heading above.
    static let personAddressContext = KeywordSet(["parent", "eleve", "student", "employe", "employee"])
    /// A word that makes a street's name an institution's (`Avenue Road Public School`), when
    /// it ends the name and no particle comes before it (`rue de l'École` is a street).
    static let institutionNames = KeywordSet([
        "=school", "=ecole", "=college", "=academy", "=academie", "=library", "=church", "=hospital", "=arena",
    ])
    /// Words that say it is an organisation's or a business's.
    static let organisationAddressContext = KeywordSet([
        "ecole", "school", "centre de services", "centre administratif", "commission scolaire", "college", "cegep",
        "universite", "university", "ministere", "ministry", "municipalite", "=ville de", "city of", "hopital", "hospital",
        "=clsc", "cisss", "ciusss", "siege social", "head office", "=bureau chef", "fournisseur", "supplier", "=vendor",
        "remit to", "entreprise", "=inc", "=inc.", "=ltd", "=ltd.", "=ltee", "limitee", "=enr", "corporation", "=corp", "=cie",
        "compagnie", "company", "bibliotheque", "library", "clinique", "clinic", "pharmacie", "imprimerie", "service de",
        "service des", "service du", "department", "departement", "direction", "secretariat", "bidder", "soumissionnaire",
        "entrepreneur", "contractor", "=board", "facture", "invoice", "=office",
    ])
    /// Words before a number that make it something else than a civic number: a year after
    /// `en`, `in`, `depuis`; an article, a page, a resolution.
    static let notBeforeCivic = KeywordSet([
        "=art", "=art.", "article", "articles", "section", "chapitre", "chapter", "=page", "=p.", "=pp.", "reglement",
        "resolution", "=loi", "=law", "=no", "=total",
    ])
    static let notBeforeYear = KeywordSet([
        "=en", "=in", "depuis", "=since", "annee", "=year", "=ete", "summer", "automne", "=fall", "hiver", "winter",
        "printemps", "spring", "=fin", "=end", "debut", "=of", "=de", "=du",
    ])

    /// The address whose civic number starts the digit run `groups` (one group, or two joined by
    /// `-`), if any; its finding is recorded. The run's other detectors have already looked.
    mutating func streetAddress(_ groups: Groups) {
        let after = groups.end
        guard after < limit, groups.count <= 2, groups.length(0) <= 6, groups.count == 1 || groups.length(1) <= 6 else { return }
        let byte = text[after]
        // Two groups: `12-14`, `5-1234`, or a civic number before an ordinal (`221 3rd Avenue`).
        let joined = groups.count == 2 && groups.separator(0) == 0x2D
        let reader = StreetAddressReader(text: text, limit: limit)
        // `Unit 3 78 Maple Street`: after a unit marker, the second group is the civic number.
        let afterUnit = groups.count == 2 && groups.separator(0) == 0x20 && !isASCIILetter(byte)
            && reader.unitBefore(groups.start(1)) != nil
        guard groups.count == 1 || joined || afterUnit || (groups.separator(0) == 0x20 && isASCIILetter(byte)) else { return }
        guard byte == 0x20 || byte == 0x2C || isASCIILetter(byte) || byte == 0xC2 else { return }
        let start = afterUnit ? groups.start(1) : groups.start(0)
        guard numberStarts(at: start), !(start > 0 && (text[start - 1] == 0x28 || text[start - 1] == 0x2B)) else { return }
        if afterUnit {
            if let address = reader.street(civic: start, firstEnd: groups.end(1), second: nil) {
                report(address, reader: reader, shape: "civic number and street")
            }
            return
        }
        guard !followsHour(start), let address = reader.street(civic: start, firstEnd: groups.end(0),
                                                               second: joined ? groups.start(1)..<groups.end(1) : nil) else { return }
        if let previous = wordBefore(start), Self.notBeforeCivic.match(in: text, at: previous, limit: limit) != nil
            || (groups.count == 1 && groups.length(0) == 4 && isYear(groups.start(0))
                && Self.notBeforeYear.match(in: text, at: previous, limit: limit) != nil) {
            return
        }
        report(address, reader: reader, shape: "civic number and street")
    }

    /// The box after `C.P.`, `case postale`, `P.O. Box`; returns where the box number ends.
    mutating func postOfficeBox(_ keyword: Keyword, start: Int, end: Int) -> Int? {
        let reader = StreetAddressReader(text: text, limit: limit)
        guard let address = reader.postOfficeBox(keywordStart: start, keywordEnd: end) else { return nil }
        report(address, reader: reader, shape: "post office box")
        return address.number.upperBound
    }

    /// Records an address with the confidence its context gives, unless it is the organisation's.
    private mutating func report(_ address: StreetAddress, reader: StreetAddressReader, shape: String) {
        if isInstitutionName(address) { return }
        var locality = reader.locality(after: address.end)
        // An apartment written first (`app. 5, 1234 rue …`, `Apt. 4B, 55 Elm Street`) is part of it.
        var address = address
        if !address.isPostOfficeBox, let before = reader.unitBefore(address.start) {
            address.start = before.start
            if address.unit == nil { address.unit = before.token }
            address.hasUnit = true
        }
        // No longer than an excerpt's reach (`StreetAddressReader.longestSpan`): past it, the
        // first line alone; a first line that long (parts set apart by whole lines of spaces) is
        // no address.
        if max(address.end, locality.end) - address.start > StreetAddressReader.longestSpan { locality = Locality(end: address.end) }
        guard address.end - address.start <= StreetAddressReader.longestSpan else { return }
        let end = max(address.end, locality.end)
        if !publicCharacter.addresses.isEmpty, publicCharacter.isPublic(address: reader.parts(address, locality)) { return }
        let range = address.start..<end
        let placed = locality.placed
        let windowStart = lineStart(before: lineStart(before: address.start))
        if let postal = locality.postalCode, !publicCharacter.postalCodes.isEmpty, publicCharacter.postalCodes.contains(text.ascii(postal).filter { $0 != " " && $0 != "-" }) {
            add(.address, range, confidence: 30, "\(shape) with the organisation's postal code")
            return
        }
        if nameJustBefore(address.start) != nil {
            add(.address, range, confidence: 70, "\(shape) after a person's name")
            return
        }
        switch context(before: address.start, from: windowStart) {
        case let (0, keyword, _)?:
            add(.address, range, confidence: 75, "\(shape) after « \(keyword.text) »")
            return
        case let (_, keyword, _)?:
            add(.address, range, confidence: 35, "\(shape) after « \(keyword.text) »: an organisation's")
            return
        case nil:
            break
        }
        // No context: the street type must be unmistakable, or a municipality must follow.
        if address.type?.ambiguous == true, !placed { return }
        let atStart = atFieldStart(address.start) || followsColon(address.start)
        if atStart || placed {
            add(.address, range, confidence: 55, placed ? "\(shape), municipality or postal code" : "\(shape) heading a line")
        } else {
            add(.address, range, confidence: 45, "\(shape) in a sentence, no municipality")
        }
    }

    /// The nearest word before `index` (back to `windowStart`) that says whose address it is:
    /// set 0 a person's, 1 an organisation's. A word naming people (`Parents`, `élèves`) counts
    /// only on the address's line or as a label (a colon after it); elsewhere it is passed over.
    private func context(before index: Int, from windowStart: Int) -> (set: Int, keyword: Keyword, at: Int)? {
        var searchEnd = index
        while searchEnd > windowStart,
              let found = nearest(Self.personalAddressContext, Self.organisationAddressContext, Self.personAddressContext,
                                  before: searchEnd, within: searchEnd - windowStart) {
            guard found.set == 2 else { return found }
            var position = found.at
            var labelled = false
            var sameLine = true
            while position < index {
                switch text[position] {
                case 0x3A: labelled = labelled || sameLine
                case 0x0A: sameLine = false
                default: break
                }
                position += 1
            }
            if sameLine || labelled { return (0, found.keyword, found.at) }
            searchEnd = found.at
        }
        return nil
    }

    /// True when the digit group at `index` follows an hour (`9 h 30 rue Cartier`, `9 h 30`):
    /// minutes, not a civic number.
    private func followsHour(_ index: Int) -> Bool {
        var position = index
        while position > 0, text[position - 1] == 0x20 { position -= 1 }
        guard position > 0, text[position - 1] | 0x20 == 0x68, !text.isLetter(before: position - 1) else { return false }
        position -= 1
        while position > 0, text[position - 1] == 0x20 { position -= 1 }
        return position > 0 && isDigit(text[position - 1])
    }

    /// True when the street's name ends with an institution's word (`5 Avenue Road Public
    /// School`): the school's or the church's name, not an address.
    private func isInstitutionName(_ address: StreetAddress) -> Bool {
        guard !address.isPostOfficeBox, !address.name.isEmpty else { return false }
        var wordStart = address.name.upperBound
        while wordStart > address.name.lowerBound, text.isLetter(before: wordStart) {
            wordStart -= 1
            while wordStart > 0, isContinuation(text[wordStart]) { wordStart -= 1 }
        }
        guard let match = Self.institutionNames.match(in: text, at: wordStart, limit: limit), match.end == address.name.upperBound,
              wordStart > address.name.lowerBound, text[wordStart - 1] == 0x20 else { return false }
        // `rue de l'École`, `chemin of the School`: a particle before makes it a street's name.
        guard let previous = wordBefore(wordStart) else { return true }
        return StreetAddressReader.particles.match(in: text, at: previous, limit: limit) == nil
    }

    /// A person's name found just before `index` (only spaces, commas, dashes and up to two line
    /// breaks between): the address under a name in a letter or a form.
    private func nameJustBefore(_ index: Int) -> RawFinding? {
        guard let last = findings.last, last.type == .personName, last.confidence >= 40, last.end <= index,
              index - last.end <= 24 else { return nil }
        var lines = 0
        for position in last.end..<index {
            switch text[position] {
            case 0x0A: lines += 1
            case 0x20, 0x2C, 0x0D, 0x09, 0x2D, 0x3A: break
            default: return nil
            }
        }
        return lines <= 2 ? last : nil
    }

    /// The start of the line holding `index` (or of the previous one, given a line's start).
    private func lineStart(before index: Int) -> Int {
        var position = max(0, index - 1)
        let lowest = max(0, index - 160)
        while position > lowest, text[position - 1] != 0x0A { position -= 1 }
        return position
    }

    /// True when a label's colon comes just before (`Adresse : 12, rue …`).
    private func followsColon(_ index: Int) -> Bool {
        var position = index
        while position > 0, text[position - 1] == 0x20 || text[position - 1] == 0x09 { position -= 1 }
        return position > 0 && text[position - 1] == 0x3A
    }

    /// The start of the word just before `index` on the same line (spaces and a `.` between), or nil.
    private func wordBefore(_ index: Int) -> Int? {
        var position = index
        while position > 0, text[position - 1] == 0x20 { position -= 1 }
        if position > 0, text[position - 1] == 0x2E { position -= 1 }
        let end = position
        while position > 0, text.isLetter(before: position) {
            position -= 1
            while position > 0, isContinuation(text[position]) { position -= 1 }
        }
        return position < end ? position : nil
    }

    private func isYear(_ index: Int) -> Bool {
        (text[index] == 0x31 && text[index + 1] == 0x39) || (text[index] == 0x32 && text[index + 1] == 0x30)
    }
}
