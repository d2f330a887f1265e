import Foundation
import SablierApplication
import SablierCore
import SablierTestSupport
import Testing

/// The due list's page: one unit, an order, a window, over the lines `dueList` gives the reader.
@Suite("Due page: a unit, an order and a window of the reader's due list")
struct DuePageTests {
    @Test("a unit keeps its lines, however it is written, and the page counts them; the units offered are the reader's")
    func filterByUnit() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let list = try await office.sablier.dueList(manager)
        let page = try await office.sablier.duePage(manager, DuePageRequest(unit: "  secrétariat GÉNÉRAL ", sort: .reference))
        #expect(page.entries.map(\.reference) == ["SG-CORR-2021", "SG-POL-2015", "SG-PV-CA-2019"])
        #expect(page.total == 3 && page.offset == 0 && page.limit == 100)
        #expect(page.unit == "Secrétariat général", "the unit as the register spells it, for the select")
        #expect(page.units == Set(list.entries.map(\.holder)).sorted { $0.localizedStandardCompare($1) == .orderedAscending })
        #expect(page.units.contains("Ressources financières") && page.units.count == 4)
        #expect(page.summary.total == 3 && page.summary.asOf == "2026-11-29")
        #expect(page.summary.transfer + page.summary.destroy + page.summary.deposit + page.summary.sort == 3)
        #expect(page.summary.destroy == page.entries.filter { $0.action == DueAction.destroy.rawValue }.count)
        let whole = try await office.sablier.duePage(manager, DuePageRequest())
        #expect(whole.total == 9 && whole.summary == list.summary && whole.unit == nil)
        #expect(whole.entries == list.entries, "by due date then reference, as the due list is")
        let destroy = try await office.sablier.duePage(manager, DuePageRequest(action: .destroy, unit: "Secrétariat général"))
        #expect(destroy.entries.allSatisfy { $0.action == "destroy" && $0.holder == "Secrétariat général" } && destroy.total >= 1)
    }

    @Test("a unit the reader may not see gives the page of a unit that does not exist: no line, no name, the same withheld count")
    func unitTheReaderMayNotSee() async throws {
        let office = try await TestOffice(.register)
        let holder = try await office.session("rh.chef")
        let own = try await office.sablier.duePage(holder, DuePageRequest())
        #expect(own.entries.map(\.reference) == ["RH-EMP-0042"] && own.units == ["Ressources humaines"])
        #expect(own.summary.withheld == 8)
        let other = try await office.sablier.duePage(holder, DuePageRequest(unit: "Secrétariat général"))
        let nowhere = try await office.sablier.duePage(holder, DuePageRequest(unit: "Unité qui n'existe pas"))
        #expect(other.entries.isEmpty && other.total == 0 && other.unit == nil)
        #expect(other.units == ["Ressources humaines"] && other.summary.withheld == 8 && other.summary.total == 0)
        #expect(other == nowhere, "nothing tells a unit with withheld lines from one that does not exist")
        #expect(await thrownRefusal { _ = try await office.sablier.duePage(try await office.session("rh.agent"), DuePageRequest()) }?
            .code == .missingPermission)
    }

    @Test("each column sorts both ways, ties by due date then reference")
    func sortsBothWays() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let ascending = try await office.sablier.duePage(manager, DuePageRequest(sort: .reference)).entries.map(\.reference)
        #expect(ascending.count == 9 && ascending == ascending.sorted())
        let descending = try await office.sablier.duePage(manager, DuePageRequest(sort: .reference, descending: true)).entries.map(\.reference)
        #expect(descending == ascending.reversed())
        let byDue = try await office.sablier.duePage(manager, DuePageRequest(sort: .due, descending: true)).entries
        #expect(byDue.map(\.due) == byDue.map(\.due).sorted().reversed())
        let byUnit = try await office.sablier.duePage(manager, DuePageRequest(sort: .unit)).entries
        #expect(byUnit.map(\.holder) == byUnit.map(\.holder).sorted { $0.localizedStandardCompare($1) == .orderedAscending })
        for (a, b) in zip(byUnit, byUnit.dropFirst()) where a.holder == b.holder {
            #expect(a.due < b.due || (a.due == b.due && a.reference < b.reference), "ties: \(a.reference), \(b.reference)")
        }
        let byUnitDown = try await office.sablier.duePage(manager, DuePageRequest(sort: .unit, descending: true)).entries
        #expect(byUnitDown.first?.holder == byUnit.last?.holder && byUnitDown.last?.holder == byUnit.first?.holder)
    }

    @Test("windows follow each other without a gap or a repeat; the last window is the last lines")
    func pagingWindow() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let all = try await office.sablier.duePage(manager, DuePageRequest(sort: .reference, limit: nil))
        #expect(all.entries.count == 9 && all.limit == nil && all.offset == 0)
        var seen: [String] = []
        for offset in [0, 4, 8] {
            let window = try await office.sablier.duePage(manager, DuePageRequest(sort: .reference, offset: offset, limit: 4))
            #expect(window.total == 9 && window.offset == offset && window.limit == 4)
            seen += window.entries.map(\.reference)
        }
        #expect(seen == all.entries.map(\.reference))
    }

    @Test("a huge or negative offset or limit is clamped, never an overflow: past the end is the last window, at most a thousand lines")
    func hugeOffset() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let last = try await office.sablier.duePage(manager, DuePageRequest(sort: .reference, offset: Int.max, limit: 4))
        #expect(last.offset == 8 && last.entries.map(\.reference) == ["SG-PV-CA-2019"] && last.total == 9)
        let widest = try await office.sablier.duePage(manager, DuePageRequest(offset: Int.max, limit: Int.max))
        #expect(widest.limit == DuePageRequest.maximumLimit && widest.offset == 0 && widest.entries.count == 9)
        let below = try await office.sablier.duePage(manager, DuePageRequest(sort: .reference, offset: Int.min, limit: Int.min))
        #expect(below.offset == 0 && below.limit == 1 && below.entries.map(\.reference) == ["ELV-2010-0001"])
        let empty = try await office.sablier.duePage(manager, DuePageRequest(asOf: CivilDate(iso: "2000-01-01"), offset: Int.max))
        #expect(empty.entries.isEmpty && empty.total == 0 && empty.offset == 0)
    }
}
