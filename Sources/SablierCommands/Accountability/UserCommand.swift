import ArgumentParser
import Foundation
import SablierCore
import SablierStore

/// `sablier user …`: the people who may act, and their roles (administered by the RSI).
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, list, disable and enable users; grant and revoke roles.",
        discussion: "Roles: " + Role.allCases.map(\.rawValue).joined(separator: ", ") + ". See docs/PERMISSIONS.md.",
        subcommands: [UserAdd.self, UserList.self, UserDisable.self, UserEnable.self, UserGrant.self, UserRevoke.self]
    )
}

/// A role named on the command line.
struct RoleArgument: ExpressibleByArgument {
    let role: Role

    init?(argument: String) {
        guard let role = Role(rawValue: argument.lowercased()) else { return nil }
        self.role = role
    }

    static var allValueStrings: [String] { Role.allCases.map(\.rawValue) }
}

struct UserAdd: GuardedCommand {
    static let permission = Permission.manageUsers
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user with a unit and roles.")

    @Argument(help: "The user's name, as given with --as.") var name: String
    @Option(help: "The user's unit (unité administrative); units are compared with document holders.") var unit: String
    @Option(name: .customLong("role"), help: "A role (repeatable): rsi, gestion-documentaire, aiprp, detenteur, utilisateur, csgi, verificateur.")
    var roles: [RoleArgument] = []
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(with access: Access) async throws {
        let name = name.trimmingSpaces()
        guard !name.isEmpty, !unit.trimmingSpaces().isEmpty else { throw CommandFailure.invalid("a user needs a name and a unit") }
        guard !roles.isEmpty else { throw CommandFailure.invalid("give at least one --role") }
        let user = User(name: name, unit: unit.trimmingSpaces(), roles: Set(roles.map(\.role)))
        try await store.openAccountability().addUser(user, by: access.user.name, at: Date())
        Console.out("user \(name) added (\(user.unit)): " + user.roles.sorted().map(\.rawValue).joined(separator: ", "))
    }
}

struct UserList: GuardedCommand {
    static let permission = Permission.readUsers
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List users, their units and roles.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    struct Entry: Encodable {
        var name: String
        var unit: String
        var roles: [String]
        var active: Bool
    }

    func run(with access: Access) async throws {
        let users = try await store.openAccountability().users()
        let entries = users.map { Entry(name: $0.name, unit: $0.unit, roles: $0.roles.sorted().map(\.rawValue), active: $0.active) }
        let table = Table(columns: ["name", "unit", "roles", "active"],
                          rows: entries.map { [$0.name, $0.unit, $0.roles.joined(separator: ", "), $0.active ? "yes" : "no"] })
        try Listing.print(output.format, table: table, json: entries)
    }
}

struct UserDisable: GuardedCommand {
    static let permission = Permission.manageUsers
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable a user: every command refuses them; the audit trail keeps their actions.")

    @Argument(help: "The user's name.") var name: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(with access: Access) async throws {
        try await store.openAccountability().setActive(name, false, by: access.user.name, at: Date())
        Console.out("user \(name) disabled")
    }
}

struct UserEnable: GuardedCommand {
    static let permission = Permission.manageUsers
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable a disabled user again.")

    @Argument(help: "The user's name.") var name: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(with access: Access) async throws {
        try await store.openAccountability().setActive(name, true, by: access.user.name, at: Date())
        Console.out("user \(name) enabled")
    }
}

struct UserGrant: GuardedCommand {
    static let permission = Permission.manageUsers
    static let configuration = CommandConfiguration(commandName: "grant", abstract: "Grant a role to a user.")

    @Argument(help: "The user's name.") var name: String
    @Argument(help: "The role.") var role: RoleArgument
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(with access: Access) async throws {
        try await store.openAccountability().grant(role.role, to: name, by: access.user.name, at: Date())
        Console.out("user \(name) now has the role \(role.role.rawValue)")
    }
}

struct UserRevoke: GuardedCommand {
    static let permission = Permission.manageUsers
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a role from a user.")

    @Argument(help: "The user's name.") var name: String
    @Argument(help: "The role.") var role: RoleArgument
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(with access: Access) async throws {
        try await store.openAccountability().revoke(role.role, from: name, by: access.user.name, at: Date())
        Console.out("user \(name) no longer has the role \(role.role.rawValue)")
    }
}
