import Foundation
import SablierCore
import SablierSchemas
import SablierTestSupport
import SablierXML
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Inputs built to hurt a parser; each must be refused with a clear error and nothing printed.
enum Hostile {
    static let billionLaughs = """
    <?xml version="1.0"?>
    <!DOCTYPE ROWSET [
     <!ENTITY lol "lol">
     <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
     <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
     <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
     <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
     <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
     <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
     <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
     <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
     <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
    ]>
    <ROWSET><ROW><NUMREGLE>&lol9;</NUMREGLE></ROW></ROWSET>
    """

    static let externalEntity = """
    <?xml version="1.0"?>
    <!DOCTYPE ROWSET [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
    <ROWSET><ROW><NUMREGLE>&xxe;</NUMREGLE></ROW></ROWSET>
    """

    static let parameterEntity = """
    <?xml version="1.0"?>
    <!DOCTYPE ROWSET [
      <!ENTITY % remote SYSTEM "file:///etc/passwd">
      %remote;
    ]>
    <ROWSET/>
    """

    static let externalSubset = """
    <?xml version="1.0"?>
    <!DOCTYPE ROWSET SYSTEM "http://example.invalid/gala.dtd">
    <ROWSET/>
    """

    static func nested(_ depth: Int) -> String {
        "<ROWSET>" + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</ROWSET>"
    }

    static let all: [(name: String, text: String)] = [
        ("billion laughs", billionLaughs),
        ("external entity", externalEntity),
        ("parameter entity", parameterEntity),
        ("external DTD", externalSubset),
        ("10,000-deep nesting", nested(10_000)),
        ("100-deep nesting", nested(100)),
        ("garbage", "this is not XML at all {}\n"),
        ("truncated", "<?xml version=\"1.0\"?>\n<ROWSET>\n  <ROW>\n    <NUMREGLE>01"),
        ("undefined entity", "<ROWSET><ROW><NUMREGLE>&nbsp;</NUMREGLE></ROW></ROWSET>"),
        ("mismatched tags", "<ROWSET><ROW></ROWSET></ROW>"),
        ("two roots", "<ROWSET/><ROWSET/>"),
        ("bad encoding name", "<?xml version=\"1.0\" encoding=\"X-NO-SUCH\"?><ROWSET/>"),
        ("undeclared namespace prefix", "<g:ROWSET/>"),
    ]
}

@Suite("Hostile and broken inputs", .serialized)
struct HostileInputTests {
    @Test("a DOCTYPE is refused at its line, before any entity is declared", arguments: [
        ("billion laughs", Hostile.billionLaughs), ("external entity", Hostile.externalEntity),
        ("parameter entity", Hostile.parameterEntity), ("external DTD", Hostile.externalSubset),
    ])
    func doctype(name: String, text: String) throws {
        let submission = XMLTest.gala(text, file: "hostile.xml")
        #expect(submission.rules.isEmpty)
        #expect(submission.diagnostics.count == 1, "\(name): \(submission.diagnostics)")
        let error = try #require(submission.diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.location.line == 2)
        #expect(error.description.hasPrefix("hostile.xml:2:"))
        #expect(error.description.hasSuffix(": error: DOCTYPE declarations are not allowed in a calendar file (entities could be expanded)"))
        #expect(!error.message.contains("root:"), "nothing from /etc/passwd")
        #expect(CalendarXMLFlavor.detect(XMLTest.bytes(text)) == nil)
    }

    @Test("a DOCTYPE on the first line is reported at line 1")
    func doctypeFirstLine() throws {
        let text = "<!DOCTYPE ROWSET [<!ENTITY a \"b\">]><ROWSET/>"
        let error = try #require(XMLTest.native(text, file: "h.xml").diagnostics.first)
        #expect(error.description.hasPrefix("h.xml:1:"))
        #expect(error.message.contains("DOCTYPE"))
    }

    @Test("nesting beyond libxml2's limit, and beyond Sablier's, is refused with a clear error")
    func depth() throws {
        let deep = XMLTest.gala(Hostile.nested(10_000))
        #expect(deep.diagnostics.errors.contains { $0.message.contains("nested more than 256 levels") }, "\(deep.diagnostics)")
        let medium = XMLTest.gala(Hostile.nested(100))
        let error = try #require(medium.diagnostics.errors.first)
        #expect(medium.diagnostics.errors.count == 1)
        #expect(error.message.contains("nested more than 64 levels deep"))
        #expect(error.location.line == 1)

        let udem = try Data(contentsOf: Fixtures.udemGALA)
        let shallow = GALACalendarReader.read(bytes: udem, file: "demo.xml", limits: XMLLimits(maximumDepth: 3))
        #expect(shallow.diagnostics.errors.first?.message.contains("more than 3 levels") == true)
        #expect(shallow.diagnostics.errors.first?.location.line == 24)
        #expect(shallow.rules.isEmpty)
    }

    @Test("a file over the configured size limit is refused before parsing, naming the limit")
    func sizeLimit() throws {
        let limits = XMLLimits(maximumBytes: 1_000)
        let udem = try Data(contentsOf: Fixtures.udemGALA)
        let fromBytes = GALACalendarReader.read(bytes: udem, file: "demo.xml", limits: limits)
        let error = try #require(fromBytes.diagnostics.first)
        #expect(fromBytes.diagnostics.count == 1)
        #expect(error.message == "the file is \(udem.count) bytes, over the size limit of 1000 bytes for a calendar file")
        let fromFile = GALACalendarReader.read(contentsOf: Fixtures.udemGALA, file: "demo.xml", limits: limits)
        #expect(fromFile.diagnostics == fromBytes.diagnostics)
        #expect(XMLLimits.default.maximumBytes == 50_000_000)
        #expect(CalendarXMLFlavor.detect(udem, limits: limits) == nil)
        #expect(CalendarXMLFlavor.detect(udem) == .gala)
    }

    @Test("empty, blank, garbage, truncated and wrong-root files each get one clear error")
    func broken() throws {
        for text in ["", "  \n\t\n"] {
            let submission = XMLTest.gala(text)
            #expect(submission.diagnostics.map(\.message) == ["the file is empty: a calendar file must hold an XML document"])
        }
        let garbage = XMLTest.gala("this is not XML at all {}\n", file: "g.xml")
        #expect(garbage.diagnostics.errors.first?.message.hasPrefix("not well-formed XML: ") == true)
        #expect(garbage.diagnostics.errors.first?.location.line == 1)

        let udem = try String(contentsOf: Fixtures.udemGALA, encoding: .utf8)
        let truncated = XMLTest.gala(String(udem.prefix(udem.count / 2)), file: "t.xml")
        #expect(truncated.diagnostics.hasErrors)
        #expect(truncated.rules.isEmpty)
        #expect(truncated.diagnostics.errors.allSatisfy { $0.message.hasPrefix("not well-formed XML") && $0.location.line > 40 })

        let wrongRoot = XMLTest.gala("<calendrier><regle/></calendrier>", file: "w.xml")
        #expect(wrongRoot.diagnostics.map(\.message) == ["the root element is <calendrier>; a GALA file starts with <ROWSET> (no namespace)"])
        let either = CalendarXMLReader.read(bytes: XMLTest.bytes("<calendrier/>"), file: "w.xml")
        #expect(either.diagnostics.errors.first?.message.contains("GALA's <ROWSET> or with <calendrierConservation") == true)

        let undefined = XMLTest.gala("<ROWSET><ROW><NUMREGLE>&nbsp;</NUMREGLE></ROW></ROWSET>")
        #expect(undefined.diagnostics.errors.first?.message.contains("'nbsp' not defined") == true)

        // Latin-1 bytes in a file that says nothing of its encoding are not UTF-8.
        var latin1 = Data("<ROWSET><ROW><TITRESER>".utf8)
        latin1.append(0xE9)
        latin1.append(contentsOf: Data("t\u{E9}</TITRESER></ROW></ROWSET>".utf8))
        let badBytes = GALACalendarReader.read(bytes: latin1, file: "l.xml")
        #expect(badBytes.diagnostics.errors.first?.message.contains("UTF-8") == true, "\(badBytes.diagnostics)")
    }

    @Test("every hostile input is refused by every entry point without a crash")
    func everyEntryPoint() {
        for (name, text) in Hostile.all {
            let bytes = XMLTest.bytes(text)
            let gala = GALACalendarReader.read(bytes: bytes, file: "h.xml")
            let native = NativeCalendarReader.read(bytes: bytes, file: "h.xml")
            let either = CalendarXMLReader.read(bytes: bytes, file: "h.xml")
            let schema = CalendarSchemaValidator.validate(bytes: bytes, against: .gala, file: "h.xml")
            #expect(gala.diagnostics.hasErrors && gala.rules.isEmpty, "\(name)")
            #expect(native.diagnostics.hasErrors && native.rules.isEmpty, "\(name)")
            #expect(either.diagnostics.hasErrors && either.rules.isEmpty, "\(name)")
            #expect(schema.hasErrors, "\(name)")
        }
    }

    @Test("mangled copies of a real file never crash the reader")
    func mangled() throws {
        let original = Array(try Data(contentsOf: Fixtures.hbGALA))
        var generator = SplitMix(seed: 42)
        for round in 0..<300 {
            var bytes = original
            switch round % 3 {
            case 0:
                bytes = Array(bytes.prefix(Int(generator.next() % UInt64(bytes.count))))
            case 1:
                for _ in 0..<8 {
                    bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
                }
            default:
                let start = Int(generator.next() % UInt64(bytes.count))
                let length = min(bytes.count - start, Int(generator.next() % 200))
                bytes.removeSubrange(start..<(start + length))
            }
            let submission = GALACalendarReader.read(bytes: bytes, file: "m.xml")
            if submission.diagnostics.hasErrors {
                #expect(submission.diagnostics.errors.allSatisfy { !$0.message.isEmpty })
            }
            _ = CalendarXMLFlavor.detect(bytes)
        }
    }

    @Test("libxml2 prints nothing on stdout or stderr, whatever the input")
    func silent() throws {
        let schemaErrors = XMLTest.rowset(XMLTest.row(number: "1", transaction: "X", extra: "<INCONNU/>"))
        let output = try capturingStandardStreams {
            for (_, text) in Hostile.all + [("schema errors", schemaErrors)] {
                let bytes = XMLTest.bytes(text)
                _ = GALACalendarReader.read(bytes: bytes, file: "h.xml")
                _ = NativeCalendarReader.read(bytes: bytes, file: "h.xml")
                _ = CalendarXMLFlavor.detect(bytes)
                _ = CalendarSchemaValidator.validate(bytes: bytes, against: .calendrier, file: "h.xml")
            }
            // Bytes that are not valid in the declared encoding: libxml2 reports conversion
            // failures through its global channel, which must stay silent too.
            var utf16 = Data([0xFF, 0xFE])
            utf16.append(contentsOf: Data("<ROWSET>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
            utf16.append(contentsOf: [0x00, 0xD8, 0x41, 0x00])  // a lone surrogate
            _ = GALACalendarReader.read(bytes: utf16, file: "u.xml")
            _ = GALACalendarReader.read(bytes: Data("<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?><ROWSET>\u{1B}$B\u{FF}</ROWSET>".utf8), file: "j.xml")
        }
        // libxml2's own printing looks like "h.xml:2: parser error : …", "Entity: line 1: …",
        // "element X: Schemas validity error : …" or "encoding error : …".
        for marker in [" error : ", " warning : ", "Entity: line", "validity error", "parser error"] {
            #expect(!output.contains(marker), "libxml2 printed: \(output)")
        }

        // The capture itself works: what is written to fd 2 while capturing is seen.
        let control = try capturingStandardStreams {
            let message = "h.xml:1: parser error : control\n"
            _ = message.withCString { write(2, $0, strlen($0)) }
        }
        #expect(control.contains("parser error : control"))
    }
}

/// Runs `body` with file descriptors 1 and 2 sent to a file, and returns what was written.
func capturingStandardStreams(_ body: () throws -> Void) throws -> String {
    let directory = try TemporaryDirectory(prefix: "sablier-xml-capture")
    defer { directory.remove() }
    let url = try directory.write("streams.txt", "")
    let handle = try FileHandle(forWritingTo: url)
    fflush(nil)
    let savedOut = dup(1)
    let savedErr = dup(2)
    dup2(handle.fileDescriptor, 1)
    dup2(handle.fileDescriptor, 2)
    defer {
        fflush(nil)
        dup2(savedOut, 1)
        dup2(savedErr, 2)
        close(savedOut)
        close(savedErr)
    }
    try body()
    fflush(nil)
    try handle.close()
    return String(decoding: try Data(contentsOf: url), as: UTF8.self)
}

/// A small deterministic generator, so mangled inputs are the same on every run.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
