import SablierCSV
public import SablierCore
import SablierOffice
import SablierXML

/// Recognises a calendar file's format from its content and reads it with the matching reader.
///
/// A zip is an OpenDocument spreadsheet (`.ods`), whose first sheet is read as a spreadsheet
/// saved as CSV is; other zips (an Excel `.xlsx`, …) are refused with a message saying how to
/// save the sheet, as are Excel 97–2003 workbooks (`.xls`). XML files are told apart by their
/// root element (GALA's `ROWSET` or the native namespaced `calendrierConservation`); anything
/// else is read as a spreadsheet saved as CSV.
public enum CalendarReader {
    /// Reads the file into a submission; problems are diagnostics, never thrown. `mapped` sees
    /// the rules of formats read rule by rule (GALA) as they are read, before the submission
    /// is complete.
    ///
    /// Its diagnostics are capped (`DiagnosticCollector`): the first hundred, then one counting
    /// the rest, whichever reader found them.
    public static func read(
        _ file: CalendarFile, limits: ImportLimits = ImportLimits(), mapped: ((SubmittedRule) -> Void)? = nil
    ) -> CalendarSubmission {
        var submission = readFormat(file, limits: limits, mapped: mapped)
        submission.diagnostics = submission.diagnostics.capped()
        return submission
    }

    /// Checks the submission's meaning (`CalendarValidator`), unless reading it already found
    /// more errors than a file lists: it is rejected whatever the check would add, and the
    /// check's own sentences, one or more per rule, would cost as much again for nothing.
    public static func validate(_ submission: inout CalendarSubmission) {
        if let last = submission.diagnostics.last, last.code == DiagnosticCode.moreDiagnostics.rawValue, last.severity == .error {
            return
        }
        CalendarValidator.validate(&submission)
    }

    private static func readFormat(
        _ file: CalendarFile, limits: ImportLimits, mapped: ((SubmittedRule) -> Void)?
    ) -> CalendarSubmission {
        if OpenDocumentSpreadsheet.looksLikeZip(file.bytes) {
            return OpenDocumentSpreadsheet.readCalendar(bytes: file.bytes, file: file.path)
        }
        if looksLikeLegacyOffice(file.bytes) {
            return CalendarSubmission(format: .spreadsheet, file: file.path, settings: RetentionCalendar(), isDelta: false, rules: [], diagnostics: [
                .error(at: SourceLocation(file: file.path, line: 0),
                       "Excel 97-2003 workbooks (.xls) are not read: save the sheet as CSV UTF-8 or OpenDocument (.ods)"),
            ])
        }
        let xmlLimits = XMLLimits(maximumBytes: limits.maxBytes)
        guard looksLikeXML(file.bytes) else {
            return SpreadsheetCalendarReader.read(bytes: file.bytes, file: file.path)
        }
        return CalendarXMLReader.read(bytes: file.bytes, file: file.path, limits: xmlLimits, mapped: mapped)
    }

    /// True when the first significant character (after a byte-order mark and white space) is `<`.
    static func looksLikeXML(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return true }
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: "<")
    }

    /// True when the bytes start with the signature of an OLE2 compound file, the container of
    /// Excel 97–2003 workbooks.
    static func looksLikeLegacyOffice(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    }
}
