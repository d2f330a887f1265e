import Foundation
import HTTPTypes
import HummingbirdTesting
import SablierApplication
import SablierCore
import SablierSQLite
import SablierStore
import SablierTestSupport
@testable import SablierWeb
import Testing

extension WebOffice {
    /// The AIPRP officer's review of `references`, which releases them for a destruction: on the
    /// test day every destruction due is flagged by its rule and waits for it.
    func reviewed(_ references: [String]) async throws {
        for reference in references {
            try await store.recordPrivacyReview(reference, decision: .dismiss, measure: nil, note: "Examiné", by: "aiprp", at: Self.now)
        }
    }
}

extension Browser {
    /// Follows a job's page until it is no longer running; its last page.
    func finished(job location: String) async throws -> TestResponse {
        for _ in 0..<100 {
            let page = try await get(location)
            if !page.main.contains("aria-live=\"polite\"") { return page }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the job at \(location) did not finish")
        return try await get(location)
    }
}

/// The disposition pages: propose, decide sorts, approve, execute, cancel, and the certificate
/// and transfer slip, each as the roles who use them, on the example register of 2026-11-29.
@Suite struct DispositionPagesTests {
    static func message(_ code: Refusal.Code, _ values: [String: String], _ language: Language = .fr) -> String {
        // The page escapes what it writes; the messages compared here hold no character it changes
        // but the apostrophe.
        MessageCatalogue.message(Refusal(code, values), in: language).replacingOccurrences(of: "'", with: "&#39;")
    }

    @Test func proposedByTheRecordsManagerApprovedByTheUnitsHolderExecutedAndCertified() async throws {
        let office = try await WebOffice()
        // SG-CORR-2021 (Secrétariat général) is released by its review; the pupil files and the
        // payroll still wait for theirs, and are left out.
        try await office.reviewed(["SG-CORR-2021"])
        try await office.test { client in
            let manager = try await Browser.signedIn(client, as: "gestion.doc")
            let empty = try await manager.get("/listes")
            #expect(empty.status == .ok)
            #expect(empty.main.contains("<h1>Listes de disposition</h1>"))
            #expect(empty.main.contains("Proposer une liste"))
            #expect(empty.main.contains("value=\"2026-11-29\""), "the as-of date is the application's today")
            #expect(empty.main.contains("Aucune liste de disposition pour l&#39;instant."))

            let proposed = try await manager.post("/listes", ["action": "destroy", "asOf": "2026-11-29"], csrfFrom: "/listes")
            #expect(proposed.status == .created)
            #expect(proposed.main.contains("Liste de disposition n° 1"))
            #expect(proposed.main.contains("<td class=\"nowrap\">SG-CORR-2021</td>"))
            #expect(proposed.main.contains("Documents laissés de côté"))
            #expect(proposed.main.contains("<td class=\"nowrap\">RF-PAIE-2018</td>"))
            #expect(proposed.main.contains("En attente de la révision du responsable AIPRP"))
            #expect(proposed.main.contains("href=\"/listes/1\""))
            let lists = try await manager.get("/listes")
            #expect(lists.main.contains("<a href=\"/listes/1\">Liste de disposition n° 1</a>"))
            #expect(lists.main.contains("<span class=\"badge warn\">Proposée</span>"))

            // The proposer may not approve: the application's sentence, next to the button.
            let selfApproval = try await manager.post("/listes/1/approuver", [:], csrfFrom: "/listes/1")
            #expect(selfApproval.status == .forbidden)
            let sentence = Self.message(.selfApproval, ["list": "1", "proposer": "gestion.doc"])
            #expect(selfApproval.main.contains("<p class=\"field-error disp-message\" id=\"approve-error\">\(sentence)</p>"))
            #expect(selfApproval.main.contains("aria-describedby=\"approve-help approve-error\""))
            #expect(try await office.store.dispositionList(1)?.state == .proposed)

            // A holder of another unit sees none of the list's lines and may not approve it.
            let otherHolder = try await Browser.signedIn(client, as: "rh.chef")
            let hidden = try await otherHolder.get("/listes/1")
            #expect(hidden.status == .ok)
            #expect(!hidden.main.contains("SG-CORR-2021"))
            #expect(!hidden.main.contains("Correspondance générale"))
            #expect(hidden.main.contains("Vous voyez les documents de votre unité seulement ; non montrés : 1 document."))
            let outside = try await otherHolder.post("/listes/1/approuver", [:], csrfFrom: "/listes/1")
            #expect(outside.status == .forbidden)
            #expect(outside.main.contains(Self.message(.listOutsideUnit, ["list": "1"])))
            #expect(!outside.main.contains("SG-CORR-2021"))

            // The Secrétariat général's holder sees the line and approves; no execution for them.
            let holder = try await Browser.signedIn(client, as: "sg.chef")
            let own = try await holder.get("/listes/1")
            #expect(own.main.contains("<td class=\"nowrap\">SG-CORR-2021</td>"))
            #expect(own.main.contains("data-confirm=\"Approuver cette liste"))
            let approved = try await holder.post("/listes/1/approuver", [:], csrfFrom: "/listes/1")
            #expect(approved.status == .seeOther)
            #expect(approved.location == "/listes/1?fait=disp_approved")
            let after = try await holder.get("/listes/1?fait=disp_approved")
            #expect(after.main.contains("La liste a été approuvée."))
            #expect(after.main.contains("<span class=\"badge warn\">Approuvée</span>"))
            #expect(!after.main.contains("action=\"/listes/1/executer\""))
            #expect(!after.main.contains("action=\"/listes/1/approuver\""))

            // Another records manager executes it, as a job with its page, then the result.
            let archivist = try await Browser.signedIn(client, as: "archiviste")
            let ready = try await archivist.get("/listes/1")
            #expect(ready.main.contains("action=\"/listes/1/executer\""))
            #expect(ready.main.contains("data-confirm=\"Exécuter cette liste ? Les fichiers"))
            let sha256 = try #require(try await office.store.dispositionItems(of: 1).first?.fileSHA256)
            let started = try await archivist.post("/listes/1/executer", ["method": "déchiquetage", "vendorCertificate": ""],
                                                   csrfFrom: "/listes/1")
            #expect(started.status == .seeOther)
            let job = try #require(started.location)
            #expect(job.hasPrefix("/travaux/"))
            let done = try await archivist.finished(job: job)
            #expect(done.main.contains("La liste a été exécutée ; son certificat est prêt."))
            #expect(done.main.contains("href=\"/listes/1\""))
            #expect(try await office.store.dispositionList(1)?.state == .executed)
            #expect(!FileManager.default.fileExists(atPath: office.directory.file("examples/fichiers/correspondance-2021.txt").path))
            #expect(try await manager.get(job).status == .notFound, "a job is its owner's only")

            let executed = try await archivist.get("/listes/1")
            #expect(executed.main.contains("<span class=\"badge ok\">Exécutée</span>"))
            #expect(executed.main.contains("href=\"/listes/1/certificat\""))
            #expect(!executed.main.contains("action=\"/listes/1/annuler\""))

            let certificate = try await archivist.get("/listes/1/certificat")
            #expect(certificate.status == .ok)
            #expect(certificate.main.contains("<h1>Certificat de destruction — liste de disposition n° 1</h1>"))
            #expect(certificate.main.contains("Centre de services scolaire de l&#39;Exemple"))
            #expect(certificate.main.contains("<td class=\"nowrap\">SG-CORR-2021</td>"))
            #expect(certificate.main.contains("<code class=\"disp-hash\">\(sha256)</code>"))
            #expect(certificate.main.contains("gestion.doc — 2026-11-29"))
            #expect(certificate.main.contains("sg.chef — 2026-11-29"))
            #expect(certificate.main.contains("archiviste — commencée le 2026-11-29"))
            #expect(certificate.main.components(separatedBy: "<div class=\"signature\">").count == 4)
            for role in ["Responsable de la gestion documentaire", "Détenteur (unité détentrice)", "Témoin"] {
                #expect(certificate.main.contains("<strong>\(role)</strong>"))
            }
            #expect(certificate.main.contains("Entrées du journal d&#39;audit"))
            #expect(certificate.text.contains("href=\"/static/print.css\" media=\"print\""))

            // The other unit's holder reads an extract without the document.
            let extract = try await otherHolder.get("/listes/1/certificat")
            #expect(extract.status == .ok)
            #expect(!extract.main.contains("SG-CORR-2021"))
            #expect(extract.main.contains("Extrait limité à votre unité"))
        }
    }

    @Test func aSortIsDecidedWithItsReasonBeforeApproval() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let archivist = try await Browser.signedIn(client, as: "archiviste")
            let proposed = try await archivist.post("/listes", ["action": "sort", "asOf": ""], csrfFrom: "/listes")
            #expect(proposed.status == .created)
            #expect(proposed.main.contains("<td class=\"nowrap\">RF-BUD-2014</td>"))
            let page = try await archivist.get("/listes/1")
            #expect(page.main.contains("Décisions de tri"))
            #expect(page.main.contains("<legend>RF-BUD-2014 — Budget 2013-2014</legend>"))
            #expect(page.main.contains("<label for=\"keep-RF-BUD-2014\">Conserver</label>"))

            let manager = try await Browser.signedIn(client, as: "gestion.doc")
            let undecided = try await manager.post("/listes/1/approuver", [:], csrfFrom: "/listes/1")
            #expect(undecided.status == .conflict)
            #expect(undecided.main.contains(Self.message(.undecidedSort, ["list": "1", "references": "RF-BUD-2014"])))
            let auditor = try await Browser.signedIn(client, as: "verif").get("/listes/1")
            #expect(auditor.main.contains("<td class=\"nowrap\">RF-BUD-2014</td>"))
            #expect(!auditor.main.contains("Décisions de tri"), "only who manages lists is offered to decide a sort")

            let noReason = try await archivist.post("/listes/1/tri", ["reference": "RF-BUD-2014", "decision": "keep", "reason": " "],
                                                    csrfFrom: "/listes/1")
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.main.contains("id=\"reason-RF-BUD-2014-error\">\(Self.message(.emptyText, ["field": "reason"]))</p>"))
            #expect(noReason.main.contains("href=\"#reason-RF-BUD-2014\""))
            let noDecision = try await archivist.post("/listes/1/tri", ["reference": "RF-BUD-2014", "reason": "Valeur historique"],
                                                      csrfFrom: "/listes/1")
            #expect(noDecision.status == .unprocessableContent)
            #expect(noDecision.main.contains("Décision : «  » n&#39;est pas une valeur admise (Conserver, Détruire)"))

            let decided = try await archivist.post("/listes/1/tri", ["reference": "RF-BUD-2014", "decision": "keep",
                                                                     "reason": "Budget adopté : valeur historique"], csrfFrom: "/listes/1")
            #expect(decided.status == .seeOther)
            #expect(decided.location == "/listes/1?fait=disp_decided")
            let shown = try await archivist.get("/listes/1")
            #expect(shown.main.contains("Tri — Conserver"))
            #expect(shown.main.contains("Décision actuelle : Conserver (archiviste) — Budget adopté : valeur historique"))
            #expect(shown.main.contains("value=\"keep\" required checked"))
            #expect(try await manager.post("/listes/1/approuver", [:], csrfFrom: "/listes/1").status == .seeOther)
            let late = try await archivist.post("/listes/1/tri", ["reference": "RF-BUD-2014", "decision": "destroy", "reason": "Non"],
                                                csrfFrom: "/listes/1")
            #expect(late.status == .conflict)
            #expect(late.main.contains("les décisions de tri se prennent pendant que la liste est proposée"))
        }
    }

    @Test func aDepositIsExecutedWithoutMethodAndGoesOnItsTransferSlip() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let archivist = try await Browser.signedIn(client, as: "archiviste")
            #expect(try await archivist.post("/listes", ["action": "deposit", "asOf": "2026-11-29"], csrfFrom: "/listes").status == .created)
            let early = try await archivist.get("/listes/1/bordereau")
            #expect(early.status == .conflict)
            #expect(early.main.contains(Self.message(.notExecuted, ["list": "1", "state": "proposed"])))
            #expect(try await Browser.signedIn(client, as: "gestion.doc").post("/listes/1/approuver", [:], csrfFrom: "/listes/1").status
                == .seeOther)
            let started = try await archivist.post("/listes/1/executer", [:], csrfFrom: "/listes/1")
            let done = try await archivist.finished(job: try #require(started.location))
            #expect(done.main.contains("La liste a été exécutée"))

            let list = try await archivist.get("/listes/1")
            #expect(list.main.contains("href=\"/listes/1/bordereau\""))
            #expect(!list.main.contains("href=\"/listes/1/certificat\""), "a deposit destroys nothing")
            let slip = try await archivist.get("/listes/1/bordereau")
            #expect(slip.status == .ok)
            #expect(slip.main.contains("<h1>Bordereau de versement et de transfert — liste de disposition n° 1</h1>"))
            #expect(slip.main.contains("<h2>Versement aux archives</h2>"))
            #expect(slip.main.contains("<td class=\"nowrap\">SG-PV-CA-2019</td>"))
            #expect(slip.main.contains("<td class=\"nowrap\">SG-POL-2015</td>"))
            #expect(slip.main.contains("2019-07-01 – 2020-06-15"))
            #expect(slip.main.contains("fichiers/politique-securite-2015.txt"))
            #expect(!slip.main.contains("Transfert au semi-actif</h2>"))
            #expect(slip.main.components(separatedBy: "<div class=\"signature\">").count == 4)
            #expect(slip.main.contains("<strong>Reçu par (archives ou local semi-actif)</strong>"))
            // A list of deposits has no destruction certificate: the use case refuses it.
            let certificate = try await archivist.get("/listes/1/certificat")
            #expect(certificate.status == .conflict)
            #expect(certificate.main.contains(Self.message(.noCertificate, ["list": "1"])))
        }
    }

    @Test func aListOfEveryActionPutsEachDocumentOnTheOnePaperItBelongsOn() async throws {
        let office = try await WebOffice()
        try await office.reviewed(["SG-CORR-2021", "ELV-2010-0001", "ELV-2010-0001-NUM"])
        try await office.test { client in
            let archivist = try await Browser.signedIn(client, as: "archiviste")
            #expect(try await archivist.post("/listes", ["action": "", "asOf": "2026-11-29"], csrfFrom: "/listes").status == .created)
            #expect(try await archivist.post("/listes/1/tri", ["reference": "RF-BUD-2014", "decision": "keep", "reason": "Valeur historique"],
                                             csrfFrom: "/listes/1").status == .seeOther)
            let approver = try await Browser.signedIn(client, as: "gestion.doc")
            let proposed = try await approver.get("/listes/1")
            #expect(proposed.main.contains("action=\"/listes/1/approuver\""))
            #expect(proposed.main.contains("action=\"/listes/1/annuler\""))
            #expect(!proposed.main.contains("action=\"/listes/1/executer\""), "a proposed list is not executed yet")
            #expect(!proposed.main.contains("href=\"/listes/1/certificat\""))
            #expect(!proposed.main.contains("href=\"/listes/1/bordereau\""))
            #expect(try await approver.post("/listes/1/approuver", [:], csrfFrom: "/listes/1").status == .seeOther)
            let approved = try await archivist.get("/listes/1")
            #expect(approved.main.contains("action=\"/listes/1/executer\""))
            #expect(!approved.main.contains("Décisions de tri"), "decisions are taken before approval")
            let started = try await archivist.post("/listes/1/executer", ["method": "déchiquetage"], csrfFrom: "/listes/1")
            #expect(try await archivist.finished(job: try #require(started.location)).main.contains("La liste a été exécutée"))

            let executed = try await archivist.get("/listes/1")
            #expect(executed.main.contains("href=\"/listes/1/certificat\""))
            #expect(executed.main.contains("href=\"/listes/1/bordereau\""))
            #expect(!executed.main.contains("action=\"/listes/1/"), "an executed list offers no step")

            let certificate = try await archivist.get("/listes/1/certificat")
            #expect(certificate.status == .ok)
            for destroyed in ["SG-CORR-2021", "ELV-2010-0001", "ELV-2010-0001-NUM"] {
                #expect(certificate.main.contains("<td class=\"nowrap\">\(destroyed)</td>"))
            }
            for other in ["RF-BUD-2014", "SG-POL-2015", "SG-PV-CA-2019", "RH-EMP-0042", "RF-EF-2023"] {
                #expect(!certificate.main.contains(other), "\(other) was not destroyed")
            }
            let slip = try await archivist.get("/listes/1/bordereau")
            #expect(slip.status == .ok)
            let (handedOver, transferred) = try #require(slip.main.split(separator: "<h2>Transfert au semi-actif</h2>").twoParts)
            for deposited in ["RF-BUD-2014", "SG-POL-2015", "SG-PV-CA-2019"] {
                #expect(handedOver.contains("<td class=\"nowrap\">\(deposited)</td>"))
            }
            #expect(handedOver.contains("Valeur historique"), "the kept sort's reason is on the slip")
            for moved in ["RH-EMP-0042", "RF-EF-2023"] {
                #expect(transferred.contains("<td class=\"nowrap\">\(moved)</td>"))
            }
            for destroyed in ["SG-CORR-2021", "ELV-2010-0001"] {
                #expect(!slip.main.contains(destroyed), "\(destroyed) was destroyed, not handed over")
            }
        }
    }

    @Test func aListOfDestructionsHasNoSlip() async throws {
        let office = try await WebOffice()
        try await office.reviewed(["SG-CORR-2021"])
        try await office.test { client in
            let manager = try await Browser.signedIn(client, as: "gestion.doc", language: "en")
            #expect(try await manager.post("/listes", ["action": "destroy", "asOf": "2026-11-29"], csrfFrom: "/listes").status == .created)
            let archivist = try await Browser.signedIn(client, as: "archiviste")
            #expect(try await archivist.post("/listes/1/approuver", [:], csrfFrom: "/listes/1").status == .seeOther)
            let started = try await manager.post("/listes/1/executer", [:], csrfFrom: "/listes/1")
            _ = try await manager.finished(job: try #require(started.location))
            let list = try await manager.get("/listes/1")
            #expect(list.main.contains("href=\"/listes/1/certificat\""))
            #expect(!list.main.contains("href=\"/listes/1/bordereau\""))
            let slip = try await manager.get("/listes/1/bordereau")
            #expect(slip.status == .conflict)
            #expect(slip.main.contains(Self.message(.noSlip, ["list": "1"], .en)))
        }
    }

    @Test func anExecutionTheApplicationRefusesSaysWhyOnItsJobPageAndDoesNothing() async throws {
        let office = try await WebOffice()
        try await office.reviewed(["ELV-2010-0001", "ELV-2010-0001-NUM"])
        try await office.test { client in
            let archivist = try await Browser.signedIn(client, as: "archiviste")
            #expect(try await archivist.post("/listes", ["action": "destroy", "asOf": "2026-11-29"], csrfFrom: "/listes").status == .created)
            #expect(try await Browser.signedIn(client, as: "gestion.doc").post("/listes/1/approuver", [:], csrfFrom: "/listes/1").status
                == .seeOther)
            // The paper pupil file needs a method of destruction; none is given.
            let started = try await archivist.post("/listes/1/executer", ["method": " "], csrfFrom: "/listes/1")
            let refused = try await archivist.finished(job: try #require(started.location))
            #expect(refused.main.contains("<h2>Refusé</h2>"))
            #expect(refused.main.contains(Self.message(.noFileToDelete, ["list": "1", "references": "ELV-2010-0001"])))
            #expect(try await office.store.dispositionList(1)?.state == .approved)
            let list = try await archivist.get("/listes/1")
            #expect(list.main.contains("<span class=\"badge warn\">Approuvée</span>"))
            #expect(list.main.contains("<td class=\"nowrap\">ELV-2010-0001</td>"), "the records manager reads the confidential file's line")
        }
    }

    @Test func aListIsCancelledWithItsReasonAndGoesNoFurther() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let manager = try await Browser.signedIn(client, as: "gestion.doc")
            #expect(try await manager.post("/listes", ["action": "deposit", "asOf": "2026-11-29"], csrfFrom: "/listes").status == .created)
            let page = try await manager.get("/listes/1")
            #expect(page.main.contains("data-confirm=\"Annuler cette liste"))
            let noReason = try await manager.post("/listes/1/annuler", ["reason": ""], csrfFrom: "/listes/1")
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.main.contains("<textarea id=\"reason\" name=\"reason\" required aria-invalid=\"true\" aria-describedby=\"reason-error\">"))
            #expect(noReason.main.contains("id=\"reason-error\">\(Self.message(.emptyText, ["field": "reason"]))</p>"))
            let cancelled = try await manager.post("/listes/1/annuler", ["reason": "Mauvaise date"], csrfFrom: "/listes/1")
            #expect(cancelled.status == .seeOther)
            #expect(cancelled.location == "/listes/1?fait=disp_cancelled")
            let shown = try await manager.get("/listes/1")
            #expect(shown.main.contains("<span class=\"badge \">Annulée</span>"))
            #expect(shown.main.contains(": Mauvaise date"))
            #expect(!shown.main.contains("action=\"/listes/1/annuler\""))
            #expect(!shown.main.contains("action=\"/listes/1/approuver\""))
            // Its documents may be proposed again.
            let again = try await manager.post("/listes", ["action": "deposit", "asOf": "2026-11-29"], csrfFrom: "/listes")
            #expect(again.status == .created)
            #expect(again.main.contains("Liste de disposition n° 2"))
        }
    }

    @Test func whatEachRoleIsRefused() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            // A user of a unit reads no list at all.
            let agent = try await Browser.signedIn(client, as: "rh.agent")
            let refused = try await agent.get("/listes")
            #expect(refused.status == .forbidden)
            #expect(refused.main.contains("n&#39;a pas la permission disposition.read"))
            #expect(!refused.text.contains("href=\"/listes\""), "nor is the section in their navigation")

            // The auditor reads the lists and is offered no proposal; one posted anyway is refused.
            let auditor = try await Browser.signedIn(client, as: "verif")
            let lists = try await auditor.get("/listes")
            #expect(lists.status == .ok)
            #expect(!lists.main.contains("Proposer une liste"))
            let propose = try await auditor.post("/listes", ["action": "deposit", "asOf": "2026-11-29"], csrfFrom: "/compte")
            #expect(propose.status == .forbidden)
            #expect(propose.main.contains("n&#39;a pas la permission disposition.manage"))
            #expect(try await office.store.dispositionLists().isEmpty)

            // Lists that do not exist, and malformed input.
            let manager = try await Browser.signedIn(client, as: "gestion.doc")
            let missing = try await manager.get("/listes/99")
            #expect(missing.status == .notFound)
            #expect(missing.main.contains(Self.message(.listNotFound, ["list": "99"])))
            #expect(try await manager.get("/listes/abc").status == .notFound)
            #expect(try await manager.get("/listes/0/certificat").status == .notFound)
            let badDate = try await manager.post("/listes", ["action": "destroy", "asOf": "29/11/2026"], csrfFrom: "/listes")
            #expect(badDate.status == .unprocessableContent)
            #expect(badDate.main.contains("id=\"asOf-error\">Échéancier du : « 29/11/2026 » n&#39;est pas une valeur admise (AAAA-MM-JJ)</p>"))
            #expect(badDate.main.contains("<option value=\"destroy\" selected>Destruction</option>"))
            // Nothing due: every destruction still waits for its review.
            let nothing = try await manager.post("/listes", ["action": "destroy", "asOf": "2026-11-29"], csrfFrom: "/listes")
            #expect(nothing.status.code == 409 || nothing.status.code == 422)
            #expect(nothing.main.contains("rien n&#39;est dû le 2026-11-29"))
            #expect(nothing.main.contains("href=\"#asOf\""))
        }
    }

    @Test func inEnglish() async throws {
        let office = try await WebOffice()
        try await office.reviewed(["SG-CORR-2021"])
        try await office.test { client in
            let manager = try await Browser.signedIn(client, as: "gestion.doc", language: "en")
            let proposed = try await manager.post("/listes", ["action": "destroy", "asOf": "2026-11-29"], csrfFrom: "/listes")
            #expect(proposed.main.contains("Disposition list no. 1"))
            #expect(proposed.main.contains("Waiting for the privacy officer&#39;s review"))
            let lists = try await manager.get("/listes")
            #expect(lists.text.contains("<html lang=\"en\">"))
            #expect(lists.main.contains("Propose a list"))
            #expect(lists.main.contains("<span class=\"badge warn\">Proposed</span>"))
            #expect(!lists.main.contains("Proposer"))
            let selfApproval = try await manager.post("/listes/1/approuver", [:], csrfFrom: "/listes/1")
            #expect(selfApproval.main.contains(Self.message(.selfApproval, ["list": "1", "proposer": "gestion.doc"], .en)))
            let list = try await manager.get("/listes/1")
            #expect(list.main.contains("Cancel the list"))
            #expect(list.main.contains("Rule (copy)"))
            #expect(!list.main.contains("Échéance"))
        }
    }
}

extension Array where Element == Substring {
    /// The two parts of a text split once; nil when it was not split in exactly two.
    var twoParts: (Substring, Substring)? {
        count == 2 ? (self[0], self[1]) : nil
    }
}
