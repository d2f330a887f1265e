import SablierCore
import ArgumentParser
import Foundation
import SablierStore

/// `sablier disposition decide N REF keep|destroy`: the decision a sort (tri, T) needs.
struct DispositionDecide: GuardedCommand {
    static let permission = Permission.manageDisposition

    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Record whether a document to be sorted (T) is kept or destroyed, with the reason.",
        discussion: """
            Taken while the list is proposed, so that its approver approves the decisions too; a new \
            decision replaces the earlier one. A kept document goes to the archives (as a deposit); a \
            destroyed one is destroyed like a D document, with its certificate entry and tombstone.
            """
    )

    @Argument(help: "The list's number.") var number: Int
    @Argument(help: "The document's reference.") var reference: String
    @Argument(help: "keep or destroy.") var decision: SortDecisionArgument
    @Option(help: "Why, as the rule's remark asks (kept with the certificate).") var reason: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(with access: Access) async throws {
        let item = try await store.openDisposition().decideSort(
            list: number, reference: reference, decision: decision.decision, reason: reason, by: access.user.name, at: Date())
        Console.out("\(item.reference) in disposition list \(number): \(item.decision?.rawValue ?? decision.rawValue) — \(item.decisionReason ?? reason)")
    }
}
