import ArgumentParser
import Foundation
import SablierApplication
import SablierStore

/// `sablier audit …`: the hash-chained audit trail.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Read and verify the audit trail (who did what, when; hash-chained).",
        subcommands: [AuditLog.self, AuditVerify.self]
    )
}

struct AuditLog: UseCaseCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "Print audit entries, oldest first.")

    @Option(help: "Only entries from this day on, YYYY-MM-DD.") var since: CivilDateArgument?
    @Option(help: "Only entries of this user.") var user: String?
    @Option(help: "Only entries about this target, e.g. \"document RH-2015-0042\" or \"disposition 3\".") var target: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let entries = try await sablier.auditLog(session, since: since?.date, user: user, target: target)
        let table = Table(columns: ["sequence", "at", "user", "action", "target", "details"],
                          rows: entries.map { [String($0.sequence), $0.at.formatted(.iso8601), $0.user, $0.action, $0.target, $0.details] })
        try Listing.print(output, table: table, json: entries)
    }
}

struct AuditVerify: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Walk the hash chain and report the first entry altered, removed or reordered (exit 1 if any)."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let verification = try await sablier.verifyAudit(session)
        if let problem = verification.problem {
            Console.error("audit trail BROKEN at entry \(problem.sequence): \(problem.reason)")
            throw ExitCode.failure
        }
        Console.out("audit trail intact: \(verification.entries) entr\(verification.entries == 1 ? "y" : "ies"), every hash chained")
    }
}
