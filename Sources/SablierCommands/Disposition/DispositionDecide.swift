import ArgumentParser
import SablierApplication
import SablierCore

/// `sablier disposition decide N REF keep|destroy`: the decision a sort (tri, T) needs.
struct DispositionDecide: UseCaseCommand {
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

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let item = try await sablier.decideSort(session, list: number, reference: reference, decision: decision.decision, reason: reason)
        Console.out("\(item.reference) in disposition list \(number): \(item.decision ?? decision.rawValue) — \(item.decisionReason ?? reason)")
    }
}
