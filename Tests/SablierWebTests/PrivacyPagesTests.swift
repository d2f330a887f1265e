import Foundation
import HTTPTypes
import HummingbirdTesting
import SablierApplication
import SablierCore
import SablierTestSupport
@testable import SablierWeb
import Testing

/// The AIPRP pages: the review queue, a document's findings masked in context, the decision
/// with its measure and note, the rules the calendar flags and the scan of the register, as the
/// privacy officer and as roles the matrix gives less.
@Suite struct PrivacyPagesTests {
    static let sin = "264 175 696"

    /// Writes a social insurance number into an example file and scans its document, so that
    /// the queue holds a document flagged by its content.
    static func officeWithSIN() async throws -> WebOffice {
        let office = try await WebOffice()
        try Data("Dossier de Jeanne : numéro d'assurance sociale : \(sin)\n".utf8)
            .write(to: office.directory.file("examples/fichiers/politique-securite-2015.txt"))
        _ = try await office.sablier.scanPrivacy(try await office.sablier.localSession("aiprp"), .document("SG-POL-2015"))
        return office
    }

    @Test func theQueueIsSortedBySensitivityOrByDueDay() async throws {
        let office = try await Self.officeWithSIN()
        // The dates compared are the documents' own, counted on the office's fixed clock.
        #expect(office.sablier.clock.today == WebOffice.day)
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "aiprp")
            let page = try await browser.get("/renseignements-personnels")
            #expect(page.status == .ok)
            let html = page.main
            #expect(html.contains("<h1>File de révision</h1>"))
            #expect(html.contains("href=\"/renseignements-personnels/SG-POL-2015\""))
            #expect(html.contains("href=\"/renseignements-personnels/SG-CORR-2021\""))
            // Most sensitive first: the SIN before a document flagged by its rule alone.
            let sin = try #require(html.range(of: "/renseignements-personnels/SG-POL-2015"))
            let rule = try #require(html.range(of: "/renseignements-personnels/SG-CORR-2021"))
            #expect(sin.lowerBound < rule.lowerBound)
            #expect(html.contains("élevée"))
            #expect(html.contains("triée par sensibilité"))
            #expect(!html.contains(Self.sin))
            // No more than seven columns.
            #expect(html.components(separatedBy: "<th scope=\"col\">").count - 1 <= 7)
            let byDue = try await browser.get("/renseignements-personnels?tri=echeance").main
            #expect(byDue.contains("triée par échéance"))
            let dates = byDue.matches(of: try Regex(#"<td class="nowrap">(\d{4}-\d{2}-\d{2})</td>"#)).map { String($0.output[1].substring ?? "") }
            #expect(dates.count >= 2)
            #expect(dates == dates.sorted(), "\(dates)")
            #expect(dates.contains("2022-06-30"), "RH-EMP-0042's destruction day, as its card says")
            #expect(html.contains("analyse du registre</button>"))
        }
    }

    @Test func theSensitivityLevelIsTheUseCasesNotThePages() async throws {
        #expect(PrivacySensitivity(score: 700) == .high && PrivacySensitivity(score: 699) == .medium)
        #expect(PrivacySensitivity(score: 300) == .medium && PrivacySensitivity(score: 299) == .low && PrivacySensitivity(score: 0) == .low)
        let office = try await Self.officeWithSIN()
        let queue = try await office.sablier.privacyQueue(try await office.sablier.localSession("aiprp"))
        let levels = Dictionary(uniqueKeysWithValues: queue.entries.map { ($0.reference, $0.sensitivity) })
        #expect(levels["SG-POL-2015"] == "high", "a SIN read with confidence")
        #expect(levels["SG-CORR-2021"] == "medium", "flagged by its rule alone")
        let words = ["high": "élevée", "medium": "moyenne", "low": "faible"]
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "aiprp")
            let html = try await browser.get("/renseignements-personnels").main
            let rows = html.components(separatedBy: "<tr>").dropFirst(2)
            #expect(rows.count == queue.entries.count)
            for row in rows {
                let reference = try #require(row.firstMatch(of: try Regex(#"/renseignements-personnels/([^"]+)""#))?.output[1].substring)
                let level = try #require(levels[String(reference)])
                #expect(row.contains("\">\(words[level] ?? level)</span> <span class=\"num\">"), "\(reference): \(level)")
            }
        }
    }

    @Test func aDocumentsFindingsAreMaskedInTheirContextNeverShownRaw() async throws {
        let office = try await Self.officeWithSIN()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "aiprp")
            let page = try await browser.get("/renseignements-personnels/SG-POL-2015")
            #expect(page.status == .ok)
            #expect(!page.text.contains(Self.sin))
            #expect(!page.text.contains("283 406"))
            #expect(page.main.contains("NAS"))
            #expect(page.main.contains("assurance sociale : ••• ••• •••"), "the context around the value, masked")
            #expect(page.main.contains("confiance 95\u{00A0}%"))
            #expect(page.main.contains("class=\"context\""))
            #expect(page.main.contains("<option value=\"detruire\">Détruire</option>"))
            #expect(page.main.contains("<option value=\"anonymiser\">Anonymiser</option>"))
        }
    }

    @Test func confirmWithAMeasureThenTheDecisionIsShown() async throws {
        let office = try await Self.officeWithSIN()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "aiprp")
            let path = "/renseignements-personnels/SG-POL-2015"
            let done = try await browser.post(path, ["decision": "confirm", "measure": "anonymiser", "note": "NAS d'une employée"], csrfFrom: path)
            #expect(done.status == .seeOther)
            #expect(done.location == path + "?fait=priv_reviewed")
            let after = try await browser.get(path + "?fait=priv_reviewed").main
            #expect(after.contains("La décision est enregistrée."))
            #expect(after.contains("Confirmé"))
            #expect(after.contains("NAS d&#39;une employée") || after.contains("NAS d&#x27;une employée") || after.contains("NAS d'une employée"))
            #expect(after.contains("Anonymiser"))
            let shown = try await office.sablier.privacyShow(try await office.sablier.localSession("aiprp"), "SG-POL-2015")
            #expect(shown.status == "confirmed" && shown.reviews.last?.measure == "anonymiser")
            // Out of the pending queue.
            #expect(!(try await browser.get("/renseignements-personnels").main.contains("/renseignements-personnels/SG-POL-2015\"")))
        }
    }

    @Test func aRefusalIsShownNextToItsFieldAndChangesNothing() async throws {
        let office = try await Self.officeWithSIN()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "aiprp")
            let path = "/renseignements-personnels/SG-POL-2015"
            let noNote = try await browser.post(path, ["decision": "confirm", "measure": "detruire", "note": "  "], csrfFrom: path)
            #expect(noNote.status == .unprocessableContent)
            #expect(noNote.main.contains("id=\"note-error\""))
            #expect(noNote.main.contains("aria-invalid=\"true\""))
            #expect(noNote.main.contains("href=\"#note\""))
            // Rule 1102 names no measure: a confirmation needs one, said next to the measure.
            let noMeasure = try await browser.post(path, ["decision": "confirm", "measure": "", "note": "NAS"], csrfFrom: path)
            #expect(noMeasure.status == .unprocessableContent)
            let message = MessageCatalogue.message(Refusal(.noMeasure, ["rule": "1102"]), in: .fr)
            #expect(noMeasure.main.contains("id=\"measure-error\">" + message.replacingOccurrences(of: "'", with: "&#39;"))
                    || noMeasure.main.contains("id=\"measure-error\">"))
            #expect(noMeasure.main.contains("la règle 1102 ne prévoit aucune mesure"))
            #expect(noMeasure.main.contains(">NAS</textarea>"), "what was typed is kept")
            let dismissal = try await browser.post(path, ["decision": "dismiss", "measure": "detruire", "note": "rien"], csrfFrom: path)
            #expect(dismissal.main.contains("id=\"measure-error\""))
            let shown = try await office.sablier.privacyShow(try await office.sablier.localSession("aiprp"), "SG-POL-2015")
            #expect(shown.reviews.isEmpty)
        }
    }

    @Test func anUnknownDocumentIsNotFound() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "aiprp")
            let page = try await browser.get("/renseignements-personnels/PAS-UN-DOCUMENT")
            #expect(page.status == .notFound)
        }
    }

    @Test func theRecordsManagerMayScanAndConfirmRulesButNotSeeTheQueue() async throws {
        let office = try await Self.officeWithSIN()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "gestion.doc")
            let queue = try await browser.get("/renseignements-personnels")
            #expect(queue.status == .forbidden)
            #expect(!queue.main.contains("SG-POL-2015"))
            #expect(queue.main.contains("analyse du registre</button>"))
            #expect(try await browser.get("/renseignements-personnels/SG-POL-2015").status == .forbidden)
            let denied = try await browser.post("/renseignements-personnels/SG-POL-2015", ["decision": "dismiss", "note": "x"],
                                                csrfFrom: "/renseignements-personnels/regles")
            #expect(denied.status == .forbidden)
            // The rules, and confirming one.
            let rules = try await browser.get("/renseignements-personnels/regles")
            #expect(rules.status == .ok)
            #expect(rules.main.contains("2201"))
            #expect(rules.main.contains("Confirmer ou corriger une règle"))
            let refused = try await browser.post("/renseignements-personnels/regles",
                                                 ["rule": "1102", "personalInformation": "non", "measure": "detruire", "note": ""],
                                                 csrfFrom: "/renseignements-personnels/regles")
            #expect(refused.status == .unprocessableContent)
            #expect(refused.main.contains("id=\"measure-error\""))
            let confirmed = try await browser.post("/renseignements-personnels/regles",
                                                   ["rule": "1102", "personalInformation": "oui", "measure": "detruire", "note": "politiques nominatives"],
                                                   csrfFrom: "/renseignements-personnels/regles")
            #expect(confirmed.location == "/renseignements-personnels/regles?fait=priv_rule_confirmed")
            let after = try await browser.get("/renseignements-personnels/regles").main
            #expect(after.contains("confirmé par la gestion documentaire"))
            // The scan of the register, as a job with progress, then its result.
            let scan = try await browser.post("/renseignements-personnels/analyse", [:], csrfFrom: "/renseignements-personnels/regles")
            #expect(scan.status == .seeOther)
            let job = try #require(scan.location)
            #expect(job.hasPrefix("/travaux/"))
            var page = try await browser.get(job)
            for _ in 0..<100 where page.text.contains("http-equiv=\"refresh\"") {
                try await Task.sleep(for: .milliseconds(50))
                page = try await browser.get(job)
            }
            #expect(page.main.contains("analyse du registre est terminée."))
            #expect(page.main.contains("href=\"/renseignements-personnels\""))
        }
    }

    @Test func otherRolesAreRefusedTheQueueAndTheScan() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let agent = try await Browser.signedIn(client, as: "sg.agent")
            let queue = try await agent.get("/renseignements-personnels")
            #expect(queue.status == .forbidden)
            #expect(!queue.main.contains("analyse du registre</button>"))
            let scan = try await agent.post("/renseignements-personnels/analyse", [:])
            #expect(scan.status == .seeOther)
            var page = try await agent.get(try #require(scan.location))
            for _ in 0..<100 where page.text.contains("http-equiv=\"refresh\"") {
                try await Task.sleep(for: .milliseconds(50))
                page = try await agent.get(try #require(scan.location))
            }
            #expect(page.main.contains(MessageCatalogue.message(Refusal(.missingPermission, ["permission": "privacy.scan"]), in: .fr).prefix(10)))
            // The rules are the calendar's: readable, not confirmable.
            let rules = try await agent.get("/renseignements-personnels/regles")
            #expect(rules.status == .ok)
            #expect(!rules.main.contains("Confirmer ou corriger"))
        }
    }

    @Test func theQueueInEnglish() async throws {
        let office = try await Self.officeWithSIN()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "aiprp", language: "en")
            let page = try await browser.get("/renseignements-personnels")
            #expect(page.text.contains("<html lang=\"en\">"))
            #expect(page.main.contains("Review queue"))
            #expect(page.main.contains("sorted by sensitivity"))
            #expect(!page.main.contains("File de révision"))
            let show = try await browser.get("/renseignements-personnels/SG-POL-2015").main
            #expect(show.contains("Record the decision"))
            #expect(show.contains("SIN"))
        }
    }
}
