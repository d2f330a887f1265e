public import ArgumentParser
import Foundation
import SablierApplication

/// The `sablier` command: records retention for Quebec public bodies.
public struct SablierCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sablier",
        abstract: "Records retention manager for Quebec public bodies (calendriers de conservation).",
        discussion: """
            Sablier keeps the organisation's conservation calendar (calendrier de conservation) \
            approved by BAnQ, every version of it, and what it means for the organisation's documents.
            The database is SQLite by default: --db PATH, or $SABLIER_DB, else ./sablier.sqlite; \
            --db postgres://user@host:port/database names a PostgreSQL one (see the README).
            """,
        subcommands: [CalendarCommand.self, DocumentCommand.self, BoxCommand.self, DueCommand.self, WaitingCommand.self, HoldCommand.self, LoanCommand.self, DispositionCommand.self, ReportCommand.self,
                      PrivacyCommand.self, InitCommand.self, UserCommand.self, AuditCommand.self, IntegrityCommand.self, IncidentCommand.self, TokenCommand.self, RootsCommand.self,
                      ServeCommand.self, NotifyCommand.self, DatabaseCommand.self]
    )

    public init() {}
}

extension SablierCommand {
    /// Runs the command line of the `sablier` executable: parses the arguments, runs the
    /// command, prints errors on standard error and exits with the command's status.
    ///
    /// A mistyped subcommand is caught first: argument-parser would otherwise read the next
    /// option as the mistake (`sablier calendar lst --as x` answers `Unknown option '--as'`).
    public static func runFromCommandLine() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let mistake = UnknownSubcommand.find(in: arguments, root: SablierCommand.self) {
            let language = Language.from(arguments: arguments, environment: ProcessInfo.processInfo.environment)
            FileHandle.standardError.write(Data((mistake.message(language) + "\n").utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        await main()
    }
}

/// A word where a subcommand was expected that names none, and the nearest subcommands.
struct UnknownSubcommand: Equatable {
    /// The command path so far, e.g. `sablier calendar`.
    var path: String
    var word: String
    /// The closest names, nearest first (empty when none is close).
    var suggestions: [String]
    /// Every subcommand of `path`.
    var available: [String]

    /// Walks `arguments` down the tree of commands; the first word that is not an option and
    /// names no subcommand of a command that has subcommands is the mistake.
    static func find(in arguments: [String], root: any ParsableCommand.Type) -> UnknownSubcommand? {
        var command = root
        var path = [name(of: root)]
        for word in arguments {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, !word.hasPrefix("-"), word != "help" else { return nil }
            if let next = subcommands.first(where: { names(of: $0).contains(word) }) {
                command = next
                path.append(word)
                continue
            }
            let available = subcommands.map(name(of:))
            return UnknownSubcommand(path: path.joined(separator: " "), word: word,
                                     suggestions: nearest(word, among: available), available: available)
        }
        return nil
    }

    /// What the person reads: the mistake, the nearest command, and where to see them all.
    func message(_ language: Language) -> String {
        let close = suggestions.map { "\(path) \($0)" }
        switch language {
        case .fr:
            return "Erreur : « \(word) » n'est pas une commande de « \(path) »"
                + (close.isEmpty ? "" : " ; vouliez-vous dire « " + close.joined(separator: " » ou « ") + " » ?")
                + "\nCommandes : " + available.joined(separator: ", ") + ". Voir « \(path) --help »."
        case .en:
            return "Error: '\(word)' is not a command of '\(path)'"
                + (close.isEmpty ? "" : "; did you mean '" + close.joined(separator: "' or '") + "'?")
                + "\nCommands: " + available.joined(separator: ", ") + ". See '\(path) --help'."
        }
    }

    static func name(of command: any ParsableCommand.Type) -> String {
        command.configuration.commandName ?? String(describing: command).lowercased()
    }

    static func names(of command: any ParsableCommand.Type) -> [String] {
        [name(of: command)] + command.configuration.aliases
    }

    /// The names at the smallest edit distance from `word`, when it is small for the word's
    /// length (at most a third of it, and at least 1), or that start with it.
    static func nearest(_ word: String, among names: [String]) -> [String] {
        let limit = max(1, word.count / 3 + 1)
        let scored = names.map { ($0, distance(word.lowercased(), $0)) }
        let best = scored.map(\.1).min() ?? .max
        var close = best <= limit ? scored.filter { $0.1 == best }.map(\.0) : []
        if close.isEmpty { close = names.filter { $0.hasPrefix(word.lowercased()) && !word.isEmpty } }
        return close
    }

    /// Levenshtein distance: insertions, deletions and substitutions of characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension Language {
    /// `--lang fr|en` among the arguments, else the environment's.
    static func from(arguments: [String], environment: [String: String]) -> Language {
        if let index = arguments.firstIndex(of: "--lang"), index + 1 < arguments.count,
           let language = Language(rawValue: arguments[index + 1]) {
            return language
        }
        if let option = arguments.first(where: { $0.hasPrefix("--lang=") }), let language = Language(rawValue: String(option.dropFirst(7))) {
            return language
        }
        return from(environment: environment)
    }
}
