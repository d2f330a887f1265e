import Foundation
import SablierCore
import SablierImport
import SablierStore
import SablierTestSupport
import Testing

/// `RelinkStore`: a cohort's events and a batch of relinks are each ONE transaction with ONE
/// audit entry, all or nothing; what a relink answers (the `missing` incidents) is closed with it.
@Suite("RelinkStore contract: relinks and cohort events, all or nothing")
struct RelinkStoreContractTests {
    /// Noon UTC, so the civil day is 2026-11-29 wherever the tests run.
    let now = ISO8601DateFormatter().date(from: "2026-11-29T12:00:00Z")!
    static let sha = String(repeating: "ab", count: 32)

    /// The example calendar, two employee files (rule 2101) and a digital letter with a file.
    func store(_ backend: Backend, in directory: TemporaryDirectory) async throws -> any RelinkStore & AccountabilityStore {
        let store = try await backend.makeStore(in: directory)
        try await ExampleRegister.importCalendar(into: store, at: now)
        let file = DigitalFile(path: "/partage/ancien/lettre.txt", sha256: Self.sha, size: 12, format: "txt")
        try await store.registerDocuments([
            NewDocument(document: Document(reference: "RH-1", title: "Dossier 1", rule: "2101", copy: .principal, holder: "Ressources humaines",
                                           support: Support(code: "PA"), openedOn: CivilDate(iso: "2010-01-04"))),
            NewDocument(document: Document(reference: "RH-2", title: "Dossier 2", rule: "2101", copy: .principal, holder: "Ressources humaines",
                                           support: Support(code: "PA"), openedOn: CivilDate(iso: "2012-01-04"))),
            NewDocument(document: Document(reference: "SG-1", title: "Lettre", rule: "1201", copy: .principal, holder: "Secrétariat général",
                                           support: Support(code: "DM"), openedOn: CivilDate(iso: "2021-01-04"), closedOn: CivilDate(iso: "2021-12-20"),
                                           file: file)),
        ], by: "gestion.doc", at: now)
        return store
    }

    func auditCount(_ store: any AccountabilityStore) async throws -> Int {
        try await store.auditEntries(since: nil, user: nil, target: nil).count
    }

    @Test("a cohort with one refused event writes nothing; a good one is recounted and audited once", arguments: Backend.allCases)
    func cohortAllOrNothing(_ backend: Backend) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await store(backend, in: directory)
            let audit = BatchAudit(action: "document.event-cohort", target: "documents", details: ["count": "2"])
            let ended = LifecycleEvent(kind: .eventOccurred, on: CivilDate(iso: "2024-06-01")!, by: "gestion.doc", name: "fin de l'emploi")
            let before = try await auditCount(store)
            for bad in [CohortEvent(reference: "NOPE", event: ended),
                        CohortEvent(reference: "RH-2", event: LifecycleEvent(kind: .destroyed, on: CivilDate(iso: "2024-06-01")!, by: "x"))] {
                await #expect(throws: Refusal.self) {
                    try await store.appendEvents([CohortEvent(reference: "RH-1", event: ended), bad], audit: audit, by: "gestion.doc", at: now)
                }
            }
            #expect(try await store.events(of: "RH-1").isEmpty)
            #expect(try await auditCount(store) == before)

            let recorded = try await store.appendEvents([CohortEvent(reference: "RH-1", event: ended), CohortEvent(reference: "RH-2", event: ended)],
                                                        audit: audit, by: "gestion.doc", at: now)
            #expect(recorded.count == 2)
            for reference in ["RH-1", "RH-2"] {
                // 2024-06-01 → 2024-06-30 + 2 years (R1) = 2026-06-30; + 30 years semi-active.
                let document = try #require(try await store.document(reference))
                #expect(document.retention.transferOn == CivilDate(iso: "2026-06-30") && document.retention.finalOn == CivilDate(iso: "2056-06-30"))
            }
            let entries = try await store.auditEntries(since: nil, user: nil, target: nil)
            #expect(entries.count == before + 1 && entries.last?.action == "document.event-cohort")
        }
    }

    @Test("inside its transaction the store refuses a cohort naming an event a document has, one dated after the day of the instant, or a document twice with the same event",
          arguments: Backend.allCases)
    func cohortHeldToTheRecordingRule(_ backend: Backend) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await store(backend, in: directory)
            let audit = BatchAudit(action: "document.event-cohort", target: "documents", details: [:])
            let ended = LifecycleEvent(kind: .eventOccurred, on: CivilDate(iso: "2024-06-01")!, by: "gestion.doc", name: "fin de l'emploi")
            _ = try await store.appendEvents([CohortEvent(reference: "RH-1", event: ended)], audit: audit, by: "gestion.doc", at: now)
            let before = try await auditCount(store)
            var later = ended
            later.on = CivilDate(iso: "2025-06-30")!
            await #expect(throws: Refusal(.eventAlreadyOccurred, ["reference": "RH-1", "name": "fin de l'emploi", "on": "2024-06-01"])) {
                try await store.appendEvents([CohortEvent(reference: "RH-2", event: ended), CohortEvent(reference: "RH-1", event: later)],
                                             audit: audit, by: "gestion.doc", at: now)
            }
            let modified = LifecycleEvent(kind: .modified, on: CivilDate(iso: "2024-06-01")!, by: "gestion.doc")
            await #expect(throws: Refusal(.eventAlreadyRecorded, ["reference": "RH-2", "kind": "modified", "on": "2024-06-01"])) {
                try await store.appendEvents([CohortEvent(reference: "RH-2", event: modified), CohortEvent(reference: "RH-2", event: modified)],
                                             audit: audit, by: "gestion.doc", at: now)
            }
            let tomorrow = LifecycleEvent(kind: .modified, on: CivilDate(iso: "2026-11-30")!, by: "gestion.doc")
            await #expect(throws: Refusal.self) {
                try await store.appendEvent(tomorrow, to: "SG-1", at: now)
            }
            #expect(try await store.events(of: "RH-2").isEmpty)
            #expect(try await store.events(of: "SG-1").isEmpty)
            #expect(try await auditCount(store) == before)
        }
    }

    @Test("an integrity check that finds again what an open incident found opens no second incident: it is given the open one",
          arguments: Backend.allCases)
    func integrityIncidentNotOpenedTwice(_ backend: Backend) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await store(backend, in: directory)
            let first = try await store.reportIntegrityIncident(.missing, description: "introuvable", reference: "SG-1", by: "gestion.doc", at: now)
            let again = try await store.reportIntegrityIncident(.missing, description: "introuvable", reference: "SG-1", by: "gestion.doc", at: now)
            let changed = try await store.reportIntegrityIncident(.changed, description: "modifié", reference: "SG-1", by: "gestion.doc", at: now)
            #expect(again.id == first.id && changed.id != first.id)
            #expect(try await store.incidents().filter { $0.status != .ferme }.count == 2)
        }
    }

    @Test("a relink measured against a path no longer recorded is refused; otherwise it moves the path, closes the 'missing' incidents only, audits once",
          arguments: Backend.allCases)
    func relink(_ backend: Backend) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await store(backend, in: directory)
            let missing = try await store.reportIntegrityIncident(.missing, description: "introuvable", reference: "SG-1", by: "gestion.doc", at: now)
            let changed = try await store.reportIntegrityIncident(.changed, description: "modifié", reference: "SG-1", by: "gestion.doc", at: now)
            let audit = BatchAudit(action: "document.relink", target: "document SG-1", details: [:])
            let before = try await auditCount(store)
            let stale = FileMove(reference: "SG-1", from: "/ailleurs/lettre.txt", to: "/partage/nouveau/lettre.txt", sha256: Self.sha)
            await #expect(throws: Refusal(.relinkChangedMeanwhile, ["reference": "SG-1", "path": "/ailleurs/lettre.txt",
                                                                    "found": "/partage/ancien/lettre.txt"])) {
                try await store.relink([stale], reason: nil, audit: audit, by: "gestion.doc", at: now)
            }
            #expect(try await auditCount(store) == before)

            let move = FileMove(reference: "SG-1", from: "/partage/ancien/lettre.txt", to: "/partage/nouveau/lettre.txt", sha256: Self.sha)
            let done = try await store.relink([move], reason: "déplacé", audit: audit, by: "gestion.doc", at: now)
            #expect(done == [Relinked(reference: "SG-1", from: move.from, to: move.to, closedIncidents: [missing.id])])
            #expect(try await store.document("SG-1")?.document.file?.path == "/partage/nouveau/lettre.txt")
            let event = try #require(try await store.events(of: "SG-1").last?.event)
            #expect(event.kind == .relinked && event.detail == #"{"from":"/partage/ancien/lettre.txt","to":"/partage/nouveau/lettre.txt"}"#)
            let incidents = try await store.incidents()
            #expect(incidents.first { $0.id == missing.id }?.status == .ferme)
            #expect(incidents.first { $0.id == changed.id }?.status == .ouvert)
            let entries = try await store.auditEntries(since: nil, user: nil, target: nil)
            #expect(entries.count == before + 1 && entries.last?.action == "document.relink")
            #expect(entries.last?.details.contains("\"incidents\":\"\(missing.id)\"") == true)
        }
    }
}
