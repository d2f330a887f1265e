import SablierCSV
import SablierCore

/// The first sheet as read: its records (header first), with the row numbers of the sheet.
struct Sheet {
    var name: String?
    var records: [CSVRecord]
    /// Warnings met while reading (repeat counts that were not numbers, further sheets).
    var diagnostics: [Diagnostic]

    /// The sheet as a table: the first record is the header.
    func table(file: String) -> CSVTable {
        guard let first = records.first else {
            return CSVTable(file: file, header: CSVHeader([], line: 0), rows: [], diagnostics: diagnostics + [
                .error(at: SourceLocation(file: file, line: 0), self.name == nil ? .odsSheetEmpty : .odsNamedSheetEmpty,
                       self.name.map { ["name": $0] } ?? [:]),
            ])
        }
        return CSVTable(file: file, header: CSVHeader(first.fields, line: first.line), rows: Array(records.dropFirst()), diagnostics: diagnostics)
    }
}

/// A limit the sheet goes over: reading stops.
struct SheetLimitExceeded: Error {
    let diagnostic: Diagnostic
}

/// Turns rows and cells, with their repeat counts, into records, materialising repeats only
/// up to the last non-empty cell of a row and the last non-empty row of the sheet: trailing
/// empty cells are only counted, and empty rows are kept only when a non-empty row follows.
/// Rows before the first non-empty one are dropped (the header is the first non-empty row).
///
/// Every record ends up as wide as the used area (the rightmost non-empty cell of any row),
/// as a spreadsheet saves a sheet as CSV.
struct SheetBuilder {
    let file: String
    let limits: OpenDocumentLimits

    private var records: [CSVRecord] = []
    /// Empty rows met since the last non-empty one (after the header): the first row number
    /// and the count.
    private var blankStart = 0
    private var blankCount = 0
    /// The sheet row number of the next row element.
    private(set) var nextRow = 1
    /// The widest record so far: the used area's width.
    private var width = 0
    private var textBytes = 0

    // The row being read.
    private var row = 0
    private var rowRepeat = 1
    private var cells: [String] = []
    private var trailingEmptyCells = 0
    private var rowTextBytes = 0

    init(file: String, limits: OpenDocumentLimits) {
        self.file = file
        self.limits = limits
    }

    /// The column (1-based) the next cell of the current row starts at.
    var nextColumn: Int { cells.count + trailingEmptyCells + 1 }

    mutating func beginRow(repeat count: Int) {
        row = nextRow
        rowRepeat = count
        cells.removeAll(keepingCapacity: true)
        trailingEmptyCells = 0
        rowTextBytes = 0
    }

    /// A cell (`count` times): an empty one is only counted until a non-empty one follows it.
    mutating func addCell(_ value: String, repeat count: Int) throws(SheetLimitExceeded) {
        guard !value.isEmpty else {
            trailingEmptyCells = min(trailingEmptyCells + count, Int(Int32.max) * 16)
            return
        }
        let column = nextColumn
        guard column - 1 + count <= limits.maximumColumns else {
            let last = column - 1 + count
            throw exceeded(column: column, .odsTooManyColumns, ["row": String(row), "column": String(last), "limit": String(limits.maximumColumns)])
        }
        let bytes = value.utf8.count
        guard bytes <= limits.maximumTextBytes / count, rowTextBytes <= limits.maximumTextBytes - bytes * count else {
            throw textExceeded(column: column)
        }
        rowTextBytes += bytes * count
        cells.append(contentsOf: repeatElement("", count: trailingEmptyCells))
        cells.append(contentsOf: repeatElement(value, count: count))
        trailingEmptyCells = 0
    }

    /// Ends the row (`rowRepeat` times).
    mutating func endRow() throws(SheetLimitExceeded) {
        let count = rowRepeat
        nextRow = row + count
        guard !cells.isEmpty else {
            // Empty: before the header it is dropped; after it, kept only if a value follows.
            if !records.isEmpty {
                if blankCount == 0 { blankStart = row }
                blankCount += count
            }
            return
        }
        let newWidth = max(width, cells.count)
        let (rowCount, overflow) = (records.count + blankCount).addingReportingOverflow(count)
        guard !overflow, rowCount <= limits.maximumCells / max(newWidth, 1) else {
            throw exceeded(column: 0, .odsTooManyCells, ["row": String(row + count - 1), "column": String(newWidth), "limit": String(limits.maximumCells)])
        }
        guard rowTextBytes <= (limits.maximumTextBytes - textBytes) / count else { throw textExceeded(column: 0) }
        textBytes += rowTextBytes * count
        width = newWidth
        for line in blankStart..<(blankStart + blankCount) {
            records.append(CSVRecord(line: line, fields: []))
        }
        blankCount = 0
        for line in row..<(row + count) {
            records.append(CSVRecord(line: line, fields: cells))
        }
    }

    /// The records, each padded to the used area's width.
    func finish(name: String?, diagnostics: [Diagnostic]) -> Sheet {
        var padded = records
        for index in padded.indices where padded[index].fields.count < width {
            padded[index].fields.append(contentsOf: repeatElement("", count: width - padded[index].fields.count))
        }
        return Sheet(name: name, records: padded, diagnostics: diagnostics)
    }

    private func exceeded(column: Int, _ code: DiagnosticCode, _ values: [String: String]) -> SheetLimitExceeded {
        SheetLimitExceeded(diagnostic: .error(at: SourceLocation(file: file, line: row, column: column), code, values))
    }

    private func textExceeded(column: Int) -> SheetLimitExceeded {
        exceeded(column: column, .odsTooMuchText, ["limit": String(limits.maximumTextBytes)])
    }
}
