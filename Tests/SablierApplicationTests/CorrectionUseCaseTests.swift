import Foundation
import SablierApplication
import SablierCore
import SablierSQLite
import SablierStore
import SablierTestSupport
import Testing

/// `document correct` and `document reclassify`, in process, over a real SQLite store holding
/// the example calendar (school year ending 06-30) and the example register, on 2026-11-29.
@Suite("Correction and reclassification use cases")
struct CorrectionUseCaseTests {
    /// The details of an audit entry, as the object they were written as.
    func details(_ entry: AuditEntry) throws -> [String: String] {
        try JSONDecoder().decode([String: String].self, from: Data(entry.details.utf8))
    }

    /// Registers a document of rule 1201 whose events already took it out of the organisation.
    func registerDisposed(_ office: TestOffice, _ reference: String, _ kind: LifecycleEventKind) async throws {
        let document = Document(reference: reference, title: "Correspondance \(reference)", rule: "1201", copy: .principal,
                                holder: "Secrétariat général", support: .papier, openedOn: CivilDate(iso: "2015-01-05"),
                                closedOn: CivilDate(iso: "2015-12-18"))
        let event = LifecycleEvent(kind: kind, on: CivilDate(iso: "2024-09-15")!, by: "gestion.doc", reason: "liste 1")
        try await office.store.registerDocuments([NewDocument(document: document, events: [event])], by: "gestion.doc", at: TestOffice.now)
    }

    @Test("correcting the closing date recounts the dates by hand: rule 7301 (2 years active, 3 semi-active, destroy), year end 06-30")
    func closedRecounted() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let before = try #require(try await office.store.document("SEC-INS-2025"))
        // Closed 2025-06-30: the count starts at that year end; +2 years active, +3 semi-active.
        #expect(before.retention.transferOn == CivilDate(iso: "2027-06-30") && before.retention.finalOn == CivilDate(iso: "2030-06-30"))
        let mark = try await office.lastSequence()
        let result = try await office.sablier.correctDocument(
            manager, "SEC-INS-2025", CorrectionForm(closed: "2025-08-15", reason: "date de fermeture mal saisie"))
        // Closed 2025-08-15: the next year end is 2026-06-30; transfer 2028-06-30, destruction 2031-06-30.
        #expect(result.before.transferOn == "2027-06-30" && result.before.finalOn == "2030-06-30")
        #expect(result.after.transferOn == "2028-06-30" && result.after.finalOn == "2031-06-30" && result.after.finalAction == "destroy")
        #expect(result.after.dueOn == "2028-06-30" && result.document.closed == "2025-08-15")
        #expect(result.changes == [FieldChange(field: "closed", from: "2025-06-30", to: "2025-08-15")])
        let stored = try #require(try await office.store.document("SEC-INS-2025"))
        #expect(stored.document.closedOn == CivilDate(iso: "2025-08-15"))
        #expect(stored.retention.transferOn == CivilDate(iso: "2028-06-30") && stored.retention.finalOn == CivilDate(iso: "2031-06-30"))
        // The history keeps the old and new values, keys sorted.
        let event = try #require(try await office.store.events(of: "SEC-INS-2025").last?.event)
        #expect(event.kind == .corrected && event.reason == "date de fermeture mal saisie" && event.by == "gestion.doc")
        #expect(event.detail == #"{"closed":{"from":"2025-06-30","to":"2025-08-15"}}"#)
        // And so does the audit trail, in the same transaction.
        let audited = try await office.audit(after: mark).filter { $0.action == "document.correct" }
        #expect(audited.count == 1 && audited.first?.target == "document SEC-INS-2025")
        let values = try details(try #require(audited.first))
        #expect(values["closed.from"] == "2025-06-30" && values["closed.to"] == "2025-08-15" && values["reason"] == "date de fermeture mal saisie")
    }

    @Test("several fields at once, `none` clears a date or a box, and a location is read as building / room / shelving")
    func severalFields() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let result = try await office.sablier.correctDocument(manager, "RF-EF-2023", CorrectionForm(
            title: "États financiers 2022-2023 (vérifiés)", support: "dm", location: "Entrepôt / Local 2 / Rayon 9", box: "none",
            reason: "dossier sorti de sa boîte"))
        #expect(result.changes.map(\.field) == ["title", "support", "location", "box"])
        #expect(result.changes.last == FieldChange(field: "box", from: "B-2023-RF-01", to: nil))
        let stored = try #require(try await office.store.document("RF-EF-2023")).document
        #expect(stored.box == nil && stored.support == .numerique && stored.location?.room == "Local 2")
        let detail = try #require(try await office.store.events(of: "RF-EF-2023").last?.event.detail)
        #expect(detail.contains(#""box":{"from":"B-2023-RF-01","to":null}"#))
        #expect(Array(detail.utf8) == Array(FieldChange.detail(result.changes).utf8))
        let keys = try JSONSerialization.jsonObject(with: Data(detail.utf8)) as? [String: Any]
        #expect(keys.map { Set($0.keys) } == ["box", "location", "support", "title"])
    }

    @Test("refused, with nothing written: destroyed, deposited, no change, no reason, closed before opened, an unregistered box, an unknown support")
    func refusedCorrections() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        try await registerDisposed(office, "SG-DETRUIT", .destroyed)
        try await registerDisposed(office, "SG-VERSE", .deposited)
        let destroyed = await thrownRefusal {
            try await office.sablier.correctDocument(manager, "SG-DETRUIT", CorrectionForm(title: "Autre", reason: "coquille"))
        }
        #expect(destroyed == Refusal(.correctionDisposed, ["reference": "SG-DETRUIT", "phase": "inactif-detruit"]))
        let deposited = await thrownRefusal {
            try await office.sablier.correctDocument(manager, "SG-VERSE", CorrectionForm(title: "Autre", reason: "coquille"))
        }
        #expect(deposited == Refusal(.correctionDisposed, ["reference": "SG-VERSE", "phase": "inactif-verse"]))
        let before = try await office.store.documents(matching: nil, limit: nil)
        let eventsBefore = try await office.store.events(of: "SEC-INS-2025")
        let cases: [(CorrectionForm, Refusal)] = [
            (CorrectionForm(title: "Inscriptions 2024-2025", reason: "coquille"), Refusal(.correctionChangesNothing, ["reference": "SEC-INS-2025"])),
            (CorrectionForm(reason: "rien"), Refusal(.correctionChangesNothing, ["reference": "SEC-INS-2025"])),
            (CorrectionForm(title: "Inscriptions", reason: "  "), Refusal.empty("reason")),
            (CorrectionForm(closed: "2023-01-01", reason: "coquille"),
             Refusal(.correctionClosedBeforeOpened, ["reference": "SEC-INS-2025", "opened": "2024-02-01", "closed": "2023-01-01"])),
            (CorrectionForm(box: "B-INCONNUE", reason: "rangé"), Refusal(.boxOfDocumentNotFound, ["reference": "SEC-INS-2025", "box": "B-INCONNUE"])),
            (CorrectionForm(opened: "2024-02-31", reason: "coquille"), Refusal.invalidValue("opened", "2024-02-31", allowed: ["YYYY-MM-DD", "none"])),
            (CorrectionForm(support: "ZZ", reason: "coquille"), Refusal(.correctionUnknownSupport, ["support": "ZZ", "known": "DM, PA"])),
            (CorrectionForm(reason: "déplacé", path: "/partage/nouveau.txt"), Refusal(.correctionFileByRelink, ["reference": "SEC-INS-2025"])),
        ]
        for (form, expected) in cases {
            let refusal = await thrownRefusal { try await office.sablier.correctDocument(manager, "SEC-INS-2025", form) }
            #expect(refusal == expected)
        }
        #expect(try await office.store.documents(matching: nil, limit: nil) == before)
        #expect(try await office.store.events(of: "SEC-INS-2025") == eventsBefore)
        #expect(try await office.audit().filter { $0.action == "document.correct" }.isEmpty)
        // Each refusal is on record.
        #expect(try await office.refusals().filter { $0.target == "use case document correct" }.count == cases.count + 2)
    }

    @Test("a détenteur corrects their own unit's documents; another unit's reads as not registered; handing one to another unit is refused")
    func detenteurScope() async throws {
        let office = try await TestOffice(.register)
        let chief = try await office.session("rh.chef")
        let foreign = await thrownRefusal {
            try await office.sablier.correctDocument(chief, "SG-CORR-2021", CorrectionForm(title: "Autre", reason: "coquille"))
        }
        #expect(foreign == Refusal(.documentNotFound, ["reference": "SG-CORR-2021"]))
        let handed = await thrownRefusal {
            try await office.sablier.correctDocument(chief, "RH-EMP-0107", CorrectionForm(holder: "Secrétariat général", reason: "mauvaise unité"))
        }
        #expect(handed == Refusal(.correctionHolderOutsideUnit,
                                  ["reference": "RH-EMP-0107", "holder": "Secrétariat général", "unit": "Ressources humaines"]))
        #expect(try await office.store.document("RH-EMP-0107")?.document.holder == "Ressources humaines")
        let own = try await office.sablier.correctDocument(chief, "RH-EMP-0107", CorrectionForm(title: "Dossier d'employé 0107 (B. Tremblay)",
                                                                                                reason: "nom ajouté"))
        #expect(own.document.title == "Dossier d'employé 0107 (B. Tremblay)")
        // The records manager, organisation-wide, may hand it to another unit.
        let moved = try await office.sablier.correctDocument(try await office.session("gestion.doc"), "RH-EMP-0107",
                                                             CorrectionForm(holder: "Secrétariat général", reason: "transfert de dossier"))
        #expect(moved.document.holder == "Secrétariat général")
        // A user (utilisateur) holds no such permission.
        let agent = await thrownRefusal {
            try await office.sablier.correctDocument(try await office.session("rh.agent"), "RH-EMP-0042", CorrectionForm(title: "X", reason: "x"))
        }
        #expect(agent?.code == .missingPermission)
    }

    @Test("a held document is corrected and stays held, its hold unchanged")
    func heldStaysHeld() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let hold = try await office.sablier.placeHold(manager, on: .document("RH-EMP-0107"), reason: "Litige")
        let result = try await office.sablier.correctDocument(manager, "RH-EMP-0107", CorrectionForm(opened: "2016-08-29", reason: "date d'embauche"))
        #expect(result.document.held && result.document.opened == "2016-08-29")
        #expect(try await office.store.document("RH-EMP-0107")?.held == true)
        let holds = try await office.sablier.holds(manager).holds
        #expect(holds.first { $0.id == hold.id }?.releasedAt == nil && holds.first { $0.id == hold.id }?.documents == 1)
    }

    @Test("a dry run lists what moves with its new dates and writes nothing; the reclassification then writes them, one audit entry with the references' SHA-256")
    func reclassifyDryRunThenWrite() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let before = try await office.store.documents(matching: nil, limit: nil)
        let mark = try await office.lastSequence()
        let dry = try await office.sablier.reclassifyDocuments(manager, references: ["SG-CORR-2021"], to: "3201",
                                                               reason: "mal classé", dryRun: true)
        // Closed 2021-12-20: year end 2022-06-30; rule 3201 keeps 3 years active and 4 semi-active, then destroys.
        let planned = try #require(dry.documents.first)
        #expect(dry.dryRun && dry.documents.count == 1 && planned.fromRule == "1201" && planned.toRule == "3201")
        // Under 1201 (2 years active, none semi-active) it was destroyed straight from the active storage on 2024-06-30.
        #expect(planned.before.transferOn == nil && planned.before.finalOn == "2024-06-30")
        #expect(planned.after.transferOn == "2025-06-30" && planned.after.finalOn == "2029-06-30" && planned.after.finalAction == "destroy")
        #expect(planned.nextAction == "transfer")
        #expect(try await office.store.documents(matching: nil, limit: nil) == before)
        #expect(try await office.audit(after: mark).isEmpty)

        let done = try await office.sablier.reclassifyDocuments(manager, references: ["SG-CORR-2021"], to: "3201", reason: "mal classé")
        #expect(!done.dryRun && done.documents == dry.documents)
        let stored = try #require(try await office.store.document("SG-CORR-2021"))
        #expect(stored.document.rule == "3201" && stored.retention.finalOn == CivilDate(iso: "2029-06-30"))
        let event = try #require(try await office.store.events(of: "SG-CORR-2021").last?.event)
        #expect(event.kind == .reclassified && event.detail == #"{"rule":{"from":"1201","to":"3201"}}"#)
        let audited = try await office.audit(after: mark)
        #expect(audited.map(\.action) == ["document.reclassify"])
        let values = try details(audited[0])
        #expect(values["count"] == "1" && values["from"] == "1201" && values["to"] == "3201" && values["references"] == "SG-CORR-2021")
        #expect(values["references_sha256"] == SourceDigest.sha256Hex(Array("SG-CORR-2021".utf8)))
    }

    @Test("references named one by one are all or nothing: a destroyed or deposited one refuses the reclassification whole, naming each problem")
    func reclassifyAllOrNothing() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        try await registerDisposed(office, "SG-DETRUIT", .destroyed)
        try await registerDisposed(office, "SG-VERSE", .deposited)
        let before = try await office.store.documents(matching: nil, limit: nil)
        let refusal = await thrownRefusal {
            try await office.sablier.reclassifyDocuments(manager, references: ["SG-CORR-2021", "SG-DETRUIT", "SG-VERSE"], to: "3201",
                                                         reason: "mal classé")
        }
        #expect(refusal?.code == .reclassifyRefused && refusal?.values["count"] == "2")
        let problems = try #require(refusal.flatMap { Refusal.nested(in: $0.values["problems"] ?? "") })
        #expect(problems == [Refusal(.reclassifyDisposed, ["reference": "SG-DETRUIT", "phase": "inactif-detruit"]),
                             Refusal(.reclassifyDisposed, ["reference": "SG-VERSE", "phase": "inactif-verse"])])
        let sentence = MessageCatalogue.message(try #require(refusal), in: .fr)
        #expect(sentence.contains("le document SG-VERSE n'est plus détenu") && sentence.contains("rien n'a été modifié"))
        #expect(try await office.store.documents(matching: nil, limit: nil) == before)
        #expect(try await office.audit().filter { $0.action == "document.reclassify" }.isEmpty)
    }

    @Test("a query or a rule leaves out (and counts) the destroyed and deposited documents it selects, and moves the others")
    func reclassifyCohortLeavesOutDisposed() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        try await registerDisposed(office, "SG-DETRUIT", .destroyed)
        try await registerDisposed(office, "SG-VERSE", .deposited)
        let dry = try await office.sablier.reclassifyDocuments(manager, query: "rule=1201", to: "3201", reason: "mal classé", dryRun: true)
        #expect(dry.documents.map(\.reference) == ["SG-CORR-2021"] && dry.leftOut == 2 && dry.unchanged == 0)
        let done = try await office.sablier.reclassifyDocuments(manager, rule: "1201", to: "3201", reason: "mal classé")
        #expect(done.documents.map(\.reference) == ["SG-CORR-2021"] && done.leftOut == 2)
        #expect(try await office.store.document("SG-CORR-2021")?.document.rule == "3201")
        // The disposed documents stay under the rule they were disposed of under, without a new event.
        for reference in ["SG-DETRUIT", "SG-VERSE"] {
            #expect(try await office.store.document(reference)?.document.rule == "1201")
            #expect(try await office.store.events(of: reference).allSatisfy { $0.event.kind != .reclassified })
        }
        let values = try details(try #require(try await office.audit().last { $0.action == "document.reclassify" }))
        #expect(values["count"] == "1" && values["references"] == "SG-CORR-2021")
    }

    @Test("the use case refuses no selection, or two at once, and the refusal is on record")
    func reclassifyOneSelection() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let before = try await office.refusals().count
        let two = await thrownRefusal {
            try await office.sablier.reclassifyDocuments(manager, references: ["SG-CORR-2021"], rule: "1201", to: "3201", reason: "x")
        }
        #expect(two == Refusal(.reclassifyOneSelection))
        let none = await thrownRefusal { try await office.sablier.reclassifyDocuments(manager, to: "3201", reason: "x") }
        #expect(none == Refusal(.reclassifyOneSelection))
        let recorded = try await office.refusals()
        #expect(recorded.count == before + 2 && recorded.suffix(2).allSatisfy { $0.details.contains("reclassify.one-selection") })
        #expect(try await office.store.document("SG-CORR-2021")?.document.rule == "1201")
    }

    @Test("reclassification refuses a rule not in force, a copy the rule lacks, no reason, a selection of nothing, and a move that changes nothing")
    func reclassifyRefusals() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let unknown = await thrownRefusal {
            try await office.sablier.reclassifyDocuments(manager, references: ["SG-CORR-2021"], to: "9999", reason: "x")
        }
        #expect(unknown == Refusal(.reclassifyRuleNotInForce, ["rule": "9999", "version": "1"]))
        let noReason = await thrownRefusal {
            try await office.sablier.reclassifyDocuments(manager, references: ["SG-CORR-2021"], to: "3201", reason: " ")
        }
        #expect(noReason == Refusal.empty("reason"))
        let nothing = await thrownRefusal {
            try await office.sablier.reclassifyDocuments(manager, query: "holder=Personne", to: "3201", reason: "x")
        }
        #expect(nothing == Refusal(.reclassifySelectsNothing, ["selection": "--query holder=Personne"]))
        let same = await thrownRefusal {
            try await office.sablier.reclassifyDocuments(manager, references: ["SG-CORR-2021"], to: "1201", reason: "x")
        }
        #expect(same == Refusal(.reclassifyNothingMoves, ["rule": "1201", "copy": "-"]))
        let copy = await thrownRefusal {
            try await office.sablier.reclassifyDocuments(manager, references: ["SG-CORR-2021"], to: "3201", copy: "tiers", reason: "x")
        }
        #expect(copy?.code == .invalidValue)
        // A détenteur holds no reclassification permission.
        let chief = await thrownRefusal {
            try await office.sablier.reclassifyDocuments(try await office.session("rh.chef"), references: ["RH-EMP-0107"], to: "3201", reason: "x")
        }
        #expect(chief?.code == .missingPermission)
    }
}

/// The issue's story, whole: a calendar version 2 retires rule 1201 (renumbered 1202, with
/// longer periods); its import names the documents it strands; they are reclassified; their new
/// dates are checked by hand and they no longer wait.
@Suite("Scenario: a retired rule's documents, stranded, then reclassified")
struct StrandedScenarioTests {
    /// The example calendar with rule 1201 renumbered 1202, its exemplaire principal kept 3
    /// years active and 2 semi-active (was 2 and 0), then destroyed.
    func version2(in office: TestOffice) throws -> URL {
        let xml = try String(contentsOf: Fixtures.exampleNative, encoding: .utf8)
        let start = try #require(xml.range(of: #"<regle numero="1201">"#))
        let end = try #require(xml.range(of: "</regle>", range: start.upperBound..<xml.endIndex))
        var rule = String(xml[start.lowerBound..<end.upperBound]).replacingOccurrences(of: #"numero="1201""#, with: #"numero="1202""#)
        let principal = try #require(rule.range(of: "</exemplairePrincipal>"))
        let copy = String(rule[..<principal.lowerBound])
            .replacingOccurrences(of: "<actif><annees>2</annees></actif>", with: "<actif><annees>3</annees></actif>")
            .replacingOccurrences(of: "<semiActif><annees>0</annees></semiActif>", with: "<semiActif><annees>2</annees></semiActif>")
        rule = copy + rule[principal.lowerBound...]
        let changed = xml.replacingCharacters(in: start.lowerBound..<end.upperBound, with: rule)
        #expect(!changed.contains(#"numero="1201""#) && changed.contains("<actif><annees>3</annees></actif>"))
        return try office.directory.write("calendrier-v2.xml", changed)
    }

    @Test("version 2 retires rule 1201: its import lists the stranded documents, they are reclassified to 1202, and their dates are recounted by hand")
    func retiredRule() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        // A second document of rule 1201, closed 2022-12-15.
        try await office.store.registerDocuments([NewDocument(document: Document(
            reference: "SG-CORR-2022", title: "Correspondance générale 2022", rule: "1201", copy: .principal,
            holder: "Secrétariat général", support: .numerique, openedOn: CivilDate(iso: "2022-01-05"),
            closedOn: CivilDate(iso: "2022-12-15")))], by: "gestion.doc", at: TestOffice.now)
        // And one of 2015 already deposited at the archives: done with its rule, it is neither
        // stranded nor a reason to refuse the suggested command.
        try await office.store.registerDocuments([NewDocument(document: Document(
            reference: "SG-CORR-2015", title: "Correspondance générale 2015", rule: "1201", copy: .principal,
            holder: "Secrétariat général", support: .papier, openedOn: CivilDate(iso: "2015-01-05"), closedOn: CivilDate(iso: "2015-12-18")),
            events: [LifecycleEvent(kind: .deposited, on: CivilDate(iso: "2024-09-15")!, by: "gestion.doc", reason: "liste 1")])],
            by: "gestion.doc", at: TestOffice.now)
        #expect(try await office.store.document("SG-CORR-2015")?.phase == .inactifVerse)
        let file = try version2(in: office)

        let preview = try await office.sablier.importCalendar(manager, file: file.path, dryRun: true)
        #expect(!preview.stored && preview.stranded.map(\.rule) == ["1201"])
        let imported = try await office.sablier.importCalendar(manager, file: file.path)
        #expect(imported.stored && imported.version == 2 && imported.stranded == preview.stranded)
        let stranded = try #require(imported.stranded.first)
        #expect(stranded.title == "Correspondance générale" && stranded.count == 2 && stranded.more == 0)
        #expect(stranded.references == ["SG-CORR-2021", "SG-CORR-2022"] && stranded.suggestion == "1202")
        #expect(stranded.command == #"sablier document reclassify --rule 1201 --to 1202 --reason "…""#)
        for reference in stranded.references {
            #expect(try await office.store.document(reference)?.retention.waiting == .ruleNotInCalendar)
        }
        #expect(Set(try await office.sablier.waiting(manager).documents.map(\.reference)).isSuperset(of: stranded.references))
        // calendar impact between the two versions names them too.
        let impact = try await office.sablier.calendarImpact(manager, from: 1, to: .version(2))
        #expect(impact.stranded == imported.stranded)

        let result = try await office.sablier.reclassifyDocuments(manager, rule: "1201", to: try #require(stranded.suggestion),
                                                                  reason: "règle 1201 renumérotée 1202 (version 2)")
        #expect(result.documents.map(\.reference) == ["SG-CORR-2021", "SG-CORR-2022"] && result.calendarVersion == 2)
        #expect(result.leftOut == 1 && result.unchanged == 0)
        #expect(try await office.store.document("SG-CORR-2015")?.document.rule == "1201")
        // Under 1202 (3 years active, 2 semi-active, destroy), counting from the year end (06-30)
        // on or after the closing date:
        //   SG-CORR-2021, closed 2021-12-20: year end 2022-06-30; transfer 2025-06-30; destruction 2027-06-30.
        //   SG-CORR-2022, closed 2022-12-15: year end 2023-06-30; transfer 2026-06-30; destruction 2028-06-30.
        let expected = ["SG-CORR-2021": ("2025-06-30", "2027-06-30"), "SG-CORR-2022": ("2026-06-30", "2028-06-30")]
        for (reference, (transfer, final)) in expected {
            let stored = try #require(try await office.store.document(reference))
            #expect(stored.document.rule == "1202" && stored.retention.waiting == nil, "\(reference)")
            #expect(stored.retention.transferOn == CivilDate(iso: transfer) && stored.retention.finalOn == CivilDate(iso: final), "\(reference)")
            #expect(stored.retention.finalAction == .destroy && stored.retention.calendarVersion == 2, "\(reference)")
            let entry = try #require(result.documents.first { $0.reference == reference })
            #expect(entry.before.waiting == "rule-not-in-calendar" && entry.after.transferOn == transfer && entry.after.finalOn == final)
        }
        // They left the waiting list, and the next import strands nothing.
        let waiting = try await office.sablier.waiting(manager).documents.map(\.reference)
        #expect(!waiting.contains("SG-CORR-2021") && !waiting.contains("SG-CORR-2022"))
        #expect(try await office.sablier.importCalendar(manager, file: file.path, dryRun: true).stranded.isEmpty)
        // The one audit entry of the reclassification holds the SHA-256 of the sorted references.
        let entry = try #require(try await office.audit().last { $0.action == "document.reclassify" })
        #expect(entry.details.contains(SourceDigest.sha256Hex(Array("SG-CORR-2021\nSG-CORR-2022".utf8))))
    }

    @Test("SG-POL-2015 deposited by an executed list, version 2 retires its rule 1102: the suggested command moves SG-POL-2024 and leaves SG-POL-2015 out")
    func retiredRuleWithDepositedDocument() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        _ = try await DispositionPapersUseCaseTests.executedListOfEveryAction(office)
        #expect(try await office.store.document("SG-POL-2015")?.phase == .inactifVerse)
        let xml = try String(contentsOf: Fixtures.exampleNative, encoding: .utf8)
        let start = try #require(xml.range(of: #"<regle numero="1102">"#))
        let end = try #require(xml.range(of: "</regle>", range: start.upperBound..<xml.endIndex))
        let file = try office.directory.write("calendrier-sans-1102.xml", xml.replacingCharacters(in: start.lowerBound..<end.upperBound, with: ""))

        let imported = try await office.sablier.importCalendar(manager, file: file.path)
        let stranded = try #require(imported.stranded.first { $0.rule == "1102" })
        #expect(stranded.references == ["SG-POL-2024"] && stranded.copy == nil)
        #expect(stranded.command == #"sablier document reclassify --rule 1102 --to NEW --reason "…""#)
        let result = try await office.sablier.reclassifyDocuments(manager, rule: "1102", to: "1101", reason: "règle 1102 retirée (version 2)")
        #expect(result.documents.map(\.reference) == ["SG-POL-2024"] && result.leftOut == 1)
        #expect(try await office.store.document("SG-POL-2024")?.document.rule == "1101")
        #expect(try await office.store.document("SG-POL-2015")?.document.rule == "1102")
    }

    @Test("a rule kept under its number that loses its exemplaire secondaire strands that copy's documents, moved by the suggested command")
    func lostCopy() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        try await office.store.registerDocuments([NewDocument(document: Document(
            reference: "SG-PV-CA-2019-COPIE", title: "Procès-verbaux 2019-2020, copie", rule: "1101", copy: .secondaire,
            holder: "Secrétariat général", support: .papier, openedOn: CivilDate(iso: "2019-07-01"),
            closedOn: CivilDate(iso: "2020-06-15")))], by: "gestion.doc", at: TestOffice.now)
        // Version 2: rule 1101 kept, without its exemplaire secondaire.
        let xml = try String(contentsOf: Fixtures.exampleNative, encoding: .utf8)
        let rule = try #require(xml.range(of: #"<regle numero="1101">"#))
        let start = try #require(xml.range(of: "<exemplaireSecondaire>", range: rule.upperBound..<xml.endIndex))
        let end = try #require(xml.range(of: "</exemplaireSecondaire>", range: start.upperBound..<xml.endIndex))
        let file = try office.directory.write("calendrier-v2-sans-secondaire.xml",
                                              xml.replacingCharacters(in: start.lowerBound..<end.upperBound, with: ""))

        let imported = try await office.sablier.importCalendar(manager, file: file.path)
        #expect(imported.stored && imported.version == 2)
        let stranded = try #require(imported.stranded.first { $0.rule == "1101" })
        #expect(imported.stranded.count == 1 && stranded.copy == "secondaire" && stranded.references == ["SG-PV-CA-2019-COPIE"])
        #expect(stranded.command == #"sablier document reclassify --query "rule=1101; copy=secondaire" --to 1101 --copy principal --reason "…""#)
        #expect(try await office.store.document("SG-PV-CA-2019-COPIE")?.retention.waiting == .noSuchCopy)
        #expect(try await office.sablier.calendarImpact(manager, from: 1, to: .version(2)).stranded == imported.stranded)

        let moved = try await office.sablier.reclassifyDocuments(manager, query: "rule=1101; copy=secondaire", to: "1101", copy: "principal",
                                                                 reason: "exemplaire secondaire retiré (version 2)")
        #expect(moved.documents.map(\.reference) == ["SG-PV-CA-2019-COPIE"])
        let stored = try #require(try await office.store.document("SG-PV-CA-2019-COPIE"))
        #expect(stored.document.copy == .principal && stored.retention.waiting == nil)
        #expect(try await office.sablier.importCalendar(manager, file: file.path, dryRun: true).stranded.isEmpty)
    }

    @Test("a reader sees only the stranded documents of their reach")
    func strandedVisibility() async throws {
        let office = try await TestOffice(.register)
        let file = try version2(in: office)
        let chief = try await office.session("rh.chef")
        let impact = try await office.sablier.calendarImpact(chief, from: 1, to: .file(file.path))
        #expect(impact.stranded.isEmpty)
        let secretariat = try await office.sablier.calendarImpact(try await office.session("sg.chef"), from: 1, to: .file(file.path))
        #expect(secretariat.stranded.map(\.references) == [["SG-CORR-2021"]])
    }
}
