import ArgumentParser
import Foundation
import SablierApplication
import SablierCSV
import SablierCore
import SablierPostgres
import SablierSQLite
import SablierStore

/// Where the database is: shared by every command.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The store: an SQLite file (it must exist: only `sablier init` creates one), or a PostgreSQL database, postgres://user@host:port/database.",
            discussion: "Defaults to $SABLIER_DB, else ./sablier.sqlite. A URL's password may come from $PGPASSWORD; it is never printed. ?host=/dir names a Unix socket's folder, ?sslmode=require|disable the TLS.",
            valueName: "path|url"))
    var db: String?

    @Option(
        name: .customLong("audit-key"),
        help: ArgumentHelp(
            "The audit trail's key file (32 random bytes, mode 0600), kept outside the database.",
            discussion: "Defaults to $SABLIER_AUDIT_KEY, else, for an SQLite file, the database's path followed by .audit-key. A PostgreSQL store has no folder beside it: name the key's file. `sablier init` creates it.",
            valueName: "path"))
    var auditKey: String?

    /// Refuses, as the usage mistake it is (exit 64), a store named by a mistyped URL
    /// (`postgress://…`, `postgres:/…`) before any command reads it as a file's path.
    /// In the environment's language: `--lang` is the command's, not yet at hand here.
    func validate() throws {
        try Self.validateLocation(resolvedPath, LanguageArgument.resolve(nil))
    }

    /// Throws the catalogue's refusal of `location` as a usage error when it looks like a URL
    /// but is no PostgreSQL URL Sablier can take apart.
    static func validateLocation(_ location: String, _ language: Language) throws {
        guard PostgresStore.isMistypedURL(location) || (PostgresStore.isURL(location) && PostgresStore.isMalformedURL(location)) else { return }
        let refusal = Refusal(.malformedStoreURL, ["location": PostgresStore.withoutPassword(location)])
        throw ValidationError(MessageCatalogue.message(refusal, in: language))
    }

    /// The database after defaults: the option, then `$SABLIER_DB`, then `./sablier.sqlite`.
    /// A path or a PostgreSQL URL (which may hold a password: print `location`).
    var resolvedPath: String {
        if let db, !db.isEmpty { return db }
        if let env = ProcessInfo.processInfo.environment["SABLIER_DB"], !env.isEmpty { return env }
        return "sablier.sqlite"
    }

    /// Whether the store is a PostgreSQL database rather than an SQLite file.
    var isPostgreSQL: Bool { Self.isPostgreSQL(resolvedPath) }

    /// The database as messages and logs show it: a URL without its password.
    var location: String { Self.shown(resolvedPath) }

    /// Whether `location` names a PostgreSQL database (`postgres://…`) rather than an SQLite file.
    static func isPostgreSQL(_ location: String) -> Bool { PostgresStore.isURL(location) }

    /// `location` as messages and logs show it: a URL without its password.
    static func shown(_ location: String) -> String {
        isPostgreSQL(location) ? PostgresStore.redacted(location) : location
    }

    /// The audit key's path after defaults (`StoreOptions.auditKeyPath(option:store:)`).
    func auditKeyPath() throws(Refusal) -> String {
        try Self.auditKeyPath(option: auditKey, store: resolvedPath)
    }

    /// The audit key's path after defaults: the option, then `$SABLIER_AUDIT_KEY`, then, for an
    /// SQLite file, `<database>.audit-key` beside it. A PostgreSQL URL has no "beside": the key
    /// must be named, and is refused rather than guessed (a key looked for in the working
    /// folder would be a different key for each place a command is run from).
    static func auditKeyPath(option: String?, store: String) throws(Refusal) -> String {
        if let option, !option.isEmpty { return option }
        if let env = ProcessInfo.processInfo.environment["SABLIER_AUDIT_KEY"], !env.isEmpty { return env }
        guard !PostgresStore.isURL(store) else { throw Refusal(.auditKeyFileRequired, ["location": PostgresStore.redacted(store)]) }
        return AuditKey.defaultFile(forStore: store)
    }

    /// The store `--db` names, opened once per process (`StoreOptions.open`): a command checks
    /// its user, reads the confidential documents and does its own work through one store.
    func storage() async throws -> any SablierStorage {
        try await Self.open(resolvedPath, auditKeyFile: try auditKeyPath())
    }

    /// Refuses an SQLite path where no store is: only `init` creates one. An empty file is no
    /// store either: SQLite would make one of it. A PostgreSQL database's server refuses a
    /// missing one itself.
    static func requireExistingStore(_ location: String) throws(Refusal) {
        guard !PostgresStore.isURL(location) else { return }
        try refuseFolder(location)
        let size = (try? FileManager.default.attributesOfItem(atPath: location)[.size] as? NSNumber)?.intValue
        guard let size, size > 0 else {
            throw Refusal(.noStore, ["path": location])
        }
    }

    /// Refuses a folder named as the store: SQLite would say only that it cannot open a
    /// database file, and `init` that it cannot create it.
    static func refuseFolder(_ location: String) throws(Refusal) {
        var isFolder: ObjCBool = false
        guard !PostgresStore.isURL(location), FileManager.default.fileExists(atPath: location, isDirectory: &isFolder), isFolder.boolValue else { return }
        throw Refusal(.storeIsFolder, ["path": location])
    }

    /// The store at `location`, opened (and migrated) once per process with the audit key in
    /// `auditKeyFile`: THE place a backend is chosen. A PostgreSQL URL opens a `PostgresStore`,
    /// anything else an SQLite file (`SQLiteStore`, created empty when missing). A database
    /// that is not a Sablier store is refused as the storage failure it is; a key file others
    /// may read, as the refusal it is. A copy asks the target for `StoreTableTarget`, which
    /// only the PostgreSQL store is.
    static func open(_ location: String, auditKeyFile: String) async throws -> any SablierStorage & StoreTableSource {
        do {
            return try await OpenedStores.shared.store(at: location) {
                if PostgresStore.isURL(location) {
                    return try await PostgresStore.open(url: location, auditKeyFile: auditKeyFile)
                }
                return try SQLiteStore(path: location, auditKeyFile: auditKeyFile)
            }
        } catch let error as StoreError {
            throw Refusal(error)
        }
    }
}

/// The stores this process opened, by path or URL: opened once, even by commands that ask twice.
private actor OpenedStores {
    static let shared = OpenedStores()
    private var stores: [String: Task<any SablierStorage & StoreTableSource, any Error>] = [:]

    func store(
        at location: String, _ open: @escaping @Sendable () async throws -> any SablierStorage & StoreTableSource
    ) async throws -> any SablierStorage & StoreTableSource {
        let task = stores[location] ?? Task { try await open() }
        stores[location] = task
        do {
            return try await task.value
        } catch {
            // A store that failed to open is tried again when asked again.
            stores[location] = nil
            throw error
        }
    }
}

/// Who is acting: recorded with every change.
struct ActorOptions: ParsableArguments {
    @Option(
        name: [.customLong("as")],
        help: ArgumentHelp(
            "The person doing this, recorded with the change.",
            discussion: "Defaults to $SABLIER_USER, else the operating-system user.",
            valueName: "name"))
    var actor: String?

    @Option(name: .long, help: ArgumentHelp("The language of messages: fr or en (default: from LANG, else fr).", valueName: "lang"))
    var lang: LanguageArgument?

    /// The acting user after defaults: the option, then `$SABLIER_USER`, then the OS user.
    var resolvedActor: String {
        if let actor, !actor.isEmpty { return actor }
        let environment = ProcessInfo.processInfo.environment
        if let env = environment["SABLIER_USER"], !env.isEmpty { return env }
        let name = ProcessInfo.processInfo.userName
        if !name.isEmpty { return name }
        return environment["USER"] ?? "unknown"
    }
}

/// How listings are printed.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: "Output format: table (for people, the default), json (stable, see the README) or csv.")
    var requestedFormat: OutputFormat?

    @Flag(help: ArgumentHelp("CSV for Excel in French: a byte order mark, `;` between cells and CR LF (implies --format csv).",
                             discussion: "Plain --format csv has no byte order mark, which scripts would read as part of the first column's name."))
    var excel = false

    /// The format after defaults: CSV when `--excel` asks for it, else `--format`, else a table.
    var format: OutputFormat { excel ? .csv : requestedFormat ?? .table }

    /// How CSV cells and lines are written: for programs (RFC 4180, `,`, no BOM) or, with
    /// `--excel`, for a spreadsheet in French. Formulas are neutralised in both.
    var csvFormat: CSVFormat { excel ? .frenchSpreadsheet : .standard }

    func validate() throws {
        if excel, let requestedFormat, requestedFormat != .csv {
            throw ValidationError("--excel writes CSV: it cannot be combined with --format \(requestedFormat.rawValue).")
        }
    }
}

/// The output formats of list and show commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table
    case json
    case csv
}

/// The day a command works for: `--as-of`, else today where Sablier runs. Read here, at the
/// edge, and passed in; the engine never reads the clock.
struct AsOfOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day to compute for, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: CivilDateArgument?

}

/// A `YYYY-MM-DD` argument.
struct CivilDateArgument: ExpressibleByArgument, Sendable {
    let date: CivilDate

    init?(argument: String) {
        guard let date = CivilDate(iso: argument) else { return nil }
        self.date = date
    }

}

extension StoreOptions {
    /// The application over the store at `resolvedPath`, which must exist: a mistyped path
    /// is refused, naming it, rather than creating an empty store.
    /// A PostgreSQL database must exist (the server refuses a missing one); an empty one is
    /// given the schema, as `init` would.
    func application() async throws -> Sablier {
        try Self.requireExistingStore(resolvedPath)
        return Sablier(store: try await storage(), clock: .system)
    }
}
