public import ArgumentParser

/// The `sablier` command: records retention for Quebec public bodies.
public struct SablierCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sablier",
        abstract: "Records retention manager for Quebec public bodies (calendriers de conservation).",
        discussion: """
            Sablier keeps the organisation's conservation calendar (calendrier de conservation) \
            approved by BAnQ, every version of it, and what it means for the organisation's documents.
            The database is SQLite by default: --db PATH, or $SABLIER_DB, else ./sablier.sqlite.
            """,
        subcommands: [CalendarCommand.self, DocumentCommand.self, BoxCommand.self, DueCommand.self, WaitingCommand.self, HoldCommand.self, DispositionCommand.self,
                      PrivacyCommand.self, InitCommand.self, UserCommand.self, AuditCommand.self, IntegrityCommand.self, IncidentCommand.self]
    )

    public init() {}
}

extension SablierCommand {
    /// Runs the command line of the `sablier` executable: parses the arguments, runs the
    /// command, prints errors on standard error and exits with the command's status.
    public static func runFromCommandLine() async {
        await main()
    }
}
