import SablierStore
import ArgumentParser
import Foundation
import SablierCore

/// `sablier box …`: boxes of non-digital documents.
struct BoxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "box",
        abstract: "Register and list boxes (boîtes) of non-digital documents.",
        subcommands: [BoxAdd.self, BoxList.self]
    )
}

struct BoxAdd: GuardedCommand {
    static let permission = Permission.registerDocuments

    static let configuration = CommandConfiguration(commandName: "add", abstract: "Register a box.")

    @Argument(help: "The box's code (its label).") var code: String
    @Option(help: "Where it is: building / room / shelving.") var location: String = ""
    @Option(help: "What it holds, in words.") var contents: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(with access: Access) async throws {
        let code = code.trimmingSpaces()
        guard !code.isEmpty else { throw CommandFailure.invalid("the box code is empty") }
        try await store.openRegister().addBox(Box(code: code, location: PhysicalLocation(slashed: location), contents: contents),
                                               by: access.user.name, at: Date())
        Console.out("box \(code) registered")
    }
}

struct BoxList: GuardedCommand {
    static let permission = Permission.readDocuments

    static let configuration = CommandConfiguration(commandName: "list", abstract: "List boxes.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(with access: Access) async throws {
        let boxes = try await store.openRegister().boxes()
        let table = Table(columns: ["code", "location", "contents"], rows: boxes.map { [$0.code, $0.location.description, $0.contents ?? ""] })
        try Listing.print(output.format, table: table, json: boxes)
    }
}
