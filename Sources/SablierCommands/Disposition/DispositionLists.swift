import SablierCore
import ArgumentParser
import SablierStore

/// `sablier disposition list`: every list and where it stands.
struct DispositionLists: GuardedCommand {
    static let permission = Permission.readDisposition

    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the disposition lists: action, day, state, documents done, who proposed, approved and executed them."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(with access: Access) async throws {
        let lists = try await store.openDisposition().dispositionLists()
        try Listing.print(output.format, table: DispositionTables.lists(lists), json: lists.map(DispositionJSON.List.init))
    }
}
