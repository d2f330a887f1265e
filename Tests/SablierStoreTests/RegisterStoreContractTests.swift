import Foundation
import SablierCore
import SablierImport
import SablierStore
import SablierTestSupport
import Synchronization
import Testing

/// What every `RegisterStore` backend must do with holds, events, boxes, open-period
/// confirmations and calendar changes, on the example register: each write recounts what it
/// touches in its own transaction, and a refusal leaves the documents, their history and the
/// audit trail as they were.
@Suite("RegisterStore contract: holds, events, confirmations and recounts")
struct RegisterStoreContractTests {
    let now = ExampleRegister.now
    let asOf = CivilDate(iso: "2026-11-29")!

    /// The due list of `date`, as "action date[ held]" by reference.
    func due(_ store: any SablierStorage, on date: CivilDate? = nil) async throws -> [String: String] {
        var result: [String: String] = [:]
        for item in try await store.dueDocuments(asOf: date ?? asOf, action: nil) {
            result[item.reference] = "\(item.action.rawValue) \(item.due)\(item.held ? " held" : "")"
        }
        return result
    }

    func auditActions(_ store: any SablierStorage) async throws -> [String] {
        try await store.auditEntries(since: nil, user: nil, target: nil).map(\.action)
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

    @Test("the due list of the example register has the hand-computed action and date of every document, in the order of its dates",
          arguments: Backend.allCases)
    func dueList(backend: Backend) async throws {
        try await ExampleRegister.with(backend) { store, _ in
            #expect(try await due(store) == [
                "SG-PV-CA-2019": "deposit 2022-06-30", "SG-CORR-2021": "destroy 2024-06-30", "RF-PAIE-2018": "destroy 2025-06-30",
                "RF-EF-2023": "transfer 2025-06-30", "RF-BUD-2014": "sort 2020-06-30", "RH-EMP-0042": "transfer 2022-06-30",
                "ELV-2010-0001": "destroy 2022-06-30", "ELV-2010-0001-NUM": "destroy 2022-06-30", "SG-POL-2015": "deposit 2025-06-30",
            ])
            let listed = try await store.dueDocuments(asOf: asOf, action: nil)
            #expect(listed.map(\.reference) == ["RF-BUD-2014", "ELV-2010-0001", "ELV-2010-0001-NUM", "RH-EMP-0042", "SG-PV-CA-2019",
                                                "SG-CORR-2021", "RF-EF-2023", "RF-PAIE-2018", "SG-POL-2015"])
            let streamed = StreamedDue()
            try await store.forEachDueDocument(asOf: asOf, action: nil) { streamed.append($0) }
            #expect(streamed.items == listed)
            #expect(try await store.dueDocuments(asOf: asOf, action: .transfer).map(\.reference) == ["RH-EMP-0042", "RF-EF-2023"])
            let early = try await due(store, on: CivilDate(iso: "2022-06-29")!)
            #expect(early["SG-PV-CA-2019"] == nil && early["RF-BUD-2014"] == "sort 2020-06-30")
            #expect(try await store.waitingDocuments().map(\.reference) == ["RH-EMP-0107"])
            #expect(try await store.waitingDocuments().first?.waiting == .event("fin de l'emploi"))
        }
    }

    @Test("a hold keeps its documents off a disposition list, a rule hold covers documents registered later; releasing it puts them back",
          arguments: Backend.allCases)
    func holdBlocksUntilReleased(backend: Backend) async throws {
        try await ExampleRegister.with(backend) { store, _ in
            let hold = try await store.placeHold(.rule("7101"), reason: "Demande d'accès en cours", by: "aiprp", at: now)
            #expect(hold.documentCount == 2 && hold.isActive && hold.placedBy == "aiprp" && hold.scope == .rule("7101"))
            #expect(hold.holderUnits == ["École primaire des Érables (exemple)"])
            #expect(try await store.document("ELV-2010-0001")?.held == true)
            let placed = try #require(try await store.events(of: "ELV-2010-0001").last?.event)
            #expect(placed.kind == .holdPlaced && placed.detail == String(hold.id) && placed.reason == "Demande d'accès en cours" && placed.on == asOf)
            #expect(try await due(store)["ELV-2010-0001"] == "destroy 2022-06-30 held")
            #expect(try await auditActions(store).last == "hold.place")

            // Registered after it, a document of the rule is held from the start.
            try await store.registerDocuments([NewDocument(document: Document(
                reference: "ELV-2011-0002", title: "Dossier de l'élève 2011-0002", rule: "7101", copy: .principal,
                holder: "École primaire des Érables (exemple)", support: .papier, openedOn: CivilDate(iso: "2005-08-30"),
                closedOn: CivilDate(iso: "2013-06-20")))], by: "gestion.doc", at: now)
            #expect(try await store.document("ELV-2011-0002")?.held == true)
            #expect(try await store.events(of: "ELV-2011-0002").map(\.event.kind) == [.holdPlaced])
            #expect(try await store.holds(includingReleased: false).first?.documentCount == 3)

            let blocked = try await store.proposeDisposition(asOf: asOf, action: .destroy, by: "archiviste", at: now)
            #expect(blocked.items.map(\.reference) == ["RF-PAIE-2018", "SG-CORR-2021"])

            let released = try await store.releaseHold(hold.id, reason: "Demande traitée", by: "aiprp", at: now)
            #expect(!released.isActive && released.releasedBy == "aiprp" && released.releaseReason == "Demande traitée")
            #expect(try await store.document("ELV-2010-0001")?.held == false)
            #expect(try await store.events(of: "ELV-2010-0001").last?.event.kind == .holdReleased)
            #expect(try await due(store)["ELV-2010-0001"] == "destroy 2022-06-30")
            #expect(try await auditActions(store).last == "hold.release")
            #expect(try await store.holds(includingReleased: false).isEmpty)
            #expect(try await store.holds(includingReleased: true).map(\.id) == [hold.id])

            let unblocked = try await store.proposeDisposition(asOf: asOf, action: .destroy, by: "archiviste", at: now)
            #expect(unblocked.items.map(\.reference) == ["ELV-2010-0001", "ELV-2010-0001-NUM"])
        }
    }

    @Test("a document under two holds stays held until both are released", arguments: Backend.allCases)
    func twoHolds(backend: Backend) async throws {
        try await ExampleRegister.with(backend) { store, _ in
            let byRule = try await store.placeHold(.rule("2201"), reason: "Vérification", by: "aiprp", at: now)
            let query = try await store.placeHold(.query(try DocumentQuery(parsing: "holder=Ressources financières; title~paie")),
                                                  reason: "Litige", by: "aiprp", at: now)
            #expect(query.documentCount == 1 && byRule.id != query.id)
            _ = try await store.releaseHold(byRule.id, reason: "Fini", by: "aiprp", at: now)
            #expect(try await store.document("RF-PAIE-2018")?.held == true)
            #expect(try await due(store)["RF-PAIE-2018"] == "destroy 2025-06-30 held")
            _ = try await store.releaseHold(query.id, reason: "Fini", by: "aiprp", at: now)
            #expect(try await store.document("RF-PAIE-2018")?.held == false)
            #expect(try await store.events(of: "RF-PAIE-2018").map(\.event.kind) == [.holdPlaced, .holdPlaced, .holdReleased, .holdReleased])
        }
    }

    @Test("holds are refused on a destroyed document, on nothing, or released twice; a refusal writes nothing", arguments: Backend.allCases)
    func holdRefusals(backend: Backend) async throws {
        try await ExampleRegister.with(backend) { store, _ in
            let destroyed = LifecycleEvent(kind: .destroyed, on: CivilDate(iso: "2024-09-01")!, by: "gestion.doc", reason: "liste 1")
            try await store.registerDocuments([NewDocument(document: Document(
                reference: "OUT-1", title: "Détruit", rule: "1201", copy: .principal, holder: "Secrétariat général", support: .papier,
                openedOn: CivilDate(iso: "2015-01-05"), closedOn: CivilDate(iso: "2015-12-18")), events: [destroyed])], by: "gestion.doc", at: now)
            let hold = try await store.placeHold(.document("SG-CORR-2021"), reason: "Plainte", by: "aiprp", at: now)
            _ = try await store.releaseHold(hold.id, reason: "Close", by: "aiprp", at: now)
            let documents = try await store.documents(matching: nil, limit: nil)
            let audit = try await auditActions(store)
            let nobody = try DocumentQuery(parsing: "holder=Personne")

            #expect(await refusal { _ = try await store.placeHold(.document("OUT-1"), reason: "x", by: "aiprp", at: now) }
                == Refusal(.holdOnDisposed, ["reference": "OUT-1", "phase": "inactif-detruit"]))
            #expect(await refusal { _ = try await store.placeHold(.document("NOPE"), reason: "x", by: "aiprp", at: now) }
                == Refusal(.documentNotFound, ["reference": "NOPE"]))
            #expect(await refusal { _ = try await store.placeHold(.query(nobody), reason: "x", by: "aiprp", at: now) }
                == Refusal(.holdCoversNothing, ["target": nobody.description]))
            #expect(await refusal { _ = try await store.releaseHold(hold.id, reason: "encore", by: "aiprp", at: now) }
                == Refusal(.holdReleased, ["hold": String(hold.id)]))
            #expect(await refusal { _ = try await store.releaseHold(hold.id + 10, reason: "x", by: "aiprp", at: now) }
                == Refusal(.holdNotFound, ["hold": String(hold.id + 10)]))

            #expect(try await store.documents(matching: nil, limit: nil) == documents)
            #expect(try await auditActions(store) == audit)
            #expect(try await store.holds(includingReleased: true).map(\.id) == [hold.id])
            // A rule hold may cover no document yet: it is for those registered later.
            #expect(try await store.placeHold(.rule("9101"), reason: "Contrats", by: "aiprp", at: now).documentCount == 0)
        }
    }

    @Test("an event is appended, recounts its document and is audited; each refusal of the recording rule leaves everything as it was",
          arguments: Backend.allCases)
    func appendEvent(backend: Backend) async throws {
        try await ExampleRegister.with(backend) { store, _ in
            // RH-EMP-0107 waits for "fin de l'emploi" (rule 2101: 888 + 2 years active, then 30 semi-active).
            let ended = LifecycleEvent(kind: .eventOccurred, on: CivilDate(iso: "2024-06-01")!, by: "rh", name: "fin de l'emploi")
            let recorded = try await store.appendEvent(ended, to: "RH-EMP-0107", at: now)
            #expect(recorded.event == ended && recorded.recordedAt == now)
            let counted = try #require(try await store.document("RH-EMP-0107"))
            #expect(counted.retention.waiting == nil)
            #expect(counted.retention.transferOn == CivilDate(iso: "2026-06-30") && counted.retention.finalOn == CivilDate(iso: "2056-06-30"))
            #expect(try await due(store)["RH-EMP-0107"] == "transfer 2026-06-30")
            let entry = try #require(try await store.auditEntries(since: nil, user: nil, target: "document RH-EMP-0107").last)
            #expect(entry.action == "document.event" && entry.user == "rh")

            _ = try await store.placeHold(.document("SG-CORR-2021"), reason: "Plainte", by: "aiprp", at: now)
            try await store.registerDocuments([NewDocument(document: Document(
                reference: "OUT-1", title: "Détruit", rule: "1201", copy: .principal, holder: "Secrétariat général", support: .papier,
                openedOn: CivilDate(iso: "2015-01-05"), closedOn: CivilDate(iso: "2015-12-18")),
                events: [LifecycleEvent(kind: .destroyed, on: CivilDate(iso: "2024-09-01")!, by: "gestion.doc")])], by: "gestion.doc", at: now)
            let documents = try await store.documents(matching: nil, limit: nil)
            let audit = try await auditActions(store)
            let history = try await store.events(of: "RH-EMP-0107")
            let tomorrow = CivilDate(iso: "2026-11-30")!
            let refused: [(String, LifecycleEvent, Refusal)] = [
                ("NOPE", LifecycleEvent(kind: .modified, on: asOf, by: "x"), Refusal(.documentNotFound, ["reference": "NOPE"])),
                ("RH-EMP-0107", LifecycleEvent(kind: .holdPlaced, on: asOf, by: "x"), Refusal(.eventByHold, ["kind": "hold-placed"])),
                ("RH-EMP-0107", LifecycleEvent(kind: .destroyed, on: asOf, by: "x"), Refusal(.eventByDisposition, ["kind": "destroyed"])),
                ("RH-EMP-0107", LifecycleEvent(kind: .corrected, on: asOf, by: "x"), Refusal(.eventByCommand, ["kind": "corrected"])),
                ("OUT-1", LifecycleEvent(kind: .modified, on: asOf, by: "x"), Refusal(.documentDestroyed, ["reference": "OUT-1"])),
                ("RH-EMP-0107", LifecycleEvent(kind: .modified, on: tomorrow, by: "x"),
                 Refusal(.eventAfterToday, ["reference": "RH-EMP-0107", "kind": "modified", "on": "2026-11-30", "today": "2026-11-29"])),
                ("RH-EMP-0107", LifecycleEvent(kind: .closed, on: CivilDate(iso: "2016-01-01")!, by: "x"),
                 Refusal(.closedBeforeOpening, ["reference": "RH-EMP-0107", "on": "2016-01-01", "opened": "2016-08-22"])),
                ("RH-EMP-0107", LifecycleEvent(kind: .eventOccurred, on: CivilDate(iso: "2025-01-01")!, by: "x", name: "Fin de l’emploi"),
                 Refusal(.eventAlreadyOccurred, ["reference": "RH-EMP-0107", "name": "fin de l'emploi", "on": "2024-06-01"])),
                ("RH-EMP-0107", LifecycleEvent(kind: .modified, on: asOf, by: "x", reason: "b"),
                 Refusal(.eventAlreadyRecorded, ["reference": "RH-EMP-0107", "kind": "modified", "on": "2026-11-29"])),
            ]
            _ = try await store.appendEvent(LifecycleEvent(kind: .modified, on: asOf, by: "x", reason: "a"), to: "RH-EMP-0107", at: now)
            let withModified = try await store.events(of: "RH-EMP-0107")
            let auditWithModified = try await auditActions(store)
            for (reference, event, expected) in refused {
                #expect(await refusal { _ = try await store.appendEvent(event, to: reference, at: now) } == expected, "\(event.kind) on \(reference)")
            }
            #expect(try await store.events(of: "RH-EMP-0107") == withModified)
            #expect(withModified.dropLast() == history[...])
            #expect(try await auditActions(store) == auditWithModified && auditWithModified.count == audit.count + 1)
            #expect(try await store.documents(matching: nil, limit: nil).filter { $0.document.reference != "RH-EMP-0107" }
                == documents.filter { $0.document.reference != "RH-EMP-0107" })
            // A hold does not stop a person's event: it stops destruction.
            _ = try await store.appendEvent(LifecycleEvent(kind: .modified, on: asOf, by: "x"), to: "SG-CORR-2021", at: now)
            #expect(try await store.document("SG-CORR-2021")?.held == true)
        }
    }

    @Test("a box is registered once, read back with its place, listed by code", arguments: Backend.allCases)
    func boxes(backend: Backend) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory)
            let box = Box(code: "B-2", location: PhysicalLocation(slashed: "Entrepôt / Local 2 / Rayon 9"), contents: "Paie", linearMillimetres: 350)
            try await store.addBox(box, by: "gestion.doc", at: now)
            try await store.addBox(Box(code: "B-1"), by: "gestion.doc", at: now)
            #expect(try await store.box("B-2") == box)
            #expect(try await store.box("B-3") == nil)
            #expect(try await store.boxes().map(\.code) == ["B-1", "B-2"])
            #expect(await refusal { try await store.addBox(Box(code: "B-2"), by: "gestion.doc", at: now) }
                == Refusal(.boxAlreadyRegistered, ["box": "B-2"]))
            #expect(try await store.box("B-2") == box)
            #expect(try await auditActions(store) == ["box.add", "box.add"])
        }
    }

    @Test("a registration with one refused document writes none of them", arguments: Backend.allCases)
    func registrationAllOrNothing(backend: Backend) async throws {
        try await ExampleRegister.with(backend) { store, _ in
            let audit = try await auditActions(store)
            func document(_ reference: String) -> NewDocument {
                NewDocument(document: Document(reference: reference, title: "Nouveau", rule: "1201", copy: .principal,
                                               holder: "Secrétariat général", support: .papier))
            }
            for batch in [[document("NEW-1"), document("SG-CORR-2021")], [document("NEW-1"), document("NEW-1")]] {
                await #expect(throws: Refusal.self) { try await store.registerDocuments(batch, by: "gestion.doc", at: now) }
            }
            #expect(try await store.document("NEW-1") == nil)
            #expect(try await store.registeredReferences(among: ["NEW-1", "SG-CORR-2021", "RF-EF-2023"]) == ["SG-CORR-2021", "RF-EF-2023"])
            #expect(try await auditActions(store) == audit)
        }
    }

    @Test("confirming an open period's event recounts the rule's documents; a second confirmation replaces the first",
          arguments: Backend.allCases)
    func confirmOpenPeriod(backend: Backend) async throws {
        try await ExampleRegister.with(backend) { store, _ in
            let first = OpenPeriodConfirmation(
                rule: "2101", copy: .principal, period: .active, event: OpenPeriodEvent(event: "Fin d’emploi", offsetYears: 5),
                remark: "Durée de l'emploi + 2 ans.", calendarVersion: 1, confirmedAt: now, confirmedBy: "gestion.doc")
            try await store.confirmOpenPeriod(first)
            #expect(try await store.openPeriodConfirmations() == [first])
            // RH-EMP-0042 recorded "fin de l'emploi"; the confirmed event is another: it now waits, off the due list.
            #expect(try await store.document("RH-EMP-0042")?.retention.waiting == .event("Fin d’emploi"))
            #expect(try await due(store)["RH-EMP-0042"] == nil)
            #expect(Set(try await store.waitingDocuments().map(\.reference)) == ["RH-EMP-0042", "RH-EMP-0107"])
            let entry = try #require(try await store.auditEntries(since: nil, user: nil, target: "rule 2101").last)
            #expect(entry.action == "calendar.confirm-event" && entry.user == "gestion.doc")

            var second = first
            second.event = OpenPeriodEvent(event: "fin de l'emploi", offsetYears: 5)
            second.confirmedAt = now.addingTimeInterval(60)
            try await store.confirmOpenPeriod(second)
            #expect(try await store.openPeriodConfirmations() == [second])
            // Its recorded event, 2019-08-15 → year end 2020-06-30, + 5 years active, + 30 semi-active.
            let recounted = try #require(try await store.document("RH-EMP-0042"))
            #expect(recounted.retention.waiting == nil)
            #expect(recounted.retention.transferOn == CivilDate(iso: "2025-06-30") && recounted.retention.finalOn == CivilDate(iso: "2055-06-30"))
            #expect(try await due(store)["RH-EMP-0042"] == "transfer 2025-06-30")
            // Other rules' documents are not touched.
            #expect(try await due(store)["SG-CORR-2021"] == "destroy 2024-06-30")
        }
    }

    @Test("a new calendar version recounts the documents of the rules it changed, and the due list follows", arguments: Backend.allCases)
    func calendarChange(backend: Backend) async throws {
        try await ExampleRegister.with(backend) { store, directory in
            var xml = try String(contentsOf: Fixtures.exampleNative, encoding: .utf8)
            // Rule 1201: active 2 → 5 years for the principal copy.
            let start = try #require(xml.range(of: "numero=\"1201\""))
            let active = try #require(xml.range(of: "<actif><annees>2</annees></actif>", range: start.upperBound..<xml.endIndex))
            xml.replaceSubrange(active, with: "<actif><annees>5</annees></actif>")
            let changed = try directory.write("v2.xml", xml)
            _ = try await CalendarImporter(store: store).importFile(path: changed.path, actor: "gestion.doc", now: now)

            let document = try #require(try await store.document("SG-CORR-2021"))
            #expect(document.retention.finalOn == CivilDate(iso: "2027-06-30") && document.retention.calendarVersion == 2)
            let list = try await due(store)
            #expect(list["SG-CORR-2021"] == nil)
            #expect(list["SG-PV-CA-2019"] == "deposit 2022-06-30")
            #expect(try await due(store, on: CivilDate(iso: "2027-06-30")!)["SG-CORR-2021"] == "destroy 2027-06-30")
            // A rule the version left as it was: its documents' counts stand, under the version that made them.
            #expect(try await store.document("SG-PV-CA-2019")?.retention.calendarVersion == 1)
        }
    }
}

/// Due documents collected from `forEachDueDocument`'s `@Sendable` closure.
final class StreamedDue: Sendable {
    private let collected = Mutex<[DueDocument]>([])

    func append(_ item: DueDocument) {
        collected.withLock { $0.append(item) }
    }

    var items: [DueDocument] { collected.withLock { $0 } }
}
