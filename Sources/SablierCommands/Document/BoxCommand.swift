import SablierApplication
import ArgumentParser
import Foundation
import SablierCore

/// `sablier box …`: boxes of non-digital documents.
struct BoxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "box",
        abstract: "Register, list and move boxes (boîtes) of non-digital documents, and read their history.",
        subcommands: [BoxAdd.self, BoxList.self, BoxMoveCommand.self, BoxHistory.self]
    )
}

struct BoxAdd: UseCaseCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Register a box.")

    @Argument(help: "The box's code (its label).") var code: String
    @Option(help: "Where it is: building / room / shelving.") var location: String = ""
    @Option(help: "What it holds, in words.") var contents: String?
    @Option(help: ArgumentHelp("The shelf space it takes, in linear metres (e.g. 0.12).", valueName: "metres")) var size: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let box = try await sablier.addBox(session, code: code, location: location, contents: contents, size: size)
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
        let table = Table(columns: ["code", "location", "contents", "size_m"],
                          rows: boxes.map { [$0.code, $0.location.description, $0.contents ?? "", BoxWords.metres($0.linearMillimetres)] })
        try Listing.print(output, table: table, json: boxes)
    }
}

/// `sablier box move CODE --to "building / room / shelving" --reason TEXT`.
struct BoxMoveCommand: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Move a box to another place; the move joins its history (a lent box comes back by its return).")

    @Argument(help: "The box's code.") var code: String
    @Option(help: ArgumentHelp("Where it goes: building / room / shelving.", valueName: "location")) var to: String
    @Option(help: "The day it moved, YYYY-MM-DD (default: today).") var on: CivilDateArgument?
    @Option(help: "Why it moved.") var reason: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let move = try await sablier.moveBox(session, code, to: to, on: on?.date, reason: reason)
        Console.out("box \(move.box) moved on \(move.on) from \(move.from ?? "(no location)") to \(move.to ?? "(no location)")")
    }
}

/// `sablier box history CODE`.
struct BoxHistory: UseCaseCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "A box's moves and loans, oldest first.")

    @Argument(help: "The box's code.") var code: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let moves = try await sablier.boxHistory(session, code)
        let table = Table(columns: ["on", "kind", "from", "to", "loan", "by", "reason"],
                          rows: moves.map { [$0.on, $0.kind, $0.from ?? "", $0.to ?? "", $0.loan.map(String.init) ?? "", $0.by, $0.reason ?? ""] })
        try Listing.print(output, table: table, json: moves)
    }
}

/// Words shared by the box commands.
enum BoxWords {
    /// Millimetres as metres, `0.12`; empty when unknown.
    static func metres(_ millimetres: Int?) -> String {
        guard let millimetres else { return "" }
        let text = String(format: "%.3f", Double(millimetres) / 1_000)
        var trimmed = text
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        return trimmed
    }
}
