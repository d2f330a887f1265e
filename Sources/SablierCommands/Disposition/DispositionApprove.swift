import SablierCore
import ArgumentParser
import Foundation
import SablierStore

/// `sablier disposition approve N`: the second person's approval.
struct DispositionApprove: GuardedCommand {
    static let permission = Permission.approveDisposition

    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a proposed disposition list (by a person other than its proposer).",
        discussion: "Refused to the proposer, and while a sort (T) item has no keep-or-destroy decision."
    )

    @Argument(help: "The list's number.") var number: Int
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(with access: Access) async throws {
        let disposition = try store.openDisposition()
        // A détenteur approves the lists of their own unit's documents only.
        if access.scope == .ownUnit,
           let outside = try await disposition.dispositionItems(of: number).first(where: { !access.reaches(holder: $0.holder) }) {
            try await Authorization.refuse(.outsideUnit(access.user.name, access.permission, reference: outside.reference),
                                           permission: access.permission, command: "approve", user: access.user.name,
                                           accounts: try store.openAccountability())
        }
        let list = try await disposition.approveDisposition(number, by: access.user.name, at: Date())
        Console.out("disposition list \(list.number) approved by \(list.approvedBy ?? access.user.name) (proposed by \(list.proposedBy)): "
            + DispositionWords.plural(list.itemCount, "document") + "; next: sablier disposition execute \(list.number)")
    }
}
