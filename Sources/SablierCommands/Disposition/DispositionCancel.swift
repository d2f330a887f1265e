import ArgumentParser
import SablierApplication
import SablierCore

/// `sablier disposition cancel N --reason …`: withdraws a list before its execution began.
///
/// Why: a document in a list not yet executed is left out of every new proposal, so a list
/// proposed by mistake (wrong date, wrong action) would hold its documents for good.
struct DispositionCancel: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Withdraw a proposed or approved disposition list, with the reason; its documents may be proposed again.",
        discussion: """
            Refused once its execution began (what was done is on its certificate: run `execute` again \
            to complete it). The list is kept, marked cancelled, with who withdrew it, when and why.
            """
    )

    @Argument(help: "The list's number.") var number: Int
    @Option(help: "Why the list is withdrawn (kept with the list and in the audit trail).") var reason: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let list = try await sablier.cancelDisposition(session, list: number, reason: reason)
        Console.out("disposition list \(list.number) cancelled by \(list.cancelledBy ?? session.user.name): "
            + DispositionWords.plural(list.items, "document") + " may be proposed again")
    }
}
