import SablierCSV
public import SablierCore
import SablierXML

/// Recognises a calendar file's format from its content and reads it with the matching reader.
///
/// XML files are told apart by their root element (GALA's `ROWSET` or the native namespaced
/// `calendrierConservation`); anything else is read as a spreadsheet saved as CSV.
public enum CalendarReader {
    /// Reads the file into a submission; problems are diagnostics, never thrown.
    public static func read(_ file: CalendarFile, limits: ImportLimits = ImportLimits()) -> CalendarSubmission {
        let xmlLimits = XMLLimits(maximumBytes: limits.maxBytes)
        guard looksLikeXML(file.bytes) else {
            return SpreadsheetCalendarReader.read(bytes: file.bytes, file: file.path)
        }
        return CalendarXMLReader.read(bytes: file.bytes, file: file.path, limits: xmlLimits)
    }

    /// True when the first significant character (after a byte-order mark and white space) is `<`.
    static func looksLikeXML(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return true }
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: "<")
    }
}
