/// A finding while the text is scanned: byte offsets in the scan buffer, no excerpt yet.
struct RawFinding: Sendable {
    var type: FindingType
    var start: Int
    var end: Int
    var confidence: Int
    var reason: String
    /// For a name: its last word, folded, to recognise later mentions of the same person. Kept
    /// in memory during the scan only, never stored.
    var key: [UInt8]? = nil
}

/// One pass of the detectors over a buffer of UTF-8 text.
///
/// The pass walks the bytes once. A digit that starts a run sets off the number detectors
/// (with the letters just before it, for codes such as a NAM or a postal code); a word start
/// is looked up among the keywords (labels, health terms, dates of birth); an `@` sets off the
/// e-mail detector. Context words are looked for only around a candidate, in a small window.
/// Detectors live in `Detectors/`, one file per family of identifiers.
///
/// Kept small: every call of a non-mutating method from a detector (which mutates) copies the
/// whole value, so what a pass only reads lives behind one reference (`Settings`). At 264 bytes
/// those copies were a tenth of a dense scan.
struct Detection {
    let text: UnsafeBufferPointer<UInt8>
    /// Where the pass may read (the buffer's end); triggers stop earlier, at `run`'s bound.
    let limit: Int
    let settings: Settings
    var findings: [RawFinding] = []
    /// Whether findings get their reason (`PrivacyScanner.describesFindings`): when false,
    /// `add` never builds the reason it is given.
    var describes = true
    /// The names found so far in this pass, for their later mentions (bounded: `NameMemory`).
    var names = NameMemory()
    /// A table column headed by a student- or employee-number label, for the rows below it.
    var numberColumn = NumberColumn()

    /// What a pass reads and never changes.
    final class Settings: Sendable {
        let publicCharacter: PublicCharacter
        /// `Detection.triggers`, held here so the loop does not reach for a global at each word.
        let triggers: KeywordSet
        let fieldTriggers: KeywordSet

        init(publicCharacter: PublicCharacter) {
            self.publicCharacter = publicCharacter
            triggers = Detection.triggers
            fieldTriggers = Detection.fieldTriggers
        }
    }

    var publicCharacter: PublicCharacter { settings.publicCharacter }

    init(text: UnsafeBufferPointer<UInt8>, publicCharacter: PublicCharacter) {
        self.text = text
        limit = text.count
        settings = Settings(publicCharacter: publicCharacter)
    }

    /// Runs every detector on the triggers found in `range`; candidates may read past it.
    mutating func run(_ range: Range<Int>) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = text[index]
            if isDigit(byte) {
                if index > 0, isDigit(text[index - 1]) {
                    index += 1
                    continue
                }
                index = max(index + 1, number(at: index))
                continue
            }
            let letter = text.letterLength(at: index)
            if letter > 0 {
                if !text.isLetter(before: index), let resume = keyword(at: index) {
                    index = max(index + letter, resume)
                    continue
                }
                // Names without a label start only at a capital (most words do not).
                if text.isUppercaseLetter(at: index), !text.isLetter(before: index), let resume = unlabelledName(at: index) {
                    index = max(index + letter, resume)
                    continue
                }
                index = text.wordEnd(from: index)
                continue
            }
            if byte == 0x40 { email(at: index) }
            index += 1
        }
        finishUnlabelledNames()
    }

    /// The keyword starting at a word start, and what it sets off; returns where to resume
    /// when the detector consumed text.
    private mutating func keyword(at index: Int) -> Int? {
        if text[index] | 0x20 == 0x6E, let born = bornOn(at: index) { return born }
        // Labels count only at the start of a field: most words are not, and skip their lookup
        // (`de`, a label in an e-mail header, is the most frequent word of French text).
        let found = settings.triggers.match(in: text, at: index, limit: limit)
            ?? (atFieldStart(index) ? settings.fieldTriggers.match(in: text, at: index, limit: limit) : nil)
        guard let (keyword, end) = found else { return nil }
        switch keyword.action {
        case .health(let strong): return health(keyword, strong: strong, start: index, end: end)
        case .birth: return birthDate(after: end, keyword: keyword.text, labelStart: index)
        case .nameLabel: return labelledName(keyword, start: index, end: end)
        case .honorific: return honorificName(keyword, start: index, end: end)
        case .kin: return kinName(keyword, start: index, end: end)
        case .personNumber(let type): return personNumber(keyword, type, start: index, end: end)
        case .bankAccount: return labelledAccount(keyword, start: index, end: end)
        case .postOfficeBox: return postOfficeBox(keyword, start: index, end: end)
        case .context: return nil
        }
    }

    /// Every keyword that sets off a detector wherever it is…
    static let triggers = KeywordSet(
        healthKeywords + birthKeywords + honorificKeywords + kinKeywords + personNumberKeywords + bankLabelKeywords
            + StreetAddressReader.postOfficeBoxKeywords)
    /// …and the labels, which set it off only at the start of a field.
    static let fieldTriggers = KeywordSet(nameLabelKeywords)

    // MARK: - Recording

    /// Records a finding. The reason is an autoclosure: its interpolation runs only when
    /// findings are described.
    mutating func add(_ type: FindingType, _ range: Range<Int>, confidence: Int, _ reason: @autoclosure () -> String) {
        findings.append(RawFinding(type: type, start: range.lowerBound, end: range.upperBound, confidence: min(100, max(0, confidence)),
                                   reason: describes ? reason() : ""))
    }

    // MARK: - Context

    /// The nearest keyword of `set` before `index`, within `distance` bytes.
    func context(_ set: KeywordSet, before index: Int, within distance: Int) -> (keyword: Keyword, at: Int)? {
        let from = max(0, index - distance)
        return set.last(in: text, from..<index)
    }

    /// The first keyword of `set` after `index`, within `distance` bytes.
    func context(_ set: KeywordSet, after index: Int, within distance: Int) -> (keyword: Keyword, at: Int)? {
        set.first(in: text, index..<min(limit, index + distance))
    }

    /// Of several context sets, the one whose keyword is nearest before `index` (on a tie, the
    /// first set): one walk back over the window for all of them, not one per set.
    func nearest(_ sets: [KeywordSet], before index: Int, within distance: Int) -> (set: Int, keyword: Keyword, at: Int)? {
        var position = index
        let from = max(0, index - distance)
        while position > from {
            position -= 1
            guard KeywordSet.mayStart(text, at: position) else { continue }
            for number in sets.indices {
                if let (keyword, _) = sets[number].matchIndex(in: text, at: position, limit: index) {
                    return (number, sets[number].keywords[keyword], position)
                }
            }
        }
        return nil
    }

    /// `nearest` of two or three sets without building an array (a candidate number on dense
    /// text asks this on almost every line).
    func nearest(_ first: KeywordSet, _ second: KeywordSet, _ third: KeywordSet? = nil, before index: Int,
                 within distance: Int) -> (set: Int, keyword: Keyword, at: Int)? {
        var position = index
        let from = max(0, index - distance)
        while position > from {
            position -= 1
            guard KeywordSet.mayStart(text, at: position) else { continue }
            if let (keyword, _) = first.matchIndex(in: text, at: position, limit: index) { return (0, first.keywords[keyword], position) }
            if let (keyword, _) = second.matchIndex(in: text, at: position, limit: index) { return (1, second.keywords[keyword], position) }
            if let third, let (keyword, _) = third.matchIndex(in: text, at: position, limit: index) {
                return (2, third.keywords[keyword], position)
            }
        }
        return nil
    }

    /// True at the start of a field: the start of the text or a line, after a tab, `|`, `;` or
    /// a bullet, with only spaces between.
    func atFieldStart(_ index: Int) -> Bool {
        var position = index
        while position > 0 {
            let byte = text[position - 1]
            switch byte {
            case 0x20: position -= 1
            case 0x0A, 0x0D, 0x09, 0x7C, 0x3B: return true
            case 0xA0 where position >= 2 && text[position - 2] == 0xC2: position -= 2
            case 0xA2 where position >= 3 && text[position - 2] == 0x80 && text[position - 3] == 0xE2: return true // •
            default: return false
            }
        }
        return true
    }

    /// Past a label: spaces, an optional parenthesised qualifier (`(travail)`, `(as on
    /// passport)`), spaces, then `:`; returns the index after the colon, or nil.
    func colon(after index: Int) -> Int? {
        var position = text.skipSpaces(from: index, limit: limit)
        if position < limit, text[position] == 0x28 {
            let close = min(limit, position + 48)
            var inner = position + 1
            while inner < close, text[inner] != 0x29, text[inner] != 0x0A { inner += 1 }
            guard inner < close, text[inner] == 0x29 else { return nil }
            position = text.skipSpaces(from: inner + 1, limit: limit)
        }
        guard position < limit, text[position] == 0x3A else { return nil }
        return position + 1
    }

    // MARK: - Numbers

    /// A run of digit groups joined by single separators (space, `-`, `.`, no-break spaces, and
    /// `)` after a parenthesised area code): what the number detectors read.
    struct Groups {
        static let capacity = 8
        /// Inline storage (SIMD vectors): a digit run costs no allocation.
        private var starts = SIMD8<Int32>()
        private var ends = SIMD8<Int32>()
        /// The separator after each group but the last: ` `, `-`, `.` or `)`.
        private var separators = SIMD8<UInt8>()
        private(set) var count = 0

        func start(_ group: Int) -> Int { Int(starts[group]) }
        func end(_ group: Int) -> Int { Int(ends[group]) }
        func separator(_ group: Int) -> UInt8 { separators[group] }
        /// Where the last group ends.
        var end: Int { count == 0 ? 0 : Int(ends[count - 1]) }

        mutating func append(start: Int, end: Int) {
            starts[count] = Int32(start)
            ends[count] = Int32(end)
            count += 1
        }

        mutating func setSeparator(_ separator: UInt8, after group: Int) {
            separators[group] = separator
        }

        func length(_ group: Int) -> Int { Int(ends[group] - starts[group]) }

        /// True when the groups from `from` have these lengths (overloads, not an array: no allocation).
        func lengths(_ from: Int, _ a: Int) -> Bool {
            from < count && length(from) == a
        }

        func lengths(_ from: Int, _ a: Int, _ b: Int) -> Bool {
            from + 1 < count && length(from) == a && length(from + 1) == b
        }

        func lengths(_ from: Int, _ a: Int, _ b: Int, _ c: Int) -> Bool {
            from + 2 < count && length(from) == a && length(from + 1) == b && length(from + 2) == c
        }

        func lengths(_ from: Int, _ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Bool {
            from + 3 < count && length(from) == a && length(from + 1) == b && length(from + 2) == c && length(from + 3) == d
        }

        /// The separators between groups `from..<from+n` are all the same one, `a` or `b`.
        func sameSeparator(_ from: Int, _ n: Int, _ a: UInt8, _ b: UInt8) -> Bool {
            guard n > 1 else { return true }
            let first = separators[from]
            guard first == a || first == b else { return false }
            for index in from..<(from + n - 1) where separators[index] != first { return false }
            return true
        }
    }

    func groups(at index: Int) -> Groups {
        var groups = Groups()
        var position = index
        while groups.count < Groups.capacity {
            let start = position
            while position < limit, isDigit(text[position]) { position += 1 }
            groups.append(start: start, end: position)
            guard position < limit, groups.count < Groups.capacity else { break }
            var next = position
            var separator: UInt8 = 0
            let byte = text[next]
            if byte == 0x20 || byte == 0x2D || byte == 0x2E {
                separator = byte
                next += 1
            } else if byte == 0x29, groups.count == 1, position - start == 3, start > 0, text[start - 1] == 0x28 {
                separator = 0x29
                next += 1
                if next < limit, text[next] == 0x20 || text[next] == 0x2D { next += 1 }
            } else if let space = Optional(text.spaceLength(at: next)), space > 0 {
                separator = 0x20
                next += space
            } else {
                break
            }
            guard next < limit, isDigit(text[next]) else { break }
            groups.setSeparator(separator, after: groups.count - 1)
            position = next
        }
        return groups
    }

    /// True when the number that ends at `index` ends there: no letter or digit follows, nor a
    /// separator followed by a digit (which would make it part of a longer code).
    func numberEnds(at index: Int) -> Bool {
        guard index < limit else { return true }
        if text.isAlnum(at: index) { return false }
        let byte = text[index]
        if byte == 0x2D || byte == 0x2F || (byte == 0x2E && index + 1 < limit && isDigit(text[index + 1])) {
            return !(index + 1 < limit && isDigit(text[index + 1]))
        }
        return true
    }

    /// True when the number starting at `index` starts there: no letter or digit before it,
    /// nor a letter or digit joined to it by `-`, `/` or `.` (a budget code, a reference).
    func numberStarts(at index: Int) -> Bool {
        guard index > 0 else { return true }
        if text.isAlnum(before: index) { return false }
        let byte = text[index - 1]
        if byte == 0x2D || byte == 0x2F || byte == 0x2E || byte == 0x5F {
            return !text.isAlnum(before: index - 1)
        }
        return true
    }

    /// The number detectors at the start of a digit run; returns where the run ends.
    mutating func number(at index: Int) -> Int {
        if let end = codeWithLetters(at: index) { return end }
        let groups = groups(at: index)
        guard numberStarts(at: index) || (index > 0 && (text[index - 1] == 0x28 || text[index - 1] == 0x2B)) else {
            return groups.end
        }
        var first = 0
        while first < groups.count {
            let used = card(groups, from: first) ?? bankAccount(groups, from: first) ?? phone(groups, from: first)
                ?? socialInsuranceNumber(groups, from: first)
            if let used {
                first += used
            } else {
                first += 1
            }
            // A new number starts only after a space: the parts of `1-20-210-00-541` are no numbers.
            while first < groups.count, groups.separator(first - 1) != 0x20 { first += 1 }
        }
        // A civic number: one or two groups (`12-14`, `5-1234`) before a street.
        if groups.count <= 2 { streetAddress(groups) }
        if numberColumn.isActive { numberInColumn(groups) }
        return groups.end
    }

    /// True when the groups `from..<from+n` end a number (what follows is not glued to them).
    func ends(_ groups: Groups, _ from: Int, _ n: Int) -> Bool {
        let last = from + n - 1
        if last + 1 < groups.count { return groups.separator(last) == 0x20 }
        return numberEnds(at: groups.end(last))
    }

    /// Codes that start with letters: NAM and code permanent (4 letters), driver's licence,
    /// passports and postal codes. Returns the end of the code found.
    mutating func codeWithLetters(at index: Int) -> Int? {
        guard index > 0 else { return nil }
        if text.isLetter(before: index) {
            var letters = 0
            var start = index
            while start > 0, letters < 5, start - 1 >= 0, isASCIILetter(text[start - 1]) { start -= 1; letters += 1 }
            guard letters < 5, !text.isAlnum(before: start), !(start > 0 && (text[start - 1] == 0x2D || text[start - 1] == 0x5F)) else {
                return nil
            }
            switch letters {
            case 4: return fourLetterCode(letters: start, digits: index)
            case 2: return passport(start: start, digits: index)
            case 1: return driverLicence(start: start, digits: index) ?? passport(start: start, digits: index) ?? postalCode(start: start)
            default: return nil
            }
        }
        // `ABCD 1234 5678`: four letters, a space, the digits.
        if index >= 6, text[index - 1] == 0x20 {
            let start = index - 5
            for position in start..<(index - 1) where !isUpperASCII(text[position]) { return nil }
            guard !text.isAlnum(before: start) else { return nil }
            return fourLetterCode(letters: start, digits: index)
        }
        return nil
    }
}
