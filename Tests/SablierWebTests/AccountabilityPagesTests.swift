import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SablierApplication
import SablierCore
import SablierSQLite
@testable import SablierWeb
import Testing

/// The audit log, users, incidents and holds pages, as the roles that use them and as roles
/// the use cases refuse.
@Suite struct AccountabilityPagesTests {
    // MARK: Audit

    @Test func theAuditorFiltersTheLogByUserTargetAndDates() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "verif")
            let all = try await browser.get("/journal")
            #expect(all.status == .ok)
            #expect(all.main.contains("<h1>Journal d&#39;audit</h1>") || all.main.contains("<h1>Journal d'audit</h1>"))
            #expect(all.main.contains("<td>Document enregistré <code class=\"audit-code\" title=\"Code\">document.register</code></td>"),
                    "the action in words, its code kept for the auditor")
            #expect(all.main.contains("<td>utilisateur admin <code class=\"audit-code\" title=\"Code\">user admin</code></td>"))
            #expect(!all.main.contains("<td>store.init"), "no bare code on a French page")
            #expect(all.main.contains("sessions fermées : 0") && !all.main.contains("sessionsClosed"), "a detail key in words")
            let first = try await browser.get("/journal?taille=10").main
            #expect(first.contains("Entrées 1–10 sur"))
            #expect(first.contains("href=\"/journal?taille=10&amp;page=2\""))
            let second = try await browser.get("/journal?taille=10&page=2").main
            #expect(second.contains("Entrées 11–20 sur"))
            #expect(second.contains("Page précédente"))
            let byUser = try await browser.get("/journal?utilisateur=gestion.doc&cible=document%20SG-CORR-2021").main
            #expect(byUser.contains("document SG-CORR-2021"))
            #expect(byUser.contains("règle : 1201"), "details read as key : value, the key in words")
            #expect(!byUser.contains("document RF-PAIE-2018"))
            #expect(!byUser.contains(">admin<"))
            // The fixed day is 2026-11-29: nothing after it, everything up to it.
            #expect(try await browser.get("/journal?du=2026-11-30").main.contains("Aucune entrée ne correspond"))
            #expect(try await browser.get("/journal?au=2026-11-28").main.contains("Aucune entrée ne correspond"))
            #expect(try await browser.get("/journal?du=2026-11-29&au=2026-11-29").main.contains("document.register"))
            let bad = try await browser.get("/journal?du=hier")
            #expect(bad.status == .unprocessableContent)
            #expect(bad.main.contains("id=\"du-error\""))
        }
    }

    @Test func theChainIsVerifiedAndTheLogExportedForExcel() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "verif")
            let verified = try await browser.get("/journal?verifier=1")
            #expect(verified.main.contains("La chaîne est intacte"))
            let csv = try await browser.get("/journal.csv?utilisateur=gestion.doc")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let bytes = Array(csv.body.readableBytesView)
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "a BOM for Excel")
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            #expect(text.hasPrefix("N°;Moment (ISO 8601, décalage UTC);Utilisateur;Action;Cible;Détails\r\n"))
            let lines = text.split(separator: "\r\n")
            #expect(lines.count > 2)
            #expect(lines.dropFirst().allSatisfy { $0.split(separator: ";")[2] == "gestion.doc" })
            // A JSON cell holds quotes: quoted, its quotes doubled.
            #expect(text.contains(";\"{\"\""))
        }
    }

    @Test func everyActionTheStoreWritesHasItsWordsInBothLanguages() throws {
        // The codes written by `Self.audit(db, …action: "…"` in the store and by `appendAudit(… action: "…"` elsewhere.
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        var codes: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where file.pathExtension == "swift" {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            where line.contains("audit(db") || line.contains("appendAudit(user") {
                for match in line.matches(of: try Regex(#""([a-z]+(?:\.[a-z-]+)+|refused)""#)) {
                    codes.insert(String(match.output[1].substring ?? ""))
                }
            }
        }
        #expect(codes.count >= 30 && codes.contains("store.init") && codes.contains("user.password-reset") && codes.contains("refused"))
        for code in codes.sorted() {
            let label = Labels.all["audit_action_" + WebPages.auditLabelKey(code)]
            #expect(label != nil, "no words for the audit action \(code)")
            if let label { #expect(label.text(.fr) != code && label.text(.en) != code) }
        }
    }

    @Test func theTimesShownAreInTheZoneTheDaysAreCutIn() async throws {
        let office = try await WebOffice()
        // An entry at 23:30 where the server runs, the evening before the office's day.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let late = try #require(calendar.date(from: DateComponents(year: 2026, month: 11, day: 28, hour: 23, minute: 30)))
        _ = try await office.store.appendAudit(user: "admin", action: "store.init", target: "test soir", details: [:], at: late)
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "verif")
            let page = try await browser.get("/journal?du=2026-11-28&au=2026-11-28&cible=" + WebPages.queryEscaped("test soir")).main
            #expect(page.contains("<td class=\"nowrap\">2026-11-28 23:30</td>"), "shown under the day it was filtered by")
            #expect(page.contains("<th scope=\"col\">Moment (heure locale)</th>"))
            #expect(page.contains("fuseau <strong>\(TimeZone.current.identifier)</strong>; les jours « Du » et « Au » vont de minuit à minuit"))
            #expect(try await browser.get("/journal?du=2026-11-29&cible=" + WebPages.queryEscaped("test soir")).main.contains("Aucune entrée"))
            let csv = try await browser.get("/journal.csv?cible=" + WebPages.queryEscaped("test soir"))
            let text = String(decoding: Array(csv.body.readableBytesView).dropFirst(3), as: UTF8.self)
            #expect(text.contains(";" + WebPages.auditInstant(late, in: .current) + ";admin;store.init;test soir;"))
        }
    }

    @Test func theLogIsNotOpenToARecordsManager() async throws {
        let office = try await WebOffice(register: false)
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "gestion.doc")
            #expect(try await browser.get("/journal").status == .forbidden)
            #expect(try await browser.get("/journal.csv").status == .forbidden)
            #expect(try await browser.get("/journal?verifier=1").status == .forbidden)
        }
    }

    // MARK: Users

    @Test func theRSIAddsAUserResetsTheirPasswordAndDisablesThem() async throws {
        let office = try await WebOffice(register: false)
        try await office.test { client in
            let admin = try await Browser.signedIn(client, as: "admin")
            let list = try await admin.get("/utilisateurs")
            #expect(list.status == .ok)
            #expect(list.main.contains("href=\"/utilisateurs/rh.agent\""))
            #expect(list.main.contains("Ressources humaines"))
            let added = try await admin.post("/utilisateurs", ["name": "nouvelle", "unit": "Services éducatifs", "role-utilisateur": "1"],
                                             csrfFrom: "/utilisateurs")
            #expect(added.location == "/utilisateurs/nouvelle?fait=users_added")
            let card = try await admin.get("/utilisateurs/nouvelle").main
            #expect(card.contains("Services éducatifs") && card.contains("Utilisateur"))
            // A second one with the same name: said next to the name.
            let twice = try await admin.post("/utilisateurs", ["name": "nouvelle", "unit": "X", "role-csgi": "1"], csrfFrom: "/utilisateurs")
            #expect(twice.status == .conflict)
            #expect(twice.main.contains("id=\"name-error\""))
            let none = try await admin.post("/utilisateurs", ["name": "sansrole", "unit": "X"], csrfFrom: "/utilisateurs")
            #expect(none.main.contains("id=\"roles-error\""))
            // Reset: a temporary password, to be changed at the next sign-in.
            let weak = try await admin.post("/utilisateurs/nouvelle/mot-de-passe", ["password": "court"], csrfFrom: "/utilisateurs/nouvelle")
            #expect(weak.status == .unprocessableContent)
            #expect(weak.main.contains("id=\"password-error\""))
            let reset = try await admin.post("/utilisateurs/nouvelle/mot-de-passe", ["password": "Provisoire pour la recrue 2026"],
                                             csrfFrom: "/utilisateurs/nouvelle")
            #expect(reset.location == "/utilisateurs/nouvelle?fait=users_password_set", "\(reset.status) \(reset.main)")
            #expect(try await admin.get("/utilisateurs/nouvelle?fait=users_password_set").main.contains("devra le changer à sa prochaine connexion"))
            let signIn = try await Browser(client).post("/connexion", ["name": "nouvelle", "password": "Provisoire pour la recrue 2026"], csrf: false)
            #expect(signIn.location == "/compte/mot-de-passe")
            // Grant a role, then disable.
            let granted = try await admin.post("/utilisateurs/nouvelle/roles", ["role": "csgi", "action": "grant"], csrfFrom: "/utilisateurs/nouvelle")
            #expect(granted.status == .seeOther)
            #expect(try await office.sablier.users(try await office.sablier.localSession("admin")).first { $0.name == "nouvelle" }?.roles
                    == ["utilisateur", "csgi"])
            let disabled = try await admin.post("/utilisateurs/nouvelle/acces", ["active": "non"], csrfFrom: "/utilisateurs/nouvelle")
            #expect(disabled.location == "/utilisateurs/nouvelle?fait=users_state_changed")
            #expect(try await admin.get("/utilisateurs").main.contains("Désactivé"))
        }
    }

    @Test func theLastRSIStaysAndTheRefusalIsSaidNextToTheButton() async throws {
        let office = try await WebOffice(register: false)
        try await office.test { client in
            let admin = try await Browser.signedIn(client, as: "admin")
            let refused = try await admin.post("/utilisateurs/admin/acces", ["active": "non"], csrfFrom: "/utilisateurs/admin")
            #expect(refused.status == .conflict)
            #expect(refused.main.contains("id=\"active-error\""))
            #expect(MessageCatalogue.message(Refusal(.lastRSI, ["user": "admin"]), in: .fr).contains("dernier RSI actif"))
            #expect(refused.main.contains("dernier RSI actif"))
            let revoke = try await admin.post("/utilisateurs/admin/roles", ["role": "rsi", "action": "revoke"], csrfFrom: "/utilisateurs/admin")
            #expect(revoke.main.contains("id=\"role-error\""))
            #expect(try await admin.get("/utilisateurs/personne").status == .notFound)
        }
    }

    @Test func usersAreTheRSIsAndReadableByTheAuditorOnly() async throws {
        let office = try await WebOffice(register: false)
        try await office.test { client in
            let agent = try await Browser.signedIn(client, as: "rh.agent")
            let page = try await agent.get("/utilisateurs")
            #expect(page.status == .forbidden)
            #expect(!page.main.contains("rh.chef"))
            let post = try await agent.post("/utilisateurs", ["name": "pirate", "unit": "X", "role-rsi": "1"])
            #expect(post.status == .forbidden)
            #expect(try await agent.post("/utilisateurs/admin/acces", ["active": "non"]).status == .forbidden)
            let auditor = try await Browser.signedIn(client, as: "verif")
            let read = try await auditor.get("/utilisateurs")
            #expect(read.status == .ok)
            #expect(!read.main.contains("Ajouter un utilisateur"))
        }
    }

    // MARK: Incidents

    @Test func anyoneReportsTheCSGIFollowsUp() async throws {
        let office = try await WebOffice(register: false)
        try await office.test { client in
            let agent = try await Browser.signedIn(client, as: "sg.agent")
            let form = try await agent.get("/incidents")
            #expect(form.status == .ok)
            #expect(form.main.contains("Signaler un incident"))
            let empty = try await agent.post("/incidents", ["kind": "confidentialite", "description": " "], csrfFrom: "/incidents")
            #expect(empty.status == .unprocessableContent)
            #expect(empty.main.contains("id=\"description-error\""))
            let reported = try await agent.post("/incidents", ["kind": "confidentialite", "description": "Courriel envoyé au mauvais parent",
                                                               "documents": "SG-CORR-2021"], csrfFrom: "/incidents")
            #expect(reported.location == "/incidents?fait=inc_reported")
            #expect(!(try await agent.get("/incidents").main.contains("Courriel envoyé au mauvais parent")), "the register is the CSGI's")
            #expect(try await agent.get("/incidents/1").status == .forbidden)

            let csgi = try await Browser.signedIn(client, as: "csgi")
            let list = try await csgi.get("/incidents").main
            #expect(list.contains("Courriel envoyé au mauvais parent"))
            #expect(list.contains("href=\"/incidents/1\""))
            #expect(list.contains("Ouvert"))
            let noNote = try await csgi.post("/incidents/1", ["status": "en-traitement", "note": ""], csrfFrom: "/incidents/1")
            #expect(noNote.main.contains("id=\"note-error\""))
            let updated = try await csgi.post("/incidents/1", ["status": "ferme", "note": "Parent joint, courriel détruit"], csrfFrom: "/incidents/1")
            #expect(updated.location == "/incidents/1?fait=inc_updated")
            let card = try await csgi.get("/incidents/1").main
            #expect(card.contains("Parent joint, courriel détruit") && card.contains("Fermé"))
            #expect(!card.contains("Mettre à jour"), "a closed incident stays closed")
            let again = try await csgi.post("/incidents/1", ["status": "ouvert", "note": "rouvrir"], csrfFrom: "/incidents")
            #expect(again.status == .conflict)
            #expect(try await csgi.get("/incidents/99").status == .notFound)
        }
    }

    // MARK: Holds

    @Test func theRecordsManagerPlacesAndReleasesAHold() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "gestion.doc")
            #expect(try await browser.get("/gels").main.contains("Aucun gel."))
            let noReason = try await browser.post("/gels", ["kind": "document", "value": "SG-CORR-2021", "reason": ""], csrfFrom: "/gels")
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.main.contains("id=\"reason-error\""))
            let unknown = try await browser.post("/gels", ["kind": "document", "value": "PAS-LA", "reason": "litige"], csrfFrom: "/gels")
            #expect(unknown.status == .notFound)
            #expect(unknown.main.contains("id=\"value-error\""))
            let placed = try await browser.post("/gels", ["kind": "rule", "value": "2101", "reason": "Litige 2026-014"], csrfFrom: "/gels")
            #expect(placed.location == "/gels?fait=holds_placed")
            let list = try await browser.get("/gels").main
            #expect(list.contains("Litige 2026-014") && list.contains("2101") && list.contains("En vigueur"))
            let hold = try #require(try await office.sablier.holds(try await office.sablier.localSession("gestion.doc")).holds.first)
            let released = try await browser.post("/gels/levee", ["hold": String(hold.id), "releaseReason": "Règlement hors cour"], csrfFrom: "/gels")
            #expect(released.location == "/gels?fait=holds_released_done")
            #expect(try await browser.get("/gels").main.contains("Aucun gel."))
            let all = try await browser.get("/gels?tous=1").main
            #expect(all.contains("Levé"))
        }
    }

    @Test func aDetenteurReadsTheirUnitsHoldsAndCannotPlaceOne() async throws {
        let office = try await WebOffice()
        _ = try await office.sablier.placeHold(try await office.sablier.localSession("gestion.doc"), on: .rule("2101"), reason: "Litige RH")
        _ = try await office.sablier.placeHold(try await office.sablier.localSession("gestion.doc"), on: .document("SG-CORR-2021"),
                                               reason: "Demande d'accès SG")
        try await office.test { client in
            let rh = try await Browser.signedIn(client, as: "rh")
            let page = try await rh.get("/gels")
            #expect(page.status == .ok)
            #expect(page.main.contains("Litige RH"))
            #expect(!page.main.contains("Demande d"))
            #expect(!page.main.contains("Placer un gel"))
            #expect(try await rh.post("/gels", ["kind": "rule", "value": "2101", "reason": "x"], csrfFrom: "/gels").status == .forbidden)
        }
    }

    @Test func theAuditLogInEnglish() async throws {
        let office = try await WebOffice(register: false)
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "verif", language: "en")
            let page = try await browser.get("/journal?verifier=1")
            #expect(page.text.contains("<html lang=\"en\">"))
            #expect(page.main.contains("<h1>Audit log</h1>"))
            #expect(page.main.contains("The chain is intact"))
            #expect(!page.main.contains("Vérifier"))
            #expect(page.main.contains("<td>Database initialised <code class=\"audit-code\" title=\"Code\">store.init</code></td>"))
            #expect(page.main.contains("Times are the server&#39;s local time") || page.main.contains("Times are the server's local time"))
            let users = try await browser.get("/utilisateurs").main
            #expect(users.contains("Records manager"))
        }
    }
}
