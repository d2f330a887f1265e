import ArgumentParser
import Foundation
import SablierApplication
import SablierCore

/// `sablier privacy anonymize REF --rule CODE --holder UNIT [--reference COPYREF] [--title TEXT] --note TEXT`: the de-identified copy
/// of a document confirmed with the measure anonymiser, made and registered.
struct PrivacyAnonymize: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "anonymize",
        abstract: "Make and register the de-identified copy of a document confirmed with the measure anonymiser.",
        discussion: """
            The copy is the document's text with every finding of the detectors replaced by its type and a \
            number per distinct value ([nom 1], [adresse 1], [NAS 1]: the same person keeps the same number), \
            under a notice in French and English saying what it is and counting the replacements by type. \
            It is registered as a document of its own under the rule and holder you choose, opened and closed \
            today: its reference is --reference or the next free ANON-N, its title --title or « Copie anonymisée \
            (règle CODE) », its file COPYREF.txt beside the original (never replacing a file). The original's \
            reference, title and file name are never reused: in school records they often hold the student's \
            name, and the detectors do not de-identify a title or a file name you type. \
            The detectors may miss a name or an address: read the copy, then sign it off \
            (`sablier privacy sign-off REF`). The original is destroyed by `disposition execute` only once \
            its copy is signed off and unchanged. Written to the audit trail (privacy.anonymize).
            """
    )

    @Argument(help: "The original's reference.") var reference: String
    @Option(help: "The rule of the calendar in force the copy falls under.") var rule: String
    @Option(help: "The unit that holds the copy (détenteur).") var holder: String
    @Option(help: "Which copy it is: principal or secondaire.") var copy: String = "principal"
    @Option(name: .customLong("reference"), help: "The copy's reference (default: the next free ANON-N).") var copyReference: String?
    @Option(help: "The copy's title (default: « Copie anonymisée (règle CODE) »).") var title: String?
    @Option(help: "Why.") var note: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let made = try await sablier.anonymizeDocument(session, reference, rule: rule, holder: holder, copy: copy,
                                                      copyReference: copyReference, title: title, note: note)
        if output.format == .json {
            Console.out(try JSONOutput.render(made))
            return
        }
        Console.out(PrivacyAnonymize.describe(made) + "\nread it, then: sablier privacy sign-off \(made.reference) --note TEXT")
    }

    /// The copy in a few lines: what it is, where, what it replaced, and its sign-off.
    static func describe(_ copy: AnonymizationResult) -> String {
        let replaced = copy.replacements.map { "\($0.type) \($0.count)" + ($0.count > 1 ? " (\($0.distinct) distinct)" : "") }
        var lines = ["\(copy.reference): anonymised copy \(copy.copy) at \(copy.path) (SHA-256 \(copy.sha256)), made by \(copy.madeBy)",
                     "replaced: \(replaced.isEmpty ? "nothing found" : replaced.joined(separator: ", "))"]
        if let by = copy.signedOffBy, let at = copy.signedOffAt {
            lines.append("signed off by \(by) on \(ISO8601DateFormatter().string(from: at)): \(copy.signOffNote ?? "")")
            if copy.correctedByHand {
                lines.append("the copy signed off was corrected by hand: SHA-256 \(copy.signedSHA256 ?? "?"), not the one made")
            }
            if let flagging = copy.flaggingFindings, flagging > 0 {
                lines.append("warning: scanned again, the copy still holds \(flagging) finding\(flagging > 1 ? "s" : "") that flag; "
                             + "read it again (sablier privacy scan \(copy.path))")
            }
        } else {
            lines.append("waits for the AIPRP officer's sign-off")
        }
        return lines.joined(separator: "\n")
    }
}

/// `sablier privacy sign-off REF --note TEXT`: the AIPRP officer signs off the anonymised copy
/// they read; the original may then be destroyed.
struct PrivacySignOff: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-off",
        abstract: "Sign off the anonymised copy of a document, once read: its original may then be destroyed.",
        discussion: """
            Records who and when, and the copy's SHA-256 as it is now: a copy you corrected by hand (a name \
            the detectors missed) is signed as corrected, and said so. The copy is scanned again and the \
            findings that still flag are counted (a warning, not a refusal). Its own review is recorded \
            (« copie anonymisée vérifiée »), so it leaves the review queue. Refused when no copy was made, \
            when it is signed off already, and when the copy's file is gone. \
            `disposition execute` checks the signed SHA-256 again before it destroys the original. \
            Written to the audit trail (privacy.anonymize-sign-off).
            """
    )

    @Argument(help: "The original's reference.") var reference: String
    @Option(help: "Why: what you checked.") var note: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let signed = try await sablier.signOffAnonymization(session, reference, note: note)
        if output.format == .json {
            Console.out(try JSONOutput.render(signed))
            return
        }
        Console.out(PrivacyAnonymize.describe(signed))
    }
}
