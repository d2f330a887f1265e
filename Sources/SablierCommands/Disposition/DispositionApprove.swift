import ArgumentParser
import SablierApplication
import SablierCore

/// `sablier disposition approve N`: the second person's approval.
struct DispositionApprove: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a proposed disposition list (by a person other than its proposer).",
        discussion: """
            Refused to the proposer, while a sort (T) item has no keep-or-destroy decision, and before \
            the day the list was drawn for (it cannot be executed earlier). A détenteur approves the \
            lists of their own unit's documents only.
            """
    )

    @Argument(help: "The list's number.") var number: Int
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let list = try await sablier.approveDisposition(session, list: number)
        Console.out("disposition list \(list.number) approved by \(list.approvedBy ?? session.user.name) (proposed by \(list.proposedBy)): "
            + DispositionWords.plural(list.items, "document") + "; next: sablier disposition execute \(list.number)")
    }
}
