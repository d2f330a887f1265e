import ArgumentParser
import Foundation
import SablierApplication
import SablierCore

/// `sablier init --admin NAME`: creates the store and its first user, an RSI.
///
/// The only command that creates a store: every other one refuses a path where none exists.
/// The file is created readable and writable by its owner only (0600), since it holds the
/// register and the audit trail.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the store and its first user, with the RSI role (responsable de la sécurité de l'information).",
        discussion: "Every other command acts as a user of the store; the RSI then adds the others with `sablier user add`. Refused once the store has users."
    )

    @Option(help: "The first user's name (the RSI).") var admin: String
    @Option(help: "The first user's unit.") var unit: String = "Sécurité de l'information"
    @Option(name: .long, help: ArgumentHelp("The language of messages: fr or en (default: from LANG, else fr).", valueName: "lang"))
    var lang: LanguageArgument?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let path = store.resolvedPath
        let created = !FileManager.default.fileExists(atPath: path)
        do {
            if created {
                guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw Refusal(.storeFailure, ["detail": "cannot create \(path)"])
                }
            }
            let sablier = Sablier(store: try store.sqlite(), clock: .system)
            let user = try await sablier.initialise(admin: admin, unit: unit)
            Console.out("\(path): ready; \(user.name) (\(user.unit)) is its first user, with the role rsi")
        } catch let refusal as Refusal {
            if created { try? FileManager.default.removeItem(atPath: path) }
            throw RefusalReport.print(refusal, LanguageArgument.resolve(lang))
        } catch {
            if created { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
    }
}
