import SablierXML
import Testing

/// `XMLProlog` reads over a byte-order mark, white space, processing instructions and comments.
@Suite("XML prolog")
struct XMLPrologTests {
    @Test("the first markup decides: an element, a DOCTYPE, or something the tree path should judge", arguments: [
        ("<ROWSET/>", true, false),
        ("\u{FEFF}<?xml version=\"1.0\"?>\n<!-- export GALA -->\n  <ROWSET>", true, false),
        ("<?xml version=\"1.0\"?><!-- a -- comment --><!DOCTYPE ROWSET [<!ENTITY a \"b\">]><ROWSET/>", false, true),
        ("<![CDATA[x]]><ROWSET/>", false, false),
        ("texte <ROWSET/>", false, false),
        ("<!-- never closed <!DOCTYPE x>", false, false),
        ("", false, false),
    ])
    func prolog(text: String, element: Bool, doctype: Bool) {
        let bytes = Array(text.utf8)
        #expect(XMLProlog.startsWithElement(bytes) == element)
        #expect(XMLProlog.hasDoctype(bytes) == doctype)
        bytes.withUnsafeBytes { raw in
            #expect(XMLProlog.startsWithElement(raw) == element)
            #expect(XMLProlog.hasDoctype(raw) == doctype)
        }
    }
}
