public import SablierCore

/// Reads a calendar spreadsheet saved as CSV, in either layout (`SpreadsheetLayout`), into a
/// `CalendarSubmission` of format `.spreadsheet`, one `SubmittedRule` per data row.
///
/// It reads and normalises; it does not judge: remark resolution, the remarks 888, 999 and T
/// require, the secondary copy's disposition and duplicate rule numbers are checked by the
/// validation that every format shares.
public enum SpreadsheetCalendarReader {
    /// Reads a spreadsheet. Never throws for bad content: problems are the submission's
    /// diagnostics (warnings for normalised deviations, errors otherwise). The separator is
    /// guessed from the header row unless `dialect` is given.
    public static func read(bytes: [UInt8], file: String, dialect: CSVDialect? = nil) -> CalendarSubmission {
        let dialect = dialect ?? CSVDialect.guess(from: bytes.prefix(64 * 1024))
        // A header of no known layout refuses the file before its rows are read: a million of
        // them would be parsed, and checked for their width, for nothing.
        let head = CSVStream(bytes: bytes, file: file, dialect: dialect)
        if head.diagnostics.isEmpty, head.header.count > 0, SpreadsheetLayout.detect(header: head.header) == nil {
            return Sheet(format: .spreadsheet, file: file, settings: RetentionCalendar(), isDelta: false, rules: [],
                         diagnostics: [unrecognisedHeader(file: file, line: head.header.line)])
        }
        return read(table: CSVTable(bytes: bytes, file: file, dialect: dialect))
    }

    static func unrecognisedHeader(file: String, line: Int) -> Diagnostic {
        .error(
            at: SourceLocation(file: file, line: line),
            .sheetUnrecognisedHeader,
            ["admq": ADMQColumns.all.joined(separator: ", "), "rule": GALAColumns.rule.joined(separator: ", "),
             "copy": GALAColumns.delay.joined(separator: ", ")]
        )
    }

    /// Reads a sheet already split into a header and rows, whatever file it came from (a CSV
    /// file, or a sheet of an OpenDocument spreadsheet): the layout is detected from the header
    /// and every row read as `read(bytes:file:dialect:)` does. The table's diagnostics are kept.
    public static func read(table: CSVTable) -> CalendarSubmission {
        let file = table.file
        var sheet = Sheet(format: .spreadsheet, file: file, settings: RetentionCalendar(), isDelta: false, rules: [], diagnostics: table.diagnostics)
        guard table.header.count > 0 else { return sheet }
        guard let layout = SpreadsheetLayout.detect(header: table.header) else {
            sheet.diagnostics.append(unrecognisedHeader(file: file, line: table.header.line))
            return sheet
        }
        switch layout {
        case .admq: ADMQSheetReader(table: table).read(into: &sheet)
        case .galaColumns: GALAColumnsSheetReader(table: table).read(into: &sheet)
        }
        sheet.diagnostics = sheet.diagnostics.sortedByLocation.capped()
        return sheet
    }

    typealias Sheet = CalendarSubmission

    /// Header checks both layouts share: required columns, columns the layout does not know,
    /// and repeated columns the layout does not expect (only the first is read).
    static func checkHeader(_ table: CSVTable, layout: SpreadsheetLayout, repeatable: Set<String>, into diagnostics: inout [Diagnostic]) -> Bool {
        let header = table.header
        let headerLine = SourceLocation(file: table.file, line: header.line)
        let missing = header.missing(layout.requiredColumns)
        if !missing.isEmpty {
            diagnostics.append(.error(at: headerLine, .sheetMissingColumns,
                                      ["layout": layout.label, "count": String(missing.count), "columns": missing.joined(separator: "\n")]))
        }
        let known = Set(layout.columns.map { CSVHeader.key($0) })
        for (index, name) in header.names.enumerated() where !known.contains(CSVHeader.key(name)) {
            diagnostics.append(.warning(at: SourceLocation(file: table.file, line: header.line, column: index + 1),
                                        name.isEmpty ? .sheetUnnamedColumn : .sheetUnknownColumn,
                                        ["column": name, "position": String(index + 1), "layout": layout.label], field: name))
        }
        for (name, count) in header.duplicates where !repeatable.contains(CSVHeader.key(name)) && known.contains(CSVHeader.key(name)) {
            diagnostics.append(.warning(at: headerLine, .sheetRepeatedColumn, ["column": name, "count": String(count)], field: name))
        }
        return missing.isEmpty
    }

    /// Rows whose every cell is blank are skipped, with one warning for them all.
    static func isBlank(_ row: CSVRecord) -> Bool {
        row.fields.allSatisfy { $0.trimmingSpaces().isEmpty }
    }

    static func reportBlankRows(_ lines: [Int], file: String, into diagnostics: inout [Diagnostic]) {
        guard let first = lines.first else { return }
        diagnostics.append(.warning(at: SourceLocation(file: file, line: first), lines.count == 1 ? .sheetBlankRow : .sheetBlankRows,
                                    ["count": String(lines.count), "first": String(first)]))
    }

    /// Keeps the first non-blank value of a calendar-level setting and warns at each row that
    /// gives another.
    static func agree(_ value: String?, with kept: inout String?, _ reader: inout RowReader, column: Int?) {
        guard let value else { return }
        guard let existing = kept else { kept = value; return }
        if value != existing {
            reader.warning(column, .sheetSettingDiffers, ["value": value, "kept": existing])
        }
    }
}

/// The ADMQ layout: one row per rule, the principal copy in `princ_*`, the secondary in `sec_*`.
struct ADMQSheetReader {
    let table: CSVTable

    func read(into sheet: inout CalendarSubmission) {
        let header = table.header
        guard SpreadsheetCalendarReader.checkHeader(table, layout: .admq, repeatable: [], into: &sheet.diagnostics) else { return }
        func column(_ name: String) -> Int? { header.index(of: name) }
        func copyColumns(_ kind: CopyKind, _ names: (values: [CopyField: String], remarks: [CopyField: String])) -> CopyColumns {
            CopyColumns(kind: kind, values: names.values.compactMapValues(column), remarks: names.remarks.compactMapValues(column))
        }
        let principal = copyColumns(.principal, ADMQColumns.principal)
        let secondaire = copyColumns(.secondaire, ADMQColumns.secondaire)
        let hasSecondaryColumns = !secondaire.fieldColumns.isEmpty
        if !hasSecondaryColumns {
            sheet.diagnostics.append(.warning(at: SourceLocation(file: table.file, line: header.line), .sheetNoSecondaryColumns))
        }
        let organisationColumn = column(ADMQColumns.organisation)
        let numberColumn = column(ADMQColumns.number)
        var organisation: String?
        var blankRows: [Int] = []

        // The rows' problems: the first hundred kept, the others counted (`DiagnosticCollector`).
        var rowProblems = DiagnosticCollector()
        for row in table.rows {
            if SpreadsheetCalendarReader.isBlank(row) { blankRows.append(row.line); continue }
            // Past the sheet's hundred diagnostics, a row's are counted, not written.
            var reader = RowReader(file: table.file, header: header, row: row,
                                   counting: rowProblems.isFull)
            func path(_ name: String) -> RuleFieldPath { RuleFieldPath(column(name).map(reader.name) ?? name) }

            let number = reader.text(numberColumn, .number)
            guard !number.isEmpty else {
                reader.error(numberColumn, .sheetRowWithoutNumber)
                rowProblems.merge(reader.found)
                continue
            }
            reader.rule = number
            reader.note(path(ADMQColumns.number), numberColumn)
            SpreadsheetCalendarReader.agree(reader.optionalText(organisationColumn, path(ADMQColumns.organisation)),
                                            with: &organisation, &reader, column: organisationColumn)

            let title = reader.text(column(ADMQColumns.title), path(ADMQColumns.title))
            reader.note(.title, column(ADMQColumns.title))
            let (remarks, preamble) = reader.remarks(column(ADMQColumns.remarks))
            let general = reader.optionalText(column(ADMQColumns.general), path(ADMQColumns.general))
            let rule = Rule(
                number: number,
                title: title,
                description: reader.text(column(ADMQColumns.description), path(ADMQColumns.description)),
                documentTypes: reader.list(column(ADMQColumns.documentTypes), path(ADMQColumns.documentTypes)),
                processes: reader.list(column(ADMQColumns.processes), path(ADMQColumns.processes), separators: [";", "\n", "\r"]),
                classificationCodes: reader.classificationCodes(
                    column(ADMQColumns.classification).map { [$0] } ?? [], path(ADMQColumns.classification)),
                holderUnit: reader.optionalText(column(ADMQColumns.holder), path(ADMQColumns.holder)),
                legalReferences: reader.lines(column(ADMQColumns.legal), path(ADMQColumns.legal)),
                recueil: reader.optionalText(column(ADMQColumns.recueil), path(ADMQColumns.recueil)),
                principal: reader.copy(.principal, principal),
                secondaire: hasSecondaryColumns ? reader.secondaryCopy(secondaire) : nil,
                remarks: remarks,
                generalRemark: RowReader.generalRemark(preamble: preamble, general)
            )
            sheet.rules.append(SubmittedRule(rule: rule, location: SourceLocation(file: table.file, line: row.line), fieldLocations: reader.locations))
            rowProblems.merge(reader.found)
        }
        sheet.settings.organisation = organisation
        sheet.diagnostics += rowProblems.diagnostics
        SpreadsheetCalendarReader.reportBlankRows(blankRows, file: table.file, into: &sheet.diagnostics)
    }
}
