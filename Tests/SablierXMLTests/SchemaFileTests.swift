import Foundation
import FoundationXML
import SablierCore
import SablierSchemas
import SablierTestSupport
import SablierXML
import Testing

@Suite("The XSD files")
struct SchemaFileTests {
    static let xmllint = "/usr/bin/xmllint"
    static var hasXmllint: Bool { FileManager.default.isExecutableFile(atPath: xmllint) }

    /// Runs xmllint --schema on a file; returns its exit status and what it printed.
    static func xmllint(_ file: URL, schema: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", "--nonet", "--schema", Fixtures.schema(schema).path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("the schemas ship as resources")
    func resources() throws {
        for schema in SchemaFile.allCases {
            #expect(schema.url != nil)
            #expect(try schema.data() == Data(contentsOf: Fixtures.schema("\(schema.rawValue).xsd")))
        }
    }

    @Test("xmllint agrees: UdeM and writer output satisfy gala.xsd, the example and writer output satisfy calendrier.xsd",
          .enabled(if: hasXmllint, "xmllint (libxml2-utils) is not installed"))
    func xmllintAgrees() throws {
        let directory = try TemporaryDirectory(prefix: "sablier-xmllint")
        defer { directory.remove() }
        let udem = GALACalendarReader.read(contentsOf: Fixtures.udemGALA, file: "demo.xml")
        let hb = GALACalendarReader.read(contentsOf: Fixtures.hbGALA, file: "hb.xml")
        let galaOut = directory.file("gala.xml")
        try GALACalendarWriter.write(XMLTest.calendar(hb)).data.write(to: galaOut)
        let nativeOut = directory.file("native.xml")
        try NativeCalendarWriter.write(XMLTest.calendar(udem)).data.write(to: nativeOut)

        for (file, schema) in [(Fixtures.udemGALA, "gala.xsd"), (galaOut, "gala.xsd"),
                               (Fixtures.exampleNative, "calendrier.xsd"), (nativeOut, "calendrier.xsd")] {
            let result = try Self.xmllint(file, schema: schema)
            #expect(result.status == 0, "\(file.lastPathComponent): \(result.output)")
        }
        // The raw HB file is what Sablier mends: xmllint sees its CODECLASS out of place.
        let raw = try Self.xmllint(Fixtures.hbGALA, schema: "gala.xsd")
        #expect(raw.status != 0)
        #expect(raw.output.contains("NO_RECUEIL"))
    }

    @Test("every declaration of calendrier.xsd and gala.xsd is documented", arguments: ["calendrier.xsd", "gala.xsd"])
    func documented(schema: String) throws {
        let document = try XMLDocument(contentsOf: Fixtures.schema(schema), options: [])
        let undocumented = try document.nodes(forXPath: """
            //*[(local-name()='element' or local-name()='attribute' or local-name()='complexType' or local-name()='simpleType')
                and (@name or @ref)
                and not(*[local-name()='annotation']/*[local-name()='documentation'])]
            """)
        let names = undocumented.compactMap { ($0 as? XMLElement)?.attribute(forName: "name")?.stringValue ?? ($0 as? XMLElement)?.attribute(forName: "ref")?.stringValue }
        if schema == "gala.xsd" {
            // gala.xsd documents its element declarations and named types; the ROW/DELAI references need none.
            #expect(names.allSatisfy { ["ROW", "DELAI", "DELAI_ROW"].contains($0) }, "\(names)")
        } else {
            #expect(names.isEmpty, "\(names)")
        }
    }
}
