// Names of persons written without a label: `LAUZON, Guy` and `Tremblay, Léa` in a list,
// `Hier, Nathalie Bergeron a appelé` in a sentence, `Bonjour Marie,` and `Dear Mr. Smith,`
// opening a message, a line holding only a name at the foot of a letter, a column of names, and
// a name met again alone (`Noémie` after `Nom de l'élève : Pelletier, Noémie`).
//
// Why shapes and lists together: a finder that flags every capitalised word is no help to the
// AIPRP officer. A word counts as a name only where a given-name or surname list of
// `NameLists` says so (public sources, data/names/README.md) AND the text is shaped as a name is
// written; the more evidence, the higher the confidence (two list hits and a shape flag, one hit
// and no shape stays below 50, stored but not flagging). Staff named with their role (Access
// Act, s. 57), organisations, schools, streets and places stay public, as for labelled names.
//
// Speed: the detector runs only at word starts that are uppercase letters and are no keyword;
// it reads the word once (folding and hashing it, no allocation) and looks it up once in
// `NameLists`; everything else happens only when that lookup, or the word's capitals, make it a
// candidate.

extension Detection {
    /// Greetings that open a letter or a message: the name that follows is the addressee's.
    static let salutations = KeywordSet([
        "bonjour", "bonsoir", "=allo", "salut", "=cher", "chere", "=chers", "cheres", "=dear", "=hi", "hello", "=hey",
        "good morning", "good afternoon", "good evening", "coucou",
    ])
    /// Addressees that are no one's name (`Dear Parents,`, `Bonjour à tous`).
    static let collectiveAddressees = KeywordSet([
        "parents", "=parent", "famille", "familles", "families", "family", "collegue", "colleague", "=team", "equipe", "=all",
        "=tous", "=toutes", "everyone", "=amis", "=amies", "friends", "membres", "members", "comite", "committee", "=board",
        "=staff", "personnel", "eleves", "students", "=sir", "=madam", "madame", "monsieur", "mesdames", "messieurs", "=client",
        "clients", "customer", "=m.", "=mr", "=mr.", "=mrs", "=mrs.", "=ms", "=ms.", "=mme", "=dr", "=dr.",
    ])
    /// Closings of a letter or a message: a line holding only a name right after one signs it.
    static let closings = KeywordSet([
        "cordialement", "salutations", "distinguees", "regards", "sincerely", "=merci", "thank you", "=thanks", "bien a vous",
        "respectueusement", "yours truly", "yours sincerely", "yours faithfully", "amicalement", "au plaisir", "a bientot",
        "bonne journee", "cheers", "=best", "with thanks", "sinceres",
    ])
    /// Words that make the capitalised words after them (or before them) a place or an
    /// organisation: streets, schools, buildings, services, saints' places (`rue Jean-Talon`,
    /// `École Marie-Victorin`, `salle Lionel Groulx`, `John Abbott College`).
    static let placeWords = KeywordSet([
        "=rue", "avenue", "=av", "=av.", "boulevard", "=boul", "=boul.", "=bd", "chemin", "=ch.", "=rang", "montee", "=route",
        // Not `côte` (a street type, as in `côte Saint-Antoine`): it is also `Côté`, one of Quebec's
        // commonest surnames, and the address detector reads the street.
        "=place", "promenade", "croissant", "=allee", "impasse", "terrasse", "autoroute", "=pont", "=parc", "=lac",
        "=mont", "riviere", "=ile", "=quai", "square", "=street", "=st", "=st.", "=ste", "=ste.", "=road", "=rd", "=drive",
        "=lane", "crescent", "=court", "=lake", "=mount", "=river", "ecole", "college", "academie", "academy",
        "polyvalente", "pavillon", "centre", "center", "=salle", "gymnase", "=arena", "bibliotheque", "library", "edifice",
        "immeuble", "building", "hopital", "hospital", "=clsc", "=chsld", "=cpe", "=cegep", "caisse", "banque", "=bank",
        "universite", "university", "fondation", "foundation", "commission", "ministere", "ministry", "comite", "committee",
        "conseil", "council", "=service", "services", "station", "=metro", "=prix", "=prize", "=award", "bourse",
        "scholarship", "=fonds", "=fund", "=club", "=camp", "eglise", "church", "paroisse", "parish", "=ville",
        "municipalite", "=city", "=town", "village", "scolaire", "primaire", "secondaire", "school", "elementary", "=high",
        "secondary", "saint", "sainte", "institut", "pharmacie", "clinique", "clinic", "cimetiere", "residence",
        "=lycee", "=jardin", "garden", "=hotel", "restaurant", "=musee", "museum", "theatre", "theater", "=cinema",
        "galerie", "gallery", "=marche", "=regie", "societe", "society", "=groupe", "=group", "district", "=mrc", "=css",
        "department", "=office", "bureau", "=inc", "=inc.", "=ltd", "=ltd.", "=ltee", "=ltee.", "=corp", "=corp.",
        "association", "cooperative", "=arena", "stade", "stadium", "=aeroport", "airport", "=gare", "=canal", "=port",
        // Days and events named after a person: `Victoria Day`, `la Journée Terry-Fox`.
        "=day", "=jour", "journee", "=week", "semaine", "=month", "=mois", "festival", "=fete", "=gala", "trophee",
        "trophy", "=cup", "=coupe", "tournoi", "tournament", "=race", "marathon",
        // Buildings and grounds named after a person, the word after the name (`Jackson Hall`, `Victoria Park`).
        "=hall", "=park", "=plaza",
    ])
    /// Particles between a given name and a surname: `de la Fontaine`, `Van der Berg`, `Du Tremblay`.
    static let nameParticles = KeywordSet([
        "=de", "=de la", "=du", "=des", "=van", "=van der", "=van den", "=van de", "=von", "=der", "=di", "=da", "=del",
        "=della", "=dos", "=ten", "=ter",
    ])
    /// `Famille Béland`, `Family Smith`: the surname after it is a family's.
    static let familyWords = KeywordSet(["=famille", "=family"])
    /// `et`, `and` between two people's names that an organisation bears together.
    static let conjunctions = KeywordSet(["=et", "=and"])
    /// Public figures, brands and titles of works that read as a given name and a surname of the
    /// lists: authors and people a course outline or a school names (`Michel Tremblay`,
    /// `Margaret Atwood`, `Louis Riel`), shops and firms named after their founder (`Jean Coutu`,
    /// `Tim Hortons`), novels named after their hero (`Maria Chapdelaine`). Short on purpose: a
    /// public figure is known by the words around them (`publicWorkWords`); this list holds the
    /// ones a school's documents name most. Not applied to a name alone on its line (a letter
    /// signed `Michel Tremblay` is a person's).
    static let publicFigures = KeywordSet([
        // Authors and works read in Quebec's and Canada's schools.
        "=michel tremblay", "=gabrielle roy", "=emile nelligan", "=anne hebert", "=rejean ducharme", "=dany laferriere",
        "=kim thuy", "=michel rabagliati", "=felix leclerc", "=gilles vigneault", "=yves theriault", "=louis hemon",
        "=maria chapdelaine", "=margaret atwood", "=lucy maud montgomery", "=anne shirley", "=mordecai richler",
        "=harper lee", "=anne frank", "=will grayson", "=john green", "=roald dahl", "=victor hugo", "=jules verne",
        "=agatha christie", "=mark twain", "=william shakespeare", "=harry potter", "=tom sawyer", "=marie curie",
        // People of history and public life a lesson names.
        "=louis riel", "=jacques cartier", "=samuel de champlain", "=rene levesque", "=wilfrid laurier", "=terry fox",
        "=lionel groulx", "=maurice richard", "=jean beliveau", "=celine dion", "=nelson mandela", "=martin luther king",
        "=pierre trudeau", "=justin trudeau", "=louis-joseph papineau", "=marguerite bourgeoys", "=jeanne mance",
        // Shops and firms named after a person.
        "=jean coutu", "=tim hortons", "=morgan stanley", "=tommy hilfiger", "=calvin klein", "=ralph lauren",
        "=ronald mcdonald", "=hudson's bay", "=thomas cook", "=dr. oetker",
    ])
    /// Words that make the name after them an author's or a work's: `le roman Maria Chapdelaine`,
    /// `a novel by Harper Lee`, `Lectures : Gabrielle Roy`.
    static let publicWorkWords = KeywordSet([
        "=roman", "=romans", "=novel", "=novels", "=livre", "=book", "=books", "=poeme", "=poem", "=poemes", "=poems",
        "=recueil", "=conte", "=contes", "=piece", "=play", "=film", "=movie", "=oeuvre", "=oeuvres", "=chanson", "=song",
        "ecrivain", "ecrivaine", "=writer", "=poete", "=poet", "dramaturge", "playwright", "romancier", "romanciere",
        "novelist", "=lectures", "=readings", "written by", "ecrit par", "ecrite par",
        "=author", "=auteur", "=auteure", "=autrice",
    ])
    /// Provinces after a municipality's name.
    static let provinces = KeywordSet([
        "quebec", "=qc", "=que", "=que.", "ontario", "=ont", "=ont.", "nouveau-brunswick", "new brunswick", "=nb", "manitoba",
        "alberta", "british columbia", "colombie-britannique", "nova scotia", "nouvelle-ecosse",
    ])
    /// Roles of staff members: a name with one just before it, just after it, or on the next
    /// line (a signature) is a staff member's, public (Access Act, s. 57).
    static let staffRoles = KeywordSet([
        "directeur", "directrice", "direction", "enseignant", "enseignante", "president", "presidente", "secretaire",
        "commissaire", "conseiller", "conseillere", "technicien", "technicienne", "representant", "representante",
        "coordonnateur", "coordonnatrice", "=agent", "agente", "orthopedagogue", "psychologue", "infirmiere", "infirmier",
        "principal", "teacher", "chairman", "=chair", "commissioner", "secretary", "director", "coordinator", "counsellor",
        "counselor", "=vice", "vice-president", "vice-presidente", "vice-principal", "adjoint", "adjointe", "responsable",
        "professionnel", "professionnelle", "membre", "member", "regisseur", "regisseuse", "gestionnaire", "manager",
        "psychoeducat", "educateur", "educatrice", "orthophoniste", "travailleur social", "travailleuse sociale",
        "surveillant", "surveillante", "concierge", "registraire", "analyste", "comptable", "avocat", "avocate", "notaire",
        "officer", "advisor", "adviser", "=clerk", "librarian", "bibliothecaire", "=nurse", "=head", "superintendent",
        "administrat", "assistant", "assistante", "protecteur", "protectrice", "therapist", "psychologist",
        "social worker", "attache", "greffier", "greffiere", "tresorier", "tresoriere", "consultant", "consultante",
        "=coach", "entraineur", "entraineuse", "=chef", "=cadre", "=doyen", "=doyenne", "ombudsman", "recteur", "rectrice",
        "titulaire", "instructor", "instructeur", "instructrice", "=dean", "=trustee", "=officier", "=greffe",
        "contremaitre", "foreman", "supervisor", "superviseur", "superviseure", "magasinier", "ouvrier", "mecanicien",
        "chauffeur", "secretariat", "payroll officer", "=staff",
        // The staff member a notice names to answer questions (`Personne-ressource : Mme X`).
        "personne-ressource", "personne ressource", "personnes-ressources", "personnes ressources",
        // People in a public role at an event: a guest, a speaker.
        "=invite", "=invitee", "=guest", "conferenc", "=speaker", "artiste", "=artist", "=auteur", "=auteure", "=author",
    ])
    /// Roles that also label a private person's field on a form (`Parent responsable :`,
    /// `Titulaire de la carte :`): not read as a staff member's role through a colon.
    static let formRoles = KeywordSet(["responsable", "titulaire", "membre", "member", "representant", "representante"])

    /// How much the detector keeps in mind of the names found in a text: the words of at most
    /// `NameMemory.capacity` persons' names (then the oldest are forgotten) and as many of public
    /// names, carried from one pass (a region of 256 kB and its margins) to the next by the
    /// stream, so that `Noémie` is known wherever `Nom de l'élève : Pelletier, Noémie` stood before; and,
    /// within a pass, the single-word mentions met before their name, which a name found at most
    /// `lookAhead` bytes later makes a person's (the margin a pass reads past its region, so the
    /// result does not depend on where the text was cut into regions).
    struct NameMemory {
        static let capacity = 128
        static let lookAhead = 768
        /// Keys (`NameKey.hash`) of the words of persons' names found with confidence ≥ 50, and
        /// where each was found in this pass (-1: in an earlier pass).
        private(set) var known: [UInt64] = []
        private var knownAt: [Int] = []
        /// Keys of the words of names found public (a staff member with their role), and where.
        private(set) var publicNames: [UInt64] = []
        private var publicAt: [Int] = []
        private var nextKnown = 0
        private var nextPublic = 0
        /// `findings` up to here have had their words remembered.
        var remembered = 0
        /// Single words in the lists, met alone before any name made them a person's.
        var pending: [(start: Int, end: Int, key: UInt64, given: Bool)] = []
        /// The last name found alone in its field, and where its line ended: the next line
        /// holding only a name makes a column of names.
        var lastLineName: (finding: Int, lineEnd: Int)?

        /// Where each key sits in its ring (keys are never twice in a ring): a key is looked up in
        /// a probe or two instead of a walk over the ring. A 64-bit mask of the keys' low bits
        /// stood before it, and was full as soon as a class list had named some sixty persons:
        /// from then on every capitalised word walked all 128 keys.
        private var knownIndex = RingIndex()
        private var publicIndex = RingIndex()

        var anyPublic: Bool { !publicNames.isEmpty }
        @inline(__always) func isKnown(_ key: UInt64) -> Bool { knownIndex.find(key) != nil }
        @inline(__always) func isPublic(_ key: UInt64) -> Bool { publicIndex.find(key) != nil }

        /// Known from a name found before `position` (or in an earlier pass).
        func isKnown(_ key: UInt64, before position: Int) -> Bool {
            guard let index = knownIndex.find(key) else { return false }
            return knownAt[index] < position
        }

        /// Public from a name found before `position` (or in an earlier pass).
        func isPublic(_ key: UInt64, before position: Int) -> Bool {
            guard let index = publicIndex.find(key) else { return false }
            return publicAt[index] < position
        }

        mutating func remember(_ key: UInt64, at position: Int) {
            guard !isKnown(key) else { return }
            if known.count < Self.capacity { known.append(key); knownAt.append(position) } else {
                knownIndex.remove(known[nextKnown])
                known[nextKnown] = key
                knownAt[nextKnown] = position
            }
            knownIndex.insert(key, at: nextKnown)
            nextKnown = (nextKnown + 1) % Self.capacity
        }

        mutating func rememberPublic(_ key: UInt64, at position: Int) {
            guard !isPublic(key) else { return }
            if publicNames.count < Self.capacity { publicNames.append(key); publicAt.append(position) } else {
                publicIndex.remove(publicNames[nextPublic])
                publicNames[nextPublic] = key
                publicAt[nextPublic] = position
            }
            publicIndex.insert(key, at: nextPublic)
            nextPublic = (nextPublic + 1) % Self.capacity
        }

        /// What the next pass starts from: the names found before `end` (the region's end; what
        /// lies past it is read again by the next pass), in the order they were found.
        func carried(before end: Int) -> NameMemory {
            var next = NameMemory()
            for index in Self.ringOrder(known.count, nextKnown) where knownAt[index] < end { next.remember(known[index], at: -1) }
            for index in Self.ringOrder(publicNames.count, nextPublic) where publicAt[index] < end {
                next.rememberPublic(publicNames[index], at: -1)
            }
            return next
        }

        /// Indices of a ring buffer from its oldest entry.
        private static func ringOrder(_ count: Int, _ next: Int) -> [Int] {
            count < capacity ? Array(0..<count) : Array(next..<count) + Array(0..<next)
        }
    }

    /// The keys of a ring of `NameMemory` and where each sits in it: open addressing over 512
    /// slots (four times the ring's 128 keys, so a probe or two), with backward-shift deletion
    /// when the ring forgets a key.
    struct RingIndex {
        private static let mask = 511
        private var keys = [UInt64](repeating: 0, count: mask + 1)
        /// The key's place in the ring; -1 for an empty slot.
        private var places = [Int16](repeating: -1, count: mask + 1)

        @inline(__always) private static func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 55) }

        /// The key's place in the ring, or nil when it is not there.
        @inline(__always) func find(_ key: UInt64) -> Int? {
            var slot = Self.home(key)
            while places[slot] >= 0 {
                if keys[slot] == key { return Int(places[slot]) }
                slot = (slot + 1) & Self.mask
            }
            return nil
        }

        /// Adds a key that is not there yet.
        mutating func insert(_ key: UInt64, at place: Int) {
            var slot = Self.home(key)
            while places[slot] >= 0 { slot = (slot + 1) & Self.mask }
            keys[slot] = key
            places[slot] = Int16(place)
        }

        /// Removes a key that is there, moving back the keys after it that probed past it.
        mutating func remove(_ key: UInt64) {
            var hole = Self.home(key)
            while !(places[hole] >= 0 && keys[hole] == key) { hole = (hole + 1) & Self.mask }
            var next = (hole + 1) & Self.mask
            while places[next] >= 0 {
                // The key at `next` may fill the hole when the hole lies between its home and it.
                if (next - hole) & Self.mask <= (next - Self.home(keys[next])) & Self.mask {
                    keys[hole] = keys[next]
                    places[hole] = places[next]
                    hole = next
                }
                next = (next + 1) & Self.mask
            }
            places[hole] = -1
        }
    }

    /// One word as a name is written: letters, with inner hyphens and apostrophes (`Marc-André`,
    /// `O'Brien`), or an initial (`J.`).
    struct NameWord {
        var start: Int
        var end: Int
        var key = NameKey()
        var letters = 0
        var capitals = 0
        var hyphens = 0
        var initial = false

        /// Every letter a capital, two letters at least: a surname as lists write it (`LAUZON`).
        var allCapitals: Bool { letters >= 2 && capitals == letters }
        /// A capital and then lowercase letters (`Léa`, `McKenzie`, `Gagnon-Ouellet`).
        var titleCase: Bool { letters >= 2 && capitals < letters }
    }

    // MARK: - The detector

    /// At an uppercase word start that is no keyword: the name that starts there, if the lists and
    /// the text's shape make it one. Returns where to resume when a name (public or not) was read.
    mutating func unlabelledName(at index: Int) -> Int? {
        guard startsWord(index) else { return nil }
        if atFieldStart(index), let (_, greetingEnd) = Self.salutations.matchIndex(in: text, at: index, limit: limit) {
            return salutationName(after: greetingEnd)
        }
        guard let first = nameWord(at: index) else { return nil }
        let firstKinds = kinds(first)
        // The names the other detectors found since the last word (each finding is read once).
        rememberFoundNames()
        let firstKnown = !first.initial && names.isKnown(first.key.hash)
        guard !firstKinds.isEmpty || firstKnown || first.allCapitals || first.initial else { return nil }
        // `Saint-Jean`, `St-Jérôme` alone are places; `ST-PIERRE Alice`, `St-Onge, Paul` are names.
        let saintCompound = isSaintPlace(first)

        // `Anne de la Fontaine`, `Pieter Van der Berg`, `Marc Du Tremblay`: a given name, a
        // particle, then a surname (read before two words, or `Pieter Van` would be taken).
        if first.titleCase, firstKinds.contains(.givenName) || firstKnown, let surname = particleSurname(after: first.end) {
            let surnameKinds = kinds(surname)
            if surnameKinds.contains(.surname) || names.isKnown(surname.key.hash),
               !firstKinds.contains(.commonWord) || !surnameKinds.contains(.commonWord) {
                return record(first.start..<surname.end, confidence: surnameKinds.contains(.commonWord) ? 60 : 70,
                              reason: "given name, a particle, then a surname from the public lists")
            }
        }

        // Two words: `SURNAME, Given`, `Surname, Given`, `Given Surname`, `Given SURNAME`, `J. Surname`.
        if let (secondStart, comma) = nextNameWord(after: first.end), !saintCompound || comma || first.allCapitals,
           let second = nameWord(at: secondStart), !second.initial {
            let secondKinds = kinds(second)
            let secondKnown = names.isKnown(second.key.hash)
            if let shape = twoWordShape(first, firstKinds, firstKnown, second, secondKinds, secondKnown, comma: comma) {
                var end = second.end
                var reason = shape.reason
                var confidence = shape.confidence
                // A third word: a second given name (`Jean Paul Gagnon`) or a second surname
                // (`Marie Gagnon Tremblay`), when the lists say so.
                if !comma, !first.allCapitals, let (thirdStart, thirdComma) = nextNameWord(after: second.end), !thirdComma,
                   let third = nameWord(at: thirdStart), third.titleCase {
                    let thirdKinds = kinds(third)
                    if thirdKinds.contains(.surname), !thirdKinds.contains(.commonWord),
                       secondKinds.contains(.givenName) || secondKinds.contains(.surname) {
                        end = third.end
                        if !secondKinds.contains(.surname) { confidence = max(confidence, 70); reason = "given names and a surname from the public lists" }
                    }
                }
                return record(first.start..<end, confidence: confidence, reason: reason)
            }
        }
        guard !first.initial else { return nil }
        // A row of a table: the surname in one cell, the given name in the next (`Tremblay⇥Léa`,
        // an HTML table's cells as extraction writes them, `GAGNON | William`).
        if firstKinds.contains(.surname) || firstKnown, atFieldStart(first.start), let cell = nextCell(after: first.end),
           let given = nameWord(at: cell), !given.initial, fieldEnd(after: given.end) != nil {
            let givenKinds = kinds(given)
            if givenKinds.contains(.givenName), !givenKinds.contains(.commonWord) || !firstKinds.contains(.commonWord) {
                let reason = "a surname, then a given name in the next cell of its row, both in the public lists"
                let before = findings.count
                _ = record(first.start..<first.end, confidence: 70, reason: reason)
                guard findings.count > before else { return first.end }
                return record(given.start..<given.end, confidence: 70, reason: reason)
            }
        }
        guard !saintCompound else { return nil }
        // `Famille Béland`, `la famille Tremblay`, `Family Smith`: the surname a family bears.
        if firstKinds.contains(.surname), let family = previousWords(before: first.start, count: 1, throughColon: false).first,
           Self.familyWords.matchIndex(in: text, at: family, limit: first.start) != nil {
            return record(first.start..<first.end, confidence: 60, reason: "a surname from the public lists after « famille »")
        }
        // One word alone: a person's name only if a name found in this text holds it.
        if firstKnown, !names.isPublic(first.key.hash) {
            if isPublicPlace(first.start..<first.end) { return first.end }
            addName(first.start..<first.end, confidence: 60, "a name found elsewhere in the text, met again alone")
            return first.end
        }
        let fieldAlone = holdsField(first.start..<first.end)
        if fieldAlone, firstKinds.contains(.givenName), !firstKinds.contains(.commonWord) {
            return record(first.start..<first.end, confidence: 40, reason: "a given name from the public lists alone in its field")
        }
        if !firstKinds.intersection([.givenName, .surname]).isEmpty, !firstKinds.contains(.commonWord),
           names.pending.count < NameMemory.capacity, nextNameWord(after: first.end) == nil, !isPublicPlace(first.start..<first.end) {
            names.pending.append((first.start, first.end, first.key.hash, firstKinds.contains(.givenName)))
        }
        return nil
    }

    /// The confidence and reason of two words shaped as a name, or nil when they are not one.
    private func twoWordShape(_ first: NameWord, _ firstKinds: NameKinds, _ firstKnown: Bool, _ second: NameWord,
                              _ secondKinds: NameKinds, _ secondKnown: Bool, comma: Bool) -> (confidence: Int, reason: String)? {
        // A surname that is also a common word (`Carrier`, `Smith`) counts where the shape is
        // strong (capitals, a comma in a list); in a sentence it counts for less.
        let firstSurname = firstKinds.contains(.surname)
        let secondGiven = secondKinds.contains(.givenName)
        let secondSurname = secondKinds.contains(.surname)
        let secondCommon = secondKinds.contains(.commonWord)
        if first.initial {
            guard second.titleCase || second.allCapitals else { return nil }
            if secondKnown { return (60, "an initial and a surname found elsewhere in the text") }
            return secondSurname && !secondCommon ? (40, "an initial and a surname from the public lists") : nil
        }
        // `LAUZON, Guy`, `LAUZON Guy`: the surname in capitals, as lists write it.
        if first.allCapitals, second.titleCase, secondGiven || secondKnown {
            if comma {
                return firstSurname || firstKnown ? (80, "surname in capitals, then a given name, both in the public lists")
                    : (65, "a word in capitals, a comma, then a given name from the public lists")
            }
            return firstSurname ? (70, "surname in capitals, then a given name, both in the public lists")
                : (40, "a word in capitals, then a given name from the public lists")
        }
        // `JULIE LAVOIE`: a whole name in capitals, as a signature or a heading writes it; weak
        // unless it signs a letter or stands in a column of names.
        if first.allCapitals, second.allCapitals, !comma, firstKinds.contains(.givenName), secondSurname,
           !firstKinds.contains(.commonWord), !secondCommon {
            return (40, "given name and surname in capitals, both in the public lists")
        }
        guard first.titleCase else { return nil }
        // `Tremblay, Léa`: surname, comma, given name, opening a line or a cell of a list (not
        // `Hier, Nathalie Bergeron`: a word, a comma, then a name).
        if comma {
            guard second.titleCase, secondGiven || secondKnown, fieldStarts(before: first.start),
                  nextNameWord(after: second.end) == nil else { return nil }
            // A surname that is also a common word opening a sentence (`Hier, Anne de la Fontaine a
            // appelé`) counts only when the given name ends the field (`Côté, William`).
            if firstKinds.contains(.commonWord), !firstKnown, fieldEnd(after: second.end) == nil { return nil }
            if firstSurname || firstKnown { return (70, "surname, a comma, then a given name, both in the public lists") }
            return firstKinds.isEmpty ? (40, "a capitalised word, a comma, then a given name from the public lists") : nil
        }
        // `Tremblay Léa`, `Tran Kim-Linh`: surname, then given name, holding a line or a cell
        // of a class list (in a sentence, two such words are too often something else).
        let firstGiven = firstKinds.contains(.givenName)
        if firstSurname, !firstGiven, !firstKinds.contains(.commonWord), second.titleCase, secondGiven, !secondCommon,
           fieldStarts(before: first.start), fieldEnd(after: second.end) != nil {
            return (55, "surname, then a given name, both in the public lists, holding its line")
        }
        // `Nathalie Bergeron`, `Guy LAUZON`: given name, then surname.
        guard firstGiven || firstKnown else { return nil }
        let firstCommon = firstKinds.contains(.commonWord)
        if second.allCapitals {
            guard second.letters >= 3 else { return nil }
            return secondSurname || secondKnown ? (75, "given name, then a surname in capitals, both in the public lists")
                : (firstCommon ? nil : (60, "a given name from the public lists, then a surname in capitals"))
        }
        guard second.titleCase, !secondCommon || secondSurname || secondKnown else { return nil }
        if firstKnown, secondKnown { return (70, "a name found elsewhere in the text, met again") }
        if secondSurname, secondCommon, !firstCommon || firstKnown {
            return (60, "given name and surname from the public lists (the surname also a common word)")
        }
        if secondSurname, !secondCommon, !firstCommon || firstKinds.contains(.surname) || firstKnown {
            return (70, "given name and surname from the public lists")
        }
        if secondSurname, !secondCommon { return (45, "a given name that is also a common word, then a surname from the public lists") }
        guard !secondCommon else { return nil }
        guard !firstCommon, secondKinds.isEmpty || secondGiven else { return nil }
        return (45, "a given name from the public lists, then a capitalised word")
    }

    /// Records a name read without a label unless it is public; raises it where it stands alone
    /// in its field (a signature, a cell, a line of a list); returns where it ends.
    private mutating func record(_ name: Range<Int>, confidence: Int, reason: String) -> Int {
        let lineEnd = fieldEnd(after: name.upperBound)
        let alone = lineEnd != nil && fieldStarts(before: name.lowerBound)
        if isPublicPlace(name) || isStaffMember(name) || isPublicName(name) || wordsArePublic(name) || isPublicFigure(name, alone: alone) {
            rememberPublic(name)
            return name.upperBound
        }
        var confidence = confidence
        var reason = reason
        // A signature holds a whole line (a table's cell, ended by a tab, is no signature).
        if alone, let lineEnd, lineEnd >= limit || text[lineEnd] == 0x0A || text[lineEnd] == 0x0D {
            if let signed = signature(lineStart: name.lowerBound, lineEnd: lineEnd) {
                guard signed else {
                    rememberPublic(name)
                    return name.upperBound
                }
                confidence = max(confidence + 25, 75)
                reason += ", alone on its line at the foot of a letter"
            } else if confidence >= 60 {
                confidence += 5
                reason += ", alone in its field"
            }
        }
        if confidence < 35 { return name.upperBound }
        addName(name, confidence: min(confidence, 90), reason)
        if alone, let lineEnd, lineEnd < limit, text[lineEnd] == 0x0A || text[lineEnd] == 0x0D {
            // A column of names: the line before held only a name too.
            if let last = names.lastLineName, lineStart(of: name.lowerBound) == last.lineEnd + 1 {
                raiseForColumn(last.finding)
                raiseForColumn(findings.count - 1)
            }
            names.lastLineName = (findings.count - 1, lineEnd)
        }
        return name.upperBound
    }

    private mutating func raiseForColumn(_ number: Int) {
        guard findings[number].confidence < 60 else { return }
        findings[number].confidence = 60
        findings[number].reason += ", in a column of names"
    }

    /// After `Bonjour`, `Dear`, `Hi`…: an optional honorific, then the addressee's name, then a
    /// comma, `!` or the line's end.
    private mutating func salutationName(after greetingEnd: Int) -> Int? {
        var position = text.skipSpaces(from: greetingEnd, limit: limit)
        var honorific = false
        if let (_, honorificEnd) = KeywordSet.honorifics.matchIndex(in: text, at: position, limit: limit) {
            honorific = true
            position = text.skipSpaces(from: honorificEnd, limit: limit)
        }
        guard Self.collectiveAddressees.matchIndex(in: text, at: position, limit: limit) == nil,
              let first = nameWord(at: position), !first.initial, first.letters >= 2, !isSaintPlace(first) else { return nil }
        var end = first.end
        var words = 1
        while words < 3, let (next, comma) = nextNameWord(after: end), !comma, let word = nameWord(at: next), !word.initial {
            end = word.end
            words += 1
        }
        var after = end
        while after < limit, text[after] == 0x20 { after += 1 }
        guard after >= limit || text[after] == 0x2C || text[after] == 0x21 || text[after] == 0x0A || text[after] == 0x0D
            || text[after] == 0x3A || (text[after] == 0x2E && after + 1 < limit && text[after + 1] == 0x0A) else { return nil }
        rememberFoundNames()
        let firstKinds = kinds(first)
        let name = first.start..<end
        if isPublicPlace(name) || wordsArePublic(name) { return end }
        if honorific {
            addName(name, confidence: 65, "name after a greeting and an honorific, opening a message")
        } else if firstKinds.contains(.givenName) || firstKinds.contains(.surname) || names.isKnown(first.key.hash) {
            addName(name, confidence: 65, "a name from the public lists after a greeting, opening a message")
        } else {
            addName(name, confidence: 40, "a capitalised word after a greeting, opening a message")
        }
        return end
    }

    /// At the end of a pass: the single words met before their name was found are that person's
    /// name too, and weak mentions (`M. Gagnon` in a sentence) of a name found are raised.
    mutating func finishUnlabelledNames() {
        rememberFoundNames()
        let lookAhead = NameMemory.lookAhead
        // Only names are looked at below, by where they start: a pass on dense text holds
        // thousands of findings, and each word met alone looked at all of them.
        var starts = nameStarts()
        for (number, mention) in names.pending.enumerated() where !names.isPublic(mention.key, before: mention.start + lookAhead) {
            if names.isKnown(mention.key, before: mention.start) || namedSoon(mention.key, after: mention.start, among: starts) {
                addName(mention.start..<mention.end, confidence: 60, "a name found elsewhere in the text, met alone")
                Self.insert(findings.count - 1, at: mention.start, into: &starts)
            } else if mention.given, names.pending.indices.contains(where: {
                $0 != number && names.pending[$0].key == mention.key && abs(names.pending[$0].start - mention.start) <= lookAhead
            }) {
                // A given name (and nothing else in the lists) met alone twice or more: a child
                // called by their first name (`Objet : Devoirs d'Alexis`, `Alexis a eu…`).
                addName(mention.start..<mention.end, confidence: 50, "a given name from the public lists, met alone more than once")
                Self.insert(findings.count - 1, at: mention.start, into: &starts)
            }
        }
        names.pending.removeAll()
        guard !names.known.isEmpty else { return }
        for number in findings.indices where findings[number].type == .personName && findings[number].confidence < 50 {
            let range = findings[number].start..<findings[number].end
            var position = range.lowerBound
            var words = 0
            var allKnown = true
            while allKnown, let word = nextWord(in: range, from: &position) {
                words += 1
                let key = word.key.hash
                allKnown = (names.isKnown(key, before: range.lowerBound) || namedSoon(key, after: range.lowerBound, among: starts))
                    && !names.isPublic(key, before: range.lowerBound + lookAhead)
            }
            if words > 0, allKnown {
                findings[number].confidence = 60
                findings[number].reason += "; a person named elsewhere in the text"
            }
        }
        names.remembered = findings.count
    }

    // MARK: - Memory of the names found

    /// Remembers the words of the names found since the last call (by any detector), so that
    /// their later mentions are recognised.
    mutating func rememberFoundNames() {
        guard names.remembered < findings.count else { return }
        for number in names.remembered..<findings.count where findings[number].type == .personName && findings[number].confidence >= 50 {
            let range = findings[number].start..<findings[number].end
            var position = range.lowerBound
            while let word = nextWord(in: range, from: &position) { names.remember(word.key.hash, at: range.lowerBound) }
        }
        names.remembered = findings.count
    }

    /// The pass's names (their numbers in `findings`) sorted by where they start.
    private func nameStarts() -> [(start: Int, number: Int)] {
        var starts: [(start: Int, number: Int)] = []
        for number in findings.indices where findings[number].type == .personName { starts.append((findings[number].start, number)) }
        starts.sort { ($0.start, $0.number) < ($1.start, $1.number) }
        return starts
    }

    /// Adds a name just found to `starts`, in its place.
    private static func insert(_ number: Int, at start: Int, into starts: inout [(start: Int, number: Int)]) {
        let index = starts.firstIndex { ($0.start, $0.number) > (start, number) } ?? starts.count
        starts.insert((start, number), at: index)
    }

    /// True when a person's name holding the word starts at most `NameMemory.lookAhead` bytes
    /// after `position`: the names of `starts` in that window (found by bisection) whose
    /// confidence is 50 or more now.
    private func namedSoon(_ key: UInt64, after position: Int, among starts: [(start: Int, number: Int)]) -> Bool {
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle].start > position { high = middle } else { low = middle + 1 }
        }
        for (start, number) in starts[low...] {
            guard start <= position + NameMemory.lookAhead else { break }
            guard findings[number].type == .personName, findings[number].confidence >= 50 else { continue }
            let range = findings[number].start..<findings[number].end
            var cursor = range.lowerBound
            while let word = nextWord(in: range, from: &cursor) {
                if word.key.hash == key { return true }
            }
        }
        return false
    }

    /// Remembers the words of a public name (a staff member with their role).
    mutating func rememberPublic(_ name: Range<Int>) {
        var position = name.lowerBound
        while let word = nextWord(in: name, from: &position) { names.rememberPublic(word.key.hash, at: name.lowerBound) }
    }

    /// The next word of two letters or more of a name's `range`, from `position` (moved past it).
    func nextWord(in range: Range<Int>, from position: inout Int) -> NameWord? {
        while position < range.upperBound {
            if text.letterLength(at: position) > 0, !text.isLetter(before: position), let word = nameWord(at: position, anyCase: true) {
                position = max(position + 1, word.end)
                if word.letters >= 2 { return word }
            } else {
                position += 1
            }
        }
        return nil
    }

    /// True when every word of the name was found public (and none a person's).
    func wordsArePublic(_ name: Range<Int>) -> Bool {
        guard names.anyPublic else { return false }
        var position = name.lowerBound
        var words = 0
        while let word = nextWord(in: name, from: &position) {
            guard names.isPublic(word.key.hash), !names.isKnown(word.key.hash) else { return false }
            words += 1
        }
        return words > 0
    }

    // MARK: - Reading words

    /// The name-shaped word at `index`: letters with inner hyphens and apostrophes, or an
    /// initial; uppercase first unless `anyCase`. Nil when glued to digits or too long.
    func nameWord(at index: Int, anyCase: Bool = false) -> NameWord? {
        guard index < limit, anyCase || text.isUppercaseLetter(at: index) else { return nil }
        var word = NameWord(start: index, end: index)
        var cursor = index
        while cursor < limit, word.letters <= NameLists.longestWord {
            let ascii = text[cursor]
            if isASCIILetter(ascii) {
                if isUpperASCII(ascii) { word.capitals += 1 }
                word.key.append(ascii | 0x20)
                word.letters += 1
                cursor += 1
                continue
            }
            let length = text.letterLength(at: cursor)
            if length > 0 {
                if text.isUppercaseLetter(at: cursor) { word.capitals += 1 }
                word.key.append(text.folded(at: cursor).byte)
                word.letters += 1
                cursor += length
                continue
            }
            let byte = text[cursor]
            let joiner: Int
            var folded: UInt8 = 0x2D
            if byte == 0x2D { joiner = 1 }
            else if byte == 0x27 { joiner = 1; folded = 0x27 }
            else if byte == 0xE2, cursor + 2 < limit, text[cursor + 1] == 0x80, text[cursor + 2] == 0x99 { joiner = 3; folded = 0x27 }
            else if byte == 0xE2, cursor + 2 < limit, text[cursor + 1] == 0x80, text[cursor + 2] == 0x90 || text[cursor + 2] == 0x91 { joiner = 3 }
            else { break }
            let next = cursor + joiner
            guard text.letterLength(at: next) > 0 else { break }
            // An English possessive (`Léa's`) ends the name.
            if folded == 0x27, text[next] | 0x20 == 0x73, !text.isAlnum(at: next + 1) { break }
            word.key.append(folded)
            if folded == 0x2D { word.hyphens += 1 }
            cursor = next
        }
        guard word.letters > 0, word.letters <= NameLists.longestWord else { return nil }
        if word.letters == 1 {
            guard cursor < limit, text[cursor] == 0x2E, !text.isAlnum(at: cursor + 1) else { return nil }
            word.initial = true
            cursor += 1
        } else if text.isAlnum(at: cursor) || (cursor < limit && (text[cursor] == 0x40 || text[cursor] == 0x5F)) {
            return nil // glued to digits, an e-mail address or an identifier
        } else if cursor + 1 < limit, text[cursor] == 0x2E, text.isAlnum(at: cursor + 1) {
            return nil // a domain or a file name
        }
        word.end = cursor
        return word
    }

    /// What the lists say of a word (nothing for an initial).
    @inline(__always)
    func kinds(_ word: NameWord) -> NameKinds {
        guard !word.initial else { return [] }
        if word.hyphens == 0 { return NameLists.shared.kinds(of: word.key) }
        let listed = NameLists.shared.kinds(ofWordIn: text, range: word.start..<word.end)
        // `St-Pierre`, `St-Onge`, `Saint-Laurent`: Quebec surnames the lists miss (the Census writes
        // none), and places too; a surname that is also a common word needs a name's shape.
        if word.hyphens == 1, isSaintPlace(word) { return [.surname, .commonWord] }
        return listed
    }

    /// Where the next word of a name starts: after one space, or after `, ` (`Surname, Given`);
    /// with whether a comma came first. Nil when no capitalised word follows so.
    func nextNameWord(after end: Int) -> (start: Int, comma: Bool)? {
        guard end < limit else { return nil }
        let space = text.spaceLength(at: end)
        if space > 0 {
            return text.isUppercaseLetter(at: end + space) ? (end + space, false) : nil
        }
        if text[end] == 0x2C, end + 1 < limit {
            let after = text.spaceLength(at: end + 1)
            if after > 0, text.isUppercaseLetter(at: end + 1 + after) { return (end + 1 + after, true) }
        }
        return nil
    }

    /// The surname after a particle (`de`, `de la`, `du`, `van der`, `von`, `di`…) that follows a
    /// given name, or nil.
    private func particleSurname(after end: Int) -> NameWord? {
        let space = text.spaceLength(at: end)
        guard space > 0, let (_, particleEnd) = Self.nameParticles.matchIndex(in: text, at: end + space, limit: limit) else { return nil }
        let after = text.spaceLength(at: particleEnd)
        guard after > 0, let surname = nameWord(at: particleEnd + after), !surname.initial else { return nil }
        return surname
    }

    /// The start of the word in the next cell of a row after `end`: past spaces, one tab or `|`
    /// and spaces; nil otherwise.
    private func nextCell(after end: Int) -> Int? {
        var position = end
        while position < limit, text[position] == 0x20 { position += 1 }
        guard position < limit, text[position] == 0x09 || text[position] == 0x7C else { return nil }
        position += 1
        while position < limit, text[position] == 0x20 { position += 1 }
        return text.isUppercaseLetter(at: position) ? position : nil
    }

    /// True when `index` starts a word of its own: not the inside of a compound (`Victorin` of
    /// `Marie-Victorin`, `Brien` of `O'Brien`), nor part of an address, a path or a code.
    func startsWord(_ index: Int) -> Bool {
        guard index > 0 else { return true }
        let before = text[index - 1]
        switch before {
        case 0x2D, 0x2E, 0x40, 0x2F, 0x5F, 0x5C, 0x3D, 0x23:
            return !(text.isAlnum(before: index - 1))
        case 0x27:
            // `d'Emma`, `l'École`: an elided article before the word; `O'Brien` reads from `O`.
            guard index >= 2, text.isLetter(before: index - 1) else { return true }
            return !text.isLetter(before: index - 2) && isLowerASCII(text[index - 2])
        case 0x99 where index >= 3 && text[index - 2] == 0x80 && text[index - 3] == 0xE2:
            guard index >= 4, text.isLetter(before: index - 3) else { return true }
            return !text.isLetter(before: index - 4) && isLowerASCII(text[index - 4])
        default:
            return !isDigit(before)
        }
    }

    /// `Saint-Jean`, `Sainte-Julie`, `St-Jérôme`, `Ste-Foy`: a place or a saint, not a person.
    private func isSaintPlace(_ word: NameWord) -> Bool {
        guard word.hyphens > 0 else { return false }
        var position = word.start
        var prefix: [UInt8] = []
        while position < word.end, prefix.count < 7 {
            let folded = text.folded(at: position)
            if folded.byte == 0x2D { break }
            prefix.append(folded.byte)
            position += folded.length
        }
        return prefix == Array("saint".utf8) || prefix == Array("sainte".utf8) || prefix == Array("st".utf8) || prefix == Array("ste".utf8)
    }

    // MARK: - What makes a name public

    /// `isPublicName`, remembering the words of a public name: the board member named with their
    /// role at the head of the minutes stays public when named again (`Sur proposition de M. X`).
    mutating func publicName(_ name: Range<Int>) -> Bool {
        guard isPublicName(name) || isStaffMember(name) else { return false }
        rememberPublic(name)
        return true
    }

    /// For a name after an honorific inside a sentence (`son père, M. Denis Laroche, n'a pas…`):
    /// true when it is a given name and a surname of the public lists, and not a name this text
    /// made public before.
    func honorificNameInLists(_ name: Range<Int>) -> Bool {
        var position = name.lowerBound
        guard let first = nextWord(in: name, from: &position) else { return false }
        var last = first
        var allPublic = names.isPublic(first.key.hash)
        while let word = nextWord(in: name, from: &position) {
            last = word
            allPublic = allPublic && names.isPublic(word.key.hash)
        }
        guard last.start != first.start, !allPublic else { return false }
        let lastKinds = kinds(last)
        return kinds(first).contains(.givenName) && lastKinds.contains(.surname) && !lastKinds.contains(.commonWord)
    }

    /// A place or an organisation: a street, school or building word just before the name
    /// (through a label's colon: `École : Marie-Victorin`) or just after it, or inside it.
    private func isPublicPlace(_ name: Range<Int>) -> Bool {
        // A word of the name that is a place's and no surname (`Lakeshore High`, but `Jin Park`).
        var cursor = name.lowerBound
        while let word = nextWord(in: name, from: &cursor) {
            guard let (_, placeEnd) = Self.placeWords.matchIndex(in: text, at: word.start, limit: word.end) else { continue }
            // `St-Pierre` in a name's shape: a surname (read as one by `kinds`), not a place.
            if placeEnd < word.end, isSaintPlace(word) { continue }
            let kinds = kinds(word)
            if !kinds.contains(.surname) { return true }
            // A surname that is also a place's word names the place when it ends the name as a
            // place's type does (`Victoria Park`, `Jackson Hall`), not in a list (`PARK, Jin`).
            if kinds.contains(.commonWord), word.end == name.upperBound, !word.allCapitals,
               !text[name].contains(0x2C) { return true }
        }
        let before = previousWords(before: name.lowerBound, count: 2, throughColon: true)
        for word in before where placeWord(at: word) { return true }
        // The second of two people an organisation is named after (`Fondation Lucie et André Chagnon`).
        if let conjunction = before.first, Self.conjunctions.matchIndex(in: text, at: conjunction, limit: limit) != nil {
            for word in previousWords(before: conjunction, count: 3, throughColon: false) where placeWord(at: word) { return true }
        }
        let space = text.spaceLength(at: name.upperBound)
        if space > 0, Self.placeWords.matchIndex(in: text, at: name.upperBound + space, limit: limit) != nil { return true }
        // A municipality: `Hudson, Quebec`, `Prévost (Québec)`, `Dorval QC`.
        var position = name.upperBound
        if position < limit, text[position] == 0x2C { position += 1 }
        position = text.skipSpaces(from: position, limit: limit)
        if position < limit, text[position] == 0x28 { position += 1 }
        // Capitalised: `ont` and `que` in lowercase are French words (`Eric Boucher ont appelé`).
        return position > name.upperBound && text.isUppercaseLetter(at: position)
            && Self.provinces.matchIndex(in: text, at: position, limit: limit) != nil
    }

    /// An author, a public figure, a work or a brand: a name of `publicFigures` not alone on its
    /// line, or a name after a word of `publicWorkWords` (through a label's colon).
    private func isPublicFigure(_ name: Range<Int>, alone: Bool) -> Bool {
        if !alone, let (_, figureEnd) = Self.publicFigures.matchIndex(in: text, at: name.lowerBound, limit: limit), figureEnd == name.upperBound {
            return true
        }
        for word in previousWords(before: name.lowerBound, count: 2, throughColon: true)
        where Self.publicWorkWords.matchIndex(in: text, at: word, limit: limit) != nil {
            return true
        }
        return false
    }

    /// True when a word of `placeWords` starts at `word`, not as the first part of a compound
    /// (`Paul St-Onge et Marie St-Laurent`: a surname before the name, not a street).
    private func placeWord(at word: Int) -> Bool {
        guard let (_, placeEnd) = Self.placeWords.matchIndex(in: text, at: word, limit: limit) else { return false }
        return placeEnd >= limit || text[placeEnd] != 0x2D
    }

    /// A staff member named with their role: the role just before the name (`la directrice,
    /// Nathalie Bergeron`), within two words after it (`Olivier Tran, science teacher`), or in
    /// the next cell of a table row.
    func isStaffMember(_ name: Range<Int>) -> Bool {
        // Before it, in apposition (`L'infirmière scolaire, Mme Chantal Giroux`), not a form's
        // label (`Parent responsable : …` names a parent).
        for word in previousWords(before: name.lowerBound, count: 3, throughColon: false)
        where Self.staffRoles.matchIndex(in: text, at: word, limit: limit) != nil {
            return true
        }
        // A role as a label (`Orthopédagogue : Mme Valérie Lemay`).
        var colon = text.skipSpacesBackward(from: name.lowerBound)
        if colon > 0, text[colon - 1] == 0x2E, let honorific = previousWords(before: name.lowerBound, count: 1, throughColon: false).first {
            colon = text.skipSpacesBackward(from: honorific)
        } else if let honorific = previousWords(before: name.lowerBound, count: 1, throughColon: false).first,
                  KeywordSet.honorifics.matchIndex(in: text, at: honorific, limit: limit) != nil {
            colon = text.skipSpacesBackward(from: honorific)
        }
        if colon > 0, text[colon - 1] == 0x3A, let label = previousWords(before: colon - 1, count: 1, throughColon: false).first,
           Self.staffRoles.matchIndex(in: text, at: label, limit: limit) != nil, Self.formRoles.matchIndex(in: text, at: label, limit: limit) == nil {
            return true
        }
        // After it, within three words (`Ms. Karen Holt, Grade 2 teacher`).
        var position = name.upperBound
        for _ in 0..<3 {
            guard let after = wordAfter(position) else { return false }
            if Self.staffRoles.matchIndex(in: text, at: after, limit: limit) != nil { return true }
            position = text.wordEnd(from: after)
            while position < limit, isDigit(text[position]) { position += 1 }
        }
        return false
    }

    /// The starts of up to two words before `index` on its line, skipping spaces, a comma, a
    /// colon and lowercase joining words (`École primaire de`).
    private func previousWords(before index: Int, count: Int, throughColon: Bool) -> WordStarts {
        var starts = WordStarts()
        var position = index
        var steps = 0
        while starts.count < count, steps < count + 2, position > 0 {
            steps += 1
            var cursor = position
            while cursor > 0, text[cursor - 1] == 0x20 || text[cursor - 1] == 0x2C || (throughColon && text[cursor - 1] == 0x3A)
                || text[cursor - 1] == 0x27 || text[cursor - 1] == 0x09 { cursor -= 1 }
            guard cursor > 0, text.isLetter(before: cursor) || text[cursor - 1] == 0x2E else { break }
            if text[cursor - 1] == 0x2E { cursor -= 1 }
            var start = cursor
            while start > 0, text.isLetter(before: start) || (text[start - 1] == 0x2D && text.isLetter(before: start - 1)) {
                start -= isContinuation(text[start - 1]) ? 2 : 1
            }
            guard start < cursor else { break }
            starts.append(start)
            position = start
        }
        return starts
    }

    /// The start of the word after `end`: past spaces, a comma, a dash, `(` or a tab; nil at a
    /// line break.
    private func wordAfter(_ end: Int) -> Int? {
        var position = end
        var skipped = 0
        while position < limit, skipped < 6 {
            let byte = text[position]
            if byte == 0x20 || byte == 0x2C || byte == 0x2D || byte == 0x28 || byte == 0x09 { position += 1; skipped += 1; continue }
            if byte == 0xE2, position + 2 < limit, text[position + 1] == 0x80, text[position + 2] == 0x94 || text[position + 2] == 0x93 {
                position += 3
                skipped += 1
                continue
            }
            break
        }
        return text.isAlnum(at: position) ? position : nil
    }

    // MARK: - Fields, lines and signatures

    /// True when the name opens its field: the start of a line or a cell, or the value after a
    /// label's colon (`participant: Tremblay, Léa` in a CSV file's text).
    private func fieldStarts(before index: Int) -> Bool {
        if atFieldStart(index) { return true }
        var position = index
        while position > 0, text[position - 1] == 0x20 { position -= 1 }
        // An item of a list: `- Tremblay, Léa`, `* Tran, Kim-Linh` at the start of a line.
        if position > 0, position < index, text[position - 1] == 0x2D || text[position - 1] == 0x2A { return atFieldStart(position - 1) }
        guard position > 0, text[position - 1] == 0x3A else { return false }
        // The label is at the start of its line.
        var start = position - 1
        var steps = 0
        while start > 0, text[start - 1] != 0x0A, steps < 48 { start -= 1; steps += 1 }
        return start == 0 || text[start - 1] == 0x0A
    }

    /// Where the field holding the name ends when nothing but spaces follows it: a line break, a
    /// tab, `|`, `;` or the end of the text; nil otherwise.
    private func fieldEnd(after end: Int) -> Int? {
        var position = end
        while position < limit {
            let space = text.spaceLength(at: position)
            guard space > 0 else { break }
            position += space
        }
        guard position < limit else { return position }
        switch text[position] {
        case 0x0A, 0x0D, 0x09, 0x7C, 0x3B: return position
        default: return nil
        }
    }

    private func holdsField(_ name: Range<Int>) -> Bool {
        fieldEnd(after: name.upperBound) != nil && fieldStarts(before: name.lowerBound)
    }

    private func lineStart(of index: Int) -> Int {
        var position = index
        while position > 0, text[position - 1] != 0x0A { position -= 1 }
        return position
    }

    /// For a name alone on its line: true when the line before (blank lines skipped) holds a
    /// closing (`Cordialement,`, `Regards,`), so the name signs a letter; false when the next line
    /// gives a staff member's role or the organisation (`Directrice adjointe`, `Secretary General`,
    /// `Service de l'organisation scolaire`); nil when neither.
    private func signature(lineStart nameStart: Int, lineEnd: Int) -> Bool? {
        let start = lineStart(of: nameStart)
        // The next line.
        if lineEnd < limit, text[lineEnd] == 0x0A || text[lineEnd] == 0x0D {
            var next = lineEnd + 1
            if text[lineEnd] == 0x0D, next < limit, text[next] == 0x0A { next += 1 }
            next = text.skipSpaces(from: next, limit: limit)
            // Not a compound's first part (`ST-PIERRE Alice`, the next name of a list).
            if let (_, placeEnd) = Self.placeWords.matchIndex(in: text, at: next, limit: limit), placeEnd >= limit || text[placeEnd] != 0x2D { return false }
            // A role within the line's first three words (`Payroll Officer, Financial Services`).
            var word = next
            for _ in 0..<3 where word < limit && text.letterLength(at: word) > 0 {
                if Self.staffRoles.matchIndex(in: text, at: word, limit: limit) != nil { return false }
                word = text.wordEnd(from: word)
                guard text.spaceLength(at: word) > 0 else { break }
                word += text.spaceLength(at: word)
            }
        }
        // The line before, blank lines skipped.
        var end = start
        var blank = 0
        while end > 0, blank < 3 {
            end -= 1 // the line break
            var lineBegin = end
            while lineBegin > 0, text[lineBegin - 1] != 0x0A, end - lineBegin < 240 { lineBegin -= 1 }
            if text.skipSpaces(from: lineBegin, limit: end) >= end || (end - lineBegin == 1 && text[lineBegin] == 0x0D) {
                blank += 1
                end = lineBegin
                continue
            }
            return closes(lineBegin..<end) ? true : nil
        }
        return nil
    }

    /// True when a closing opens the line or ends it (`Cordialement,`, `Merci beaucoup!`,
    /// `…nos salutations distinguées.`): its first word and its last two are looked at, not
    /// every word (a class list asks this of every line).
    private func closes(_ line: Range<Int>) -> Bool {
        let first = text.skipSpaces(from: line.lowerBound, limit: line.upperBound)
        if Self.closings.matchIndex(in: text, at: first, limit: line.upperBound) != nil { return true }
        for word in previousWords(before: trimmedEnd(of: line), count: 2, throughColon: false)
        where Self.closings.matchIndex(in: text, at: word, limit: line.upperBound) != nil {
            return true
        }
        return false
    }

    /// Where a line ends without its closing punctuation and spaces.
    private func trimmedEnd(of line: Range<Int>) -> Int {
        var end = line.upperBound
        while end > line.lowerBound, text[end - 1] == 0x20 || text[end - 1] == 0x0D || text[end - 1] == 0x21
            || text[end - 1] == 0x2E || text[end - 1] == 0x2C || text[end - 1] == 0x09 { end -= 1 }
        return end
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The index before a run of spaces and tabs that ends at `index`.
    func skipSpacesBackward(from index: Int) -> Int {
        var position = index
        while position > 0, self[position - 1] == 0x20 || self[position - 1] == 0x09 { position -= 1 }
        return position
    }
}

/// Up to four word starts, kept inline: the words before a name, read on every name found.
struct WordStarts: Sequence, IteratorProtocol {
    private var starts = SIMD4<Int>(repeating: 0)
    private(set) var count = 0
    private var cursor = 0

    mutating func append(_ start: Int) {
        guard count < 4 else { return }
        starts[count] = start
        count += 1
    }

    var first: Int? { count > 0 ? starts[0] : nil }

    mutating func next() -> Int? {
        guard cursor < count else { return nil }
        cursor += 1
        return starts[cursor - 1]
    }
}
