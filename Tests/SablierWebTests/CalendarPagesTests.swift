import Foundation
import HTTPTypes
import HummingbirdTesting
import SablierApplication
import SablierCore
import SablierImport
import SablierTestSupport
@testable import SablierWeb
import Testing

/// The calendar pages: versions, rules and their search, a rule's card, the comparison of two
/// versions, the import with its dry run, and the open (888) periods; as the records manager,
/// as a person who may only read, and in English.
@Suite struct CalendarPagesTests {
    /// The example calendar with rule 1101's principal active period at 5 years instead of 2:
    /// the register's 1101 document moves.
    static func longerRule1101() throws -> Data {
        let text = try String(contentsOf: Fixtures.exampleNative, encoding: .utf8)
        let range = try #require(text.range(of: "<annees>2</annees>"))
        return Data(text.replacingCharacters(in: range, with: "<annees>5</annees>").utf8)
    }

    /// The GALA example with line 31's active period made unreadable.
    static func damagedGALA() throws -> Data {
        var lines = try String(contentsOf: Fixtures.hbGALA, encoding: .utf8).components(separatedBy: "\n")
        #expect(lines[30].contains("<PERIOACTIF>999</PERIOACTIF>"))
        lines[30] = lines[30].replacingOccurrences(of: "999", with: "abc")
        return Data(lines.joined(separator: "\n").utf8)
    }

    static func heldID(in html: String) -> String? {
        guard let match = html.firstMatch(of: #/name="fichier" value="([0-9a-f-]+)"/#) else { return nil }
        return String(match.output.1)
    }

    /// Follows a job's page until it is no longer running.
    static func finished(_ browser: Browser, _ path: String) async throws -> TestResponse {
        for _ in 0..<200 {
            let page = try await browser.get(path)
            if !page.text.contains("http-equiv=\"refresh\"") { return page }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the job at \(path) did not finish")
        return try await browser.get(path)
    }

    @Test func aVersionDownloadsAsGALAOrAsSablierXML() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "gestion.doc")
            let rules = try await browser.get("/calendrier/versions/1")
            #expect(rules.main.contains("href=\"/calendrier/versions/1/export?format=gala\""))
            let gala = try await browser.get("/calendrier/versions/1/export?format=gala")
            #expect(gala.status == .ok)
            #expect(gala.headers[.contentDisposition] == "attachment; filename=\"calendrier-v1-gala.xml\"")
            #expect(gala.text.contains("<ROWSET"))
            let native = try await browser.get("/calendrier/versions/1/export?format=native")
            #expect(native.text.contains("<calendrierConservation"))
            #expect(try await browser.get("/calendrier/versions/1/export?format=pdf").status == .notFound)
            #expect(try await browser.get("/calendrier/versions/9/export?format=gala").status == .notFound)
        }
    }

    @Test func theVersionsSayWhereEachCameFromAndWhichIsInForce() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let manager = try await Browser.signedIn(client, as: "gestion.doc")
            let page = try await manager.get("/calendrier")
            #expect(page.status == .ok)
            #expect(page.main.contains("<h1>Calendrier de conservation</h1>"))
            #expect(page.main.contains("href=\"/calendrier/versions/1\""))
            #expect(page.main.contains("calendrier-exemple-css.xml"))
            #expect(page.main.contains("<td class=\"num\">15</td>"))
            #expect(page.main.contains("En vigueur"))
            #expect(page.main.contains("href=\"/calendrier/importer\""))
            #expect(page.main.contains("href=\"/calendrier/periodes-ouvertes\""))
            #expect(page.main.contains("Il faut au moins deux versions"), "one version: nothing to compare")

            // A person who may read the calendar but not import one sees no import link.
            let reader = try await Browser.signedIn(client, as: "sg.agent").get("/calendrier")
            #expect(reader.status == .ok)
            #expect(reader.main.contains("calendrier-exemple-css.xml"))
            #expect(!reader.main.contains("href=\"/calendrier/importer\""))
        }
    }

    @Test func theRulesAreSearchedByNumberTitleAndClassificationCode() async throws {
        let office = try await WebOffice(register: false)
        _ = try await CalendarImporter(store: office.store).importFile(path: Fixtures.exampleNative.path, actor: "gestion.doc", now: WebOffice.now)
        try await office.test { client in
            let reader = try await Browser.signedIn(client, as: "rh.agent")
            let all = try await reader.get("/calendrier/versions/1")
            #expect(all.status == .ok)
            #expect(all.main.contains("15 règles affichées sur 15"))
            #expect(all.main.contains("href=\"/calendrier/versions/1/regles/2101\""))
            #expect(all.main.contains("888"), "the open period's code is in the listing")
            let header = try #require(all.main.components(separatedBy: "<thead>").dropFirst().first?.components(separatedBy: "</thead>").first)
            #expect(header.components(separatedBy: "<th scope=\"col\"").count - 1 <= 7)

            let byTitle = try await reader.get("/calendrier/versions/1?q=EMPLOYE")
            #expect(byTitle.main.contains("regles/2101\""))
            #expect(!byTitle.main.contains("regles/1101\""))
            let byCode = try await reader.get("/calendrier/versions/1?q=1110")
            #expect(byCode.main.contains("regles/1101\""), "1101 is filed under 1110")
            #expect(byCode.main.contains("regles/8101\""), "and so is 8101")
            #expect(byCode.main.contains("2 règles affichées sur 15"))
            let byNumber = try await reader.get("/calendrier/versions/1?q=7102")
            #expect(byNumber.main.contains("regles/7102\""))
            #expect(byNumber.main.contains("1 règle affichée sur 15"))
            #expect(!byNumber.main.contains("regles/7101\""))
            let none = try await reader.get("/calendrier/versions/1?q=zzzz")
            #expect(none.main.contains("Aucun résultat."))
            #expect(none.main.contains("value=\"zzzz\""))

            #expect(try await reader.get("/calendrier/versions/9").status == .notFound)
            #expect(try await reader.get("/calendrier/versions/abc").status == .notFound)
        }
    }

    @Test func aRulesCardReadsInTheLawsWords() async throws {
        let office = try await WebOffice(register: false)
        _ = try await CalendarImporter(store: office.store).importFile(path: Fixtures.exampleNative.path, actor: "gestion.doc", now: WebOffice.now)
        try await office.test { client in
            let reader = try await Browser.signedIn(client, as: "verif")
            let employee = try await reader.get("/calendrier/versions/1/regles/2101")
            #expect(employee.status == .ok)
            #expect(employee.main.contains("<h2 id=\"principal\">Exemplaire principal</h2>"))
            #expect(employee.main.contains("888 — délai ouvert : prend fin à un événement décrit en remarque — événement : « fin de l&#39;emploi »")
                    || employee.main.contains("888 — délai ouvert : prend fin à un événement décrit en remarque — événement : « fin de l&#x27;emploi »"))
            #expect(employee.main.contains("Renseignements personnels"))
            #expect(employee.main.contains("<dt>R1</dt>"))

            let minutes = try await reader.get("/calendrier/versions/1/regles/1101")
            #expect(minutes.main.contains("C — conservation permanente (versement aux archives)"))
            #expect(minutes.main.contains("D — destruction"), "the secondary copy is destroyed")
            #expect(minutes.main.contains("PA (papier), DM (numérique) (voir la remarque R1)"))
            #expect(minutes.main.contains("0 an (passe aussitôt à l&#39;étape suivante)")
                    || minutes.main.contains("0 an (passe aussitôt à l&#x27;étape suivante)"))
            #expect(minutes.main.contains("<dt>Documents essentiels</dt><dd>Oui</dd>"))

            let replaced = try await reader.get("/calendrier/versions/1/regles/1102")
            #expect(replaced.main.contains("999 — jusqu"))

            let inForce = try await reader.get("/calendrier/regles/1101")
            #expect(inForce.main.contains("C — conservation permanente"))

            #expect(try await reader.get("/calendrier/versions/1/regles/0000").status == .notFound)

            let english = try await Browser.signedIn(client, as: "verif", language: "en").get("/calendrier/versions/1/regles/2101")
            #expect(english.text.contains("<html lang=\"en\">"))
            #expect(english.main.contains("<h2 id=\"principal\">Principal copy</h2>"))
            #expect(english.main.contains("888 — open period"))
            #expect(!english.main.contains("Exemplaire principal"))
            #expect(english.main.contains("0 years (moves on at once)"), "the secondary copy's semi-active period")
        }
    }

    @Test func aFileWithAnErrorShowsItAtItsLineAndOffersNoConfirmation() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let manager = try await Browser.signedIn(client, as: "gestion.doc")
            let form = try await manager.get("/calendrier/importer")
            #expect(form.status == .ok)
            #expect(form.main.contains("enctype=\"multipart/form-data\""))
            #expect(form.main.contains("<label for=\"fichier\">"))

            let checked = try await manager.upload("/calendrier/importer", fields: [:], file: "fichier", filename: "gala-abime.xml",
                                                   contents: try Self.damagedGALA())
            #expect(checked.status == .unprocessableContent)
            #expect(checked.main.contains("gala-abime.xml"))
            #expect(!checked.main.contains("held-"), "the server's private name is not shown")
            let row = try #require(checked.main.components(separatedBy: "<tr class=\"is-error\">").dropFirst().first?
                .components(separatedBy: "</tr>").first)
            #expect(row.contains("<td class=\"num\">31</td>"))
            #expect(row.contains("PERIOACTIF"))
            #expect(row.contains("&lt;PERIOACTIF&gt;abc&lt;/PERIOACTIF&gt;"), "the line's text from the file")
            #expect(checked.main.contains("<td class=\"num\">15</td>"), "the warnings are at their lines too")
            #expect(!checked.main.contains("action=\"/calendrier/importer/confirmer\""))
            #expect(Self.heldID(in: checked.main) == nil)

            let empty = try await manager.upload("/calendrier/importer", fields: [:], file: "fichier", filename: "", contents: Data())
            #expect(empty.status == .unprocessableContent)
            #expect(empty.main.contains("id=\"fichier-error\""))
            #expect(try await office.sablier.calendarVersions(try await office.sablier.localSession("gestion.doc")).count == 1)
        }
    }

    @Test func aCheckedFileShowsItsEffectOnTheRegisterAndIsImportedOnConfirmation() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let manager = try await Browser.signedIn(client, as: "gestion.doc")
            let checked = try await manager.upload("/calendrier/importer", fields: [:], file: "fichier", filename: "calendrier-2026.xml",
                                                   contents: try Self.longerRule1101())
            #expect(checked.status == .ok)
            #expect(checked.main.contains("<dt>Deviendra la version</dt><dd>2</dd>"))
            #expect(checked.main.contains("<dt>Règles modifiées</dt><dd>1 : <span class=\"cal-rule\">1101</span>"))
            #expect(checked.main.contains("Effet sur le registre"))
            let moved = try #require(checked.main.components(separatedBy: "<td>SG-PV-CA-2019</td>").dropFirst().first?
                .components(separatedBy: "</tr>").first, "the minutes of 2019 move")
            #expect(moved.hasPrefix("<td>1101</td><td>exemplaire principal</td>"))
            #expect(moved.contains("2022-06-30 (versement aux archives) → 2025-06-30 (versement aux archives)"))
            #expect(checked.main.contains("1 document change · 1 document recompté"))
            let id = try #require(Self.heldID(in: checked.main))
            #expect(try await office.sablier.calendarVersions(try await office.sablier.localSession("gestion.doc")).count == 1,
                    "nothing is stored before the confirmation")

            // Another records manager cannot confirm someone else's file; it looks like no file at all.
            let other = try await Browser.signedIn(client, as: "archiviste")
            let stolen = try await other.post("/calendrier/importer/confirmer", ["fichier": id])
            let unknown = try await other.post("/calendrier/importer/confirmer", ["fichier": UUID().uuidString.lowercased()])
            #expect(stolen.status == .notFound)
            #expect(stolen.main == unknown.main)

            let confirmed = try await manager.post("/calendrier/importer/confirmer", ["fichier": id])
            #expect(confirmed.status == .seeOther)
            // A double click: the second confirmation, sent before the job ends, finds nothing.
            #expect(try await manager.post("/calendrier/importer/confirmer", ["fichier": id]).status == .notFound, "a double click")
            let job = try #require(confirmed.location)
            #expect(job.hasPrefix("/travaux/"))
            let done = try await Self.finished(manager, job)
            #expect(done.main.contains("href=\"/calendrier/versions/2\""), "\(done.main)")

            let versions = try await manager.get("/calendrier")
            #expect(versions.main.contains("href=\"/calendrier/versions/2\""))
            #expect(!versions.main.contains("href=\"/calendrier/versions/3\""), "imported once")
            #expect(versions.main.contains("calendrier-2026.xml"), "the version names the file as the person gave it")
            #expect(try await manager.post("/calendrier/importer/confirmer", ["fichier": id]).status == .notFound, "used once")

            let diff = try await manager.get("/calendrier/comparer?de=1&a=2")
            #expect(diff.status == .ok)
            #expect(diff.main.contains("De la version 1 à la version 2"))
            #expect(diff.main.contains("Règles modifiées (1)"))
            #expect(diff.main.contains("<th scope=\"row\">Exemplaire principal — période active</th><td class=\"cal-before\">2 ans</td><td class=\"cal-after\">5 ans</td>"))
            #expect(!diff.main.contains("Règles ajoutées"))
        }
    }

    @Test func aPersonWhoMayNotImportIsRefusedWithTheApplicationsSentence() async throws {
        let office = try await WebOffice(register: false)
        _ = try await CalendarImporter(store: office.store).importFile(path: Fixtures.exampleNative.path, actor: "gestion.doc", now: WebOffice.now)
        try await office.test { client in
            let reader = try await Browser.signedIn(client, as: "sg.agent")
            let refused = try await reader.upload("/calendrier/importer", fields: [:], file: "fichier", filename: "calendrier.xml",
                                                  contents: try Data(contentsOf: Fixtures.hbGALA))
            #expect(refused.status == .forbidden)
            #expect(refused.main.contains("calendar.manage"))
            let confirm = try await reader.post("/calendrier/periodes-ouvertes", ["rule": "2101", "copy": "principal", "period": "active"])
            #expect(confirm.status == .forbidden)
            #expect(try await office.sablier.calendarVersions(try await office.sablier.localSession("sg.agent")).count == 1)
        }
    }

    @Test func theComparisonInEnglishNamesTheRulesAdded() async throws {
        let office = try await WebOffice(register: false)
        _ = try await CalendarImporter(store: office.store).importFile(path: Fixtures.exampleNative.path, actor: "gestion.doc", now: WebOffice.now)
        _ = try await CalendarImporter(store: office.store).importFile(path: Fixtures.udemGALA.path, actor: "gestion.doc", now: WebOffice.now)
        try await office.test { client in
            let english = try await Browser.signedIn(client, as: "csgi", language: "en")
            let diff = try await english.get("/calendrier/comparer?de=1&a=2")
            #expect(diff.status == .ok)
            #expect(diff.main.contains("From version 1 to version 2"))
            #expect(diff.main.contains("Rules added (3)"))
            #expect(diff.main.contains("href=\"/calendrier/versions/2/regles/01740a\""))
            #expect(!diff.main.contains("Rules removed"))
            let back = try await english.get("/calendrier/comparer?de=2&a=1")
            #expect(back.main.contains("Rules removed (3)"))
            let same = try await english.get("/calendrier/comparer?de=1&a=1")
            #expect(same.main.contains("The two versions are identical."))
            #expect(try await english.get("/calendrier/comparer?de=1&a=7").status == .notFound)
            let french = try await Browser.signedIn(client, as: "csgi").get("/calendrier/comparer")
            #expect(french.main.contains("Choisissez deux versions à comparer."))
            #expect(french.main.contains("<option value=\"1\" selected>1</option>"))
        }
    }

    @Test func anOpenPeriodsEventIsConfirmedByTheRecordsManagerOnly() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let manager = try await Browser.signedIn(client, as: "gestion.doc")
            let page = try await manager.get("/calendrier/periodes-ouvertes")
            #expect(page.status == .ok)
            #expect(page.main.contains("Règle 2101 — exemplaire principal, période active"))
            #expect(page.main.contains("value=\"fin de l&#39;emploi\"") || page.main.contains("value=\"fin de l&#x27;emploi\""))
            #expect(page.main.contains("<label for=\"event-2101-principal-active\">"))

            let notANumber = try await manager.post("/calendrier/periodes-ouvertes",
                                                    ["rule": "2101", "copy": "principal", "period": "active", "event": "fin de l'emploi",
                                                     "offset": "deux"], csrfFrom: "/calendrier/periodes-ouvertes")
            #expect(notANumber.status == .unprocessableContent)
            #expect(notANumber.main.contains("id=\"offset-2101-principal-active-error\""))

            let notOpen = try await manager.post("/calendrier/periodes-ouvertes", ["rule": "1101", "copy": "principal", "period": "active"],
                                                 csrfFrom: "/calendrier/periodes-ouvertes")
            #expect(notOpen.status == .unprocessableContent)
            #expect(notOpen.main.contains("class=\"error-summary\""))

            let confirmed = try await manager.post("/calendrier/periodes-ouvertes",
                                                   ["rule": "2101", "copy": "principal", "period": "active", "event": "fin de l'emploi",
                                                    "offset": "2"], csrfFrom: "/calendrier/periodes-ouvertes")
            #expect(confirmed.status == .seeOther)
            #expect(confirmed.location == "/calendrier/periodes-ouvertes?fait=cal_event_confirmed")
            let after = try await manager.get("/calendrier/periodes-ouvertes?fait=cal_event_confirmed")
            #expect(after.main.contains("les documents de la règle ont été recomptés"))
            let card = try #require(after.main.components(separatedBy: "id=\"h-2101-principal-active\"").dropFirst().first?
                .components(separatedBy: "</section>").first)
            #expect(card.contains("Confirmé"))
            #expect(card.contains("<dd>gestion.doc</dd>"))
            #expect(!card.contains("<form"))
            let entries = try await office.sablier.openPeriods(try await office.sablier.localSession("gestion.doc"))
            #expect(entries.first { $0.rule == "2101" && $0.copy == "principal" && $0.period == "active" }?.status == "confirmed")

            let reader = try await Browser.signedIn(client, as: "rh.agent").get("/calendrier/periodes-ouvertes")
            #expect(reader.status == .ok)
            #expect(reader.main.contains("Règle 7101"))
            #expect(!reader.main.contains("action=\"/calendrier/periodes-ouvertes\""))
        }
    }
}
