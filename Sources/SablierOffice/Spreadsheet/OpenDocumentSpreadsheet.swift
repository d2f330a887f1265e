public import SablierCSV
public import SablierCore

/// Reads a calendar spreadsheet saved as OpenDocument (`.ods`, LibreOffice's and Calc's own
/// format): the first sheet becomes a `CSVTable` and goes through the same layout readers as a
/// spreadsheet saved as CSV (`SpreadsheetCalendarReader.read(table:)`), so both give the same
/// calendar and the same messages, located `FILE:ROW:COLUMN` (the sheet's row, 1-based and
/// counting repeated rows, and the cell's column).
///
/// What it reads: the zip container (from memory), its `mimetype`, then `content.xml`, streamed
/// by libxml2's `xmlTextReader` without building a tree. A cell's value is its text as
/// LibreOffice Calc shows it: paragraphs joined with line breaks, white space as written (never
/// collapsed nor trimmed), `text:s` (`c` spaces), `text:tab` and `text:line-break` expanded,
/// spans, links and fields included, comments (`office:annotation`) left out. A typed cell
/// shows its displayed text; only a cell without any paragraph falls back to its
/// `office:value`, `office:date-value`, … Repeated rows and cells are expanded only
/// up to the last one holding a value, so the 1,048,576 empty rows and 1,024 empty columns a
/// spreadsheet writes at the end of a sheet cost nothing.
///
/// Untrusted input: every limit of `OpenDocumentLimits` is checked before the work it bounds;
/// a corrupt or hostile file gives error diagnostics naming the file, never a crash, a hang or
/// output printed by libxml2.
public enum OpenDocumentSpreadsheet {
    /// The media type the `mimetype` entry of a spreadsheet holds.
    public static let mediaType = "application/vnd.oasis.opendocument.spreadsheet"

    /// Reads the first sheet of an OpenDocument spreadsheet as a calendar. Never throws: a
    /// file that is not a readable spreadsheet gives error diagnostics naming it.
    public static func readCalendar(bytes: [UInt8], file: String, limits: OpenDocumentLimits = OpenDocumentLimits()) -> CalendarSubmission {
        SpreadsheetCalendarReader.read(table: readTable(bytes: bytes, file: file, limits: limits))
    }

    /// The first sheet as a table: its first non-empty row is the header; every row after it up
    /// to the last non-empty one is a record, padded with empty fields to the width of the
    /// sheet's used area (as a spreadsheet saves it as CSV), its `line` the row number. When the
    /// file cannot be read, the table is empty and its diagnostics say why.
    public static func readTable(bytes: [UInt8], file: String, limits: OpenDocumentLimits = OpenDocumentLimits()) -> CSVTable {
        let content: [UInt8]
        do {
            content = try OpenDocumentPackage.contentXML(of: bytes, limits: limits)
        } catch {
            return failedTable(file: file, error.diagnostic(file: file))
        }
        switch ContentXMLReader.firstSheet(content, file: file, limits: limits) {
        case .failure(let diagnostics):
            return failedTable(file: file, diagnostics)
        case .success(let sheet):
            return sheet.table(file: file)
        }
    }

    /// True when the bytes start as an OpenDocument file does: a zip whose first entry is named
    /// `mimetype`. Cheap: it reads the first 38 bytes. A document of another kind (text,
    /// presentation) also passes; `readCalendar` tells them apart.
    public static func looksLikeOpenDocument(_ bytes: [UInt8]) -> Bool {
        guard looksLikeZip(bytes), bytes.count >= 38 else { return false }
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        return nameLength == 8 && bytes[30..<38].elementsEqual("mimetype".utf8)
    }

    /// True when the bytes start with a zip signature: a local file header (`PK\u{3}\u{4}`)
    /// or the end record of an empty archive (`PK\u{5}\u{6}`). Office Open XML workbooks
    /// (`.xlsx`) are zips too; `readCalendar` refuses them with a message saying what to do.
    public static func looksLikeZip(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06])
    }

    private static func failedTable(file: String, _ diagnostics: [Diagnostic]) -> CSVTable {
        CSVTable(file: file, header: CSVHeader([], line: 0), rows: [], diagnostics: diagnostics)
    }
}

/// Limits on what an OpenDocument file may expand to, so a hostile or mistaken file cannot
/// exhaust the machine. The defaults are far above any real calendar (the 159-rule Valcourt
/// calendar is a 49 kB file whose `content.xml` is 0.5 MB, compressed 19:1, and whose used area
/// is 160 rows by 26 columns); tests set them small.
public struct OpenDocumentLimits: Sendable, Hashable {
    /// The largest size an entry (`content.xml`) may expand to, in bytes.
    public var maximumEntryBytes: Int
    /// The largest compression ratio (expanded size over compressed size) accepted for an
    /// entry expanding to more than `compressionRatioFloor` bytes: deflate reaches about 1000:1
    /// on repeated bytes, what zip bombs are made of; XML of a real sheet stays below 50:1.
    public var maximumCompressionRatio: Int
    /// Entries expanding to at most this many bytes are not held to the ratio.
    public var compressionRatioFloor: Int
    /// The rightmost column a value may be in (LibreOffice's own limit is 16,384).
    public var maximumColumns: Int
    /// The most cells the used area (rows up to the last value, times columns up to the
    /// rightmost value) may hold once repeated rows and cells are expanded.
    public var maximumCells: Int
    /// The most bytes of text the cells may hold once expanded (repeated cells and `text:s`
    /// counted in full).
    public var maximumTextBytes: Int

    public init(
        maximumEntryBytes: Int = 200_000_000, maximumCompressionRatio: Int = 100, compressionRatioFloor: Int = 1_048_576,
        maximumColumns: Int = 16_384, maximumCells: Int = 5_000_000, maximumTextBytes: Int = 200_000_000
    ) {
        self.maximumEntryBytes = maximumEntryBytes
        self.maximumCompressionRatio = maximumCompressionRatio
        self.compressionRatioFloor = compressionRatioFloor
        self.maximumColumns = maximumColumns
        self.maximumCells = maximumCells
        self.maximumTextBytes = maximumTextBytes
    }
}
