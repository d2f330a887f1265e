import Foundation
import SablierApplication
import SablierCore
import SablierSQLite
import SablierStore
import SablierTestSupport
import Testing

/// The calendar use cases, in-process, against a real SQLite store in a temporary folder with
/// a fixed clock: import, read, compare, export, and the 888 confirmations.
@Suite("Calendar use cases")
struct CalendarUseCaseTests {
    @Test("an import stores a version and its audit entry; a dry run stores nothing and says which version it would be")
    func importAndDryRun() async throws {
        let office = try await TestOffice(.users)
        let manager = try await office.session("gestion.doc")
        let dry = try await office.sablier.importCalendar(manager, file: Fixtures.exampleNative.path, dryRun: true)
        #expect(!dry.stored && dry.version == 1 && dry.format == "native" && dry.ruleCount == 15)
        #expect(try await office.store.calendarVersions().isEmpty)
        let result = try await office.importExample()
        #expect(result.stored && result.version == 1 && result.summary.added.count == 15)
        let versions = try await office.sablier.calendarVersions(manager)
        #expect(versions.map(\.version) == [1])
        #expect(versions.first?.importedBy == "gestion.doc")
        let audit = try await office.store.auditEntries(since: nil, user: nil, target: "calendar 1")
        #expect(audit.map(\.action) == ["calendar.import"])
        #expect(audit.first?.at == TestOffice.now)
    }

    @Test("a file with an error is refused with calendar.rejected and every diagnostic; nothing is stored; the refusal is audited")
    func rejectedFile() async throws {
        let office = try await TestOffice(.users)
        var text = try String(contentsOf: Fixtures.udemGALA, encoding: .utf8)
        let range = try #require(text.range(of: "<ID_REF_DISPOSITION>D</ID_REF_DISPOSITION>", options: .backwards))
        text.replaceSubrange(range, with: "<ID_REF_DISPOSITION>C</ID_REF_DISPOSITION>")
        let bad = try office.directory.write("bad.xml", text)
        let refusal = await thrownRefusal {
            _ = try await office.sablier.importCalendar(try await office.session("gestion.doc"), file: bad.path)
        }
        #expect(refusal?.code == .calendarRejected)
        #expect(refusal?.values["file"] == bad.path)
        #expect(refusal?.diagnostics.contains { $0.severity == .error && $0.description.hasPrefix(bad.path + ":") } == true)
        #expect(try await office.store.calendarVersions().isEmpty)
        let audited = try await office.refusals()
        #expect(audited.last?.details.contains("calendar.rejected") == true)
        #expect(audited.last?.user == "gestion.doc")
    }

    @Test("a file over the size limit and a missing file are refused; nothing names a command-line flag")
    func fileLimits() async throws {
        let office = try await TestOffice(.users)
        let manager = try await office.session("gestion.doc")
        let big = await thrownRefusal { _ = try await office.sablier.importCalendar(manager, file: Fixtures.valcourtCSV.path, maxBytes: 1000) }
        #expect(big?.code == .calendarRejected)
        #expect(big?.diagnostics.first?.message.contains("1000-byte limit") == true)
        #expect(big?.diagnostics.first?.message.contains("--") == false)
        let missing = await thrownRefusal { _ = try await office.sablier.importCalendar(manager, file: office.directory.file("nope.xml").path) }
        #expect(missing?.code == .calendarRejected)
    }

    @Test("a user without calendar.manage cannot import: refused, audited, nothing stored")
    func importNeedsPermission() async throws {
        let office = try await TestOffice(.users)
        let refusal = await thrownRefusal {
            _ = try await office.sablier.importCalendar(try await office.session("rh.agent"), file: Fixtures.exampleNative.path)
        }
        #expect(refusal?.code == .missingPermission)
        #expect(try await office.store.calendarVersions().isEmpty)
        #expect(try await office.refusals().last?.user == "rh.agent")
    }

    @Test("list, show and diff read a version; an unknown version or rule is refused by code")
    func reading() async throws {
        let office = try await TestOffice(.users)
        let reader = try await office.session("rh.agent")
        #expect(await thrownRefusal { _ = try await office.sablier.calendarRules(reader) }?.code == .noCalendar)
        try await office.importExample()
        let list = try await office.sablier.calendarRules(reader)
        #expect(list.version == 1 && list.rules.count == 15 && list.yearEnd == "06-30")
        let shown = try await office.sablier.calendarRule(reader, "2101")
        #expect(shown.rule.principal.active.code == "888")
        #expect(shown.rule.principal.active.event == "fin de l'emploi")
        #expect(shown.fields.contains { $0.key == "title" && $0.value == "Dossier d'employé" })
        let rule = await thrownRefusal { _ = try await office.sablier.calendarRule(reader, "nope") }
        #expect(rule == Refusal(.noSuchRule, ["rule": "nope", "version": "1"]))
        let version = await thrownRefusal { _ = try await office.sablier.calendarRules(reader, version: 7) }
        #expect(version?.code == .noSuchVersion)
        #expect(version?.values["available"]?.contains("1") == true)
        let same = try await office.sablier.compareCalendars(reader, from: 1, to: 1)
        #expect(same.added.isEmpty && same.changed.isEmpty && same.retired.isEmpty)
    }

    @Test("export returns XML its schema accepts, which imports into an empty store as the same calendar")
    func exportRoundTrip() async throws {
        let office = try await TestOffice(.calendar())
        let reader = try await office.session("rh.agent")
        let exported = try await office.sablier.exportCalendar(reader, format: .native, file: "export.xml")
        #expect(exported.version == 1 && exported.ruleCount == 15 && !exported.data.isEmpty)
        let file = office.directory.file("export.xml")
        try exported.data.write(to: file)
        let other = try await TestOffice(.users)
        let reimported = try await other.sablier.importCalendar(try await other.session("gestion.doc"), file: file.path)
        let before = try await office.sablier.calendarRules(reader)
        let after = try await other.sablier.calendarRules(try await other.session("rh.agent"))
        #expect(reimported.ruleCount == 15)
        #expect(before.rules == after.rules)
    }

    @Test("confirm-event confirms the proposal of an 888 period; open-periods then says confirmed, and the change is audited")
    func confirmEvent() async throws {
        let office = try await TestOffice(.calendar())
        let manager = try await office.session("gestion.doc")
        let before = try await office.sablier.openPeriods(manager)
        #expect(before.contains { $0.rule == "2101" && $0.copy == "principal" && $0.status == "named-in-calendar" })
        let confirmed = try await office.sablier.confirmEvent(manager, rule: "2101", event: "fin de l'emploi", offsetYears: 2)
        #expect(confirmed.event == "fin de l'emploi" && confirmed.offsetYears == 2 && confirmed.calendarVersion == 1)
        let after = try await office.sablier.openPeriods(try await office.session("rh.agent"))
        let entry = try #require(after.first { $0.rule == "2101" && $0.copy == "principal" && $0.period == "active" })
        #expect(entry.status == "confirmed" && entry.confirmedBy == "gestion.doc" && entry.confirmedOffsetYears == 2)
        let audit = try await office.store.auditEntries(since: nil, user: "gestion.doc", target: "rule 2101")
        #expect(audit.map(\.action) == ["calendar.confirm-event"])
    }

    /// Defect: `confirmOpenPeriod` accepted a confirmation for a rule or a period that does not
    /// exist when it was not called from the command line. The use case holds the checks now.
    @Test("confirm-event refuses a rule not in force, a period that is not 888 and a negative offset; nothing is stored, each is audited",
          arguments: [
              ("9999", CopyField.active, Int?.none, Refusal.Code.noSuchRule),
              ("2101", CopyField.semiActive, Int?.none, Refusal.Code.periodNotOpen),
              ("1101", CopyField.active, Int?.none, Refusal.Code.periodNotOpen),
              ("2101", CopyField.active, Int?.some(-1), Refusal.Code.negativeOffset),
          ])
    func confirmEventRefusals(rule: String, period: CopyField, offset: Int?, code: Refusal.Code) async throws {
        let office = try await TestOffice(.calendar())
        let manager = try await office.session("gestion.doc")
        let refused = await thrownRefusal {
            _ = try await office.sablier.confirmEvent(manager, rule: rule, period: period, event: "fin de l'emploi", offsetYears: offset)
        }
        #expect(refused?.code == code)
        #expect(try await office.store.openPeriodConfirmations().isEmpty)
        let audited = try await office.refusals()
        #expect(audited.last?.details.contains(code.rawValue) == true)
        #expect(audited.last?.target == "use case calendar confirm-event")
    }

    @Test("confirm-event before any calendar is refused with calendar.none; a reader cannot confirm")
    func confirmEventWithoutCalendar() async throws {
        let office = try await TestOffice(.users)
        let none = await thrownRefusal { _ = try await office.sablier.confirmEvent(try await office.session("gestion.doc"), rule: "2101") }
        #expect(none?.code == .noCalendar)
        try await office.importExample()
        let reader = await thrownRefusal { _ = try await office.sablier.confirmEvent(try await office.session("rh.agent"), rule: "2101") }
        #expect(reader?.code == .missingPermission)
        #expect(try await office.store.openPeriodConfirmations().isEmpty)
    }

    @Test("impact between a version and itself moves nothing; against a file it reads the file and stores nothing")
    func impact() async throws {
        let office = try await TestOffice(.calendar())
        let manager = try await office.session("gestion.doc")
        let same = try await office.sablier.calendarImpact(manager, from: 1, to: .version(1))
        #expect(same.entries.isEmpty && same.withheld == 0)
        let file = try await office.sablier.calendarImpact(manager, from: 1, to: .file(Fixtures.exampleNative.path))
        #expect(file.to == 2 && file.file == Fixtures.exampleNative.path && file.entries.isEmpty)
        #expect(try await office.store.calendarVersions().count == 1)
        let refused = await thrownRefusal { _ = try await office.sablier.calendarImpact(try await office.session("admin"), from: 1, to: .version(1)) }
        #expect(refused?.code == .missingPermission)
    }
}

extension TestOffice {
    /// Imports the example calendar through the use case, as the records manager.
    @discardableResult
    func importExample() async throws -> CalendarImportResult {
        try await sablier.importCalendar(try await session("gestion.doc"), file: Fixtures.exampleNative.path)
    }
}

extension CalendarUseCaseTests {
    @Test("diff between two versions lists a rule changed field by field, with the old and new value")
    func diffFieldByField() async throws {
        let office = try await TestOffice(.users)
        let manager = try await office.session("gestion.doc")
        _ = try await office.sablier.importCalendar(manager, file: Fixtures.valcourtCSV.path)
        // 201.02: semi-active 5 → 7 on the principal copy.
        let lines = try String(contentsOf: Fixtures.valcourtCSV, encoding: .utf8)
            .replacingOccurrences(of: "Trésorerie,\"PA, DM\",R1,1,,5,,C,R2", with: "Trésorerie,\"PA, DM\",R1,1,,7,,C,R2")
        let changed = try office.directory.write("valcourt-v2.csv", lines)
        let second = try await office.sablier.importCalendar(manager, file: changed.path)
        #expect(second.version == 2 && second.summary.modified == ["201.02"])
        let diff = try await office.sablier.compareCalendars(manager, from: 1, to: 2)
        #expect(diff.changed.map(\.rule) == ["201.02"])
        let change = try #require(diff.changed.first?.changes.first)
        #expect(change.field == "principal.semiActive" && change.old == "5 ans" && change.new == "7 ans")
        #expect(diff.added.isEmpty && diff.retired.isEmpty)
        let unknown = await thrownRefusal { _ = try await office.sablier.compareCalendars(manager, from: 1, to: 9) }
        #expect(unknown?.code == .noSuchVersion && unknown?.values["version"] == "9")
    }
}
