import ArgumentParser
import Foundation
import SablierApplication
import SablierCSV
import SablierCore
import SablierSQLite
import SablierStore
import Synchronization

/// Where the database is: shared by every command.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The SQLite database file (it must exist: only `sablier init` creates one).",
            discussion: "Defaults to $SABLIER_DB, else ./sablier.sqlite.",
            valueName: "path"))
    var db: String?

    @Option(
        name: .customLong("audit-key"),
        help: ArgumentHelp(
            "The audit trail's key file (32 random bytes, mode 0600), kept outside the database.",
            discussion: "Defaults to $SABLIER_AUDIT_KEY, else the database's path followed by .audit-key. `sablier init` creates it.",
            valueName: "path"))
    var auditKey: String?

    /// The audit key's path after defaults: the option, then `$SABLIER_AUDIT_KEY`, then
    /// `<database>.audit-key`, beside the database.
    var resolvedAuditKeyPath: String {
        if let auditKey, !auditKey.isEmpty { return auditKey }
        if let env = ProcessInfo.processInfo.environment["SABLIER_AUDIT_KEY"], !env.isEmpty { return env }
        return AuditKey.defaultFile(forStore: resolvedPath)
    }

    /// The database path after defaults: the option, then `$SABLIER_DB`, then `./sablier.sqlite`.
    var resolvedPath: String {
        if let db, !db.isEmpty { return db }
        if let env = ProcessInfo.processInfo.environment["SABLIER_DB"], !env.isEmpty { return env }
        return "sablier.sqlite"
    }

    /// The store at `resolvedPath`, opened (and migrated) once per process with the audit key
    /// at `resolvedAuditKeyPath`: a command checks its user, reads the confidential documents
    /// and does its own work through one connection. A file that is not a Sablier store is
    /// refused as the storage failure it is; a key file others may read, as the refusal it is.
    func sqlite() throws -> SQLiteStore {
        do {
            return try OpenedStores.store(at: resolvedPath, auditKeyFile: resolvedAuditKeyPath)
        } catch let error as StoreError {
            throw Refusal(error)
        }
    }
}

/// The stores this process opened, by path.
private enum OpenedStores {
    private static let stores = Mutex<[String: SQLiteStore]>([:])

    static func store(at path: String, auditKeyFile: String) throws -> SQLiteStore {
        try stores.withLock { stores in
            if let store = stores[path] { return store }
            let store = try SQLiteStore(path: path, auditKeyFile: auditKeyFile)
            stores[path] = store
            return store
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
    func application() throws -> Sablier {
        // An empty file is no store either: SQLite would make one of it.
        let size = (try? FileManager.default.attributesOfItem(atPath: resolvedPath)[.size] as? NSNumber)?.intValue
        guard let size, size > 0 else {
            throw Refusal(.noStore, ["path": resolvedPath])
        }
        return Sablier(store: try sqlite(), clock: .system)
    }
}
