import ArgumentParser
import SablierApplication
import SablierCore

/// `sablier disposition list`: every list and where it stands.
struct DispositionLists: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the disposition lists: action, day, state, documents done, who proposed, approved and executed them."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let lists = try await sablier.dispositionLists(session)
        try Listing.print(output, table: DispositionTables.lists(lists), json: lists)
    }
}
