import SablierCore

/// The GALA-columns layout: the rule's GALA elements as columns, then the `DELAI_ROW` columns
/// once per copy (`TYPEDOSS` P or S). Mapped as the GALA XML is; each row keeps its `TYPE_TRANS`.
struct GALAColumnsSheetReader {
    let table: CSVTable

    /// The columns of the k-th copy group: the k-th occurrence of each `DELAI_ROW` column.
    private func groups(into diagnostics: inout [Diagnostic]) -> (groups: [CopyColumns], ruleNumber: Int?) {
        let header = table.header
        let count = header.occurrences(of: "TYPEDOSS")
        let headerLine = SourceLocation(file: table.file, line: header.line)
        var groups = (0..<count).map { CopyColumns(type: header.index(of: "TYPEDOSS", occurrence: $0 + 1)) }
        let fields: [(name: String, field: CopyField, remark: Bool)] = CopyField.allCases.flatMap {
            [($0.galaElement, $0, false), ($0.galaRemarkElement, $0, true)]
        }
        for (name, field, remark) in fields {
            let occurrences = header.occurrences(of: name)
            guard occurrences > 0 else { continue }
            guard occurrences == count else {
                diagnostics.append(.error(at: headerLine, count == 1 ? .sheetGroupColumnOneGroup : .sheetGroupColumn,
                    ["column": name, "count": String(occurrences), "groups": String(count)],
                    field: name))
                continue
            }
            for k in 0..<count {
                let index = header.index(of: name, occurrence: k + 1)
                if remark { groups[k].remarks[field] = index } else { groups[k].values[field] = index }
            }
        }
        // NUMREGLE: the rule's, then once per group; or the rule's only; or once per group only.
        let numbers = header.indexes(of: "NUMREGLE")
        switch numbers.count {
        case count + 1:
            for k in 0..<count { groups[k].number = numbers[k + 1] }
            return (groups, numbers[0])
        case 1:
            return (groups, numbers[0])
        case count:
            for k in 0..<count { groups[k].number = numbers[k] }
            return (groups, nil)
        default:
            diagnostics.append(.error(at: headerLine, .sheetNumberColumns, ["count": String(numbers.count), "expected": String(count + 1)],
                field: "NUMREGLE"))
            return (groups, numbers.first)
        }
    }

    func read(into sheet: inout CalendarSubmission) {
        sheet.isDelta = true
        let header = table.header
        let repeatable = Set((GALAColumns.delay + ["CODECLASS"]).map { CSVHeader.key($0) })
        guard SpreadsheetCalendarReader.checkHeader(table, layout: .galaColumns, repeatable: repeatable, into: &sheet.diagnostics) else { return }
        let codeColumns = header.indexes(of: "CODECLASS")
        if codeColumns.count > 1 {
            sheet.diagnostics.append(.warning(at: SourceLocation(file: table.file, line: header.line, column: codeColumns[1] + 1),
                .sheetClassificationMerged, ["count": String(codeColumns.count)], field: "CODECLASS"))
        }
        let (groups, numberColumn) = groups(into: &sheet.diagnostics)
        func column(_ name: String) -> Int? { header.index(of: name) }
        var organisationID: String?
        var blankRows: [Int] = []

        // The rows' problems: the first hundred kept, the others counted (`DiagnosticCollector`).
        var rowProblems = DiagnosticCollector()
        for row in table.rows {
            if SpreadsheetCalendarReader.isBlank(row) { blankRows.append(row.line); continue }
            // Past the sheet's hundred diagnostics, a row's are counted, not written.
            var reader = RowReader(file: table.file, header: header, row: row,
                                   counting: rowProblems.isFull)
            func path(_ name: String) -> RuleFieldPath { RuleFieldPath(column(name).map(reader.name) ?? name) }

            var number = reader.text(numberColumn, .number)
            var numberAt = numberColumn
            if number.isEmpty, let group = groups.first(where: { !reader.cell($0.number).trimmingSpaces().isEmpty }) {
                number = reader.text(group.number, .number)
                numberAt = group.number
            }
            guard !number.isEmpty else {
                reader.error(numberColumn ?? groups.first?.number, .sheetRowWithoutNumber)
                rowProblems.merge(reader.found)
                continue
            }
            reader.rule = number
            reader.note(path("NUMREGLE"), numberAt)

            let idColumn = column("ID_ORGANISME")
            SpreadsheetCalendarReader.agree(reader.optionalText(idColumn, path("ID_ORGANISME")), with: &organisationID, &reader, column: idColumn)

            let transactionColumn = column("TYPE_TRANS")
            let transactionCode = reader.text(transactionColumn, path("TYPE_TRANS"))
            let transaction = RuleTransaction(code: transactionCode)
            if transaction == nil {
                reader.error(transactionColumn, transactionCode.isEmpty ? .sheetTransactionBlank : .sheetNotATransaction,
                             ["value": transactionCode])
            }

            // The copies, in the order of their groups.
            var principal: CopyRule?
            var secondaire: CopyRule?
            var seen: Set<CopyKind> = []
            for group in groups {
                let typeCode = reader.cell(group.type).trimmingSpaces()
                let groupCells = group.fieldColumns
                if typeCode.isEmpty, groupCells.allSatisfy({ reader.isBlankOrDash($0) }) { continue }
                guard let kind = CopyKind(code: typeCode) else {
                    reader.error(group.type, typeCode.isEmpty ? .sheetCopyTypeBlank : .sheetNotACopyType, ["value": typeCode])
                    continue
                }
                guard seen.insert(kind).inserted else {
                    reader.error(group.type, .sheetSecondCopy, ["kind": kind.galaCode])
                    continue
                }
                let groupNumber = reader.cell(group.number).trimmingSpaces()
                if !groupNumber.isEmpty, groupNumber != number {
                    reader.error(group.number, .sheetCopyOfOtherRule, ["kind": kind.galaCode, "named": groupNumber, "rule": number])
                }
                if kind == .principal {
                    principal = reader.copy(.principal, group)
                } else {
                    secondaire = reader.secondaryCopy(group)
                }
            }
            if principal == nil {
                reader.error(groups.first?.type, .sheetNoPrincipalCopy, ["rule": number])
            }

            let title = reader.text(column("TITRESER"), path("TITRESER"))
            reader.note(.title, column("TITRESER"))
            let (remarks, preamble) = reader.remarks(column("REMARQDELA"))
            let general = reader.optionalText(column("REMARQGEN"), path("REMARQGEN"))
            let rule = Rule(
                number: number,
                title: title,
                description: reader.text(column("DESCSERIE"), path("DESCSERIE")),
                documentTypes: reader.list(column("TYPESDOC"), path("TYPESDOC")),
                processes: reader.list(column("PROCACTIVI"), path("PROCACTIVI"), separators: [";", "\n", "\r"]),
                classificationCodes: reader.classificationCodes(codeColumns, path("CODECLASS")),
                holderUnit: reader.optionalText(column("NOMUNITE"), path("NOMUNITE")),
                legalReferences: reader.lines(column("REFLEGALE"), path("REFLEGALE")),
                recueil: reader.optionalText(column("RECUEIL"), path("RECUEIL")),
                recueilRuleNumber: reader.optionalText(column("NO_RECUEIL"), path("NO_RECUEIL")),
                essentialDocuments: reader.yesNo(column("DOCUMESSEN"), path("DOCUMESSEN")),
                confidentialDocuments: reader.yesNo(column("DOCUMCONFI"), path("DOCUMCONFI")),
                principal: principal ?? CopyRule(kind: .principal),
                secondaire: secondaire,
                remarks: remarks,
                generalRemark: RowReader.generalRemark(preamble: preamble, general),
                galaRequestNumber: reader.optionalText(column("NUMDEMANDE"), path("NUMDEMANDE")),
                galaGrilleChan: reader.yesNo(column("GRILLECHAN"), path("GRILLECHAN"))
            )
            sheet.rules.append(SubmittedRule(rule: rule, transaction: transaction,
                                             location: SourceLocation(file: table.file, line: row.line), fieldLocations: reader.locations))
            rowProblems.merge(reader.found)
        }
        sheet.settings.banqOrganisationID = organisationID
        sheet.diagnostics += rowProblems.diagnostics
        SpreadsheetCalendarReader.reportBlankRows(blankRows, file: table.file, into: &sheet.diagnostics)
    }
}
