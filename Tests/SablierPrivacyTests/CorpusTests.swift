import Foundation
import SablierExtraction
import SablierPrivacy
import SablierTestSupport
import Testing

/// The labelled corpus of `corpus/privacy`: every document extracted from its real file and
/// scanned, its findings compared with its labels, precision and recall computed per detector
/// (findings that flag, confidence ≥ 50) and per document (flagged or not).
///
/// `tuning` is what the detectors were developed on; `heldout` was written and committed before
/// any detector existed (h01-h16) or before issue 17's detectors were run (h17-h30, commit
/// 8bd2e15), and was not tuned on. Each split asserts its own floors; the figures are printed
/// (and recorded in docs/PERFORMANCE.md).
///
/// A detection matches a label of its type when their texts are equal; when the detection is a
/// little wider (the label is at least 60 % of it); for an address, when it starts where the
/// label starts (a detection that runs on through the municipality, province and postal code
/// replaces the same street); for a health term, when either holds the other.
struct CorpusEvaluation {
    struct Manifest: Decodable {
        var split: String
        var documents: [Document]
    }

    struct Document: Decodable {
        var file: String
        var language: String
        var kind: String
        var flagged: Bool?
        var outcome: String?
        var labels: [Label]
    }

    struct Label: Decodable {
        var type: String
        var text: String
        var count: Int?
        /// `unlabelled` for a name no field label introduces (a salutation, a signature, a civility,
        /// a sentence, a table column under a heading, a name repeated alone), so the recall of
        /// names without a label, which issue 17 is about, is measured apart.
        var shape: String?

        static let shapes: Set<String?> = [nil, "unlabelled"]
        var shapeName: String { shape ?? "labelled" }
    }

    struct PublicConfiguration: Decodable {
        var phones: [String]
        var emailDomains: [String]
        var postalCodes: [String]
        var addresses: [String]?
    }

    struct Tally {
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
        var support: Int { truePositives + falseNegatives }
    }

    struct DocumentResult {
        var file: String
        var expectedFlag: Bool?
        var flagged: Bool?
        var outcome: String
        var tally: Tally
        var misses: [String]
        var falseAlarms: [String]
        var labelsNotInText: [String]
    }

    static let root = Fixtures.root.appendingPathComponent("corpus/privacy")

    let split: String
    var byType: [String: Tally] = [:]
    var documents: [DocumentResult] = []
    var documentTally = Tally()
    var outcomeMismatches: [String] = []
    /// The recall of person names by shape (`labelled`, `unlabelled`); precision cannot be split,
    /// a wrong name has no shape.
    var namesByShape: [String: Tally] = [:]
    /// Labels whose `shape` is not one the evaluation knows (a typo would hide a name's shape).
    var unknownShapes: [String] = []

    init(split: String) throws {
        self.split = split
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: Self.root.appendingPathComponent("manifest-\(split).json")))
        let scanner = PrivacyScanner(publicCharacter: try Self.publicCharacter())
        for document in manifest.documents {
            unknownShapes += document.labels.filter { !Label.shapes.contains($0.shape) }.map { "\(document.file): \($0.shape ?? "")" }
            evaluate(document, scanner: scanner)
        }
    }

    /// The two organisations' public identifiers, as `privacy public add` would declare them.
    static func publicCharacter() throws -> PublicCharacter {
        let configuration = try JSONDecoder().decode(PublicConfiguration.self,
                                                     from: Data(contentsOf: root.appendingPathComponent("public-character.json")))
        return PublicCharacter(phones: configuration.phones, emailDomains: configuration.emailDomains, postalCodes: configuration.postalCodes,
                               addresses: configuration.addresses ?? [])
    }

    static func normalised(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether `found` begins with the whole of `label`, not with part of a word or number: a
    /// detection of "12 rue des pins" does not start an address labelled "1".
    static func startsWithWhole(_ found: String, _ label: String) -> Bool {
        guard found.hasPrefix(label) else { return false }
        guard let next = found.dropFirst(label.count).first else { return true }
        return !(next.isLetter || next.isNumber)
    }

    mutating func evaluate(_ document: Document, scanner: PrivacyScanner) {
        var bytes: [UInt8] = []
        var stream = scanner.stream()
        let outcome: String
        do {
            try TextExtractor().extract(fileAt: Self.root.appendingPathComponent(document.file).path) { chunk in
                bytes.append(contentsOf: chunk)
                stream.append(chunk)
            }
            outcome = "read"
        } catch {
            outcome = error.kind.rawValue
        }
        if outcome != (document.outcome ?? "read") {
            outcomeMismatches.append("\(document.file): expected \(document.outcome ?? "read"), got \(outcome)")
        }
        guard outcome == "read" else {
            documents.append(DocumentResult(file: document.file, expectedFlag: nil, flagged: nil, outcome: outcome, tally: Tally(),
                                            misses: [], falseAlarms: [], labelsNotInText: []))
            return
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let scalars = Array(text.unicodeScalars)
        let result = stream.finish()
        let flaggingFindings = result.findings.filter(\.flags)
        // Labels still to match, by type: normalised text and how many times.
        var remaining: [(type: String, text: String, shape: String)] = document.labels.flatMap { label in
            Array(repeating: (label.type, Self.normalised(label.text), label.shapeName), count: label.count ?? 1)
        }
        let normalisedText = Self.normalised(text)
        let notInText = document.labels.filter { !normalisedText.contains(Self.normalised($0.text)) }.map { "\($0.type) '\($0.text)'" }
        var tally = Tally()
        var falseAlarms: [String] = []
        var detections = flaggingFindings.map { finding in
            (finding: finding, text: Self.normalised(String(String.UnicodeScalarView(scalars[finding.start..<finding.end]))))
        }
        // Exact matches first, then an address from its start (the longest label first: "915, rang du
        // Moulin, app. 12" before "915, rang du Moulin"), then a detection a little wider than its
        // label, then health terms by overlap.
        func match(_ accepts: (String, String, String) -> Bool) {
            var unmatched: [(finding: Finding, text: String)] = []
            for detection in detections {
                let candidates = remaining.indices.filter {
                    remaining[$0].type == detection.finding.type.rawValue && accepts(remaining[$0].type, remaining[$0].text, detection.text)
                }
                if let index = candidates.max(by: { remaining[$0].text.count < remaining[$1].text.count }) {
                    let label = remaining.remove(at: index)
                    tally.truePositives += 1
                    byType[detection.finding.type.rawValue, default: Tally()].truePositives += 1
                    if label.type == FindingType.personName.rawValue { namesByShape[label.shape, default: Tally()].truePositives += 1 }
                } else {
                    unmatched.append(detection)
                }
            }
            detections = unmatched
        }
        match { _, label, found in label == found }
        match { type, label, found in type == FindingType.address.rawValue && Self.startsWithWhole(found, label) }
        match { _, label, found in found.contains(label) && Double(label.count) >= 0.6 * Double(found.count) }
        match { type, label, found in type == FindingType.health.rawValue && (found.contains(label) || label.contains(found)) }
        for detection in detections {
            tally.falsePositives += 1
            byType[detection.finding.type.rawValue, default: Tally()].falsePositives += 1
            falseAlarms.append("\(detection.finding.type.rawValue) '\(detection.text)' (\(detection.finding.confidence): \(detection.finding.reason))")
        }
        for label in remaining {
            tally.falseNegatives += 1
            byType[label.type, default: Tally()].falseNegatives += 1
            if label.type == FindingType.personName.rawValue { namesByShape[label.shape, default: Tally()].falseNegatives += 1 }
        }
        let flagged = result.verdict.flagged
        if let expected = document.flagged {
            switch (expected, flagged) {
            case (true, true): documentTally.truePositives += 1
            case (false, true): documentTally.falsePositives += 1
            case (true, false): documentTally.falseNegatives += 1
            case (false, false): break
            }
        }
        documents.append(DocumentResult(file: document.file, expectedFlag: document.flagged, flagged: flagged, outcome: outcome, tally: tally,
                                        misses: remaining.map { "\($0.type) '\($0.text)'" }, falseAlarms: falseAlarms, labelsNotInText: notInText))
    }

    /// The figures, as printed by the test and recorded in docs/PERFORMANCE.md.
    var report: String {
        func percent(_ value: Double) -> String { String(format: "%5.1f %%", value * 100) }
        var lines = ["privacy corpus, split \(split): \(documents.count) documents"]
        lines.append("  documents: precision \(percent(documentTally.precision)), recall \(percent(documentTally.recall)) "
            + "(\(documentTally.truePositives) flagged rightly, \(documentTally.falsePositives) wrongly, \(documentTally.falseNegatives) missed)")
        lines.append("  detector         support  TP  FP  FN  precision  recall")
        func padded(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        for (type, tally) in byType.sorted(by: { $0.key < $1.key }) {
            lines.append("  " + padded(type, 16) + String(format: " %7d %3d %3d %3d    ", tally.support, tally.truePositives,
                                                          tally.falsePositives, tally.falseNegatives)
                + percent(tally.precision) + "  " + percent(tally.recall))
        }
        for shape in namesByShape.keys.sorted() {
            let tally = namesByShape[shape]!
            lines.append("  " + padded("  names, \(shape)", 16) + String(format: " %7d %3d   - %3d          -  ", tally.support, tally.truePositives,
                                                                      tally.falseNegatives) + percent(tally.recall))
        }
        for document in documents {
            let flag = document.flagged.map { $0 ? "flagged" : "not flagged" } ?? document.outcome
            let expected = document.expectedFlag.map { $0 ? "flagged" : "not flagged" } ?? document.outcome
            var line = "  " + padded(document.file, 42) + " " + padded(flag, 11) + " (expected \(expected))  findings P "
                + percent(document.tally.precision) + " R " + percent(document.tally.recall)
            if !document.misses.isEmpty { line += "\n      missed: " + document.misses.joined(separator: ", ") }
            if !document.falseAlarms.isEmpty { line += "\n      false alarms: " + document.falseAlarms.joined(separator: "; ") }
            if !document.labelsNotInText.isEmpty { line += "\n      labels not in the extracted text: " + document.labelsNotInText.joined(separator: ", ") }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}

@Suite("The labelled privacy corpus: precision and recall per detector and per document")
struct CorpusTests {
    /// The least precision and recall one type must keep on a split.
    struct Floor {
        var precision: Double
        var recall: Double
    }

    /// Every type of the tuning split keeps 0.9 precision and 0.8 recall, but two that issue 17's
    /// new documents measure and no detector of issue 17 changes: health terms the keyword list
    /// lacks (a medical certificate, sick leave, a puffer, "diabète"), and student numbers in a
    /// table under a "Fiche" heading, far from their label.
    static let tuningFloors: [String: Floor] = [
        FindingType.health.rawValue: Floor(precision: 0.9, recall: 0.65),
        FindingType.studentNumber.rawValue: Floor(precision: 0.9, recall: 0.6),
    ]
    static let tuningFloor = Floor(precision: 0.9, recall: 0.8)

    /// The held-out floors: issue 4's (precision 0.85, recall 0.95) for what h01-h16 measured; for
    /// issue 17's types, and where h17-h30 lowered a figure, the measurement of 2026-12-05 with
    /// issue 17's detectors in place less about five points (address 1.00 and 0.95, names 0.96 and
    /// 0.97, names without a label 0.93, student numbers 0.71, employee numbers 0.90, postal codes
    /// 0.89, e-mail 0.80, phones 0.95, health 0.86 and 0.86). A guard against regressions, set
    /// after the fact and never tuned for. After h19's paragraph was rewritten with other people
    /// (6636cf0), names measured 0.97 and 0.95, names without a label 0.89: the floors still hold
    /// with their margin, so they were left as they were.
    static let heldOutFloors: [String: Floor] = [
        FindingType.address.rawValue: Floor(precision: 0.9, recall: 0.9),
        FindingType.personName.rawValue: Floor(precision: 0.9, recall: 0.9),
        FindingType.studentNumber.rawValue: Floor(precision: 0.9, recall: 0.65),
        FindingType.employeeNumber.rawValue: Floor(precision: 0.9, recall: 0.85),
        FindingType.postalCode.rawValue: Floor(precision: 0.85, recall: 0.8),
        FindingType.email.rawValue: Floor(precision: 0.85, recall: 0.75),
        FindingType.phone.rawValue: Floor(precision: 0.85, recall: 0.9),
        FindingType.health.rawValue: Floor(precision: 0.8, recall: 0.8),
    ]
    static let heldOutFloor = Floor(precision: 0.85, recall: 0.95)
    /// Names no field label introduces, the recall issue 17 set out to raise (0.31 before it).
    static let heldOutUnlabelledNamesRecall = 0.85

    /// Whether a held-out label's text must stay out of Sources/ and Tests/: not a health term
    /// (the keyword list's own vocabulary, about nobody until a person is named), not a person's
    /// name of one word (a given name or a surname alone: the public name lists hold every common
    /// one, and alone it names nobody), not under 3 characters. A full name, an address, an
    /// identifier, a telephone, a date or a code is one invented person's, and belongs to the
    /// corpus only: a detector written or tested on it is no longer measured on unseen data.
    static func mustStayInTheCorpus(_ label: CorpusEvaluation.Label) -> Bool {
        guard label.type != FindingType.health.rawValue, label.text.count >= 3 else { return false }
        if label.type == FindingType.personName.rawValue {
            return label.text.split(whereSeparator: { $0.isWhitespace || $0 == "," }).count > 1
        }
        return true
    }

    @Test("no held-out name, address or identifier stands in Sources/ or Tests/, so no detector was written or tested on one")
    func heldOutValuesStayInTheCorpus() throws {
        let manifest = try JSONDecoder().decode(CorpusEvaluation.Manifest.self,
                                                from: Data(contentsOf: CorpusEvaluation.root.appendingPathComponent("manifest-heldout.json")))
        // Each value, normalised as the evaluation compares (lowercase, runs of spaces as one),
        // named by its document and label index, never by itself.
        var values: [(bytes: [UInt8], name: String)] = []
        for document in manifest.documents {
            let file = String(document.file.split(separator: "/").last?.prefix(3) ?? "")
            for (index, label) in document.labels.enumerated() where Self.mustStayInTheCorpus(label) {
                values.append((Array(CorpusEvaluation.normalised(label.text).utf8), "\(file) label \(index) (\(label.type))"))
            }
        }
        #expect(values.count >= 100, "the held-out split has lost the values this test guards")
        // The values by their first two bytes, so each file is read once.
        var byStart: [UInt16: [Int]] = [:]
        for (index, value) in values.enumerated() { byStart[UInt16(value.bytes[0]) << 8 | UInt16(value.bytes[1]), default: []].append(index) }
        var found: [String] = []
        var filesRead = 0
        for folder in ["Sources", "Tests"] {
            let base = Fixtures.root.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
            while let url = files?.nextObject() as? URL {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                      let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                filesRead += 1
                let bytes = Array(CorpusEvaluation.normalised(text).utf8)
                var held = Set<Int>()
                var position = 0
                while position + 1 < bytes.count {
                    if let candidates = byStart[UInt16(bytes[position]) << 8 | UInt16(bytes[position + 1])] {
                        for index in candidates where !held.contains(index) {
                            let value = values[index].bytes
                            if position + value.count <= bytes.count, bytes[position..<(position + value.count)].elementsEqual(value) {
                                held.insert(index)
                            }
                        }
                    }
                    position += 1
                }
                let path = url.path.replacingOccurrences(of: Fixtures.root.path + "/", with: "")
                found += held.sorted().map { "\(path) holds \(values[$0].name)" }
            }
        }
        #expect(filesRead >= 500, "Sources/ and Tests/ were not read")
        #expect(found.isEmpty, "held-out values outside the corpus (replace them with invented ones): \(found)")
    }

    @Test("tuning split: what the detectors were developed on")
    func tuning() throws {
        let evaluation = try CorpusEvaluation(split: "tuning")
        print(evaluation.report)
        #expect(evaluation.outcomeMismatches.isEmpty, "\(evaluation.outcomeMismatches)")
        #expect(evaluation.unknownShapes.isEmpty, "\(evaluation.unknownShapes)")
        #expect(evaluation.documents.allSatisfy { $0.labelsNotInText.isEmpty }, "a label is not in its document's extracted text")
        #expect(evaluation.documentTally.recall == 1)
        #expect(evaluation.documentTally.precision == 1)
        for (type, tally) in evaluation.byType {
            let floor = Self.tuningFloors[type] ?? Self.tuningFloor
            #expect(tally.precision >= floor.precision, "\(type): precision \(tally.precision)")
            #expect(tally.recall >= floor.recall, "\(type): recall \(tally.recall)")
        }
    }

    @Test("held-out split: documents written before the detectors, never tuned on")
    func heldOut() throws {
        let evaluation = try CorpusEvaluation(split: "heldout")
        print(evaluation.report)
        #expect(evaluation.outcomeMismatches.isEmpty, "\(evaluation.outcomeMismatches)")
        #expect(evaluation.unknownShapes.isEmpty, "\(evaluation.unknownShapes)")
        #expect(evaluation.documents.allSatisfy { $0.labelsNotInText.isEmpty }, "a label is not in its document's extracted text")
        // The issue's goal on unseen data.
        #expect(evaluation.documentTally.recall >= 0.97)
        #expect(evaluation.documentTally.precision >= 0.90)
        for (type, tally) in evaluation.byType {
            let floor = Self.heldOutFloors[type] ?? Self.heldOutFloor
            #expect(tally.precision >= floor.precision, "\(type): precision \(tally.precision)")
            #expect(tally.recall >= floor.recall, "\(type): recall \(tally.recall)")
        }
        let unlabelled = evaluation.namesByShape["unlabelled"] ?? CorpusEvaluation.Tally()
        #expect(unlabelled.support > 0, "the held-out split has lost its names without a label")
        #expect(unlabelled.recall >= Self.heldOutUnlabelledNamesRecall, "names without a label: recall \(unlabelled.recall)")
    }
}
