public import SablierCore

/// A whole CSV file read as a header and rows, with problems as diagnostics rather than thrown:
/// malformed CSV (reading stops there), a missing header, missing required columns and rows
/// whose number of fields differs from the header's.
///
/// For files of calendar size; stream large files with `CSVReader.forEachRecord`.
public struct CSVTable: Sendable {
    /// The file as named to the user, for locations.
    public let file: String
    public let header: CSVHeader
    /// The data records, after the header.
    public let rows: [CSVRecord]
    public var diagnostics: [Diagnostic]

    /// Reads `bytes`; `required` columns missing from the header are reported as one error.
    public init(bytes: [UInt8], file: String, dialect: CSVDialect = .comma, required: [String] = []) {
        self.file = file
        var records: [CSVRecord] = []
        var diagnostics: [Diagnostic] = []
        var cursor = CSVReader(bytes: bytes, dialect: dialect).makeCursor()
        do {
            while let record = try cursor.next() { records.append(record) }
        } catch {
            diagnostics.append(error.diagnostic(file: file))
        }
        guard let first = records.first else {
            header = CSVHeader([], line: 0)
            rows = []
            if diagnostics.isEmpty {
                diagnostics.append(.error(at: SourceLocation(file: file, line: 0), .csvEmpty))
            }
            self.diagnostics = diagnostics
            return
        }
        header = CSVHeader(first.fields, line: first.line)
        rows = Array(records.dropFirst())
        let missing = header.missing(required)
        if !missing.isEmpty {
            diagnostics.append(CSVStream.missingColumns(missing, location: SourceLocation(file: file, line: header.line)))
        }
        self.diagnostics = CSVTable.checkFieldCounts(rows, header: header, file: file, diagnostics)
    }

    /// A table from records read elsewhere, such as the rows of a spreadsheet sheet: `line`
    /// is then the sheet's row number, and a field's index + 1 its column, so messages read
    /// `FILE:ROW:COLUMN`. Rows whose number of fields differs from the header's are reported
    /// as the CSV reader reports them; `diagnostics` (problems met while reading the source)
    /// come first, and everything is sorted by location.
    public init(file: String, header: CSVHeader, rows: [CSVRecord], diagnostics: [Diagnostic] = []) {
        self.file = file
        self.header = header
        self.rows = rows
        self.diagnostics = CSVTable.checkFieldCounts(rows, header: header, file: file, diagnostics)
    }

    private static func checkFieldCounts(_ rows: [CSVRecord], header: CSVHeader, file: String, _ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var found = DiagnosticCollector()
        found.append(contentsOf: diagnostics)
        // Capped as they come (`DiagnosticCollector`): a million short rows make a hundred
        // lines, and past the hundredth a row costs a count, not a sentence.
        for row in rows where row.count != header.count {
            if found.isFull {
                found.countLeftOut(row.count > header.count && extraFieldsAreEmpty(row, expected: header.count) ? .warning : .error)
            } else {
                found.append(fieldCountDiagnostic(row, expected: header.count, file: file))
            }
        }
        return found.diagnostics.sortedByLocation.capped()
    }

    private static func extraFieldsAreEmpty(_ row: CSVRecord, expected: Int) -> Bool {
        row.fields[expected...].allSatisfy { $0.trimmingSpaces().isEmpty }
    }

    /// An error for a short row, or a long row with text beyond the header; a warning for a
    /// long row whose extra fields are all empty (trailing separators), which are ignored.
    static func fieldCountDiagnostic(_ row: CSVRecord, expected: Int, file: String) -> Diagnostic {
        let location = SourceLocation(file: file, line: row.line)
        let values = ["count": String(row.count), "expected": String(expected)]
        if row.count > expected, extraFieldsAreEmpty(row, expected: expected) {
            return .warning(at: location, .csvExtraEmptyFields, values)
        }
        if row.count < expected {
            return .error(at: location, .csvMissingFields, values)
        }
        return .error(at: location, .csvFieldCount, values)
    }

    /// The value of the named column in `row` (the `occurrence`-th column of that name), or nil
    /// when the header lacks the column or the row is short.
    public func value(_ row: CSVRecord, _ column: String, occurrence: Int = 1) -> String? {
        header.index(of: column, occurrence: occurrence).flatMap { row.field($0) }
    }

    /// Where a field of `row` is: the record's start line, and the field index + 1 as column.
    public func location(_ row: CSVRecord, column index: Int? = nil) -> SourceLocation {
        SourceLocation(file: file, line: row.line, column: index.map { $0 + 1 } ?? 0)
    }
}
