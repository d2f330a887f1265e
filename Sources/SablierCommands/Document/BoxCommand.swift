import SablierApplication
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

struct BoxAdd: UseCaseCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Register a box.")

    @Argument(help: "The box's code (its label).") var code: String
    @Option(help: "Where it is: building / room / shelving.") var location: String = ""
    @Option(help: "What it holds, in words.") var contents: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let box = try await sablier.addBox(session, code: code, location: location, contents: contents)
        Console.out("box \(box.code) registered")
    }
}

struct BoxList: UseCaseCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List boxes.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let boxes = try await sablier.boxes(session)
        let table = Table(columns: ["code", "location", "contents"], rows: boxes.map { [$0.code, $0.location.description, $0.contents ?? ""] })
        try Listing.print(output, table: table, json: boxes)
    }
}
