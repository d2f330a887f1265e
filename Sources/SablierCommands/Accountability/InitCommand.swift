import ArgumentParser
import Foundation
import SablierCore
import SablierStore

/// `sablier init --admin NAME`: creates the store and its first user, an RSI.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the store and its first user, with the RSI role (responsable de la sécurité de l'information).",
        discussion: "Every other command acts as a user of the store; the RSI then adds the others with `sablier user add`. Refused once the store has users."
    )

    @Option(help: "The first user's name (the RSI).") var admin: String
    @Option(help: "The first user's unit.") var unit: String = "Sécurité de l'information"
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let name = admin.trimmingSpaces()
        guard !name.isEmpty else { throw CommandFailure.invalid("--admin must name a user") }
        let user = try await store.openAccountability().initialize(admin: name, unit: unit.trimmingSpaces(), at: Date())
        Console.out("\(store.resolvedPath): ready; \(user.name) (\(user.unit)) is its first user, with the role rsi")
    }
}
