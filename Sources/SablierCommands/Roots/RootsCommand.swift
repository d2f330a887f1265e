import ArgumentParser
import Foundation
import SablierApplication
import SablierCore

/// `sablier roots …`: the folders the register may read files from.
struct RootsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roots",
        abstract: "The folders the register may read files from: add, list, remove.",
        discussion: """
            A document's file must lie, symbolic links followed, inside one of these folders: registration \
            (document add, document import), privacy scan, integrity check and disposition read nothing else. \
            While none is listed, only the files under the store's own folder (the folder of the SQLite file) \
            are read. Only regular files are ever opened: a FIFO, a device, a socket or a directory is refused. \
            The RSI or the records manager keeps the list; each change is written to the audit trail.
            """,
        subcommands: [RootsAdd.self, RootsList.self, RootsRemove.self]
    )
}

/// `sablier roots add PATH`.
struct RootsAdd: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Let the register read the files of a folder (stored resolved, links followed).")

    @Argument(help: "An existing folder.") var path: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let root = try await sablier.addFileRoot(session, path: path)
        Console.out("the register may read the files under \(root.path)")
    }
}

/// `sablier roots list`.
struct RootsList: UseCaseCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the folders the register may read.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let roots = try await sablier.fileRoots(session)
        let table = Table(columns: ["path", "added_at", "added_by"], rows: roots.map { [$0.path, $0.addedAt.formatted(.iso8601), $0.addedBy] })
        try Listing.print(output, table: table, json: roots)
        if roots.isEmpty {
            Console.error("no folder is listed: the register reads only the files under the store's own folder (add one with `sablier roots add FOLDER`)")
        }
    }
}

/// `sablier roots remove PATH`.
struct RootsRemove: UseCaseCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Stop the register reading a folder's files.")

    @Argument(help: "A folder listed by `sablier roots list`.") var path: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let removed = try await sablier.removeFileRoot(session, path: path)
        Console.out("the register no longer reads the files under \(removed)")
    }
}
