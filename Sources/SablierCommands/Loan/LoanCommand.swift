import ArgumentParser

/// `sablier loan …`: loans of paper files and boxes (prêt de dossiers).
struct LoanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loan",
        abstract: "Lend paper files and boxes, record their return, list what is out (prêt de dossiers).",
        discussion: """
            A document on loan is not destroyed or deposited until it is returned: a disposition list leaves \
            it out, and an execution refuses it.
            """,
        subcommands: [LoanOut.self, LoanReturn.self, LoanList.self]
    )
}
