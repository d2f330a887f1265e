import Foundation
import SablierCore
import SablierStore
import SablierTestSupport
import Testing

/// What every `CalendarStore` backend must do, run once per backend.
@Suite("CalendarStore contract")
struct CalendarStoreContractTests {
    @Test("a rich calendar comes back exactly as stored", arguments: Backend.allCases)
    func richRoundTrip(backend: Backend) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory, as: (any CalendarStore).self)
            let new = Samples.version(Samples.rich, format: .gala, diagnostics: Samples.diagnostics)
            let info = try await store.addCalendarVersion(new)

            #expect(try await store.calendar(version: info.number) == Samples.rich)
            #expect(info == CalendarVersionInfo(
                number: 1,
                importedAt: StoredVersion.storedInstant(new.importedAt),
                importedBy: "archiviste",
                sourceFile: "calendriers/calendrier.xml",
                sourceFormat: .gala,
                sourceSHA256: new.sourceSHA256,
                ruleCount: 3,
                warningCount: 2,
                organisation: "Centre de services scolaire de l'Exemple",
                versionLabel: "2025-1"
            ))
            #expect(abs(info.importedAt.timeIntervalSince(new.importedAt)) < 0.000_001)
            #expect(try await store.calendarVersion(1) == info)
            #expect(try await store.calendarVersions() == [info])
        }
    }

    @Test("a calendar with every optional nil comes back exactly as stored", arguments: Backend.allCases)
    func bareRoundTrip(backend: Backend) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory, as: (any CalendarStore).self)
            let empty = RetentionCalendar()
            let first = try await store.addCalendarVersion(Samples.version(Samples.bare, bytes: []))
            let second = try await store.addCalendarVersion(Samples.version(empty))

            #expect(try await store.calendar(version: first.number) == Samples.bare)
            #expect(try await store.calendar(version: second.number) == empty)
            #expect(try await store.rule("101.01", version: first.number) == Samples.bareRule)
            #expect(try await store.sourceBytes(version: first.number) == [])
            #expect(try await store.diagnostics(version: first.number) == [])
            #expect(first.organisation == nil && first.versionLabel == nil && first.ruleCount == 1 && first.warningCount == 0)
        }
    }

    @Test("versions are numbered 1, 2, 3 and kept independently", arguments: Backend.allCases)
    func versionsKeptIndependently(backend: Backend) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory, as: (any CalendarStore).self)
            var second = Samples.rich
            second.versionLabel = "2025-2"
            second.rules[0].title = "Dossiers des élèves (modifiée)"
            second.rules[0].secondaire = nil
            second.rules.remove(at: 2)
            var third = second
            third.versionLabel = "2026-1"
            third.rules.append(Rule(number: "09999", title: "Nouvelle", principal: CopyRule(kind: .principal, active: .years(1))))
            third.rules.swapAt(0, 2)

            var numbers: [Int] = []
            for (index, calendar) in [Samples.rich, second, third].enumerated() {
                let at = Date(timeIntervalSince1970: 1_750_000_000 + Double(index) * 86_400)
                numbers.append(try await store.addCalendarVersion(Samples.version(calendar, at: at)).number)
            }

            #expect(numbers == [1, 2, 3])
            #expect(try await store.calendar(version: 1) == Samples.rich)
            #expect(try await store.calendar(version: 2) == second)
            #expect(try await store.calendar(version: 3) == third)
            #expect(try await store.calendar(version: 3)?.rules.map(\.number) == ["09999", "101.01", "01110"])
            #expect(try await store.calendarVersions().map(\.versionLabel) == ["2025-1", "2025-2", "2026-1"])
            #expect(try await store.calendarVersions().map(\.ruleCount) == [3, 2, 3])
            #expect(try await store.latestCalendarVersion()?.number == 3)
            #expect(try await store.latestCalendarVersion() == store.calendarVersion(3))
            #expect(try await store.rule("01110", version: 1) == Samples.richRule)
            #expect(try await store.rule("01110", version: 2) == second.rules[0])
            #expect(try await store.rule("01740a", version: 1) == Samples.openingDateRule)
            #expect(try await store.rule("01740a", version: 2) == nil)
            #expect(try await store.rule("09999", version: 3) == third.rules[0])
        }
    }

    @Test("diagnostics and source bytes are kept with their version", arguments: Backend.allCases)
    func diagnosticsAndSourceKept(backend: Backend) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory, as: (any CalendarStore).self)
            let bytes: [UInt8] = Array("NUMREGLE;TITRE\r\n01110;Élèves\r\n".utf8) + [0x00, 0xFF, 0xFE, 0x80]
            let first = try await store.addCalendarVersion(
                Samples.version(Samples.rich, file: "../shared/cal.csv", format: .spreadsheet, bytes: bytes, diagnostics: Samples.diagnostics))
            let second = try await store.addCalendarVersion(Samples.version(Samples.bare))

            #expect(try await store.diagnostics(version: first.number) == Samples.diagnostics)
            #expect(try await store.diagnostics(version: second.number) == [])
            #expect(try await store.sourceBytes(version: first.number) == bytes)
            #expect(try await store.sourceBytes(version: second.number) == Samples.version(Samples.bare).sourceBytes)
            #expect(first.sourceSHA256 == SourceDigest.sha256Hex(bytes))
            #expect(first.sourceFile == "../shared/cal.csv")
            #expect(first.sourceFormat == .spreadsheet)
        }
    }

    @Test("an unknown version reads as nil, and its diagnostics as an error", arguments: Backend.allCases)
    func unknownVersion(backend: Backend) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory, as: (any CalendarStore).self)
            #expect(try await store.latestCalendarVersion() == nil)
            #expect(try await store.calendarVersions() == [])
            _ = try await store.addCalendarVersion(Samples.version(Samples.rich))

            #expect(try await store.calendarVersion(7) == nil)
            #expect(try await store.calendar(version: 7) == nil)
            #expect(try await store.calendar(version: 0) == nil)
            #expect(try await store.rule("01110", version: 7) == nil)
            #expect(try await store.rule("00000", version: 1) == nil)
            #expect(try await store.sourceBytes(version: 7) == nil)
            let error = await #expect(throws: StoreError.self) { try await store.diagnostics(version: 7) }
            #expect(error?.code == .versionNotFound)
            #expect(error?.description == "version 7 does not exist")
        }
    }

    @Test("reopening the database keeps everything", arguments: Backend.allCases)
    func reopenKeepsEverything(backend: Backend) async throws {
        try await withTemporaryDirectory { directory in
            var infos: [CalendarVersionInfo] = []
            do {
                let store = try await backend.makeStore(in: directory, as: (any CalendarStore).self)
                infos.append(try await store.addCalendarVersion(Samples.version(Samples.rich, diagnostics: Samples.diagnostics)))
                infos.append(try await store.addCalendarVersion(Samples.version(Samples.bare, format: .gala)))
            }
            let reopened = try await backend.makeStore(in: directory, as: (any CalendarStore).self)

            #expect(try await reopened.calendarVersions() == infos)
            #expect(try await reopened.calendar(version: 1) == Samples.rich)
            #expect(try await reopened.calendar(version: 2) == Samples.bare)
            #expect(try await reopened.diagnostics(version: 1) == Samples.diagnostics)
            #expect(try await reopened.sourceBytes(version: 2) == Samples.version(Samples.bare).sourceBytes)
            #expect(try await reopened.addCalendarVersion(Samples.version(Samples.rich)).number == 3)
        }
    }

    @Test("a version that fails on its last rule leaves the database unchanged", arguments: Backend.allCases)
    func failedVersionLeavesNothing(backend: Backend) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory, as: (any CalendarStore).self)
            _ = try await store.addCalendarVersion(Samples.version(Samples.rich, diagnostics: Samples.diagnostics))
            _ = try await store.addCalendarVersion(Samples.version(Samples.bare))
            let versionsBefore = try await store.calendarVersions()
            let countsBefore = try await backend.rowCounts(in: directory)

            // 200 good rules, then the first one again: the primary key refuses the last insert.
            var failing = Samples.large(200)
            failing.rules.append(failing.rules[0])
            let error = await #expect(throws: StoreError.self) {
                try await store.addCalendarVersion(Samples.version(failing, diagnostics: Samples.diagnostics))
            }
            #expect(error?.code == .invalidVersion)
            #expect(error?.description.contains("00001") == true)

            #expect(try await backend.rowCounts(in: directory) == countsBefore)
            #expect(try await store.calendarVersions() == versionsBefore)
            #expect(try await store.latestCalendarVersion()?.number == 2)
            #expect(try await store.calendar(version: 3) == nil)
            #expect(try await store.rule("00001", version: 3) == nil)
            #expect(try await store.calendar(version: 1) == Samples.rich)
            #expect(try await store.calendar(version: 2) == Samples.bare)
            #expect(try await store.addCalendarVersion(Samples.version(Samples.large(200))).number == 3)
        }
    }

    @Test("a version whose hash is not that of its bytes is refused", arguments: Backend.allCases)
    func hashMismatchRefused(backend: Backend) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory, as: (any CalendarStore).self)
            var new = Samples.version(Samples.rich)
            new.sourceSHA256 = SourceDigest.sha256Hex(Array("another file".utf8))
            let error = await #expect(throws: StoreError.self) { try await store.addCalendarVersion(new) }
            #expect(error?.code == .invalidVersion)
            #expect(error?.description.contains("SHA-256") == true)
            #expect(try await store.calendarVersions() == [])
        }
    }

    @Test("5,000 rules are stored in one transaction and read back", arguments: Backend.allCases)
    func largeCalendar(backend: Backend) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory, as: (any CalendarStore).self)
            let calendar = Samples.large(5_000)
            let clock = ContinuousClock()
            var info: CalendarVersionInfo?
            let writing = try await clock.measure {
                info = try await store.addCalendarVersion(Samples.version(calendar))
            }
            var stored: RetentionCalendar?
            let reading = try await clock.measure {
                stored = try await store.calendar(version: 1)
            }
            print("[\(backend)] 5,000 rules: stored in \(writing), read in \(reading)")

            #expect(info?.ruleCount == 5_000)
            #expect(stored == calendar)
            #expect(try await store.rule("02500", version: 1) == calendar.rules[2_499])
        }
    }

    @Test("a rule number repeated early in a large calendar is refused by name", arguments: Backend.allCases)
    func repeatedRuleNumberEarly(backend: Backend) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory, as: (any CalendarStore).self)
            // Rows go to the database many at a time: the repeat sits inside the first batch.
            var failing = Samples.large(300)
            failing.rules[10] = failing.rules[3]
            let error = await #expect(throws: StoreError.self) { try await store.addCalendarVersion(Samples.version(failing)) }
            #expect(error?.code == .invalidVersion)
            #expect(error?.description == "cannot store the calendar version: rule number 00004 appears more than once in the calendar")
            #expect(try await backend.rowCounts(in: directory).values.allSatisfy { $0 == 0 })
        }
    }

    @Test("rule numbers that differ only in their Unicode form keep their own rows", arguments: Backend.allCases)
    func unicodeFormsKeptApart(backend: Backend) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory, as: (any CalendarStore).self)
            // "é" precomposed and decomposed: equal for Swift's ==, different bytes for the database.
            let composed = Rule(number: "R\u{E9}", title: "composée", documentTypes: ["un"], principal: CopyRule(kind: .principal, active: .years(1)),
                                remarks: [Remark(id: RemarkID(number: 1), text: "première")])
            let decomposed = Rule(number: "Re\u{301}", title: "décomposée", documentTypes: ["deux", "trois"],
                                  principal: CopyRule(kind: .principal, active: .years(2)), secondaire: CopyRule(kind: .secondaire))
            let calendar = RetentionCalendar(rules: [decomposed, Samples.bareRule, composed])
            let info = try await store.addCalendarVersion(Samples.version(calendar))

            let stored = try #require(try await store.calendar(version: info.number))
            #expect(stored.rules.map { Array($0.number.utf8) } == calendar.rules.map { Array($0.number.utf8) })
            #expect(stored.rules.map(\.title) == ["décomposée", "", "composée"])
            #expect(stored.rules.map(\.documentTypes) == [["deux", "trois"], [], ["un"]])
            #expect(stored.rules.map(\.principal.active) == [.years(2), .none, .years(1)])
            #expect(stored.rules.map { $0.secondaire != nil } == [true, false, false])
            #expect(stored.rules.map(\.remarks.count) == [0, 0, 1])
        }
    }
}
