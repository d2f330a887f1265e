import Foundation
import Testing
import SablierCore
import SablierCSV
import SablierOffice
import SablierTestSupport

/// The real Valcourt 2015 calendar as OpenDocument: the CSV next to it was converted from it,
/// so the sheet must give the same cells, the same rules and the same diagnostics (located at
/// the sheet's rows rather than at the CSV's lines).
@Suite struct ValcourtOpenDocumentTests {
    static let odsURL = Fixtures.root.appendingPathComponent("calendars/valcourt-admq-2015/ValcourtADMQ_2015-11-09.ods")
    static let odsFile = "ValcourtADMQ_2015-11-09.ods"
    static let csvFile = "ValcourtADMQ_2015-11-09.csv"
    static let odsBytes = (try? Data(contentsOf: odsURL)).map(Array.init) ?? []
    static let csvBytes = (try? Data(contentsOf: Fixtures.valcourtCSV)).map(Array.init) ?? []

    static let odsTable = OpenDocumentSpreadsheet.readTable(bytes: odsBytes, file: odsFile)
    static let csvTable = CSVTable(bytes: csvBytes, file: csvFile, dialect: CSVDialect.guess(from: csvBytes.prefix(64 * 1024)))
    static let odsSubmission = OpenDocumentSpreadsheet.readCalendar(bytes: odsBytes, file: odsFile)
    static let csvSubmission = SpreadsheetCalendarReader.read(bytes: csvBytes, file: csvFile)

    @Test func theFixturesAreThere() {
        #expect(Self.odsBytes.count == 49_032)
        #expect(OpenDocumentSpreadsheet.looksLikeOpenDocument(Self.odsBytes))
        #expect(!OpenDocumentSpreadsheet.looksLikeOpenDocument(Self.csvBytes))
        #expect(Self.csvTable.rows.count == 159)
    }

    /// The cells where the fixture CSV differs: its converter dropped every `text:s` (the
    /// element OpenDocument writes for a second space in a row, or a leading one), which
    /// LibreOffice Calc shows as a space. Found by reading content.xml independently (Python's
    /// ElementTree): with `text:s` dropped, all 4,160 cells equal the CSV's.
    static let spaceCells: Set<[Int]> = [
        [15, 4], [24, 7], [32, 26], [34, 7], [43, 8], [62, 25], [63, 25], [64, 25], [67, 25], [68, 25], [69, 26],
        [70, 25], [71, 7], [71, 25], [72, 25], [74, 25], [75, 25], [76, 25], [77, 26], [80, 25], [82, 25], [83, 25],
        [107, 25], [133, 25], [145, 18], [145, 19], [145, 20], [145, 21],
    ]

    @Test func sameCellsAsTheCSVCellByCellButTheSpacesItsConverterDropped() {
        let ods = Self.odsTable, csv = Self.csvTable
        #expect(ods.diagnostics.isEmpty, "\(ods.diagnostics)")
        #expect(ods.header.names == csv.header.names)
        #expect(ods.header.count == 26)
        #expect(ods.rows.count == 159)
        #expect(ods.rows.count == csv.rows.count)
        var differences: [String] = []
        var spaceCells: Set<[Int]> = []
        var extraSpaces = 0
        for (odsRow, csvRow) in zip(ods.rows, csv.rows) {
            #expect(odsRow.count == csvRow.count, "row \(odsRow.line)")
            for (column, (odsCell, csvCell)) in zip(odsRow.fields, csvRow.fields).enumerated() where odsCell != csvCell {
                // Only spaces the CSV lacks, nothing else.
                if odsCell.filter({ $0 != " " }) == csvCell.filter({ $0 != " " }), odsCell.count > csvCell.count {
                    spaceCells.insert([odsRow.line, column + 1])
                    extraSpaces += odsCell.count - csvCell.count
                } else {
                    differences.append("row \(odsRow.line) column \(column + 1): \(odsCell.debugDescription) vs CSV \(csvCell.debugDescription)")
                }
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(20).joined(separator: "\n"))")
        #expect(spaceCells == Self.spaceCells)
        // The sheet's 54 text:s, one of them in a cell repeated over 4 columns.
        #expect(extraSpaces == 57)
        #expect(ods.rows[13].fields[3] == "Outils de gestion  des documents")
        #expect(csv.rows[13].fields[3] == "Outils de gestion des documents")
        #expect(ods.rows[143].fields[17] == " - ")
    }

    @Test func recordLinesAreSheetRows() {
        // One row per rule, no blank row: the header is row 1, the rules rows 2 to 160.
        #expect(Self.odsTable.header.line == 1)
        #expect(Self.odsTable.rows.map(\.line) == Array(2...160))
        // The CSV's lines differ: its cells hold line breaks.
        #expect(Self.csvTable.rows.last?.line == 338)
    }

    /// The 159 rules: equal (==) to the CSV's, but for the rules whose text has a double space
    /// the CSV lost (their descriptions are then equal once runs of spaces are squeezed).
    @Test func sameRulesAsTheCSV() {
        let ods = Self.odsSubmission, csv = Self.csvSubmission
        #expect(ods.format == .spreadsheet)
        #expect(ods.file == Self.odsFile)
        #expect(ods.isDelta == false)
        #expect(ods.rules.count == 159)
        #expect(ods.rules.map(\.rule.number) == csv.rules.map(\.rule.number))
        #expect(ods.settings == csv.settings)
        #expect(ods.settings.organisation == "Ville de Valcourt")
        #expect(ods.diagnostics.errors.isEmpty, "\(ods.diagnostics.errors)")
        func squeezed(_ rule: Rule) -> String {
            String(describing: rule).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        var differing: [String] = []
        for (odsRule, csvRule) in zip(ods.rules.map(\.rule), csv.rules.map(\.rule)) where odsRule != csvRule {
            differing.append(odsRule.number)
            #expect(squeezed(odsRule) == squeezed(csvRule), "rule \(odsRule.number)")
        }
        // The rules of the rows above with a double space inside a text (row 43's lies in a
        // list item, trimmed away; row 145's are blank-or-dash cells).
        #expect(differing == [
            "104.02", "104.14", "105.08", "106.01", "202.01", "202.02", "203.01", "205.01", "205.02", "205.03", "206.01",
            "207.01", "207.02", "207.04", "207.05", "208.01", "208.02", "208.05", "208.07", "208.08", "401.05", "602.02",
        ])
        #expect(ods.rules.first { $0.rule.number == "104.02" }?.rule.title == "Outils de gestion  des documents")
    }

    /// The same cells saved as CSV give the same calendar, to the last field and message: the
    /// sheet goes through the very readers a CSV file goes through.
    @Test func sameCalendarAsItsCellsSavedAsCSV() {
        let table = Self.odsTable
        func quoted(_ field: String) -> String { "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let text = ([table.header.names] + table.rows.map(\.fields)).map { $0.map(quoted).joined(separator: ",") }.joined(separator: "\r\n")
        let csvTable = CSVTable(bytes: Array(text.utf8), file: Self.csvFile)
        let viaCSV = SpreadsheetCalendarReader.read(bytes: Array(text.utf8), file: Self.csvFile)
        #expect(viaCSV.rules.count == 159)
        #expect(viaCSV.rules.map(\.rule) == Self.odsSubmission.rules.map(\.rule))
        var rowOfLine: [Int: Int] = [csvTable.header.line: table.header.line]
        for (odsRow, csvRow) in zip(table.rows, csvTable.rows) { rowOfLine[csvRow.line] = odsRow.line }
        #expect(viaCSV.diagnostics.map { moved($0, rowOfLine) } == Self.odsSubmission.diagnostics)
    }

    func moved(_ diagnostic: Diagnostic, _ rowOfLine: [Int: Int]) -> Diagnostic {
        var moved = diagnostic
        moved.location = SourceLocation(file: Self.odsFile, line: rowOfLine[diagnostic.location.line] ?? -1, column: diagnostic.location.column)
        return moved
    }

    /// Every diagnostic of the CSV, at the sheet row of the same record and the same column.
    @Test func sameDiagnosticsAtSheetRows() {
        var rowOfLine: [Int: Int] = [Self.csvTable.header.line: Self.odsTable.header.line]
        for (odsRow, csvRow) in zip(Self.odsTable.rows, Self.csvTable.rows) { rowOfLine[csvRow.line] = odsRow.line }
        let expected = Self.csvSubmission.diagnostics.map { moved($0, rowOfLine) }
        #expect(Self.odsSubmission.diagnostics.count == 20)
        #expect(Self.odsSubmission.diagnostics == expected)
        // Each rule and its fields are located at the sheet's row.
        for (odsRule, csvRule) in zip(Self.odsSubmission.rules, Self.csvSubmission.rules) {
            #expect(odsRule.location == SourceLocation(file: Self.odsFile, line: rowOfLine[csvRule.location.line] ?? -1))
            #expect(odsRule.fieldLocations.mapValues(\.column) == csvRule.fieldLocations.mapValues(\.column))
        }
    }

    @Test func knownWarningsAtTheirCells() throws {
        let diagnostics = Self.odsSubmission.diagnostics
        let apostrophe = try #require(diagnostics.first { $0.rule == "601.04" })
        #expect(apostrophe.severity == .warning)
        #expect(apostrophe.field == "sec_actif")
        let row = try #require(Self.odsSubmission.rules.first { $0.rule.number == "601.04" }).location.line
        #expect(apostrophe.location == SourceLocation(file: Self.odsFile, line: row, column: 18))
        #expect(apostrophe.description.hasPrefix("\(Self.odsFile):\(row):18: warning: rule 601.04, column 'sec_actif'"))
        #expect(Self.odsSubmission.rules.first?.location == SourceLocation(file: Self.odsFile, line: 2))
        #expect(Self.odsSubmission.rules.last?.location == SourceLocation(file: Self.odsFile, line: 160))
        #expect(diagnostics.filter { $0.message.contains("looks truncated") }.count == 18)
    }

    @Test func cellsWithLineBreaksAndSpaces() throws {
        let rule = try #require(Self.odsSubmission.rules.first { $0.rule.number == "111.02" }).rule
        #expect(rule.generalRemark == "Note\u{00A0}1 : pour les certificats de la MRC appliquer le délai 114.01.\nNote 2\u{00A0}: pour les avis publics d’élection appliquer le délai 107.12.")
        #expect(rule.legalReferences == ["Code municipal, art. 419.", "Loi des cités et ville, art. 337."])
        #expect(try #require(Self.odsSubmission.rules.first { $0.rule.number == "102.01" }).rule.classificationCodes == ["AC.10", "AC.20", "AC.30"])
    }
}
