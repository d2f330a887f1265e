import Foundation
import SablierApplication
import SablierCore
import SablierRegister
import SablierSQLite
import SablierStore
import SablierTestSupport
import Testing

/// The register's use cases, in process, over a real SQLite store and a fixed clock.
@Suite("Register use cases: documents, events, boxes, holds, due list, waiting")
struct RegisterUseCaseTests {
    @Test("the due list is sorted by the due date it shows, then by reference, and counts each action")
    func dueOrder() async throws {
        let office = try await TestOffice(.register)
        let list = try await office.sablier.dueList(try await office.session("gestion.doc"))
        #expect(list.summary.total == 9 && list.summary.withheld == 0)
        #expect(list.summary.transfer == 2 && list.summary.destroy == 4 && list.summary.deposit == 2 && list.summary.sort == 1)
        let keys = list.entries.map { "\($0.due) \($0.reference)" }
        #expect(keys == keys.sorted())
        // A document whose transfer and final dates have both passed shows the final date.
        #expect(list.entries.first { $0.reference == "RF-BUD-2014" }?.due == "2020-06-30")
    }

    @Test("a confirmed-confidential document stays in the records manager's and the auditor's due list, title masked; its unit reads it whole; the AIPRP officer reads the documents they reviewed")
    func confidentialDue() async throws {
        let office = try await TestOffice(.register)
        let due = try await office.sablier.dueList(try await office.session("gestion.doc"))
        let target = try #require(due.entries.first { $0.holder == "Ressources humaines" } ?? due.entries.first)
        _ = try await office.store.recordPrivacyReview(target.reference, decision: .confirm, measure: nil, note: "NAS au dossier",
                                                       by: "aiprp", at: TestOffice.now)
        for reader in ["gestion.doc", "verif"] {
            let list = try await office.sablier.dueList(try await office.session(reader))
            let line = try #require(list.entries.first { $0.reference == target.reference }, "\(reader)")
            #expect(line.title == DueEntry.maskedTitle && line.confidential == true)
            #expect(list.summary.total == 9 && list.summary.withheld == 0)
        }
        let aiprp = try await office.sablier.dueList(try await office.session("aiprp"))
        #expect(aiprp.entries.map(\.reference) == [target.reference] && aiprp.entries[0].title == target.title)
        #expect(aiprp.summary.withheld == 8)
        if target.holder == "Ressources humaines" {
            let unit = try await office.sablier.dueList(try await office.session("rh.chef"))
            #expect(unit.entries.contains { $0.reference == target.reference && $0.title == target.title })
            #expect(unit.summary.withheld == 9 - unit.entries.count)
        }
    }

    @Test("another unit's document reads exactly as one that is not registered, and the refusal is audited with its reason")
    func otherUnitIsNotFound() async throws {
        let office = try await TestOffice(.register)
        let agent = try await office.session("rh.agent")
        let foreign = await thrownRefusal { _ = try await office.sablier.document(agent, "SG-CORR-2021") }
        let missing = await thrownRefusal { _ = try await office.sablier.document(agent, "NOPE-0001") }
        #expect(foreign == Refusal(.documentNotFound, ["reference": "SG-CORR-2021"]))
        #expect(missing == Refusal(.documentNotFound, ["reference": "NOPE-0001"]))
        let audited = try await office.refusals().filter { $0.user == "rh.agent" }.map(\.details)
        #expect(audited.count == 2)
        #expect(audited.first?.contains("\"reason\":\"outside-unit\"") == true && audited.last?.contains("\"reason\":\"not-registered\"") == true)
        #expect(try await office.sablier.document(agent, "RH-EMP-0042").document.holder == "Ressources humaines")
    }

    @Test("a unit may not replace another unit's document: refused as a reference that is not registered, and nothing changes")
    func replacesAcrossUnits() async throws {
        let office = try await TestOffice(.register)
        var draft = DocumentDraft()
        draft.reference = "RH-POL-2026"; draft.title = "Politique RH"; draft.rule = "1102"; draft.copy = "principal"
        draft.support = "PA"; draft.holder = "Ressources humaines"; draft.opened = "2026-01-05"; draft.replaces = "SG-POL-2024"
        let before = try #require(try await office.store.document("SG-POL-2024"))
        let agent = try await office.session("rh.agent")
        let across = await thrownRefusal { _ = try await office.sablier.registerDocument(agent, draft) }
        #expect(across == Refusal(.replacedNotFound, ["reference": "SG-POL-2024"]))
        draft.replaces = "SG-POL-9999"
        let missing = await thrownRefusal { _ = try await office.sablier.registerDocument(agent, draft) }
        #expect(missing == Refusal(.replacedNotFound, ["reference": "SG-POL-9999"]))
        #expect(try await office.store.document("RH-POL-2026") == nil)
        #expect(try await office.store.document("SG-POL-2024") == before)
        // The records manager, organisation-wide, may.
        draft.replaces = "SG-POL-2024"
        _ = try await office.sablier.registerDocument(try await office.session("gestion.doc"), draft)
        #expect(try await office.store.events(of: "SG-POL-2024").contains { $0.event.kind == .replaced })
    }

    @Test("a support code no rule of the calendar lists is an error; a known code the rule does not list is a warning")
    func unknownSupport() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        var draft = DocumentDraft()
        draft.reference = "SG-X-1"; draft.title = "Essai"; draft.rule = "1101"; draft.copy = "principal"; draft.support = "XX"
        draft.holder = "Secrétariat général"; draft.opened = "2025-07-01"
        let unknown = await thrownRefusal { _ = try await office.sablier.registerDocument(manager, draft) }
        #expect(unknown?.code == .rejectedInput)
        #expect(unknown?.diagnostics.contains { $0.severity == .error && $0.message.contains("support XX") } == true)
        #expect(try await office.store.document("SG-X-1") == nil)
        draft.support = "DM"
        let registered = try await office.sablier.registerDocument(manager, draft)
        #expect(registered.document.reference == "SG-X-1")
    }

    @Test("an 888 event the rule does not wait for is refused, naming the event it waits for, on registration and as an event")
    func unexpectedEvent() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let wrong = await thrownRefusal {
            _ = try await office.sablier.recordEvent(manager, "RH-EMP-0107", kind: "event-occurred", on: CivilDate(iso: "2024-06-01"),
                                                     name: "départ à la retraite")
        }
        #expect(wrong?.code == .unexpectedEvent && wrong?.values["expected"]?.contains("fin de l'emploi") == true)
        #expect(try await office.store.events(of: "RH-EMP-0107").isEmpty)
        let right = try await office.sablier.recordEvent(manager, "RH-EMP-0107", kind: "event-occurred", on: CivilDate(iso: "2024-06-01"),
                                                         name: "Fin de l’emploi")
        #expect(right.event.kind == "event-occurred" && right.waiting == nil)
        var draft = DocumentDraft()
        draft.reference = "RH-EMP-0200"; draft.title = "Dossier d'employé 0200"; draft.rule = "2101"; draft.copy = "principal"
        draft.support = "PA"; draft.holder = "Ressources humaines"; draft.opened = "2010-01-04"
        draft.event = "départ à la retraite"; draft.eventDate = "2020-01-10"
        let registering = await thrownRefusal { _ = try await office.sablier.registerDocument(manager, draft) }
        #expect(registering?.diagnostics.contains { $0.message.contains("fin de l'emploi") } == true)
    }

    @Test("events only holds and disposition write are refused; a destroyed document takes no event")
    func eventKinds() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        for (kind, code) in [("destroyed", Refusal.Code.invalidValue), ("hold-placed", .invalidValue), ("nonsense", .invalidValue)] {
            #expect(await thrownRefusal { _ = try await office.sablier.recordEvent(manager, "SG-CORR-2021", kind: kind) }?.code == code)
        }
        #expect(await thrownRefusal { _ = try await office.sablier.recordEvent(manager, "SG-CORR-2021", kind: "event-occurred", name: "  ") }?.code == .emptyText)
        #expect(throws: Refusal(.eventByDisposition, ["kind": "destroyed"])) {
            try LifecycleEventKind.destroyed.checkRecordable(on: "X", phase: .actif)
        }
        #expect(throws: Refusal(.documentDestroyed, ["reference": "X"])) {
            try LifecycleEventKind.modified.checkRecordable(on: "X", phase: .inactifDetruit)
        }
    }

    @Test("a hold needs a reason; a détenteur sees the holds on their unit's documents only")
    func holds() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let empty = await thrownRefusal { _ = try await office.sablier.placeHold(manager, on: .rule("2101"), reason: "   ") }
        #expect(empty == Refusal(.emptyText, ["field": "reason"]))
        #expect(try await office.store.holds(includingReleased: true).isEmpty)
        let badQuery = await thrownRefusal { _ = try await office.sablier.placeHold(manager, on: .query("holder"), reason: "Litige") }
        #expect(badQuery?.code == .invalidQuery)
        let rh = try await office.sablier.placeHold(manager, on: .rule("2101"), reason: "Litige")
        _ = try await office.sablier.placeHold(manager, on: .document("SG-CORR-2021"), reason: "Demande d'accès")
        let chef = try await office.sablier.holds(try await office.session("rh.chef"))
        #expect(chef.holds.map(\.id) == [rh.id] && chef.withheld == 1)
        _ = try await office.sablier.releaseHold(manager, rh.id, reason: "Réglé")
        #expect(await thrownRefusal { _ = try await office.sablier.releaseHold(manager, rh.id, reason: "Encore") } == Refusal(.holdReleased, ["hold": String(rh.id)]))
        let outsider = await thrownRefusal { _ = try await office.sablier.placeHold(try await office.session("rh.chef"), on: .rule("2101"), reason: "x") }
        #expect(outsider?.code == .missingPermission)
        #expect(try await office.refusals().last?.details.contains("\"permission\":\"holds.manage\"") == true)
    }

    @Test("document list leaves out what the reader may not see, says how many, and applies the limit after")
    func listing() async throws {
        let office = try await TestOffice(.register)
        let all = try await office.sablier.documents(try await office.session("gestion.doc"))
        #expect(all.documents.count == 12 && all.withheld == 0)
        let agent = try await office.sablier.documents(try await office.session("rh.agent"), limit: 1)
        #expect(agent.documents.map(\.holder) == ["Ressources humaines"])
        let query = await thrownRefusal { _ = try await office.sablier.documents(try await office.session("gestion.doc"), query: "colour=red") }
        #expect(query?.code == .invalidQuery)
    }

    @Test("an unknown or disabled user opens no session, and the refusal is audited")
    func sessions() async throws {
        let office = try await TestOffice(.users)
        #expect(await thrownRefusal { _ = try await office.sablier.localSession("mallory") } == Refusal(.unknownUser, ["user": "mallory"]))
        try await office.store.setActive("rh.agent", false, by: "admin", at: TestOffice.now)
        #expect(await thrownRefusal { _ = try await office.sablier.localSession("rh.agent") }?.code == .disabledUser)
        let audited = try await office.refusals().map(\.user)
        #expect(audited == ["mallory", "rh.agent"])
    }
}

extension RegisterUseCaseTests {
    @Test("a confirmed-confidential document is reachable by its holder unit and the AIPRP officer only; to the records manager it reads as not registered")
    func confidentialRecord() async throws {
        let office = try await TestOffice(.register)
        _ = try await office.store.recordPrivacyReview("RH-EMP-0042", decision: .confirm, measure: nil, note: "NAS au dossier",
                                                       by: "aiprp", at: TestOffice.now)
        let manager = try await office.session("gestion.doc")
        let hidden = await thrownRefusal { _ = try await office.sablier.document(manager, "RH-EMP-0042") }
        #expect(hidden == Refusal(.documentNotFound, ["reference": "RH-EMP-0042"]))
        #expect(try await office.refusals().last?.details.contains("\"reason\":\"confidential\"") == true)
        #expect(try await office.sablier.documents(manager).withheld == 1)
        #expect(try await office.sablier.document(try await office.session("rh.agent"), "RH-EMP-0042").document.reference == "RH-EMP-0042")
        #expect(try await office.sablier.document(try await office.session("aiprp"), "RH-EMP-0042").document.reference == "RH-EMP-0042")
        let event = await thrownRefusal { _ = try await office.sablier.recordEvent(manager, "RH-EMP-0042", kind: "modified") }
        #expect(event == Refusal(.documentNotFound, ["reference": "RH-EMP-0042"]))
    }
}

/// What the register's use cases reveal and record about documents a reader may not see.
@Suite("Register use cases: hidden documents stay hidden, refusals are audited")
struct RegisterHiddenDocumentTests {
    /// A store whose RH-EMP-0042 the AIPRP officer confirmed as confidential: the records
    /// manager (outside the Ressources humaines) may no longer see it.
    static func office() async throws -> TestOffice {
        let office = try await TestOffice(.register)
        _ = try await office.store.recordPrivacyReview("RH-EMP-0042", decision: .confirm, measure: nil, note: "NAS au dossier",
                                                       by: "aiprp", at: TestOffice.now)
        return office
    }

    static func draft(replaces: String = "", digitizedFrom: String = "") -> DocumentDraft {
        var draft = DocumentDraft()
        draft.reference = "GD-POL-2026"; draft.title = "Politique de gestion documentaire"; draft.rule = "1102"
        draft.copy = "principal"; draft.support = "DM"; draft.holder = "Gestion documentaire"; draft.opened = "2026-01-05"
        draft.replaces = replaces; draft.digitizedFrom = digitizedFrom
        return draft
    }

    @Test("a confidential document named by replaces or digitized_from reads as not registered, changes nothing, and the refusal is audited")
    func confidentialTarget() async throws {
        let office = try await Self.office()
        let manager = try await office.session("gestion.doc")
        let before = try await office.store.events(of: "RH-EMP-0042")
        let mark = try await office.lastSequence()
        for draft in [Self.draft(replaces: "RH-EMP-0042"), Self.draft(digitizedFrom: "RH-EMP-0042")] {
            let refusal = await thrownRefusal { _ = try await office.sablier.registerDocument(manager, draft) }
            #expect(refusal == Refusal(.replacedNotFound, ["reference": "RH-EMP-0042"]))
        }
        #expect(try await office.store.events(of: "RH-EMP-0042") == before)
        #expect(try await office.store.document("GD-POL-2026") == nil)
        #expect(try await office.refusals(after: mark).count == 2)
        // Its holder unit may.
        var own = Self.draft(replaces: "RH-EMP-0042")
        own.holder = "Ressources humaines"
        _ = try await office.sablier.registerDocument(try await office.session("rh.agent"), own)
        #expect(try await office.store.events(of: "RH-EMP-0042").contains { $0.event.kind == .replaced })
    }

    @Test("a hold on one hidden document is refused as on a missing one; a hold on it by the AIPRP officer is withheld from the records manager's list")
    func holdsOnHiddenDocuments() async throws {
        let office = try await Self.office()
        let manager = try await office.session("gestion.doc")
        let refusal = await thrownRefusal { _ = try await office.sablier.placeHold(manager, on: .document("RH-EMP-0042"), reason: "Litige") }
        #expect(refusal == Refusal(.documentNotFound, ["reference": "RH-EMP-0042"]))
        #expect(try await office.store.holds(includingReleased: true).isEmpty)
        let hold = try await office.sablier.placeHold(try await office.session("aiprp"), on: .document("RH-EMP-0042"), reason: "Demande d'accès")
        let listed = try await office.sablier.holds(manager)
        #expect(!listed.holds.contains { $0.id == hold.id } && listed.withheld == 1)
        #expect(try await office.sablier.holds(try await office.session("aiprp")).holds.map(\.id) == [hold.id])
    }

    @Test("a listing by query says nothing of what it left out; the whole register says how many")
    func queryIsNoOracle() async throws {
        let office = try await Self.office()
        let agent = try await office.session("rh.agent")
        let byReference = try await office.sablier.documents(agent, query: "reference=SG-PV-CA-2019")
        #expect(byReference.documents.isEmpty && byReference.withheld == nil)
        let byTitle = try await office.sablier.documents(agent, query: "title~élève")
        #expect(byTitle.documents.isEmpty && byTitle.withheld == nil)
        let whole = try await office.sablier.documents(agent)
        #expect(whole.withheld == 12 - whole.documents.count)
    }

    @Test("the register's refusals after the permission check are audited: events, holds, registration, files")
    func refusalsAreAudited() async throws {
        let office = try await Self.office()
        let manager = try await office.session("gestion.doc")
        let agent = try await office.session("rh.agent")
        let mark = try await office.lastSequence()
        _ = await thrownRefusal { _ = try await office.sablier.recordEvent(manager, "SG-CORR-2021", kind: "destroyed") }
        _ = await thrownRefusal { _ = try await office.sablier.releaseHold(manager, 99, reason: "x") }
        _ = await thrownRefusal { _ = try await office.sablier.placeHold(manager, on: .rule("2101"), reason: " ") }
        _ = await thrownRefusal { _ = try await office.sablier.addBox(manager, code: "B-2023-RF-01") }
        var foreign = Self.draft()
        foreign.holder = "Secrétariat général"
        _ = await thrownRefusal { _ = try await office.sablier.registerDocument(agent, foreign) }
        let bad = try office.directory.write("bad.csv", "reference,title,rule,copy,support,holder,opened,closed\nX-1,Sans règle,,principal,PA,SG,2024-01-01,\n")
        _ = await thrownRefusal { _ = try await office.sablier.importDocuments(manager, file: bad.path, skipInvalid: false) }
        _ = await thrownRefusal { _ = try await office.sablier.document(agent, "NOPE-1") }
        let codes = try await office.refusals(after: mark).compactMap { entry in
            entry.details.firstMatch(of: /"code":"([^"]+)"/).map { String($0.1) }
        }
        #expect(codes == ["input.invalid-value", "hold.not-found", "input.empty", "box.already-registered", "input.rejected",
                          "input.rejected", "document.not-found"])
    }

    @Test("an organisation-wide reader sees a confidential document waiting, its title masked")
    func confidentialWaiting() async throws {
        let office = try await TestOffice(.register)
        _ = try await office.store.recordPrivacyReview("RH-EMP-0107", decision: .confirm, measure: nil, note: "Dossier médical",
                                                       by: "aiprp", at: TestOffice.now)
        let waiting = try await office.sablier.waiting(try await office.session("gestion.doc"))
        let line = try #require(waiting.documents.first { $0.reference == "RH-EMP-0107" })
        #expect(line.title == DueEntry.maskedTitle && line.confidential == true && waiting.withheld == 0)
        let unit = try await office.sablier.waiting(try await office.session("rh.chef"))
        #expect(unit.documents.first { $0.reference == "RH-EMP-0107" }?.title == "Dossier d'employé 0107")
    }
}
