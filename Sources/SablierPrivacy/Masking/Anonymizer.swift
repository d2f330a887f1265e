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
        /// How many distinct values they held (`nom : 7 (3 personnes)`).
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
        let numbers = ValueNumbers(kept.map { (type: $0.type, value: String(String.UnicodeScalarView(scalars[$0.range]))) })
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

    /// Numbers the values of each type: the same value (compared without case, accents,
    /// punctuation or word order: `TREMBLAY, Léa` is `Léa Tremblay`) gets the same number; a
    /// name whose words are all in exactly one longer name (`M. Tremblay` after `Léa Tremblay`)
    /// is that person.
    struct ValueNumbers {
        private var numbers: [Int] = []
        private(set) var replacements: [Replacement] = []

        init(_ values: [(type: FindingType, value: String)]) {
            let keys = values.map { Self.key($0.value, type: $0.type) }
            // The distinct values of each type, in order of first appearance.
            var distinct: [FindingType: [Set<String>]] = [:]
            var seen: [FindingType: Set<Set<String>>] = [:]
            for (index, key) in keys.enumerated() where seen[values[index].type, default: []].insert(key).inserted {
                distinct[values[index].type, default: []].append(key)
            }
            // Each distinct value's number: the full values first (a name not contained in
            // another), then a part of a name as the one person whose name holds it, else as
            // a person of its own, since nothing says which.
            var numberOf: [FindingType: [Set<String>: Int]] = [:]
            for (type, keys) in distinct {
                var assigned: [Set<String>: Int] = [:]
                var full: [Set<String>] = []
                var parts: [Set<String>] = []
                for key in keys {
                    if type == .personName, !key.isEmpty, keys.contains(where: { key.isStrictSubset(of: $0) }) {
                        parts.append(key)
                    } else {
                        full.append(key)
                        assigned[key] = full.count
                    }
                }
                var next = full.count
                for part in parts {
                    let holders = full.filter { part.isStrictSubset(of: $0) }
                    if holders.count == 1, let number = assigned[holders[0]] {
                        assigned[part] = number
                    } else {
                        next += 1
                        assigned[part] = next
                    }
                }
                numberOf[type] = assigned
            }
            var counts: [FindingType: Int] = [:]
            var used: [FindingType: Set<Int>] = [:]
            for (index, key) in keys.enumerated() {
                let type = values[index].type
                let number = numberOf[type]?[key] ?? 1
                numbers.append(number)
                counts[type, default: 0] += 1
                used[type, default: []].insert(number)
            }
            replacements = counts.keys.sorted().map { type in
                Replacement(type: type, count: counts[type] ?? 0, distinct: used[type]?.count ?? 0)
            }
        }

        func number(at position: Int) -> Int { numbers[position] }

        /// The words of a value, folded: letters and digits only, lowercase, without accents;
        /// civilities left out of names.
        static func key(_ value: String, type: FindingType) -> Set<String> {
            var words: Set<String> = []
            var word = ""
            func flush() {
                if !word.isEmpty, !(type == .personName && civilities.contains(word)) { words.insert(word) }
                word = ""
            }
            for scalar in value.unicodeScalars {
                if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                    word.append(String(scalar).lowercased())
                } else if scalar.properties.generalCategory != .nonspacingMark {
                    flush()
                }
            }
            flush()
            guard type == .personName else {
                // One word, in order: for numbers and addresses the order is the value.
                return [words.isEmpty ? "" : Self.foldedInOrder(value)]
            }
            return Set(words.map(Self.withoutAccents))
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

        static let civilities: Set<String> = ["m", "mme", "mlle", "me", "dr", "dre", "mr", "mrs", "ms", "miss", "monsieur", "madame", "mademoiselle"]
    }
}
