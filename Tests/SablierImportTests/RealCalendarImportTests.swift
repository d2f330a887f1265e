import Foundation
import SablierCore
import SablierImport
import SablierSQLite
import SablierStore
import SablierTestSupport
import SablierXML
import Testing

/// The import use case on the real calendars in `calendars/`, into real SQLite files.
@Suite("Importing the real calendars")
struct RealCalendarImportTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    func withStore<T>(_ body: (CalendarImporter, TemporaryDirectory) async throws -> T) async throws -> T {
        let dir = try TemporaryDirectory(prefix: "sablier-import")
        defer { dir.remove() }
        let store = try SQLiteStore(path: AuditKeyFixture.keyed(dir.file("store.sqlite").path))
        return try await body(CalendarImporter(store: store), dir)
    }

    @Test("each real file imports with its rule count and no error", arguments: [
        (Fixtures.udemGALA, 3, CalendarFormat.gala),
        (Fixtures.hbGALA, 2, .gala),
        (Fixtures.hbCSV, 2, .spreadsheet),
        (Fixtures.valcourtCSV, 159, .spreadsheet),
        (Fixtures.exampleNative, 15, .native),
    ])
    func realFileImports(file: URL, rules: Int, format: CalendarFormat) async throws {
        try await withStore { importer, _ in
            let outcome = try await importer.importFile(path: file.path, actor: "test", now: Self.now)
            #expect(outcome.version.number == 1)
            #expect(outcome.version.ruleCount == rules)
            #expect(outcome.format == format)
            #expect(!outcome.diagnostics.hasErrors)
            #expect(outcome.summary.added.count == rules)
        }
    }

    @Test("UdeM 01740a: principal 888 with R1, semi-active 15, T with R2, confidential; secondary 888 / 0 / D")
    func udem01740a() async throws {
        try await withStore { importer, _ in
            _ = try await importer.importFile(path: Fixtures.udemGALA.path, actor: "test", now: Self.now)
            let rule = try #require(try await importer.store.rule("01740a", version: 1))
            #expect(rule.title == "Plagiat et fraude")
            #expect(rule.confidentialDocuments == true)
            #expect(rule.essentialDocuments == false)
            #expect(rule.classificationCodes == ["01740"])
            #expect(rule.holderUnit == "unités administratives responsables")
            #expect(rule.principal.supports == [.numerique, .papier])
            #expect(rule.principal.active == .open)
            #expect(rule.principal.activeRemark == RemarkID(number: 1))
            #expect(rule.principal.semiActive == .years(15))
            #expect(rule.principal.disposition == .tri)
            #expect(rule.principal.dispositionRemark == RemarkID(number: 2))
            let secondary = try #require(rule.secondaire)
            #expect(secondary.active == .open)
            #expect(secondary.semiActive == .years(0))
            #expect(secondary.disposition == .destruction)
            #expect(rule.remark(RemarkID(number: 1))?.text.hasPrefix("Jusqu'après l'expiration du délai d'appel") == true)
            #expect(rule.remark(RemarkID(number: 2))?.text.hasSuffix("Consulter les instructions pour les documents hautement confidentiels.") == true)
        }
    }

    @Test("Valcourt 201.02: principal 1 / 5 / C, secondary 2 / 0 / D; 302.02 waits for the end of employment")
    func valcourt() async throws {
        try await withStore { importer, _ in
            let outcome = try await importer.importFile(path: Fixtures.valcourtCSV.path, actor: "test", now: Self.now)
            #expect(outcome.diagnostics.allSatisfy { $0.severity == .warning })
            let calendar = try #require(try await importer.store.calendar(version: 1))
            #expect(calendar.organisation == "Ville de Valcourt")
            let r201 = try #require(calendar.rule("201.02"))
            #expect(r201.title == "Rapports et états financiers")
            #expect(r201.holderUnit == "Trésorerie")
            #expect(r201.recueil == "MUN-2009")
            #expect(r201.principal.active == .years(1))
            #expect(r201.principal.semiActive == .years(5))
            #expect(r201.principal.disposition == .conservation)
            #expect(r201.principal.dispositionRemark == RemarkID(number: 2))
            #expect(r201.secondaire?.active == .years(2))
            #expect(r201.secondaire?.semiActive == .years(0))
            #expect(r201.secondaire?.disposition == .destruction)
            let r302 = try #require(calendar.rule("302.02"))
            #expect(r302.principal.active == .open)
            #expect(r302.remark(try #require(r302.principal.activeRemark))?.text == "Durée de l'emploi + 2 ans.")
            #expect(calendar.rule("705.05")?.secondaire == nil)
            #expect(calendar.rule("102.01")?.classificationCodes == ["AC.10", "AC.20", "AC.30"])
            // The mends a person would make, each reported with the rule's line.
            #expect(calendar.rule("208.06")?.secondaire?.activeRemark == RemarkID(number: 2))
            #expect(calendar.rule("709.02")?.principal.dispositionRemark == RemarkID(number: 3))
            #expect(calendar.rule("401.01")?.principal.activeRemark == RemarkID(number: 1))
            #expect(calendar.rule("401.04")?.principal.dispositionRemark == nil)
            for rule in ["208.06", "709.02", "401.01", "401.04", "601.04", "705.05"] {
                #expect(outcome.diagnostics.contains { $0.rule == rule && $0.location.line > 1 }, "no warning for \(rule)")
            }
        }
    }

    @Test("a file whose last rule is wrong is rejected whole; the store is left as it was")
    func failingLastRule() async throws {
        try await withStore { importer, dir in
            _ = try await importer.importFile(path: Fixtures.hbGALA.path, actor: "test", now: Self.now)
            var text = try String(contentsOf: Fixtures.valcourtCSV, encoding: .utf8)
            // The last rule of the file is 800.03: make its secondary copy kept (C) instead of destroyed.
            let last = try #require(text.range(of: "R1,3,,0,,D,,3,,0,D,", options: .backwards))
            text.replaceSubrange(last, with: "R1,3,,0,,D,,3,,0,C,")
            let file = try dir.write("valcourt-broken.csv", text)
            await #expect(throws: CalendarImportError.self) {
                _ = try await importer.importFile(path: file.path, actor: "test", now: Self.now)
            }
            do {
                _ = try await importer.importFile(path: file.path, actor: "test", now: Self.now)
            } catch let error as CalendarImportError {
                #expect(error.diagnostics.errors.count == 1)
                #expect(error.diagnostics.errors.first?.rule == "800.03")
            }
            let versions = try await importer.store.calendarVersions()
            #expect(versions.map(\.number) == [1])
            #expect(try await importer.store.calendar(version: 1)?.rules.map(\.number) == ["101.01", "101.02"])
        }
    }

    @Test("import → export → import gives the same calendar, for every real file and both XML formats", arguments: [
        Fixtures.udemGALA, Fixtures.hbGALA, Fixtures.hbCSV, Fixtures.valcourtCSV, Fixtures.exampleNative,
    ])
    func roundTrip(file: URL) async throws {
        for format in [CalendarFormat.gala, .native] {
            try await withStore { importer, dir in
                _ = try await importer.importFile(path: file.path, actor: "test", now: Self.now)
                let original = try #require(try await importer.store.calendar(version: 1))
                let output = format == .gala ? try GALACalendarWriter.write(original) : try NativeCalendarWriter.write(original)
                #expect(!output.diagnostics.hasErrors, "\(output.diagnostics)")
                let exported = dir.file("export-\(format.rawValue).xml")
                try output.data.write(to: exported)

                let fresh = try SQLiteStore(path: AuditKeyFixture.keyed(dir.file("fresh.sqlite").path))
                let outcome = try await CalendarImporter(store: fresh).importFile(path: exported.path, actor: "test", now: Self.now)
                let again = try #require(try await fresh.calendar(version: outcome.version.number))
                if format == .native {
                    #expect(again == original, "\(file.lastPathComponent) through native")
                } else {
                    // GALA cannot carry the native additions; everything it can carry comes back.
                    #expect(again.rules.count == original.rules.count)
                    for (before, after) in zip(original.rules, again.rules) {
                        var expected = before
                        expected.personalInformation = nil
                        expected.countStart = .closingDate
                        expected.principal.activeEvent = nil
                        expected.principal.semiActiveEvent = nil
                        expected.secondaire?.activeEvent = nil
                        expected.secondaire?.semiActiveEvent = nil
                        #expect(after == expected, "\(file.lastPathComponent) rule \(before.number) through GALA")
                    }
                }
            }
        }
    }

    @Test("a GALA delta modifies and retires rules of the version in force; diff shows it")
    func galaDeltaAndDiff() async throws {
        try await withStore { importer, dir in
            _ = try await importer.importFile(path: Fixtures.hbGALA.path, actor: "test", now: Self.now)
            var text = try String(contentsOf: Fixtures.hbGALA, encoding: .utf8)
            // Rule 101.01: M with a semi-active period of 3 years; rule 101.02: S (retired).
            text = text.replacingOccurrences(of: "<PERIOSMACT>0</PERIOSMACT>", with: "<PERIOSMACT>3</PERIOSMACT>", options: [], range: text.range(of: "<PERIOSMACT>0</PERIOSMACT>"))
            let second = try #require(text.range(of: "<NUMREGLE>101.02</NUMREGLE>\n     <TYPE_TRANS>M</TYPE_TRANS>"))
            text.replaceSubrange(second, with: "<NUMREGLE>101.02</NUMREGLE>\n     <TYPE_TRANS>S</TYPE_TRANS>")
            let delta = try dir.write("delta.xml", text)
            let outcome = try await importer.importFile(path: delta.path, actor: "test", now: Self.now)
            #expect(outcome.version.number == 2)
            #expect(outcome.summary.modified == ["101.01"])
            #expect(outcome.summary.retired == ["101.02"])
            let v1 = try #require(try await importer.store.calendar(version: 1))
            let v2 = try #require(try await importer.store.calendar(version: 2))
            let diff = CalendarDiff(from: v1, to: v2)
            #expect(diff.retired.map(\.number) == ["101.02"])
            #expect(diff.changed.map(\.number) == ["101.01"])
            #expect(diff.changed.first?.changes.map(\.key) == ["principal.semiActive"])
            #expect(v1.rules.count == 2)
        }
    }

    /// A GALA file of several hundred rules (the Valcourt rules four times over, numbers made
    /// unique), some retired by an S with no calendar in force; so its rules reach the store
    /// in several batches while the file is read.
    func generatedGALA(in dir: TemporaryDirectory) async throws -> URL {
        let calendar = try await withStore { importer, _ in try await importer.preview(path: Fixtures.valcourtCSV.path).calendar }
        var large = calendar
        large.rules = (0..<4).flatMap { copy in calendar.rules.map { var rule = $0; rule.number += "-\(copy)"; return rule } }
        let output = try GALACalendarWriter.write(large, transaction: { $0.number.hasSuffix("7-2") ? .retire : .add })
        #expect(!output.diagnostics.hasErrors, "\(output.diagnostics)")
        let file = dir.file("generated.xml")
        try output.data.write(to: file)
        return file
    }

    @Test("rules stored while the file is read: the same version, summary and diagnostics as reading first, for every real file and a generated GALA file, first and over a version")
    func streamedImportMatchesReadFirst() async throws {
        let dir = try TemporaryDirectory(prefix: "sablier-generated")
        defer { dir.remove() }
        let files = [Fixtures.udemGALA, Fixtures.hbGALA, Fixtures.hbCSV, Fixtures.valcourtCSV, Fixtures.exampleNative,
                     try await generatedGALA(in: dir)]
        for file in files {
            try await withStore { importer, _ in
                for number in 1...2 {
                    // `preview` reads and checks the whole file, then applies it: what was stored before.
                    let preview = try await importer.preview(path: file.path)
                    let outcome = try await importer.importFile(path: file.path, actor: "test", now: Self.now)
                    let name = "\(file.lastPathComponent), version \(number)"
                    #expect(outcome.version.number == number, "\(name)")
                    #expect(try await importer.store.calendar(version: number) == preview.calendar, "\(name)")
                    #expect(outcome.summary == preview.summary, "\(name)")
                    #expect(outcome.diagnostics == preview.diagnostics, "\(name)")
                    #expect(outcome.diagnostics.count <= DiagnosticCollector.defaultLimit + 1, "\(name)")
                    #expect(try await importer.store.diagnostics(version: number) == outcome.diagnostics, "\(name)")
                    #expect(outcome.format == preview.format, "\(name)")
                    #expect(try await importer.store.sourceBytes(version: number) == Array(try Data(contentsOf: file)), "\(name)")
                }
            }
        }
    }
}
