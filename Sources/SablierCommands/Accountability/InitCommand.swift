import ArgumentParser
import Foundation
import SablierApplication
import SablierCore
import SablierStore

/// `sablier init --admin NAME`: creates the store and its first user, an RSI.
///
/// The only command that creates a store: every other one refuses a path where none exists.
/// For PostgreSQL (`--db postgres://…`) the database itself is created by its server
/// (`createdb`), and init gives it the schema and its first user; `--audit-key` must then be
/// named. An SQLite file is created readable and writable by its owner only (0600), since it holds the
/// register and the audit trail. The audit key is created too, mode 0600, where `--audit-key`
/// says (by default beside the database), unless a key is already there: one is never replaced.
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
        // A PostgreSQL database is created by its server (createdb): init gives it the schema.
        let created = !store.isPostgreSQL && !FileManager.default.fileExists(atPath: path)
        var keyPath: String?
        var createdKey = false
        /// What this command created, removed when it fails: a failed init leaves nothing behind.
        func undo() {
            if created { try? FileManager.default.removeItem(atPath: path) }
            if createdKey, let keyPath {
                try? FileManager.default.removeItem(atPath: keyPath)
                try? FileManager.default.removeItem(atPath: keyPath + ".head")
            }
        }
        do {
            try StoreOptions.refuseFolder(path)
            let key = try store.auditKeyPath()
            keyPath = key
            if created {
                guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw Refusal(.storeFailure, ["detail": "cannot create \(path)"])
                }
            }
            // A head file already beside the key is left alone: if it names entries, the key
            // guards another store's trail, and the first write refuses it (audit.key-other-trail)
            // rather than take that store's head and break its trail.
            if !FileManager.default.fileExists(atPath: key) {
                _ = try AuditKey.create(key)
                createdKey = true
            }
            let sablier = Sablier(store: try await store.storage(), clock: .system)
            let user = try await sablier.initialise(admin: admin, unit: unit)
            Console.out("\(store.location): ready; \(user.name) (\(user.unit)) is its first user, with the role rsi")
            Console.out("audit key: \(key) (\(createdKey ? "created, mode 0600" : "already there, kept")); keep a copy apart from the database's backups")
        } catch let refusal as Refusal {
            undo()
            throw RefusalReport.print(refusal, LanguageArgument.resolve(lang))
        } catch {
            undo()
            throw error
        }
    }
}
