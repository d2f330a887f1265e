import Foundation
import SablierCore
import SablierImport
import SablierStore
import SablierTestSupport
import Testing

/// What every `CorrectionStore` backend must do: a correction or a reclassification is one
/// transaction holding the row, the event, the recount and the audit entry; a refusal leaves
/// nothing behind. On the example calendar (school year ending 06-30).
@Suite("CorrectionStore contract")
struct CorrectionStoreContractTests {
    /// Noon UTC, so the civil day is 2026-11-29 wherever the tests run.
    let now = ISO8601DateFormatter().date(from: "2026-11-29T12:00:00Z")!

    /// Three documents: INS-1 (rule 7301: 2 years active, 3 semi-active, destroy), closed
    /// 2025-06-30; COR-1 (rule 1201: 2 years active, destroy), closed 2021-12-20; OUT-1,
    /// destroyed.
    func withDocuments<T>(_ backend: Backend, _ body: (any SablierStorage) async throws -> T) async throws -> T {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory)
            try await ExampleRegister.importCalendar(into: store, at: now)
            try await store.addBox(Box(code: "B-1"), by: "gestion.doc", at: now)
            func document(_ reference: String, _ rule: String, opened: String, closed: String) -> Document {
                Document(reference: reference, title: "Dossier \(reference)", rule: rule, copy: .principal, holder: "Secrétariat général",
                         support: .papier, openedOn: CivilDate(iso: opened), closedOn: CivilDate(iso: closed))
            }
            let destroyed = LifecycleEvent(kind: .destroyed, on: CivilDate(iso: "2024-09-01")!, by: "gestion.doc", reason: "liste 1")
            try await store.registerDocuments([
                NewDocument(document: document("INS-1", "7301", opened: "2024-02-01", closed: "2025-06-30")),
                NewDocument(document: document("COR-1", "1201", opened: "2021-01-04", closed: "2021-12-20")),
                NewDocument(document: document("OUT-1", "1201", opened: "2015-01-05", closed: "2015-12-18"), events: [destroyed]),
            ], by: "gestion.doc", at: now)
            return try await body(store)
        }
    }

    @Test("a correction rewrites the row, appends its event, recounts and audits, in one transaction", arguments: Backend.allCases)
    func correction(_ backend: Backend) async throws {
        try await withDocuments(backend) { store in
            let before = try await store.auditEntries(since: nil, user: nil, target: nil).count
            let corrected = try await store.correctDocument(
                "INS-1", DocumentCorrection(closedOn: .set(CivilDate(iso: "2025-08-15")!), box: .set("B-1")), reason: "coquille",
                knownSupports: [], by: "gestion.doc", at: now)
            #expect(corrected.changes == [FieldChange(field: "closed", from: "2025-06-30", to: "2025-08-15"),
                                          FieldChange(field: "box", from: nil, to: "B-1")])
            // 2025-08-15 → year end 2026-06-30; +2 → transfer 2028-06-30; +3 → destruction 2031-06-30.
            let stored = try #require(try await store.document("INS-1"))
            #expect(stored == corrected.after && stored.document.box == "B-1")
            #expect(stored.retention.transferOn == CivilDate(iso: "2028-06-30") && stored.retention.finalOn == CivilDate(iso: "2031-06-30"))
            #expect(corrected.before.retention.transferOn == CivilDate(iso: "2027-06-30"))
            let events = try await store.events(of: "INS-1")
            #expect(events.last == corrected.event && events.last?.event.kind == .corrected)
            #expect(events.last?.event.detail == #"{"box":{"from":null,"to":"B-1"},"closed":{"from":"2025-06-30","to":"2025-08-15"}}"#)
            let audit = try await store.auditEntries(since: nil, user: nil, target: nil)
            #expect(audit.count == before + 1 && audit.last?.action == "document.correct" && audit.last?.target == "document INS-1")
        }
    }

    @Test("a refused correction leaves the row, the history and the audit trail as they were", arguments: Backend.allCases)
    func refusedCorrection(_ backend: Backend) async throws {
        try await withDocuments(backend) { store in
            let documents = try await store.documents(matching: nil, limit: nil)
            let audit = try await store.auditEntries(since: nil, user: nil, target: nil)
            let refusals: [(String, DocumentCorrection, Refusal.Code)] = [
                ("INS-1", DocumentCorrection(title: "Nouveau", box: .set("B-INCONNUE")), .boxOfDocumentNotFound),
                ("OUT-1", DocumentCorrection(title: "Nouveau"), .correctionDisposed),
                ("INS-1", DocumentCorrection(title: "Dossier INS-1"), .correctionChangesNothing),
                ("NOPE", DocumentCorrection(title: "Nouveau"), .documentNotFound),
            ]
            for (reference, correction, code) in refusals {
                do {
                    _ = try await store.correctDocument(reference, correction, reason: "x", knownSupports: [], by: "gestion.doc", at: now)
                    Issue.record("\(reference) was corrected")
                } catch let refusal as Refusal {
                    #expect(refusal.code == code)
                }
            }
            #expect(try await store.documents(matching: nil, limit: nil) == documents)
            #expect(try await store.auditEntries(since: nil, user: nil, target: nil) == audit)
        }
    }

    @Test("a reclassification moves every document or none, with ONE audit entry holding the references' SHA-256; its preview counts the same and writes nothing", arguments: Backend.allCases)
    func reclassification(_ backend: Backend) async throws {
        try await withDocuments(backend) { store in
            let target = try #require(try await store.rule("3201", version: 1))
            let move = try Reclassification(rule: target, copy: nil)
            let documents = try await store.documents(matching: nil, limit: nil)
            let audit = try await store.auditEntries(since: nil, user: nil, target: nil)
            do {
                _ = try await store.reclassifyDocuments(["COR-1", "OUT-1"], move, reason: "x", by: "gestion.doc", at: now)
                Issue.record("a destroyed document was reclassified")
            } catch let refusal as Refusal {
                #expect(refusal.code == .reclassifyRefused)
            }
            #expect(try await store.documents(matching: nil, limit: nil) == documents)
            #expect(try await store.auditEntries(since: nil, user: nil, target: nil) == audit)

            // The preview refuses alike, writes nothing, and counts what the write then stores.
            do {
                _ = try await store.previewReclassification(["COR-1", "OUT-1"], move)
                Issue.record("a destroyed document was previewed as moving")
            } catch let refusal as Refusal {
                #expect(refusal.code == .reclassifyRefused)
            }
            let preview = try await store.previewReclassification(["INS-1", "COR-1"], move)
            #expect(try await store.documents(matching: nil, limit: nil) == documents)
            #expect(try await store.auditEntries(since: nil, user: nil, target: nil) == audit)

            let moved = try await store.reclassifyDocuments(["INS-1", "COR-1"], move, reason: "mal classés", by: "gestion.doc", at: now)
            #expect(moved.map(\.after.document.rule) == ["3201", "3201"])
            #expect(preview.map(\.after.retention) == moved.map(\.after.retention) && preview.map(\.after.document) == moved.map(\.after.document))
            // Rule 3201: 3 years active, 4 semi-active. COR-1, closed 2021-12-20: year end 2022-06-30,
            // transfer 2025-06-30, destruction 2029-06-30. INS-1, closed 2025-06-30: 2028-06-30, 2032-06-30.
            let cor = try #require(try await store.document("COR-1"))
            #expect(cor.retention.transferOn == CivilDate(iso: "2025-06-30") && cor.retention.finalOn == CivilDate(iso: "2029-06-30"))
            let ins = try #require(try await store.document("INS-1"))
            #expect(ins.retention.transferOn == CivilDate(iso: "2028-06-30") && ins.retention.finalOn == CivilDate(iso: "2032-06-30"))
            #expect(try await store.events(of: "COR-1").last?.event.detail == #"{"rule":{"from":"1201","to":"3201"}}"#)
            let entries = try await store.auditEntries(since: nil, user: nil, target: nil).dropFirst(audit.count)
            #expect(entries.map(\.action) == ["document.reclassify"])
            let details = try JSONDecoder().decode([String: String].self, from: Data(try #require(entries.first).details.utf8))
            #expect(details["count"] == "2" && details["from"] == "1201, 7301" && details["to"] == "3201")
            #expect(details["references_sha256"] == SourceDigest.sha256Hex(Array("COR-1\nINS-1".utf8)))
        }
    }
}
