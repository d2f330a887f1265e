import FuzzSupport
import SablierCore
import SablierCSV
import SablierOffice

/// libFuzzer's entry: the input as a calendar spreadsheet, as the calendar import tells them
/// apart: a zip is an OpenDocument spreadsheet (`.ods`, its first sheet read), anything else a
/// sheet saved as CSV (either layout, separator guessed). Then validated and applied to an
/// empty calendar.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    var submission = OpenDocumentSpreadsheet.looksLikeZip(bytes)
        ? OpenDocumentSpreadsheet.readCalendar(bytes: bytes, file: "fuzz.ods")
        : SpreadsheetCalendarReader.read(bytes: bytes, file: "fuzz.csv")
    _ = CalendarValidator.validate(&submission)
    _ = CalendarDelta.apply(submission, to: nil)
    return 0
}

/// The process's entry point (SwiftPM's name for `main`): libFuzzer, on `fuzz`.
@_cdecl("FuzzSpreadsheetCalendar_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
