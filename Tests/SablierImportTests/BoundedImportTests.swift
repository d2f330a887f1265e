import Foundation
import SablierCore
@testable import SablierImport
import Testing

/// Issue 14: a file already rejected by more errors than are listed is not checked for meaning too.
@Suite("Bounded work of an import")
struct BoundedImportTests {
    static func submission(rules: Int) -> CalendarSubmission {
        let copy = CopyRule(kind: .principal, supports: [], active: .years(1), semiActive: .years(1), disposition: nil)
        let submitted = (0..<rules).map { index in
            SubmittedRule(rule: Rule(number: "100", title: "Titre \(index)", principal: copy), transaction: .add,
                          location: SourceLocation(file: "f.xml", line: index + 1))
        }
        return CalendarSubmission(format: .gala, file: "f.xml", settings: RetentionCalendar(), isDelta: true, rules: submitted)
    }

    @Test("the meaning is checked when reading found few problems, not once the listed errors overflow")
    func validationSkippedPastTheCap() {
        var checked = Self.submission(rules: 300)
        CalendarReader.validate(&checked)
        #expect(checked.diagnostics.hasErrors, "no disposition and a number used 300 times: the check says so")

        var overflowing = Self.submission(rules: 300)
        overflowing.diagnostics = (1...150).map { Diagnostic.error(at: SourceLocation(file: "f.xml", line: $0), "bad") }.capped()
        let before = overflowing.diagnostics
        CalendarReader.validate(&overflowing)
        #expect(overflowing.diagnostics == before)
    }
}
