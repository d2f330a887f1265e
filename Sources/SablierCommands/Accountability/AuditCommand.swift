import ArgumentParser
import Foundation
import SablierApplication
import SablierCore
import SablierStore

/// `sablier audit …`: the hash-chained audit trail.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Read and verify the audit trail (who did what, when; hash-chained with a key kept outside the database).",
        subcommands: [AuditLog.self, AuditVerify.self, AuditCheckpointCommand.self, AuditKeyCommand.self, AuditHeadCommand.self]
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
        abstract: "Walk the keyed hash chain, the head file, the tombstones and the certificates; report the first thing altered, removed or reordered (exit 1 if any).",
        discussion: "With --checkpoint FILE (printed earlier by `sablier audit checkpoint`), also prove that the trail still holds the entry it names, unchanged, and that its signature is the key's."
    )

    @Option(help: ArgumentHelp("A checkpoint printed by `sablier audit checkpoint`, kept elsewhere.", valueName: "file"))
    var checkpoint: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let verification: AuditVerification
        if let checkpoint {
            // A checkpoint is a few lines: a FIFO, /dev/zero or a huge file is refused, not waited on.
            let text: String
            switch BoundedFile.read(checkpoint, limit: 16_384) {
            case .missing:
                throw Refusal(.auditCheckpointUnreadable, ["line": "1", "problem": "\(checkpoint) does not exist"])
            case .refused(let why):
                throw Refusal(.auditCheckpointUnreadable, ["line": "1", "problem": "\(checkpoint) cannot be read (\(why))"])
            case .contents(let bytes):
                text = String(decoding: bytes, as: UTF8.self)
            }
            verification = try await sablier.verifyAuditCheckpoint(session, checkpointText: text)
        } else {
            verification = try await sablier.verifyAudit(session)
        }
        if let problem = verification.problem {
            let place = problem.record ?? "entry \(problem.sequence)"
            Console.error("audit trail BROKEN at \(place): \(problem.reason)")
            throw ExitCode.failure
        }
        Console.out("audit trail intact: \(verification.entries) entr\(verification.entries == 1 ? "y" : "ies"), every hash chained")
        if let keyedFrom = verification.keyedFrom {
            Console.out("keyed (HMAC-SHA-256) from entry \(keyedFrom); head file at entry \(verification.head.map(String.init) ?? "?"), found unchanged; "
                + "\(verification.records) tombstone and certificate entr\(verification.records == 1 ? "y" : "ies") match their keyed digest")
        } else {
            Console.out("no entry is keyed yet: the next one written will be")
        }
        if let sequence = verification.checkpoint {
            Console.out("checkpoint: entry \(sequence) is in the trail, unchanged, and its signature is the key's")
        }
    }
}

/// `sablier audit checkpoint`: the chain's head, signed, to keep elsewhere.
struct AuditCheckpointCommand: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Print the chain's head (sequence, hash, time), signed with the audit key, to keep elsewhere.",
        discussion: "Keep the text on paper, in the minutes of the secrétariat général or in another system; `sablier audit verify --checkpoint FILE` later proves the trail still holds that entry unchanged. The checkpoint is itself an entry of the trail."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let checkpoint = try await sablier.auditCheckpoint(session)
        Console.out(checkpoint.text)
    }
}

/// `sablier audit key …`: the audit trail's key.
struct AuditKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "The audit trail's key, kept outside the database.",
        subcommands: [AuditKeyCreate.self]
    )
}

/// `sablier audit key create`: gives an existing store (made before Sablier keyed its trail)
/// its key. `sablier init` creates the key of a new store.
struct AuditKeyCreate: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create the audit key of a store that has none (mode 0600, where --audit-key says; never replaces one).",
        discussion: "From then on every entry, tombstone and certificate entry is keyed; those written before keep their plain SHA-256, and the tombstones and certificate entries written before are sealed by this command, once. Keep a copy of the key apart from the database's backups."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let created = try await sablier.createAuditKey(session)
        Console.out("audit key created: \(created.file) (mode 0600); entry \(created.sequence) is the first keyed one")
    }
}

/// `sablier audit head …`: this machine's head file of the audit trail.
struct AuditHeadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "head",
        abstract: "This machine's head file of the audit trail (<key>.head).",
        subcommands: [AuditHeadAdopt.self]
    )
}

/// `sablier audit head adopt`: a second machine serving the same store, given a copy of the
/// key, starts guarding the trail from its end once the whole trail verifies.
struct AuditHeadAdopt: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "adopt",
        abstract: "Write this machine's head file at the trail's end, once the whole trail verifies with the key (RSI; refused when a head file is there).",
        discussion: "For a second server of the same PostgreSQL store: copy the key there (mode 0600), then run this once. Each machine's head file then guards the entries since its own last write."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let entry = try await sablier.adoptAuditHead(session)
        Console.out("audit head adopted: the whole trail verifies with the key; this machine's head file names entry \(entry.sequence)")
    }
}
