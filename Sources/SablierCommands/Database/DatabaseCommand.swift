import ArgumentParser

/// `sablier db`: what is done to a whole store rather than to what it holds.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Act on a whole store: move an installation from SQLite to PostgreSQL.",
        subcommands: [DatabaseCopy.self]
    )
}
