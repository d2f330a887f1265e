import ArgumentParser
import Foundation
import SablierApplication
import SablierCore
import SablierStore

/// `sablier db copy --from PATH.sqlite --to postgres://…`: moves an installation to PostgreSQL.
///
/// Every row of every table is copied as stored, in one transaction on the target, so the
/// copy is whole or absent; the counts of each table are compared before it commits, and the
/// copy's audit trail is verified afterwards with the key the source's was written with, so a
/// copy that lost or changed a row is said, not trusted. It acts as nobody (no `--as`): it is
/// the operator's move of the database, like a restore, and its target has no users yet.
struct DatabaseCopy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a store into an empty PostgreSQL database, in one transaction, then check the counts and the audit trail.",
        discussion: """
            Stop `sablier serve` and the scheduled jobs first: the source must not change during the copy. \
            Both stores are first brought to this Sablier's schema (every migration applied). The target \
            must be an empty database (created with createdb; `sablier init` not run on it): a copy never \
            merges two registers. Every table is copied as stored, in batches, in one transaction; the \
            counts of each table are compared before it commits, and the copy's audit trail is verified \
            afterwards.

            The audit key and its head file are files, not rows: nothing copies them. The copy is checked, \
            and must then be used, with the same key file as the source (--audit-key, else $SABLIER_AUDIT_KEY, \
            else the source's PATH.audit-key); its head file (KEY.head) now follows the PostgreSQL store, so \
            the SQLite store must no longer be written. Give that key file as --audit-key (or \
            $SABLIER_AUDIT_KEY) to every command run on the PostgreSQL store.
            """
    )

    @Option(help: ArgumentHelp("The store to copy: an SQLite file (or a PostgreSQL URL).", valueName: "path"))
    var from: String
    @Option(help: ArgumentHelp("The empty PostgreSQL database to copy into: postgres://user@host:port/database.", valueName: "url"))
    var to: String
    @Option(
        name: .customLong("audit-key"),
        help: ArgumentHelp(
            "The audit key file of the source, which the copy is verified with and keeps using.",
            discussion: "Defaults to $SABLIER_AUDIT_KEY, else the source's path followed by .audit-key.",
            valueName: "path"))
    var auditKey: String?
    @Option(name: .long, help: ArgumentHelp("The language of messages: fr or en (default: from LANG, else fr).", valueName: "lang"))
    var lang: LanguageArgument?

    func validate() throws {
        let language = LanguageArgument.resolve(lang)
        try StoreOptions.validateLocation(from, language)
        try StoreOptions.validateLocation(to, language)
        guard StoreOptions.isPostgreSQL(to) else {
            throw ValidationError(MessageCatalogue.message(Refusal(.copyTargetNotPostgreSQL, ["location": to]), in: language))
        }
        guard from != to else { throw ValidationError("--from and --to name the same store") }
    }

    func run() async throws {
        let language = LanguageArgument.resolve(lang)
        do {
            let keyFile = try StoreOptions.auditKeyPath(option: auditKey, store: from)
            try StoreOptions.requireExistingStore(from)
            let source = try await StoreOptions.open(from, auditKeyFile: keyFile)
            guard let target = try await StoreOptions.open(to, auditKeyFile: keyFile) as? any StoreTableTarget & AccountabilityStore else {
                throw Refusal(.storeFailure, ["detail": "\(StoreOptions.shown(to)) cannot be written by a copy"])
            }
            let counts = try await StoreCopy.copy(from: source, to: target)
            Console.out(Table(columns: ["table", "source", "copy"],
                              rows: counts.map { [$0.table, String($0.source), String($0.target)] }).renderText())
            let rows = counts.reduce(0) { $0 + $1.target }
            Console.out("\(counts.count) tables, \(rows) rows copied from \(source.copyLocation) to \(target.copyLocation); every count matches")
            let verification = try await target.verifyAudit(checkpoint: nil)
            if let problem = verification.problem {
                let place = problem.record ?? "entry \(problem.sequence)"
                Console.error("the copy's audit trail is BROKEN at \(place): \(problem.reason)")
                throw ExitCode.failure
            }
            Console.out("the copy's audit trail is intact: \(verification.entries) entr\(verification.entries == 1 ? "y" : "ies"), verified with the key \(keyFile)")
        } catch let refusal as Refusal {
            throw RefusalReport.print(refusal, language)
        } catch let error as StoreError {
            throw RefusalReport.print(Refusal(error), language)
        }
    }
}
