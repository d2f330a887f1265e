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
    /// issue 17's detectors in place.
    static let knownMisses: [KnownMiss] = [
        KnownMiss(file: "h19-courriel-absence.txt", type: "person-name", label: 7,
                  reason: "a given name alone after « la mère de », in no surname's company"),
        KnownMiss(file: "h19-courriel-absence.txt", type: "person-name", label: 9,
                  reason: "a surname alone after « la famille », with no given name or civility"),
        KnownMiss(file: "h20-liste-presences.html", type: "student-number", label: 5,
                  reason: "a student number in a table cell, its label « Numéro de fiche » only in the column's heading"),
        KnownMiss(file: "h20-liste-presences.html", type: "student-number", label: 6,
                  reason: "a student number in a table cell, its label « Numéro de fiche » only in the column's heading"),
        KnownMiss(file: "h20-liste-presences.html", type: "student-number", label: 7,
                  reason: "a student number in a table cell, its label « Numéro de fiche » only in the column's heading"),
        KnownMiss(file: "h20-liste-presences.html", type: "student-number", label: 8,
                  reason: "a student number in a table cell, its label « Numéro de fiche » only in the column's heading"),
        KnownMiss(file: "h20-liste-presences.html", type: "student-number", label: 9,
                  reason: "a student number in a table cell, its label « Numéro de fiche » only in the column's heading"),
        KnownMiss(file: "h24-offer-letter.docx", type: "employee-number", label: 6,
                  reason: "an employee number three words after its label (« employee ID will be »), in a sentence"),
    ]

    /// Whether `text` (normalised) holds `value` (normalised) as whole words: "Ava" is not in
    /// "available", "1482, montée x" is not in "11482, montée x".
    static func holds(_ text: String, _ value: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: value, range: searchRange) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            let joined = { (character: Character?) in character.map { $0.isLetter || $0.isNumber } ?? false }
            if !joined(before) && !joined(after) { return true }
            searchRange = text.index(after: found.lowerBound)..<text.endIndex
        }
        return false
    }

    struct Outcome {
        /// Labels of the original found in their copy: "file label N (type)".
        var leaks: [String] = []
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
            // As the anonymiser measure does: every finding, flagging or not, replaced.
            let copy = Anonymizer.anonymize(text, findings: scanner.scan(text).findings)
            outcome.copies += 1
            let normalisedCopy = CorpusEvaluation.normalised(copy)
            let misses = knownMisses.indices.filter { knownMisses[$0].file == file }
            var leaked: [(index: Int, label: CorpusEvaluation.Label)] = []
            for (index, label) in document.labels.enumerated() where label.type != FindingType.health.rawValue {
                outcome.labelsChecked += 1
                guard holds(normalisedCopy, CorpusEvaluation.normalised(label.text)) else { continue }
                leaked.append((index, label))
                if let known = misses.first(where: { knownMisses[$0].label == index && knownMisses[$0].type == label.type }) {
                    used.insert(known)
                } else {
                    outcome.leaks.append("\(file) label \(index) (\(label.type))")
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
        #expect(outcome.leaks.isEmpty, "values of the original left in its anonymised copy: \(outcome.leaks)")
        #expect(outcome.unexplainedRescanFindings.isEmpty, "the rescan of a copy flags: \(outcome.unexplainedRescanFindings)")
        #expect(outcome.stale.isEmpty, "known misses that no longer happen (remove them): \(outcome.stale)")
    }

    @Test("the check finds a value left in a copy: without the scan, every label of a document leaks")
    func leakIsSeen() throws {
        // A copy made with no finding replaced is the original: every labelled value must be seen in
        // it, or the held-out test above could pass without checking anything.
        let text = "Madame Valérie Desrosiers\n2187, rue des Érables, app. 4\nTéléphone : 450 555-0139"
        let copy = CorpusEvaluation.normalised(Anonymizer.anonymize(text, findings: []))
        #expect(Self.holds(copy, CorpusEvaluation.normalised("Valérie Desrosiers")))
        #expect(Self.holds(copy, CorpusEvaluation.normalised("2187, rue des Érables, app. 4")))
        #expect(Self.holds(copy, "450 555-0139"))
        #expect(!Self.holds(copy, "desrosier"), "a value is found as whole words only")
        #expect(!Self.holds(copy, "187, rue des érables"), "a value is found as whole words only")
    }
}
