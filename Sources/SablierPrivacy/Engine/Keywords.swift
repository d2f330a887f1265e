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
    /// A label whose value is a person's number (matricule, employee number…).
    case personNumber
    /// A label whose value is a bank account number.
    case bankAccount
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
struct KeywordSet: Sendable {
    let keywords: [Keyword]
    /// For each bucket (first letter × second byte class), where its keyword numbers start in `order`.
    private let bucketStart: [Int32]
    private let order: [Int16]

    private static let secondClasses = 28

    init(_ keywords: [Keyword]) {
        self.keywords = keywords
        var buckets = Array(repeating: [Int](), count: 26 * Self.secondClasses)
        for (index, keyword) in keywords.enumerated() {
            guard let bucket = Self.bucket(keyword.bytes.first, keyword.bytes.count > 1 ? keyword.bytes[1] : nil) else {
                preconditionFailure("keyword '\(keyword.text)' does not start with a letter")
            }
            buckets[bucket].append(index)
        }
        var starts: [Int32] = [0]
        var order: [Int16] = []
        for bucket in buckets {
            // Longest first: "nom de l'eleve" before "nom".
            order += bucket.sorted { keywords[$0].bytes.count > keywords[$1].bytes.count }.map { Int16($0) }
            starts.append(Int32(order.count))
        }
        bucketStart = starts
        self.order = order
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
        guard index < limit else { return nil }
        let first = text.folded(at: index)
        guard isLowerASCII(first.byte) else { return nil }
        let secondIndex = index + first.length
        let second: UInt8? = secondIndex < limit ? text.folded(at: secondIndex).byte : nil
        if let found = lookup(text, index: index, limit: limit, bucket: Self.bucket(first.byte, second)) { return found }
        // One-letter keywords ("m." is two bytes; none is one) need no second look.
        return nil
    }

    @inline(__always)
    private func lookup(_ text: UnsafeBufferPointer<UInt8>, index: Int, limit: Int, bucket: Int?) -> (keyword: Keyword, end: Int)? {
        guard let bucket else { return nil }
        let from = Int(bucketStart[bucket]), to = Int(bucketStart[bucket + 1])
        guard from < to else { return nil }
        for slot in from..<to {
            let keyword = keywords[Int(order[slot])]
            if let end = Self.matches(keyword, text, at: index, limit: limit) { return (keyword, end) }
        }
        return nil
    }

    /// Where `keyword` ends when it matches at `index`, or nil.
    static func matches(_ keyword: Keyword, _ text: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Int? {
        var position = index
        var next = 0
        let bytes = keyword.bytes
        while next < bytes.count {
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
        if keyword.wholeWord, text.isAlnum(at: position) { return nil }
        return position
    }

    /// The last keyword of the set that starts a word in `range`, with its position.
    func last(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (keyword: Keyword, at: Int)? {
        var position = range.upperBound
        while position > range.lowerBound {
            position -= 1
            guard !isContinuation(text[position]), !text.isLetter(before: position) else { continue }
            if let found = match(in: text, at: position, limit: range.upperBound) { return (found.keyword, position) }
        }
        return nil
    }

    /// The first keyword of the set that starts a word in `range`, with its position.
    func first(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (keyword: Keyword, at: Int)? {
        var position = range.lowerBound
        while position < range.upperBound {
            if !isContinuation(text[position]), !text.isLetter(before: position),
               let found = match(in: text, at: position, limit: range.upperBound) {
                return (found.keyword, position)
            }
            position += 1
        }
        return nil
    }
}
