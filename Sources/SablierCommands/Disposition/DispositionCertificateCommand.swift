import SablierCore
import ArgumentParser
import SablierStore

/// `sablier disposition certificate N`: the destruction certificate and transfer slip.
struct DispositionCertificateCommand: GuardedCommand {
    static let permission = Permission.readDisposition

    static let configuration = CommandConfiguration(
        commandName: "certificate",
        abstract: "Print a list's destruction certificate and transfer slip (bordereau de versement), as text or JSON.",
        discussion: """
            The certificate names the list, its proposer, approver and executor with their dates, the \
            method and vendor certificate of paper destruction, and for each document its reference, \
            rule, copy, support and the SHA-256 of its file. A document is on it from the moment its \
            execution starts, before its file is deleted; while the execution is incomplete the \
            certificate says so.
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

    func run(with access: Access) async throws {
        var certificate = try await store.openDisposition().dispositionCertificate(number)
        // A unit-scoped reader (détenteur) gets the extract of its own unit's documents; an
        // organisation-wide reader the whole certificate, confidential documents included.
        let all = certificate.entries.count
        if access.scope != .all { certificate.entries.removeAll { !access.reaches(holder: $0.holder) } }
        let withheld = all - certificate.entries.count
        switch format {
        case .text: Console.out(DispositionTables.certificate(certificate, withheld: withheld))
        case .json: Console.out(try JSONOutput.render(DispositionJSON.Certificate(certificate, withheld: withheld)))
        }
    }
}
