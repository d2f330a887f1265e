import Foundation
import SablierCore
import SablierXML
import Testing

/// Issue 14: the work a hostile XML file costs is linear in its size, and its diagnostics are capped.
/// The time limits are hang guards only: before the attribute scan, 60,000 attributes took 11 s.
@Suite("Bounded work per XML input")
struct BoundedWorkTests {
    static func crowded(_ name: String, attributes: Int, namespace: String? = nil) -> String {
        var text = "<\(name)"
        if let namespace { text += " xmlns=\"\(namespace)\"" }
        for index in 0..<attributes { text += " a\(index)=\"x\"" }
        return text
    }

    @Test("60,000 attributes on a GALA root are refused before parsing, with one diagnostic naming the element",
          .timeLimit(.minutes(1)))
    func crowdedGALARoot() {
        let submission = XMLTest.gala(Self.crowded("ROWSET", attributes: 60_000) + "><ROW/></ROWSET>\n")
        #expect(submission.rules.isEmpty)
        #expect(submission.diagnostics.count == 1, "\(submission.diagnostics.prefix(3))")
        let refusal = submission.diagnostics.first
        #expect(refusal?.code == DiagnosticCode.tooManyAttributes.rawValue)
        #expect(refusal?.severity == .error)
        #expect(refusal?.values?["element"] == "ROWSET")
        #expect(refusal?.values?["limit"] == "256")
        #expect(refusal?.location.line == 1)
    }

    @Test("a crowded element deep in a native file is refused with its line", .timeLimit(.minutes(1)))
    func crowdedNativeElement() {
        let text = "<?xml version=\"1.0\"?>\n<calendrierConservation xmlns=\"\(CalendarXMLFlavor.nativeNamespace)\">\n<!-- a=1 b=2 -->\n"
            + Self.crowded("regle", attributes: 257) + "/>\n</calendrierConservation>\n"
        let submission = XMLTest.native(text)
        #expect(submission.diagnostics.map(\.code) == [DiagnosticCode.tooManyAttributes.rawValue])
        #expect(submission.diagnostics.first?.location.line == 4)
        #expect(submission.diagnostics.first?.values?["element"] == "regle")
    }

    @Test("the scan counts attributes, not '=' in values, comments, CDATA or processing instructions")
    func scanCountsOnlyAttributes() {
        let equals = String(repeating: "=", count: 1_000)
        let text = "<?xml version=\"1.0\"?><?pi \(equals)?><!-- \(equals) --><a b=\"\(equals)>\" c='\(equals)'><![CDATA[\(equals)]]>\(equals)</a>"
        #expect(XMLAttributeScan.firstCrowdedElement(in: Array(text.utf8), limit: 2) == nil)
        #expect(XMLAttributeScan.firstCrowdedElement(in: Array(text.utf8), limit: 1)?.element == "a")
        let exactly = Self.crowded("e", attributes: 256) + "/>"
        #expect(XMLAttributeScan.firstCrowdedElement(in: Array(exactly.utf8), limit: 256) == nil)
        #expect(XMLAttributeScan.firstCrowdedElement(in: Array(exactly.utf8), limit: 255)?.element == "e")
        let second = "<root a='1'>" + exactly + "</root>"
        #expect(XMLAttributeScan.firstCrowdedElement(in: Array(second.utf8), limit: 255)?.element == "e")
        #expect(XMLAttributeScan.firstCrowdedElement(in: Array(second.utf8), limit: 255, elements: 1) == nil, "the root alone")
        // Unterminated markup ends the scan without a finding (libxml2 then says what is wrong).
        for broken in ["<a b=\"", "<!-- a=", "<![CDATA[a=", "<?a=", "<a", "<", "</a b=c"] {
            #expect(XMLAttributeScan.firstCrowdedElement(in: Array(broken.utf8), limit: 1) == nil, "\(broken)")
        }
    }

    @Test("a GALA file with an error in each of 5,000 rows keeps 100 diagnostics and one counting the rest, an error",
          .timeLimit(.minutes(1)))
    func diagnosticsCapped() {
        let rows = (0..<5_000).map { XMLTest.row(number: "\(100 + $0)", transaction: "X") }.joined(separator: "\n")
        let submission = XMLTest.gala("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ROWSET>\n" + rows + "\n</ROWSET>\n")
        #expect(submission.diagnostics.count <= DiagnosticCollector.defaultLimit + 1)
        let summary = submission.diagnostics.last
        #expect(summary?.code == DiagnosticCode.moreDiagnostics.rawValue)
        #expect(summary?.severity == .error, "an error left out still rejects the file")
        let left = Int(summary?.values?["count"] ?? "") ?? 0
        #expect(left >= 4_900, "\(summary?.message ?? "")")
        #expect(submission.diagnostics.hasErrors)
        #expect(submission.rules.isEmpty)
    }

    @Test("50 MB of one text node, a million sibling elements: read or refused in linear time", .timeLimit(.minutes(1)))
    func largeButFlat() {
        let text = "<ROWSET><ROW><TITRESER>" + String(repeating: "a", count: 40_000_000) + "</TITRESER></ROW></ROWSET>"
        let long = XMLTest.gala(text)
        #expect(long.diagnostics.hasErrors && long.diagnostics.count <= 101)
        let siblings = XMLTest.gala("<ROWSET>" + String(repeating: "<X/>", count: 1_000_000) + "</ROWSET>")
        #expect(siblings.diagnostics.hasErrors && siblings.diagnostics.count <= 101)
    }
}
