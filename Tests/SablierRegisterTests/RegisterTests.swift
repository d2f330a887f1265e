import Foundation
import SablierCore
import SablierImport
import SablierRegister
import SablierSQLite
import SablierStore
import SablierTestSupport
import Testing

/// The register on a real SQLite file, with the example calendar imported through the real
/// importer and the example register CSV (real files, measured).
@Suite("Register: documents, due list, holds, confirmations, calendar changes")
struct RegisterTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let asOf = CivilDate(iso: "2026-11-29")!

    /// A store with the example calendar, its two boxes and the example register.
    func withExampleRegister<T>(_ body: (SQLiteStore, TemporaryDirectory, URL) async throws -> T) async throws -> T {
        let dir = try TemporaryDirectory(prefix: "sablier-register")
        defer { dir.remove() }
        let store = try SQLiteStore(path: AuditKeyFixture.keyed(dir.file("sablier.sqlite").path))
        _ = try await CalendarImporter(store: store).importFile(path: Fixtures.exampleNative.path, actor: "gestion.doc", now: now)
        try await store.addBox(Box(code: "B-2023-RF-01"), by: "gestion.doc", at: now)
        try await store.addBox(Box(code: "B-2014-RF-01"), by: "gestion.doc", at: now)
        let csv = try dir.copyExamples()
        let outcome = try await DocumentRegistrar(store: store).importCSV(path: csv.path, skipInvalid: false, actor: "gestion.doc", now: now)
        #expect(outcome.registered == 12)
        return try await body(store, dir, csv)
    }

    func due(_ store: SQLiteStore, on date: CivilDate? = nil) async throws -> [String: String] {
        var result: [String: String] = [:]
        for item in try await store.dueDocuments(asOf: date ?? asOf, action: nil) {
            result[item.reference] = "\(item.action.rawValue) \(item.due)\(item.held ? " held" : "")"
        }
        return result
    }

    @Test("the due list of 2026-11-29 has the hand-computed action and date of every example document")
    func dueList() async throws {
        try await withExampleRegister { store, _, _ in
            #expect(try await due(store) == [
                "SG-PV-CA-2019": "deposit 2022-06-30",      // 1101 2/0/C: closed 2020-06-15 → 2020-06-30 + 2
                "SG-CORR-2021": "destroy 2024-06-30",       // 1201 2/0/D: closed 2021-12-20 → 2022-06-30 + 2
                "RF-PAIE-2018": "destroy 2025-06-30",       // 2201 1/5/D: 2019-06-30 + 1 + 5 (transfer skipped past)
                "RF-EF-2023": "transfer 2025-06-30",        // 3101 1/5/C: closed 2023-09-30 → 2024-06-30 + 1
                "RF-BUD-2014": "sort 2020-06-30",           // 3102 1/5/T: closed on the year end itself
                "RH-EMP-0042": "transfer 2022-06-30",       // 2101 888 "+ 2 ans": fin de l'emploi 2019-08-15 → 2020-06-30 + 2
                "ELV-2010-0001": "destroy 2022-06-30",      // 7101 888/10/D: départ 2012-06-20 → 2012-06-30 + 10
                "ELV-2010-0001-NUM": "destroy 2022-06-30",  // the digitized copy follows its own rule and copy
                "SG-POL-2015": "deposit 2025-06-30",        // 1102 999/0/C: replaced 2024-09-01 → 2025-06-30
            ])
            // The day before a year end, what falls due on it is not listed yet.
            let early = try await due(store, on: CivilDate(iso: "2022-06-29")!)
            #expect(early["SG-PV-CA-2019"] == nil && early["RF-BUD-2014"] == "sort 2020-06-30")
            #expect(try await store.dueDocuments(asOf: asOf, action: .transfer).map(\.reference).sorted() == ["RF-EF-2023", "RH-EMP-0042"])
            let waiting = try await store.waitingDocuments()
            #expect(waiting.map(\.reference) == ["RH-EMP-0107"])
            #expect(waiting.first?.waiting == .event("fin de l'emploi"))
        }
    }

    @Test("a digital document is measured from its real file: path, SHA-256 (as sha256sum computes it), size, format")
    func digitalFile() async throws {
        try await withExampleRegister { store, _, csv in
            let file = try #require(try await store.document("SG-CORR-2021")?.document.file)
            let expectedPath = csv.deletingLastPathComponent().appendingPathComponent("fichiers/correspondance-2021.txt").standardizedFileURL.path
            #expect(file.path == expectedPath)
            #expect(file.format == "txt")
            #expect(file.size == (try FileManager.default.attributesOfItem(atPath: expectedPath)[.size] as? NSNumber)?.intValue)
            let process = Process()
            let pipe = Pipe()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            process.arguments = [expectedPath]
            process.standardOutput = pipe
            try process.run()
            process.waitUntilExit()
            let sum = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
            #expect(file.sha256 == String(sum))
            // The paper original and its digitized copy stay linked.
            #expect(try await store.document("ELV-2010-0001-NUM")?.document.digitizedFrom == "ELV-2010-0001")
            #expect(try await store.document("ELV-2010-0001")?.document.file == nil)
            let originalEvents = try await store.events(of: "ELV-2010-0001").map(\.event)
            #expect(originalEvents.map(\.kind) == [.eventOccurred, .digitized])
            #expect(originalEvents.last?.detail == "ELV-2010-0001-NUM")
        }
    }

    @Test("a bad row rejects the whole file with FILE:LINE:COLUMN and the column, and nothing is written; --skip-invalid keeps the good rows")
    func badRows() async throws {
        try await withExampleRegister { store, dir, _ in
            let bad = try dir.write("bad.csv", """
                reference,title,rule,copy,support,holder,opened,closed
                NEW-1,Nouveau dossier,1201,principal,PA,Secrétariat général,2024-01-10,2024-12-20
                NEW-2,Règle inconnue,9999,principal,PA,Secrétariat général,2024-01-10,
                NEW-3,Date fausse,1201,principal,PA,Secrétariat général,2024-02-30,
                SG-CORR-2021,Déjà là,1201,principal,PA,Secrétariat général,2021-01-04,
                NEW-1,Répété,1201,principal,PA,Secrétariat général,2024-01-10,

                """)
            let registrar = DocumentRegistrar(store: store)
            let error = await #expect(throws: DocumentImportError.self) {
                try await registrar.importCSV(path: bad.path, skipInvalid: false, actor: "gestion.doc", now: now)
            }
            let messages = error?.diagnostics.errors.map(\.description) ?? []
            #expect(messages.contains("\(bad.path):3:3: error: column rule: rule 9999 is not in the calendar in force (version 1)"))
            #expect(messages.contains("\(bad.path):4:7: error: column opened: '2024-02-30' is not a date YYYY-MM-DD"))
            #expect(messages.contains("\(bad.path):5:1: error: column reference: SG-CORR-2021 is already registered"))
            #expect(messages.contains("\(bad.path):6:1: error: column reference: NEW-1 already appears on line 2"))
            #expect(try await store.document("NEW-1") == nil)
            #expect(try await store.documents(matching: nil, limit: nil).count == 12)

            let outcome = try await registrar.importCSV(path: bad.path, skipInvalid: true, actor: "gestion.doc", now: now)
            #expect(outcome.registered == 1)
            #expect(outcome.rejectedLines == [3, 4, 5, 6])
            #expect(try await store.document("NEW-1")?.retention.finalOn == CivilDate(iso: "2027-06-30"))
        }
    }

    @Test("a register of 5,000 bad rows lists its first hundred problems and counts the rest in one, all rows still rejected")
    func badRowsCapped() async throws {
        try await withExampleRegister { store, dir, _ in
            var text = "reference,title,rule,copy,support,holder,opened,closed\n"
            for row in 1...5_000 { text += "BAD-\(row),Règle inconnue,9999,principal,PA,Secrétariat général,2024-01-10,\n" }
            let bad = try dir.write("many-bad.csv", text)
            let registrar = DocumentRegistrar(store: store)
            let error = await #expect(throws: DocumentImportError.self) {
                try await registrar.importCSV(path: bad.path, skipInvalid: false, actor: "gestion.doc", now: now)
            }
            let diagnostics = error?.diagnostics ?? []
            #expect(diagnostics.count == 101)
            #expect(diagnostics.first?.location.line == 2 && diagnostics.dropLast().last?.location.line == 101)
            let more = diagnostics.last
            #expect(more?.code == DiagnosticCode.moreDiagnostics.rawValue && more?.severity == .error)
            #expect(more?.values?["errors"] == "4900")
            let mixed = try dir.write("mixed.csv", text + "GOOD-1,Nouveau dossier,1201,principal,PA,Secrétariat général,2024-01-10,2024-12-20\n")
            let outcome = try await registrar.importCSV(path: mixed.path, skipInvalid: true, actor: "gestion.doc", now: now)
            #expect(outcome.registered == 1 && outcome.rejectedLines.count == 5_000 && outcome.diagnostics.count == 101)
        }
    }

    @Test("an event given at registration (event_date, transferred) after the day of the registration is refused, naming line and field; on that day it is taken")
    func registeredEventsNotAfterToday() async throws {
        try await withExampleRegister { store, dir, _ in
            // `now` is 2026-11-18: the 19th has not happened yet.
            let late = try dir.write("evenements-futurs.csv", """
                reference,title,rule,copy,support,holder,opened,closed,event,event_date,transferred
                RH-F-1,Dossier d'emploi,2101,principal,PA,Ressources humaines,2010-08-20,,fin de l'emploi,2026-11-19,
                RF-F-2,États financiers 2023,3101,principal,PA,Ressources financières,2023-04-01,2023-09-30,,,2026-11-19

                """)
            let registrar = DocumentRegistrar(store: store)
            let error = await #expect(throws: DocumentImportError.self) {
                try await registrar.importCSV(path: late.path, skipInvalid: false, actor: "gestion.doc", now: now)
            }
            let found = (error?.diagnostics ?? []).map { "\($0.location.line) \($0.field ?? "") \($0.code ?? "")" }
            #expect(found == ["2 event_date register.event-after-today", "3 transferred register.event-after-today"])
            #expect(error?.diagnostics.first?.values?["today"] == "2026-11-18")
            #expect(try await store.registeredReferences(among: ["RH-F-1", "RF-F-2"]).isEmpty)
            let onTheDay = try dir.write("evenements-du-jour.csv", """
                reference,title,rule,copy,support,holder,opened,closed,event,event_date
                RH-F-3,Dossier d'emploi,2101,principal,PA,Ressources humaines,2010-08-20,,fin de l'emploi,2026-11-18

                """)
            #expect(try await registrar.importCSV(path: onTheDay.path, skipInvalid: false, actor: "gestion.doc", now: now).registered == 1)
        }
    }

    @Test("a register taken over says what is already in semi-active storage: it is not listed for transfer again")
    func alreadyTransferred() async throws {
        try await withExampleRegister { store, dir, _ in
            // Rule 3101 (1/5/C): closed 2023-09-30 → transfer 2025-06-30, deposit 2030-06-30.
            let bad = try dir.write("semi-actif-bad.csv", """
                reference,title,rule,copy,support,holder,opened,closed,transferred
                RF-T-1,États financiers 2023,3101,principal,PA,Ressources financières,2023-04-01,2023-09-30,2019-01-01
                RF-T-2,États financiers 2023 bis,3101,principal,PA,Ressources financières,2023-04-01,2023-09-30,2025-13-01

                """)
            let error = await #expect(throws: DocumentImportError.self) {
                try await DocumentRegistrar(store: store).importCSV(path: bad.path, skipInvalid: false, actor: "gestion.doc", now: now)
            }
            let messages = error?.diagnostics.errors.map(\.description) ?? []
            #expect(messages.contains("\(bad.path):2:9: error: column transferred: the transfer to semi-active storage (2019-01-01) is before the opening date 2023-04-01"))
            #expect(messages.contains("\(bad.path):3:9: error: column transferred: '2025-13-01' is not a date YYYY-MM-DD"))

            let good = try dir.write("semi-actif.csv", """
                reference,title,rule,copy,support,holder,opened,closed,transferred
                RF-T-1,États financiers 2023,3101,principal,PA,Ressources financières,2023-04-01,2023-09-30,2025-07-15
                RF-T-2,États financiers 2023 bis,3101,principal,PA,Ressources financières,2023-04-01,2023-09-30,

                """)
            let outcome = try await DocumentRegistrar(store: store).importCSV(path: good.path, skipInvalid: false, actor: "gestion.doc", now: now)
            #expect(outcome.registered == 2)
            let moved = try #require(try await store.document("RF-T-1"))
            #expect(moved.phase == .semiActif)
            #expect(moved.retention.finalOn == CivilDate(iso: "2030-06-30"))
            #expect(try await store.events(of: "RF-T-1").map(\.event.kind) == [.transferred])
            let list = try await due(store)
            #expect(list["RF-T-1"] == nil)
            #expect(list["RF-T-2"] == "transfer 2025-06-30")
            #expect(try await due(store, on: CivilDate(iso: "2030-06-30")!)["RF-T-1"] == "deposit 2030-06-30")
        }
    }

    @Test("a record that does not read (an unclosed quote) rejects the whole file; nothing before it is written")
    func malformedRecord() async throws {
        try await withExampleRegister { store, dir, _ in
            let bad = try dir.write("unclosed.csv", """
                reference,title,rule,copy,support,holder,opened,closed
                NEW-1,Un,1201,principal,PA,Secrétariat général,2024-01-10,
                NEW-2,"Deux,1201,principal,PA,Secrétariat général,2024-01-10,

                """)
            let registrar = DocumentRegistrar(store: store)
            let error = await #expect(throws: DocumentImportError.self) {
                try await registrar.importCSV(path: bad.path, skipInvalid: false, actor: "gestion.doc", now: now)
            }
            #expect(error?.diagnostics.errors.first?.description.hasPrefix("\(bad.path):3:") == true)
            #expect(try await store.document("NEW-1") == nil)
            let kept = try await registrar.importCSV(path: bad.path, skipInvalid: true, actor: "gestion.doc", now: now)
            #expect(kept.registered == 1 && kept.rejectedLines == [3])
        }
    }

    @Test("a hold keeps destruction listed as held; a rule hold covers documents registered later; releasing it lifts it")
    func holds() async throws {
        try await withExampleRegister { store, dir, _ in
            let hold = try await store.placeHold(.rule("7101"), reason: "Demande d'accès en cours", by: "aiprp", at: now)
            #expect(hold.documentCount == 2)
            #expect(try await due(store)["ELV-2010-0001"] == "destroy 2022-06-30 held")
            let later = try dir.write("later.csv", """
                reference,title,rule,copy,support,holder,opened,closed
                ELV-2011-0002,Dossier de l'élève 2011-0002,7101,principal,PA,École primaire des Érables (exemple),2005-08-30,2013-06-20

                """)
            _ = try await DocumentRegistrar(store: store).importCSV(path: later.path, skipInvalid: false, actor: "gestion.doc", now: now)
            #expect(try await store.document("ELV-2011-0002")?.held == true)
            #expect(try await store.events(of: "ELV-2011-0002").map(\.event.kind) == [.holdPlaced])

            let query = try await store.placeHold(.query(try DocumentQuery(parsing: "holder=Ressources financières; title~paie")),
                                                  reason: "Vérification", by: "aiprp", at: now)
            #expect(query.documentCount == 1)
            #expect(try await due(store)["RF-PAIE-2018"] == "destroy 2025-06-30 held")

            let released = try await store.releaseHold(hold.id, reason: "Demande traitée", by: "aiprp", at: now)
            #expect(!released.isActive)
            #expect(try await due(store)["ELV-2010-0001"] == "destroy 2022-06-30")
            #expect(try await store.document("RF-PAIE-2018")?.held == true)
            await #expect(throws: Refusal(.holdReleased, ["hold": String(hold.id)])) {
                try await store.releaseHold(hold.id, reason: "encore", by: "aiprp", at: now)
            }
            #expect(try await store.holds(includingReleased: false).map(\.id) == [query.id])
        }
    }

    @Test("confirming an 888 event and recording an event recount the documents of the rule")
    func confirmationsAndEvents() async throws {
        try await withExampleRegister { store, _, _ in
            try await store.confirmOpenPeriod(OpenPeriodConfirmation(
                rule: "2101", copy: .principal, period: .active, event: OpenPeriodEvent(event: "Fin d’emploi", offsetYears: 5),
                remark: "Durée de l'emploi + 2 ans.", calendarVersion: 1, confirmedAt: now, confirmedBy: "gestion.doc"))
            // RH-EMP-0042 recorded "fin de l'emploi"; the confirmed event is "Fin d’emploi": another event, so it waits.
            #expect(try await store.document("RH-EMP-0042")?.retention.waiting == .event("Fin d’emploi"))
            try await store.appendEvent(LifecycleEvent(kind: .eventOccurred, on: CivilDate(iso: "2019-08-15")!, by: "rh", name: "fin d'emploi"),
                                        to: "RH-EMP-0042", at: now)
            // 2019-08-15 → 2020-06-30 + 5 years.
            #expect(try await store.document("RH-EMP-0042")?.retention.transferOn == CivilDate(iso: "2025-06-30"))
            #expect(try await store.document("RH-EMP-0042")?.retention.finalOn == CivilDate(iso: "2055-06-30"))
            await #expect(throws: Refusal(.eventByHold, ["kind": "hold-placed"])) {
                try await store.appendEvent(LifecycleEvent(kind: .holdPlaced, on: asOf, by: "x"), to: "RH-EMP-0042", at: now)
            }
            await #expect(throws: Refusal(.documentNotFound, ["reference": "NOPE"])) {
                try await store.appendEvent(LifecycleEvent(kind: .modified, on: asOf, by: "x"), to: "NOPE", at: now)
            }
            await #expect(throws: Refusal(.eventByDisposition, ["kind": "destroyed"])) {
                try await store.appendEvent(LifecycleEvent(kind: .destroyed, on: asOf, by: "x"), to: "RH-EMP-0042", at: now)
            }
            // The transfer, once recorded, leaves the final disposition as the next date.
            try await store.appendEvent(LifecycleEvent(kind: .transferred, on: CivilDate(iso: "2025-07-02")!, by: "rh"), to: "RH-EMP-0042", at: now)
            let after = try #require(try await store.document("RH-EMP-0042"))
            #expect(after.phase == .semiActif)
            #expect(after.retention.dueOn == CivilDate(iso: "2055-06-30"))
        }
    }

    @Test("a new calendar version recounts the documents whose rule changed or was retired, in the same transaction")
    func calendarChange() async throws {
        try await withExampleRegister { store, dir, _ in
            var xml = try String(contentsOf: Fixtures.exampleNative, encoding: .utf8)
            // Rule 1201: active 2 → 5 years for the principal copy.
            let start = try #require(xml.range(of: "numero=\"1201\""))
            let active = try #require(xml.range(of: "<actif><annees>2</annees></actif>", range: start.upperBound..<xml.endIndex))
            xml.replaceSubrange(active, with: "<actif><annees>5</annees></actif>")
            let changed = try dir.write("v2.xml", xml)
            _ = try await CalendarImporter(store: store).importFile(path: changed.path, actor: "gestion.doc", now: now)
            let document = try #require(try await store.document("SG-CORR-2021"))
            #expect(document.retention.finalOn == CivilDate(iso: "2027-06-30"))
            #expect(document.retention.calendarVersion == 2)
            #expect(try await due(store)["SG-CORR-2021"] == nil)
            // Unchanged rules keep their dates.
            #expect(try await due(store)["SG-PV-CA-2019"] == "deposit 2022-06-30")
        }
    }

    /// A register CSV of `count` rows under rule 1201 (`N-1` … `N-count`), with `extra` columns
    /// filled by `fill` for some rows.
    func largeCSV(_ count: Int, extra: [String] = [], fill: (Int) -> [String]? = { _ in nil }) -> String {
        var text = (["reference", "title", "rule", "copy", "support", "holder", "opened", "closed"] + extra).joined(separator: ",") + "\n"
        for n in 1...count {
            let values = fill(n) ?? Array(repeating: "", count: extra.count)
            text += (["N-\(n)", "Dossier \(n)", "1201", "principal", "PA", "Secrétariat général", "2020-01-10", "2021-03-01"] + values)
                .joined(separator: ",") + "\n"
        }
        return text
    }

    @Test("a file of several batches is written in one transaction, rows naming documents further down included")
    func severalBatches() async throws {
        try await withExampleRegister { store, dir, _ in
            // Row 4,500 replaces row 4,800, further down; row 100 is a digitized copy of row 3 and
            // of a registered document's replacement.
            let csv = try dir.write("large.csv", largeCSV(5_000, extra: ["replaces", "digitized_from"]) { n in
                switch n {
                case 4_500: return ["N-4800", ""]
                case 100: return ["", "N-3"]
                case 101: return ["SG-CORR-2021", ""]
                default: return nil
                }
            })
            let outcome = try await DocumentRegistrar(store: store).importCSV(path: csv.path, skipInvalid: false, actor: "gestion.doc", now: now)
            #expect(outcome.registered == 5_000 && outcome.rejectedLines.isEmpty)
            #expect(try await store.documents(matching: nil, limit: nil).count == 5_012)
            #expect(try await store.events(of: "N-4800").map(\.event.kind) == [.replaced])
            #expect(try await store.events(of: "SG-CORR-2021").map(\.event.kind) == [.replaced])
            #expect(try await store.document("N-100")?.document.digitizedFrom == "N-3")
            // 2021-03-01 → 2021-06-30 + 2 years, destroy.
            #expect(try await store.document("N-4999")?.retention.finalOn == CivilDate(iso: "2023-06-30"))
            #expect(try await due(store)["N-1"] == "destroy 2023-06-30")
        }
    }

    @Test("a file longer than the reading thread may run ahead is counted as each document alone would be")
    func countedWhileRead() async throws {
        try await withExampleRegister { store, dir, _ in
            // Ten batches: the reading thread waits for the store after eight, and counts the
            // rest with the counter the store handed it (the first ones may be counted by either).
            let rules = ["1101", "1201", "2101", "3101", "7101", "7201", "8101", "9101"]
            var text = "reference,title,rule,copy,support,holder,opened,closed,event,event_date\n"
            for n in 1...20_000 {
                let rule = rules[(n * 7) % rules.count]
                let closed = n % 5 == 0 ? "" : "20\(12 + n % 14)-0\(1 + n % 9)-1\(n % 10)"
                let event = rule == "2101" && n % 3 == 0 ? "fin de l'emploi,20\(15 + n % 11)-03-0\(1 + n % 9)" : ","
                text += "W-\(n),Dossier \(n),\(rule),\(n % 4 == 0 ? "secondaire" : "principal"),PA,Secrétariat général,2011-09-01,\(closed),\(event)\n"
            }
            let csv = try dir.write("counted.csv", text)
            let outcome = try await DocumentRegistrar(store: store).importCSV(path: csv.path, skipInvalid: false, actor: "gestion.doc", now: now)
            #expect(outcome.registered == 20_000 && outcome.rejectedLines.isEmpty)

            let version = try #require(try await store.latestCalendarVersion()).number
            let calendar = try #require(try await store.calendar(version: version))
            var confirmations: [String: [CopyKind: [CopyField: OpenPeriodEvent]]] = [:]
            for confirmation in try await store.openPeriodConfirmations() {
                confirmations[confirmation.rule, default: [:]][confirmation.copy, default: [:]][confirmation.period] = confirmation.event
            }
            let context = RetentionContext(calendarVersion: version, yearEnd: calendar.yearEnd,
                                           rules: Dictionary(uniqueKeysWithValues: calendar.rules.map { ($0.number, $0) }),
                                           confirmations: confirmations)
            var checked = 0
            var withEvents = 0
            for registered in try await store.documents(matching: nil, limit: nil) where registered.document.reference.hasPrefix("W-") {
                let events = registered.document.rule == "2101" ? try await store.events(of: registered.document.reference).map(\.event) : []
                withEvents += events.isEmpty ? 0 : 1
                #expect(registered.retention == context.status(of: registered.document, events: events, held: false),
                        "\(registered.document.reference)")
                checked += 1
            }
            #expect(checked == 20_000 && withEvents > 500)
        }
    }

    @Test("a bad row past the first batches rejects the file and nothing is written; --skip-invalid writes the others")
    func badRowLate() async throws {
        try await withExampleRegister { store, dir, _ in
            var text = largeCSV(6_000, extra: ["replaces"]) { n in n == 5_500 ? ["NOWHERE-1"] : nil }
            text = text.replacingOccurrences(of: "N-5990,Dossier 5990,1201", with: "N-5990,Dossier 5990,9999")
            text += "SG-PV-CA-2019,Déjà là,1201,principal,PA,Secrétariat général,2020-01-10,2021-03-01,\n"
            text += "N-17,Répété,1201,principal,PA,Secrétariat général,2020-01-10,2021-03-01,\n"
            let csv = try dir.write("late.csv", text)
            let registrar = DocumentRegistrar(store: store)
            let error = await #expect(throws: DocumentImportError.self) {
                try await registrar.importCSV(path: csv.path, skipInvalid: false, actor: "gestion.doc", now: now)
            }
            let messages = error?.diagnostics.errors.map(\.description) ?? []
            #expect(messages == [
                "\(csv.path):5501:9: error: column replaces: document NOWHERE-1 is neither registered nor in this file",
                "\(csv.path):5991:3: error: column rule: rule 9999 is not in the calendar in force (version 1)",
                "\(csv.path):6002:1: error: column reference: SG-PV-CA-2019 is already registered",
                "\(csv.path):6003:1: error: column reference: N-17 already appears on line 18",
            ])
            #expect(try await store.document("N-1") == nil)
            #expect(try await store.documents(matching: nil, limit: nil).count == 12)

            let outcome = try await registrar.importCSV(path: csv.path, skipInvalid: true, actor: "gestion.doc", now: now)
            #expect(outcome.registered == 5_998)
            #expect(outcome.rejectedLines == [5501, 5991, 6002, 6003])
            #expect(try await store.documents(matching: nil, limit: nil).count == 12 + 5_998)
            #expect(try await store.document("N-5500") == nil)
            #expect(try await store.document("N-6000") != nil)
        }
    }

    @Test("a file whose every row is refused is rejected even with --skip-invalid")
    func everyRowRefused() async throws {
        try await withExampleRegister { store, dir, _ in
            let csv = try dir.write("none.csv", """
                reference,title,rule,copy,support,holder,opened,closed
                SG-PV-CA-2019,Déjà là,1201,principal,PA,Secrétariat général,2020-01-10,
                X-1,Règle inconnue,9999,principal,PA,Secrétariat général,2020-01-10,

                """)
            await #expect(throws: DocumentImportError.self) {
                try await DocumentRegistrar(store: store).importCSV(path: csv.path, skipInvalid: true, actor: "gestion.doc", now: now)
            }
            #expect(try await store.documents(matching: nil, limit: nil).count == 12)
        }
    }
}
