import Foundation
import SablierApplication
import SablierCore
import SablierStore
import SablierTestSupport
import Testing

/// The use cases the web pages added: the review queue with its due dates, and the audit trail
/// one page at a time between two days.
@Suite("Use cases of the pages: the review queue's dates, the audit trail's pages")
struct PageUseCaseTests {
    @Test("the queue with dates is the queue, each document with the day its final disposition falls due, and the AIPRP officer's only")
    func queueWithDates() async throws {
        let office = try await TestOffice(.register)
        let aiprp = try await office.session("aiprp")
        let queue = try await office.sablier.privacyQueue(aiprp)
        let dated = try await office.sablier.privacyQueueWithDates(aiprp)
        #expect(dated.lines.map(\.entry) == queue.entries)
        #expect(dated.pending == queue.pending && dated.withheld == queue.withheld)
        let payroll = try #require(dated.lines.first { $0.entry.reference == "RF-PAIE-2018" })
        let detail = try await office.sablier.document(try await office.session("gestion.doc"), "RF-PAIE-2018")
        #expect(payroll.dueOn != nil && payroll.dueOn == detail.document.finalOn)
        #expect(payroll.finalAction == detail.document.finalAction)
        let refused = await thrownRefusal { _ = try await office.sablier.privacyQueueWithDates(try await office.session("gestion.doc")) }
        #expect(refused?.code == .missingPermission)
    }

    @Test("the audit page: a filter between two days, pages of a given size, the total; the auditor's, never the records manager's")
    func auditPage() async throws {
        let office = try await TestOffice(.register)
        let verif = try await office.session("verif")
        let all = try await office.sablier.auditLog(verif)
        let first = try await office.sablier.auditPage(verif, limit: 5)
        #expect(first.total == all.count && first.entries.map(\.sequence) == all.prefix(5).map(\.sequence))
        let second = try await office.sablier.auditPage(verif, offset: 5, limit: 5)
        #expect(second.entries.map(\.sequence) == all.dropFirst(5).prefix(5).map(\.sequence))
        #expect(try await office.sablier.auditPage(verif, offset: all.count, limit: 5).entries.isEmpty)
        let day = TestOffice.day
        #expect(try await office.sablier.auditPage(verif, since: day, until: day).total == all.count)
        #expect(try await office.sablier.auditPage(verif, until: CivilDate(iso: "2026-11-28")!).total == 0)
        #expect(try await office.sablier.auditPage(verif, since: CivilDate(iso: "2026-11-30")!).total == 0)
        let byUser = try await office.sablier.auditPage(verif, user: "gestion.doc", target: "document SG-CORR-2021")
        #expect(byUser.total >= 1 && byUser.entries.allSatisfy { $0.user == "gestion.doc" && $0.target == "document SG-CORR-2021" })
        #expect(await thrownRefusal { _ = try await office.sablier.auditPage(verif, offset: -1) }?.code == .outOfRange)
        #expect(await thrownRefusal { _ = try await office.sablier.auditPage(verif, limit: 0) }?.code == .outOfRange)
        #expect(await thrownRefusal { _ = try await office.sablier.auditPage(try await office.session("gestion.doc")) }?.code == .missingPermission)
    }
}
