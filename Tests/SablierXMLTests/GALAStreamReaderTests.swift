import Foundation
import SablierCore
import SablierTestSupport
@testable import SablierXML
import Testing

/// The streaming GALA reader against the tree path: the same submission for every file it
/// takes, and every other file left to the tree path, whose diagnostics users see.
@Suite("GALA streaming reader")
struct GALAStreamReaderTests {
    /// Everything a submission says, field by field.
    static func expectSame(_ a: CalendarSubmission, _ b: CalendarSubmission, _ name: String) {
        #expect(a.format == b.format && a.file == b.file && a.isDelta == b.isDelta, "\(name)")
        #expect(a.settings == b.settings, "\(name)")
        #expect(a.rules.count == b.rules.count, "\(name)")
        for (x, y) in zip(a.rules, b.rules) {
            #expect(x == y, "\(name): rule \(x.rule.number)")
        }
        #expect(a.diagnostics == b.diagnostics, "\(name)")
    }

    /// A clean GALA file of `copies` × the UdeM rules (numbers made unique), with A, M and S
    /// transactions: past 65,535 lines for 600 copies, where libxml2 keeps lines elsewhere.
    static func generated(copies: Int) throws -> [UInt8] {
        let udem = GALACalendarReader.readTree(bytes: Array(try Data(contentsOf: Fixtures.udemGALA)), file: "udem.xml")
        let rules = udem.rules.map(\.rule)
        var calendar = XMLTest.calendar(udem)
        calendar.rules = (0..<copies).flatMap { copy in rules.map { var rule = $0; rule.number += "-\(copy)"; return rule } }
        let output = try GALACalendarWriter.write(calendar, transaction: { rule in
            rule.number.hasSuffix("7") ? .retire : rule.number.hasSuffix("3") ? .modify : .add
        })
        #expect(!output.diagnostics.hasErrors)
        return Array(output.data)
    }

    @Test("a clean file, small or past 65,535 lines, is read as it streams, giving what the tree gives")
    func cleanFilesStream() throws {
        for copies in [1, 40, 600] {
            let bytes = try Self.generated(copies: copies)
            var handed: [SubmittedRule] = []
            let streamed = try #require(GALAStreamReader.read(bytes: bytes, file: "g.xml", limits: .default) { handed.append($0) })
            let tree = GALACalendarReader.readTree(bytes: bytes, file: "g.xml")
            Self.expectSame(streamed, tree, "\(copies) copies")
            #expect(handed == streamed.rules)
            if copies == 600 {
                #expect(streamed.rules.last.map { $0.location.line > 65_535 } == true)
            }
            Self.expectSame(GALACalendarReader.read(bytes: bytes, file: "g.xml"), tree, "\(copies) copies, public path")
        }
    }

    @Test("every real GALA file reads the same through the public path as through its tree: UdeM's streams (its warnings are the mapper's), HB's needs mends and is left to the tree")
    func realFiles() throws {
        for (file, streams) in [(Fixtures.udemGALA, true), (Fixtures.hbGALA, false)] {
            let bytes = Array(try Data(contentsOf: file))
            let name = file.lastPathComponent
            let tree = GALACalendarReader.readTree(bytes: bytes, file: name)
            Self.expectSame(GALACalendarReader.read(bytes: bytes, file: name), tree, name)
            let streamed = GALAStreamReader.read(bytes: bytes, file: name, limits: .default, mapped: nil)
            #expect((streamed != nil) == streams, "\(name)")
            if let streamed { Self.expectSame(streamed, tree, "\(name), streamed") }
        }
    }

    @Test("anything the tree path would say a word about is left to it, with the same diagnostics")
    func leftToTheTree() throws {
        let clean = String(decoding: try Self.generated(copies: 30), as: UTF8.self)
        let lastNumber = try #require(clean.ranges(of: "<TYPEDOSS>S</TYPEDOSS>").last)
        var cases: [(String, String)] = Hostile.all.map { ($0.name, $0.text) }
        cases += [
            ("an XSD error on the last rule", clean.replacingCharacters(in: lastNumber, with: "<TYPEDOSS>X</TYPEDOSS>")),
            ("CODECLASS twice, out of order", "<ROWSET>\n" + XMLTest.row(extra: "<CODECLASS>1</CODECLASS>\n<CODECLASS>2</CODECLASS>") + "\n</ROWSET>\n"),
            ("a DELAI_ROW out of order", "<ROWSET>\n" + XMLTest.row(secondary: XMLTest.copyRow(kind: "S", active: "1", semiActive: "0", disposition: "D")
                .replacingOccurrences(of: "<NUMREGLE>100</NUMREGLE>\n", with: "") .replacingOccurrences(of: "<TYPEDOSS>S</TYPEDOSS>", with: "<TYPEDOSS>S</TYPEDOSS><NUMREGLE>100</NUMREGLE>")) + "\n</ROWSET>\n"),
            ("a comment before a DOCTYPE", "<!-- c -->\n" + Hostile.externalEntity.replacingOccurrences(of: "<?xml version=\"1.0\"?>\n", with: "")),
            ("a wrong root", "<ROWSETS/>"),
            ("a namespaced root", "<ROWSET xmlns=\"urn:x\"/>"),
        ]
        for (name, text) in cases {
            let bytes = XMLTest.bytes(text)
            let tree = GALACalendarReader.readTree(bytes: bytes, file: "h.xml")
            var handed: [SubmittedRule] = []
            let streamed = GALAStreamReader.read(bytes: bytes, file: "h.xml", limits: .default) { handed.append($0) }
            if tree.diagnostics.isEmpty {
                continue
            }
            #expect(streamed == nil, "\(name)")
            // Rules handed before the reader gave up are the tree's first rules.
            #expect(Array(tree.rules.prefix(handed.count)) == handed || tree.diagnostics.hasErrors, "\(name)")
            Self.expectSame(GALACalendarReader.read(bytes: bytes, file: "h.xml"), tree, name)
        }
    }

    @Test("the size limit and the depth limit apply to the streaming reader too")
    func limits() throws {
        let bytes = try Self.generated(copies: 5)
        #expect(GALAStreamReader.read(bytes: bytes, file: "g.xml", limits: XMLLimits(maximumBytes: bytes.count - 1), mapped: nil) == nil)
        #expect(GALAStreamReader.read(bytes: bytes, file: "g.xml", limits: XMLLimits(maximumDepth: 1), mapped: nil) == nil)
        #expect(GALAStreamReader.read(bytes: bytes, file: "g.xml", limits: XMLLimits(maximumDepth: 4), mapped: nil) == nil)
        #expect(GALAStreamReader.read(bytes: bytes, file: "g.xml", limits: XMLLimits(maximumDepth: 5), mapped: nil) != nil)
        #expect(GALAStreamReader.read(bytes: bytes, file: "g.xml", limits: .default, mapped: nil) != nil)
    }
}
