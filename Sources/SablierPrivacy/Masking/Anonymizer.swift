/// A de-identified copy of a text (Access Act, s. 73): every finding that identifies or reaches a
/// person replaced by its type and a number per distinct value within the text (`[nom 1]`,
/// `[nom 2]`, `[adresse 1]`, `[NAS 1]`), so that a reader can still follow who did what without
/// learning who. Health terms stay: once nobody can be identified they are no longer about someone.
///
/// It is de-identification by the detectors, not a proof of anonymity: what they miss stays in
/// the copy, which is why a person reads it before the original is destroyed.
public enum Anonymizer {
    /// What replacing did to a text: the text with each finding replaced, and how many
    /// replacements of each type, counting distinct values. Never the values themselves.
    public struct Result: Sendable, Hashable {
        public var text: String
        /// By type, most sensitive first.
        public var replacements: [Replacement]
    }

    /// The replacements of one type in one text.
    public struct Replacement: Sendable, Hashable, Codable {
        public var type: FindingType
        /// How many places were replaced.
        public var count: Int
        /// How many distinct values they held (`nom : 7 (3 valeurs distinctes)`).
        public var distinct: Int

        public init(type: FindingType, count: Int, distinct: Int) {
            self.type = type
            self.count = count
            self.distinct = distinct
        }
    }

    /// `text` with the findings' scalar ranges replaced; findings may come in any order and
    /// overlap (the union is replaced, under the type of the first).
    public static func anonymize(_ text: String, findings: [Finding]) -> String {
        replace(text, findings: findings).text
    }

    /// `text` with the findings' scalar ranges replaced by `[type N]`, N numbering the distinct
    /// values of that type in order of first appearance, and the count of replacements by type.
    public static func replace(_ text: String, findings: [Finding]) -> Result {
        let scalars = Array(text.unicodeScalars)
        var kept: [(range: Range<Int>, type: FindingType)] = []
        var end = 0
        for candidate in findings.filter({ $0.type != .health })
            .map({ (range: max(0, $0.start)..<min(scalars.count, $0.end), type: $0.type) })
            .filter({ !$0.range.isEmpty })
            .sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            if candidate.range.lowerBound < end, let last = kept.popLast() {
                // Overlapping findings are one replacement, covering both.
                let merged = last.range.lowerBound..<max(last.range.upperBound, candidate.range.upperBound)
                kept.append((merged, last.type))
                end = merged.upperBound
                continue
            }
            kept.append(candidate)
            end = candidate.range.upperBound
        }
        var numbers = ValueNumbers()
        for (range, type) in kept {
            let value = String(String.UnicodeScalarView(scalars[range]))
            numbers.add(type, value, civility: type == .personName ? Self.civility(before: range.lowerBound, in: scalars) : nil)
        }
        var out = String.UnicodeScalarView()
        var index = 0
        for (position, (range, type)) in kept.enumerated() {
            out.append(contentsOf: scalars[index..<range.lowerBound])
            out.append(contentsOf: "[\(type.label) \(numbers.number(at: position))]".unicodeScalars)
            index = range.upperBound
        }
        if index < scalars.count { out.append(contentsOf: scalars[index...]) }
        return Result(text: String(out), replacements: numbers.replacements)
    }

    /// The civility written just before a name (`M. Tremblay`, `Mme Tremblay` where the finding is
    /// `Tremblay` alone), folded (`m`, `mme`); nil when there is none.
    static func civility(before start: Int, in scalars: [Unicode.Scalar]) -> String? {
        var index = start
        while index > 0, scalars[index - 1] == " " { index -= 1 }
        if index > 0, scalars[index - 1] == "." { index -= 1 }
        let end = index
        while index > 0, end - index < 13, scalars[index - 1].properties.isAlphabetic { index -= 1 }
        guard index < end, index == 0 || !scalars[index - 1].properties.isAlphabetic else { return nil }
        let word = ValueNumbers.withoutAccents(String(String.UnicodeScalarView(scalars[index..<end])).lowercased())
        return ValueNumbers.civilities[word]
    }

    /// Numbers the values of each type in order of first appearance, the same value keeping its
    /// number. What counts as the same value (`key`): the same letters and digits in the same
    /// order, up to case, accents and punctuation; for an address, the same address once
    /// normalised (`PublicCharacter.normalisedAddress`: civic number, street, apartment,
    /// municipality); for a name of two words or more, also written `SURNAME, Given`, which is
    /// `Given Surname`. A name of one word (a surname or a given name alone) is that word and
    /// the civility before it: `M. Tremblay` and `Mme Tremblay` are two people, and neither is
    /// taken for `Léa Tremblay`, since nothing says who they are. Other word orders are other
    /// values (`Jean Paul` is not `Paul Jean`). One dictionary lookup per value.
    struct ValueNumbers {
        private(set) var numbers: [Int] = []
        private var numberOf: [FindingType: [String: Int]] = [:]
        private var counts: [FindingType: Int] = [:]

        /// Numbers one more value: its number is `numbers.last`.
        mutating func add(_ type: FindingType, _ value: String, civility: String? = nil) {
            let key = Self.key(value, type: type, civility: civility)
            let number: Int
            if let known = numberOf[type]?[key] {
                number = known
            } else {
                number = (numberOf[type]?.count ?? 0) + 1
                numberOf[type, default: [:]][key] = number
            }
            numbers.append(number)
            counts[type, default: 0] += 1
        }

        func number(at position: Int) -> Int { numbers[position] }

        /// By type, with how many places and how many distinct values (numbers) each held.
        var replacements: [Replacement] {
            counts.keys.sorted().map { type in
                Replacement(type: type, count: counts[type] ?? 0, distinct: numberOf[type]?.count ?? 0)
            }
        }

        /// What makes two values of `type` the same (see the type's comment).
        static func key(_ value: String, type: FindingType, civility: String? = nil) -> String {
            switch type {
            case .personName: return nameKey(value, civility: civility)
            case .address: return PublicCharacter.normalisedAddress(value) ?? foldedInOrder(value)
            default: return foldedInOrder(value)
            }
        }

        /// A name's words folded, in order, `SURNAME, Given` read as `Given Surname`; one word
        /// alone keeps the civility before it or inside the finding.
        static func nameKey(_ value: String, civility: String?) -> String {
            var before: [String] = []
            var after: [String] = []
            var afterComma = false
            var word = ""
            func flush() {
                if !word.isEmpty {
                    if afterComma { after.append(withoutAccents(word)) } else { before.append(withoutAccents(word)) }
                }
                word = ""
            }
            for scalar in value.unicodeScalars {
                if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                    word.append(String(scalar).lowercased())
                } else if scalar.properties.generalCategory != .nonspacingMark {
                    flush()
                    if scalar == "," { afterComma = true }
                }
            }
            flush()
            var words = after.isEmpty || before.isEmpty ? before + after : after + before
            var title = civility
            while let first = words.first, let folded = civilities[first] {
                title = folded
                words.removeFirst()
            }
            guard words.count < 2 else { return words.joined(separator: " ") }
            return (title.map { $0 + " " } ?? "") + words.joined()
        }

        /// A value's letters and digits, in order, folded.
        static func foldedInOrder(_ value: String) -> String {
            withoutAccents(String(value.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
                .map(Character.init)).lowercased())
        }

        static func withoutAccents(_ word: String) -> String {
            var out = String.UnicodeScalarView()
            for scalar in word.unicodeScalars {
                if let base = accentless[scalar] { out.append(base) } else { out.append(scalar) }
            }
            return String(out)
        }

        static let accentless: [Unicode.Scalar: Unicode.Scalar] = {
            var table: [Unicode.Scalar: Unicode.Scalar] = [:]
            for (base, accented) in [("a", "àâäáãå"), ("c", "ç"), ("e", "éèêë"), ("i", "îïíì"), ("o", "ôöóòõ"), ("u", "ùûüú"), ("y", "ÿý"), ("n", "ñ")] {
                for scalar in accented.unicodeScalars { table[scalar] = base.unicodeScalars.first! }
            }
            return table
        }()

        /// The civilities, folded, by what they say of the person (`Monsieur` is `M.`).
        static let civilities: [String: String] = [
            "m": "m", "monsieur": "m", "mr": "m", "mme": "mme", "madame": "mme", "mrs": "mme", "ms": "mme",
            "mlle": "mlle", "mademoiselle": "mlle", "miss": "mlle", "me": "me", "dr": "dr", "dre": "dre",
        ]
    }
}
