import Foundation
import SablierCore
import SablierSchemas
import SablierTestSupport
import SablierXML
import Testing

@Suite("GALA writer and round trips")
struct GALAWriterTests {
    static let realFiles: [(name: String, url: URL)] = [("demo.xml", Fixtures.udemGALA), ("hb.xml", Fixtures.hbGALA)]

    @Test("read → write → read gives the same rules, for both real GALA files", arguments: realFiles)
    func roundTrip(name: String, url: URL) throws {
        let first = GALACalendarReader.read(contentsOf: url, file: name)
        #expect(!first.diagnostics.hasErrors)
        let calendar = XMLTest.calendar(first)
        let output = try GALACalendarWriter.write(calendar, transaction: { rule in
            first.rule(rule.number)?.transaction ?? .add
        }, file: "out.xml")
        #expect(!output.diagnostics.hasErrors, "\(output.diagnostics)")
        #expect(CalendarSchemaValidator.validate(bytes: output.data, against: .gala, file: "out.xml").isEmpty)

        let second = GALACalendarReader.read(bytes: output.data, file: "out.xml")
        #expect(!second.diagnostics.hasErrors, "\(second.diagnostics)")
        // The written file needs no mending: no DELAI, CODECLASS or order warning, no "1:" markers.
        #expect(second.diagnostics.warnings.allSatisfy { $0.field == "ID_ORGANISME" }, "\(second.diagnostics)")
        #expect(second.rules.map(\.rule) == first.rules.map(\.rule))
        #expect(second.rules.map(\.transaction) == first.rules.map(\.transaction))
        #expect(XMLTest.calendar(second) == calendar)
        for rule in second.rules.map(\.rule) {
            #expect(rule.personalInformation == nil)
            #expect(rule.countStart == .closingDate)
            #expect(rule.copies.allSatisfy { $0.activeEvent == nil && $0.semiActiveEvent == nil })
        }
    }

    @Test("the output is indented UTF-8 with GALA's elements, TYPE_TRANS A by default, and escapes text")
    func output() throws {
        var rule = Rule(
            number: "42",
            title: "Procès-verbaux & résolutions <CA>",
            description: "Ligne 1\nLigne 2",
            documentTypes: ["Procès-verbal", "Résolution"],
            processes: ["Gouvernance"],
            classificationCodes: ["1110", "1120"],
            holderUnit: "Secrétariat général",
            legalReferences: ["Loi sur l'instruction publique", "Loi sur les archives, art. 7"],
            essentialDocuments: true,
            confidentialDocuments: false,
            principal: CopyRule(kind: .principal, supports: [.papier, .numerique], active: .years(2), semiActive: .years(0),
                                disposition: .tri, dispositionRemark: RemarkID(number: 1)),
            secondaire: CopyRule(kind: .secondaire, supports: [.numerique], active: .open, activeRemark: RemarkID(number: 2),
                                 semiActive: .years(0), disposition: .destruction),
            remarks: [Remark(id: RemarkID(number: 1), text: "Garder les résolutions."), Remark(id: RemarkID(number: 2), text: "Jusqu'à la fin du mandat.")],
            generalRemark: "Générale"
        )
        rule.galaGrilleChan = false
        let calendar = RetentionCalendar(banqOrganisationID: "777", rules: [rule])
        let output = try GALACalendarWriter.write(calendar)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        let text = String(decoding: output.data, as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ROWSET>\n  <ROW>\n    <ID_ORGANISME>777</ID_ORGANISME>"))
        #expect(text.contains("<TYPE_TRANS>A</TYPE_TRANS>"))
        #expect(text.contains("<TITRESER>Procès-verbaux &amp; résolutions &lt;CA&gt;</TITRESER>"))
        #expect(text.contains("<REFLEGALE>Loi sur l'instruction publique\nLoi sur les archives, art. 7</REFLEGALE>"))
        #expect(text.contains("<CODECLASS>1110; 1120</CODECLASS>"))
        #expect(text.contains("<REMARQDELA>R1 : Garder les résolutions.\nR2 : Jusqu'à la fin du mandat.</REMARQDELA>"))
        #expect(text.contains("<SUPPDOSS>PA, DM</SUPPDOSS>"))
        #expect(text.contains("<PERIOACTIF>888</PERIOACTIF>\n        <REM_PERIOACTIF>R2</REM_PERIOACTIF>"))
        #expect(text.contains("<DOCUMESSEN>O</DOCUMESSEN>") && text.contains("<DOCUMCONFI>N</DOCUMCONFI>"))
        #expect(text.contains("<GRILLECHAN>N</GRILLECHAN>"))

        let back = GALACalendarReader.read(bytes: output.data, file: "out.xml")
        #expect(back.diagnostics.isEmpty, "\(back.diagnostics)")
        #expect(back.rules.first?.rule == rule)
        #expect(back.settings.banqOrganisationID == "777")

        let retired = try GALACalendarWriter.write(calendar, transaction: { _ in .retire })
        #expect(String(decoding: retired.data, as: UTF8.self).contains("<TYPE_TRANS>S</TYPE_TRANS>"))
    }

    @Test("a rule without secondary copy gets an S row of '-' values and a warning; native-only fields are reported")
    func noSecondary() throws {
        let rule = Rule(
            number: "50", title: "Registre",
            personalInformation: PersonalInformation(present: true, measure: .detruire),
            countStart: .event("départ de l'élève"),
            principal: CopyRule(kind: .principal, active: .open, activeRemark: RemarkID(number: 1), semiActive: .years(3),
                                disposition: .conservation, activeEvent: "départ de l'élève"),
            remarks: [Remark(id: RemarkID(number: 1), text: "Jusqu'au départ.")]
        )
        let output = try GALACalendarWriter.write(RetentionCalendar(rules: [rule]))
        #expect(!output.diagnostics.hasErrors, "\(output.diagnostics)")
        let warnings = output.diagnostics.warnings
        #expect(warnings.count == 4, "\(warnings)")
        #expect(warnings.contains { $0.message.contains("GALA requires two DELAI_ROW") && $0.rule == "50" })
        #expect(warnings.contains { $0.message.contains("personal information") && $0.message.contains("50") })
        #expect(warnings.contains { $0.message.contains("déclencheur") })
        #expect(warnings.contains { $0.message.contains("888") })
        let text = String(decoding: output.data, as: UTF8.self)
        #expect(text.contains("<TYPEDOSS>S</TYPEDOSS>\n        <SUPPDOSS>-</SUPPDOSS>\n        <PERIOACTIF>-</PERIOACTIF>\n        <PERIOSMACT>-</PERIOSMACT>\n        <ID_REF_DISPOSITION>-</ID_REF_DISPOSITION>"))
        #expect(text.contains("<ID_ORGANISME></ID_ORGANISME>"))

        let back = GALACalendarReader.read(bytes: output.data, file: "out.xml")
        #expect(!back.diagnostics.hasErrors)
        #expect(back.rules.first?.rule.secondaire == nil)
        #expect(back.diagnostics.warnings.contains { $0.message.contains("read as no secondary copy") })
    }

    @Test("what gala.xsd forbids is reported as errors with the written bytes")
    func invalidOutput() throws {
        let rule = Rule(
            number: "60", title: String(repeating: "x", count: 1_001),
            principal: CopyRule(kind: .principal, active: .years(1), activeRemark: RemarkID(number: 25), disposition: .destruction),
            secondaire: CopyRule(kind: .secondaire, disposition: .destruction)
        )
        let output = try GALACalendarWriter.write(RetentionCalendar(banqOrganisationID: "ABC", rules: [rule]), file: "bad.xml")
        let errors = output.diagnostics.errors
        #expect(errors.count == 3, "\(errors)")
        #expect(errors.allSatisfy { $0.message.hasPrefix("the written file does not satisfy gala.xsd: ") && $0.location.file == "bad.xml" })
        #expect(errors.contains { $0.field == "TITRESER" && $0.message.contains("too long: 1001 characters, at most 1000 allowed") })
        #expect(errors.contains { $0.field == "REM_PERIOACTIF" && $0.message.contains("'R25'") })
        #expect(errors.contains { $0.field == "ID_ORGANISME" })
        #expect(!output.data.isEmpty)
    }

    @Test("control characters XML cannot carry are left out, with a warning")
    func controlCharacters() throws {
        let rule = Rule(number: "70", title: "Bel\u{7}l", principal: CopyRule(kind: .principal, disposition: .destruction),
                        secondaire: CopyRule(kind: .secondaire, disposition: .destruction))
        let output = try GALACalendarWriter.write(RetentionCalendar(rules: [rule]))
        #expect(output.diagnostics.warnings.contains { $0.message.contains("1 control character") && $0.rule == "70" })
        #expect(GALACalendarReader.read(bytes: output.data, file: "o.xml").rules.first?.rule.title == "Bell")
    }
}
