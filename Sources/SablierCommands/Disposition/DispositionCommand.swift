import ArgumentParser
import SablierApplication
import SablierCore

/// `sablier disposition …`: disposition lists (listes de disposition), from proposal to
/// certificate.
struct DispositionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disposition",
        abstract: "Propose, approve and carry out disposition lists: destruction, deposit (versement), sort, transfer.",
        discussion: """
            A list is drawn from the due list of a day (`propose`), in state proposed; sort (T) items \
            take a keep-or-destroy decision (`decide`); a person other than its proposer approves it \
            (`approve`); `execute` carries it out: digital files are deleted for real, paper is destroyed \
            by the --method given. Execution is safe to interrupt: run it again and it completes. \
            `certificate` prints the destruction certificate and the transfer slip (bordereau de versement).
            """,
        subcommands: [
            DispositionPropose.self, DispositionDecide.self, DispositionApprove.self, DispositionExecute.self, DispositionCancel.self,
            DispositionLists.self, DispositionShow.self, DispositionCertificateCommand.self,
        ]
    )
}

/// The `decide` values: `SortDecision`'s codes.
enum SortDecisionArgument: String, ExpressibleByArgument, CaseIterable {
    case keep, destroy

    var decision: SortDecision { self == .keep ? .keep : .destroy }
}

/// Words for people, shared by the disposition commands.
enum DispositionWords {
    static func plural(_ count: Int, _ word: String) -> String {
        "\(count) \(word)\(count == 1 ? "" : "s")"
    }

    /// `destroy 2, deposit 1`, in `DueAction` order, for the actions present.
    static func actionCounts(_ items: [DispositionItemRecord]) -> String {
        var counts: [String: Int] = [:]
        for item in items { counts[item.action, default: 0] += 1 }
        return DueAction.allCases.compactMap { action in counts[action.rawValue].map { "\(action.rawValue) \($0)" } }.joined(separator: ", ")
    }

    /// `REF (destroy due 2025-06-30): held`: a document a proposal left out, and why.
    static func leftOut(_ document: LeftOutRecord) -> String {
        let why: String
        switch document.reason {
        case "in-list": why = "already in list \(document.list.map(String.init) ?? "?")"
        case "pending-review": why = "waits for the AIPRP officer's review (personal information)"
        case "on-loan": why = "out on loan \(document.loan.map(String.init) ?? "?") until it is returned"
        default: why = document.reason
        }
        return "\(document.reference) (\(document.action) due \(document.due)): \(why)"
    }

    /// What a document confirmed with the measure anonymiser waits for before it is destroyed,
    /// from the wait's code (`AnonymizationWait`), with the command that moves it on: the one
    /// wording, here where the command line's text is written.
    static func anonymizationWait(_ wait: String?, reference: String) -> String {
        switch wait {
        case "sign-off":
            return "its anonymised copy waits for the AIPRP officer's sign-off (read it, then: sablier privacy sign-off \(reference) --note TEXT)"
        case "copy-changed":
            return "its anonymised copy is gone or changed since it was signed off (sablier privacy show \(reference))"
        default:
            return "it waits for its anonymised copy (sablier privacy anonymize \(reference) --rule CODE --holder UNIT --note TEXT)"
        }
    }

    /// A file that does not match what the list recorded, in one sentence.
    static func integrity(_ problem: DispositionExecutionResult.IntegrityProblem) -> String {
        let reference = problem.reference, path = problem.path
        switch problem.problem {
        case "missing":
            return "\(reference): file \(path) is missing although the list did not delete it; it was not recorded as disposed of"
        case "changed":
            return "\(reference): file \(path) changed since it was registered (SHA-256 \(problem.found ?? "?"), expected \(problem.expectedSHA256)); it was left in place"
        case "not-anonymized":
            return "\(reference): its measure is anonymiser and \(anonymizationWait(problem.detail, reference: reference)); file \(path) was left in place"
        case "resolves-elsewhere":
            return "\(reference): file \(path) now resolves to \(problem.detail ?? "another path") (a symbolic link stands in for it, or it was registered through one); nothing was deleted"
        case "refused":
            return "\(reference): file \(path) is not one the register may read (\(problem.detail ?? "refused")); it was left in place"
        default:
            return "\(reference): file \(path) cannot be checked (\(problem.detail ?? problem.problem)); it was left in place"
        }
    }
}
