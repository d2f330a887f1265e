import Foundation
import SablierApplication
import SablierCore
import SablierSQLite
import SablierStore
import SablierTestSupport
import Testing

/// Events for a cohort (`document event --csv`, `--query`, `POST /api/v1/events`): all or
/// nothing, recounted, one audit entry; on the real SQLite store and the example calendar,
/// whose rule 2101 (dossier d'employé) waits for « fin de l'emploi » + 2 years (remark R1),
/// then keeps 30 years semi-active before destruction, years ending on June 30.
@Suite("Events for a cohort")
struct CohortEventsUseCaseTests {
    static let register = """
        reference,title,rule,copy,support,holder,opened,closed
        RH-EMP-0107,Dossier d'employé 0107,2101,principal,PA,Ressources humaines,2016-08-22,
        RH-EMP-0300,Dossier d'employé 0300,2101,principal,PA,Ressources humaines,2010-01-04,
        RH-EMP-0301,Dossier d'employé 0301,2101,principal,PA,Ressources humaines,2012-03-01,
        SG-CORR-2021,Correspondance générale 2021,1201,principal,DM,Secrétariat général,2021-01-04,2021-12-20

        """

    static func office() async throws -> TestOffice {
        try await TestOffice(.documents(calendar: Fixtures.exampleNative, csv: register))
    }

    @Test("an events file (French headings) is recorded in one transaction, each document recounted to the hand-computed dates, one audit entry")
    func csvRecordedAndRecounted() async throws {
        let office = try await Self.office()
        let manager = try await office.session("gestion.doc")
        #expect(try await office.store.document("RH-EMP-0107")?.retention.waiting != nil, "waits for the end of employment")
        let file = try office.directory.write("evenements.csv", """
            cote,type,date,événement,motif
            RH-EMP-0107,event-occurred,2024-06-01,fin de l'emploi,Départ
            RH-EMP-0300,event-occurred,2020-03-15,Fin de l’emploi,
            SG-CORR-2021,modified,2025-01-10,,Classement

            """)
        let before = try await office.lastSequence()
        let dry = try await office.sablier.recordCohortEvents(manager, file: file.path, dryRun: true)
        #expect(!dry.recorded && dry.count == 3)
        #expect(try await office.audit(after: before).isEmpty)
        #expect(try await office.store.events(of: "RH-EMP-0107").isEmpty)

        let cohort = try await office.sablier.recordCohortEvents(manager, file: file.path)
        #expect(cohort.recorded && cohort.references == ["RH-EMP-0107", "RH-EMP-0300", "SG-CORR-2021"])
        #expect(cohort.kinds == ["event-occurred", "modified"])
        // 2024-06-01 → year end 2024-06-30, + 2 years (R1) = 2026-06-30; + 30 years semi-active = 2056-06-30.
        let first = try #require(try await office.store.document("RH-EMP-0107"))
        #expect(first.retention.transferOn == CivilDate(iso: "2026-06-30") && first.retention.finalOn == CivilDate(iso: "2056-06-30"))
        #expect(first.retention.finalAction == .destroy && first.retention.waiting == nil)
        // 2020-03-15 → 2020-06-30 + 2 = 2022-06-30; + 30 = 2052-06-30.
        let second = try #require(try await office.store.document("RH-EMP-0300"))
        #expect(second.retention.transferOn == CivilDate(iso: "2022-06-30") && second.retention.finalOn == CivilDate(iso: "2052-06-30"))
        let event = try #require(try await office.store.events(of: "RH-EMP-0107").last?.event)
        #expect(event.kind == .eventOccurred && event.name == "fin de l'emploi" && event.reason == "Départ" && event.by == "gestion.doc")
        #expect(try await office.store.events(of: "SG-CORR-2021").last?.event.on == CivilDate(iso: "2025-01-10"))

        let entries = try await office.audit(after: before)
        #expect(entries.map(\.action) == ["document.event-cohort"])
        #expect(cohort.referencesSHA256 == Self.threeReferencesDigest)
        #expect(entries.first?.details.contains("\"references_sha256\":\"\(Self.threeReferencesDigest)\"") == true)
        #expect(entries.first?.details.contains("\"count\":\"3\"") == true)
        #expect(entries.first?.details.contains("\"kind\":\"event-occurred,modified\"") == true)
    }

    /// SHA-256 of "RH-EMP-0107\nRH-EMP-0300\nSG-CORR-2021", by sha256sum.
    static let threeReferencesDigest = "f7886b67d6a11ed424a07a09e5b413b6601c3245cbb875d3922cf4fc5af37dc9"

    @Test("every bad line is reported naming file, line and field, another unit's reference as one not registered, and nothing is written")
    func badLinesRejectTheFile() async throws {
        let office = try await Self.office()
        let holder = try await office.session("rh")
        let file = try office.directory.write("evenements.csv", """
            reference,kind,on,name,reason
            RH-EMP-0107,event-occurred,2024-06-01,fin de l'emploi,
            RH-EMP-9999,closed,2024-06-01,,
            SG-CORR-2021,closed,2024-06-01,,
            RH-EMP-0300,destroyed,2024-06-01,,
            RH-EMP-0300,closed,2024-13-01,,
            RH-EMP-0301,event-occurred,2024-06-01,,
            RH-EMP-0301,event-occurred,2024-06-01,départ à la retraite,

            """)
        let before = try await office.lastSequence()
        let refusal = await thrownRefusal { try await office.sablier.recordCohortEvents(holder, file: file.path) }
        #expect(refusal?.code == .rejectedInput && refusal?.values["errors"] == "6")
        let found = (refusal?.diagnostics ?? []).map { "\($0.location.line) \($0.field ?? "") \($0.code ?? "")" }
        #expect(found == [
            "3 reference events.not-registered", "4 reference events.not-registered", "5 kind events.kind-not-recordable",
            "6 on register.not-a-date", "7 name events.name-missing", "8 name register.event-not-awaited",
        ])
        let shown = try #require(refusal?.diagnostics.first?.description)
        #expect(shown == "\(file.path):3:1: error: column reference: document RH-EMP-9999 is not registered")
        // The other unit's document reads exactly as an unknown one.
        #expect(refusal?.diagnostics[1].message == "column reference: document SG-CORR-2021 is not registered")
        #expect(try await office.store.events(of: "RH-EMP-0107").isEmpty, "the good line was not written either")
        #expect(try await office.audit(after: before).map(\.action) == ["refused"])
    }

    @Test("a file of 250 bad lines lists its first 100 problems and counts the rest, all of them errors")
    func diagnosticsCapped() async throws {
        let office = try await Self.office()
        let lines = (1...250).map { "RH-X-\($0),closed,2024-06-01,," }.joined(separator: "\n")
        let file = try office.directory.write("evenements.csv", "reference,kind,on,name,reason\n" + lines + "\n")
        let refusal = await thrownRefusal { try await office.sablier.recordCohortEvents(try await office.session("gestion.doc"), file: file.path) }
        #expect(refusal?.values["errors"] == "250")
        #expect(refusal?.diagnostics.count == 101)
        #expect(refusal?.diagnostics.last?.code == DiagnosticCode.moreDiagnostics.rawValue)
    }

    @Test("a destroyed document takes no event: its line is refused, and a query left with only destroyed documents records nothing")
    func destroyedDocuments() async throws {
        let office = try await TestOffice(.register)
        _ = try await DispositionPapersUseCaseTests.executedListOfEveryAction(office)
        let manager = try await office.session("gestion.doc")
        let file = try office.directory.write("evenements.csv", "reference,kind\nSG-CORR-2021,closed\n")
        let refusal = await thrownRefusal { try await office.sablier.recordCohortEvents(manager, file: file.path) }
        #expect(refusal?.diagnostics.map(\.code) == [DiagnosticCode.eventsDocumentDestroyed.rawValue])
        let query = await thrownRefusal {
            try await office.sablier.recordEvents(manager, query: "reference=SG-CORR-2021", kind: "closed", confirm: true)
        }
        #expect(query?.code == .cohortEmpty)
    }

    @Test("a query shows its cohort first and records nothing; with confirmation every document takes the event, recounted, one audit entry")
    func queryCohort() async throws {
        let office = try await Self.office()
        let manager = try await office.session("gestion.doc")
        let before = try await office.lastSequence()
        let wrong = await thrownRefusal {
            try await office.sablier.recordEvents(manager, query: "rule=2101", kind: "event-occurred", name: "départ à la retraite", confirm: true)
        }
        #expect(wrong?.code == .unexpectedEvent)

        let preview = try await office.sablier.recordEvents(manager, query: "rule=2101", kind: "event-occurred", on: CivilDate(iso: "2025-09-01"),
                                                            name: "fin de l'emploi", confirm: false)
        #expect(!preview.recorded && preview.references == ["RH-EMP-0107", "RH-EMP-0300", "RH-EMP-0301"])
        #expect(try await office.store.events(of: "RH-EMP-0301").isEmpty)
        #expect(try await office.audit(after: before).map(\.action) == ["refused"])

        let done = try await office.sablier.recordEvents(manager, query: "rule=2101", kind: "event-occurred", on: CivilDate(iso: "2025-09-01"),
                                                         name: "fin de l'emploi", reason: "Fermeture du service", confirm: true)
        #expect(done.recorded && done.count == 3)
        // 2025-09-01 → year end 2026-06-30, + 2 years = 2028-06-30; + 30 = 2058-06-30.
        for reference in done.references {
            let document = try #require(try await office.store.document(reference))
            #expect(document.retention.transferOn == CivilDate(iso: "2028-06-30") && document.retention.finalOn == CivilDate(iso: "2058-06-30"))
        }
        let entries = try await office.audit(after: before).filter { $0.action != "refused" }
        #expect(entries.map(\.action) == ["document.event-cohort"])
        #expect(entries.first?.details.contains("\"references_sha256\":\"\(Self.employeesDigest)\"") == true)
    }

    /// SHA-256 of "RH-EMP-0107\nRH-EMP-0300\nRH-EMP-0301", by sha256sum.
    static let employeesDigest = "4145355ac651479f6ae0f1a0ae8f21cea06b30968af0fff9edc978335c28dea5"

    @Test("the API's array is checked as a file's lines, each problem at its position, all or nothing")
    func apiArray() async throws {
        let office = try await Self.office()
        let manager = try await office.session("gestion.doc")
        let refusal = await thrownRefusal {
            try await office.sablier.recordCohortEvents(manager, events: [
                EventInput(reference: "RH-EMP-0107", kind: "closed", on: "2025-01-01"),
                EventInput(reference: "RH-EMP-0300", kind: "relinked"),
            ])
        }
        #expect(refusal?.diagnostics.map { "\($0.location.file):\($0.location.line) \($0.field ?? "")" } == ["request:2 kind"])
        #expect(try await office.store.events(of: "RH-EMP-0107").isEmpty)
        let done = try await office.sablier.recordCohortEvents(manager, events: [EventInput(reference: "RH-EMP-0107", kind: "closed", on: "2025-01-01")])
        #expect(done.recorded && done.count == 1)
    }
}
