/// What a keyword met at the start of a word sets off.
enum KeywordAction: Sendable, Hashable {
    /// A health or special-needs term: strong ones (diagnosis, medication, allergy…) or weak ones
    /// (health, psychologist…).
    case health(strong: Bool)
    /// A date of birth follows (date de naissance, DOB…).
    case birth
    /// A label whose value is a person's name, at the start of a field and followed by `:`.
    case nameLabel
    /// Madame, Monsieur, Mme, Mr… before a name.
    case honorific
    /// votre fils, your daughter… before a name.
    case kin
    /// A label whose value is a person's number in the organisation: a student's
    /// (`.studentNumber`: numéro de fiche, student ID…) or an employee's (`.employeeNumber`:
    /// matricule, employee number…).
    case personNumber(FindingType)
    /// A label whose value is a bank account number.
    case bankAccount
    /// A post office box follows (`C.P.`, `case postale`, `P.O. Box`).
    case postOfficeBox
    /// Only a context word, looked for around a candidate.
    case context
}

/// A keyword in folded form (lowercase ASCII, accents off; a space matches any run of space).
struct Keyword: Sendable, Hashable {
    let bytes: [UInt8]
    let action: KeywordAction
    /// Must end at a word boundary (short keywords), or may be a word's beginning.
    let wholeWord: Bool
    /// The keyword as written, for reasons.
    let text: String

    /// `spec` is the folded keyword; a leading `=` forces a whole-word match, a leading `~`
    /// allows a prefix match; otherwise keywords under five letters are whole words.
    init(_ spec: String, _ action: KeywordAction) {
        var text = spec
        var whole: Bool?
        if text.hasPrefix("=") { whole = true; text.removeFirst() }
        if text.hasPrefix("~") { whole = false; text.removeFirst() }
        self.text = text
        bytes = Array(text.utf8)
        self.action = action
        wholeWord = whole ?? (bytes.count < 5)
    }
}

/// A set of keywords matched at a position of folded text, indexed by their first two folded
/// bytes so that a word start costs one table lookup when no keyword begins that way.
///
/// The keywords' bytes and the index live in memory allocated once and never freed (every set
/// is a `static let`), read through pointers: matching, done at every word start of every
/// text, then touches no reference count.
struct KeywordSet: @unchecked Sendable { // immutable after init; the pointers are never freed nor written again
    let keywords: [Keyword]
    private let bytes: UnsafeMutablePointer<UInt8>
    private let entries: UnsafeMutablePointer<Entry>
    /// For each bucket (first letter × second byte class), where its keyword numbers start in `order`.
    private let bucketStart: UnsafeMutablePointer<Int32>
    private let order: UnsafeMutablePointer<Int16>
    /// One bit per three ASCII letters (26³): set when a keyword may start so. A word whose first
    /// three bytes are ASCII letters with no bit set is rejected in a few instructions, which is
    /// what most words of a text are.
    private let prefixes: UnsafeMutablePointer<UInt64>
    private static let prefixWords = (26 * 26 * 26 + 63) / 64

    private struct Entry {
        var offset: Int32
        var length: Int32
        var wholeWord: Bool
        /// The keyword's third byte (0 when it has two): compared before the whole keyword is.
        var third: UInt8
    }

    private static let secondClasses = 28

    init(_ keywords: [Keyword]) {
        self.keywords = keywords
        let total = keywords.reduce(0) { $0 + $1.bytes.count }
        bytes = .allocate(capacity: max(1, total))
        entries = .allocate(capacity: max(1, keywords.count))
        var offset = 0
        for (index, keyword) in keywords.enumerated() {
            for (position, byte) in keyword.bytes.enumerated() { bytes[offset + position] = byte }
            entries[index] = Entry(offset: Int32(offset), length: Int32(keyword.bytes.count), wholeWord: keyword.wholeWord,
                                   third: keyword.bytes.count > 2 ? keyword.bytes[2] : 0)
            offset += keyword.bytes.count
        }
        var buckets = Array(repeating: [Int](), count: 26 * Self.secondClasses)
        for (index, keyword) in keywords.enumerated() {
            guard let bucket = Self.bucket(keyword.bytes.first, keyword.bytes.count > 1 ? keyword.bytes[1] : nil) else {
                preconditionFailure("keyword '\(keyword.text)' does not start with a letter")
            }
            buckets[bucket].append(index)
        }
        bucketStart = .allocate(capacity: buckets.count + 1)
        order = .allocate(capacity: max(1, keywords.count))
        var filled = 0
        for (bucket, members) in buckets.enumerated() {
            bucketStart[bucket] = Int32(filled)
            // Longest first: "nom de l'eleve" before "nom".
            for member in members.sorted(by: { keywords[$0].bytes.count > keywords[$1].bytes.count }) {
                order[filled] = Int16(member)
                filled += 1
            }
        }
        bucketStart[buckets.count] = Int32(filled)
        prefixes = .allocate(capacity: Self.prefixWords)
        prefixes.initialize(repeating: 0, count: Self.prefixWords)
        for keyword in keywords {
            let bytes = keyword.bytes
            guard bytes.count >= 2, isLowerASCII(bytes[0]), isLowerASCII(bytes[1]) else { continue }
            let thirds: [UInt8] = bytes.count == 2 ? Array(0x61...0x7A) : (isLowerASCII(bytes[2]) ? [bytes[2]] : [])
            for third in thirds {
                let key = (Int(bytes[0] - 0x61) * 26 + Int(bytes[1] - 0x61)) * 26 + Int(third - 0x61)
                prefixes[key >> 6] |= 1 << UInt64(key & 63)
            }
        }
    }

    init(_ specs: [String], _ action: KeywordAction = .context) {
        self.init(specs.map { Keyword($0, action) })
    }

    @inline(__always)
    private static func bucket(_ first: UInt8?, _ second: UInt8?) -> Int? {
        guard let first, isLowerASCII(first) else { return nil }
        let column: Int
        if let second {
            column = isLowerASCII(second) ? Int(second - 0x61) : second == 0x20 ? 26 : 27
        } else {
            column = 27
        }
        return Int(first - 0x61) * secondClasses + column
    }

    /// The longest keyword matching at `index` (a word start), and where it ends.
    @inline(__always)
    func match(in text: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> (keyword: Keyword, end: Int)? {
        guard let (number, end) = matchIndex(in: text, at: index, limit: limit) else { return nil }
        return (keywords[number], end)
    }

    /// The number of the longest keyword matching at `index`, and where it ends.
    @inline(__always)
    func matchIndex(in text: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> (Int, Int)? {
        guard index < limit else { return nil }
        if index + 2 < limit {
            let a = text[index] | 0x20, b = text[index + 1] | 0x20, c = text[index + 2] | 0x20
            if isLowerASCII(a), isLowerASCII(b), isLowerASCII(c) {
                let key = (Int(a - 0x61) * 26 + Int(b - 0x61)) * 26 + Int(c - 0x61)
                if prefixes[key >> 6] & (1 << UInt64(key & 63)) == 0 { return nil }
            }
        }
        let first = text.folded(at: index)
        guard isLowerASCII(first.byte) else { return nil }
        let secondIndex = index + first.length
        let second: UInt8? = secondIndex < limit ? text.folded(at: secondIndex).byte : nil
        guard let bucket = Self.bucket(first.byte, second) else { return nil }
        let from = Int(bucketStart[bucket]), to = Int(bucketStart[bucket + 1])
        guard from < to else { return nil }
        // The text's third folded byte, once, to skip most keywords of the bucket at a glance.
        var third: UInt8 = 0
        if second != nil, second != 0x20 {
            let secondLength = text.folded(at: secondIndex).length
            if secondIndex + secondLength < limit { third = text.folded(at: secondIndex + secondLength).byte }
        }
        var slot = from
        while slot < to {
            let number = Int(order[slot])
            let entry = entries[number]
            if entry.third == 0 || entry.third == third,
               let end = matches(entry, text, at: index, limit: limit) {
                return (number, end)
            }
            slot += 1
        }
        return nil
    }

    /// Where the keyword of `entry` ends when it matches at `index`, or nil.
    @inline(__always)
    private func matches(_ entry: Entry, _ text: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Int? {
        var position = index
        var next = Int(entry.offset)
        let end = next + Int(entry.length)
        while next < end {
            guard position < limit else { return nil }
            let expected = bytes[next]
            let found = text.folded(at: position)
            guard found.byte == expected else { return nil }
            position += found.length
            if expected == 0x20 {
                while position < limit {
                    let more = text.folded(at: position)
                    guard more.byte == 0x20 else { break }
                    position += more.length
                }
            }
            next += 1
        }
        if entry.wholeWord, text.isAlnum(at: position) { return nil }
        return position
    }

    /// True when a keyword may start at `position`: a byte that folds to a letter (an ASCII
    /// letter, or the lead byte of `é`, `œ`, `º`…) with no letter just before. Context windows
    /// are walked byte by byte, so most bytes are turned away here, before any lookup.
    @inline(__always)
    static func mayStart(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let byte = text[position]
        guard isASCIILetter(byte) || byte == 0xC3 || byte == 0xC2 || byte == 0xC5 else { return false }
        return !text.isLetter(before: position)
    }

    /// The last keyword of the set that starts a word in `range`, with its position.
    func last(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (keyword: Keyword, at: Int)? {
        var position = range.upperBound
        while position > range.lowerBound {
            position -= 1
            guard Self.mayStart(text, at: position) else { continue }
            if let (number, _) = matchIndex(in: text, at: position, limit: range.upperBound) { return (keywords[number], position) }
        }
        return nil
    }

    /// The first keyword of the set that starts a word in `range`, with its position.
    func first(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (keyword: Keyword, at: Int)? {
        var position = range.lowerBound
        while position < range.upperBound {
            if Self.mayStart(text, at: position),
               let (number, _) = matchIndex(in: text, at: position, limit: range.upperBound) {
                return (keywords[number], position)
            }
            position += 1
        }
        return nil
    }
}
