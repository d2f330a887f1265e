import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import SablierCore
import SablierCSV
import SablierTestSupport

/// HB archivistes' CSV (GALA element names as columns) against the GALA XML generated from it.
@Suite struct GALAColumnsSpreadsheetTests {
    static let file = "CalendrierConservationExemple.csv"
    static let submission: CalendarSubmission = {
        let bytes = (try? Data(contentsOf: Fixtures.hbCSV)).map(Array.init) ?? []
        return SpreadsheetCalendarReader.read(bytes: bytes, file: file)
    }()

    var submission: CalendarSubmission { Self.submission }

    @Test func transactionList() {
        #expect(submission.format == .spreadsheet)
        #expect(submission.isDelta)
        #expect(submission.rules.map(\.rule.number) == ["101.01", "101.02"])
        #expect(submission.rules.map(\.transaction) == [.modify, .modify])
        #expect(submission.rules.map(\.location.line) == [2, 3])
        #expect(submission.settings.banqOrganisationID == "12345")
        #expect(submission.settings.organisation == nil)
        // The one diagnostic: the duplicated CODECLASS column.
        #expect(submission.diagnostics.map(\.description) == [
            "\(Self.file):1:11: warning: column 'CODECLASS' appears 2 times; the codes of all of them are merged",
        ])
    }

    @Test func rule101_01() throws {
        let entry = try #require(submission.rules.first)
        let copy = { (kind: CopyKind, disposition: Disposition) in
            CopyRule(kind: kind, supports: [.papier, .numerique], supportsRemark: RemarkID(number: 1),
                     active: .untilReplaced, activeRemark: RemarkID(number: 2), semiActive: .years(0), disposition: disposition)
        }
        #expect(entry.rule == Rule(
            number: "101.01",
            title: "Document constitutif",
            description: "Documents relatifs à la création et à la constitution de la régie.",
            documentTypes: ["Charte", "lettres patentes", "armoiries", "sceau", "logo", "drapeau"],
            recueil: "MUN-2014",
            recueilRuleNumber: "101.01",
            essentialDocuments: false,
            confidentialDocuments: false,
            principal: copy(.principal, .conservation),
            secondaire: copy(.secondaire, .destruction),
            remarks: [
                Remark(id: RemarkID(number: 1), text: "Disque réseau."),
                Remark(id: RemarkID(number: 2), text: "Jusqu'à leur remplacement par une nouvelle version."),
            ],
            galaRequestNumber: "78",
            galaGrilleChan: false
        ))
        #expect(entry.location(of: RuleFieldPath(.secondaire, .disposition)) == SourceLocation(file: Self.file, line: 2, column: 37))
        #expect(entry.location(of: RuleFieldPath(.principal, remarkOf: .active)) == SourceLocation(file: Self.file, line: 2, column: 24))
        #expect(entry.location(of: RuleFieldPath("TYPE_TRANS")) == SourceLocation(file: Self.file, line: 2, column: 4))
    }

    /// Every field the GALA XML gives, compared with what the CSV reader made of the same rule.
    @Test func equalToTheGALAFileFieldByField() throws {
        let rows = try GALARows.parse(Data(contentsOf: Fixtures.hbGALA))
        #expect(rows.count == 2)
        #expect(submission.rules.count == rows.count)
        for (row, entry) in zip(rows, submission.rules) {
            let rule = entry.rule
            #expect(row.fields["ID_ORGANISME"] == submission.settings.banqOrganisationID)
            #expect(row.fields["NUMDEMANDE"] == rule.galaRequestNumber)
            #expect(row.fields["NUMREGLE"] == rule.number)
            #expect(row.fields["TYPE_TRANS"] == entry.transaction?.rawValue)
            #expect(row.fields["RECUEIL"] == rule.recueil)
            #expect(row.fields["TITRESER"] == rule.title)
            #expect(row.fields["REFLEGALE"] == rule.legalReferences.joined(separator: "\n"))
            #expect(row.fields["CODECLASS"] == ListCell.join(rule.classificationCodes))
            #expect(row.fields["NO_RECUEIL"] == rule.recueilRuleNumber)
            #expect(row.fields["PROCACTIVI"] == ListCell.join(rule.processes))
            #expect(row.fields["NOMUNITE"] == (rule.holderUnit ?? ""))
            #expect(row.fields["DESCSERIE"] == rule.description)
            #expect(ListCell.split(row.fields["TYPESDOC"]) == rule.documentTypes)
            #expect(YesNo.parse(row.fields["DOCUMESSEN"]) == rule.essentialDocuments)
            #expect(YesNo.parse(row.fields["DOCUMCONFI"]) == rule.confidentialDocuments)
            #expect(RemarkText.parse(row.fields["REMARQDELA"] ?? "").remarks == rule.remarks)
            #expect(row.copies.count == rule.copies.count)
            for delay in row.copies {
                let kind = try #require(CopyKind(code: delay["TYPEDOSS"] ?? ""))
                let copy = try #require(rule.copy(kind))
                #expect(delay["NUMREGLE"] == rule.number)
                #expect(Support.list(from: delay["SUPPDOSS"] ?? "") == copy.supports)
                #expect(delay["REM_SUPPDOSS"].flatMap { RemarkID(text: $0) } == copy.supportsRemark)
                #expect(delay["PERIOACTIF"] == copy.active.galaCode)
                #expect(delay["REM_PERIOACTIF"].flatMap { RemarkID(text: $0) } == copy.activeRemark)
                #expect(delay["PERIOSMACT"] == copy.semiActive.galaCode)
                #expect(delay["REM_PERIOSMACT"].flatMap { RemarkID(text: $0) } == copy.semiActiveRemark)
                #expect(delay["ID_REF_DISPOSITION"] == copy.disposition?.rawValue)
                #expect(delay["REM_DISPOINACT"].flatMap { RemarkID(text: $0) } == copy.dispositionRemark)
            }
        }
    }
}

/// The `ROW`s of a GALA file as plain text fields, read with Foundation's XMLParser: rule-level
/// elements (the last occurrence of a repeated one) and one dictionary per `DELAI_ROW`.
final class GALARows: NSObject, XMLParserDelegate {
    struct Row {
        var fields: [String: String] = [:]
        var copies: [[String: String]] = []
    }

    private var rows: [Row] = []
    private var text = ""
    private var inDelay = false

    static func parse(_ data: Data) throws -> [Row] {
        let delegate = GALARows()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return delegate.rows
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        text = ""
        switch name {
        case "ROW": rows.append(Row())
        case "DELAI_ROW": inDelay = true; rows[rows.count - 1].copies.append([:])
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "ROWSET", "ROW", "DELAI": break
        case "DELAI_ROW": inDelay = false
        default:
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if inDelay {
                let last = rows[rows.count - 1].copies.count - 1
                if !value.isEmpty { rows[rows.count - 1].copies[last][name] = value }
            } else {
                rows[rows.count - 1].fields[name] = value
            }
        }
        text = ""
    }
}
