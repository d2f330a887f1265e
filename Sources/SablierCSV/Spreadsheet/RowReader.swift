import SablierCore

/// The columns of one copy (exemplaire) in a spreadsheet row: where each field's value and
/// remark reference are, when the layout has them.
struct CopyColumns {
    var kind: CopyKind?
    var values: [CopyField: Int] = [:]
    var remarks: [CopyField: Int] = [:]
    /// GALA-columns layout only: the group's `TYPEDOSS` and `NUMREGLE`.
    var type: Int?
    var number: Int?

    /// Every column of the copy's fields, values and remark references.
    var fieldColumns: [Int] {
        CopyField.allCases.flatMap { [values[$0], remarks[$0]].compactMap { $0 } }
    }
}

/// Reads the cells of one spreadsheet row into rule fields, normalising known spreadsheet
/// deviations with a warning and reporting invalid values as errors naming the rule, the
/// column and the value; records where each field was read.
struct RowReader {
    let file: String
    let header: CSVHeader
    let row: CSVRecord
    /// The rule number, once known, for messages.
    var rule: String?
    /// The row's problems; only counted, never written, when `counting` (the sheet already
    /// holds its hundred: `DiagnosticCollector`).
    private(set) var found: DiagnosticCollector
    var locations: [RuleFieldPath: SourceLocation] = [:]

    init(file: String, header: CSVHeader, row: CSVRecord, counting: Bool = false) {
        self.file = file
        self.header = header
        self.row = row
        self.found = DiagnosticCollector(limit: counting ? 0 : .max)
    }

    // MARK: Cells and locations

    /// The raw cell, or "" when the layout lacks the column or the row is short.
    func cell(_ column: Int?) -> String {
        column.flatMap { row.field($0) } ?? ""
    }

    func location(_ column: Int?) -> SourceLocation {
        SourceLocation(file: file, line: row.line, column: column.map { $0 + 1 } ?? 0)
    }

    func name(_ column: Int) -> String {
        column < header.names.count ? header.names[column] : "#\(column + 1)"
    }

    /// True when the cell holds nothing but spaces, `-` or `--`: what spreadsheets leave in a
    /// field that does not apply.
    func isBlankOrDash(_ column: Int?) -> Bool {
        let text = cell(column).trimmingSpaces()
        return text.isEmpty || text == "-" || text == "--"
    }

    mutating func note(_ path: RuleFieldPath, _ column: Int?) {
        guard let column else { return }
        locations[path] = location(column)
    }

    /// `rule 601.04, column 'sec_actif': ` (the rule part when known).
    func prefix(_ column: Int?) -> String {
        let rulePart = rule.map { "rule \($0)" }
        let columnPart = column.map { "column '\(name($0))'" }
        let parts = [rulePart, columnPart].compactMap { $0 }
        return parts.isEmpty ? "" : parts.joined(separator: ", ") + ": "
    }

    /// A problem of the cell: the command line's message names the rule and the column before
    /// the code's sentence; a page has them in `rule` and `field`, and writes the sentence alone.
    mutating func report(_ severity: Severity, _ column: Int?, _ code: DiagnosticCode, _ values: [String: String] = [:]) {
        guard !found.isFull else { return found.countLeftOut(severity) }
        var diagnostic = Diagnostic(severity, at: location(column), code, values, rule: rule, field: column.map(name))
        diagnostic.message = prefix(column) + diagnostic.message
        found.append(diagnostic)
    }

    mutating func error(_ column: Int?, _ code: DiagnosticCode, _ values: [String: String] = [:]) {
        report(.error, column, code, values)
    }

    mutating func warning(_ column: Int?, _ code: DiagnosticCode, _ values: [String: String] = [:]) {
        report(.warning, column, code, values)
    }

    // MARK: Text fields

    /// The trimmed text of a cell; "" when absent.
    mutating func text(_ column: Int?, _ path: RuleFieldPath) -> String {
        note(path, column)
        return cell(column).trimmingSpaces()
    }

    /// The trimmed text, or nil when blank.
    mutating func optionalText(_ column: Int?, _ path: RuleFieldPath) -> String? {
        let value = text(column, path)
        return value.isEmpty ? nil : value
    }

    /// The items of a multi-valued cell (`ListCell.split`).
    mutating func list(_ column: Int?, _ path: RuleFieldPath, separators: Set<Character> = [";", ",", "\n", "\r"]) -> [String] {
        note(path, column)
        return ListCell.split(cell(column), separators: separators)
    }

    /// The non-blank lines of a cell, trimmed.
    mutating func lines(_ column: Int?, _ path: RuleFieldPath) -> [String] {
        note(path, column)
        return cell(column).split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// Classification codes, with a warning for each code that ends with a dot (`RC.`), which
    /// looks cut off; such codes are kept as written.
    mutating func classificationCodes(_ columns: [Int], _ path: RuleFieldPath) -> [String] {
        var codes: [String] = []
        for column in columns {
            for code in list(column, path) where !codes.contains(code) {
                codes.append(code)
                if code.hasSuffix(".") {
                    warning(column, .sheetClassificationTruncated, ["code": code])
                }
            }
        }
        if let first = columns.first { note(path, first) }
        return codes
    }

    /// A GALA yes/no flag (`O`/`N`); nil when blank, an error when neither.
    mutating func yesNo(_ column: Int?, _ path: RuleFieldPath) -> Bool? {
        let value = text(column, path)
        guard !value.isEmpty else { return nil }
        guard let flag = YesNo.parse(value) else {
            error(column, .sheetNotYesNo, ["value": value])
            return nil
        }
        return flag
    }

    /// The numbered remarks of a cell, and the text before the first one (the preamble), with
    /// warnings for what `RemarkText.parse` had to assume.
    mutating func remarks(_ column: Int?) -> (remarks: [Remark], preamble: String?) {
        note(.remarks, column)
        if let column { note(RuleFieldPath(name(column)), column) }
        let parsed = RemarkText.parse(cell(column))
        if let preamble = parsed.preamble {
            warning(column, .sheetRemarksPreamble, ["text": RowReader.excerpt(preamble)])
        }
        for id in parsed.unprefixedMarkers {
            warning(column, .sheetRemarkUnprefixed, ["number": String(id.number), "remark": id.description])
        }
        for id in parsed.duplicates {
            warning(column, .sheetRemarkRepeated, ["remark": id.description])
        }
        return (parsed.remarks, parsed.preamble)
    }

    static func excerpt(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= 60 ? flat : String(flat.prefix(57)) + "…"
    }

    // MARK: Coded cells

    /// The trimmed cell, with a leading apostrophe (a spreadsheet's "text" marker, as in `'!`)
    /// removed; `stripped` tells whether there was one.
    private func code(_ column: Int) -> (text: String, raw: String, stripped: Bool) {
        let raw = cell(column).trimmingSpaces()
        guard raw.hasPrefix("'") else { return (raw, raw, false) }
        return (String(raw.dropFirst()).trimmingSpaces(), raw, true)
    }

    /// Reads a coded cell: blank, `-` and `--` give nil. A value with a leading apostrophe is
    /// read without it, with a warning; if what remains is still invalid, the field is read as
    /// empty with a warning. Any other invalid value is an error.
    private mutating func coded<Value>(
        _ column: Int?, _ path: RuleFieldPath, what: String, invalid: DiagnosticCode, parse: (String) -> Value?
    ) -> Value? {
        guard let column else { return nil }
        note(path, column)
        let (text, raw, stripped) = code(column)
        if text.isEmpty || text == "-" || text == "--" {
            if stripped { warning(column, .sheetArtefact, ["value": raw, "what": what]) }
            return nil
        }
        if let value = parse(text) {
            if stripped { warning(column, .sheetApostrophe, ["value": raw, "read": text]) }
            return value
        }
        if stripped {
            warning(column, .sheetArtefactNotAValue, ["value": raw, "what": what])
        } else {
            error(column, invalid, ["value": raw])
        }
        return nil
    }

    mutating func period(_ column: Int?, _ path: RuleFieldPath) -> RetentionPeriod {
        coded(column, path, what: "period", invalid: .sheetNotAPeriod) {
            RetentionPeriod(cell: $0)
        } ?? .none
    }

    mutating func disposition(_ column: Int?, _ path: RuleFieldPath) -> Disposition? {
        coded(column, path, what: "disposition", invalid: .sheetNotADisposition) { Disposition(code: $0) }
    }

    mutating func remarkReference(_ column: Int?, _ path: RuleFieldPath) -> RemarkID? {
        coded(column, path, what: "remark reference", invalid: .sheetNotARemarkReference) { RemarkID(text: $0) }
    }

    mutating func supports(_ column: Int?, _ path: RuleFieldPath) -> [Support] {
        coded(column, path, what: "support list", invalid: .sheetNotASupportList) { text in
            Optional(Support.list(from: text))
        } ?? []
    }

    /// A copy's fields from its columns.
    mutating func copy(_ kind: CopyKind, _ columns: CopyColumns) -> CopyRule {
        CopyRule(
            kind: kind,
            supports: supports(columns.values[.supports], RuleFieldPath(kind, .supports)),
            supportsRemark: remarkReference(columns.remarks[.supports], RuleFieldPath(kind, remarkOf: .supports)),
            active: period(columns.values[.active], RuleFieldPath(kind, .active)),
            activeRemark: remarkReference(columns.remarks[.active], RuleFieldPath(kind, remarkOf: .active)),
            semiActive: period(columns.values[.semiActive], RuleFieldPath(kind, .semiActive)),
            semiActiveRemark: remarkReference(columns.remarks[.semiActive], RuleFieldPath(kind, remarkOf: .semiActive)),
            disposition: disposition(columns.values[.disposition], RuleFieldPath(kind, .disposition)),
            dispositionRemark: remarkReference(columns.remarks[.disposition], RuleFieldPath(kind, remarkOf: .disposition))
        )
    }

    /// True when every cell of the copy is blank or `-`.
    func isBlankCopy(_ columns: CopyColumns) -> Bool {
        columns.fieldColumns.allSatisfy { isBlankOrDash($0) }
    }

    /// The secondary copy, or nil with a warning when all its cells are blank or `-`.
    mutating func secondaryCopy(_ columns: CopyColumns) -> CopyRule? {
        guard !isBlankCopy(columns) else {
            let first = columns.fieldColumns.min()
            guard !found.isFull else {
                found.countLeftOut(.warning)
                return nil
            }
            found.append(.warning(
                at: location(first),
                .sheetNoSecondaryCopy, ["rule": rule ?? "?"],
                rule: rule, field: first.map(name)
            ))
            return nil
        }
        return copy(.secondaire, columns)
    }

    /// The general remark: any preamble of the remarks cell, then the general-remarks cell.
    static func generalRemark(preamble: String?, _ general: String?) -> String? {
        let parts = [preamble, general].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }
}
