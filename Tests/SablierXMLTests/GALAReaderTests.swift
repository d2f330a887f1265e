import Foundation
import SablierCore
import SablierTestSupport
import SablierXML
import Testing

@Suite("GALA reader, real files")
struct GALARealFileTests {
    @Test("UdeM Constellio export: 3 rules, field by field")
    func udem() throws {
        let submission = GALACalendarReader.read(contentsOf: Fixtures.udemGALA, file: "demo.xml")
        #expect(submission.format == .gala)
        #expect(submission.isDelta)
        #expect(!submission.diagnostics.hasErrors, "\(submission.diagnostics)")
        #expect(submission.rules.map(\.rule.number) == ["01110", "01120", "01740a"])
        #expect(submission.rules.allSatisfy { $0.transaction == .add })
        #expect(submission.settings.banqOrganisationID == nil)

        let entry = try #require(submission.rule("01740a"))
        let rule = entry.rule
        #expect(entry.location == SourceLocation(file: "demo.xml", line: 87))
        #expect(rule.title == "Plagiat et fraude")
        #expect(rule.description.hasPrefix("Contenu : dossier constitué lorsqu’un étudiant est traduit devant le Comité de discipline"))
        #expect(rule.documentTypes == [])
        #expect(rule.processes == ["Plagiat et fraude"])
        #expect(rule.classificationCodes == ["01740"])
        #expect(rule.holderUnit == "unités administratives responsables")
        #expect(rule.legalReferences == [])
        #expect(rule.recueil == nil && rule.recueilRuleNumber == nil)
        #expect(rule.essentialDocuments == false)
        #expect(rule.confidentialDocuments == true)
        #expect(rule.galaGrilleChan == false)
        #expect(rule.generalRemark == nil)
        #expect(rule.personalInformation == nil)
        #expect(rule.countStart == .closingDate)

        // Remarks written "1:" and "2:" are read as R1 and R2; the trailing paragraph stays with R2.
        #expect(rule.remarks.map(\.id) == [RemarkID(number: 1), RemarkID(number: 2)])
        #expect(rule.remarks[0].text == "Jusqu'après l'expiration du délai d'appel, le rejet ou le retrait d'une plainte (plainte non fondée).")
        #expect(rule.remarks[1].text.hasSuffix("\n\nConsulter les instructions pour les documents hautement confidentiels."))

        let principal = rule.principal
        #expect(principal.kind == .principal)
        #expect(principal.supports == [Support.numerique, Support.papier])
        #expect(principal.active == .open)
        #expect(principal.activeRemark == RemarkID(number: 1))
        #expect(principal.semiActive == .years(15))
        #expect(principal.semiActiveRemark == nil)
        #expect(principal.disposition == .tri)
        #expect(principal.dispositionRemark == RemarkID(number: 2))

        let secondary = try #require(rule.secondaire)
        #expect(secondary.active == .open)
        #expect(secondary.activeRemark == RemarkID(number: 1))
        #expect(secondary.semiActive == .years(0))
        #expect(secondary.disposition == .destruction)
        #expect(secondary.dispositionRemark == nil)

        // Field locations point at the elements' lines.
        #expect(entry.location(of: .number).line == 89)
        #expect(entry.location(of: .title).line == 92)
        #expect(entry.location(of: .remarks).line == 102)
        #expect(entry.location(of: RuleFieldPath(.principal, .active)).line == 114)
        #expect(entry.location(of: RuleFieldPath(.principal, remarkOf: .active)).line == 115)
        #expect(entry.location(of: RuleFieldPath(.principal, .disposition)).line == 117)
        #expect(entry.location(of: RuleFieldPath(.secondaire, .active)).line == 125)
        #expect(entry.location(of: RuleFieldPath("confidentialDocuments")).line == 101)

        // Warnings: the empty ID_ORGANISME (once) and the unprefixed remark markers of 01740a.
        let warnings = submission.diagnostics.warnings
        #expect(warnings.count == 2, "\(warnings)")
        #expect(warnings.contains { $0.field == "ID_ORGANISME" && $0.location.line == 5 })
        let markers = try #require(warnings.first { $0.field == "REMARQDELA" })
        #expect(markers.rule == "01740a")
        #expect(markers.location.line == 102)
        #expect(markers.message.contains("'1:' as R1"))
    }

    @Test("UdeM 01110: T with R2, secondary 2/0/D, supports dm, pa")
    func udemFirstRule() throws {
        let submission = GALACalendarReader.read(contentsOf: Fixtures.udemGALA, file: "demo.xml")
        let rule = try #require(submission.rule("01110")).rule
        #expect(rule.principal.active == .years(2))
        #expect(rule.principal.activeRemark == RemarkID(number: 1))
        #expect(rule.principal.semiActive == .years(5))
        #expect(rule.principal.disposition == .tri)
        #expect(rule.principal.dispositionRemark == RemarkID(number: 2))
        #expect(rule.secondaire?.semiActive == .years(0))
        #expect(rule.secondaire?.disposition == .destruction)
        #expect(rule.remarks.count == 2)
        #expect(rule.remarks[0].text.hasPrefix("2 ans après la fermeture du dossier"))
    }

    @Test("HB archivistes file: 2 rules, DELAI and CODECLASS mended with warnings at their lines")
    func hb() throws {
        let submission = GALACalendarReader.read(contentsOf: Fixtures.hbGALA, file: "hb.xml")
        #expect(!submission.diagnostics.hasErrors, "\(submission.diagnostics)")
        #expect(submission.rules.map(\.rule.number) == ["101.01", "101.02"])
        #expect(submission.rules.allSatisfy { $0.transaction == .modify })
        #expect(submission.settings.banqOrganisationID == "12345")

        let warnings = submission.diagnostics.warnings
        #expect(warnings.count == 4, "\(warnings)")
        let delai = warnings.filter { $0.field == "DELAI" }
        #expect(delai.map(\.location.line) == [38, 84])
        #expect(delai.map(\.rule) == ["101.01", "101.02"])
        let codes = warnings.filter { $0.field == "CODECLASS" }
        #expect(codes.map(\.location.line) == [15, 61])
        #expect(codes.first?.message.contains("kept the one at line 18") == true)

        let first = try #require(submission.rule("101.01"))
        let rule = first.rule
        #expect(rule.galaRequestNumber == "78")
        #expect(rule.recueil == "MUN-2014")
        #expect(rule.recueilRuleNumber == "101.01")
        #expect(rule.classificationCodes == [])
        #expect(rule.holderUnit == nil)
        #expect(rule.documentTypes == ["Charte", "lettres patentes", "armoiries", "sceau", "logo", "drapeau"])
        #expect(rule.remarks.map(\.text) == ["Disque réseau.", "Jusqu'à leur remplacement par une nouvelle version."])
        #expect(rule.principal.supports == [Support.papier, Support.numerique])
        #expect(rule.principal.supportsRemark == RemarkID(number: 1))
        #expect(rule.principal.active == .untilReplaced)
        #expect(rule.principal.activeRemark == RemarkID(number: 2))
        #expect(rule.principal.semiActiveRemark == nil)
        #expect(rule.principal.disposition == .conservation)
        #expect(rule.secondaire?.disposition == .destruction)
        #expect(rule.secondaire?.dispositionRemark == nil)
        // The secondary row was in the second DELAI, at line 39; its fields keep their own lines.
        #expect(first.location(of: RuleFieldPath("secondaire")).line == 39)
        #expect(first.location(of: RuleFieldPath(.secondaire, .active)).line == 44)
        #expect(first.location(of: RuleFieldPath("classificationCodes")).line == 18)

        let second = try #require(submission.rule("101.02")).rule
        #expect(second.principal.active == .open)
        #expect(second.secondaire?.active == .open)
    }
}

@Suite("GALA reader, deviations and errors")
struct GALAReaderErrorTests {
    @Test("several XSD errors are all reported, each with its line and rule")
    func severalSchemaErrors() throws {
        let text = XMLTest.rowset(
            XMLTest.row(number: "1", transaction: "X"),
            XMLTest.row(number: "2", principal: XMLTest.copyRow(number: "2", kind: "P", active: "abc")),
            XMLTest.row(number: "3", extra: "    <INCONNU>?</INCONNU>"),
            XMLTest.row(number: "4", secondary: XMLTest.copyRow(number: "4", kind: "S", disposition: "Z")),
            XMLTest.row(number: "5")
        )
        let submission = XMLTest.gala(text)
        let errors = submission.diagnostics.errors
        #expect(errors.count == 4, "\(errors)")
        let typeTrans = try #require(errors.first { $0.rule == "1" })
        #expect(typeTrans.field == "TYPE_TRANS")
        #expect(typeTrans.location.line == XMLTest.line(of: "<TYPE_TRANS>X", in: text))
        #expect(typeTrans.message.contains("'X'") && typeTrans.message.contains("A (ajout)"))
        let period = try #require(errors.first { $0.rule == "2" })
        #expect(period.field == "PERIOACTIF")
        #expect(period.location.line == XMLTest.line(of: "<PERIOACTIF>abc", in: text))
        #expect(period.message.contains("'abc'") && period.message.contains("888"))
        let unknown = try #require(errors.first { $0.rule == "3" })
        #expect(unknown.field == "INCONNU")
        #expect(unknown.location.line == XMLTest.line(of: "<INCONNU>", in: text))
        #expect(unknown.message.contains("unexpected element <INCONNU>"))
        let disposition = try #require(errors.first { $0.rule == "4" })
        #expect(disposition.field == "ID_REF_DISPOSITION")
        #expect(disposition.message.contains("'Z'"))
        // Only the valid row becomes a rule; libxml2's own noise is gone from the messages.
        #expect(submission.rules.map(\.rule.number) == ["5"])
        #expect(errors.allSatisfy { !$0.message.contains("Element '") })
    }

    @Test("missing required elements and a single DELAI_ROW are schema errors")
    func missingElements() {
        let text = XMLTest.rowset(
            """
              <ROW>
                <ID_ORGANISME>1</ID_ORGANISME>
                <NUMREGLE>9</NUMREGLE>
                <TYPE_TRANS>A</TYPE_TRANS>
                <NOMUNITE>x</NOMUNITE>
                <DESCSERIE/>
                <TYPESDOC/>
                <DELAI>\(XMLTest.copyRow(number: "9", kind: "P"))\(XMLTest.copyRow(number: "9", kind: "S"))</DELAI>
              </ROW>
            """,
            XMLTest.row(number: "10", delai: "<DELAI>\(XMLTest.copyRow(number: "10", kind: "P"))</DELAI>")
        )
        let errors = XMLTest.gala(text).diagnostics.errors
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.contains {
            $0.message == "rule 9: unexpected element <NOMUNITE> here; expected one of <RECUEIL>, <TITRESER>"
                && $0.location.line == XMLTest.line(of: "<NOMUNITE>x", in: text)
        })
        #expect(errors.contains { $0.rule == "10" && $0.field == "DELAI" && $0.message.contains("<DELAI_ROW> is missing") })
    }

    @Test("a period that is digits but not a period is an error naming rule, copy, field and value")
    func badPeriod() throws {
        let text = XMLTest.rowset(XMLTest.row(number: "7", secondary: XMLTest.copyRow(number: "7", kind: "S", semiActive: "12345", disposition: "D")))
        let submission = XMLTest.gala(text)
        let error = try #require(submission.diagnostics.errors.first)
        #expect(submission.diagnostics.errors.count == 1)
        #expect(error.rule == "7")
        #expect(error.field == "PERIOSMACT")
        #expect(error.message.contains("secondary copy") && error.message.contains("'12345'"))
        #expect(error.location.line == XMLTest.line(of: "<PERIOSMACT>12345", in: text))
    }

    @Test("two principal rows, and no principal row, are errors")
    func copyCardinality() {
        let twoP = XMLTest.rowset(XMLTest.row(number: "8", secondary: XMLTest.copyRow(number: "8", kind: "P")))
        let errors = XMLTest.gala(twoP).diagnostics.errors
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.contains { $0.message.contains("second DELAI_ROW with TYPEDOSS P") && $0.rule == "8" })

        let noP = XMLTest.rowset(XMLTest.row(number: "9", principal: XMLTest.copyRow(number: "9", kind: "S", disposition: "D")))
        let submission = XMLTest.gala(noP)
        #expect(submission.diagnostics.errors.contains { $0.message.contains("no principal copy") && $0.rule == "9" })
        #expect(submission.diagnostics.errors.contains { $0.message.contains("second DELAI_ROW with TYPEDOSS S") })
        #expect(submission.rules.isEmpty)
    }

    @Test("an all-blank secondary row reads as no secondary copy, with a warning")
    func blankSecondary() throws {
        let blank = """
              <DELAI_ROW>
                <NUMREGLE>10</NUMREGLE>
                <TYPEDOSS>S</TYPEDOSS>
                <SUPPDOSS>-</SUPPDOSS>
                <PERIOACTIF>-</PERIOACTIF>
                <PERIOSMACT></PERIOSMACT>
                <REM_PERIOSMACT></REM_PERIOSMACT>
                <ID_REF_DISPOSITION>-</ID_REF_DISPOSITION>
              </DELAI_ROW>
        """
        let text = XMLTest.rowset(XMLTest.row(number: "10", secondary: blank))
        let submission = XMLTest.gala(text)
        #expect(!submission.diagnostics.hasErrors, "\(submission.diagnostics)")
        #expect(try #require(submission.rule("10")).rule.secondaire == nil)
        let warning = try #require(submission.diagnostics.warnings.first)
        #expect(warning.message.contains("read as no secondary copy"))
        #expect(warning.location.line == XMLTest.line(of: "<TYPEDOSS>S", in: text).map { $0 - 2 })
    }

    @Test("remark deviations: text before R1 goes to the general remark; duplicates are joined")
    func remarkDeviations() throws {
        let extra = """
            <REMARQDELA>Voir aussi la politique.
        R1 : Premier.
        R1 : Suite.</REMARQDELA>
            <REMARQGEN>Générale.</REMARQGEN>
        """
        let submission = XMLTest.gala(XMLTest.rowset(XMLTest.row(number: "11", extra: extra)))
        #expect(!submission.diagnostics.hasErrors, "\(submission.diagnostics)")
        let rule = try #require(submission.rule("11")).rule
        #expect(rule.remarks == [Remark(id: RemarkID(number: 1), text: "Premier.\nSuite.")])
        #expect(rule.generalRemark == "Voir aussi la politique.\nGénérale.")
        let messages = submission.diagnostics.warnings.map(\.message)
        #expect(messages.contains { $0.contains("moved to the general remark") })
        #expect(messages.contains { $0.contains("defines R1 more than once") })
    }

    @Test("rows that disagree on ID_ORGANISME: one warning, the first kept; a DELAI_ROW number mismatch warns")
    func organisationAndNumbers() throws {
        let text = XMLTest.rowset(
            XMLTest.row(number: "12", organisation: "111"),
            XMLTest.row(number: "13", organisation: "222", principal: XMLTest.copyRow(number: "99", kind: "P")),
            XMLTest.row(number: "14", organisation: "333")
        )
        let submission = XMLTest.gala(text)
        #expect(!submission.diagnostics.hasErrors, "\(submission.diagnostics)")
        #expect(submission.settings.banqOrganisationID == "111")
        let warnings = submission.diagnostics.warnings
        #expect(warnings.filter { $0.field == "ID_ORGANISME" }.count == 1)
        #expect(warnings.contains { $0.field == "NUMREGLE" && $0.rule == "13" && $0.message.contains("'99'") })
    }

    @Test("children out of order are put back in order, with a warning at the first misplaced one")
    func reorder() throws {
        let text = XMLTest.rowset(
            """
              <ROW>
                <NUMREGLE>15</NUMREGLE>
                <ID_ORGANISME>1</ID_ORGANISME>
                <TYPE_TRANS>S</TYPE_TRANS>
                <TITRESER>T</TITRESER>
                <DESCSERIE>D</DESCSERIE>
                <NOMUNITE>U</NOMUNITE>
                <TYPESDOC>L</TYPESDOC>
                <DELAI>
                  <DELAI_ROW><TYPEDOSS>P</TYPEDOSS><NUMREGLE>15</NUMREGLE><ID_REF_DISPOSITION>C</ID_REF_DISPOSITION><PERIOACTIF>1</PERIOACTIF></DELAI_ROW>
                  <DELAI_ROW><NUMREGLE>15</NUMREGLE><TYPEDOSS>S</TYPEDOSS><ID_REF_DISPOSITION>D</ID_REF_DISPOSITION></DELAI_ROW>
                </DELAI>
              </ROW>
            """
        )
        let submission = XMLTest.gala(text)
        #expect(!submission.diagnostics.hasErrors, "\(submission.diagnostics)")
        let rule = try #require(submission.rule("15"))
        #expect(rule.transaction == .retire)
        #expect(rule.rule.principal.active == .years(1))
        let warnings = submission.diagnostics.warnings.filter { $0.message.contains("put back in order") }
        #expect(warnings.count == 2, "\(warnings)")
        #expect(warnings.contains { $0.field == "ID_ORGANISME" && $0.location.line == XMLTest.line(of: "<ID_ORGANISME>", in: text) })
        #expect(warnings.contains { $0.field == "NUMREGLE" && $0.location.line == XMLTest.line(of: "<TYPEDOSS>P", in: text) })
    }

    @Test("UTF-16 and declared ISO-8859-1 files read like UTF-8")
    func encodings() throws {
        let text = XMLTest.rowset(XMLTest.row(number: "16", extra: "    <REMARQGEN>Élève, été</REMARQGEN>"))
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(contentsOf: text.replacingOccurrences(of: "UTF-8", with: "UTF-16").data(using: .utf16LittleEndian) ?? Data())
        let fromUTF16 = GALACalendarReader.read(bytes: utf16, file: "utf16.xml")
        #expect(!fromUTF16.diagnostics.hasErrors, "\(fromUTF16.diagnostics)")
        #expect(fromUTF16.rule("16")?.rule.generalRemark == "Élève, été")

        let latin1 = text.replacingOccurrences(of: "UTF-8", with: "ISO-8859-1").data(using: .isoLatin1) ?? Data()
        let fromLatin1 = GALACalendarReader.read(bytes: latin1, file: "latin1.xml")
        #expect(!fromLatin1.diagnostics.hasErrors, "\(fromLatin1.diagnostics)")
        #expect(fromLatin1.rule("16")?.rule.generalRemark == "Élève, été")
        #expect(fromLatin1.rule("16")?.rule.holderUnit == "Secrétariat général")
    }

    @Test("a native calendar given to the GALA reader is refused by its root")
    func wrongRoot() throws {
        let submission = GALACalendarReader.read(contentsOf: Fixtures.exampleNative, file: "exemple.xml")
        let error = try #require(submission.diagnostics.errors.first)
        #expect(submission.diagnostics.errors.count == 1)
        #expect(error.message.contains("<ROWSET>") && error.message.contains("native calendar"))
        #expect(submission.rules.isEmpty)
    }
}
