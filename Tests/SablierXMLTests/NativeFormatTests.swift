import Foundation
import SablierCore
import SablierSchemas
import SablierTestSupport
import SablierXML
import Testing

@Suite("Native format: the example calendar")
struct NativeExampleTests {
    static func example() -> CalendarSubmission {
        NativeCalendarReader.read(contentsOf: Fixtures.exampleNative, file: "exemple.xml")
    }

    @Test("validates against calendrier.xsd and reads with no diagnostic at all")
    func readsCleanly() throws {
        let data = try Data(contentsOf: Fixtures.exampleNative)
        #expect(CalendarSchemaValidator.validate(bytes: data, against: .calendrier, file: "exemple.xml").isEmpty)
        let submission = Self.example()
        #expect(submission.diagnostics.isEmpty, "\(submission.diagnostics)")
        #expect(submission.format == .native)
        #expect(!submission.isDelta)
        #expect((12...16).contains(submission.rules.count))
        #expect(submission.rules.allSatisfy { $0.transaction == nil })
        let settings = submission.settings
        #expect(settings.organisation?.contains("exemple illustratif") == true)
        #expect(settings.versionLabel?.hasPrefix("Exemple illustratif") == true)
        #expect(settings.yearEnd == MonthDay.schoolYearEnd)
        #expect(settings.adoptedOn == CivilDate(year: 2025, month: 6, day: 17))
        #expect(settings.rules.isEmpty)
        let text = try String(contentsOf: Fixtures.exampleNative, encoding: .utf8)
        #expect(text.contains("EXEMPLE ILLUSTRATIF, NON OFFICIEL"))
    }

    @Test("the dossier de l'élève, field by field")
    func studentFile() throws {
        let entry = try #require(Self.example().rule("7101"))
        let rule = entry.rule
        #expect(rule.title == "Dossier de l'élève")
        #expect(rule.personalInformation == PersonalInformation(present: true, measure: .detruire))
        #expect(rule.countStart == .event("départ de l'élève"))
        #expect(rule.confidentialDocuments == true)
        #expect(rule.principal.active == .open)
        #expect(rule.principal.activeEvent == "départ de l'élève")
        #expect(rule.principal.activeRemark == RemarkID(number: 1))
        #expect(rule.principal.semiActive == .years(10))
        #expect(rule.principal.disposition == .destruction)
        #expect(rule.principal.supports == [.papier, .numerique])
        #expect(rule.secondaire?.disposition == .destruction)
        #expect(rule.remark(RemarkID(number: 1))?.text.hasPrefix("Jusqu'au départ de l'élève") == true)
        let text = try String(contentsOf: Fixtures.exampleNative, encoding: .utf8)
        #expect(entry.location.line == XMLTest.line(of: "<regle numero=\"7101\">", in: text))
        let after = entry.location.line
        #expect(entry.location(of: RuleFieldPath(.principal, .active)).line == XMLTest.line(of: "<actif remarque=\"R1\">", in: text, after: after))
        #expect(entry.location(of: RuleFieldPath("remarks.R1")).line == XMLTest.line(of: "<remarque id=\"R1\">", in: text, after: after))
        #expect(entry.location(of: RuleFieldPath("countStart")).line == XMLTest.line(of: "<declencheur", in: text, after: after))
    }

    @Test("periods and remarks are consistent; secondary copies are destroyed; codes are shared")
    func consistent() throws {
        let rules = Self.example().rules.map(\.rule)
        for rule in rules {
            let ids = Set(rule.remarks.map(\.id))
            #expect(ids.count == rule.remarks.count, "\(rule.number): remark ids unique")
            for copy in rule.copies {
                for (_, id) in copy.remarkReferences { #expect(ids.contains(id), "\(rule.number): \(id) exists") }
                #expect(!copy.active.needsRemark || copy.activeRemark != nil, "\(rule.number)")
                #expect(!copy.semiActive.needsRemark || copy.semiActiveRemark != nil, "\(rule.number)")
                #expect(copy.disposition != .tri || copy.dispositionRemark != nil, "\(rule.number)")
                #expect(copy.disposition != nil, "\(rule.number)")
            }
            #expect(rule.secondaire?.disposition == .destruction, "\(rule.number)")
            #expect(rule.holderUnit != nil && !rule.classificationCodes.isEmpty, "\(rule.number)")
            #expect(rule.remarks.allSatisfy { id in rule.copies.contains { $0.remarkReferences.contains { $0.id == id.id } } },
                    "\(rule.number): every remark is used")
        }
        let periods = rules.flatMap { [$0.principal.active, $0.principal.semiActive] }
        #expect(periods.contains(.open) && periods.contains(.untilReplaced))
        #expect(Set(rules.compactMap(\.principal.disposition)) == [.conservation, .destruction, .tri])
        let codes = rules.flatMap(\.classificationCodes)
        #expect(Set(codes).count < codes.count, "some classification codes serve several rules")
        let units = Set(rules.compactMap(\.holderUnit))
        #expect(units.isSuperset(of: ["Secrétariat général", "Services éducatifs", "Ressources humaines", "Ressources financières"]))
        #expect(units.contains { $0.hasPrefix("École") })
        #expect(rules.contains { $0.personalInformation?.measure == .anonymiser })
        #expect(rules.contains { $0.legalReferences.contains { $0.contains("art. 230") } })
    }
}

@Suite("Native format: reader, writer and round trips")
struct NativeRoundTripTests {
    @Test("example: read → write → read is equal, and the output validates")
    func exampleRoundTrip() throws {
        let first = NativeExampleTests.example()
        let calendar = XMLTest.calendar(first)
        let output = try NativeCalendarWriter.write(calendar)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        #expect(CalendarSchemaValidator.validate(bytes: output.data, against: .calendrier, file: "o.xml").isEmpty)
        let second = NativeCalendarReader.read(bytes: output.data, file: "o.xml")
        #expect(second.diagnostics.isEmpty, "\(second.diagnostics)")
        #expect(XMLTest.calendar(second) == calendar)
        #expect(!second.isDelta)
    }

    @Test("calendars from the real GALA files: GALA → native → read is equal", arguments: GALAWriterTests.realFiles)
    func fromGALA(name: String, url: URL) throws {
        let gala = GALACalendarReader.read(contentsOf: url, file: name)
        let calendar = XMLTest.calendar(gala)
        let output = try NativeCalendarWriter.write(calendar, transaction: { gala.rule($0.number)?.transaction })
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        let native = NativeCalendarReader.read(bytes: output.data, file: "o.xml")
        #expect(native.diagnostics.isEmpty, "\(native.diagnostics)")
        #expect(XMLTest.calendar(native) == calendar)
        #expect(native.isDelta)
        #expect(native.rules.map(\.transaction) == gala.rules.map(\.transaction))
        // And back to GALA: the native file is a superset.
        let galaAgain = try GALACalendarWriter.write(XMLTest.calendar(native))
        #expect(GALACalendarReader.read(bytes: galaAgain.data, file: "g.xml").rules.map(\.rule) == calendar.rules)
    }

    @Test("the XSD refuses a secondary copy that is not destroyed, duplicates and 888 written as years")
    func schemaRules() throws {
        let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <calendrierConservation xmlns="urn:x-sablier:calendrier-conservation:1">
          <regle numero="1">
            <titre>Un</titre>
            <description/>
            <exemplairePrincipal>
              <actif><annees>888</annees></actif>
              <semiActif><aucun/></semiActif>
            </exemplairePrincipal>
            <exemplaireSecondaire>
              <actif><annees>1</annees></actif>
              <semiActif><annees>0</annees></semiActif>
              <disposition code="C"/>
            </exemplaireSecondaire>
            <remarque id="R1">a</remarque>
            <remarque id="R1">b</remarque>
          </regle>
          <regle numero="1">
            <titre>Deux</titre>
            <description/>
            <exemplairePrincipal>
              <actif><annees>1</annees></actif>
              <semiActif><annees>0</annees></semiActif>
            </exemplairePrincipal>
          </regle>
        </calendrierConservation>
        """
        let submission = XMLTest.native(text)
        let errors = submission.diagnostics.errors
        #expect(errors.count == 4, "\(errors)")
        #expect(errors.contains {
            $0.field == "disposition@code" && $0.rule == "1" && $0.message.contains("only D for the secondary copy")
                && $0.location.line == XMLTest.line(of: "<disposition code=\"C\"/>", in: text)
        })
        #expect(errors.contains { $0.field == "annees" && $0.message.contains("'888'") && $0.message.contains("<ouvert/>") })
        #expect(errors.contains { $0.message == "rule 1: remark R1 is defined more than once in this rule" })
        #expect(errors.contains { $0.message.contains("rule number 1 is used by more than one regle") })
        #expect(errors.allSatisfy { !$0.message.contains("{urn:") })
    }

    @Test("typeTransaction makes a delta; mixing it with rules without it is an error")
    func transactions() throws {
        func calendar(_ attributes: [String]) -> String {
            let rules = attributes.enumerated().map { index, attribute in
                """
                  <regle numero="\(index + 1)" \(attribute)>
                    <titre>T</titre><description/>
                    <exemplairePrincipal><actif><annees>1</annees></actif><semiActif><annees>0</annees></semiActif><disposition code="D"/></exemplairePrincipal>
                  </regle>
                """
            }
            return "<calendrierConservation xmlns=\"\(CalendarXMLFlavor.nativeNamespace)\">\n\(rules.joined(separator: "\n"))\n</calendrierConservation>"
        }
        let delta = XMLTest.native(calendar(["typeTransaction=\"M\"", "typeTransaction=\"S\""]))
        #expect(delta.isDelta && !delta.diagnostics.hasErrors)
        #expect(delta.rules.map(\.transaction) == [.modify, .retire])
        let mixed = XMLTest.native(calendar(["typeTransaction=\"A\"", ""]))
        #expect(mixed.isDelta)
        #expect(mixed.diagnostics.errors.first?.rule == "2")
        #expect(mixed.diagnostics.errors.first?.message.contains("either a whole calendar or a list of changes") == true)
    }

    @Test("settings: finAnnee defaults to 06-30, an impossible day is an error; count start and personal information")
    func settingsAndExtensions() throws {
        let body = """
          <regle numero="1">
            <titre>T</titre><description>D</description>
            <renseignementsPersonnels>true</renseignementsPersonnels>
            <declencheur type="dateOuverture"/>
            <exemplairePrincipal><actif><jusquaRemplacement/></actif><semiActif><ouvert/></semiActif></exemplairePrincipal>
          </regle>
        """
        let plain = XMLTest.native("<calendrierConservation xmlns=\"\(CalendarXMLFlavor.nativeNamespace)\" idOrganismeBAnQ=\"42\">\(body)</calendrierConservation>")
        #expect(plain.diagnostics.isEmpty, "\(plain.diagnostics)")
        #expect(plain.settings.yearEnd == MonthDay.schoolYearEnd)
        #expect(plain.settings.banqOrganisationID == "42")
        let rule = try #require(plain.rules.first).rule
        #expect(rule.countStart == .openingDate)
        #expect(rule.personalInformation == PersonalInformation(present: true, measure: nil))
        #expect(rule.principal.active == .untilReplaced)
        #expect(rule.principal.semiActive == .open)
        #expect(rule.principal.disposition == nil)
        #expect(rule.secondaire == nil)

        let december = XMLTest.native("<calendrierConservation xmlns=\"\(CalendarXMLFlavor.nativeNamespace)\" finAnnee=\"12-31\">\(body)</calendrierConservation>")
        #expect(december.settings.yearEnd == MonthDay(month: 12, day: 31))
        let impossible = XMLTest.native("<calendrierConservation xmlns=\"\(CalendarXMLFlavor.nativeNamespace)\" finAnnee=\"02-30\">\(body)</calendrierConservation>")
        #expect(impossible.diagnostics.errors.map(\.field) == ["finAnnee"])
        let badDate = XMLTest.native("<calendrierConservation xmlns=\"\(CalendarXMLFlavor.nativeNamespace)\" dateAdoption=\"2025-13-01\">\(body)</calendrierConservation>")
        #expect(badDate.diagnostics.errors.first?.message.contains("YYYY-MM-DD") == true, "\(badDate.diagnostics)")
    }

    @Test("a GALA file, or the native root without its namespace, is refused by the native reader")
    func wrongRoot() throws {
        let gala = NativeCalendarReader.read(contentsOf: Fixtures.udemGALA, file: "demo.xml")
        #expect(gala.diagnostics.errors.first?.message.contains("this is a GALA file") == true)
        let noNamespace = XMLTest.native("<calendrierConservation/>")
        #expect(noNamespace.diagnostics.errors.first?.message.contains("without namespace") == true)
    }

    @Test("the writer reports what calendrier.xsd forbids, and events it cannot keep")
    func writerDiagnostics() throws {
        let rule = Rule(
            number: "5", title: "T",
            principal: CopyRule(kind: .principal, active: .years(2), semiActive: .years(1), disposition: .conservation, activeEvent: "fin"),
            secondaire: CopyRule(kind: .secondaire, active: .years(1), disposition: .tri)
        )
        let output = try NativeCalendarWriter.write(RetentionCalendar(rules: [rule]), file: "o.xml")
        #expect(output.diagnostics.errors.count == 1, "\(output.diagnostics)")
        #expect(output.diagnostics.errors.first?.message.hasPrefix("the written file does not satisfy calendrier.xsd: rule 5:") == true)
        #expect(output.diagnostics.warnings.contains { $0.message.contains("'fin'") && $0.field == "actif" })
    }
}

@Suite("Format detection")
struct DetectionTests {
    @Test("real files and examples are told apart by their root")
    func realFiles() throws {
        #expect(CalendarXMLFlavor.detect(try Data(contentsOf: Fixtures.udemGALA)) == .gala)
        #expect(CalendarXMLFlavor.detect(try Data(contentsOf: Fixtures.hbGALA)) == .gala)
        #expect(CalendarXMLFlavor.detect(try Data(contentsOf: Fixtures.exampleNative)) == .native)
        #expect(CalendarXMLFlavor.detect(Array(try Data(contentsOf: Fixtures.exampleNative))) == .native)
    }

    @Test("anything else is nil", arguments: [
        "", "hello", "<calendrierConservation/>", "<ROWSET xmlns=\"urn:x\"/>", "<foo/>", "<?xml version=\"1.0\"?>",
        "<!DOCTYPE ROWSET [<!ENTITY a SYSTEM \"file:///etc/passwd\">]><ROWSET>&a;</ROWSET>",
    ])
    func others(text: String) {
        #expect(CalendarXMLFlavor.detect(XMLTest.bytes(text)) == nil)
    }

    @Test("detection stops at the root: what follows does not matter, and UTF-16 works")
    func sniff() {
        #expect(CalendarXMLFlavor.detect(XMLTest.bytes("<!-- c --><ROWSET><ROW><broken")) == .gala)
        var utf16 = Data([0xFE, 0xFF])
        utf16.append(contentsOf: "<calendrierConservation xmlns=\"\(CalendarXMLFlavor.nativeNamespace)\"/>".data(using: .utf16BigEndian) ?? Data())
        #expect(CalendarXMLFlavor.detect(utf16) == .native)
    }

    @Test("CalendarXMLReader dispatches to the right reader")
    func dispatch() throws {
        let gala = CalendarXMLReader.read(bytes: try Data(contentsOf: Fixtures.udemGALA), file: "demo.xml")
        #expect(gala.format == .gala && gala.rules.count == 3)
        let native = CalendarXMLReader.read(bytes: try Data(contentsOf: Fixtures.exampleNative), file: "ex.xml")
        #expect(native.format == .native && native.diagnostics.isEmpty)
    }
}
