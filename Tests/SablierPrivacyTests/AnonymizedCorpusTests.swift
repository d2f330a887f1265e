import Foundation
import SablierExtraction
import SablierPrivacy
import SablierTestSupport
import Testing

/// The anonymised copy of every held-out document that holds personal information, made as the
/// `anonymiser` measure makes it (every finding of the scan replaced) and scanned again: issue 17
/// asks that no name, address or identifier of the original stay in it, because a copy Sablier
/// calls anonymised is kept after the original is destroyed (Access Act, s. 73).
///
/// What today's detectors miss is listed in `knownMisses`, each with its reason, so the list says
/// honestly what the copy still holds; a miss that is fixed must leave the list, so it stays true.
@Suite("The anonymised copy of each held-out document keeps no labelled value of the original")
struct AnonymizedCorpusTests {
    /// A value of the original that stays in its anonymised copy, named by its document and the
    /// index of its label in manifest-heldout.json (never by the value, which is personal even
    /// when invented). `label` nil: a finding the rescan of the copy makes that is no label.
    struct KnownMiss: CustomStringConvertible {
        var file: String
        var type: String
        var label: Int?
        var reason: String

        var description: String { "\(file) label \(label.map(String.init) ?? "-") (\(type)): \(reason)" }
    }

    /// What the detectors leave in the copies, measured on the held-out split on 2026-12-05 with
    /// issue 17's detectors in place, by offsets (a label partly replaced counts), after h19's
    /// paragraph was rewritten (6636cf0) and student numbers under a table's heading were found
    /// (fcf0c14).
    static let knownMisses: [KnownMiss] = [
        KnownMiss(file: "h19-courriel-absence.txt", type: "person-name", label: 7,
                  reason: "a child's given name alone after « la petite », in no surname's company"),
        KnownMiss(file: "h19-courriel-absence.txt", type: "person-name", label: 9,
                  reason: "a family's surname alone after « les », with no given name or civility"),
        KnownMiss(file: "h24-offer-letter.docx", type: "employee-number", label: 6,
                  reason: "an employee number three words after its label (« employee ID will be »), in a sentence"),
    ]

    /// How one label stands in a document's copy, checked by offsets in the original: every
    /// letter and digit of each of its occurrences (whole words, compared without case and with
    /// runs of spaces as one) must lie inside a replaced range, so a label partly replaced
    /// (`[nom 1]` followed by the second half of a surname, `[adresse 1]` followed by the
    /// apartment) counts as left in the copy, not only a label left whole.
    struct Coverage: Equatable {
        /// Occurrences of the label in the original.
        var occurrences = 0
        /// Occurrences with a letter or digit outside every replaced range.
        var uncovered = 0
    }

    /// The scalars of `scalars` lowercased, each run of whitespace one space, with the index in
    /// `scalars` each came from, so a label found in the normalised text is placed in the original.
    static func normalised(_ scalars: [Unicode.Scalar]) -> (scalars: [Unicode.Scalar], origin: [Int]) {
        var normalised: [Unicode.Scalar] = []
        var origin: [Int] = []
        var inSpace = false
        for (index, scalar) in scalars.enumerated() {
            if scalar.properties.isWhitespace {
                if !inSpace, !normalised.isEmpty {
                    normalised.append(" ")
                    origin.append(index)
                }
                inSpace = true
                continue
            }
            inSpace = false
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                normalised.append(lower)
                origin.append(index)
            }
        }
        return (normalised, origin)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Where `label` stands in `text` and whether each occurrence is wholly inside `replaced`
    /// (scalar ranges of the original, as findings give them). Whole words only: "Rose" is not in
    /// "Rosemont", "15, rang x" is not in "915, rang x".
    static func coverage(of label: String, in text: String, replaced: [Range<Int>]) -> Coverage {
        let original = Array(text.unicodeScalars)
        var covered = [Bool](repeating: false, count: original.count)
        for range in replaced {
            for index in max(0, range.lowerBound)..<min(original.count, max(range.upperBound, range.lowerBound)) { covered[index] = true }
        }
        let haystack = normalised(original)
        let needle = normalised(Array(label.unicodeScalars)).scalars
        var coverage = Coverage()
        guard !needle.isEmpty, needle.count <= haystack.scalars.count else { return coverage }
        for start in 0...(haystack.scalars.count - needle.count) where haystack.scalars[start] == needle[0] {
            let end = start + needle.count
            guard Array(haystack.scalars[start..<end]) == needle else { continue }
            if start > 0, isWordScalar(haystack.scalars[start - 1]), isWordScalar(needle[0]) { continue }
            if end < haystack.scalars.count, isWordScalar(haystack.scalars[end]), isWordScalar(needle[needle.count - 1]) { continue }
            coverage.occurrences += 1
            let first = haystack.origin[start]
            let last = haystack.origin[end - 1]
            if (first...last).contains(where: { isWordScalar(original[$0]) && !covered[$0] }) { coverage.uncovered += 1 }
        }
        return coverage
    }

    struct Outcome {
        /// Labels of the original not wholly replaced in their copy: "file label N (type)".
        var leaks: [String] = []
        /// Labels the check could not place in their original (it would pass them unchecked).
        var notFound: [String] = []
        /// Flagging findings of the rescanned copies that no known miss explains: "file (type)".
        var unexplainedRescanFindings: [String] = []
        /// Known misses that no longer happen.
        var stale: [KnownMiss] = []
        var copies = 0
        var labelsChecked = 0
    }

    static func measure(knownMisses: [KnownMiss]) throws -> Outcome {
        let root = CorpusEvaluation.root
        let manifest = try JSONDecoder().decode(CorpusEvaluation.Manifest.self,
                                                from: Data(contentsOf: root.appendingPathComponent("manifest-heldout.json")))
        let scanner = PrivacyScanner(publicCharacter: try CorpusEvaluation.publicCharacter(), maximumFindings: .max)
        var outcome = Outcome()
        var used = Set<Int>()
        for document in manifest.documents where document.flagged == true && (document.outcome ?? "read") == "read" {
            let file = String(document.file.split(separator: "/").last ?? "")
            var bytes: [UInt8] = []
            try TextExtractor().extract(fileAt: root.appendingPathComponent(document.file).path) { chunk in
                bytes.append(contentsOf: chunk)
            }
            let text = String(decoding: bytes, as: UTF8.self)
            // As the anonymiser measure does: every finding, flagging or not, replaced; health
            // terms stay (Anonymizer keeps them, and they are not labels checked here).
            let findings = scanner.scan(text).findings
            let replaced = findings.filter { $0.type != .health }.map { $0.start..<$0.end }
            let copy = Anonymizer.anonymize(text, findings: findings)
            outcome.copies += 1
            let misses = knownMisses.indices.filter { knownMisses[$0].file == file }
            var leaked: [(index: Int, label: CorpusEvaluation.Label)] = []
            for (index, label) in document.labels.enumerated() where label.type != FindingType.health.rawValue {
                outcome.labelsChecked += 1
                let coverage = Self.coverage(of: label.text, in: text, replaced: replaced)
                if coverage.occurrences == 0 { outcome.notFound.append("\(file) label \(index) (\(label.type))") }
                guard coverage.uncovered > 0 else { continue }
                leaked.append((index, label))
                if let known = misses.first(where: { knownMisses[$0].label == index && knownMisses[$0].type == label.type }) {
                    used.insert(known)
                } else {
                    outcome.leaks.append("\(file) label \(index) (\(label.type)): \(coverage.uncovered) of \(coverage.occurrences) not wholly replaced")
                }
            }
            // The copy scanned again: anything it still flags must be a known miss.
            let scalars = Array(copy.unicodeScalars)
            for finding in scanner.scan(copy).findings where finding.flags {
                let found = CorpusEvaluation.normalised(String(String.UnicodeScalarView(scalars[finding.start..<finding.end])))
                let explained = misses.first { index in
                    let miss = knownMisses[index]
                    guard miss.type == finding.type.rawValue else { return false }
                    guard let label = miss.label else { return !used.contains(index) }
                    guard let leak = leaked.first(where: { $0.index == label }) else { return false }
                    let value = CorpusEvaluation.normalised(leak.label.text)
                    return found.contains(value) || value.contains(found)
                }
                if let explained {
                    used.insert(explained)
                } else {
                    outcome.unexplainedRescanFindings.append("\(file) (\(finding.type.rawValue))")
                }
            }
        }
        outcome.stale = knownMisses.indices.filter { !used.contains($0) }.map { knownMisses[$0] }
        return outcome
    }

    @Test("held-out split: no name, address or identifier of an original stays in its anonymised copy, but the known misses")
    func heldOutCopies() throws {
        let outcome = try Self.measure(knownMisses: Self.knownMisses)
        print("anonymised copies of the held-out split: \(outcome.copies) documents, \(outcome.labelsChecked) labelled values checked, "
            + "\(Self.knownMisses.count) known misses")
        for leak in outcome.leaks { print("  left in the copy: \(leak)") }
        for finding in outcome.unexplainedRescanFindings { print("  flagged again in the copy: \(finding)") }
        #expect(outcome.copies >= 20, "the held-out split has lost documents holding personal information")
        #expect(outcome.notFound.isEmpty, "labels not found in their original's text, so not checked: \(outcome.notFound)")
        #expect(outcome.leaks.isEmpty, "values of the original left in its anonymised copy: \(outcome.leaks)")
        #expect(outcome.unexplainedRescanFindings.isEmpty, "the rescan of a copy flags: \(outcome.unexplainedRescanFindings)")
        #expect(outcome.stale.isEmpty, "known misses that no longer happen (remove them): \(outcome.stale)")
    }

    @Test("the check sees a label left whole or in part, and only whole words")
    func leakIsSeen() {
        // Invented values, none of the corpus: the held-out test above passes only if this check
        // can fail, so each way a value stays in a copy must be seen.
        let text = "Madame Rosanne Vandermeulen\n915, rang du Ruisseau-Doré, app. 12\nTéléphone : 873 555-0192\n"
        let name = "Rosanne Vandermeulen"
        let address = "915, rang du Ruisseau-Doré, app. 12"
        func range(of value: String) -> Range<Int> {
            let start = text.range(of: value).map { text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: $0.lowerBound) } ?? 0
            return start..<(start + value.unicodeScalars.count)
        }
        // No finding replaced: every label is left.
        #expect(Self.coverage(of: name, in: text, replaced: []) == Coverage(occurrences: 1, uncovered: 1))
        #expect(Self.coverage(of: "873 555-0192", in: text, replaced: []) == Coverage(occurrences: 1, uncovered: 1))
        // The given name replaced, half the surname left; the street replaced, the apartment left.
        let givenAndHalf = range(of: "Rosanne Vander")
        #expect(Self.coverage(of: name, in: text, replaced: [givenAndHalf]).uncovered == 1)
        let street = range(of: "915, rang du Ruisseau-Doré")
        #expect(Self.coverage(of: address, in: text, replaced: [street]).uncovered == 1)
        // Wholly replaced, in one range or two that meet; spaces and case do not matter.
        #expect(Self.coverage(of: name, in: text, replaced: [range(of: name)]) == Coverage(occurrences: 1, uncovered: 0))
        #expect(Self.coverage(of: "ROSANNE  vandermeulen", in: text, replaced: [range(of: "Rosanne"), range(of: "Vandermeulen")]).uncovered == 0)
        #expect(Self.coverage(of: address, in: text, replaced: [range(of: address)]).uncovered == 0)
        // The punctuation between words need not be replaced, letters and digits must.
        #expect(Self.coverage(of: address, in: text, replaced: [range(of: "915"), range(of: "rang du Ruisseau-Doré, app. 12")]).uncovered == 0)
        // Whole words only.
        #expect(Self.coverage(of: "Vandermeule", in: text, replaced: []).occurrences == 0)
        #expect(Self.coverage(of: "15, rang du Ruisseau-Doré", in: text, replaced: []).occurrences == 0)
    }
}
