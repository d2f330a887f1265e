import ArgumentParser
import SablierApplication
import SablierCore

/// `sablier disposition certificate N`: the destruction certificate and transfer slip.
struct DispositionCertificateCommand: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificate",
        abstract: "Print a list's destruction certificate and transfer slip (bordereau de versement), as text or JSON.",
        discussion: """
            The certificate names the list, its proposer, approver and executor with their dates, the \
            method and vendor certificate of paper destruction, and for each document its reference, \
            rule, copy, support and the SHA-256 of its file. A document is on it from the moment its \
            execution starts, before its file is deleted; while the execution is incomplete the \
            certificate says so. A détenteur reads the extract of their own unit's documents.
            """
    )

    /// The certificate's formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "The list's number.") var number: Int
    @Option(help: "Output format: text (for people) or json (stable, see the README).") var format: Format = .text
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let certificate = try await sablier.dispositionCertificate(session, list: number)
        switch format {
        case .text: Console.out(DispositionTables.certificate(certificate))
        case .json: Console.out(try JSONOutput.render(certificate))
        }
    }
}
