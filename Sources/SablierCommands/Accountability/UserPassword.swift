import ArgumentParser
import Foundation
import SablierApplication
import SablierCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `sablier user password NAME`: sets or resets a password for signing in to `sablier serve`.
struct UserPassword: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "password",
        abstract: "Set or reset a user's password for signing in to the server (RSI).",
        discussion: """
            On a terminal, the password is asked twice without echo; otherwise it is the first line of \
            standard input (for scripts). At least 12 characters, not a common password. A password the \
            RSI sets for someone else must be changed at their next sign-in. Setting a password ends the \
            user's open sessions.
            """
    )

    @Argument(help: "The user whose password is set.") var name: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let password = try PasswordInput.read(language: actor.language)
        try await sablier.setPassword(session, of: name, to: password)
        Console.out(actor.language == .fr
            ? "mot de passe de \(name) enregistré" + (session.user.name == name ? "" : " ; à changer à la prochaine connexion")
            : "password of \(name) set" + (session.user.name == name ? "" : "; to be changed at the next sign-in"))
    }
}

/// Reads a password: from the terminal without echo, asked twice, or the first line of standard
/// input when it is not a terminal. Never printed.
enum PasswordInput {
    static func read(language: Language) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ValidationError(language == .fr ? "aucun mot de passe sur l'entrée standard" : "no password on standard input")
            }
            return line
        }
        let first = try prompt(language == .fr ? "Nouveau mot de passe : " : "New password: ")
        let second = try prompt(language == .fr ? "Encore une fois : " : "Once more: ")
        guard first == second else {
            throw ValidationError(language == .fr ? "les deux saisies diffèrent" : "the two entries differ")
        }
        return first
    }

    /// Asks on standard error with the terminal's echo off, restored whatever happens.
    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true) ?? ""
    }
}
