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
        "personal", "parent", "=mere", "=pere", "tuteur", "tutrice", "guardian", "mother", "father", "conjoint", "spouse", "eleve",
        "student", "employe", "employee", "urgence", "emergency", "postale", "mailing",
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
        guard groups.count == 1 || joined || (groups.separator(0) == 0x20 && isASCIILetter(byte)) else { return }
        guard byte == 0x20 || byte == 0x2C || isASCIILetter(byte) || byte == 0xC2 else { return }
        let start = groups.start(0)
        guard numberStarts(at: start), !(start > 0 && (text[start - 1] == 0x28 || text[start - 1] == 0x2B)) else { return }
        let reader = StreetAddressReader(text: text, limit: limit)
        guard let address = reader.street(civic: start, firstEnd: groups.end(0),
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
        let locality = reader.locality(after: address.end)
        let end = max(address.end, locality.end)
        if !publicCharacter.addresses.isEmpty, publicCharacter.isPublic(address: reader.normalised(address)) { return }
        // An apartment written first (`app. 5, 1234 rue …`, `Apt. 4B, 55 Elm Street`) is part of it.
        var address = address
        if !address.isPostOfficeBox, let unitStart = unitBefore(address.start) {
            address.start = unitStart
            address.hasUnit = true
        }
        let range = address.start..<end
        let placed = locality.municipality || locality.province || locality.postalCode != nil
        let windowStart = lineStart(before: lineStart(before: address.start))
        let distance = address.start - windowStart
        if let postal = locality.postalCode, !publicCharacter.postalCodes.isEmpty, publicCharacter.postalCodes.contains(text.ascii(postal).filter { $0 != " " && $0 != "-" }) {
            add(.address, range, confidence: 30, "\(shape) with the organisation's postal code")
            return
        }
        if nameJustBefore(address.start) != nil {
            add(.address, range, confidence: 70, "\(shape) after a person's name")
            return
        }
        switch nearest([Self.personalAddressContext, Self.organisationAddressContext], before: address.start, within: distance) {
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

    /// Where an apartment or unit written before the civic number starts (`app. 5, `, `Unit 3 - `,
    /// `Apt. 4B, `), or nil.
    private func unitBefore(_ index: Int) -> Int? {
        var position = index
        while position > 0, text[position - 1] == 0x20 { position -= 1 }
        if position > 0, text[position - 1] == 0x2C || text[position - 1] == 0x2D { position -= 1 }
        while position > 0, text[position - 1] == 0x20 { position -= 1 }
        let tokenEnd = position
        while position > 0, tokenEnd - position < 6, isASCIIAlnum(text[position - 1]) { position -= 1 }
        let token = position..<tokenEnd
        guard !token.isEmpty, position > 0, !text.isAlnum(before: position),
              StreetAddressReader(text: text, limit: limit).holdsDigit(token) || token.count == 1 else { return nil }
        if text[position - 1] == 0x23 { position -= 1 } // `#5`
        while position > 0, text[position - 1] == 0x20 { position -= 1 }
        if position > 0, text[position - 1] == 0x2E { position -= 1 } // `app.`
        let markerEnd = position
        while position > 0, text.isLetter(before: position) {
            position -= 1
            while position > 0, isContinuation(text[position]) { position -= 1 }
        }
        guard position < markerEnd, let marker = StreetAddressReader.unitMarkers.match(in: text, at: position, limit: limit),
              marker.end == markerEnd else { return nil }
        return position
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
