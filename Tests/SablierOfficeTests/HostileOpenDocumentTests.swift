import Foundation
import Testing
import SablierCore
import SablierCSV
import SablierOffice
import ZIPFoundation
#if canImport(Glibc)
import Glibc
#endif

/// Damaged, hostile and mistaken files: each gives one clear error naming the file, quickly,
/// with nothing read and nothing printed.
@Suite struct HostileOpenDocumentTests {
    typealias F = ODSFixture
    static let file = "hostile.ods"

    func read(_ bytes: [UInt8], limits: OpenDocumentLimits = OpenDocumentLimits()) -> CalendarSubmission {
        OpenDocumentSpreadsheet.readCalendar(bytes: bytes, file: Self.file, limits: limits)
    }

    /// The one diagnostic of a refused file: an error at the file (no row), and no rule.
    func refusal(_ bytes: [UInt8], limits: OpenDocumentLimits = OpenDocumentLimits()) throws -> String {
        let submission = read(bytes, limits: limits)
        #expect(submission.rules.isEmpty)
        #expect(submission.format == .spreadsheet)
        let diagnostic = try #require(submission.diagnostics.first)
        #expect(submission.diagnostics.count == 1, "\(submission.diagnostics)")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == SourceLocation(file: Self.file, line: 0))
        return diagnostic.message
    }

    static let validContent = Array(F.document(sheets: [F.sheet(rows: [F.row(F.cells(["a"])), F.row(F.cells(["1"]))])]).utf8)

    @Test func aValidFileForComparison() throws {
        let table = OpenDocumentSpreadsheet.readTable(bytes: try F.ods(content: Self.validContent), file: Self.file)
        #expect(table.diagnostics.isEmpty)
        #expect(table.rows.map(\.fields) == [["1"]])
    }

    // MARK: Not a spreadsheet

    @Test func notAZip() throws {
        let garbage: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        #expect(OpenDocumentSpreadsheet.looksLikeZip(garbage))
        #expect(!OpenDocumentSpreadsheet.looksLikeOpenDocument(garbage))
        #expect(try refusal(garbage).hasPrefix("the file starts as a zip archive (an OpenDocument or Excel file) but cannot be opened as one"))
        #expect(try refusal(Array("regle,titre\n".utf8)).contains("cannot be opened as one"))
        #expect(try refusal([]).contains("cannot be opened as one"))
        // A valid file cut in half: its central directory is gone.
        let whole = try F.ods(content: Self.validContent)
        #expect(try refusal(Array(whole.prefix(whole.count / 2))).contains("cannot be opened as one"))
    }

    @Test func excelWorkbook() throws {
        let xlsx = try F.zip([
            ("[Content_Types].xml", Array("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8)),
            ("_rels/.rels", Array("<Relationships/>".utf8)),
            ("xl/workbook.xml", Array("<workbook/>".utf8)),
            ("xl/worksheets/sheet1.xml", Array("<worksheet/>".utf8)),
        ])
        #expect(OpenDocumentSpreadsheet.looksLikeZip(xlsx))
        #expect(!OpenDocumentSpreadsheet.looksLikeOpenDocument(xlsx))
        #expect(try refusal(xlsx) == "Excel workbooks are not read: save the sheet as CSV UTF-8 or OpenDocument (.ods)")
        let docx = try F.zip([("[Content_Types].xml", Array("<Types/>".utf8)), ("word/document.xml", Array("<w/>".utf8))])
        #expect(try refusal(docx).hasPrefix("the file is a Word or PowerPoint document, not a calendar"))
        let other = try F.zip([("notes.txt", Array("hello".utf8))])
        #expect(try refusal(other).hasPrefix("the file is a zip archive but not an OpenDocument spreadsheet (no 'mimetype' entry"))
    }

    @Test func otherOpenDocumentKinds() throws {
        let odt = try F.ods(content: Self.validContent, mimetype: "application/vnd.oasis.opendocument.text")
        #expect(OpenDocumentSpreadsheet.looksLikeOpenDocument(odt))
        #expect(try refusal(odt) == "the file is an OpenDocument text document ('application/vnd.oasis.opendocument.text'), not a spreadsheet: save the sheet as CSV UTF-8 or OpenDocument (.ods)")
        let odd = try F.ods(content: Self.validContent, mimetype: "text/plain")
        #expect(try refusal(odd).hasPrefix("the file is a zip archive but not an OpenDocument spreadsheet"))
    }

    @Test func zipWithoutContentXML() throws {
        let bytes = try F.zip([("mimetype", Array(F.spreadsheetType.utf8)), ("META-INF/manifest.xml", Array(F.manifest.utf8))])
        #expect(OpenDocumentSpreadsheet.looksLikeOpenDocument(bytes))
        #expect(try refusal(bytes) == "the OpenDocument spreadsheet has no 'content.xml' entry, which holds its sheets: the file is damaged")
    }

    @Test func passwordProtected() throws {
        let manifest = F.manifest.replacingOccurrences(
            of: "manifest:media-type=\"text/xml\"/>",
            with: "manifest:media-type=\"text/xml\"><manifest:encryption-data manifest:checksum-type=\"SHA1/1K\"/></manifest:file-entry>")
        #expect(try refusal(try F.ods(content: Self.validContent, manifest: manifest)).hasPrefix("the OpenDocument spreadsheet is password-protected"))
    }

    // MARK: Zip bombs and damaged entries

    /// 4 MB of one byte, deflated to a few kilobytes.
    static let compressible = Array(F.document(sheets: [F.sheet(rows: [F.row(F.cells(["a"]))])])
        .replacingOccurrences(of: "<office:body>", with: "<office:body>" + String(repeating: " ", count: 4_000_000)).utf8)
    static let bomb = (try? F.ods(content: compressible)) ?? []

    @Test func zipBombIsRefusedByItsRatio() throws {
        let bytes = Self.bomb
        #expect(bytes.count < 40_000)
        let message = try refusal(bytes)
        #expect(message.hasPrefix("the entry 'content.xml' expands "))
        #expect(message.hasSuffix("over the limit of 100 times: the file is refused as a possible zip bomb"))
        // Allowed a higher ratio, the same file is read: the ratio alone refused it.
        let lenient = read(bytes, limits: OpenDocumentLimits(maximumCompressionRatio: 10_000))
        #expect(lenient.diagnostics.errors.map(\.message) == ["unrecognised spreadsheet header: expected the columns of an ADMQ spreadsheet (Nom_organisme, regle, recueil, titre, processus, code_classification, description, type_document, detenteur, princ_support, princ_support_rm, princ_actif, princ_actif_rem, princ_sa, princ_sa_rem, princ_df, princ_df_rem, sec_actif, sec_actif_rem, sec_sa, sec_df, sec_support, sec_support_rm, remarques, rem_juridique, rem_generales) or GALA element names as columns (ID_ORGANISME, NUMDEMANDE, NUMREGLE, TYPE_TRANS, RECUEIL, TITRESER, REFLEGALE, CODECLASS, NO_RECUEIL, PROCACTIVI, NOMUNITE, DESCSERIE, TYPESDOC, DOCUMESSEN, DOCUMCONFI, REMARQDELA, REMARQGEN, GRILLECHAN, then per copy NUMDELAI, NUMREGLE, TYPEDOSS, SUPPDOSS, REM_SUPPDOSS, PERIOACTIF, REM_PERIOACTIF, PERIOSMACT, REM_PERIOSMACT, ID_REF_DISPOSITION, REM_DISPOINACT)"])
    }

    @Test func oversizedEntryIsRefusedBeforeExpanding() throws {
        let message = try refusal(Self.bomb, limits: OpenDocumentLimits(maximumEntryBytes: 1_000_000, maximumCompressionRatio: 10_000))
        #expect(message == "the entry 'content.xml' expands to \(Self.compressible.count) bytes, over the limit of 1000000 bytes: the file is refused")
    }

    /// The declared size lies (small): expansion stops past it.
    @Test func entryLongerThanDeclaredIsRefused() throws {
        var bytes = Self.bomb
        let (central, local) = try F.headers(of: "content.xml", in: bytes)
        F.patch32(&bytes, at: central + 24, 1_000)
        F.patch32(&bytes, at: local + 22, 1_000)
        #expect(try refusal(bytes) == "the entry 'content.xml' cannot be extracted: it expands beyond its declared size of 1000 bytes; the file is damaged")
    }

    /// A deflate stream cut short: ZIPFoundation 0.9.20 would loop forever on it (#389); it is
    /// refused at once.
    @Test func truncatedDeflateStreamIsRefusedWithoutHanging() throws {
        var bytes = try F.ods(content: Self.validContent)
        let (central, local) = try F.headers(of: "content.xml", in: bytes)
        let half = F.read32(bytes, at: central + 20) / 2
        F.patch32(&bytes, at: central + 20, half)
        F.patch32(&bytes, at: local + 18, half)
        let start = ContinuousClock.now
        #expect(try refusal(bytes) == "the entry 'content.xml' cannot be extracted: its compressed data is cut short; the file is damaged")
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func corruptDataIsRefused() throws {
        var bytes = try F.ods(content: Self.validContent)
        let (central, local) = try F.headers(of: "content.xml", in: bytes)
        let dataStart = local + 30 + Int(bytes[local + 26]) + Int(bytes[local + 28])
        let size = Int(F.read32(bytes, at: central + 20))
        for offset in stride(from: dataStart + 2, to: dataStart + size - 2, by: 3) { bytes[offset] ^= 0x5A }
        let message = try refusal(bytes)
        #expect(message.hasPrefix("the entry 'content.xml' cannot be extracted: "), "\(message)")
        #expect(message.hasSuffix("; the file is damaged"))
    }

    @Test func wrongChecksumIsRefused() throws {
        var bytes = try F.ods(content: Self.validContent)
        let (central, _) = try F.headers(of: "content.xml", in: bytes)
        F.patch32(&bytes, at: central + 16, F.read32(bytes, at: central + 16) ^ 1)
        #expect(try refusal(bytes) == "the entry 'content.xml' cannot be extracted: its CRC-32 does not match; the file is damaged")
    }

    // MARK: Hostile XML

    @Test func doctypeWithEntitiesIsRefused() throws {
        let laughs = """
            <!DOCTYPE office:document-content [
             <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
             <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
             <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
             <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
             <!ENTITY secret SYSTEM "file:///etc/passwd">
            ]>
            """
        let content = F.document(sheets: [F.sheet(rows: [F.row(F.cells(["&d;"])), F.row(F.cells(["&secret;"]))])],
                                 prolog: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- a comment first -->\n" + laughs)
            .replacingOccurrences(of: "&amp;", with: "&")
        let expected = "'content.xml' has a DOCTYPE declaration, which an OpenDocument file never has (its entities could be expanded): the file is refused"
        #expect(try refusal(try F.ods(content: Array(content.utf8))) == expected)
        // In UTF-16, libxml2 reads the prolog; its reader meets the DOCTYPE node and stops there.
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in content.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"").utf16 {
            utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        #expect(try refusal(try F.ods(content: utf16)) == expected)
    }

    @Test func undeclaredEntityIsAnXMLError() throws {
        let content = F.document(sheets: [F.sheet(rows: [F.row(["<table:table-cell><text:p>&boom;</text:p></table:table-cell>"])])])
        let message = try refusal(try F.ods(content: Array(content.utf8)))
        #expect(message.hasPrefix("'content.xml' line 2, column "), "\(message)")
        #expect(message.contains("not well-formed XML: Entity 'boom' not defined"))
    }

    /// libxml2 prints nothing by itself: its messages arrive as diagnostics only.
    @Test func libxml2PrintsNothing() throws {
        let broken = try F.ods(content: Array("<?xml version=\"1.0\"?>\n<office:document-content><unclosed>\u{1}\u{FF}&x;".utf8))
        let invalidUTF8 = try F.ods(content: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>".utf8) + [0xC3, 0x28, 0xFF] + Array("</a>".utf8))
        let (printed, submissions) = try capturingStandardError { [read(broken), read(invalidUTF8)] }
        #expect(submissions.allSatisfy { $0.diagnostics.hasErrors && $0.rules.isEmpty })
        #expect(submissions[0].diagnostics.contains { $0.message.contains("not well-formed XML") })
        #expect(!printed.contains("parser error"), "\(printed)")
        #expect(!printed.contains("error :"), "\(printed)")
        #expect(!printed.contains("Entity: line"), "\(printed)")
    }

    // MARK: Huge repeats

    /// Trailing empty cells and rows, repeated as spreadsheets write them (and far beyond),
    /// are counted, never materialised: 100 cells are enough to read the sheet, at once.
    @Test func hugeRepeatsOfEmptyCellsCostNothing() throws {
        let rows = [
            F.row(F.cells(["regle", "titre"]) + [F.cell("", repeated: 16_382)]),
            F.row(F.cells(["1", "un"]) + [F.cell("", repeated: 1_000_000_000)]),
            F.row(F.cells(["2", "deux"]) + ["<table:covered-table-cell table:number-columns-repeated=\"99999999999999999999\"/>"]),
            F.row([F.cell("", repeated: 1024)], repeated: 1_048_573),
            F.row([F.cell("", repeated: 2_000_000_000)], repeated: 2_147_483_647),
        ]
        let bytes = try F.ods(rows: rows)
        let start = ContinuousClock.now
        let table = OpenDocumentSpreadsheet.readTable(bytes: bytes, file: Self.file, limits: OpenDocumentLimits(maximumCells: 100))
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(table.diagnostics.isEmpty, "\(table.diagnostics)")
        #expect(table.header.names == ["regle", "titre"])
        #expect(table.rows.map(\.fields) == [["1", "un"], ["2", "deux"]])
        #expect(table.rows.map(\.line) == [2, 3])
    }

    /// Empty rows between two values are records (blank rows): two billion of them are
    /// refused by the cell limit before any is made.
    @Test func hugeRepeatOfEmptyRowsBetweenValuesIsRefused() throws {
        let rows = [
            F.row(F.cells(["regle", "titre"])),
            F.row(F.cells(["1", "un"])),
            F.row([F.cell("", repeated: 2_000_000_000)], repeated: 2_000_000_000),
            F.row(F.cells(["2", "deux"])),
        ]
        let start = ContinuousClock.now
        let table = OpenDocumentSpreadsheet.readTable(bytes: try F.ods(rows: rows), file: Self.file)
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(table.rows.isEmpty)
        #expect(table.diagnostics.map(\.description) == [
            "hostile.ods:2000000003: error: the sheet's used area reaches row 2000000003 and column 2, over the limit of 5000000 cells; the sheet is refused",
        ])
        // A few blank rows are kept, each a blank record at its row.
        let few = OpenDocumentSpreadsheet.readTable(bytes: try F.ods(rows: rows.enumerated().map { $0.offset == 2 ? F.row([F.cell("", repeated: 9)], repeated: 3) : $0.element }), file: Self.file)
        #expect(few.rows.map(\.line) == [2, 3, 4, 5, 6])
        #expect(few.rows.map(\.fields) == [["1", "un"], ["", ""], ["", ""], ["", ""], ["2", "deux"]])
    }

    @Test func hugeRepeatsOfValuesAreRefused() throws {
        let header = F.row(F.cells(["regle", "titre"]))
        let wide = OpenDocumentSpreadsheet.readTable(bytes: try F.ods(rows: [header, F.row([F.cell("x"), F.cell("y", repeated: 1_000_000_000)])]), file: Self.file)
        #expect(wide.diagnostics.map(\.description) == [
            "hostile.ods:2:2: error: row 2 has a value in column 1000000001, beyond the limit of 16384 columns; the sheet is refused",
        ])
        let tall = OpenDocumentSpreadsheet.readTable(bytes: try F.ods(rows: [header, F.row(F.cells(["1", "x"]), repeated: 1_000_000_000)]), file: Self.file)
        #expect(tall.diagnostics.map(\.description) == [
            "hostile.ods:2: error: the sheet's used area reaches row 1000000001 and column 2, over the limit of 5000000 cells; the sheet is refused",
        ])
        let spaces = "<table:table-cell><text:p>a<text:s text:c=\"2000000000\"/>b</text:p></table:table-cell>"
        let long = OpenDocumentSpreadsheet.readTable(bytes: try F.ods(rows: [header, F.row([F.cell("1"), spaces])]), file: Self.file)
        #expect(long.diagnostics.map(\.description) == [
            "hostile.ods:2:2: error: a cell holds more than 200000000 bytes of text; the sheet is refused",
        ])
        let text = OpenDocumentSpreadsheet.readTable(
            bytes: try F.ods(rows: [header, F.row([F.cell("1"), F.cell(String(repeating: "x", count: 1000), repeated: 16_000)], repeated: 100)]),
            file: Self.file, limits: OpenDocumentLimits(maximumCells: 10_000_000, maximumTextBytes: 1_000_000_000))
        #expect(text.diagnostics.map(\.description) == [
            "hostile.ods:2: error: the sheet's cells hold more than 1000000000 bytes of text once repeated cells and rows are expanded; the sheet is refused",
        ])
    }
}

/// Runs `body` with the process's standard error sent to a file, and returns what was printed.
private func capturingStandardError<T>(_ body: () throws -> T) throws -> (String, T) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sablier-stderr-\(UUID().uuidString)")
    guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
    defer { try? FileManager.default.removeItem(at: url) }
    let handle = try FileHandle(forWritingTo: url)
    fflush(nil)
    let saved = dup(2)
    dup2(handle.fileDescriptor, 2)
    let result: T
    do {
        result = try body()
    } catch {
        fflush(nil)
        dup2(saved, 2)
        close(saved)
        throw error
    }
    fflush(nil)
    dup2(saved, 2)
    close(saved)
    try handle.close()
    return (String(decoding: try Data(contentsOf: url), as: UTF8.self), result)
}
