import SablierCore
import ArgumentParser
import Foundation
import SablierStore

/// `sablier disposition approve N`: the second person's approval.
struct DispositionApprove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a proposed disposition list (by a person other than its proposer).",
        discussion: "Refused to the proposer, and while a sort (T) item has no keep-or-destroy decision."
    )

    @Argument(help: "The list's number.") var number: Int
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run() async throws {
        let list = try await store.openDisposition().approveDisposition(number, by: actor.resolvedActor, at: Date())
        Console.out("disposition list \(list.number) approved by \(list.approvedBy ?? actor.resolvedActor) (proposed by \(list.proposedBy)): "
            + DispositionWords.plural(list.itemCount, "document") + "; next: sablier disposition execute \(list.number)")
    }
}
