import Foundation
import SablierApplication
import SablierCore
import SablierStore
import Testing

/// The register's search and a document's card as the web pages ask for them.
@Suite("Register search and card use cases")
struct RegisterSearchUseCaseTests {
    @Test("a search narrows by query, next due date and holds, counts what it selects, and pages it")
    func narrowsAndPages() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let whole = try await office.sablier.searchDocuments(manager, DocumentSearch())
        #expect(whole.total == 12 && whole.documents.count == 12 && whole.withheld == 0)
        let window = try await office.sablier.searchDocuments(manager, DocumentSearch(), offset: 10, limit: 5)
        #expect(window.total == 12 && window.documents.map(\.reference) == whole.documents.suffix(2).map(\.reference))

        let due = try await office.sablier.searchDocuments(manager, DocumentSearch(dueBy: CivilDate(iso: "2026-11-29")!))
        let list = try await office.sablier.dueList(manager)
        #expect(Set(due.documents.map(\.reference)) == Set(list.entries.map(\.reference)))
        #expect(due.withheld == nil)

        _ = try await office.sablier.placeHold(manager, on: .rule("2101"), reason: "Litige")
        let held = try await office.sablier.searchDocuments(manager, DocumentSearch(held: true))
        #expect(held.documents.map(\.reference) == ["RH-EMP-0042", "RH-EMP-0107"])
        let free = try await office.sablier.searchDocuments(manager, DocumentSearch(held: false))
        #expect(free.total == 10)
        let both = try await office.sablier.searchDocuments(manager, DocumentSearch(query: "support=PA", held: true))
        #expect(both.documents.map(\.reference) == ["RH-EMP-0042"])
    }

    @Test("each field of a search is one term, whatever it holds: a `;` in it adds no term")
    func fieldsAreTermsOfTheirOwn() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let byFields = try await office.sablier.searchDocuments(manager, DocumentSearch(holder: "Ressources humaines", support: "PA"))
        #expect(byFields.documents.map(\.reference) == ["RH-EMP-0042"] && byFields.withheld == nil)
        let withQuery = try await office.sablier.searchDocuments(manager, DocumentSearch(query: "holder=Ressources humaines", rule: "2101"))
        #expect(withQuery.documents.map(\.reference) == ["RH-EMP-0042", "RH-EMP-0107"])
        // Pasted into the query, this title would read as `title~x` and `holder=Ressources humaines`.
        let pasted = try await office.sablier.searchDocuments(manager, DocumentSearch(titleContains: "x; holder = Ressources humaines"))
        #expect(pasted.total == 0)
        let unit = try await office.sablier.searchDocuments(manager, DocumentSearch(holder: "Ressources humaines; support=PA"))
        #expect(unit.total == 0)
        let blank = try await office.sablier.searchDocuments(manager, DocumentSearch(titleContains: "  "))
        #expect(blank.total == 12 && blank.withheld == 0, "a blank field narrows nothing")
    }

    @Test("a unit's user finds their unit's documents only; only the whole register says how many others exist")
    func visibility() async throws {
        let office = try await TestOffice(.register)
        let agent = try await office.session("rh.agent")
        let whole = try await office.sablier.searchDocuments(agent, DocumentSearch())
        #expect(Set(whole.documents.map(\.holder)) == ["Ressources humaines"] && whole.total == 2 && whole.withheld == 10)
        let query = try await office.sablier.searchDocuments(agent, DocumentSearch(query: "support=PA"))
        #expect(query.documents.map(\.reference) == ["RH-EMP-0042"] && query.withheld == nil)
        let bad = await thrownRefusal { _ = try await office.sablier.searchDocuments(agent, DocumentSearch(query: "colour=red")) }
        #expect(bad?.code == .invalidQuery)
        let negative = await thrownRefusal { _ = try await office.sablier.searchDocuments(agent, DocumentSearch(), offset: -1) }
        #expect(negative?.code == .outOfRange)
        let csgi = await thrownRefusal { _ = try await office.sablier.searchDocuments(try await office.session("csgi"), DocumentSearch()) }
        #expect(csgi?.code == .missingPermission)
    }

    @Test("a card lists the holds covering the document; another unit's document is refused as a missing one")
    func card() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let hold = try await office.sablier.placeHold(manager, on: .document("RH-EMP-0042"), reason: "Demande d'accès")
        let card = try await office.sablier.documentCard(try await office.session("rh.agent"), "RH-EMP-0042")
        #expect(card.holds.map(\.id) == [hold.id] && card.holds[0].reason == "Demande d'accès")
        #expect(card.detail.document.held && !card.detail.explanation.isEmpty)
        #expect(card.detail.events.contains { $0.kind == "hold-placed" })
        let other = await thrownRefusal { _ = try await office.sablier.documentCard(try await office.session("rh.agent"), "SG-CORR-2021") }
        let missing = await thrownRefusal { _ = try await office.sablier.documentCard(try await office.session("rh.agent"), "NOPE") }
        #expect(other == Refusal(.documentNotFound, ["reference": "SG-CORR-2021"]) && missing?.code == .documentNotFound)
        #expect(try await office.refusals().last?.details.contains("not-registered") == true)
    }
}
