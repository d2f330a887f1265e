import Foundation
import HTTPTypes
import HummingbirdTesting
import SablierApplication
import SablierCore
import SablierImport
import SablierSQLite
import SablierStore
import SablierTestSupport
@testable import SablierWeb
import Testing

/// The register's pages, through the router as a browser uses them, as each role: search, a
/// document's card, adding, importing a CSV, boxes.
@Suite struct RegisterPagesTests {
    /// The example register without its `path` column's values: the server reads no file a
    /// caller names, so those rows are registered at the command line, not through a page.
    static func exampleWithoutFiles() throws -> String {
        let text = try String(contentsOf: Fixtures.exampleRegister, encoding: .utf8)
        return text.replacingOccurrences(of: #",fichiers/[^,]*,"#, with: ",,", options: .regularExpression)
    }

    /// The rows of the results table.
    static func rows(_ html: String) -> [String] {
        html.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "</tbody>").first?
            .components(separatedBy: "href=\"/registre/documents/").dropFirst().map { String($0.prefix { $0 != "\"" }) } ?? []
    }

    @Test func theRecordsManagerSearchesTheWholeRegisterByQueryAndByField() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "gestion.doc")
            let all = try await browser.get("/registre")
            #expect(all.status == .ok)
            #expect(all.main.contains("<strong>12 documents</strong>"))
            #expect(Self.rows(all.main).count == 12)
            #expect(all.main.components(separatedBy: "<th scope=\"col\">").count - 1 == 7, "seven columns")
            #expect(all.main.contains("href=\"/registre/ajouter\"") && all.main.contains("href=\"/registre/importer\""))
            #expect(!all.main.contains("d&#39;autres unités"), "nothing withheld from the records manager")

            let byRule = try await browser.get("/registre?regle=2101")
            #expect(Self.rows(byRule.main) == ["RH-EMP-0042", "RH-EMP-0107"])
            #expect(byRule.main.contains("<option value=\"2101\" selected>"))
            let combined = try await browser.get("/registre?q=" + WebPages.queryEscaped("holder=Ressources humaines") + "&support=PA")
            #expect(Self.rows(combined.main) == ["RH-EMP-0042"])
            let title = try await browser.get("/registre?titre=" + WebPages.queryEscaped("paie"))
            #expect(Self.rows(title.main) == ["RF-PAIE-2018"])

            let due = try await browser.get("/registre?echeance=2026-11-29")
            let list = try await office.sablier.dueList(try await office.sablier.localSession("gestion.doc"))
            #expect(Set(Self.rows(due.main)) == Set(list.entries.map(\.reference)) && !list.entries.isEmpty)

            let bad = try await browser.get("/registre?q=" + WebPages.queryEscaped("couleur=rouge"))
            #expect(bad.status == .unprocessableContent)
            #expect(bad.main.contains("id=\"q-error\"") && bad.main.contains("href=\"#q\""))
            #expect(bad.main.contains("couleur=rouge"), "the query typed is kept in its box")
            let badDate = try await browser.get("/registre?echeance=demain")
            #expect(badDate.status == .unprocessableContent && badDate.main.contains("id=\"echeance-error\""))
        }
    }

    @Test func aReferenceWithSlashesAndHashesIsOneLinkThatOpensItsCard() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "gestion.doc")
            let reference = "SG 2026/07 #3 ?a=%41;b"
            let fields = ["reference": reference, "title": "Procès-verbal", "rule": "1101", "copy": "principal",
                          "support": "PA", "holder": "Secrétariat général", "opened": "2026-07-01", "closed": "", "box": "",
                          "location": "Centre administratif / Local 012 / Rayon 1"]
            #expect(try await browser.post("/registre/ajouter", fields, csrfFrom: "/registre/ajouter").status == .seeOther)
            let href = WebPages.registerDocumentHref(reference)
            #expect(href == "/registre/documents/SG%202026%2F07%20%233%20%3Fa=%2541%3Bb")
            let search = try await browser.get("/registre?titre=" + WebPages.queryEscaped("Procès-verbal"))
            #expect(search.main.contains("href=\"\(href)\""))
            let card = try await browser.get(href)
            #expect(card.status == .ok)
            #expect(card.main.contains("SG 2026/07 #3 ?a=%41;b"))
        }
    }

    @Test func aFieldOfTheSearchFormIsOneTermWhateverItHolds() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "gestion.doc")
            // A document whose title holds what would read as a second term if it were pasted into the query.
            let fields = ["reference": "SG-NOTE-2026", "title": "Note x; holder = Ressources humaines", "rule": "1101", "copy": "principal",
                          "support": "PA", "holder": "Secrétariat général", "opened": "2026-07-01", "closed": "", "box": "",
                          "location": "Centre administratif / Local 012 / Rayon 1"]
            let added = try await browser.post("/registre/ajouter", fields, csrfFrom: "/registre/ajouter")
            #expect(added.status == .seeOther)

            let search = try await browser.get("/registre?titre=" + WebPages.queryEscaped("x; holder = Ressources humaines"))
            #expect(search.status == .ok, "a `;` in a field is no query syntax to refuse")
            #expect(Self.rows(search.main) == ["SG-NOTE-2026"], "the title contains the whole text; no `holder` term was added")
            #expect(search.main.contains("value=\"x; holder = Ressources humaines\""), "the field keeps what was typed")
            // A unit field with a `;` is one value too: no unit is called that.
            let unit = try await browser.get("/registre?unite=" + WebPages.queryEscaped("Secrétariat général; title~Note"))
            #expect(unit.status == .ok && Self.rows(unit.main).isEmpty)
        }
    }

    @Test func aUnitsUserFindsOnlyTheirUnitAndAnotherUnitsDocumentIsAMissingOne() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let agent = try await Browser.signedIn(client, as: "rh.agent")
            let all = try await agent.get("/registre")
            #expect(Self.rows(all.main) == ["RH-EMP-0042", "RH-EMP-0107"])
            #expect(all.main.contains("10 document(s) d&#39;autres unités"))
            // A search names no count of what it left out: it would answer it about hidden documents.
            let query = try await agent.get("/registre?support=DM")
            #expect(Self.rows(query.main) == ["RH-EMP-0107"] && !query.main.contains("d&#39;autres unités"))

            let own = try await agent.get("/registre/documents/RH-EMP-0042")
            #expect(own.status == .ok)
            let other = try await agent.get("/registre/documents/SG-CORR-2021")
            let missing = try await agent.get("/registre/documents/SG-CORR-2099")
            #expect(other.status == .notFound && missing.status == .notFound)
            #expect(other.main.replacingOccurrences(of: "SG-CORR-2021", with: "X") == missing.main.replacingOccurrences(of: "SG-CORR-2099", with: "X"))
            #expect(!other.main.contains("Correspondance"))
            let event = try await agent.post("/registre/documents/SG-CORR-2021/evenements", ["kind": "modified"], csrfFrom: "/registre")
            #expect(event.status == .notFound)
            #expect(try await office.store.events(of: "SG-CORR-2021").allSatisfy { $0.event.kind != .modified })

            let csgi = try await Browser.signedIn(client, as: "csgi")
            #expect(try await csgi.get("/registre").status == .forbidden)
            #expect(try await csgi.get("/registre/documents/RH-EMP-0042").status == .forbidden)
        }
    }

    @Test func aCardShowsTheRecordItsTimelineItsDatesExplainedAndItsHolds() async throws {
        let office = try await WebOffice()
        let manager = try await office.sablier.localSession("gestion.doc")
        let hold = try await office.sablier.placeHold(manager, on: .document("RF-EF-2023"), reason: "Demande d'accès 2026-14")
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "gestion.doc")
            let card = try await browser.get("/registre/documents/RF-EF-2023")
            #expect(card.status == .ok)
            #expect(card.main.contains("<h1>RF-EF-2023 — États financiers 2022-2023</h1>"))
            #expect(card.main.contains("<dt>Unité détentrice</dt><dd>Ressources financières</dd>"))
            #expect(card.main.contains("<dt>Boîte</dt><dd><a href=\"/registre?q=box%3DB-2023-RF-01\">B-2023-RF-01</a></dd>"))
            #expect(card.main.contains("<ol class=\"timeline\">") && card.main.contains("Gel placé"))
            #expect(card.main.contains("<ol class=\"steps\" lang=\"fr\">") && card.main.contains("Calendrier en vigueur : version"))
            #expect(card.main.contains("<td class=\"num\">\(hold.id)</td><td>Document RF-EF-2023</td><td>Demande d&#39;accès 2026-14</td>"))
            #expect(card.main.contains("Gel placé</strong> <span class=\"help\">(par gestion.doc)</span><br>Demande d&#39;accès 2026-14<br>N° \(hold.id)"))
            #expect(card.main.contains("<span class=\"badge warn\">Gelé</span>"))
            // The event form offers what a person records, not what holds and disposition write.
            #expect(card.main.contains("<option value=\"event-occurred\">") && !card.main.contains("<option value=\"destroyed\">"))

            let recorded = try await browser.post("/registre/documents/RF-EF-2023/evenements",
                                                   ["kind": "modified", "on": "2026-11-20", "reason": "Mise à jour"], csrfFrom: "/registre")
            #expect(recorded.status == .seeOther && recorded.location == "/registre/documents/RF-EF-2023?fait=reg_event_recorded")
            let after = try await browser.get(recorded.location ?? "")
            #expect(after.main.contains("L&#39;événement a été consigné."))
            #expect(after.main.contains("2026-11-20</time> — Traitement (modification)"))

            let refused = try await browser.post("/registre/documents/RF-EF-2023/evenements", ["kind": "destroyed"], csrfFrom: "/registre")
            #expect(refused.status == .unprocessableContent)
            #expect(refused.main.contains("id=\"event_kind-error\"") && refused.main.contains("href=\"#event_kind\""))
            #expect(try await office.store.events(of: "RF-EF-2023").allSatisfy { $0.event.kind != .destroyed })

            let auditor = try await Browser.signedIn(client, as: "verif")
            let read = try await auditor.get("/registre/documents/RF-EF-2023")
            #expect(read.status == .ok && read.main.contains("<ol class=\"steps\"") && !read.main.contains("name=\"kind\""))
            let forbidden = try await auditor.post("/registre/documents/RF-EF-2023/evenements", ["kind": "modified"], csrfFrom: "/registre")
            #expect(forbidden.status == .forbidden)
        }
    }

    @Test func aCardSaysDueInTheGenderOfTheAction() async throws {
        let office = try await WebOffice()
        let list = try await office.sablier.dueList(try await office.sablier.localSession("gestion.doc"))
        let actions = Set(list.entries.map(\.action))
        #expect(actions.contains("destroy") && actions.contains("transfer"), "\(actions)")
        let nouns = ["transfer": "transfert au semi-actif dû", "deposit": "versement aux archives dû", "sort": "tri dû",
                     "destroy": "destruction due"]
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "gestion.doc")
            for entry in list.entries {
                let card = try await browser.get(WebPages.registerDocumentHref(entry.reference)).main
                let sentence = try #require(nouns[entry.action])
                #expect(card.contains("Au 2026-11-29 : \(sentence) depuis le \(entry.due)"), "\(entry.reference): \(sentence)")
            }
        }
    }

    @Test func addingADocumentShowsEachRefusalNextToItsField() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "gestion.doc")
            let form = try await browser.get("/registre/ajouter")
            #expect(form.status == .ok)
            #expect(form.main.contains("<option value=\"2101\">2101 — "))
            #expect(form.main.contains("<option value=\"B-2023-RF-01\">"))
            let fields = ["reference": "SG-CA-2026", "title": "", "rule": "1101", "copy": "principal", "support": "PA",
                          "holder": "Secrétariat général", "opened": "2026-07-01", "closed": "", "box": "", "location": "Centre administratif / Local 012 / Rayon 1"]
            let missing = try await browser.post("/registre/ajouter", fields, csrfFrom: "/registre/ajouter")
            #expect(missing.status == .unprocessableContent)
            #expect(missing.main.contains("id=\"title\" name=\"title\" type=\"text\" value=\"\" required aria-describedby=\"title-error\" aria-invalid=\"true\""))
            #expect(missing.main.contains("<p class=\"field-error\" id=\"title-error\">le titre est vide</p>") && missing.main.contains("href=\"#title\""))
            #expect(missing.main.contains("value=\"SG-CA-2026\""), "what was typed is kept")
            #expect(try await office.store.document("SG-CA-2026") == nil)

            var good = fields
            good["title"] = "Procès-verbaux du conseil d'administration 2026-2027"
            let added = try await browser.post("/registre/ajouter", good, csrfFrom: "/registre/ajouter")
            #expect(added.status == .seeOther && added.location == "/registre/documents/SG-CA-2026?fait=reg_added")
            let card = try await browser.get("/registre/documents/SG-CA-2026")
            #expect(card.main.contains("Centre administratif / Local 012 / Rayon 1"))

            // A unit's user registers for their own unit only: the use case's refusal, on the form.
            let agent = try await Browser.signedIn(client, as: "rh.agent")
            var other = good
            other["reference"] = "SG-CA-2027"
            let refused = try await agent.post("/registre/ajouter", other, csrfFrom: "/registre/ajouter")
            #expect(refused.status == .unprocessableContent && refused.main.contains("class=\"error-summary\""))
            #expect(try await office.store.document("SG-CA-2027") == nil)
        }
    }

    @Test func aCSVImportIsAllOrNothingWithItsErrorsByLine() async throws {
        let office = try await WebOffice(register: false)
        _ = try await CalendarImporter(store: office.store).importFile(path: Fixtures.exampleNative.path, actor: "gestion.doc", now: WebOffice.now)
        for box in ["B-2023-RF-01", "B-2014-RF-01"] {
            try await office.store.addBox(Box(code: box), by: "gestion.doc", at: WebOffice.now)
        }
        let clean = try Self.exampleWithoutFiles()
        var lines = clean.components(separatedBy: "\n")
        lines[2] = lines[2].replacingOccurrences(of: ",1201,", with: ",9999,")
        lines[4] = lines[4].replacingOccurrences(of: "2022-07-01", with: "2022-13-45")
        let damaged = lines.joined(separator: "\n")
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "gestion.doc")
            let form = try await browser.get("/registre/importer")
            #expect(form.main.contains("enctype=\"multipart/form-data\"") && form.main.contains("for=\"fichier\""))

            let refused = try await browser.upload("/registre/importer", fields: [:], file: "fichier", filename: "registre-abime.csv",
                                                   contents: Data(damaged.utf8), csrfFrom: "/registre/importer")
            #expect(refused.status == .unprocessableContent)
            #expect(refused.main.contains("Rien n&#39;a été enregistré"))
            #expect(refused.main.contains("<td class=\"num\">3</td><td>rule</td><td><span class=\"badge\">Erreur</span> la règle 9999 n&#39;est pas dans le calendrier en vigueur"), "line 3, its field, in French")
            #expect(refused.main.contains("<td class=\"num\">5</td><td>opened</td>"), "line 5, its field")
            #expect(!refused.main.contains("held-"), "the private copy's name is never shown")
            #expect(try await office.store.documents(matching: nil, limit: nil).isEmpty, "all or nothing")

            let skipped = try await browser.upload("/registre/importer", fields: ["ignorer": "oui"], file: "fichier",
                                                   filename: "registre-abime.csv", contents: Data(damaged.utf8), csrfFrom: "/registre/importer")
            #expect(skipped.status == .ok)
            #expect(skipped.main.contains("<dt>Documents enregistrés</dt><dd>10</dd>"))
            #expect(skipped.main.contains("<dt>Lignes écartées</dt><dd>3, 5</dd>"))
            #expect(try await office.store.documents(matching: nil, limit: nil).count == 10)

            let empty = try await browser.upload("/registre/importer", fields: [:], file: "fichier", filename: "vide.csv", contents: Data(),
                                                 csrfFrom: "/registre/importer")
            #expect(empty.status == .unprocessableContent && empty.main.contains("id=\"fichier-error\""))
        }
    }

    @Test func aLargeImportRunAsAJobKeepsItsOutcomeForItsOwner() async throws {
        let office = try await WebOffice(register: false)
        _ = try await CalendarImporter(store: office.store).importFile(path: Fixtures.exampleNative.path, actor: "gestion.doc", now: WebOffice.now)
        for box in ["B-2023-RF-01", "B-2014-RF-01"] {
            try await office.store.addBox(Box(code: box), by: "gestion.doc", at: WebOffice.now)
        }
        var lines = try Self.exampleWithoutFiles().components(separatedBy: "\n")
        lines[2] = lines[2].replacingOccurrences(of: ",1201,", with: ",9999,")
        // Blank lines past the rows make the file larger than what is imported while the browser waits.
        let big = lines.joined(separator: "\n") + String(repeating: "\n", count: WebPages.registerDirectImportBytes + 1)
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "gestion.doc")
            let started = try await browser.upload("/registre/importer", fields: ["ignorer": "oui"], file: "fichier", filename: "registre-gros.csv",
                                                   contents: Data(big.utf8), csrfFrom: "/registre/importer")
            let job = try #require(started.location)
            #expect(started.status == .seeOther && job.hasPrefix("/travaux/"))
            let done = try await CalendarPagesTests.finished(browser, job)
            let link = try #require(done.main.firstMatch(of: try Regex(#"id="job-result" href="([^"]+)""#))?.output[1].substring)
            #expect(link.hasPrefix("/registre/importer/resultats/"))
            #expect(done.main.contains("les lignes écartées et les avertissements"))

            let result = try await browser.get(String(link))
            #expect(result.status == .ok)
            #expect(result.main.contains("<dt>Documents enregistrés</dt><dd>11</dd>"))
            #expect(result.main.contains("<dt>Lignes écartées</dt><dd>3</dd>"))
            #expect(result.main.contains("<td class=\"num\">3</td><td>rule</td>"), "the rejected line's problem, under its line")
            #expect(try await office.store.documents(matching: nil, limit: nil).count == 11)

            // Another person's outcome reads as one that does not exist.
            let other = try await Browser.signedIn(client, as: "archiviste")
            let stolen = try await other.get(String(link))
            let unknown = try await other.get("/registre/importer/resultats/" + UUID().uuidString.lowercased())
            #expect(stolen.status == .notFound && unknown.status == .notFound)
            let uuid = #"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#
            #expect(stolen.main.replacingOccurrences(of: uuid, with: "X", options: .regularExpression)
                    == unknown.main.replacingOccurrences(of: uuid, with: "X", options: .regularExpression))
        }
    }

    @Test func theExampleRegisterImportsWholeThroughThePage() async throws {
        let office = try await WebOffice(register: false)
        _ = try await CalendarImporter(store: office.store).importFile(path: Fixtures.exampleNative.path, actor: "gestion.doc", now: WebOffice.now)
        for box in ["B-2023-RF-01", "B-2014-RF-01"] {
            try await office.store.addBox(Box(code: box), by: "gestion.doc", at: WebOffice.now)
        }
        let clean = try Self.exampleWithoutFiles()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "gestion.doc")
            // As it is, the example names files: the server reads none through a page.
            let withFiles = try await browser.upload("/registre/importer", fields: [:], file: "fichier", filename: "registre-exemple.csv",
                                                     contents: try Data(contentsOf: Fixtures.exampleRegister), csrfFrom: "/registre/importer")
            #expect(withFiles.status == .unprocessableContent && withFiles.main.contains("<td>path</td>"))
            let imported = try await browser.upload("/registre/importer", fields: [:], file: "fichier", filename: "registre-exemple.csv",
                                                    contents: Data(clean.utf8), csrfFrom: "/registre/importer")
            #expect(imported.status == .ok && imported.main.contains("<dt>Documents enregistrés</dt><dd>12</dd>"))
            #expect(Self.rows(try await browser.get("/registre").main).count == 12)
        }
    }

    @Test func boxesAreListedAndAddedByThoseWhoRegisterDocuments() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "gestion.doc")
            let list = try await browser.get("/registre/boites")
            #expect(list.status == .ok && list.main.contains("<td class=\"nowrap\">B-2014-RF-01</td>"))
            let empty = try await browser.post("/registre/boites", ["code": "  ", "location": "Entrepôt"], csrfFrom: "/registre/boites")
            #expect(empty.status == .unprocessableContent && empty.main.contains("id=\"code-error\"") && empty.main.contains("value=\"Entrepôt\""))
            let added = try await browser.post("/registre/boites", ["code": "B-2026-SG-01", "location": "Entrepôt / Allée 1 / Tablette 3"],
                                               csrfFrom: "/registre/boites")
            #expect(added.status == .seeOther && added.location == "/registre/boites?fait=reg_box_added")
            let after = try await browser.get("/registre/boites")
            #expect(after.main.contains("B-2026-SG-01") && after.main.contains("Entrepôt / Allée 1 / Tablette 3"))

            let auditor = try await Browser.signedIn(client, as: "verif")
            let read = try await auditor.get("/registre/boites")
            #expect(read.status == .ok && read.main.contains("B-2026-SG-01") && !read.main.contains("name=\"code\""))
            let refused = try await auditor.post("/registre/boites", ["code": "B-X"], csrfFrom: "/registre/boites")
            #expect(refused.status == .forbidden)
            #expect(try await office.store.box("B-X") == nil)
        }
    }

    @Test func aFormIsOfferedByOneHelperThatFollowsTheMatrixOnly() async throws {
        let office = try await WebOffice(register: false)
        let pages = try WebPages(sablier: office.sablier, authority: office.sablier, configuration: office.configuration)
        for member in Cast.members {
            let session = try await office.sablier.localSession(member.name)
            for permission in Permission.allCases {
                #expect(pages.offers(permission, to: session) == (PermissionMatrix.scope(of: member.roles, for: permission) != nil),
                        "\(member.name) \(permission)")
            }
        }
        // The register, privacy, accountability and calendar pages ask the helper, never the matrix themselves.
        let routes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/SablierWeb/Routes")
        for family in ["Register", "Privacy", "Accountability", "Calendar"] {
            let text = try String(contentsOf: routes.appendingPathComponent("WebPages+\(family).swift"), encoding: .utf8)
            #expect(!text.contains("PermissionMatrix.scope("), "\(family) repeats the matrix")
            #expect(text.contains("offers(."), "\(family) asks the helper")
        }
    }

    @Test func theRegisterReadsInEnglish() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            var browser = try await Browser.signedIn(client, as: "gestion.doc")
            browser.language = "en"
            let search = try await browser.get("/registre")
            #expect(search.text.contains("<html lang=\"en\">"))
            #expect(search.main.contains("<h1>Document register</h1>") && search.main.contains("<th scope=\"col\">Reference</th>"))
            #expect(search.main.contains("<strong>12 documents</strong>") && !search.main.contains("Rechercher"))
            let card = try await browser.get("/registre/documents/RH-EMP-0042")
            #expect(card.main.contains("<dt>Holding unit</dt>") && card.main.contains("The dates explained step by step"))
            #expect(card.main.contains("<option value=\"created\">Created</option>"))
        }
    }
}
