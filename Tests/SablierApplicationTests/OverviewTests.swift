import Foundation
import SablierApplication
import SablierCore
import SablierSQLite
import SablierStore
import Testing

/// The dashboard's use case: each role gets the parts it may see, every number what the page
/// it links to would count for the same reader.
@Suite("Overview: the dashboard's numbers, per role")
struct OverviewTests {
    @Test("the records manager sees the whole register by phase, support and unit, and the due counts are the due list's")
    func recordsManager() async throws {
        let office = try await TestOffice(.register)
        let session = try await office.session("gestion.doc")
        let overview = try await office.sablier.overview(session)
        #expect(overview.asOf == "2026-11-29" && overview.monthEnd == "2026-11-30" && overview.yearEnd == "2026-12-31")
        let register = try #require(overview.register)
        #expect(register.total == 12 && register.withheld == 0)
        #expect(register.byPhase.map(\.name) == ["actif", "semi-actif", "inactif-verse", "inactif-detruit"])
        #expect(register.byPhase.map(\.count) == [12, 0, 0, 0])
        #expect(register.bySupport == [OverviewCount(name: "DM", count: 6), OverviewCount(name: "PA", count: 6)])
        #expect(register.byHolder.first == OverviewCount(name: "Secrétariat général", count: 4))
        #expect(register.byHolder.map(\.count).reduce(0, +) == 12)
        let monthEnd = try await office.sablier.dueList(session, asOf: CivilDate(iso: "2026-11-30")).summary
        let yearEnd = try await office.sablier.dueList(session, asOf: CivilDate(iso: "2026-12-31")).summary
        #expect(overview.dueByMonthEnd == monthEnd && overview.dueByYearEnd == yearEnd)
        #expect(monthEnd.total == 9)
        #expect(overview.openHolds == 0)
        #expect(overview.privacyPending == nil, "privacy.review is the AIPRP officer's")
        #expect(overview.openIncidents == nil, "incidents.manage is the RSI's and the CSGI's")
    }

    @Test("the volumes ahead: what is overdue is the due list's at the end of last year, then each action in the year of its date")
    func volumesAhead() async throws {
        let office = try await TestOffice(.register)
        let session = try await office.session("gestion.doc")
        let register = try #require(try await office.sablier.overview(session).register)
        #expect(register.years.map(\.year) == Array(2026...2035))
        let lastYear = try await office.sablier.dueList(session, asOf: CivilDate(iso: "2025-12-31")).summary
        #expect(register.overdue.transfer == lastYear.transfer && register.overdue.destroy == lastYear.destroy)
        #expect(register.overdue.deposit == lastYear.deposit && register.overdue.sort == lastYear.sort)
        #expect(register.overdue.total == 9)
        // SEC-INS-2025: transfer 2027-06-30, destruction 2030-06-30; RF-EF-2023: deposit 2030-06-30
        // (its transfer of 2025 is overdue); RH-EMP-0042's destruction in 2052 is beyond ten years.
        #expect(register.years[1].counts.transfer == 1 && register.years[1].counts.total == 1)
        #expect(register.years[4].counts.destroy == 1 && register.years[4].counts.deposit == 1 && register.years[4].counts.total == 2)
        #expect(register.years.map(\.counts.total).reduce(0, +) == 3)
        // A year later, the transfer of 2027 is overdue and 2036 comes into view.
        let later = try #require(try await office.on("2028-01-15").overview(session).register)
        #expect(later.years.first?.year == 2028 && later.overdue.total == 10)
    }

    @Test("a détenteur's dashboard counts their unit only and says how many documents it left out")
    func holderUnit() async throws {
        let office = try await TestOffice(.register)
        let session = try await office.session("rh.chef")
        let overview = try await office.sablier.overview(session)
        let register = try #require(overview.register)
        #expect(register.total == 2 && register.withheld == 10)
        #expect(register.byHolder == [OverviewCount(name: "Ressources humaines", count: 2)])
        let due = try #require(overview.dueByMonthEnd)
        #expect(due == (try await office.sablier.dueList(session, asOf: CivilDate(iso: "2026-11-30")).summary))
        #expect(due.total == 1 && due.withheld == 8)
        #expect(overview.openHolds == 0)
    }

    @Test("a utilisateur gets the register of their unit, and nothing of the due list, holds, review or incidents")
    func userOfAUnit() async throws {
        let office = try await TestOffice(.register)
        let overview = try await office.sablier.overview(try await office.session("rh.agent"))
        #expect(overview.register?.total == 2)
        #expect(overview.dueByMonthEnd == nil && overview.dueByYearEnd == nil)
        #expect(overview.openHolds == nil && overview.privacyPending == nil && overview.openIncidents == nil)
        #expect(try await office.refusals().isEmpty, "a part left out is no refusal")
    }

    @Test("the CSGI sees the incidents not closed; the AIPRP officer the documents waiting for review")
    func incidentsAndReview() async throws {
        let office = try await TestOffice(.register)
        let csgi = try await office.session("csgi")
        _ = try await office.sablier.reportIncident(try await office.session("rh.agent"), kind: .confidentialite, description: "Dossier ouvert")
        _ = try await office.sablier.reportIncident(csgi, kind: .disponibilite, description: "Panne")
        _ = try await office.sablier.updateIncident(csgi, 2, status: .ferme, note: "Réparé")
        let overview = try await office.sablier.overview(csgi)
        #expect(overview.openIncidents == 1)
        #expect(overview.register == nil && overview.dueByMonthEnd == nil && overview.openHolds == nil)
        let aiprp = try await office.sablier.overview(try await office.session("aiprp"))
        let queue = try await office.sablier.privacyQueue(try await office.session("aiprp"))
        #expect(aiprp.privacyPending == queue.pending)
        #expect(aiprp.openIncidents == nil && aiprp.register?.total == 12)
    }

    @Test("a hold in force counts for the readers it reaches")
    func holds() async throws {
        let office = try await TestOffice(.register)
        _ = try await office.sablier.placeHold(try await office.session("gestion.doc"), on: .document("RH-EMP-0042"), reason: "Litige")
        #expect(try await office.sablier.overview(try await office.session("gestion.doc")).openHolds == 1)
        #expect(try await office.sablier.overview(try await office.session("rh.chef")).openHolds == 1)
        #expect(try await office.sablier.overview(try await office.session("sg.chef")).openHolds == 0)
    }

    @Test("a disabled user is refused the dashboard as any use case, and the refusal is audited")
    func disabledUser() async throws {
        let office = try await TestOffice(.register)
        let session = try await office.session("rh.agent")
        try await office.store.setActive("rh.agent", false, by: "admin", at: TestOffice.now)
        let refusal = await thrownRefusal { _ = try await office.sablier.overview(session) }
        #expect(refusal?.code == .disabledUser)
        #expect(try await office.refusals().last?.user == "rh.agent")
    }
}
