import Foundation
import SablierCore
import SablierImport
import SablierRegister
import SablierStore
import SablierTestSupport
import Testing

/// What every `DispositionStore` backend must do, with the real executor deleting real files:
/// the example calendar imported through the real importer, the example register registered
/// from a COPY of `examples/` (so the files deleted are copies, never the repository's).
@Suite("DispositionStore contract")
struct DispositionStoreContractTests {
    /// Noon UTC, so the civil day is 2026-11-29 wherever the tests run.
    let now = ISO8601DateFormatter().date(from: "2026-11-29T12:00:00Z")!
    let asOf = CivilDate(iso: "2026-11-29")!

    /// A simulated crash: thrown by a file remover to stop the execution between two steps.
    struct SimulatedCrash: Error {}

    /// A store holding the example calendar, its two boxes and the twelve example documents,
    /// whose files are copies in `directory`.
    func withExampleRegister<T>(_ backend: Backend, _ body: (any SablierStorage, TemporaryDirectory) async throws -> T) async throws -> T {
        try await ExampleRegister.with(backend, at: now, body)
    }

    func file(_ store: any DispositionStore, _ reference: String) async throws -> DigitalFile {
        try #require(try await store.document(reference)?.document.file)
    }

    func phase(_ store: any DispositionStore, _ reference: String) async throws -> Phase? {
        try await store.document(reference)?.phase
    }

    /// The `Refusal` that `body` throws.
    func refusal(_ body: () async throws -> Void) async -> Refusal? {
        do {
            try await body()
        } catch let refusal as Refusal {
            return refusal
        } catch {
            Issue.record("expected a refusal, got \(error)")
            return nil
        }
        Issue.record("expected a refusal, but it succeeded")
        return nil
    }

    @Test("propose takes the due list of the day, leaves held documents out and reports them", arguments: Backend.allCases)
    func proposeLeavesHeldOut(backend: Backend) async throws {
        try await withExampleRegister(backend) { store, _ in
            _ = try await store.placeHold(.document("RF-PAIE-2018"), reason: "Litige", by: "aiprp", at: now)
            let proposal = try await store.proposeDisposition(asOf: asOf, action: .destroy, by: "archiviste", at: now)
            #expect(proposal.list.number == 1)
            #expect(proposal.list.state == .proposed)
            #expect(proposal.list.action == .destroy)
            #expect(proposal.items.map(\.reference) == ["ELV-2010-0001", "ELV-2010-0001-NUM", "SG-CORR-2021"])
            #expect(proposal.items.allSatisfy { $0.action == .destroy && $0.state == .pending })
            #expect(proposal.leftOut == [LeftOutDocument(reference: "RF-PAIE-2018", action: .destroy,
                                                         dueOn: CivilDate(iso: "2025-06-30")!, reason: .held)])
            // The snapshot keeps the file's SHA-256 as registered.
            let corr = try #require(proposal.items.last)
            #expect(corr.fileSHA256 == (try await file(store, "SG-CORR-2021")).sha256)
            #expect(try await store.dispositionItems(of: 1) == proposal.items)

            // The same documents cannot go into a second list while the first is open.
            let again = await refusal { _ = try await store.proposeDisposition(asOf: asOf, action: .destroy, by: "archiviste", at: now) }
            #expect(again?.code == .nothingDue)
            #expect(again?.values["leftOut"] == "ELV-2010-0001, ELV-2010-0001-NUM, RF-PAIE-2018, SG-CORR-2021")
            #expect(try await store.dispositionLists().map(\.number) == [1])
        }
    }

    @Test("approval by the proposer is refused; execution before approval is refused", arguments: Backend.allCases)
    func approval(backend: Backend) async throws {
        try await withExampleRegister(backend) { store, _ in
            _ = try await store.proposeDisposition(asOf: asOf, action: .destroy, by: "archiviste", at: now)
            let executor = DispositionExecutor(store: store)

            let early = await refusal { _ = try await executor.execute(1, method: "déchiquetage", vendorCertificate: nil, by: "archiviste", at: now) }
            #expect(early == Refusal(.notApproved, ["list": "1", "proposer": "archiviste"]))
            let byProposer = await refusal { try await store.approveDisposition(1, by: "archiviste", at: now) }
            #expect(byProposer == Refusal(.selfApproval, ["list": "1", "proposer": "archiviste"]))
            let sameOtherwiseSpelt = await refusal { try await store.approveDisposition(1, by: " Archiviste ", at: now) }
            #expect(sameOtherwiseSpelt?.code == .selfApproval)
            #expect(try await store.dispositionList(1)?.state == .proposed)

            let approved = try await store.approveDisposition(1, by: "directrice", at: now)
            #expect(approved.state == .approved)
            #expect(approved.approvedBy == "directrice")
            let twice = await refusal { try await store.approveDisposition(1, by: "secretaire", at: now) }
            #expect(twice == Refusal(.alreadyInState, ["list": "1", "state": "approved", "by": "directrice"]))
            #expect(try await phase(store, "SG-CORR-2021") == .actif)
        }
    }

    @Test("a cancelled list keeps its record, frees its documents for a new list, and is never approved or executed", arguments: Backend.allCases)
    func cancellation(backend: Backend) async throws {
        try await withExampleRegister(backend) { store, _ in
            _ = try await store.proposeDisposition(asOf: asOf, action: .destroy, by: "archiviste", at: now)
            try await store.approveDisposition(1, by: "directrice", at: now)
            let noReason = await refusal { try await store.cancelDisposition(1, reason: " ", by: "archiviste", at: now) }
            #expect(noReason == Refusal(.emptyText, ["field": "reason"]))
            let cancelled = try await store.cancelDisposition(1, reason: "Mauvaise date", by: "archiviste", at: now)
            #expect(cancelled.state == .cancelled)
            #expect(cancelled.approvedBy == "directrice")
            #expect(cancelled.cancellation == DispositionCancellation(at: now, by: "archiviste", reason: "Mauvaise date"))
            #expect(try await store.dispositionLists().map(\.state) == [.cancelled])
            let twice = await refusal { try await store.cancelDisposition(1, reason: "Encore", by: "archiviste", at: now) }
            #expect(twice == Refusal(.alreadyInState, ["list": "1", "state": "cancelled", "by": "archiviste"]))
            let approved = await refusal { try await store.approveDisposition(1, by: "directrice", at: now) }
            #expect(approved == Refusal(.listCancelled, ["list": "1", "by": "archiviste", "reason": "Mauvaise date"]))
            let executed = await refusal {
                _ = try await DispositionExecutor(store: store).execute(1, method: "déchiquetage", vendorCertificate: nil, by: "technicien", at: now)
            }
            #expect(executed == Refusal(.listCancelled, ["list": "1", "by": "archiviste", "reason": "Mauvaise date"]))
            #expect(try await phase(store, "SG-CORR-2021") == .actif)

            let second = try await store.proposeDisposition(asOf: asOf, action: .destroy, by: "archiviste", at: now)
            #expect(second.list.number == 2)
            #expect(second.items.map(\.reference).contains("SG-CORR-2021"))
            try await store.approveDisposition(2, by: "directrice", at: now)
            _ = try await DispositionExecutor(store: store).execute(2, method: "déchiquetage", vendorCertificate: nil, by: "technicien", at: now)
            let late = await refusal { try await store.cancelDisposition(2, reason: "Trop tard", by: "archiviste", at: now) }
            #expect(late == Refusal(.cannotCancel, ["list": "2", "state": "executed"]))
        }
    }

    @Test("a C document is deposited, never destroyed, even when the calendar turns its rule to C after the proposal", arguments: Backend.allCases)
    func conservationNeverDestroyed(backend: Backend) async throws {
        try await withExampleRegister(backend) { store, _ in
            // Proposed for destruction under D, then the calendar in force keeps rule 1201 (C).
            _ = try await store.proposeDisposition(asOf: asOf, action: .destroy, by: "archiviste", at: now)
            try await store.approveDisposition(1, by: "directrice", at: now)
            var calendar = try #require(try await store.calendar(version: 1))
            let index = try #require(calendar.rules.firstIndex { $0.number == "1201" })
            calendar.rules[index].principal.disposition = .conservation
            _ = try await store.addCalendarVersion(Samples.version(calendar, at: now))

            let corr = try await file(store, "SG-CORR-2021")
            let executor = DispositionExecutor(store: store)
            let refused = await refusal { _ = try await executor.execute(1, method: "déchiquetage", vendorCertificate: nil, by: "technicien", at: now) }
            #expect(refused?.code == .cannotExecute)
            #expect(refused.flatMap { Refusal.nested(in: $0.values["problems"] ?? "") }?.map(\.code) == [.itemKeptPermanently])
            #expect(refused.flatMap { Refusal.nested(in: $0.values["problems"] ?? "") }?.first?.values["reference"] == "SG-CORR-2021")
            #expect(FileManager.default.fileExists(atPath: corr.path))
            #expect(try await phase(store, "SG-CORR-2021") == .actif)
            #expect(try await store.dispositionItems(of: 1).allSatisfy { $0.state == .pending })
            #expect(try await store.dispositionList(1)?.state == .approved)

            // Under the calendar in force, the C documents are due for deposit: deposited, files kept.
            let deposit = try await store.proposeDisposition(asOf: asOf, action: .deposit, by: "archiviste", at: now)
            #expect(deposit.items.map(\.reference) == ["SG-PV-CA-2019", "SG-POL-2015"])
            #expect(deposit.leftOut.map(\.reference) == ["SG-CORR-2021"])
            try await store.approveDisposition(2, by: "directrice", at: now)
            let policy = try await file(store, "SG-POL-2015")
            let outcome = try await executor.execute(2, method: nil, vendorCertificate: nil, by: "technicien", at: now)
            #expect(outcome.isComplete)
            #expect(outcome.done.map(\.outcome) == [.deposited, .deposited])
            #expect(FileManager.default.fileExists(atPath: policy.path))
            #expect(try await phase(store, "SG-POL-2015") == .inactifVerse)
            #expect(try await store.events(of: "SG-PV-CA-2019").last?.event.kind == .deposited)
            #expect(try await store.tombstones(list: 2).isEmpty)
        }
    }

    @Test("a document not yet due on the day of execution is refused, and nothing is done", arguments: Backend.allCases)
    func notYetDue(backend: Backend) async throws {
        try await withExampleRegister(backend) { store, _ in
            // Planned ahead: deposits due by 2031, executed on 2026-11-29.
            let proposal = try await store.proposeDisposition(asOf: CivilDate(iso: "2031-01-01")!, action: .deposit, by: "archiviste", at: now)
            #expect(proposal.items.map(\.reference) == ["SG-PV-CA-2019", "RF-EF-2023", "SG-POL-2015"])
            // Approved on the day it was drawn for (not before), executed earlier: as a clock set back would.
            let early = await refusal { try await store.approveDisposition(1, by: "directrice", at: now) }
            #expect(early == Refusal(.approvedTooEarly, ["list": "1", "asOf": "2031-01-01", "today": "2026-11-29"]))
            try await store.approveDisposition(1, by: "directrice", at: ISO8601DateFormatter().date(from: "2031-01-01T12:00:00Z")!)
            let refused = await refusal {
                _ = try await DispositionExecutor(store: store).execute(1, method: nil, vendorCertificate: nil, by: "technicien", at: now)
            }
            let problems = refused.flatMap { Refusal.nested(in: $0.values["problems"] ?? "") }
            #expect(problems == [Refusal(.itemNotYetDue, ["list": "1", "reference": "RF-EF-2023", "action": "deposit", "due": "2030-06-30"])])
            #expect(try await phase(store, "SG-PV-CA-2019") == .actif)
            #expect(try await store.dispositionItems(of: 1).allSatisfy { $0.state == .pending })
            let certificate = await refusal { _ = try await store.dispositionCertificate(1) }
            #expect(certificate == Refusal(.notExecuted, ["list": "1", "state": "approved"]))
        }
    }

    @Test("a hold placed after approval stops the execution: holds are checked again", arguments: Backend.allCases)
    func holdCheckedAtExecution(backend: Backend) async throws {
        try await withExampleRegister(backend) { store, _ in
            _ = try await store.proposeDisposition(asOf: asOf, action: .destroy, by: "archiviste", at: now)
            try await store.approveDisposition(1, by: "directrice", at: now)
            _ = try await store.placeHold(.rule("1201"), reason: "Demande d'accès", by: "aiprp", at: now)
            let corr = try await file(store, "SG-CORR-2021")
            let refused = await refusal {
                _ = try await DispositionExecutor(store: store).execute(1, method: "déchiquetage", vendorCertificate: nil, by: "technicien", at: now)
            }
            #expect(refused.flatMap { Refusal.nested(in: $0.values["problems"] ?? "") }?.map(\.code) == [.itemHeld])
            #expect(FileManager.default.fileExists(atPath: corr.path))
            #expect(try await phase(store, "ELV-2010-0001") == .actif)
        }
    }

    @Test("execution deletes real files, records paper destruction, and certifies each document with its SHA-256", arguments: Backend.allCases)
    func digitalDestruction(backend: Backend) async throws {
        try await withExampleRegister(backend) { store, _ in
            _ = try await store.proposeDisposition(asOf: asOf, action: .destroy, by: "archiviste", at: now)
            try await store.approveDisposition(1, by: "directrice", at: now)
            var files: [String: DigitalFile] = [:]
            for reference in ["ELV-2010-0001-NUM", "SG-CORR-2021", "RF-PAIE-2018"] {
                files[reference] = try await file(store, reference)
                #expect(FileManager.default.fileExists(atPath: files[reference]!.path))
            }
            let executor = DispositionExecutor(store: store)
            // Paper (ELV-2010-0001) needs the method.
            let noMethod = await refusal { _ = try await executor.execute(1, method: nil, vendorCertificate: nil, by: "technicien", at: now) }
            #expect(noMethod == Refusal(.noFileToDelete, ["list": "1", "references": "ELV-2010-0001"]))

            let outcome = try await executor.execute(1, method: "déchiquetage", vendorCertificate: "SHRED-2026-114", by: "technicien", at: now)
            #expect(outcome.isComplete)
            #expect(outcome.integrityProblems.isEmpty)
            #expect(outcome.done.count == 4)
            for (reference, file) in files {
                #expect(!FileManager.default.fileExists(atPath: file.path), "\(reference)")
                #expect(try await phase(store, reference) == .inactifDetruit)
            }
            #expect(try await phase(store, "ELV-2010-0001") == .inactifDetruit)
            #expect(try await store.dueDocuments(asOf: asOf, action: .destroy).isEmpty)

            let certificate = try await store.dispositionCertificate(1)
            #expect(certificate.isComplete)
            #expect(certificate.list.proposedBy == "archiviste")
            #expect(certificate.list.approvedBy == "directrice")
            #expect(certificate.list.executedBy == "technicien")
            #expect(certificate.list.executedAt != nil)
            #expect(certificate.list.method == "déchiquetage")
            #expect(certificate.list.vendorCertificate == "SHRED-2026-114")
            // In the due list's order: RF-PAIE-2018 was first due (for transfer) in 2020.
            #expect(certificate.entries.map(\.reference) == ["ELV-2010-0001", "ELV-2010-0001-NUM", "RF-PAIE-2018", "SG-CORR-2021"])
            #expect(certificate.entries.allSatisfy { $0.state == .done && $0.outcome == .destroyed })
            for entry in certificate.entries {
                #expect(entry.fileSHA256 == files[entry.reference]?.sha256)
            }
            let paie = certificate.entries[2]
            #expect(paie.rule == "2201" && paie.copy == .principal && paie.support == "DM")

            // Tombstones: the metadata as JSON, with the file's description and the destruction.
            let tombstones = try await store.tombstones(list: 1)
            #expect(tombstones.map(\.reference) == ["ELV-2010-0001", "ELV-2010-0001-NUM", "RF-PAIE-2018", "SG-CORR-2021"])
            let tombstone = try #require(try await store.tombstone("SG-CORR-2021"))
            #expect(tombstone.destroyedBy == "technicien")
            let metadata = try TombstoneMetadata(json: tombstone.metadata)
            #expect(metadata.file?.sha256 == files["SG-CORR-2021"]?.sha256)
            #expect(metadata.title == "Correspondance générale 2021")
            #expect(metadata.dispositionList == 1)
            #expect(metadata.events.last?.kind == "destroyed")
            #expect(metadata.events.last?.reason == "liste de disposition n° 1")
            let content = try String(contentsOf: Fixtures.root.appendingPathComponent("examples/fichiers/correspondance-2021.txt"), encoding: .utf8)
            #expect(!tombstone.metadata.contains(content.trimmingCharacters(in: .whitespacesAndNewlines)))

            let again = await refusal { _ = try await executor.execute(1, method: nil, vendorCertificate: nil, by: "technicien", at: now) }
            #expect(again?.code == .alreadyExecuted)
        }
    }

    @Test("a crash after the file's deletion and before the done transaction: run again, it completes with one certificate entry", arguments: Backend.allCases)
    func crashAfterDeletion(backend: Backend) async throws {
        try await withExampleRegister(backend) { store, _ in
            _ = try await store.proposeDisposition(asOf: asOf, action: .destroy, by: "archiviste", at: now)
            try await store.approveDisposition(1, by: "directrice", at: now)
            let digitized = try await file(store, "ELV-2010-0001-NUM")
            // Deletes the file for real, then dies before the item is recorded done.
            let crashing = DispositionExecutor(store: store) { path in
                try FileManager.default.removeItem(atPath: path)
                throw SimulatedCrash()
            }
            await #expect(throws: SimulatedCrash.self) {
                _ = try await crashing.execute(1, method: "incinération", vendorCertificate: nil, by: "technicien", at: now)
            }
            // The file is gone, its certificate entry is there, the document is not yet destroyed.
            #expect(!FileManager.default.fileExists(atPath: digitized.path))
            let interrupted = try await store.dispositionCertificate(1)
            #expect(!interrupted.isComplete)
            #expect(interrupted.list.state == .executing)
            #expect(interrupted.entries.map(\.reference) == ["ELV-2010-0001", "ELV-2010-0001-NUM"])
            #expect(interrupted.entries.map(\.state) == [.done, .started])
            #expect(interrupted.entries.last?.fileSHA256 == digitized.sha256)
            #expect(try await phase(store, "ELV-2010-0001-NUM") == .actif)
            #expect(try await store.tombstone("ELV-2010-0001-NUM") == nil)

            // Run again: the missing file of a started item was this list's doing; it completes.
            let outcome = try await DispositionExecutor(store: store).execute(1, method: nil, vendorCertificate: nil, by: "technicien", at: now)
            #expect(outcome.isComplete)
            #expect(outcome.integrityProblems.isEmpty)
            let certificate = try await store.dispositionCertificate(1)
            #expect(certificate.entries.map(\.reference) == ["ELV-2010-0001", "ELV-2010-0001-NUM", "RF-PAIE-2018", "SG-CORR-2021"])
            #expect(Set(certificate.entries.map(\.reference)).count == certificate.entries.count)
            #expect(certificate.list.method == "incinération")
            let destroyed = try await store.events(of: "ELV-2010-0001-NUM").filter { $0.event.kind == .destroyed }
            #expect(destroyed.count == 1)
            #expect(try await phase(store, "ELV-2010-0001-NUM") == .inactifDetruit)
            #expect(try await store.tombstones(list: 1).count == 4)
        }
    }

    @Test("a crash after the start and before the deletion: run again, the file is deleted and the list completes", arguments: Backend.allCases)
    func crashBeforeDeletion(backend: Backend) async throws {
        try await withExampleRegister(backend) { store, _ in
            _ = try await store.proposeDisposition(asOf: asOf, action: .destroy, by: "archiviste", at: now)
            try await store.approveDisposition(1, by: "directrice", at: now)
            let digitized = try await file(store, "ELV-2010-0001-NUM")
            let crashing = DispositionExecutor(store: store) { _ in throw SimulatedCrash() }
            await #expect(throws: SimulatedCrash.self) {
                _ = try await crashing.execute(1, method: "déchiquetage", vendorCertificate: nil, by: "technicien", at: now)
            }
            // Started (certified) but not destroyed: the file is still there, not marked destroyed.
            #expect(FileManager.default.fileExists(atPath: digitized.path))
            #expect(try await store.dispositionItems(of: 1).map(\.state) == [.done, .started, .pending, .pending])
            #expect(try await phase(store, "ELV-2010-0001-NUM") == .actif)

            let outcome = try await DispositionExecutor(store: store).execute(1, method: nil, vendorCertificate: nil, by: "technicien", at: now)
            #expect(outcome.isComplete)
            #expect(!FileManager.default.fileExists(atPath: digitized.path))
            #expect(try await store.dispositionCertificate(1).entries.count == 4)
        }
    }

    @Test("a pending item whose file changed or vanished is not destroyed: reported, and the list stays incomplete", arguments: Backend.allCases)
    func integrityProblems(backend: Backend) async throws {
        try await withExampleRegister(backend) { store, _ in
            _ = try await store.proposeDisposition(asOf: asOf, action: .destroy, by: "archiviste", at: now)
            try await store.approveDisposition(1, by: "directrice", at: now)
            let corr = try await file(store, "SG-CORR-2021"), paie = try await file(store, "RF-PAIE-2018")
            try Data("modifié après l'enregistrement\n".utf8).write(to: URL(fileURLWithPath: corr.path))
            try FileManager.default.removeItem(atPath: paie.path)

            let outcome = try await DispositionExecutor(store: store).execute(1, method: "déchiquetage", vendorCertificate: nil, by: "technicien", at: now)
            #expect(!outcome.isComplete)
            #expect(outcome.done.map(\.reference) == ["ELV-2010-0001", "ELV-2010-0001-NUM"])
            #expect(outcome.integrityProblems.map(\.reference) == ["RF-PAIE-2018", "SG-CORR-2021"])
            #expect(outcome.integrityProblems.first?.kind == .missing)
            #expect(outcome.integrityProblems.last?.kind != .missing)
            // The changed file is left in place; neither document is recorded destroyed.
            #expect(try String(contentsOfFile: corr.path, encoding: .utf8) == "modifié après l'enregistrement\n")
            #expect(try await phase(store, "SG-CORR-2021") == .actif)
            #expect(try await phase(store, "RF-PAIE-2018") == .actif)
            #expect(try await store.tombstone("SG-CORR-2021") == nil)
            let list = try #require(try await store.dispositionList(1))
            #expect(list.state == .executing)
            #expect(list.doneCount == 2 && list.itemCount == 4)
            let certificate = try await store.dispositionCertificate(1)
            #expect(!certificate.isComplete)
            #expect(certificate.entries.map(\.reference) == ["ELV-2010-0001", "ELV-2010-0001-NUM"])
        }
    }

    @Test("a sort needs a decision per document before approval; kept goes to the archives, destroyed gets a tombstone", arguments: Backend.allCases)
    func sort(backend: Backend) async throws {
        try await withExampleRegister(backend) { store, _ in
            let proposal = try await store.proposeDisposition(asOf: asOf, action: .sort, by: "archiviste", at: now)
            #expect(proposal.items.map(\.reference) == ["RF-BUD-2014"])
            let undecided = await refusal { try await store.approveDisposition(1, by: "directrice", at: now) }
            #expect(undecided == Refusal(.undecidedSort, ["list": "1", "references": "RF-BUD-2014"]))
            let noReason = await refusal {
                try await store.decideSort(list: 1, reference: "RF-BUD-2014", decision: .keep, reason: " ", by: "archiviste", at: now)
            }
            #expect(noReason == Refusal(.emptyText, ["field": "reason"]))
            let item = try await store.decideSort(list: 1, reference: "RF-BUD-2014", decision: .keep,
                                                  reason: "Budget adopté : valeur historique", by: "archiviste", at: now)
            #expect(item.decision == .keep && item.decidedBy == "archiviste")
            try await store.approveDisposition(1, by: "directrice", at: now)
            let late = await refusal {
                try await store.decideSort(list: 1, reference: "RF-BUD-2014", decision: .destroy, reason: "Non", by: "archiviste", at: now)
            }
            #expect(late == Refusal(.decisionAfterProposal, ["list": "1", "state": "approved"]))

            let outcome = try await DispositionExecutor(store: store).execute(1, method: nil, vendorCertificate: nil, by: "technicien", at: now)
            #expect(outcome.isComplete)
            #expect(outcome.done.first?.outcome == .kept)
            let event = try #require(try await store.events(of: "RF-BUD-2014").last?.event)
            #expect(event.kind == .sorted && event.detail == "keep")
            #expect(event.reason == "liste de disposition n° 1 — Budget adopté : valeur historique")
            #expect(try await phase(store, "RF-BUD-2014") == .inactifVerse)
            #expect(try await store.tombstone("RF-BUD-2014") == nil)

            // A decision is only for a sort item.
            _ = try await store.proposeDisposition(asOf: asOf, action: .destroy, by: "archiviste", at: now)
            let notSort = await refusal {
                try await store.decideSort(list: 2, reference: "SG-CORR-2021", decision: .keep, reason: "Non", by: "archiviste", at: now)
            }
            #expect(notSort == Refusal(.notASort, ["list": "2", "reference": "SG-CORR-2021", "action": "destroy"]))
        }
    }
}
