import Foundation
import SablierCSV
import SablierCore
import Testing

/// Issue 14: a CSV of a million bad rows keeps a hundred diagnostics and counts the rest.
@Suite("Bounded work per CSV input")
struct CSVBoundedWorkTests {
    @Test("a million short rows make 100 diagnostics and one counting the 999,900 others, all errors", .timeLimit(.minutes(1)))
    func shortRowsCapped() {
        let text = "a,b,c,d\n" + String(repeating: "1\n", count: 1_000_000)
        let table = CSVTable(bytes: Array(text.utf8), file: "court.csv")
        #expect(table.rows.count == 1_000_000)
        #expect(table.diagnostics.count == 101)
        #expect(table.diagnostics.first?.location.line == 2)
        let summary = table.diagnostics.last
        #expect(summary?.code == DiagnosticCode.moreDiagnostics.rawValue)
        #expect(summary?.values?["count"] == "999900")
        #expect(summary?.values?["errors"] == "999900")
        #expect(summary?.severity == .error)
    }

    @Test("rows with trailing empty fields past the hundredth are counted as warnings, the file stays readable")
    func trailingSeparatorsCountedAsWarnings() {
        let text = "a,b\n" + String(repeating: "1,2,,\n", count: 500)
        let table = CSVTable(bytes: Array(text.utf8), file: "virgules.csv")
        #expect(table.diagnostics.count == 101)
        #expect(table.diagnostics.last?.values?["warnings"] == "400")
        #expect(table.diagnostics.last?.severity == .warning)
        #expect(!table.diagnostics.hasErrors)
    }

    @Test("a spreadsheet calendar of a million short rows is refused with 101 diagnostics", .timeLimit(.minutes(1)))
    func spreadsheetCapped() {
        let text = "regle,titre\n" + String(repeating: "1\n", count: 1_000_000)
        let submission = SpreadsheetCalendarReader.read(bytes: Array(text.utf8), file: "calendrier.csv")
        #expect(submission.diagnostics.hasErrors)
        #expect(submission.diagnostics.count <= 102, "\(submission.diagnostics.count)")
    }

    @Test("a header of no known layout refuses a million rows without reading them: one diagnostic", .timeLimit(.minutes(1)))
    func unknownHeaderRefusedFirst() {
        let text = "a,b,c,d\n" + String(repeating: "1\n", count: 1_000_000)
        let submission = SpreadsheetCalendarReader.read(bytes: Array(text.utf8), file: "inconnu.csv")
        #expect(submission.diagnostics.map(\.code) == [DiagnosticCode.sheetUnrecognisedHeader.rawValue])
        #expect(submission.diagnostics.first?.location.line == 1)
    }

    @Test("an ADMQ sheet of 20,000 rows with bad periods keeps 100 diagnostics, the rest counted by severity", .timeLimit(.minutes(1)))
    func admqRowsCapped() {
        let columns = ["regle", "titre", "princ_support", "princ_actif", "princ_sa", "princ_df"]
        let rows = (0..<20_000).map { "\($0),Titre,PA,zz,yy,Q" }
        let text = ([columns.joined(separator: ",")] + rows).joined(separator: "\n") + "\n"
        let submission = SpreadsheetCalendarReader.read(bytes: Array(text.utf8), file: "admq.csv")
        #expect(submission.diagnostics.count == 101, "\(submission.diagnostics.count)")
        let summary = submission.diagnostics.last
        #expect(summary?.code == DiagnosticCode.moreDiagnostics.rawValue)
        #expect(summary?.severity == .error)
        let kept = submission.diagnostics.dropLast()
        let total = kept.count + (Int(summary?.values?["count"] ?? "") ?? 0)
        #expect(total >= 60_000, "three bad cells a row, each counted: \(total)")
    }
}
