import SablierCSV
import Testing

/// The CSV Sablier writes: quoting in one place, and the French spreadsheet's format (BOM, `;`,
/// CR LF, formulas neutralised) that Excel in French opens as columns with their accents.
@Suite struct CSVWriterTests {
    @Test func standardQuotesOnlyWhatNeedsIt() {
        var writer = CSVWriter()
        writer.row(["cote", "titre, long", "dit \"oui\"", "deux\nlignes", "=1+1", ""])
        #expect(writer.text == "cote,\"titre, long\",\"dit \"\"oui\"\"\",\"deux\nlignes\",'=1+1,\n")
        #expect(writer.bytes.first == UInt8(ascii: "c"), "no BOM")
    }

    @Test func theUnicodeLineBreaksAreQuotedToo() {
        let format = CSVFormat.standard
        #expect(format.cell("a\u{2028}b") == "\"a\u{2028}b\"")
        #expect(format.cell("a\u{85}b") == "\"a\u{85}b\"")
        #expect(format.cell("a\u{2027}b") == "a\u{2027}b")
        #expect(format.cell("a;b") == "a;b", "a semicolon is no separator in the standard format")
    }

    @Test func frenchSpreadsheetHasTheBOMSemicolonsAndCRLF() {
        var writer = CSVWriter(format: .frenchSpreadsheet)
        writer.row(["Cote", "Titre"])
        writer.row(["RH-1", "Dossiers; employés"])
        #expect(Array(writer.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: writer.bytes.dropFirst(3), as: UTF8.self) == "Cote;Titre\r\nRH-1;\"Dossiers; employés\"\r\n")
    }

    @Test func formulasAreNeutralisedInEveryFormat() {
        let safe = CSVFormat.frenchSpreadsheet
        #expect(safe.cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(safe.cell("+33 1 23") == "'+33 1 23")
        #expect(safe.cell("-2") == "'-2")
        #expect(safe.cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(safe.cell("\tcaché") == "'\tcaché")
        #expect(safe.cell("\rx") == "\"'\rx\"")
        #expect(safe.cell("a=b") == "a=b", "only the first character counts")
        #expect(safe.cell("") == "")
        // The format for programs too: whoever opens it in a spreadsheet runs nothing.
        #expect(CSVFormat.standard.cell("-2") == "'-2")
        #expect(CSVFormat.standard.cell("=1+1") == "'=1+1")
        #expect(CSVFormat(separator: UInt8(ascii: ","))!.cell("=1+1") == "=1+1", "a format may say otherwise")
    }

    @Test func takeHandsOverWhatWasWrittenSoFar() {
        var writer = CSVWriter(format: .frenchSpreadsheet)
        writer.row(["a"])
        let first = writer.take()
        writer.row(["b"])
        #expect(first == [0xEF, 0xBB, 0xBF] + Array("a\r\n".utf8))
        #expect(writer.take() == Array("b\r\n".utf8), "the BOM only once")
        #expect(writer.bytes.isEmpty)
    }

    @Test func whatItWritesReadsBackAsTheSameCells() throws {
        let cells = ["RH-EMP-0042", "Dossier \"Tremblay\", Julie", "ligne 1\r\nligne 2", "été ; hiver"]
        var writer = CSVWriter(format: CSVFormat(separator: UInt8(ascii: ";"), lineEnd: [0x0D, 0x0A])!)
        writer.row(cells)
        let records = try CSVReader(bytes: writer.bytes, dialect: .semicolon).records()
        #expect(records.map(\.fields) == [cells])
    }

    @Test func aSeparatorThatCannotBeWrittenIsRefused() {
        #expect(CSVFormat(separator: UInt8(ascii: "\"")) == nil)
        #expect(CSVFormat(separator: 0x0A) == nil)
        #expect(CSVFormat(separator: 0xC3) == nil)
    }
}
