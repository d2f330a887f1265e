import ArgumentParser
import Foundation
import SablierApplication
import SablierCore

/// A command that runs use cases of the application layer as the user it names.
///
/// It opens the store (which must exist: only `init` creates one), opens the local session of
/// `--as` (else `$SABLIER_USER`, else the operating-system user), and hands both to the
/// command. A `Refusal` is written in the chosen language from the message catalogue, on
/// standard error, and ends the process with its kind's exit status.
protocol UseCaseCommand: AsyncParsableCommand {
    var store: StoreOptions { get }
    var actor: ActorOptions { get }
    /// The command's work: parse what is left, call use cases, render.
    func run(_ sablier: Sablier, _ session: Session) async throws
}

extension UseCaseCommand {
    func run() async throws {
        try await actor.reportingRefusals {
            let sablier = try await store.application()
            let session = try await sablier.localSession(actor.resolvedActor)
            try await run(sablier, session)
        }
    }
}

extension ActorOptions {
    /// Runs `body`; a refusal is printed in the chosen language and exits with its status.
    func reportingRefusals(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let refusal as Refusal {
            throw RefusalReport.print(refusal, language, nameGiven: actor != nil)
        }
    }

    var language: Language { LanguageArgument.resolve(lang) }
}

/// How every command tells a refusal: its diagnostics, its sentence from the catalogue in the
/// reader's language, the command-line hint where there is one; then its kind's exit status.
enum RefusalReport {
    /// Prints `refusal` and returns the exit to throw.
    static func print(_ refusal: Refusal, _ language: Language, nameGiven: Bool = true) -> ExitCode {
        Console.report(refusal.diagnostics)
        Console.error(Refusal.prefix(language) + MessageCatalogue.message(refusal, in: language))
        if let hint = CommandHint.hint(for: refusal.code, nameGiven: nameGiven, language) { Console.error(hint) }
        return ExitCode(refusal.kind.exitStatus)
    }
}

extension Refusal {
    /// How an error line begins, as argument-parser's own do in English.
    static func prefix(_ language: Language) -> String {
        language == .fr ? "Erreur : " : "Error: "
    }
}

/// `--lang fr|en`.
enum LanguageArgument: String, ExpressibleByArgument, CaseIterable {
    case fr, en

    /// The language of messages: `--lang`, else the environment's (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    static func resolve(_ argument: LanguageArgument?) -> Language {
        argument.map { Language(rawValue: $0.rawValue)! } ?? Language.from(environment: ProcessInfo.processInfo.environment)
    }
}

/// What to type next, for refusals whose remedy is a command: the catalogue's sentences are
/// the same for the server, so the command line adds its own commands here.
enum CommandHint {
    static func hint(for code: Refusal.Code, nameGiven: Bool, _ language: Language) -> String? {
        switch code {
        case .unknownUser:
            if !nameGiven {
                return language == .fr
                    ? "(l'utilisateur vient de l'option --as, sinon de $SABLIER_USER, sinon de l'utilisateur du système ; le RSI ajoute les utilisateurs avec « sablier user add »)"
                    : "(the user comes from --as, else $SABLIER_USER, else the operating-system user; the RSI adds users with `sablier user add`)"
            }
            return language == .fr ? "(le RSI ajoute les utilisateurs avec « sablier user add »)" : "(the RSI adds users with `sablier user add`)"
        case .noUsers:
            return language == .fr ? "(créez le premier avec « sablier init --admin NOM »)" : "(create the first one with `sablier init --admin NAME`)"
        case .auditKeyFileRequired:
            return language == .fr ? "(--audit-key FICHIER ou $SABLIER_AUDIT_KEY)" : "(--audit-key FILE or $SABLIER_AUDIT_KEY)"
        case .noCalendar:
            return language == .fr ? "(« sablier calendar import FICHIER »)" : "(`sablier calendar import FILE`)"
        default:
            return nil
        }
    }
}
