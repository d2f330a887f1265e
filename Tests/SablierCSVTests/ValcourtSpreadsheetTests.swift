import Foundation
import Testing
import SablierCore
import SablierCSV
import SablierTestSupport

/// The real Valcourt 2015 calendar (ADMQ layout). Expected values were read from the CSV with
/// Python's csv module, independently of this reader.
@Suite struct ValcourtSpreadsheetTests {
    static let file = "ValcourtADMQ_2015-11-09.csv"
    static let submission: CalendarSubmission = {
        let bytes = (try? Data(contentsOf: Fixtures.valcourtCSV)).map(Array.init) ?? []
        return SpreadsheetCalendarReader.read(bytes: bytes, file: file)
    }()

    var submission: CalendarSubmission { Self.submission }

    func rule(_ number: String) throws -> SubmittedRule {
        try #require(submission.rules.first { $0.rule.number == number })
    }

    @Test func wholeCalendarWithoutErrors() {
        #expect(submission.format == .spreadsheet)
        #expect(submission.file == Self.file)
        #expect(submission.isDelta == false)
        #expect(submission.rules.count == 159)
        #expect(submission.diagnostics.errors.isEmpty, "\(submission.diagnostics.errors)")
        #expect(submission.settings.organisation == "Ville de Valcourt")
        #expect(submission.settings.banqOrganisationID == nil)
        #expect(submission.rules.allSatisfy { $0.transaction == nil })
        #expect(submission.rules.first?.rule.number == "101.01")
        #expect(submission.rules.last?.rule.number == "800.03")
    }

    @Test func aggregatesMatchTheSource() {
        let rules = submission.rules.map(\.rule)
        #expect(rules.filter { $0.principal.active == .open }.count == 61)
        #expect(rules.filter { $0.principal.active == .untilReplaced }.count == 23)
        #expect(rules.filter { $0.principal.disposition == .tri }.count == 54)
        #expect(rules.filter { $0.principal.disposition == .conservation }.count == 42)
        #expect(rules.filter { $0.principal.disposition == .destruction }.count == 63)
        #expect(rules.filter { $0.secondaire?.disposition == .destruction }.count == 158)
        #expect(rules.filter { $0.classificationCodes.count > 1 }.count == 25)
        #expect(rules.map(\.classificationCodes.count).reduce(0, +) == 190)
        #expect(rules.map(\.documentTypes.count).reduce(0, +) == 479)
        #expect(rules.filter { !$0.legalReferences.isEmpty }.count == 37)
        #expect(rules.filter { $0.generalRemark != nil }.count == 26)
        #expect(rules.map(\.remarks.count).reduce(0, +) == 306)
        // Every rule but 401.01 defines R1 "Disque réseau."; 401.01 defines only R1 "Durée du bien."
        // although its active periods point to R2 (left to validation, which resolves remarks).
        // 401.06 writes two unnumbered notes after R1, which stay with R1.
        #expect(rules.filter { $0.remark(RemarkID(number: 1))?.text != "Disque réseau." }.map(\.number) == ["401.01", "401.06"])
        #expect(rules.first { $0.number == "401.06" }?.remark(RemarkID(number: 1))?.text.hasPrefix("Disque réseau.\nNote 1 : ") == true)
        #expect(rules.first { $0.number == "401.01" }?.remarks == [Remark(id: RemarkID(number: 1), text: "Durée du bien.")])
        #expect(rules.allSatisfy { $0.principal.supports == [.papier, .numerique] && $0.principal.supportsRemark == RemarkID(number: 1) })
        #expect(rules.allSatisfy { $0.holderUnit != nil && $0.recueil != nil && $0.processes.isEmpty })
        #expect(rules.filter { $0.classificationCodes.contains("DB.20") }.map(\.number) == ["402.01", "402.03", "402.04", "403.01"])
    }

    @Test func rule201_02() throws {
        let rule = try rule("201.02").rule
        #expect(rule.title == "Rapports et états financiers")
        #expect(rule.recueil == "MUN-2009")
        #expect(rule.holderUnit == "Trésorerie")
        #expect(rule.classificationCodes == ["BA.20"])
        #expect(rule.description == "Rapport financier annuel ou de période, état financier vérifier.")
        #expect(rule.documentTypes == ["Rapport."])
        #expect(rule.principal == CopyRule(
            kind: .principal, supports: [.papier, .numerique], supportsRemark: RemarkID(number: 1),
            active: .years(1), semiActive: .years(5), disposition: .conservation, dispositionRemark: RemarkID(number: 2)))
        #expect(rule.secondaire == CopyRule(
            kind: .secondaire, supports: [.papier, .numerique], supportsRemark: RemarkID(number: 1),
            active: .years(2), semiActive: .years(0), disposition: .destruction))
        #expect(rule.remarks.map(\.id) == [RemarkID(number: 1), RemarkID(number: 2)])
        #expect(rule.remark(RemarkID(number: 2))?.text.hasPrefix("S'il y a un rapport cumulatif") == true)
        #expect(rule.legalReferences.isEmpty)
        #expect(rule.generalRemark == nil)
    }

    @Test func rule302_02OpenPeriod() throws {
        let rule = try rule("302.02").rule
        #expect(rule.principal.active == .open)
        #expect(rule.principal.activeRemark == RemarkID(number: 2))
        #expect(rule.principal.semiActive == .years(0))
        #expect(rule.principal.disposition == .conservation)
        #expect(rule.remark(RemarkID(number: 2))?.text == "Durée de l'emploi + 2 ans.")
        #expect(rule.classificationCodes == ["CB.10", "CB.20"])
        #expect(rule.secondaire?.active == .open)
        #expect(rule.secondaire?.activeRemark == RemarkID(number: 2))
    }

    @Test func rule107_13SemiActiveOpenAndNoBreakSpaceRemarks() throws {
        let rule = try rule("107.13").rule
        #expect(rule.principal.semiActive == .open)
        #expect(rule.principal.semiActiveRemark == RemarkID(number: 3))
        #expect(rule.principal.disposition == .tri)
        #expect(rule.principal.dispositionRemark == RemarkID(number: 4))
        // The source writes "R2\u{00A0}: …".
        #expect(rule.remarks == [
            Remark(id: RemarkID(number: 1), text: "Disque réseau."),
            Remark(id: RemarkID(number: 2), text: "Jusqu'au dénouement de la période de contestation."),
            Remark(id: RemarkID(number: 3), text: "Jusqu'au dénouement du mandat."),
            Remark(id: RemarkID(number: 4), text: "Conserver la liste électorale."),
        ])
        for number in ["107.14", "107.17"] {
            #expect(try self.rule(number).rule.principal.semiActive == .open)
        }
    }

    @Test func rule702_01DoubleDashIsNoPeriod() throws {
        let rule = try rule("702.01").rule
        #expect(rule.principal.active == .untilReplaced)
        #expect(rule.principal.semiActive == RetentionPeriod.none)
        #expect(rule.principal.semiActiveRemark == RemarkID(number: 3))
        #expect(rule.remark(RemarkID(number: 3))?.text == "Durée du schéma subséquent.")
        #expect(!submission.diagnostics.contains { $0.rule == "702.01" })
    }

    @Test func rule601_04ApostropheArtefact() throws {
        let entry = try rule("601.04")
        #expect(entry.rule.secondaire?.active == RetentionPeriod.none)
        #expect(entry.rule.secondaire?.semiActive == .years(0))
        #expect(entry.rule.secondaire?.disposition == .destruction)
        let warnings = submission.diagnostics.filter { $0.rule == "601.04" }
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.field == "sec_actif")
        #expect(warning.location == SourceLocation(file: Self.file, line: 279, column: 18))
        #expect(warning.message.contains("rule 601.04"))
        #expect(warning.message.contains("'sec_actif'"))
        #expect(warning.message.contains("\"'!\""))
        #expect(entry.location(of: RuleFieldPath(.secondaire, .active)) == warning.location)
    }

    @Test func rule705_05HasNoSecondaryCopy() throws {
        let entry = try rule("705.05")
        #expect(entry.rule.secondaire == nil)
        #expect(entry.rule.principal.active == .open)
        #expect(entry.rule.principal.disposition == .tri)
        #expect(entry.rule.legalReferences == ["L.R.Q. C-47.1 art. 44"])
        let warnings = submission.diagnostics.filter { $0.rule == "705.05" }
        #expect(warnings.map(\.severity) == [.warning])
        #expect(warnings.first?.message == "rule 705.05 has no secondary copy (all its cells are blank or '-')")
        #expect(warnings.first?.location.line == 306)
    }

    @Test func rule102_01ClassificationCodesOverTwoLines() throws {
        let rule = try rule("102.01").rule
        #expect(rule.classificationCodes == ["AC.10", "AC.20", "AC.30"])
        #expect(rule.principal.disposition == .tri)
        #expect(rule.principal.dispositionRemark == RemarkID(number: 2))
    }

    @Test func legalReferencesAndGeneralRemarks() throws {
        let rule = try rule("111.02").rule
        #expect(rule.legalReferences == ["Code municipal, art. 419.", "Loi des cités et ville, art. 337."])
        #expect(rule.generalRemark == "Note\u{00A0}1 : pour les certificats de la MRC appliquer le délai 114.01.\nNote 2\u{00A0}: pour les avis publics d’élection appliquer le délai 107.12.")
    }

    @Test func truncatedClassificationCodesAreKeptWithAWarning() throws {
        #expect(try rule("703.01").rule.classificationCodes == ["RC."])
        #expect(try rule("800.01").rule.classificationCodes == ["SB.", "SC."])
        let truncated = submission.diagnostics.filter { $0.message.contains("looks truncated") }
        #expect(truncated.count == 18)
        #expect(truncated.allSatisfy { $0.severity == .warning && $0.field == "code_classification" })
        #expect(truncated.contains { $0.rule == "703.01" && $0.message.contains("classification code 'RC.' looks truncated") })
        // Nothing else is reported: the 18 codes, 601.04 and 705.05.
        #expect(submission.diagnostics.count == 20)
    }

    @Test(arguments: [
        ("101.01", 2), ("102.01", 11), ("107.13", 87), ("201.02", 137), ("302.02", 191),
        ("601.04", 279), ("702.01", 289), ("705.05", 306), ("800.03", 338),
    ])
    func recordStartLines(_ number: String, _ line: Int) throws {
        let entry = try rule(number)
        #expect(entry.location == SourceLocation(file: Self.file, line: line))
        #expect(entry.location(of: .title) == SourceLocation(file: Self.file, line: line, column: 4))
        #expect(entry.location(of: RuleFieldPath(.principal, .semiActive)) == SourceLocation(file: Self.file, line: line, column: 14))
        #expect(entry.location(of: RuleFieldPath(.principal, remarkOf: .disposition)) == SourceLocation(file: Self.file, line: line, column: 17))
        #expect(entry.location(of: RuleFieldPath("code_classification")) == SourceLocation(file: Self.file, line: line, column: 6))
        #expect(entry.location(of: .remarks) == SourceLocation(file: Self.file, line: line, column: 24))
    }
}
