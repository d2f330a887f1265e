import ArgumentParser
import SablierApplication
import SablierCore

/// `sablier disposition propose`: a new list from the due list of a day.
struct DispositionPropose: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "propose",
        abstract: "Propose a numbered disposition list from the due list of a day (held documents are left out and reported).",
        discussion: """
            The list is in state proposed: sort (T) items then need a decision (`disposition decide`), and a \
            person other than the proposer approves it (`disposition approve`). Documents already in a list \
            not yet executed are left out too, and so are documents flagged for personal information that \
            the AIPRP officer has not reviewed yet (`privacy review`).
            """
    )

    @OptionGroup var asOf: AsOfOptions
    @Option(help: "Only this action: destroy, deposit (versement, C), sort (tri, T) or transfer (to semi-active storage); default: every action due.")
    var action: DueActionArgument?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let proposal = try await sablier.proposeDisposition(session, asOf: asOf.asOf?.date,
                                                            action: action.map { DueAction(rawValue: $0.rawValue)! })
        let list = proposal.list
        var lines = ["disposition list \(list.number) proposed by \(list.proposedBy) from the due list of \(list.asOf): "
            + DispositionWords.plural(list.items, "document") + " (" + DispositionWords.actionCounts(proposal.items) + ")"]
        lines.append("")
        lines.append(DispositionTables.items(proposal.items).renderText())
        if !proposal.leftOut.isEmpty {
            lines.append("")
            lines.append("left out: " + DispositionWords.plural(proposal.leftOut.count, "document"))
            lines += proposal.leftOut.map { "  " + DispositionWords.leftOut($0) }
        }
        lines.append("")
        let sorts = proposal.items.filter { $0.action == DueAction.sort.rawValue }
        if !sorts.isEmpty {
            lines.append("next: decide each sort: sablier disposition decide \(list.number) REF keep|destroy --reason … ("
                + sorts.map(\.reference).joined(separator: ", ") + ")")
        }
        lines.append("next: a person other than \(list.proposedBy) approves it: sablier disposition approve \(list.number)")
        Console.out(lines.joined(separator: "\n"))
        if proposal.withheld > 0 { Listing.withheld(proposal.withheld) }
    }
}
