import Foundation
import HTTPTypes
import HummingbirdTesting
import SablierApplication
import SablierCore
import SablierSQLite
import SablierStore
@testable import SablierWeb
import Testing

/// The frame every page shares: sign-in, the redirect to it, the CSRF token of forms, the
/// language switch and the navigation by role.
@Suite struct FrameTests {
    @Test func aPageAsksWhoIsThereFirstAndComesBackAfterSignIn() async throws {
        let office = try await WebOffice(register: false)
        try await office.test { client in
            let anonymous = Browser(client)
            let response = try await anonymous.get("/compte?x=1")
            #expect(response.status == .seeOther)
            #expect(response.location == "/connexion?suite=/compte%3Fx%3D1")
            let form = try await anonymous.get("/connexion?suite=/compte")
            #expect(form.text.contains("name=\"suite\" value=\"/compte\""))
            let signIn = try await anonymous.post("/connexion", ["name": "aiprp", "password": WebOffice.password, "suite": "/compte"],
                                                  csrf: false)
            #expect(signIn.status == .seeOther)
            #expect(signIn.location == "/compte")
            #expect(signIn.headers[.setCookie]?.contains("HttpOnly") == true)
            #expect(signIn.headers[.setCookie]?.contains("SameSite=Strict") == true)
        }
    }

    @Test func aWrongPasswordIsSaidNextToTheFieldWithoutSayingWhichWasWrong() async throws {
        let office = try await WebOffice(register: false)
        try await office.test { client in
            let browser = Browser(client)
            let wrongPassword = try await browser.post("/connexion", ["name": "aiprp", "password": "pas le bon"], csrf: false)
            let unknownName = try await browser.post("/connexion", ["name": "personne", "password": "pas le bon"], csrf: false)
            #expect(wrongPassword.status == .unauthorized)
            #expect(wrongPassword.headers[.setCookie]?.contains("sablier_session") != true, "no session")
            #expect(wrongPassword.main.contains("aria-invalid=\"true\" aria-describedby=\"password-error\""))
            #expect(wrongPassword.main.contains("href=\"#password\""))
            #expect(wrongPassword.main.contains("value=\"aiprp\""))
            // The same sentence whether the name exists or not.
            let sentence = { (html: String) in html.components(separatedBy: "id=\"password-error\">").last?.prefix { $0 != "<" } }
            #expect(sentence(wrongPassword.main) == sentence(unknownName.main))
        }
    }

    @Test func anUnknownAddressIsAPageForBrowsersAndJSONForTheAPI() async throws {
        let office = try await WebOffice(register: false)
        try await office.test { client in
            let page = try await Browser(client).get("/pas-une-page")
            #expect(page.status == .notFound)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(page.main.contains("Aucune page à cette adresse."))
            let api = try await Browser(client).get("/api/v1/pas-une-route")
            #expect(api.status == .notFound)
            #expect(api.headers[.contentType]?.hasPrefix("application/json") == true)
            // Hummingbird's router answers a method a page does not take as an address it does not know.
            let wrongMethod = try await Browser(client).client.execute(uri: "/connexion", method: .put, headers: [:], body: nil)
            #expect(wrongMethod.status == .notFound)
            #expect(wrongMethod.headers[.contentType]?.hasPrefix("text/html") == true)
            let css = try await Browser(client).get("/static/sablier.css")
            #expect(css.status == .ok)
            #expect(css.text.contains(":focus-visible"))
        }
    }

    @Test func aRefusedPageKeepsTheSignedInHeaderAndNavigation() async throws {
        let office = try await WebOffice(register: false)
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "gestion.doc")
            let missing = try await browser.get("/travaux/inconnu")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("aria-label=\"Navigation principale\""))
            #expect(missing.text.contains("Se déconnecter"))
        }
    }

    @Test func theLanguageSwitchNeverLeavesTheSite() async throws {
        let office = try await WebOffice(register: false)
        try await office.test { client in
            let response = try await Browser(client).get("/langue?vers=en&retour=/%09/example.org/x")
            #expect(response.status == .seeOther)
            #expect(response.location == "/tableau-de-bord")
        }
    }

    @Test func aHugePageNumberIsTheLastPageNotACrash() {
        #expect(PageNumber.read("9223372036854775807") == PageNumber.maximum)
        #expect(PageNumber.read("-4") == 1)
        #expect(PageNumber.read("deux") == 1)
        #expect(PageNumber.offset(Int.max, size: Int.max) == (PageNumber.maximum - 1) * 1_000)
    }

    @Test func aSignInFromAnotherSitesFormIsRefusedBeforeAnyPasswordIsChecked() async throws {
        let office = try await WebOffice(register: false)
        try await office.test { client in
            // Another site's page can post the form, but neither read nor set this site's sign-in cookie.
            let forged = try await Browser(client).post("/connexion", ["name": "aiprp", "password": WebOffice.password, "_signin": "forged"],
                                                        csrf: false)
            #expect(forged.status == .forbidden)
            #expect(forged.headers[.setCookie]?.contains("sablier_session") != true, "no session")
            #expect(forged.main.contains("Le formulaire a expiré"))
        }
    }

    @Test func theNextPageIsAlwaysOneOfThisSite() {
        #expect(WebPages.safeReturn("//evil.example/x") == "/tableau-de-bord")
        #expect(WebPages.safeReturn("https://evil.example") == "/tableau-de-bord")
        #expect(WebPages.safeReturn("/\\evil.example") == "/tableau-de-bord")
        #expect(WebPages.safeReturn("/\t/evil.example/x") == "/tableau-de-bord", "a tab, which browsers drop")
        #expect(WebPages.safeReturn("/\n/evil.example") == "/tableau-de-bord")
        #expect(WebPages.safeReturn("/ /evil.example") == "/tableau-de-bord")
        #expect(WebPages.safeReturn("/%09/evil.example") == "/%09/evil.example", "still encoded: a path of this site")
        #expect(WebPages.safeReturn(nil) == "/tableau-de-bord")
        #expect(WebPages.safeReturn("/registre?q=x") == "/registre?q=x")
    }

    @Test func aFormWithoutTheSessionsTokenChangesNothing() async throws {
        let office = try await WebOffice(register: false)
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "gestion.doc")
            let forged = try await browser.post("/deconnexion", [:], csrf: false)
            #expect(forged.status == .forbidden)
            #expect(forged.main.contains("Le formulaire a expiré"))
            #expect(try await browser.get("/compte").status == .ok, "still signed in")
            let real = try await browser.post("/deconnexion", [:])
            #expect(real.status == .seeOther)
            #expect(try await browser.get("/compte").status == .seeOther, "signed out")
        }
    }

    @Test func frenchFirstEnglishBySwitch() async throws {
        let office = try await WebOffice(register: false)
        try await office.test { client in
            var browser = try await Browser.signedIn(client, as: "gestion.doc")
            let french = try await browser.get("/compte")
            #expect(french.text.contains("<html lang=\"fr\">"))
            #expect(french.text.contains("Mon compte"))
            #expect(french.text.contains("Responsable de la gestion documentaire"))
            let toEnglish = try await browser.get("/langue?vers=en&retour=/compte")
            #expect(toEnglish.status == .seeOther)
            #expect(toEnglish.location == "/compte")
            #expect(toEnglish.headers[.setCookie]?.hasPrefix("sablier_lang=en") == true)
            browser.language = "en"
            let english = try await browser.get("/compte")
            #expect(english.text.contains("<html lang=\"en\">"))
            #expect(english.text.contains("My account"))
            #expect(english.text.contains("Records manager"))
            #expect(!english.main.contains("Mon compte"))
        }
    }

    @Test func theNavigationShowsWhatTheRolesOpen() async throws {
        let office = try await WebOffice(register: false)
        try await office.test { client in
            let privacy = try await Browser.signedIn(client, as: "aiprp").get("/compte").text
            #expect(privacy.contains("href=\"/renseignements-personnels\""))
            #expect(!privacy.contains("href=\"/utilisateurs\""))
            let rsi = try await Browser.signedIn(client, as: "admin").get("/compte").text
            #expect(rsi.contains("href=\"/utilisateurs\""))
            #expect(!rsi.contains("href=\"/renseignements-personnels\""))
        }
    }

    @Test func aResetPasswordIsChangedBeforeAnythingElse() async throws {
        let office = try await WebOffice(register: false)
        try await office.sablier.setPassword(try await office.sablier.localSession("admin"), of: "sg.agent", to: "Provisoire réinitialisé 2026")
        try await office.test { client in
            var browser = Browser(client)
            let signIn = try await browser.post("/connexion", ["name": "sg.agent", "password": "Provisoire réinitialisé 2026"], csrf: false)
            #expect(signIn.location == "/compte/mot-de-passe")
            browser.cookie = String(try #require(signIn.headers[.setCookie]?.split(separator: ";").first))
            #expect(try await browser.get("/compte").location == "/compte/mot-de-passe")
            let mismatch = try await browser.post("/compte/mot-de-passe", ["current": "Provisoire réinitialisé 2026",
                                                                           "new": "Une phrase de passe neuve", "confirm": "autre"],
                                                  csrfFrom: "/compte/mot-de-passe")
            #expect(mismatch.status == .unprocessableContent)
            #expect(mismatch.main.contains("id=\"confirm-error\""))
            let changed = try await browser.post("/compte/mot-de-passe", ["current": "Provisoire réinitialisé 2026",
                                                                          "new": "Une phrase de passe neuve", "confirm": "Une phrase de passe neuve"],
                                                 csrfFrom: "/compte/mot-de-passe")
            #expect(changed.status == .seeOther)
            #expect(changed.location == "/connexion?fait=password_changed")
            #expect(try await browser.get("/connexion?fait=password_changed").main.contains("connectez-vous avec le nouveau"))
            // The new password ended this session too; signing in with it opens every page.
            #expect(try await browser.get("/compte").status == .seeOther)
            let again = try await browser.post("/connexion", ["name": "sg.agent", "password": "Une phrase de passe neuve"], csrf: false)
            #expect(again.location == "/tableau-de-bord")
        }
    }

    @Test func valuesAreEscapedWhereTheyAreWritten() async throws {
        let office = try await WebOffice(register: false)
        try await office.store.addUser(User(name: "piege", unit: "<script>alert(1)</script>", roles: [.utilisateur]), by: "admin",
                                       at: WebOffice.now)
        try await office.sablier.setPassword(try await office.sablier.localSession("admin"), of: "piege", to: "Provisoire pour les essais 2026")
        try await office.sablier.changePassword(try await office.sablier.localSession("piege"), current: "Provisoire pour les essais 2026",
                                                new: WebOffice.password)
        try await office.test { client in
            let page = try await Browser.signedIn(client, as: "piege").get("/compte").text
            #expect(!page.contains("<script>alert"))
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }
}

/// The catalogue of the pages' texts, held to the templates.
@Suite struct LabelCatalogueTests {
    static var templates: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/SablierWeb/Templates")
    }

    @Test func everyTextATemplateNamesIsInTheCatalogueInBothLanguages() throws {
        let files = try #require(FileManager.default.enumerator(atPath: Self.templates.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".mustache") }
        #expect(files.count >= 5)
        let pattern = try Regex(#"\{\{\{?[#^/]?t\.([A-Za-z0-9_]+)"#)
        var missing: [String] = []
        for file in files {
            let text = try String(contentsOf: Self.templates.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: pattern) {
                let key = String(match.output[1].substring ?? "")
                if Labels.all[key] == nil { missing.append("\(file): \(key)") }
            }
        }
        #expect(missing.isEmpty, "\(missing)")
    }

    @Test func noKeyIsDeclaredTwiceAndNoneIsEmpty() {
        #expect(Labels.duplicates.isEmpty, "\(Labels.duplicates)")
        let empty = Labels.all.filter { $0.value.fr.isEmpty || $0.value.en.isEmpty }.keys.sorted()
        #expect(empty.isEmpty, "\(empty)")
    }

    @Test func numbersAndDatesReadAsInQuebec() {
        #expect(WebFormat.number(1024) == "1\u{00A0}024")
        #expect(WebFormat.number(362_527) == "362\u{00A0}527")
        #expect(WebFormat.number(7) == "7")
        #expect(WebFormat.longDate(CivilDate(iso: "2026-12-04")!, .fr) == "4 décembre 2026")
        #expect(WebFormat.longDate(CivilDate(iso: "2026-12-01")!, .fr) == "1er décembre 2026")
        #expect(WebFormat.longDate(CivilDate(iso: "2026-12-04")!, .en) == "December 4, 2026")
        #expect(WebFormat.decimal(0.96, .fr) == "1,0")
    }
}

/// Long work run in the background while its page shows progress.
@Suite struct WebJobsTests {
    @Test func aSingleJobStartedTwiceIsTheSameJobAndOthersAreNot() async throws {
        let jobs = WebJobs(clock: .fixed(WebOffice.now))
        let now = WebOffice.now
        let slow: @Sendable (@escaping @Sendable (Int, Int) -> Void) async throws(Refusal) -> (String, String?) = { report in
            report(0, 1)
            try? await Task.sleep(for: .seconds(5))
            return ("/", nil)
        }
        let first = jobs.start(owner: "aiprp", titleKey: "priv_scan_job", single: true, now: now, slow)
        let again = jobs.start(owner: "aiprp", titleKey: "priv_scan_job", single: true, now: now, slow)
        #expect(first == again, "the scan already running")
        let someoneElse = jobs.start(owner: "gestion.doc", titleKey: "priv_scan_job", single: true, now: now, slow)
        #expect(someoneElse != first)
        let notSingle = jobs.start(owner: "aiprp", titleKey: "priv_scan_job", now: now, slow)
        #expect(notSingle != first)
        #expect(jobs.job(first, owner: "gestion.doc") == nil, "another's job is not found")
    }
}
