import Foundation
import SablierCore
import SablierStore
import SablierTestSupport
import Testing

/// Disposition lists proposed at once from two stores on one database, as two `sablier serve`
/// processes or the nightly job and a user would: each list gets its own number, one after the
/// other, no document goes into two lists, and the audit chain stays one line.
@Suite("Disposition lists proposed concurrently")
struct DispositionConcurrencyTests {
    let asOf = CivilDate(iso: "2026-11-29")!

    @Test("ten proposals from two stores at once: numbers 1…n without a gap or a repeat, each document in one list", arguments: Backend.allCases)
    func concurrentProposals(backend: Backend) async throws {
        try await ExampleRegister.with(backend) { first, directory in
            // A second store on the same database: another process's connections.
            let second = try await backend.makeStore(in: directory)
            let actions: [DueAction?] = [.destroy, .deposit, .sort, .transfer, nil]
            let outcomes = try await withThrowingTaskGroup(of: DispositionProposal?.self) { group in
                for (index, action) in actions.enumerated() {
                    for (side, store) in [first, second].enumerated() {
                        group.addTask {
                            do {
                                return try await store.proposeDisposition(asOf: asOf, action: action, by: "archiviste\(side)\(index)",
                                                                          at: ExampleRegister.now)
                            } catch let refusal as Refusal where refusal.code == .nothingDue {
                                return nil
                            }
                        }
                    }
                }
                var proposals: [DispositionProposal] = []
                for try await proposal in group { proposal.map { proposals.append($0) } }
                return proposals
            }
            let numbers = outcomes.map(\.list.number).sorted()
            #expect(!numbers.isEmpty)
            #expect(numbers == Array(1...numbers.count))
            let references = outcomes.flatMap { $0.items.map(\.reference) }
            #expect(references.count == Set(references).count, "a document went into two lists: \(references.sorted())")
            #expect(try await first.dispositionLists().map(\.number) == numbers)
            #expect(try await second.dispositionLists().map(\.number) == numbers)
            for proposal in outcomes {
                #expect(try await second.dispositionItems(of: proposal.list.number) == proposal.items)
            }
            // Every proposal appended its entry to one chain.
            #expect(try await first.auditEntries(since: nil, user: nil, target: nil).filter { $0.action == "disposition.propose" }.count
                    == numbers.count)
            #expect(try await second.verifyAudit(checkpoint: nil).isIntact)
        }
    }
}
