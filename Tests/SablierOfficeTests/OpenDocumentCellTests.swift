import Foundation
import Testing
import SablierCore
import SablierCSV
import SablierOffice

/// How cells, rows and their repeats become records: the text a cell shows, the rows and
/// columns messages name.
@Suite struct OpenDocumentCellTests {
    typealias F = ODSFixture

    func table(_ rows: [String], limits: OpenDocumentLimits = OpenDocumentLimits()) throws -> CSVTable {
        OpenDocumentSpreadsheet.readTable(bytes: try F.ods(rows: rows), file: "t.ods", limits: limits)
    }

    func table(content: String) throws -> CSVTable {
        OpenDocumentSpreadsheet.readTable(bytes: try F.ods(content: Array(content.utf8)), file: "t.ods")
    }

    @Test func displayedTextOfACell() throws {
        let cells = [
            // Paragraphs joined with line breaks; text:s, text:tab and text:line-break expanded.
            "<table:table-cell office:value-type=\"string\"><text:p>a<text:s text:c=\"3\"/>b<text:tab/>c</text:p><text:p>d<text:line-break/>e</text:p></table:table-cell>",
            // Spans and links are the paragraph's text; a comment is not.
            "<table:table-cell office:value-type=\"string\"><office:annotation><dc:creator>X</dc:creator><text:p>comment</text:p></office:annotation><text:p>R1 <text:span>: Disque</text:span> <text:a xlink:href=\"http://x\">réseau</text:a>.</text:p></table:table-cell>",
            // White space as written, as Calc reads a cell: nothing collapsed nor trimmed.
            "<table:table-cell office:value-type=\"string\"><text:p>  x  y <text:s/></text:p><text:p> </text:p></table:table-cell>",
            // A typed cell shows its displayed text, not its value.
            "<table:table-cell office:value-type=\"float\" office:value=\"1234.5\"><text:p>1 234,50 $</text:p></table:table-cell>",
            // Without a paragraph, the typed value.
            "<table:table-cell office:value-type=\"float\" office:value=\"888\"/>",
            "<table:table-cell office:value-type=\"date\" office:date-value=\"2015-11-09\"/>",
            // An empty paragraph is an empty displayed text: no fallback.
            "<table:table-cell office:value-type=\"float\" office:value=\"0\"><text:p/></table:table-cell>",
            "<table:covered-table-cell><text:p>covered</text:p></table:covered-table-cell>",
            "<table:table-cell><text:p>&lt;&amp;&gt; é</text:p></table:table-cell>",
        ]
        let table = try table([F.row(F.cells(["h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9"])), F.row(cells)])
        #expect(table.diagnostics.isEmpty, "\(table.diagnostics)")
        let row = try #require(table.rows.first)
        #expect(row.fields == [
            "a   b\tc\nd\ne", "R1 : Disque réseau.", "  x  y  \n ", "1 234,50 $", "888", "2015-11-09", "", "covered", "<&> é",
        ])
        #expect(row.line == 2)
    }

    @Test func repeatedCellsAndRowsCountInRowAndColumnNumbers() throws {
        let rows = [
            // Two empty rows before the header are not records, but count.
            F.row([F.cell("", repeated: 5)], repeated: 2),
            F.row(F.cells(["a", "b", "c", "d"])),
            F.row([F.cell("x", repeated: 2), F.cell(""), F.cell("y")]),
            // Empty rows between values are kept (a blank record each), trailing ones are not.
            F.row([F.cell("", repeated: 1024)], repeated: 3),
            F.row([F.cell(""), F.cell("z")], repeated: 2),
            F.row([F.cell("", repeated: 1024)], repeated: 1_048_000),
        ]
        let table = try table(rows)
        #expect(table.diagnostics.isEmpty, "\(table.diagnostics)")
        #expect(table.header.line == 3)
        #expect(table.header.names == ["a", "b", "c", "d"])
        #expect(table.rows.map(\.line) == [4, 5, 6, 7, 8, 9])
        #expect(table.rows.map(\.fields) == [
            ["x", "x", "", "y"], ["", "", "", ""], ["", "", "", ""], ["", "", "", ""], ["", "z", "", ""], ["", "z", "", ""],
        ])
    }

    @Test func recordsArePaddedToTheUsedAreaAsCSVIs() throws {
        // A value right of the header makes every record one wider, as the CSV a spreadsheet
        // saves has; the header's extra column is unnamed.
        let table = try table([F.row(F.cells(["a", "b"])), F.row(F.cells(["1"])), F.row(F.cells(["1", "2", "3"]))])
        #expect(table.header.names == ["a", "b", ""])
        #expect(table.rows.map(\.fields) == [["1", "", ""], ["1", "2", "3"]])
        #expect(table.diagnostics.isEmpty)
    }

    @Test func onlyTheFirstSheetIsReadWithAWarning() throws {
        let bytes = try F.ods(sheets: [
            F.sheet(name: "Règles", rows: [F.row(F.cells(["a"])), F.row(F.cells(["1"]))]),
            F.sheet(name: "Notes", rows: [F.row(F.cells(["other"]))]),
            F.sheet(name: "Vide", rows: []),
            // A DDE link's cached table is not a sheet.
            "<table:dde-links><table:dde-link><office:dde-source office:dde-application=\"soffice\"/>"
                + F.sheet(name: "cache", rows: [F.row(F.cells(["x"]))]) + "</table:dde-link></table:dde-links>",
        ])
        let table = OpenDocumentSpreadsheet.readTable(bytes: bytes, file: "t.ods")
        #expect(table.header.names == ["a"])
        #expect(table.rows.map(\.fields) == [["1"]])
        #expect(table.diagnostics == [
            .warning(at: SourceLocation(file: "t.ods", line: 0), "the spreadsheet has 3 sheets; only the first, 'Règles', is read"),
        ])
    }

    @Test func rowGroupsAndHeaderRowsAreRows() throws {
        let table = try table(content: F.document(sheets: [
            "<table:table table:name=\"S\"><table:table-header-rows>" + F.row(F.cells(["h"])) + "</table:table-header-rows>"
                + "<table:table-row-group>" + F.row(F.cells(["1"])) + "<table:table-rows>" + F.row(F.cells(["2"]))
                + "</table:table-rows></table:table-row-group>" + F.row(F.cells(["3"])) + "</table:table>",
        ]))
        #expect(table.header.names == ["h"])
        #expect(table.rows.map(\.fields) == [["1"], ["2"], ["3"]])
        #expect(table.rows.map(\.line) == [2, 3, 4])
    }

    @Test func badRepeatCountsAreReadAsOneWithAWarning() throws {
        let table = try table([
            F.row(F.cells(["a", "b"])),
            "<table:table-row table:number-rows-repeated=\"deux\"><table:table-cell table:number-columns-repeated=\"0\"><text:p>x</text:p></table:table-cell>"
                + F.cell("y") + "</table:table-row>",
        ])
        #expect(table.rows.map(\.fields) == [["x", "y"]])
        #expect(table.diagnostics.map(\.severity) == [.warning, .warning])
        #expect(table.diagnostics.map(\.location) == [
            SourceLocation(file: "t.ods", line: 2), SourceLocation(file: "t.ods", line: 2, column: 1),
        ])
        #expect(table.diagnostics.first?.message == "table:number-rows-repeated=\"deux\" is not a positive whole number; read as 1")
    }

    @Test func emptySheetAndNoSheet() throws {
        let empty = try table([F.row([F.cell("", repeated: 1024)], repeated: 1_048_576)])
        #expect(empty.header.count == 0)
        #expect(empty.diagnostics.map(\.description) == ["t.ods: error: the first sheet ('Feuille1') is empty: a header row is expected"])
        let none = try table(content: F.document(sheets: ["<table:dde-links><table:dde-link>" + F.sheet(rows: [F.row(F.cells(["x"]))]) + "</table:dde-link></table:dde-links>"]))
        #expect(none.diagnostics.map(\.description) == ["t.ods: error: the spreadsheet has no sheet: 'content.xml' holds no table:table in office:spreadsheet"])
    }

    /// A rule row read through the ADMQ layout: messages point at the sheet's row and column.
    @Test func calendarMessagesNameSheetRowsAndColumns() throws {
        let bytes = try F.ods(rows: [
            F.row(F.cells(F.admqHeader)),
            F.row(F.cells(F.admqRule("101.01"))),
            F.row([F.cell("", repeated: 40)], repeated: 2),
            F.row(F.cells(F.admqRule("101.02", ["princ_actif": "deux ans"]))),
        ])
        let submission = OpenDocumentSpreadsheet.readCalendar(bytes: bytes, file: "cal.ods")
        #expect(submission.format == .spreadsheet)
        #expect(submission.rules.map(\.rule.number) == ["101.01", "101.02"])
        #expect(submission.rules.map(\.location.line) == [2, 5])
        #expect(submission.rules.first?.rule.principal.active == .years(2))
        let error = try #require(submission.diagnostics.errors.first)
        #expect(error.location == SourceLocation(file: "cal.ods", line: 5, column: 12))
        #expect(error.description.hasPrefix("cal.ods:5:12: error: rule 101.02, column 'princ_actif': \"deux ans\" is not a period"))
        #expect(submission.diagnostics.contains { $0.severity == .warning && $0.location == SourceLocation(file: "cal.ods", line: 3) && $0.message.contains("2 blank rows") })
    }
}
