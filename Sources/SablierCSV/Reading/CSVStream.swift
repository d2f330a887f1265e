public import SablierCore

/// A CSV file read as a header and rows like `CSVTable`, with the same diagnostics, but row by
/// row: each row is seen in place (`CSVRecordView`) and never kept, so a register of a million
/// rows is read without holding a million records.
///
/// The header is read at once; `forEachRow` then reads the data rows.
public struct CSVStream: Sendable {
    /// The file as named to the user, for locations.
    public let file: String
    public let header: CSVHeader
    /// Problems of the header: malformed CSV in it, an empty file, required columns missing.
    public let diagnostics: [Diagnostic]
    private let bytes: [UInt8]
    private let dialect: CSVDialect

    /// Reads the header of `bytes`; `required` columns missing from it are reported as one error.
    public init(bytes: [UInt8], file: String, dialect: CSVDialect = .comma, required: [String] = []) {
        self.file = file
        self.bytes = bytes
        self.dialect = dialect
        var cursor = CSVReader(bytes: bytes, dialect: dialect).makeCursor()
        let first: CSVRecord?
        do {
            first = try cursor.next()
        } catch {
            header = CSVHeader([], line: 0)
            diagnostics = [error.diagnostic(file: file)]
            return
        }
        guard let first else {
            header = CSVHeader([], line: 0)
            diagnostics = [.error(at: SourceLocation(file: file, line: 0), .csvEmpty)]
            return
        }
        header = CSVHeader(first.fields, line: first.line)
        let missing = header.missing(required)
        if missing.isEmpty {
            diagnostics = []
        } else {
            diagnostics = [Self.missingColumns(missing, location: SourceLocation(file: file, line: header.line))]
        }
    }

    /// The error naming the required columns a header lacks.
    static func missingColumns(_ missing: [String], location: SourceLocation) -> Diagnostic {
        .error(at: location, .csvMissingColumns, ["count": String(missing.count), "columns": missing.joined(separator: "\n")])
    }

    /// Calls `body` with each data row, in order, and the problem with its number of fields if
    /// it has one (as `CSVTable` reports it). Malformed CSV stops the reading: its error is
    /// returned, the rows before it have been seen. Nothing is read when the header could not be.
    public func forEachRow<E: Error>(_ body: (borrowing CSVRecordView, Diagnostic?) throws(E) -> Void) throws(E) -> Diagnostic? {
        guard header.line > 0 else { return nil }
        let expected = header.count
        let file = self.file
        var failure: E?
        var seenHeader = false
        do {
            try CSVReader(bytes: bytes, dialect: dialect).forEachRecord { record in
                guard seenHeader else { seenHeader = true; return }
                var shape: Diagnostic?
                if record.count != expected { shape = Self.fieldCountDiagnostic(record, expected: expected, file: file) }
                do throws(E) {
                    try body(record, shape)
                } catch {
                    failure = error
                    throw StopReading()
                }
            }
        } catch let error as CSVError {
            return error.diagnostic(file: file)
        } catch {
            // Only `body` stops the reading otherwise.
        }
        if let failure { throw failure }
        return nil
    }

    private struct StopReading: Error {}

    /// `CSVTable.fieldCountDiagnostic` for a row seen in place.
    static func fieldCountDiagnostic(_ row: borrowing CSVRecordView, expected: Int, file: String) -> Diagnostic {
        let location = SourceLocation(file: file, line: row.line)
        let values = ["count": String(row.count), "expected": String(expected)]
        if row.count > expected {
            var extraAreEmpty = true
            for index in expected..<row.count where !row[index].trimmingSpaces().isEmpty { extraAreEmpty = false }
            if extraAreEmpty { return .warning(at: location, .csvExtraEmptyFields, values) }
        }
        if row.count < expected {
            return .error(at: location, .csvMissingFields, values)
        }
        return .error(at: location, .csvFieldCount, values)
    }

    /// About how many rows the file holds, from the line breaks of its first 64 KiB: enough to
    /// size a table that will hold one entry per row.
    public var estimatedRowCount: Int {
        let sample = bytes.prefix(65_536)
        guard !sample.isEmpty else { return 0 }
        let breaks = sample.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return bytes.count / sample.count * breaks + breaks
    }

    /// Where a field of a row is: the record's start line, and the field index + 1 as column.
    public func location(line: Int, column index: Int? = nil) -> SourceLocation {
        SourceLocation(file: file, line: line, column: index.map { $0 + 1 } ?? 0)
    }
}
