import Foundation
import SablierApplication
import SablierCore
import SablierSQLite
import SablierStore
import SablierTestSupport
import Testing

/// The one rule every path that records a person's event obeys (`LifecycleEvent.checkRecordable`):
/// no event the document already has, none dated after the clock's day, no closing before the
/// opening, none on a document the organisation no longer holds. On the real SQLite store and
/// the example register (RH-EMP-0042 had « fin de l'emploi » on 2019-08-15; SEC-INS-2025 was
/// opened on 2024-02-01), the clock fixed on 2026-11-29.
@Suite("Recording events: the register's one rule, on every path")
struct EventRecordingRuleTests {
    @Test("a query's cohort leaves out, counts and names a document that already has the event, whose dates therefore do not move")
    func queryLeavesOutTheEventAlreadyRecorded() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let before = try #require(try await office.store.document("RH-EMP-0042"))
        let preview = try await office.sablier.recordEvents(manager, query: "rule=2101", kind: "event-occurred", on: CivilDate(iso: "2025-06-30"),
                                                            name: "fin de l'emploi", confirm: false)
        #expect(!preview.references.contains("RH-EMP-0042"))
        #expect(preview.leftOut == 1 && preview.leftOutDocuments.map(\.reference) == ["RH-EMP-0042"])
        #expect(preview.leftOutDocuments.first?.refusal == Refusal(.eventAlreadyOccurred,
                                                                    ["reference": "RH-EMP-0042", "name": "fin de l'emploi", "on": "2019-08-15"]))
        let done = try await office.sablier.recordEvents(manager, query: "rule=2101", kind: "event-occurred", on: CivilDate(iso: "2025-06-30"),
                                                         name: "fin de l'emploi", confirm: true)
        #expect(done.leftOut == 1 && !done.references.contains("RH-EMP-0042"))
        let events = try await office.store.events(of: "RH-EMP-0042").map(\.event).filter { $0.kind == .eventOccurred }
        #expect(events.map(\.on) == [CivilDate(iso: "2019-08-15")])
        let after = try #require(try await office.store.document("RH-EMP-0042"))
        #expect(after.retention == before.retention)
    }

    @Test("the same events file applied twice: the second time every line is an error naming what is recorded, and nothing is written")
    func fileAppliedTwiceIsRefused() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let file = try office.directory.write("evenements.csv", """
            reference,kind,on,name
            SEC-INS-2025,modified,2026-01-10,
            RH-EMP-0042,event-occurred,2020-01-15,fin de l'emploi

            """)
        let refusal = await thrownRefusal { try await office.sablier.recordCohortEvents(manager, file: file.path) }
        #expect(refusal?.diagnostics.map { "\($0.location.line) \($0.field ?? "") \($0.code ?? "")" } == ["3 name events.already-occurred"])
        #expect(refusal?.diagnostics.first?.values?["on"] == "2019-08-15")

        let once = try office.directory.write("une-fois.csv", "reference,kind,on\nSEC-INS-2025,modified,2026-01-10\n")
        #expect(try await office.sablier.recordCohortEvents(manager, file: once.path).count == 1)
        let count = try await office.store.events(of: "SEC-INS-2025").count
        let twice = await thrownRefusal { try await office.sablier.recordCohortEvents(manager, file: once.path) }
        #expect(twice?.code == .rejectedInput)
        #expect(twice?.diagnostics.map(\.code) == [DiagnosticCode.eventsAlreadyRecorded.rawValue])
        #expect(twice?.diagnostics.first?.message == "column kind: document SEC-INS-2025 already has the same modified event on 2026-01-10")
        #expect(try await office.store.events(of: "SEC-INS-2025").count == count)

        let repeated = try office.directory.write("deux-fois.csv", "reference,kind,on\nSEC-INS-2025,modified,2026-02-10\nSEC-INS-2025,Modified,2026-02-10\n")
        let inOneFile = await thrownRefusal { try await office.sablier.recordCohortEvents(manager, file: repeated.path) }
        #expect(inOneFile?.diagnostics.map { "\($0.location.line) \($0.code ?? "") \($0.values?["first"] ?? "")" } == ["3 events.repeated-line 2"])
    }

    @Test("one event already recorded, or dated after today, or a closing before the opening, is refused by the single event too")
    func singleEventRefusals() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let again = await thrownRefusal {
            try await office.sablier.recordEvent(manager, "RH-EMP-0042", kind: "event-occurred", on: CivilDate(iso: "2025-06-30"), name: "Fin de l’emploi")
        }
        #expect(again?.code == .eventAlreadyOccurred && again?.values["on"] == "2019-08-15")
        let tomorrow = await thrownRefusal {
            try await office.sablier.recordEvent(manager, "SEC-INS-2025", kind: "modified", on: CivilDate(iso: "2026-11-30"))
        }
        #expect(tomorrow?.code == .eventAfterToday && tomorrow?.values["today"] == "2026-11-29")
        let early = await thrownRefusal {
            try await office.sablier.recordEvent(manager, "SEC-INS-2025", kind: "closed", on: CivilDate(iso: "2020-01-01"))
        }
        #expect(early?.code == .closedBeforeOpening && early?.values["opened"] == "2024-02-01")
        _ = try await office.sablier.recordEvent(manager, "SEC-INS-2025", kind: "modified", on: CivilDate(iso: "2026-11-29"))
        let same = await thrownRefusal {
            try await office.sablier.recordEvent(manager, "SEC-INS-2025", kind: "modified", on: CivilDate(iso: "2026-11-29"))
        }
        #expect(same?.code == .eventAlreadyRecorded)
        // Today itself is not after today.
        #expect(try await office.sablier.recordEvent(manager, "SEC-INS-2025", kind: "disseminated").event.on == "2026-11-29")
    }

    @Test("dates in a file: after today and a closing before the opening are errors on column on; a query dated after today is refused")
    func datesInFileAndQuery() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let file = try office.directory.write("evenements.csv", "reference,kind,on\nSEC-INS-2025,closed,2020-01-01\nSEC-INS-2025,modified,2026-11-30\n")
        let refusal = await thrownRefusal { try await office.sablier.recordCohortEvents(manager, file: file.path) }
        #expect(refusal?.diagnostics.map { "\($0.location.line) \($0.field ?? "") \($0.code ?? "")" } == [
            "2 on events.closed-before-opening", "3 on events.after-today",
        ])
        let query = await thrownRefusal {
            try await office.sablier.recordEvents(manager, query: "rule=7301", kind: "modified", on: CivilDate(iso: "2027-01-01"), confirm: false)
        }
        #expect(query?.code == .eventAfterToday)
    }

    @Test("a document deposited in the archives takes no event: the single event, the file and the query refuse it as no longer held")
    func depositedDocument() async throws {
        let office = try await TestOffice(.register)
        _ = try await DispositionPapersUseCaseTests.executedListOfEveryAction(office)
        let manager = try await office.session("gestion.doc")
        #expect(try await office.store.document("RF-BUD-2014")?.phase == .inactifVerse)
        let single = await thrownRefusal {
            try await office.sablier.recordEvent(manager, "RF-BUD-2014", kind: "modified", on: CivilDate(iso: "2026-11-01"))
        }
        #expect(single?.code == .documentNoLongerHeld && single?.values["phase"] == "inactif-verse")
        let file = try office.directory.write("evenements.csv", "reference,kind,on\nRF-BUD-2014,modified,2026-11-01\n")
        let refusal = await thrownRefusal { try await office.sablier.recordCohortEvents(manager, file: file.path) }
        #expect(refusal?.diagnostics.map(\.code) == [DiagnosticCode.eventsDocumentNotHeld.rawValue])
        let query = await thrownRefusal {
            try await office.sablier.recordEvents(manager, query: "reference=RF-BUD-2014", kind: "modified", confirm: true)
        }
        #expect(query?.code == .cohortEmpty)
    }

    @Test("an events file from Excel in French: the kinds in French words, accents and case aside, are recorded; a missing file is not found")
    func frenchKindsAndMissingFile() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let file = try office.directory.write("evenements.csv", """
            cote;type;date;événement
            SEC-INS-2025;Modification;2026-01-10;
            SEC-INS-2025;DIFFUSION;2026-01-11;
            SEC-INS-2025;numerisation;2026-01-12;
            RH-EMP-0107;Événement survenu;2024-06-01;fin de l'emploi

            """)
        let cohort = try await office.sablier.recordCohortEvents(manager, file: file.path)
        #expect(cohort.events.map(\.kind) == ["modified", "disseminated", "digitized", "event-occurred"])
        #expect(cohort.countByKind == ["modified": 1, "disseminated": 1, "digitized": 1, "event-occurred": 1])
        let missing = await thrownRefusal {
            try await office.sablier.recordCohortEvents(manager, file: office.directory.file("absent.csv").path)
        }
        #expect(missing?.code == .eventsFileNotFound && missing?.kind == .notFound)
    }
}
