import ArgumentParser
import Foundation
import SablierCore
import SablierStore

/// `sablier disposition propose`: a new list from the due list of a day.
struct DispositionPropose: GuardedCommand {
    static let permission = Permission.manageDisposition

    static let configuration = CommandConfiguration(
        commandName: "propose",
        abstract: "Propose a numbered disposition list from the due list of a day (held documents are left out and reported).",
        discussion: """
            The list is in state proposed: sort (T) items then need a decision (`disposition decide`), and a \
            person other than the proposer approves it (`disposition approve`). Documents already in a list \
            not yet executed are left out too.
            """
    )

    @OptionGroup var asOf: AsOfOptions
    @Option(help: "Only this action: destroy, deposit (versement, C), sort (tri, T) or transfer (to semi-active storage); default: every action due.")
    var action: DueActionArgument?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(with access: Access) async throws {
        let proposal = try await store.openDisposition().proposeDisposition(
            asOf: asOf.date, action: action.map { DueAction(rawValue: $0.rawValue)! }, by: access.user.name, at: Date())
        let list = proposal.list
        var lines = ["disposition list \(list.number) proposed by \(list.proposedBy) from the due list of \(list.asOf): "
            + DispositionWords.plural(proposal.items.count, "document") + " (" + DispositionWords.actionCounts(proposal.items) + ")"]
        lines.append("")
        lines.append(DispositionTables.items(proposal.items).renderText())
        if !proposal.leftOut.isEmpty {
            lines.append("")
            lines.append("left out: " + DispositionWords.plural(proposal.leftOut.count, "document"))
            lines += proposal.leftOut.map { "  " + $0.description }
        }
        lines.append("")
        let sorts = proposal.items.filter { $0.action == .sort }
        if !sorts.isEmpty {
            lines.append("next: decide each sort: sablier disposition decide \(list.number) REF keep|destroy --reason … ("
                + sorts.map(\.reference).joined(separator: ", ") + ")")
        }
        lines.append("next: a person other than \(list.proposedBy) approves it: sablier disposition approve \(list.number)")
        Console.out(lines.joined(separator: "\n"))
    }
}
