// The grammar of a Canadian street address's first line, read on UTF-8 bytes: the civic number
// (`12`, `12A`, a range `12-14`, Quebec's `app-civic` `5-1234`), the street in French order
// (`rue des Érables`, `boul. Saint-Joseph Est`, `route 117`) or English order (`78 Maple Street`,
// `St. Lawrence Blvd.`), its orientation and an apartment or unit (`app. 5`, `Unit 3`, `#204`);
// or a post office box (`C.P. 123`, `case postale 123`, `P.O. Box 456`).
//
// One reader for the detector (`Detection.streetAddress`) and for the normalised form that
// `PublicCharacter` compares (`PublicCharacter.normalisedAddress`), so that what the
// organisation declares public and what a scan finds are read by the same rules.

/// A street type: its canonical word in the normalised form, the word orders it is written in,
/// and whether the word is common outside addresses (`cours`, `place`, `way`), in which case the
/// address needs a municipality or postal code, a label or a person's name to count.
struct StreetType: Sendable {
    let canonical: String
    let frenchOrder: Bool
    let englishOrder: Bool
    let ambiguous: Bool
    /// Followed by a number rather than a name (`route 117`, `rang 4`, `Highway 50`).
    let takesNumber: Bool
}

/// Where the parts of one address's first line lie in the text, and their normalised values.
struct StreetAddress: Sendable {
    /// Where the address starts: the civic number (its apartment part too) or `C.P.`/`P.O. Box`.
    var start: Int
    /// The civic number's digits (for `5-1234`, `1234`; for `12-14`, `12`) or the box number.
    var number: Range<Int>
    /// A letter glued to the civic number (`12A`), lowercased, or 0.
    var numberSuffix: UInt8 = 0
    /// The street type (nil for a post office box).
    var type: StreetType?
    /// The street name's words (empty for a post office box).
    var name: Range<Int>
    /// The canonical orientation (`est`, `ouest`, `nord`, `sud`), or nil.
    var orientation: String?
    /// An apartment, unit or suite is written.
    var hasUnit = false
    /// The apartment's or unit's own token (`5`, `4B`, `204`), when written.
    var unit: Range<Int>?
    /// A box's station or branch (`Bureau-chef`, `A`), when written.
    var station: Range<Int>?
    /// Where the first line's address ends (after the name, orientation, unit or station).
    var end: Int
    var isPostOfficeBox: Bool { type == nil }
}

/// What follows an address's first line: where it ends, the municipality's words, whether a
/// province is written, and the postal code.
struct Locality: Sendable {
    var end: Int
    var municipality: Range<Int>?
    var province = false
    var postalCode: Range<Int>?
    /// A municipality, province or postal code says where the address is.
    var placed: Bool { municipality != nil || province || postalCode != nil }
}

/// Reads addresses in `text` up to `limit`; holds no state, allocates nothing.
struct StreetAddressReader {
    let text: UnsafeBufferPointer<UInt8>
    let limit: Int

    // MARK: - Vocabulary

    /// Street types, folded (accents off, lowercase); `=` forces a whole word.
    static let types: [(spec: String, type: StreetType)] = {
        func type(_ canonical: String, french: Bool = true, english: Bool = false, ambiguous: Bool = false,
                  number: Bool = false) -> StreetType {
            StreetType(canonical: canonical, frenchOrder: french, englishOrder: english, ambiguous: ambiguous, takesNumber: number)
        }
        let rue = type("rue", english: true)
        let avenue = type("avenue", english: true)
        let boulevard = type("boulevard", english: true)
        let chemin = type("chemin")
        let rang = type("rang", english: true, number: true)
        let montee = type("montee")
        let route = type("route", number: true)
        let place = type("place", english: true, ambiguous: true)
        let croissant = type("croissant")
        let promenade = type("promenade", ambiguous: true)
        let terrasse = type("terrasse", english: true, ambiguous: true)
        let street = type("rue", french: false, english: true)
        let road = type("chemin", french: false, english: true)
        let drive = type("promenade", french: false, english: true)
        let crescent = type("croissant", french: false, english: true)
        // Read in French order too, so that their normalised form (`12 court oak`) reads again.
        let court = type("court", english: true)
        let lane = type("lane", english: true, ambiguous: true)
        let way = type("way", english: true, ambiguous: true)
        let circle = type("circle", english: true, ambiguous: true)
        let highway = type("autoroute", english: true, number: true)
        return [
            ("=rue", rue), ("avenue", avenue), ("=av", avenue), ("=ave", avenue), ("boulevard", boulevard), ("=boul", boulevard),
            ("=bd", boulevard), ("=blvd", boulevard), ("chemin", chemin), ("=ch", chemin), ("=chem", chemin), ("=rang", rang),
            ("=montee", montee), ("=mtee", montee), ("=route", route), ("=rte", route), ("=place", place), ("=pl", place),
            ("=cote", type("cote", ambiguous: true)), ("croissant", croissant), ("=crois", croissant), ("impasse", type("impasse")),
            ("terrasse", terrasse), ("=allee", type("allee", ambiguous: true)), ("promenade", promenade), ("=prom", promenade),
            ("=carre", type("carre", ambiguous: true)), ("=cours", type("cours", ambiguous: true)), ("ruelle", type("ruelle")),
            ("=voie", type("voie", ambiguous: true)), ("autoroute", highway), ("=street", street), ("=st", street),
            ("=road", road), ("=rd", road), ("=drive", drive), ("=dr", drive), ("=crescent", crescent), ("=cres", crescent),
            ("=court", court), ("=ct", court), ("=lane", lane), ("=ln", lane), ("=way", way), ("=terrace", terrasse),
            ("=circle", circle), ("=cir", circle), ("=highway", highway), ("=hwy", highway),
        ]
    }()
    static let typeSet = KeywordSet(types.map { Keyword($0.spec, .context) })

    static let orientations: [(spec: String, canonical: String)] = [
        ("=est", "est"), ("=ouest", "ouest"), ("=nord", "nord"), ("=sud", "sud"), ("=east", "est"), ("=west", "ouest"),
        ("=north", "nord"), ("=south", "sud"), ("=e", "est"), ("=o", "ouest"), ("=w", "ouest"), ("=n", "nord"), ("=s", "sud"),
    ]
    static let orientationSet = KeywordSet(orientations.map { Keyword($0.spec, .context) })

    /// What introduces an apartment, a unit or a suite.
    static let unitMarkers = KeywordSet([
        "=app", "appartement", "=apt", "apartment", "=unite", "=unit", "=bureau", "=suite", "=local", "=logement", "=log",
    ])
    /// Words that join a street name's words (`rue des Érables`, `chemin du Lac`).
    static let particles = KeywordSet(["=de", "=du", "=des", "=la", "=le", "=les", "=of", "=the", "=a", "=au", "=aux", "=sur", "=en"])
    /// A post office box, as a keyword of the scan (it sets off `Detection.postOfficeBox`).
    static let postOfficeBoxKeywords: [Keyword] = [
        "=c.p.", "=c.p", "=cp", "case postale", "=p.o. box", "=p.o.box", "=po box", "=p. o. box", "post office box",
    ].map { Keyword($0, .postOfficeBox) }
    static let postOfficeBoxSet = KeywordSet(postOfficeBoxKeywords)
    /// A station or branch of the post office after a box (`succursale Bureau-chef`, `Station A`).
    static let stations = KeywordSet(["succursale", "=succ", "=station", "=stn", "=bureau chef"])

    // MARK: - Civic number and street

    /// The address whose civic number is the digit groups `first..<first+count` (a range or
    /// `app-civic` when two), or nil.
    func street(civic start: Int, firstEnd: Int, second: Range<Int>?) -> StreetAddress? {
        var number = start..<firstEnd
        var apartment: Range<Int>?
        if let second {
            // `12-14` (as many digits: a range, the first is kept) or `5-1234` (apartment, civic).
            if second.count != firstEnd - start {
                number = second
                apartment = start..<firstEnd
            }
        }
        var position = second?.upperBound ?? firstEnd
        var suffix: UInt8 = 0
        if position < limit, isASCIILetter(text[position]), !text.isAlnum(at: position + 1) {
            suffix = text[position] | 0x20
            position += 1
        }
        var afterNumber = text.skipSpaces(from: position, limit: limit)
        if afterNumber < limit, text[afterNumber] == 0x2C { afterNumber = text.skipSpaces(from: afterNumber + 1, limit: limit) }
        guard afterNumber > position || suffix != 0, afterNumber < limit, text.isAlnum(at: afterNumber) else { return nil }
        var address = StreetAddress(start: start, number: number, numberSuffix: suffix, type: nil, name: afterNumber..<afterNumber,
                                    end: afterNumber)
        guard frenchOrder(from: afterNumber, into: &address) || englishOrder(from: afterNumber, into: &address) else { return nil }
        address.end = unit(after: address.end, into: &address)
        if let apartment, address.unit == nil {
            address.unit = apartment
            address.hasUnit = true
        }
        return address
    }

    /// `rue des Érables`, `boul. Saint-Joseph Est`, `route 117`: the type, then the name.
    private func frenchOrder(from index: Int, into address: inout StreetAddress) -> Bool {
        guard let (number, typeEnd) = Self.typeSet.matchIndex(in: text, at: index, limit: limit) else { return false }
        let type = Self.types[number].type
        guard type.frenchOrder else { return false }
        var position = typeEnd
        if position < limit, text[position] == 0x2E { position += 1 }
        let space = text.spaceLength(at: position)
        // The name broken to the next line after the type (`1234 rue⏎des Érables, Sherbrooke`):
        // taken only when it ends there as a street name does (a comma, the line's end, an
        // orientation or a unit), so that a label on the next line (`Objet : …`) never is.
        let brokenAt = space > 0 ? nil : lineBreakEnd(at: text.skipSpaces(from: position, limit: limit))
        guard space > 0 || brokenAt != nil else { return false }
        position = brokenAt.map { text.skipSpaces(from: $0, limit: limit) } ?? position + space
        guard let name = name(from: position, numeric: type.takesNumber) else { return false }
        if brokenAt != nil {
            let after = text.skipSpaces(from: name.upperBound, limit: limit)
            guard endsPart(at: name.upperBound), after >= limit || text[after] != 0x3A else { return false }
        }
        address.type = type
        address.name = name
        address.end = name.upperBound
        address.end = orientation(after: name.upperBound, into: &address)
        return true
    }

    /// `78 Maple Street`, `St. Lawrence Blvd. West`, `3e Rang`: one to four words, then the type.
    private func englishOrder(from index: Int, into address: inout StreetAddress) -> Bool {
        var position = index
        var words = 0
        while words < 4 {
            guard let wordEnd = nameWord(at: position, capitalised: true) else { return false }
            words += 1
            var next = wordEnd
            if next < limit, text[next] == 0x2E, wordEnd - position <= 3 { next += 1 } // St. Lawrence
            let space = text.spaceLength(at: next)
            guard space > 0 else { return false }
            next += space
            if let (number, typeEnd) = Self.typeSet.matchIndex(in: text, at: next, limit: limit), Self.types[number].type.englishOrder {
                var end = typeEnd
                if end < limit, text[end] == 0x2E { end += 1 }
                address.type = Self.types[number].type
                address.name = index..<wordEnd
                address.end = orientation(after: end, into: &address)
                return true
            }
            position = next
        }
        return false
    }

    /// The street name from `index`: words, the first meaningful one capitalised (or a number
    /// after `route`, an ordinal: `3e`), particles between (`des`, `du`, `de la`, `l'`); it
    /// stops at a lowercase word, a comma, a line break, an orientation, a unit or a postal code.
    func name(from index: Int, numeric: Bool) -> Range<Int>? {
        var position = index
        var end = index
        var significant = 0
        var words = 0
        while words < 7, position < limit {
            if postalCodeEnd(at: position) != nil { break }
            if significant > 0, Self.unitMarkers.match(in: text, at: position, limit: limit) != nil { break }
            if significant > 0, let (_, orientationEnd) = Self.orientationSet.matchIndex(in: text, at: position, limit: limit),
               endsPart(at: orientationEnd) {
                break
            }
            let wordEnd: Int
            if isDigit(text[position]) {
                guard let ordinalEnd = ordinal(at: position, bare: numeric) else { break }
                wordEnd = ordinalEnd
                significant += 1
            } else if let capitalisedEnd = nameWord(at: position, capitalised: true) {
                wordEnd = capitalisedEnd
                significant += 1
            } else if let particle = Self.particles.match(in: text, at: position, limit: limit) {
                wordEnd = particle.end
            } else if let elided = elision(at: position) {
                wordEnd = elided
                significant += 1
            } else {
                break
            }
            words += 1
            if significant > 0 { end = wordEnd }
            var next = wordEnd
            if next < limit, text[next] == 0x2E, wordEnd - position <= 3, significant > 0 { next += 1 } // rue St. Paul
            let space = text.spaceLength(at: next)
            guard space > 0 else { break }
            position = next + space
        }
        guard significant > 0 else { return nil }
        return index..<end
    }

    /// A capitalised word (`Érables`, `Saint-Joseph`, `O'Brien`) at `index`: where it ends, or nil.
    func nameWord(at index: Int, capitalised: Bool) -> Int? {
        if index < limit, isDigit(text[index]) { return capitalised ? ordinal(at: index, bare: false) : nil }
        guard text.letterLength(at: index) > 0, !capitalised || text.isUppercaseLetter(at: index) else { return nil }
        return joinedWordEnd(from: index)
    }

    /// `l'Église`, `d'Youville`: an elided particle glued to a capitalised word.
    private func elision(at index: Int) -> Int? {
        guard index + 1 < limit, text[index] | 0x20 == 0x6C || text[index] | 0x20 == 0x64 else { return nil }
        var after = index + 1
        if text[after] == 0x27 { after += 1 }
        else if text[after] == 0xE2, after + 2 < limit, text[after + 1] == 0x80, text[after + 2] == 0x99 { after += 3 }
        else { return nil }
        guard text.isUppercaseLetter(at: after) else { return nil }
        return joinedWordEnd(from: after)
    }

    /// The end of a word whose parts are joined by `-`, an en dash or an apostrophe
    /// (`Lac-des-Seize-Îles`, `Saint-Lin–Laurentides`, `L'Assomption`).
    func joinedWordEnd(from index: Int) -> Int {
        var cursor = index
        while cursor < limit {
            let length = text.letterLength(at: cursor)
            if length > 0 { cursor += length; continue }
            let joiner: Int
            if text[cursor] == 0x2D || text[cursor] == 0x27 { joiner = 1 }
            else if text[cursor] == 0xE2, cursor + 2 < limit, text[cursor + 1] == 0x80, text[cursor + 2] == 0x99 || text[cursor + 2] == 0x93 {
                joiner = 3
            }
            else { break }
            guard text.letterLength(at: cursor + joiner) > 0 else { break }
            cursor += joiner
        }
        return cursor
    }

    /// `3e`, `1re`, `2nd`, `42nd`, `3rd`, `1st`, `4th` (or bare digits when `bare`): where it ends.
    private func ordinal(at index: Int, bare: Bool) -> Int? {
        var position = index
        while position < limit, position - index < 4, isDigit(text[position]) { position += 1 }
        guard position < limit else { return bare ? position : nil }
        if !text.isAlnum(at: position) { return bare ? position : nil }
        // The suffix, folded (`1ère` as `ere`), packed in one integer: no allocation.
        var letters = position
        var suffix: UInt32 = 0
        var count = 0
        while letters < limit, count < 4 {
            let folded = text.folded(at: letters)
            guard isLowerASCII(folded.byte) else { break }
            suffix = suffix << 8 | UInt32(folded.byte)
            count += 1
            letters += folded.length
        }
        guard count > 0, !text.isAlnum(at: letters) else { return nil }
        func packed(_ text: StaticString) -> UInt32 {
            var value: UInt32 = 0
            for index in 0..<text.utf8CodeUnitCount { value = value << 8 | UInt32(text.utf8Start[index]) }
            return value
        }
        switch suffix {
        case packed("e"), packed("er"), packed("re"), packed("th"), packed("st"), packed("nd"), packed("rd"), packed("ere"),
             packed("eme"):
            return letters
        default:
            return nil
        }
    }

    /// An orientation after the name (`Est`, `O.`, `West`): where it ends, or `index`.
    private func orientation(after index: Int, into address: inout StreetAddress) -> Int {
        var position = text.skipSpaces(from: index, limit: limit)
        guard position > index || (position < limit && text[position] == 0x2C) else { return index }
        if position < limit, text[position] == 0x2C { position = text.skipSpaces(from: position + 1, limit: limit) }
        guard let (number, end) = Self.orientationSet.matchIndex(in: text, at: position, limit: limit) else { return index }
        var after = end
        if after < limit, text[after] == 0x2E { after += 1 }
        guard endsPart(at: after) else { return index }
        address.orientation = Self.orientations[number].canonical
        return after
    }

    /// True when a part of the address ends at `index`: the text's end, a line break, `,`, `(`,
    /// `;`, a dash, or spaces before one of them or a unit.
    func endsPart(at index: Int) -> Bool {
        let position = text.skipSpaces(from: index, limit: limit)
        guard position < limit else { return true }
        switch text[position] {
        case 0x0A, 0x0D, 0x2C, 0x28, 0x3B, 0x7C, 0x2E: return true
        case 0x2D, 0xE2: return position > index
        case 0x23: return true
        default: return position > index && Self.unitMarkers.match(in: text, at: position, limit: limit) != nil
        }
    }

    /// `, app. 5`, `Unit 3`, `bureau 300`, `#204`, or a line of its own (`1234, rue des Érables⏎
    /// appartement 5⏎Sherbrooke…`): where the unit ends, or `index`.
    private func unit(after index: Int, into address: inout StreetAddress) -> Int {
        var position = text.skipSpaces(from: index, limit: limit)
        if position < limit, text[position] == 0x2C { position = text.skipSpaces(from: position + 1, limit: limit) }
        // On the next line, only a unit that fills it: `appartement 5`, `#204`.
        let ownLine = lineBreakEnd(at: position)
        if let ownLine { position = text.skipSpaces(from: ownLine, limit: limit) }
        guard position < limit else { return index }
        if text[position] == 0x23 {
            position += 1
        } else if let marker = Self.unitMarkers.match(in: text, at: position, limit: limit) {
            position = marker.end
            if position < limit, text[position] == 0x2E { position += 1 }
            position = text.skipSpaces(from: position, limit: limit)
            if position < limit, text[position] == 0x23 { position = text.skipSpaces(from: position + 1, limit: limit) }
        } else {
            return index
        }
        var end = position
        while end < limit, end - position < 6, isASCIIAlnum(text[end]) { end += 1 }
        guard end > position, !text.isAlnum(at: end), holdsDigit(position..<end) || end - position == 1 else { return index }
        if ownLine != nil {
            let after = text.skipSpaces(from: end, limit: limit)
            guard after >= limit || text[after] == 0x0A || text[after] == 0x0D || text[after] == 0x2C else { return index }
        }
        address.hasUnit = true
        address.unit = position..<end
        return end
    }

    /// Where the line break at `index` ends (`\n` or `\r\n`), or nil when there is none.
    private func lineBreakEnd(at index: Int) -> Int? {
        var position = index
        if position < limit, text[position] == 0x0D { position += 1 }
        return position < limit && text[position] == 0x0A ? position + 1 : nil
    }

    /// Where an apartment or unit written before the civic number starts (`app. 5, `, `Unit 3 - `,
    /// `Unit 3 78 Maple Street`, `Apt. 4B, `), and its token; nil when there is none.
    func unitBefore(_ index: Int) -> (start: Int, token: Range<Int>)? {
        var position = index
        while position > 0, text[position - 1] == 0x20 { position -= 1 }
        if position > 0, text[position - 1] == 0x2C || text[position - 1] == 0x2D { position -= 1 }
        while position > 0, text[position - 1] == 0x20 { position -= 1 }
        let tokenEnd = position
        while position > 0, tokenEnd - position < 6, isASCIIAlnum(text[position - 1]) { position -= 1 }
        let token = position..<tokenEnd
        guard !token.isEmpty, position > 0, !text.isAlnum(before: position), holdsDigit(token) || token.count == 1 else { return nil }
        if text[position - 1] == 0x23 { position -= 1 } // `#5`
        while position > 0, text[position - 1] == 0x20 { position -= 1 }
        if position > 0, text[position - 1] == 0x2E { position -= 1 } // `app.`
        let markerEnd = position
        while position > 0, text.isLetter(before: position) {
            position -= 1
            while position > 0, isContinuation(text[position]) { position -= 1 }
        }
        guard position < markerEnd, let marker = Self.unitMarkers.match(in: text, at: position, limit: limit),
              marker.end == markerEnd else { return nil }
        return (position, token)
    }

    /// Whether `range` holds a digit (no allocation, unlike `digits`).
    func holdsDigit(_ range: Range<Int>) -> Bool {
        for position in range where isDigit(text[position]) { return true }
        return false
    }

    // MARK: - Post office box

    /// The box after a `C.P.`/`P.O. Box` keyword ending at `keywordEnd`: `C.P. 123`, `case postale
    /// no 45`, `P.O. Box 456, Station A`.
    func postOfficeBox(keywordStart: Int, keywordEnd: Int) -> StreetAddress? {
        var position = keywordEnd
        if position < limit, text[position] == 0x2E { position += 1 } // `C.P.123`
        position = text.skipSpaces(from: position, limit: limit)
        if position < limit, text[position] == 0x23 {
            position = text.skipSpaces(from: position + 1, limit: limit)
        } else if position + 1 < limit, text[position] | 0x20 == 0x6E, text.folded(at: position + 1).byte == 0x6F {
            // `no`, `no.`, `n°`
            position += 1 + text.folded(at: position + 1).length
            if position < limit, text[position] == 0x2E { position += 1 }
            position = text.skipSpaces(from: position, limit: limit)
        }
        let digits = position
        while position < limit, position - digits < 7, isDigit(text[position]) { position += 1 }
        guard position > digits, position - digits <= 6, !text.isAlnum(at: position) else { return nil }
        var address = StreetAddress(start: keywordStart, number: digits..<position, type: nil, name: position..<position, end: position)
        // `, succursale Bureau-chef`, `Station A`, `STN Main`.
        var next = text.skipSpaces(from: position, limit: limit)
        if next < limit, text[next] == 0x2C { next = text.skipSpaces(from: next + 1, limit: limit) }
        if let station = Self.stations.match(in: text, at: next, limit: limit) {
            var after = station.end
            if after < limit, text[after] == 0x2E { after += 1 }
            after = text.skipSpaces(from: after, limit: limit)
            if after < limit, text.isAlnum(at: after) {
                var end = after
                var words = 0
                while words < 3, end < limit, text.isUppercaseLetter(at: end) || isDigit(text[end]) {
                    let wordEnd = isDigit(text[end]) ? end + 1 : joinedWordEnd(from: end)
                    words += 1
                    end = wordEnd
                    let space = text.spaceLength(at: end)
                    guard space > 0, text.isUppercaseLetter(at: end + space), !isProvince(at: end + space) else { break }
                    end += space
                }
                if words > 0 {
                    address.end = end
                    address.station = after..<end
                }
            } else if station.keyword.text == "bureau chef" {
                address.end = station.end
                address.station = next..<station.end
            }
        }
        return address
    }

    // MARK: - Municipality, province, postal code

    /// The province at `index` (`Québec`, `QC`, `Quebec`, `Ont.`, `Ontario`, `N.-B.`…): where it
    /// ends, or nil.
    func province(at index: Int) -> Int? {
        guard let found = Self.provinces.match(in: text, at: index, limit: limit) else { return nil }
        var end = found.end
        if end < limit, text[end] == 0x2E { end += 1 }
        return end
    }

    private func isProvince(at index: Int) -> Bool { province(at: index) != nil }

    static let provinces = KeywordSet([
        "=quebec", "=qc", "=que", "=ontario", "=ont", "=on", "nouveau-brunswick", "new brunswick", "=nb", "=n.-b", "=manitoba",
        "=mb", "=alberta", "=ab", "colombie-britannique", "british columbia", "=bc", "=c.-b", "saskatchewan", "=sk", "nova scotia",
        "nouvelle-ecosse", "=ns", "=n.-e",
    ])

    /// The end of a Canadian postal code (`A9A 9A9`, `A9A-9A9`, `A9A9A9`) at `index`, or nil.
    func postalCodeEnd(at index: Int) -> Int? {
        text.postalCodeEnd(at: index, limit: limit)
    }

    /// Where the municipality, province and postal code that follow an address's first line end
    /// (the same line, or the next one or two), and what was found. A municipality alone counts
    /// only on the same line after a comma; on a line of its own it needs a province or a
    /// postal code, so the next line of a letter (`Objet : …`) is never taken for one.
    func locality(after index: Int) -> Locality {
        var result = Locality(end: index)
        var position = text.skipSpaces(from: index, limit: limit)
        var afterComma = false
        if position < limit, text[position] == 0x2C {
            position = text.skipSpaces(from: position + 1, limit: limit)
            afterComma = true
        }
        var lines = 0
        while lines <= 2 {
            if position < limit, text[position] == 0x0D { position += 1 }
            if position < limit, text[position] == 0x0A {
                guard lines < 2 else { break }
                lines += 1
                position = text.skipSpaces(from: position + 1, limit: limit)
                afterComma = false
                continue
            }
            let line = readLocalityLine(from: position)
            let accepted = line.province || line.postalCode != nil || (line.municipality != nil && afterComma && lines == 0)
            guard accepted else { break }
            result.end = line.end
            result.municipality = result.municipality ?? line.municipality
            result.province = result.province || line.province
            if let postal = line.postalCode { result.postalCode = postal; break }
            // The postal code may follow on the next line (`Lachute, Quebec⏎J8H 3W1`).
            position = text.skipSpaces(from: line.end, limit: limit)
            guard position < limit, text[position] == 0x0A || text[position] == 0x0D else { break }
            afterComma = false
        }
        return result
    }

    /// `Sherbrooke (Québec) J1H 2K3`, `Lachute, Quebec J8H 3W1`, `Montréal QC H2J 1J8`, `J0T 2M0`
    /// from `index`: each part optional, in that order.
    private func readLocalityLine(from index: Int) -> Locality {
        var position = index
        var end = index
        var municipality: Range<Int>?
        var hasProvince = false
        if postalCodeEnd(at: position) == nil, !isProvince(at: position) || text.isUppercaseLetter(at: position) {
            // One to five capitalised words, `Saint-Jean-sur-Richelieu`, `L'Assomption`.
            var words = 0
            var cursor = position
            while words < 5, cursor < limit, text.isUppercaseLetter(at: cursor), postalCodeEnd(at: cursor) == nil {
                if words > 0, isProvince(at: cursor) { break }
                let wordEnd = joinedWordEnd(from: cursor)
                guard wordEnd - cursor >= 2 || (wordEnd < limit && text[wordEnd] == 0x2E) else { break }
                words += 1
                end = wordEnd
                let space = text.spaceLength(at: wordEnd)
                guard space > 0 else { break }
                cursor = wordEnd + space
            }
            if words > 0 {
                municipality = position..<end
                position = text.skipSpaces(from: end, limit: limit)
                if position < limit, text[position] == 0x2C { position = text.skipSpaces(from: position + 1, limit: limit) }
            }
        }
        // `(Québec)`, `QC`, `Quebec`.
        var open = position
        if open < limit, text[open] == 0x28 { open += 1 }
        if let provinceEnd = province(at: open) {
            var close = provinceEnd
            if open > position {
                guard close < limit, text[close] == 0x29 else { return Locality(end: end, municipality: municipality) }
                close += 1
            }
            hasProvince = true
            end = close
            position = text.skipSpaces(from: close, limit: limit)
            if position < limit, text[position] == 0x2C { position = text.skipSpaces(from: position + 1, limit: limit) }
        }
        if municipality != nil || hasProvince || position == index, let postalEnd = postalCodeEnd(at: position) {
            return Locality(end: postalEnd, municipality: municipality, province: hasProvince, postalCode: position..<postalEnd)
        }
        return Locality(end: end, municipality: municipality, province: hasProvince)
    }

    // MARK: - Normalised form

    /// The address in the parts `PublicCharacter` compares (`AddressParts`): the street, then
    /// the apartment or unit, the box's station, the municipality and the postal code when
    /// written. The province is left out: the municipality or the postal code says more.
    func parts(_ address: StreetAddress, _ locality: Locality) -> AddressParts {
        AddressParts(street: street(address),
                     unit: address.unit.map { text.ascii($0).lowercased() },
                     station: address.station.map(foldedPlace),
                     municipality: locality.municipality.map(foldedPlace),
                     postalCode: locality.postalCode.map { String(decoding: text[$0].filter(isASCIIAlnum), as: UTF8.self).uppercased() })
    }

    /// A municipality's or a station's words folded (lowercase, accents off), joined by `-`,
    /// whatever joined them (`Saint-Lin–Laurentides`, `Pointe Claire`, `L'Assomption`), `St`/`Ste`
    /// read as `saint`/`sainte`: `saint-lin-laurentides`, `pointe-claire`, `l-assomption`.
    func foldedPlace(_ range: Range<Int>) -> String {
        var words: [String] = []
        var word: [UInt8] = []
        func flush() {
            guard !word.isEmpty else { return }
            let folded = String(decoding: word, as: UTF8.self)
            word.removeAll()
            words.append(folded == "st" ? "saint" : folded == "ste" ? "sainte" : folded)
        }
        var position = range.lowerBound
        while position < range.upperBound {
            let folded = text.folded(at: position)
            if isLowerASCII(folded.byte) || isDigit(folded.byte) { word.append(folded.byte) } else { flush() }
            position += folded.length
        }
        flush()
        return words.joined(separator: "-")
    }

    /// The street as compared: civic number (with its letter), canonical type, folded name words
    /// (particles dropped, `St`/`Ste` read as `saint`/`sainte`, hyphens as spaces) and
    /// orientation — `1200 boulevard industriel`; a box is `cp 123`.
    private func street(_ address: StreetAddress) -> String {
        var out = ""
        if address.isPostOfficeBox {
            out = "cp "
        }
        out += text.ascii(address.number)
        if address.numberSuffix != 0 { out.unicodeScalars.append(Unicode.Scalar(address.numberSuffix)) }
        guard let type = address.type else { return out }
        out += " " + type.canonical
        var words: [String] = []
        var word: [UInt8] = []
        func flush() {
            guard !word.isEmpty else { return }
            let folded = String(decoding: word, as: UTF8.self)
            word.removeAll()
            let isParticle = Self.particleWords.contains(folded)
            if isParticle { return }
            words.append(folded == "st" ? "saint" : folded == "ste" ? "sainte" : folded)
        }
        var position = address.name.lowerBound
        while position < address.name.upperBound {
            let folded = text.folded(at: position)
            if isLowerASCII(folded.byte) || isDigit(folded.byte) {
                word.append(folded.byte)
            } else {
                flush() // spaces, hyphens, apostrophes, dots
            }
            position += folded.length
        }
        flush()
        for name in words { out += " " + name }
        if let orientation = address.orientation { out += " " + orientation }
        return out
    }

    static let particleWords: Set<String> = ["de", "du", "des", "la", "le", "les", "of", "the", "d", "l", "a", "au", "aux", "sur", "en"]

    /// The longest an address found may span, in bytes: the excerpt of a finding masks every
    /// finding in view only if none is longer than `Excerpt.longestFinding`, and an address
    /// reaches over three or four lines whose parts a layout extraction (`pdftotext -layout`)
    /// may set apart by runs of spaces.
    static let longestSpan = Excerpt.longestFinding
}

/// A street address or post office box in the parts the organisation's public addresses are
/// compared by, each folded: the street (`1200 boulevard industriel`, `cp 500`), the apartment
/// or unit (`3`), the box's station (`bureau-chef`), the municipality (`granby`) and the postal
/// code (`J2G8E3`).
///
/// Its `text` is the stored form (`1200 boulevard industriel, app 3, granby, J2G8E3`, `cp 500,
/// succursale bureau-chef, granby`): read again, it gives the same parts.
struct AddressParts: Sendable, Hashable {
    var street: String
    var unit: String?
    var station: String?
    var municipality: String?
    var postalCode: String?

    var text: String {
        var out = street
        if let unit { out += ", app " + unit }
        if let station { out += ", succursale " + station }
        if let municipality { out += ", " + municipality }
        if let postalCode { out += ", " + postalCode }
        return out
    }

    /// Whether this address, found in a text, is the organisation's `declared` one. The same
    /// street is not enough: a civic number and street recur from one town to the next, and
    /// the apartments of one building are each a household's. So:
    /// - the street is the same, word for word (`100 rue principale` is not `100 rue
    ///   principale ouest`);
    /// - an apartment or unit, a box's station, written here, is the declared one (the
    ///   organisation's suite is public, its neighbours' apartments are not); left out here, the
    ///   address still may be the organisation's, as a letterhead may leave them out;
    /// - the municipality or the postal code, written on both sides, agree, and at least one is
    ///   written on both sides and the same — unless neither side writes either, where the street
    ///   alone is all there is to compare (a declaration without its municipality hides only
    ///   addresses written without one).
    func isOrganisations(_ declared: AddressParts) -> Bool {
        guard street == declared.street else { return false }
        if let unit, unit != declared.unit { return false }
        if let station, station != declared.station { return false }
        if let municipality, let other = declared.municipality, municipality != other { return false }
        if let postalCode, let other = declared.postalCode, postalCode != other { return false }
        let placed = municipality != nil || postalCode != nil
        let declaredPlaced = declared.municipality != nil || declared.postalCode != nil
        if !placed, !declaredPlaced { return true }
        return (municipality != nil && municipality == declared.municipality) || (postalCode != nil && postalCode == declared.postalCode)
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The end of a Canadian postal code at `index`, `A9A 9A9` (a space, a no-break space, a
    /// hyphen or nothing between the halves), by Canada Post's letter rules: D, F, I, O, Q and U
    /// never used, W and Z never first. Nil when there is none.
    func postalCodeEnd(at index: Int, limit: Int) -> Int? {
        @inline(__always) func isPostalLetter(_ byte: UInt8, first: Bool) -> Bool {
            switch byte {
            case 0x44, 0x46, 0x49, 0x4F, 0x51, 0x55: return false // D F I O Q U
            case 0x57, 0x5A: return !first // W Z
            default: return isUpperASCII(byte)
            }
        }
        guard index + 6 <= limit, isPostalLetter(self[index], first: true), isDigit(self[index + 1]),
              isPostalLetter(self[index + 2], first: false), !isAlnum(before: index) else { return nil }
        var position = index + 3
        let space = spaceLength(at: position)
        if space > 0 { position += space } else if position < limit, self[position] == 0x2D { position += 1 }
        guard position + 3 <= limit, isDigit(self[position]), isPostalLetter(self[position + 1], first: false),
              isDigit(self[position + 2]), !isAlnum(at: position + 3) else { return nil }
        return position + 3
    }
}
