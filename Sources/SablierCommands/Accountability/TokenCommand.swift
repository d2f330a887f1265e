import ArgumentParser
import SablierApplication
import SablierCore

/// `sablier token …`: API tokens, for scripts that call the server (`Authorization: Bearer …`).
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create, list and revoke API tokens for scripts (RSI).",
        subcommands: [TokenCreate.self, TokenList.self, TokenRevoke.self]
    )
}

struct TokenCreate: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a token acting as a user; it is printed once, alone on the last line.",
        discussion: "Only its SHA-256 is stored: keep the printed token in the script's secret store."
    )

    @Option(help: "The user the token acts as.") var user: String
    @Option(help: "A label saying what it is for (e.g. \"liste nocturne\").") var name: String
    @Option(help: "The last day it works, YYYY-MM-DD (default: until revoked).") var expires: CivilDateArgument?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let created = try await sablier.createToken(session, for: user, name: name, expires: expires?.date)
        Console.out("token \(created.token.id) for \(created.token.user) (\(created.token.name))"
            + (created.token.expires.map { ", until \($0)" } ?? "") + ":")
        Console.out(created.secret)
    }
}

struct TokenList: UseCaseCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tokens (never their secrets).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let tokens = try await sablier.tokens(session)
        let table = Table(columns: ["id", "user", "name", "status", "expires", "created_by"],
                          rows: tokens.map { [String($0.id), $0.user, $0.name, $0.status, $0.expires ?? "", $0.createdBy] })
        try Listing.print(output, table: table, json: tokens)
    }
}

struct TokenRevoke: UseCaseCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token: it stops working at once.")

    @Argument(help: "The token's number.") var id: Int
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let token = try await sablier.revokeToken(session, id)
        Console.out("token \(token.id) of \(token.user) revoked")
    }
}
