import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SablierApplication
import SablierCore
import SablierRegister
import SablierTestSupport
@testable import SablierWeb
import Testing

/// The due list's pages: the list with its filters, order and pages; the CSV for Excel in
/// French; the print view; as the records manager, a détenteur and a utilisateur.
@Suite struct DuePagesTests {
    @Test func theRecordsManagerSeesEveryDueDocumentLinkedToItsCard() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let page = try await Browser.signedIn(client, as: "gestion.doc").get("/echeancier")
            #expect(page.status == .ok)
            let main = page.main
            #expect(main.contains("<h1>Échéancier</h1>"))
            #expect(main.contains("9 documents échus — 29 novembre 2026"))
            #expect(main.contains("value=\"2026-11-29\""), "today, from the application's clock")
            #expect(references(main).count == 9)
            #expect(main.contains("<a href=\"/registre/documents/RF-BUD-2014\">RF-BUD-2014</a>"))
            #expect(main.contains("<th scope=\"col\" aria-sort=\"ascending\">"), "sorted by due date by default")
            #expect(occurrences("<th scope=\"col\"", in: main) == 7)
            #expect(main.contains("Destruction\u{00A0}: <strong>4</strong>"))
            #expect(!main.contains("due-withheld"))
            #expect(main.contains("href=\"/echeancier.csv?date=2026-11-29&amp;tri=due\""))
            #expect(main.contains("href=\"/echeancier/impression?date=2026-11-29&amp;tri=due\""))
            #expect(main.contains("<button type=\"button\" data-print hidden>Imprimer</button>"))
            // The units present in the list, to filter on.
            #expect(main.contains("<option value=\"Ressources financières\">Ressources financières</option>"))
            #expect(!main.contains("<option value=\"Services éducatifs\">"), "SEC-INS-2025 is not due yet")
        }
    }

    @Test func filtersByActionUnitAndDay() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "gestion.doc")
            // Every day is given: the page's default is the office's fixed clock, never the machine's.
            #expect(office.sablier.clock.today == WebOffice.day)
            let destroy = try await browser.get("/echeancier?date=2026-11-29&action=destroy").main
            #expect(references(destroy).count == 4)
            #expect(destroy.contains("<option value=\"destroy\" selected>Destruction</option>"))
            #expect(!destroy.contains("<td>Versement</td>") && !destroy.contains("<td>Tri</td>"))
            let unit = try await browser.get("/echeancier?date=2026-11-29&unite=Secr%C3%A9tariat%20g%C3%A9n%C3%A9ral").main
            #expect(Set(references(unit)) == ["SG-CORR-2021", "SG-POL-2015", "SG-PV-CA-2019"])
            #expect(unit.contains("<option value=\"Secrétariat général\" selected>"))
            let earlier = try await browser.get("/echeancier?date=2016-01-01").main
            #expect(references(earlier) == ["ELV-2010-0001", "ELV-2010-0001-NUM", "RF-BUD-2014"])
            let none = try await browser.get("/echeancier?date=2000-01-01")
            #expect(none.status == .ok && none.main.contains("id=\"due-empty\">Aucun document n&#39;est échu à cette date pour ces critères."))
        }
    }

    @Test func sortsByEachColumnBothWays() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "gestion.doc")
            let byReference = references(try await browser.get("/echeancier?tri=reference").main)
            #expect(byReference == byReference.sorted() && byReference.count == 9)
            let descending = try await browser.get("/echeancier?tri=reference&ordre=desc").main
            #expect(references(descending) == byReference.reversed())
            #expect(descending.contains("aria-sort=\"descending\""))
            #expect(descending.contains("href=\"/echeancier?date=2026-11-29&amp;tri=reference\""), "the header sorts the other way")
            let byDue = try await browser.get("/echeancier?tri=due").main
            #expect(references(byDue).first == "RF-BUD-2014" && references(byDue).last == "SG-POL-2015")
            let byUnit = references(try await browser.get("/echeancier?tri=unit").main)
            #expect(byUnit.first?.hasPrefix("ELV-") == true && byUnit.last?.hasPrefix("SG-") == true)
            let byRule = references(try await browser.get("/echeancier?tri=rule&ordre=desc").main)
            #expect(byRule.first?.hasPrefix("ELV-") == true, "rule 7101 first")
        }
    }

    @Test func aHundredLinesAPage() async throws {
        let office = try await WebOffice()
        try await Self.registerBatch(office, count: 150)
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "gestion.doc")
            let first = try await browser.get("/echeancier?tri=reference").main
            #expect(references(first).count == 100)
            #expect(first.contains("159 documents échus"))
            #expect(first.contains("Lignes 1–100 sur 159"))
            #expect(first.contains("href=\"/echeancier?date=2026-11-29&amp;tri=reference&amp;page=2\" rel=\"next\""))
            #expect(!first.contains("rel=\"prev\""))
            let second = try await browser.get("/echeancier?tri=reference&page=2").main
            #expect(references(second).count == 59 && Set(references(second)).isDisjoint(with: references(first)))
            #expect(second.contains("Lignes 101–159 sur 159") && second.contains("rel=\"prev\"") && !second.contains("rel=\"next\""))
            let beyond = try await browser.get("/echeancier?tri=reference&page=9").main
            #expect(references(beyond) == references(second), "a page past the end shows the last")
            let huge = try await browser.get("/echeancier?tri=reference&page=9223372036854775807")
            #expect(huge.status == .ok && references(huge.main) == references(second), "no overflow: the last page")
            #expect(huge.main.contains("Lignes 101–159 sur 159") && huge.main.contains("href=\"/echeancier?date=2026-11-29&amp;tri=reference\" rel=\"prev\""))
        }
    }

    @Test func theCSVOpensInExcelInFrenchAndNeutralisesFormulas() async throws {
        let office = try await WebOffice()
        try await Self.registerBatch(office, count: 1, title: "=HYPERLINK(\"http://exemple.test\";\"clic\")")
        try await office.test { client in
            let response = try await Browser.signedIn(client, as: "gestion.doc").get("/echeancier.csv?action=destroy&tri=reference")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"echeancier-2026-11-29-destroy.csv\"")
            let bytes = Array(response.body.readableBytesView)
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "the BOM")
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            let lines = text.components(separatedBy: "\r\n")
            #expect(lines.first == "Cote;Titre;Règle;Exemplaire;Support;Unité détentrice;Action;Échéance;Gel")
            #expect(lines.count == 1 + 5 + 1 && lines.last == "", "a header, five lines, each ended by CR LF")
            #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
            #expect(lines.contains("LOT-0001;\"'=HYPERLINK(\"\"http://exemple.test\"\";\"\"clic\"\")\";1201;principal;DM;Secrétariat général;Destruction;2024-06-30;non"))
            #expect(lines.contains("RF-PAIE-2018;Registre de paie 2018;2201;principal;DM;Ressources financières;Destruction;2025-06-30;non"))
        }
    }

    @Test func thePrintViewHasTheDateFiltersAndCountWithoutNavigation() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let page = try await Browser.signedIn(client, as: "gestion.doc").get("/echeancier/impression?action=destroy")
            #expect(page.status == .ok)
            #expect(!page.text.contains("main-nav") && !page.text.contains("<form"))
            #expect(page.text.contains("<h1>Échéancier — échus au 29 novembre 2026</h1>"))
            #expect(page.text.contains("Action\u{00A0}: Destruction · Unité détentrice\u{00A0}: Toutes les unités"))
            #expect(page.text.contains("id=\"due-count\">4 documents échus<"))
            #expect(references(page.text, linked: false).count == 4)
            #expect(page.text.contains("2026-11-29 par gestion.doc"))
            #expect(page.text.contains("href=\"/echeancier?date=2026-11-29&amp;action=destroy&amp;tri=due\""))
            #expect(page.text.contains("media=\"print\""))
        }
    }

    @Test func aHolderSeesTheirUnitOnlyAndHowManyAreWithheld() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "rh.chef")
            let main = try await browser.get("/echeancier").main
            #expect(references(main) == ["RH-EMP-0042"])
            #expect(main.contains("id=\"due-withheld\">Documents échus d&#39;autres unités, non affichés\u{00A0}: 8<"))
            #expect(!main.contains("Secrétariat général") && !main.contains("Ressources financières"))
            // Asking for another unit gives nothing of it, on the page, the file or the print view.
            let other = try await browser.get("/echeancier?unite=Secr%C3%A9tariat%20g%C3%A9n%C3%A9ral")
            #expect(references(other.main).isEmpty && !other.main.contains("SG-"))
            let csv = String(buffer: try await browser.get("/echeancier.csv?unite=Secr%C3%A9tariat%20g%C3%A9n%C3%A9ral").body)
            #expect(csv.components(separatedBy: "\r\n").count == 2 && !csv.contains("SG-"))
            let all = String(buffer: try await browser.get("/echeancier.csv").body)
            #expect(all.contains("RH-EMP-0042") && !all.contains("RF-") && !all.contains("SG-"))
            #expect(!(try await browser.get("/echeancier/impression").text.contains("SG-")))
        }
    }

    @Test func anotherUnitAskedForLooksLikeAUnitWithNothingDue() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "rh.chef")
            let other = try await browser.get("/echeancier?unite=Secr%C3%A9tariat%20g%C3%A9n%C3%A9ral")
            let nowhere = try await browser.get("/echeancier?unite=Nulle%20part")
            #expect(other.status == .ok && nowhere.status == .ok, "an empty result, not a refusal")
            #expect(other.main.contains("id=\"due-empty\"") && other.main.contains("<strong>0 documents échus — 29 novembre 2026</strong>"))
            #expect(other.main.contains("<option value=\"Secrétariat général\" selected>"), "what was asked is shown back")
            #expect(other.main.contains("<option value=\"Ressources humaines\">"))
            #expect(other.main.contains("non affichés\u{00A0}: 8<"), "the count withheld from the reader, whatever the unit")
            // The name asked for comes back in the select and the links, as typed; nothing else differs.
            func blind(_ text: String, _ unit: String) -> String {
                text.replacingOccurrences(of: WebPages.queryEscaped(unit), with: "X").replacingOccurrences(of: unit, with: "X")
            }
            #expect(blind(other.main, "Secrétariat général") == blind(nowhere.main, "Nulle part"),
                    "a unit with lines the reader may not see reads as a unit that does not exist")
            for path in ["/echeancier.csv?unite=", "/echeancier/impression?unite="] {
                let asked = try await browser.get(path + "Secr%C3%A9tariat%20g%C3%A9n%C3%A9ral")
                let absent = try await browser.get(path + "Nulle%20part")
                #expect(asked.status == .ok && blind(asked.text, "Secrétariat général") == blind(absent.text, "Nulle part"), "\(path)")
            }
        }
    }

    @Test func aUserOfAUnitIsRefusedTheDueList() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "rh.agent")
            for path in ["/echeancier", "/echeancier.csv", "/echeancier/impression"] {
                let response = try await browser.get(path)
                #expect(response.status == .forbidden, "\(path)")
                #expect(!response.text.contains("RH-EMP-0042") && !response.text.contains("SG-"))
            }
            #expect(try await browser.get("/echeancier").main.contains("due.read"))
            #expect(!(try await browser.get("/tableau-de-bord").text.contains("href=\"/echeancier\"")), "no link to it either")
        }
    }

    @Test func aDateThatDoesNotReadIsSaidNextToItsField() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "gestion.doc")
            let page = try await browser.get("/echeancier?date=2026-13-45&action=destroy")
            #expect(page.status == .unprocessableContent)
            #expect(page.main.contains("id=\"date-error\""))
            #expect(page.main.contains("aria-invalid=\"true\""))
            #expect(page.main.contains("href=\"#date\""))
            #expect(page.main.contains("2026-13-45"))
            let action = try await browser.get("/echeancier?action=bruler")
            #expect(action.status == .unprocessableContent && action.main.contains("id=\"action-error\""))
            #expect(try await browser.get("/echeancier.csv?date=hier").status == .unprocessableContent)
        }
    }

    @Test func inEnglish() async throws {
        let office = try await WebOffice()
        try await office.test { client in
            let browser = try await Browser.signedIn(client, as: "gestion.doc", language: "en")
            let main = try await browser.get("/echeancier").main
            #expect(main.contains("<h1>Due list</h1>") && main.contains("9 documents due — November 29, 2026"))
            #expect(main.contains("<td>Transfer to archives</td>") && main.contains(">Reference</a>"))
            #expect(!main.contains("Échéancier") && !main.contains("Destruction\u{00A0}:"))
            let csv = String(buffer: try await browser.get("/echeancier.csv").body)
            #expect(csv.contains("Reference;Title;Rule;Copy;Medium;Holding unit;Action;Due date;Hold\r\n"))
        }
    }

    /// Registers `count` documents of the Secrétariat général under rule 1201, closed in 2021,
    /// so that their destruction fell due on 2024-06-30; the first has `title`.
    static func registerBatch(_ office: WebOffice, count: Int, title: String = "Correspondance") async throws {
        var csv = "reference,title,rule,copy,support,holder,opened,closed\n"
        for index in 1...count {
            let name = index == 1 ? title : "\(title) \(index)"
            csv += "LOT-\(String(format: "%04d", index)),\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\",1201,principal,DM,"
                + "Secrétariat général,2021-01-04,2021-12-20\n"
        }
        let file = try office.directory.write("lot.csv", csv)
        let outcome = try await DocumentRegistrar(store: office.store).importCSV(path: file.path, skipInvalid: false, actor: "gestion.doc",
                                                                                 now: WebOffice.now)
        #expect(outcome.registered == count)
    }
}

/// The references of a due table's rows, in order: the links to the card, or (`linked` false,
/// the print view) the first cells.
func references(_ html: String, linked: Bool = true) -> [String] {
    let marker = linked ? "<a href=\"/registre/documents/" : "<tr><td class=\"nowrap\">"
    return html.components(separatedBy: marker).dropFirst().map { part in
        let text = linked ? String(part.drop { $0 != ">" }.dropFirst()) : part
        return String(text.prefix { $0 != "<" })
    }
}
