import ArgumentParser
import SablierCore
import SablierSQLite
import SablierStore

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

extension StoreOptions {
    /// Opens the store for disposition lists.
    func openDisposition() throws -> any DispositionStore {
        try sqlite()
    }
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
    static func actionCounts(_ items: [DispositionItem]) -> String {
        var counts: [DueAction: Int] = [:]
        for item in items { counts[item.action, default: 0] += 1 }
        return DueAction.allCases.compactMap { action in counts[action].map { "\(action.rawValue) \($0)" } }.joined(separator: ", ")
    }
}
