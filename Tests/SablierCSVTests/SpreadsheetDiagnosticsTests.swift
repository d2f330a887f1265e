import Testing
import SablierCore
import SablierCSV

/// Builds CSV text, quoting every cell.
private func csv(_ rows: [[String]], separator: String = ",", lineBreak: String = "\n") -> String {
    rows.map { $0.map { "\"" + $0.replacingAll("\"", with: "\"\"") + "\"" }.joined(separator: separator) }
        .joined(separator: lineBreak) + lineBreak
}

private func read(_ text: String, file: String = "cal.csv") -> CalendarSubmission {
    SpreadsheetCalendarReader.read(bytes: Array(text.utf8), file: file)
}

// MARK: ADMQ

private let admqHeader = [
    "Nom_organisme", "regle", "recueil", "titre", "processus", "code_classification", "description",
    "type_document", "detenteur", "princ_support", "princ_support_rm", "princ_actif", "princ_actif_rem",
    "princ_sa", "princ_sa_rem", "princ_df", "princ_df_rem", "sec_actif", "sec_actif_rem", "sec_sa",
    "sec_df", "sec_support", "sec_support_rm", "remarques", "rem_juridique", "rem_generales",
]

/// A valid ADMQ row, with `changes` applied. Its `remarques` cell spans two lines, so the rows
/// of `admq([row, row, …])` start on lines 2, 4, 6, …
private func admqRow(_ number: String = "101.01", _ changes: [String: String] = [:]) -> [String] {
    var values: [String: String] = [
        "Nom_organisme": "Ville de Test", "regle": number, "recueil": "MUN-2014", "titre": "Titre",
        "code_classification": "AA.10", "description": "Desc.", "type_document": "Charte, logo", "detenteur": "Greffe",
        "princ_support": "PA, DM", "princ_support_rm": "R1", "princ_actif": "888", "princ_actif_rem": "R2",
        "princ_sa": "0", "princ_df": "C", "sec_actif": "2", "sec_sa": "0", "sec_df": "D", "sec_support": "PA",
        "sec_support_rm": "R1", "remarques": "R1 : Disque réseau.\nR2 : Durée de l'emploi + 2 ans.",
    ]
    values.merge(changes) { $1 }
    return admqHeader.map { values[$0] ?? "" }
}

private func admq(_ rows: [[String]]) -> CalendarSubmission {
    read(csv([admqHeader] + rows))
}

@Suite struct ADMQDiagnosticsTests {
    @Test func validRowHasNoDiagnostics() throws {
        let submission = admq([admqRow()])
        #expect(submission.diagnostics.isEmpty, "\(submission.diagnostics)")
        let rule = try #require(submission.rules.first?.rule)
        #expect(rule.documentTypes == ["Charte", "logo"])
        #expect(rule.secondaire?.supports == [.papier])
        #expect(submission.settings.organisation == "Ville de Test")
    }

    @Test(arguments: [
        ("princ_actif", "2 ans", "period"),
        ("princ_sa", "-1", "period"),
        ("sec_actif", "X", "period"),
        ("princ_df", "E", "disposition"),
        ("sec_df", "détruire", "disposition"),
        ("princ_actif_rem", "R", "remark reference"),
        ("princ_df_rem", "R1, R2", "remark reference"),
        ("sec_support_rm", "2", "remark reference"),
    ])
    func invalidValueIsAnErrorNamingRuleColumnAndValue(_ column: String, _ value: String, _ what: String) throws {
        let submission = admq([admqRow("101.01"), admqRow("102.05", [column: value])])
        let error = try #require(submission.diagnostics.errors.first)
        #expect(submission.diagnostics.count == 1)
        #expect(error.rule == "102.05")
        #expect(error.field == column)
        #expect(error.location == SourceLocation(file: "cal.csv", line: 4, column: admqHeader.firstIndex(of: column)! + 1))
        #expect(error.message.hasPrefix("rule 102.05, column '\(column)': \"\(value)\" is not a \(what)"))
        #expect(submission.rules.count == 2)
    }

    @Test func apostropheBeforeAValidValueIsRemovedWithAWarning() throws {
        let submission = admq([admqRow("101.01", ["princ_sa": "'5", "princ_df": "'C", "sec_actif_rem": "'R2"])])
        let rule = try #require(submission.rules.first?.rule)
        #expect(rule.principal.semiActive == .years(5))
        #expect(rule.principal.disposition == .conservation)
        #expect(rule.secondaire?.activeRemark == RemarkID(number: 2))
        #expect(submission.diagnostics.map(\.severity) == [.warning, .warning, .warning])
        #expect(submission.diagnostics.map(\.field) == ["princ_sa", "princ_df", "sec_actif_rem"])
        #expect(submission.diagnostics.first?.message == "rule 101.01, column 'princ_sa': leading apostrophe (a spreadsheet text marker) removed from \"'5\"; read as 5")
    }

    @Test func apostropheArtefactThatIsNotAValueIsReadAsNone() throws {
        let submission = admq([admqRow("101.01", ["princ_actif": "'abc", "princ_actif_rem": "", "sec_df": "'"])])
        let rule = try #require(submission.rules.first?.rule)
        #expect(rule.principal.active == RetentionPeriod.none)
        #expect(rule.secondaire?.disposition == nil)
        #expect(submission.diagnostics.errors.isEmpty)
        #expect(submission.diagnostics.map(\.message) == [
            "rule 101.01, column 'princ_actif': \"'abc\" is a spreadsheet artefact, not a period; the period is read as none",
            "rule 101.01, column 'sec_df': \"'\" is a spreadsheet artefact; the disposition is read as none",
        ])
    }

    @Test func blankOrDashSecondaryCopyIsDroppedWithAWarning() throws {
        let blank = ["sec_actif": "- ", "sec_actif_rem": "-", "sec_sa": "--", "sec_df": " ", "sec_support": "", "sec_support_rm": ""]
        let submission = admq([admqRow("101.01", blank)])
        #expect(submission.rules.first?.rule.secondaire == nil)
        #expect(submission.diagnostics.map(\.description) == ["cal.csv:2:18: warning: rule 101.01 has no secondary copy (all its cells are blank or '-')"])
        // One real value keeps the copy.
        var partial = blank
        partial["sec_df"] = "D"
        #expect(admq([admqRow("101.01", partial)]).rules.first?.rule.secondaire?.disposition == .destruction)
    }

    @Test func sheetWithoutSecondaryColumnsWarnsOnce() throws {
        let kept = admqHeader.indices.filter { !admqHeader[$0].hasPrefix("sec_") }
        let rows = [admqHeader, admqRow("101.01"), admqRow("101.02")].map { row in kept.map { row[$0] } }
        let submission = read(csv(rows))
        #expect(submission.rules.count == 2)
        #expect(submission.rules.allSatisfy { $0.rule.secondaire == nil })
        #expect(submission.diagnostics.map(\.description) == [
            "cal.csv:1: warning: the header has no secondary-copy columns (sec_actif, sec_sa, sec_df, sec_support, …); every rule is read without a secondary copy",
        ])
    }

    @Test func remarksTextDeviations() throws {
        let remarks = "Voir aussi 102.01.\nR1 : Disque réseau.\n2: Deux ans.\nR1 : Suite."
        let submission = admq([admqRow("101.01", ["remarques": remarks, "rem_generales": "Générale."])])
        let rule = try #require(submission.rules.first?.rule)
        #expect(rule.remarks == [
            Remark(id: RemarkID(number: 1), text: "Disque réseau.\nSuite."),
            Remark(id: RemarkID(number: 2), text: "Deux ans."),
        ])
        #expect(rule.generalRemark == "Voir aussi 102.01.\nGénérale.")
        #expect(submission.diagnostics.errors.isEmpty)
        let messages = submission.diagnostics.map(\.message)
        #expect(messages.count == 3)
        #expect(messages.contains { $0.contains("text before the first numbered remark (\"Voir aussi 102.01.\")") })
        #expect(messages.contains("rule 101.01, column 'remarques': remark marker '2:' lacks the R; read as R2"))
        #expect(messages.contains("rule 101.01, column 'remarques': remark R1 is defined more than once; its texts are joined"))
        #expect(submission.diagnostics.allSatisfy { $0.field == "remarques" && $0.rule == "101.01" })
    }

    @Test func organisationsThatDisagree() {
        let submission = admq([admqRow("101.01"), admqRow("101.02", ["Nom_organisme": "Autre ville"])])
        #expect(submission.settings.organisation == "Ville de Test")
        #expect(submission.diagnostics.map(\.description) == [
            "cal.csv:4:1: warning: rule 101.02, column 'Nom_organisme': \"Autre ville\" differs from \"Ville de Test\" given by an earlier row; \"Ville de Test\" is kept",
        ])
    }

    @Test func rowWithoutRuleNumber() {
        let submission = admq([admqRow(""), admqRow("101.02")])
        #expect(submission.rules.map(\.rule.number) == ["101.02"])
        #expect(submission.diagnostics.map(\.description) == ["cal.csv:2:2: error: column 'regle': the row has no rule number; it is ignored"])
    }

    @Test func blankRowsAreSkippedWithOneWarning() {
        let blank = admqHeader.map { _ in "" }
        let submission = admq([admqRow("101.01"), blank, admqRow("101.02"), blank])
        #expect(submission.rules.count == 2)
        #expect(submission.diagnostics.map(\.description) == ["cal.csv:4: warning: 2 blank rows (the first on line 4) are ignored"])
    }

    @Test func headerIsTrimmedAndCaseInsensitiveAndSemicolonsAreGuessed() throws {
        let header = admqHeader.map { " " + $0.uppercased() + " " }
        let submission = read(csv([header, admqRow("101.01", ["titre": "A; B"])], separator: ";", lineBreak: "\r\n"))
        #expect(submission.diagnostics.isEmpty, "\(submission.diagnostics)")
        #expect(submission.rules.first?.rule.title == "A; B")
        #expect(submission.rules.first?.rule.principal.active == .open)
    }

    @Test func missingRequiredAndUnknownColumns() {
        var header = admqHeader.filter { $0 != "princ_sa" && $0 != "titre" }
        header.append("couleur")
        let submission = read(csv([header, header.map { _ in "x" }]))
        #expect(submission.rules.isEmpty)
        #expect(submission.diagnostics.map(\.description) == [
            "cal.csv:1: error: the ADMQ spreadsheet header lacks the required columns 'titre', 'princ_sa'",
            "cal.csv:1:25: warning: column 'couleur' is not part of the ADMQ spreadsheet layout; it is ignored",
        ])
    }

    @Test func wrongFieldCountIsAnError() {
        let short = Array(admqRow("101.02").prefix(20))
        let submission = admq([admqRow("101.01"), short])
        #expect(submission.diagnostics.errors.map(\.description) == [
            "cal.csv:4: error: the record has 20 fields but the header has 26; the missing fields are read as empty",
        ])
    }

    @Test func malformedCSVIsAnErrorWithTheLine() {
        let text = csv([admqHeader, admqRow("101.01")]) + "\"Ville\",\"101.02\n"
        let submission = read(text)
        #expect(submission.rules.map(\.rule.number) == ["101.01"])
        #expect(submission.diagnostics.map(\.description) == [
            "cal.csv:4:2: error: the quoted field 2 opened on line 4 is never closed (end of file reached on line 5)",
        ])
    }

    @Test func invalidUTF8IsAnErrorWithTheLine() {
        var bytes = Array(csv([admqHeader, admqRow("101.01")]).utf8)
        bytes += Array("\"Ville\",\"101.02\",\"MUN\",\"Proc".utf8) + [0xE8] + Array("s\"\n".utf8)
        let submission = SpreadsheetCalendarReader.read(bytes: bytes, file: "cal.csv")
        #expect(submission.diagnostics.errors.map(\.location) == [SourceLocation(file: "cal.csv", line: 4, column: 4)])
        #expect(submission.diagnostics.errors.first?.message.contains("invalid UTF-8 (byte 0xE8)") == true)
    }

    @Test func unknownHeaderIsOneErrorListingTheExpectedColumns() throws {
        let submission = read("numero,titre,actif\n1,a,2\n")
        #expect(submission.rules.isEmpty)
        #expect(submission.diagnostics.count == 1)
        let error = try #require(submission.diagnostics.errors.first)
        #expect(error.location == SourceLocation(file: "cal.csv", line: 1))
        #expect(error.message.hasPrefix("unrecognised spreadsheet header: expected the columns of an ADMQ spreadsheet (Nom_organisme, regle, recueil,"))
        #expect(error.message.contains("rem_generales) or GALA element names as columns (ID_ORGANISME, NUMDEMANDE, NUMREGLE, TYPE_TRANS"))
        #expect(error.message.contains("ID_REF_DISPOSITION, REM_DISPOINACT)"))
    }

    @Test func emptyFileIsAnError() {
        #expect(read("").diagnostics.map(\.description) == ["cal.csv: error: the file is empty: a header row is expected"])
        #expect(read("\u{FEFF}\n\n").diagnostics.errors.count == 1)
    }
}

// MARK: GALA columns

private let galaRuleHeader = [
    "ID_ORGANISME", "NUMDEMANDE", "NUMREGLE", "TYPE_TRANS", "RECUEIL", "TITRESER", "REFLEGALE", "CODECLASS",
    "NO_RECUEIL", "PROCACTIVI", "CODECLASS", "NOMUNITE", "DESCSERIE", "TYPESDOC", "DOCUMESSEN", "DOCUMCONFI",
    "REMARQDELA", "REMARQGEN", "GRILLECHAN",
]
private let galaDelayHeader = [
    "NUMREGLE", "TYPEDOSS", "SUPPDOSS", "REM_SUPPDOSS", "PERIOACTIF", "REM_PERIOACTIF", "PERIOSMACT",
    "REM_PERIOSMACT", "ID_REF_DISPOSITION", "REM_DISPOINACT",
]
private let galaHeader = galaRuleHeader + galaDelayHeader + galaDelayHeader

private func galaRow(_ number: String = "101.01", _ rule: [String: String] = [:], p: [String: String] = [:], s: [String: String] = [:]) -> [String] {
    var fields: [String: String] = [
        "ID_ORGANISME": "555", "NUMDEMANDE": "9", "NUMREGLE": number, "TYPE_TRANS": "A", "TITRESER": "Titre",
        "DESCSERIE": "Desc.", "TYPESDOC": "Rapport", "DOCUMESSEN": "O", "DOCUMCONFI": "N",
        "REMARQDELA": "R1 : Disque réseau.", "REMARQGEN": "Générale.", "GRILLECHAN": "N",
    ]
    fields.merge(rule) { $1 }
    func group(_ kind: String, _ changes: [String: String]) -> [String] {
        var values = ["NUMREGLE": number, "TYPEDOSS": kind, "SUPPDOSS": "PA, DM", "REM_SUPPDOSS": "R1",
                      "PERIOACTIF": "2", "PERIOSMACT": kind == "P" ? "5" : "0", "ID_REF_DISPOSITION": kind == "P" ? "C" : "D"]
        values.merge(changes) { $1 }
        return galaDelayHeader.map { values[$0] ?? "" }
    }
    return galaRuleHeader.map { fields[$0] ?? "" } + group("P", p) + group("S", s)
}

private func gala(_ rows: [[String]]) -> CalendarSubmission {
    read(csv([galaHeader] + rows))
}

/// The 1-based column of the `occurrence`-th column named `name`.
private func galaColumn(_ name: String, _ occurrence: Int = 1) -> Int {
    galaHeader.indices.filter { galaHeader[$0] == name }[occurrence - 1] + 1
}

@Suite struct GALAColumnsDiagnosticsTests {
    private let mergeWarning = "cal.csv:1:11: warning: column 'CODECLASS' appears 2 times; the codes of all of them are merged"

    @Test func validRow() throws {
        let submission = gala([galaRow("101.01", ["CODECLASS": "AA.10; AA.20", "REFLEGALE": "Loi A\nLoi B"])])
        #expect(submission.diagnostics.map(\.description) == [mergeWarning])
        let entry = try #require(submission.rules.first)
        #expect(entry.transaction == .add)
        #expect(submission.settings.banqOrganisationID == "555")
        #expect(entry.rule.essentialDocuments == true)
        #expect(entry.rule.confidentialDocuments == false)
        #expect(entry.rule.galaGrilleChan == false)
        #expect(entry.rule.galaRequestNumber == "9")
        #expect(entry.rule.generalRemark == "Générale.")
        #expect(entry.rule.legalReferences == ["Loi A", "Loi B"])
        #expect(entry.rule.classificationCodes == ["AA.10", "AA.20"])
        #expect(entry.rule.principal.semiActive == .years(5))
        #expect(entry.rule.secondaire?.disposition == .destruction)
    }

    @Test func duplicatedClassificationColumnsAreMerged() throws {
        let row = galaRow("101.01")
        var cells = row
        cells[7] = "AA.10; AA.20"
        cells[10] = "AA.20\nAB.30"
        let submission = gala([cells])
        #expect(submission.rules.first?.rule.classificationCodes == ["AA.10", "AA.20", "AB.30"])
        #expect(submission.diagnostics.map(\.description) == [mergeWarning])
    }

    @Test func copiesInEitherOrder() throws {
        var cells = galaRow("101.01", s: ["TYPEDOSS": "P", "PERIOACTIF": "7", "ID_REF_DISPOSITION": "T", "REM_DISPOINACT": "R1"])
        cells[galaColumn("TYPEDOSS") - 1] = "s"
        let submission = gala([cells])
        let rule = try #require(submission.rules.first?.rule)
        #expect(rule.principal.active == .years(7))
        #expect(rule.principal.disposition == .tri)
        #expect(rule.principal.dispositionRemark == RemarkID(number: 1))
        #expect(rule.secondaire?.active == .years(2))
        #expect(submission.diagnostics.errors.isEmpty)
    }

    @Test func ruleWithoutSecondaryGroup() throws {
        let empty = Dictionary(uniqueKeysWithValues: galaDelayHeader.map { ($0, "") })
        let submission = gala([galaRow("101.01", s: empty)])
        #expect(submission.rules.first?.rule.secondaire == nil)
        #expect(submission.diagnostics.map(\.description) == [mergeWarning])
    }

    @Test func blankOrDashSecondaryGroupIsDroppedWithAWarning() throws {
        let dashes = ["SUPPDOSS": "-", "REM_SUPPDOSS": "", "PERIOACTIF": "-", "PERIOSMACT": "-", "ID_REF_DISPOSITION": "-"]
        let submission = gala([galaRow("101.01", s: dashes)])
        #expect(submission.rules.first?.rule.secondaire == nil)
        #expect(submission.diagnostics.warnings.map(\.message).contains("rule 101.01 has no secondary copy (all its cells are blank or '-')"))
    }

    @Test(arguments: [
        (["TYPE_TRANS": "X"], "TYPE_TRANS", "\"X\" is not a transaction: expected A (ajout), M (modification) or S (suppression)"),
        (["TYPE_TRANS": ""], "TYPE_TRANS", "the transaction is blank: expected A (ajout), M (modification) or S (suppression)"),
        (["DOCUMCONFI": "peut-être"], "DOCUMCONFI", "\"peut-être\" is not a yes/no flag: expected O or N"),
    ])
    func ruleLevelErrors(_ changes: [String: String], _ column: String, _ message: String) throws {
        let submission = gala([galaRow("101.01", changes)])
        let error = try #require(submission.diagnostics.errors.first)
        #expect(submission.diagnostics.errors.count == 1)
        #expect(error.message == "rule 101.01, column '\(column)': " + message)
        #expect(error.field == column)
        #expect(error.location.column == galaColumn(column))
        #expect(submission.rules.count == 1)
    }

    @Test func copyValueErrorsNameTheGroupColumn() throws {
        let submission = gala([galaRow("101.01", s: ["PERIOACTIF": "deux"])])
        let error = try #require(submission.diagnostics.errors.first)
        #expect(error.description == "cal.csv:2:\(galaColumn("PERIOACTIF", 2)): error: rule 101.01, column 'PERIOACTIF': \"deux\" is not a period: expected a whole number of years, 888, 999, '-' or a blank cell")
    }

    @Test(arguments: [
        ("X", "\"X\" is not a copy type: expected P or S"),
        ("", "the copy type is blank but the group has values: expected P or S"),
        ("P", "a second copy of type P; only the first is read"),
    ])
    func copyTypeErrors(_ type: String, _ message: String) throws {
        let submission = gala([galaRow("101.01", s: ["TYPEDOSS": type])])
        let errors = submission.diagnostics.errors
        #expect(errors.map(\.message) == ["rule 101.01, column 'TYPEDOSS': " + message])
        #expect(errors.first?.location.column == galaColumn("TYPEDOSS", 2))
        #expect(submission.rules.first?.rule.secondaire == nil)
    }

    @Test func missingPrincipalCopy() {
        let submission = gala([galaRow("101.01", p: ["TYPEDOSS": "S"], s: ["TYPEDOSS": ""].merging(Dictionary(uniqueKeysWithValues: galaDelayHeader.map { ($0, "") })) { $1 })])
        #expect(submission.diagnostics.errors.map(\.message) == ["rule 101.01, column 'TYPEDOSS': rule 101.01 has no principal copy (no group with TYPEDOSS 'P')"])
    }

    @Test func copyNamingAnotherRule() {
        let submission = gala([galaRow("101.01", s: ["NUMREGLE": "101.02"])])
        #expect(submission.diagnostics.errors.map(\.description) == [
            "cal.csv:2:\(galaColumn("NUMREGLE", 3)): error: rule 101.01, column 'NUMREGLE': the copy S names rule \"101.02\", not 101.01",
        ])
    }

    @Test func organisationIDsThatDisagree() {
        let submission = gala([galaRow("101.01"), galaRow("101.02", ["ID_ORGANISME": "556"])])
        #expect(submission.settings.banqOrganisationID == "555")
        #expect(submission.diagnostics.warnings.map(\.message).contains("rule 101.02, column 'ID_ORGANISME': \"556\" differs from \"555\" given by an earlier row; \"555\" is kept"))
    }

    @Test func groupColumnsThatDoNotRepeatPerCopy() {
        var header = galaHeader
        header.remove(at: galaColumn("PERIOSMACT", 2) - 1)
        header.remove(at: galaColumn("NUMREGLE", 3) - 1)
        header.remove(at: galaColumn("NUMREGLE", 2) - 1)
        header.append("NUMREGLE")
        header.append("NUMREGLE")
        let row = header.map { _ in "" }
        let submission = read(csv([header, row]))
        #expect(submission.diagnostics.errors.map(\.message) == [
            "column 'PERIOSMACT' appears 1 time but there are 2 copy groups (columns 'TYPEDOSS'); it is not read",
        ])
        let four = read(csv([galaHeader + ["NUMREGLE"], galaRow("101.01") + ["101.01"]]))
        #expect(four.diagnostics.errors.map(\.message) == [
            "column 'NUMREGLE' appears 4 times; expected once for the rule and once per copy group (3)",
        ])
    }

    @Test func detection() {
        #expect(SpreadsheetLayout.detect(header: admqHeader) == .admq)
        #expect(SpreadsheetLayout.detect(header: [" REGLE", "Princ_DF "]) == .admq)
        #expect(SpreadsheetLayout.detect(header: galaHeader) == .galaColumns)
        #expect(SpreadsheetLayout.detect(header: ["numregle", "typedoss"]) == .galaColumns)
        #expect(SpreadsheetLayout.detect(header: ["regle", "titre"]) == nil)
        #expect(SpreadsheetLayout.detect(header: ["NUMREGLE", "TITRESER"]) == nil)
        #expect(SpreadsheetLayout.admq.columns == admqHeader)
        #expect(SpreadsheetLayout.galaColumns.requiredColumns.contains("TYPE_TRANS"))
    }
}
