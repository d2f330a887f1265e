import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SablierApplication
import SablierCore
import SablierTestSupport
@testable import SablierWeb
import Testing

/// The dashboard, as each role sees it: the overview's numbers, nothing of another unit, the
/// chart of the ten years ahead, and a page for every role.
@Suite struct DashboardPagesTests {
    @Test func theRecordsManagerSeesTheOverviewsNumbers() async throws {
        let office = try await WebOffice()
        let overview = try await office.sablier.overview(try await office.sablier.localSession("gestion.doc"))
        let month = try #require(overview.dueByMonthEnd), year = try #require(overview.dueByYearEnd)
        try await office.test { client in
            let page = try await Browser.signedIn(client, as: "gestion.doc").get("/tableau-de-bord")
            #expect(page.status == .ok)
            let main = page.main
            #expect(main.contains("<h1>Tableau de bord</h1>"))
            #expect(main.contains("Situation au 29 novembre 2026"))
            #expect(tile("month", main).contains("<p class=\"big-number\">\(month.total)</p>"))
            #expect(tile("month", main).contains("Destruction\u{00A0}: <strong>\(month.destroy)</strong>"))
            #expect(tile("month", main).contains("href=\"/echeancier?date=2026-11-30\""))
            #expect(tile("year", main).contains("<p class=\"big-number\">\(year.total)</p>"))
            #expect(tile("year", main).contains("href=\"/echeancier?date=2026-12-31\""))
            #expect(tile("holds", main).contains("<p class=\"big-number\">0</p>") && tile("holds", main).contains("href=\"/gels\""))
            #expect(!main.contains("tuile-privacy") && !main.contains("tuile-incidents"), "not the records manager's to read")
            #expect(main.contains("id=\"dash-total\">12<"))
            #expect(!main.contains("dash-withheld"))
            #expect(main.contains("<td>Actif</td><td class=\"num\">12</td>"))
            #expect(main.contains("<td>PA — papier</td><td class=\"num\">6</td>"))
            #expect(main.contains("<td>Secrétariat général</td><td class=\"num\">4</td>"))
            #expect(main.contains("<th scope=\"col\">Phase</th>") && main.contains("<caption>Par unité détentrice</caption>"))
        }
    }

    @Test func theChartHasABarForEachOfTenYearsAndItsNumbersAsATable() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let main = try await Browser.signedIn(client, as: "gestion.doc").get("/tableau-de-bord").main
            let svg = try #require(main.range(of: "<svg").flatMap { start in
                main.range(of: "</svg>").map { String(main[start.lowerBound..<$0.upperBound]) } })
            #expect(svg.contains("role=\"img\"") && svg.contains("aria-label=\"Documents à échoir par année, par action. 2026\u{00A0}: 0 ; 2027\u{00A0}: 1"))
            #expect(svg.contains("<title>Documents à échoir par année, par action</title>"))
            #expect(occurrences("<g class=\"bar\">", in: svg) == 10)
            // 2027: SEC-INS-2025's transfer; 2030: RF-EF-2023's versement and SEC-INS-2025's destruction.
            #expect(svg.contains("<title>2027 — 1 (Transfert au semi-actif\u{00A0}: 1)</title>"))
            #expect(svg.contains("<title>2030 — 2 (Destruction\u{00A0}: 1, Versement\u{00A0}: 1)</title>"))
            #expect(occurrences("<rect x=", in: svg) == 4 + 3, "the legend's four swatches, then one segment per action and year")
            #expect(main.contains("<tr><th scope=\"row\">2030</th><td class=\"num\">0</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">2</td></tr>"))
            #expect(main.contains("id=\"dash-overdue\">9<"))
            #expect(!main.contains("dash-none-ahead"))
        }
    }

    @Test func aHolderSeesTheirUnitsCountsAndNoOtherUnitsNames() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let main = try await Browser.signedIn(client, as: "rh.chef").get("/tableau-de-bord").main
            #expect(main.contains("id=\"dash-total\">2<"))
            #expect(main.contains("id=\"dash-withheld\">10<"))
            #expect(main.contains("<td>Ressources humaines</td><td class=\"num\">2</td>"))
            for other in ["Secrétariat général", "Ressources financières", "Services éducatifs", "Érables", "SG-", "RF-", "Procès-verbaux"] {
                #expect(!main.contains(other), "\(other) on a détenteur's dashboard")
            }
            #expect(tile("month", main).contains("<p class=\"big-number\">1</p>"), "RH-EMP-0042's transfer")
            #expect(occurrences("<g class=\"bar\">", in: main) == 10)
            #expect(main.contains("id=\"dash-none-ahead\">Aucune action n&#39;arrive à échéance dans ces dix années."),
                    "RH-EMP-0042's destruction is in 2052")
        }
    }

    @Test func aUserOfAUnitGetsTheirRegisterAndNoDueTiles() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let page = try await Browser.signedIn(client, as: "rh.agent").get("/tableau-de-bord")
            #expect(page.status == .ok)
            #expect(page.main.contains("id=\"dash-total\">2<"))
            #expect(!page.main.contains("tuile-"), "no due list, holds, review or incidents for a utilisateur")
            #expect(!page.main.contains("href=\"/echeancier"))
        }
    }

    @Test func theIncidentCoordinatorSeesOpenIncidentsAndNoRegister() async throws {
        let office = try await WebOffice()
        _ = try await office.sablier.reportIncident(try await office.sablier.localSession("rh.agent"), kind: .confidentialite,
                                                    description: "Dossier laissé sur un bureau")
        let pending = try await office.sablier.privacyQueue(try await office.sablier.localSession("aiprp")).pending
        #expect(pending > 0, "the example register has documents whose rule the calendar flags")
        try await office.test { client in
            let main = try await Browser.signedIn(client, as: "csgi").get("/tableau-de-bord").main
            #expect(tile("incidents", main).contains("<p class=\"big-number\">1</p>"))
            #expect(tile("incidents", main).contains("href=\"/incidents\""))
            #expect(!main.contains("dash-total") && !main.contains("<svg"))
            #expect(main.contains("Vos rôles ne donnent pas accès au registre."))
            let privacy = try await Browser.signedIn(client, as: "aiprp").get("/tableau-de-bord").main
            #expect(tile("privacy", privacy).contains("<p class=\"big-number\">\(pending)</p>"))
            #expect(tile("privacy", privacy).contains("href=\"/renseignements-personnels\""))
        }
    }

    @Test func inEnglish() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let page = try await Browser.signedIn(client, as: "gestion.doc", language: "en").get("/tableau-de-bord")
            #expect(page.text.contains("<html lang=\"en\">"))
            #expect(page.main.contains("<h1>Dashboard</h1>") && page.main.contains("As of November 29, 2026"))
            #expect(page.main.contains("Due by the end of the month") && page.main.contains("Transfer to archives: <strong>"))
            #expect(page.main.contains("<td>Active</td>") && page.main.contains("PA — paper"))
            #expect(page.main.contains("<title>Documents falling due per year, by action</title>"))
            #expect(!page.main.contains("Tableau de bord") && !page.main.contains("échoir"))
        }
    }

    @Test func signedOutGoesToSignIn() async throws {
        let office = try await WebOffice(register: false)
        try await office.test { client in
            let response = try await Browser(client).get("/tableau-de-bord")
            #expect(response.status == .seeOther && response.location?.hasPrefix("/connexion") == true)
            let empty = try await Browser.signedIn(client, as: "gestion.doc").get("/tableau-de-bord")
            #expect(empty.status == .ok && empty.main.contains("id=\"dash-total\">0<"))
            #expect(!empty.main.contains("dash-overdue"))
        }
    }

    @Test func theChartsScaleStepsAreRound() {
        #expect(DueChart.niceStep(1) == 1 && DueChart.niceStep(5) == 1 && DueChart.niceStep(6) == 2)
        #expect(DueChart.niceStep(24) == 5 && DueChart.niceStep(26) == 10 && DueChart.niceStep(4_900) == 1_000)
    }
}

/// The tile `id` of the dashboard (`month`, `year`, `privacy`, `holds`, `incidents`), or "".
func tile(_ id: String, _ html: String) -> String {
    guard let start = html.range(of: "id=\"tuile-\(id)\"") else { return "" }
    let rest = html[start.upperBound...]
    let end = rest.range(of: "</div>")?.lowerBound ?? rest.endIndex
    return String(rest[..<end])
}

func occurrences(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}
