/// What a word is among the name lists. A word may be several at once: `Guy` is a given name
/// and an English word, `Roy` a surname and a given name.
public struct NameKinds: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// A common given name (data/names/given-names.txt).
    public static let givenName = NameKinds(rawValue: 1)
    /// A common surname (data/names/surnames.txt).
    public static let surname = NameKinds(rawValue: 2)
    /// A common French or English word (data/names/common-words.txt): a name that is also one
    /// is a name only where the text's shape says so (`Mme Rose Petit`), not on its own.
    public static let commonWord = NameKinds(rawValue: 4)
}

/// The key of a folded word in the name lists: FNV-1a over its bytes, apostrophes left out.
///
/// Why a hash: the detector of names looks up every capitalised word of every text, at the
/// scan's speed (50 MB/s and more); a 64-bit hash is built while the word is folded, byte by
/// byte, with no allocation, and costs one or two probes of a table. Two words of the lists
/// sharing a hash is a chance of about one in 10¹⁰ (the lists' test checks there is none); a word
/// outside the lists taken for one of them, about one in 10¹⁴ a lookup, and it then only makes
/// a name candidate, which the shapes judge.
/// Apostrophes are left out so that `O'Brien` and `D'Amours` meet the sources' `OBRIEN`, `DAMOURS`.
public struct NameKey: Sendable, Hashable {
    public private(set) var hash: UInt64 = 0xCBF2_9CE4_8422_2325

    public init() {}

    /// Adds one folded byte (lowercase ASCII letter or `-`); an apostrophe is skipped.
    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        guard byte != 0x27 else { return }
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// The hash as the table holds it: never 0, which marks an empty slot.
    @inline(__always)
    var slotKey: UInt64 { hash == 0 ? 1 : hash }
}

/// The given-name and surname lists of data/names, looked up by the folded bytes of a word.
///
/// Why: a name without a label (`LAUZON, Guy`, `Bonjour Marie,`) is told from any capitalised
/// word by being a common given name or surname; the lists come from public sources under open
/// licences (data/names/README.md), never from leaked data. Built once (`shared`), from the
/// literals of `NameLists+Data.swift`, into an open-addressing table of 64-bit keys: a lookup
/// folds and hashes the word's bytes once and probes the table, with no allocation.
///
/// A hyphenated word (`Marc-André`, `Gagnon-Tremblay`) is looked up whole; when the whole is
/// not listed, it is a given name if every part is one, a surname if every part is one.
///
/// The table lives in memory allocated once and never freed (`shared` is a `static let`), read
/// through pointers so that a lookup touches no reference count.
public struct NameLists: @unchecked Sendable { // immutable after init; the pointers are never freed nor written again
    /// The lists of data/names, built at first use.
    public static let shared = NameLists(givenNames: givenNameText, surnames: surnameText, commonWords: commonWordText)

    /// How many given names, surnames and common words the lists hold.
    public let givenNameCount: Int
    public let surnameCount: Int
    public let commonWordCount: Int
    /// How many distinct keys the table holds: the number of distinct words of the three lists,
    /// unless two words share a hash (the lists' test checks that they do not).
    public let keyCount: Int

    private let keys: UnsafeMutablePointer<UInt64>
    private let kinds: UnsafeMutablePointer<UInt8>
    private let mask: Int
    private let shift: UInt64

    /// No word of the lists is longer: longer words are not looked up.
    static let longestWord = 48

    /// Lists as newline-separated folded words.
    init(givenNames: String, surnames: String, commonWords: String) {
        var entries: [UInt64: UInt8] = [:]
        func add(_ text: String, _ kind: NameKinds) -> Int {
            var count = 0
            for line in text.utf8.split(separator: 0x0A) where !line.isEmpty {
                var key = NameKey()
                for byte in line { key.append(byte) }
                entries[key.slotKey, default: 0] |= kind.rawValue
                count += 1
            }
            return count
        }
        givenNameCount = add(givenNames, .givenName)
        surnameCount = add(surnames, .surname)
        commonWordCount = add(commonWords, .commonWord)
        keyCount = entries.count

        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 2 { bits += 1 }
        let capacity = 1 << Int(bits)
        mask = capacity - 1
        shift = 64 - bits
        keys = .allocate(capacity: capacity)
        keys.initialize(repeating: 0, count: capacity)
        kinds = .allocate(capacity: capacity)
        kinds.initialize(repeating: 0, count: capacity)
        for (key, kind) in entries {
            var slot = Self.slot(key, shift)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            kinds[slot] = kind
        }
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// What the word whose key is `key` is; empty when it is in no list.
    @inline(__always)
    public func kinds(of key: NameKey) -> NameKinds {
        let wanted = key.slotKey
        var slot = Self.slot(wanted, shift)
        while true {
            let found = keys[slot]
            if found == wanted { return NameKinds(rawValue: kinds[slot]) }
            if found == 0 { return [] }
            slot = (slot + 1) & mask
        }
    }

    /// What a word already folded (lowercase ASCII letters, `-`, `'`) is.
    public func kinds(ofFolded word: UnsafeBufferPointer<UInt8>) -> NameKinds {
        guard word.count <= Self.longestWord else { return [] }
        var lookup = CompoundLookup()
        for byte in word {
            guard lookup.append(byte, in: self) else { return [] }
        }
        return lookup.finish(in: self)
    }

    /// What a word already folded is.
    public func kinds(ofFolded word: [UInt8]) -> NameKinds {
        word.withUnsafeBufferPointer { kinds(ofFolded: $0) }
    }

    /// What the word at `range` of UTF-8 text is, folded here as the engine folds (case and
    /// accents off, typographic apostrophes and dashes plain): `Léa`, `LAUZON`, `Marc‑André`.
    public func kinds(ofWordIn text: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> NameKinds {
        guard range.count <= Self.longestWord * 2, range.upperBound <= text.count else { return [] }
        var lookup = CompoundLookup()
        var index = range.lowerBound
        while index < range.upperBound {
            let (byte, length) = text.folded(at: index)
            guard lookup.append(byte, in: self) else { return [] }
            index += length
        }
        return lookup.finish(in: self)
    }

    /// What a word written as text is (folded here): for tests and for words typed by a person.
    public func kinds(of word: String) -> NameKinds {
        var bytes = Array(word.utf8)
        return bytes.withUnsafeMutableBufferPointer { kinds(ofWordIn: UnsafeBufferPointer($0), range: 0..<$0.count) }
    }

    /// Whether the folded word is a common given name.
    @inline(__always)
    public func isGivenName(_ folded: UnsafeBufferPointer<UInt8>) -> Bool { kinds(ofFolded: folded).contains(.givenName) }
    /// Whether the folded word is a common surname.
    @inline(__always)
    public func isSurname(_ folded: UnsafeBufferPointer<UInt8>) -> Bool { kinds(ofFolded: folded).contains(.surname) }
    /// Whether the folded word is a common French or English word (a name alone does not make it one).
    @inline(__always)
    public func isCommonWord(_ folded: UnsafeBufferPointer<UInt8>) -> Bool { kinds(ofFolded: folded).contains(.commonWord) }
    /// Whether the folded word is a common given name.
    public func isGivenName(_ folded: [UInt8]) -> Bool { kinds(ofFolded: folded).contains(.givenName) }
    /// Whether the folded word is a common surname.
    public func isSurname(_ folded: [UInt8]) -> Bool { kinds(ofFolded: folded).contains(.surname) }
    /// Whether the folded word is a common French or English word.
    public func isCommonWord(_ folded: [UInt8]) -> Bool { kinds(ofFolded: folded).contains(.commonWord) }
}

/// A word's key built byte by byte, with the key of each hyphen-separated part, so that a
/// compound the lists do not hold whole is judged by its parts in the same pass. The first
/// part's key is the whole key met at the first hyphen; a part key is kept only after it.
private struct CompoundLookup {
    var whole = NameKey()
    var part = NameKey()
    var partLength = 0
    var hyphens = 0
    /// The kinds every part so far has (given name, surname).
    var partsKinds: NameKinds = [.givenName, .surname]

    /// Adds a folded byte; false when it cannot be part of a listed name.
    @inline(__always)
    mutating func append(_ byte: UInt8, in lists: NameLists) -> Bool {
        if isLowerASCII(byte) || byte == 0x27 {
            whole.append(byte)
            if hyphens > 0 { part.append(byte) }
            partLength += 1
            return true
        }
        guard byte == 0x2D, partLength > 0 else { return false }
        closePart(in: lists)
        whole.append(byte)
        hyphens += 1
        return true
    }

    mutating func closePart(in lists: NameLists) {
        partsKinds.formIntersection(lists.kinds(of: hyphens == 0 ? whole : part))
        part = NameKey()
        partLength = 0
    }

    @inline(__always)
    mutating func finish(in lists: NameLists) -> NameKinds {
        guard partLength > 0 else { return [] }
        let found = lists.kinds(of: whole)
        guard found.isEmpty, hyphens > 0 else { return found }
        closePart(in: lists)
        return partsKinds.intersection([.givenName, .surname])
    }
}
