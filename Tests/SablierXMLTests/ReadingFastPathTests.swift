import Foundation
import SablierCore
import SablierSchemas
import SablierTestSupport
import SablierXML
import Testing

/// The reader walks the tree without building arrays, reads a field holding one text node in
/// place, checks depth while the tree is built, and skips the normaliser's mending when a ROW
/// needs none. These cases take the other roads and must read exactly as before.
@Suite("GALA reader, fast paths and their fallbacks")
struct ReadingFastPathTests {
    @Test("fields holding comments, CDATA, entities and character references read as their whole text")
    func mixedContent() throws {
        let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ROWSET>
          <ROW>
            <ID_ORGANISME>123</ID_ORGANISME>
            <NUMREGLE>7</NUMREGLE>
            <TYPE_TRANS>A</TYPE_TRANS>
            <TITRESER> <!-- c --> Titre<![CDATA[ & ]]>sept </TITRESER>
            <NOMUNITE>Secrétariat général</NOMUNITE>
            <DESCSERIE>Description</DESCSERIE>
            <TYPESDOC>Lettre</TYPESDOC>
            <CODECLASS>A1<!-- one -->.10;<![CDATA[ A2.20 ]]>&#x3B;A3&amp;B</CODECLASS>
            <REMARQDELA>R1&#160;: Disque<!-- x --> réseau.&#13;
        R2 : Jusqu'au dénouement.</REMARQDELA>
            <DELAI>
        \(XMLTest.copyRow(number: "7", kind: "P"))
        \(XMLTest.copyRow(number: "7", kind: "S", active: "1", semiActive: "0", disposition: "D"))
            </DELAI>
          </ROW>
        </ROWSET>
        """
        let submission = XMLTest.gala(text)
        #expect(!submission.diagnostics.hasErrors, "\(submission.diagnostics)")
        let rule = try #require(submission.rules.first)
        #expect(rule.rule.title == "Titre & sept")
        #expect(rule.rule.classificationCodes == ["A1.10", "A2.20", "A3&B"])
        #expect(rule.rule.remarks == [
            Remark(id: RemarkID(number: 1), text: "Disque réseau."),
            Remark(id: RemarkID(number: 2), text: "Jusqu'au dénouement."),
        ])
        #expect(rule.location(of: .title).line == XMLTest.line(of: "<TITRESER>", in: text))
        #expect(rule.location(of: RuleFieldPath("remarks.R2")).line == XMLTest.line(of: "<REMARQDELA>", in: text))
        // CODECLASS after TYPESDOC is out of GALA's order: mended, with its warning.
        let warnings = submission.diagnostics.warnings
        #expect(warnings.count == 1, "\(warnings)")
        #expect(warnings.first?.field == "CODECLASS")
        #expect(warnings.first?.location.line == XMLTest.line(of: "<CODECLASS>", in: text))
    }

    @Test("a ROW with two DELAI, CODECLASS twice and a DELAI_ROW out of order is mended step by step")
    func mendsCombined() throws {
        let secondary = """
              <DELAI_ROW>
                <TYPEDOSS>S</TYPEDOSS>
                <NUMREGLE>7</NUMREGLE>
                <SUPPDOSS>PA</SUPPDOSS>
                <PERIOACTIF>1</PERIOACTIF>
                <PERIOSMACT>0</PERIOSMACT>
                <ID_REF_DISPOSITION>D</ID_REF_DISPOSITION>
              </DELAI_ROW>
        """
        let text = XMLTest.rowset(XMLTest.row(
            number: "7",
            extra: "    <CODECLASS>B1</CODECLASS>\n    <CODECLASS>B2</CODECLASS>",
            delai: "<DELAI>\n\(XMLTest.copyRow(number: "7", kind: "P"))\n    </DELAI>\n    <DELAI>\n\(secondary)\n    </DELAI>"
        ))
        let submission = XMLTest.gala(text)
        #expect(!submission.diagnostics.hasErrors, "\(submission.diagnostics)")
        let rule = try #require(submission.rules.first)
        #expect(rule.rule.classificationCodes == ["B1", "B2"])
        #expect(rule.rule.secondaire?.disposition == .destruction)
        let messages = submission.diagnostics.map(\.message)
        #expect(messages.count == 4, "\(messages)")
        #expect(messages[0].contains("2 DELAI elements"))
        #expect(messages[1].contains("CODECLASS is given 2 times"))
        #expect(messages[2].contains("CODECLASS comes after TYPESDOC inside ROW"))
        #expect(messages[3].contains("NUMREGLE comes after TYPEDOSS inside DELAI_ROW"))
        #expect(submission.diagnostics[3].location.line == XMLTest.line(of: "<NUMREGLE>7</NUMREGLE>", in: text, after: XMLTest.line(of: "<TYPEDOSS>S", in: text) ?? 0))
    }

    @Test("the element reported too deep is the first one in document order, whatever the limit")
    func firstTooDeep() throws {
        let text = """
        <?xml version="1.0"?>
        <ROWSET>
        <a>
        <b/>
        </a>
        <c>
        <d>
        <e/>
        <f><g/></f>
        </d>
        </c>
        <h><i><j/></i></h>
        </ROWSET>
        """
        let cases: [(limit: Int, element: String, line: Int)] = [(4, "g", 9), (3, "e", 8), (2, "b", 4), (1, "a", 3), (0, "a", 3)]
        for (limit, element, line) in cases {
            let read = XMLTest.gala(text, limits: XMLLimits(maximumDepth: limit))
            let error = try #require(read.diagnostics.errors.first)
            #expect(read.diagnostics.errors.count == 1)
            #expect(error.message == "elements are nested more than \(limit) levels deep (<\(element)>); a calendar file nests a few levels only")
            #expect(error.field == element)
            #expect(error.location.line == line)
            let validated = CalendarSchemaValidator.validate(bytes: XMLTest.bytes(text), against: .gala, file: "test.xml", limits: XMLLimits(maximumDepth: limit))
            #expect(validated == read.diagnostics)
        }
        // Within the limit, the file is read (and refused by the schema, not by depth).
        let read = XMLTest.gala(text, limits: XMLLimits(maximumDepth: 5))
        #expect(!read.diagnostics.contains { $0.message.contains("nested more than") })
    }
}
