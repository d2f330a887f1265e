import ArgumentParser
import SablierApplication
import SablierCore

/// `sablier user …`: the people who may act, and their roles (administered by the RSI).
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, list, disable and enable users; grant and revoke roles; set passwords and e-mail addresses.",
        discussion: "Roles: " + Role.allCases.map(\.rawValue).joined(separator: ", ") + ". See docs/PERMISSIONS.md.",
        subcommands: [UserAdd.self, UserList.self, UserDisable.self, UserEnable.self, UserGrant.self, UserRevoke.self, UserPassword.self, UserEmail.self]
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

struct UserAdd: UseCaseCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user with a unit and roles.")

    @Argument(help: "The user's name, as given with --as.") var name: String
    @Option(help: "The user's unit (unité administrative); units are compared with document holders.") var unit: String
    @Option(name: .customLong("role"), help: "A role (repeatable): rsi, gestion-documentaire, aiprp, detenteur, utilisateur, csgi, verificateur.")
    var roles: [RoleArgument] = []
    @Option(help: "The e-mail address `sablier notify` writes to (a détenteur's notices).") var email: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let user = try await sablier.addUser(session, name: name, unit: unit, roles: Set(roles.map(\.role)), email: email)
        Console.out("user \(user.name) added (\(user.unit)): " + user.roles.joined(separator: ", "))
    }
}

struct UserList: UseCaseCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List users, their units and roles.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let users = try await sablier.users(session)
        let table = Table(columns: ["name", "unit", "roles", "active", "email"],
                          rows: users.map { [$0.name, $0.unit, $0.roles.joined(separator: ", "), $0.active ? "yes" : "no", $0.email ?? ""] })
        try Listing.print(output, table: table, json: users)
    }
}

struct UserDisable: UseCaseCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable a user: every command refuses them; the audit trail keeps their actions.")

    @Argument(help: "The user's name.") var name: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        _ = try await sablier.setUserActive(session, name, active: false)
        Console.out("user \(name) disabled")
    }
}

struct UserEnable: UseCaseCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable a disabled user again.")

    @Argument(help: "The user's name.") var name: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        _ = try await sablier.setUserActive(session, name, active: true)
        Console.out("user \(name) enabled")
    }
}

struct UserGrant: UseCaseCommand {
    static let configuration = CommandConfiguration(commandName: "grant", abstract: "Grant a role to a user.")

    @Argument(help: "The user's name.") var name: String
    @Argument(help: "The role.") var role: RoleArgument
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        _ = try await sablier.grantRole(session, role.role, to: name)
        Console.out("user \(name) now has the role \(role.role.rawValue)")
    }
}

struct UserRevoke: UseCaseCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a role from a user.")

    @Argument(help: "The user's name.") var name: String
    @Argument(help: "The role.") var role: RoleArgument
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        _ = try await sablier.revokeRole(session, role.role, from: name)
        Console.out("user \(name) no longer has the role \(role.role.rawValue)")
    }
}

struct UserEmail: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "email",
        abstract: "Set or clear the e-mail address `sablier notify` writes to.",
        discussion: "One @, a dot in the domain; no space, no control character, none of < > , ; \" ( ) [ ] \\ :. Audited (user.email)."
    )

    @Argument(help: "The user's name.") var name: String
    @Argument(help: "The address.") var address: String?
    @Flag(help: "Remove the address: the user no longer receives notices.") var clear = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func validate() throws {
        if clear == (address != nil) { throw ValidationError("Give either an ADDRESS or --clear.") }
    }

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let user = try await sablier.setUserEmail(session, name, email: clear ? nil : address)
        Console.out(user.email.map { "user \(user.name) now receives notices at \($0)" } ?? "user \(user.name) has no e-mail address")
    }
}
