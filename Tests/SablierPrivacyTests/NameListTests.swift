import Foundation
import SablierPrivacy
import SablierTestSupport
import Testing

/// The given-name and surname lists the detector of names without a label looks words up in:
/// real lookups through the engine's folding, the lists' sizes, and the Swift data file held to
/// the lists of record in data/names (a list edited without regenerating fails here).
@Suite("Name lists (data/names)")
struct NameListTests {
    let lists = NameLists.shared

    /// The entries of a list of data/names, comments left out.
    static func entries(_ file: String) throws -> [String] {
        let url = Fixtures.root.appendingPathComponent("data/names").appendingPathComponent(file)
        return try String(contentsOf: url, encoding: .utf8)
            .split(separator: "\n")
            .map(String.init)
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }

    @Test("Quebec, French and English surnames are surnames, whatever their case and accents")
    func surnames() {
        for name in ["Tremblay", "GAGNON", "Nguyen", "Smith", "Côté", "COTE", "Lévesque", "Bélanger", "Ouellet", "Pelletier", "O'Brien", "O’Brien"] {
            #expect(lists.kinds(of: name).contains(.surname), "\(name)")
        }
    }

    @Test("Given names: accents folded, a compound whole or by its parts, typographic hyphens plain")
    func givenNames() {
        for name in ["Léa", "LEA", "Marc-André", "Marc‑André", "Marc–André", "Guy", "Emma", "Gaétan", "Ginette", "Réjean", "Kevin", "Noémie"] {
            #expect(lists.kinds(of: name).contains(.givenName), "\(name)")
        }
        // Not listed whole: each part is a given name.
        #expect(lists.kinds(of: "Noémie-Ginette").contains(.givenName))
        #expect(lists.kinds(of: "Léa-Directeur") == [])
        // A double surname, each part a surname and not a given name.
        #expect(lists.kinds(of: "Gagnon-Tremblay") == [.surname])
    }

    @Test("Street types, roles and school words are no one's name")
    func notNames() {
        for word in ["rue", "avenue", "boulevard", "chemin", "directeur", "directrice", "école", "élève", "Madame", "the", "de", "la", "Bonjour"] {
            #expect(!lists.kinds(of: word).contains(.givenName), "\(word)")
            #expect(!lists.kinds(of: word).contains(.surname), "\(word)")
        }
    }

    @Test("A name that is also a common word says so; a plain name does not")
    func commonWords() {
        #expect(lists.kinds(of: "Rose") == [.givenName, .surname, .commonWord])
        #expect(lists.kinds(of: "Pierre").isSuperset(of: [.givenName, .commonWord]))
        #expect(lists.kinds(of: "White").isSuperset(of: [.surname, .commonWord]))
        #expect(lists.kinds(of: "Will").isSuperset(of: [.givenName, .commonWord]))
        #expect(!lists.kinds(of: "Tremblay").contains(.commonWord))
        #expect(!lists.kinds(of: "Emma").contains(.commonWord))
    }

    @Test("Words that cannot be names: digits, other scripts, empty, a lone hyphen, too long")
    func malformedWords() {
        for word in ["", "-", "Léa-", "-Léa", "Lé--a", "L3a", "Λέα", "Léa Tremblay", String(repeating: "a", count: 60)] {
            #expect(lists.kinds(of: word) == [], "\(word)")
        }
    }

    @Test("Lookups by folded bytes and by a range of raw UTF-8 text agree with the text lookup")
    func byteLookups() {
        #expect(lists.isSurname(Array("tremblay".utf8)))
        #expect(lists.isGivenName(Array("marc-andre".utf8)))
        #expect(lists.isCommonWord(Array("rose".utf8)))
        #expect(!lists.isGivenName(Array("Tremblay".utf8)))  // folded bytes only: uppercase is not folded here
        let text = "Madame LAUZON, Gaétane-Léa; rue des Érables"
        let bytes = Array(text.utf8)
        func range(of word: String) -> Range<Int> {
            let start = text.utf8.distance(from: text.utf8.startIndex, to: text.range(of: word)!.lowerBound)
            return start..<(start + word.utf8.count)
        }
        bytes.withUnsafeBufferPointer { buffer in
            #expect(lists.kinds(ofWordIn: buffer, range: range(of: "LAUZON")) == [.surname])
            #expect(lists.kinds(ofWordIn: buffer, range: range(of: "Gaétane-Léa")).contains(.givenName))
            #expect(lists.kinds(ofWordIn: buffer, range: range(of: "rue")) == [])
            #expect(lists.kinds(ofWordIn: buffer, range: range(of: "Érables")) == [])
            #expect(lists.kinds(ofWordIn: buffer, range: 0..<200) == [])  // past the text's end
        }
    }

    @Test("The lists' sizes, and the Swift data file holds exactly the lists of data/names")
    func listsOfRecord() throws {
        let given = try Self.entries("given-names.txt")
        let surnames = try Self.entries("surnames.txt")
        let common = try Self.entries("common-words.txt") + Self.entries("english-words.txt")
        let excluded = try Self.entries("not-names.txt")
        #expect((15000...20000).contains(given.count))
        #expect((25000...30000).contains(surnames.count))
        #expect(lists.givenNameCount == given.count)
        #expect(lists.surnameCount == surnames.count)
        #expect(lists.commonWordCount == Set(common).count)
        #expect(given == given.sorted() && surnames == surnames.sorted())
        // Every listed word is found as what it is listed as, and no key is shared by two words.
        for name in given where !lists.isGivenName(Array(name.utf8)) { Issue.record("given name not found: \(name)") }
        for name in surnames where !lists.isSurname(Array(name.utf8)) { Issue.record("surname not found: \(name)") }
        for word in common where !lists.isCommonWord(Array(word.utf8)) { Issue.record("common word not found: \(word)") }
        #expect(lists.keyCount == Set(given + surnames + common).count)
        // The words left out are out of both lists.
        for word in excluded {
            #expect(!lists.isGivenName(Array(word.utf8)) && !lists.isSurname(Array(word.utf8)), "\(word)")
        }
    }
}
