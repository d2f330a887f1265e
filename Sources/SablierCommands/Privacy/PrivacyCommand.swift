import ArgumentParser
import Foundation
import SablierCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `sablier privacy …`: personal information (renseignements personnels) found from the
/// calendar and from documents' content, and the AIPRP officer's review queue.
struct PrivacyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy",
        abstract: "Find personal information in documents and review it: scan, queue, show, review, rules, public identifiers.",
        discussion: """
            A document is flagged by its rule (renseignements personnels in the native calendar; GALA's \
            documents confidentiels O until the records manager confirms the rule with `confirm-rule`) or by \
            its content (`scan`: text extracted from .txt .csv .html .xml .rtf .docx .odt .pdf and read by the \
            detectors). The AIPRP officer reviews flagged documents (`queue`, `show`, `review`). Findings are \
            stored and printed masked: an identifier is never written in clear. Every review, rule \
            confirmation and public identifier added or removed is written to the audit trail.
            """,
        subcommands: [
            PrivacyScan.self, PrivacyQueue.self, PrivacyShow.self, PrivacyReviewCommand.self, PrivacyRules.self,
            PrivacyConfirmRule.self, PrivacyPublic.self, PrivacyAnonymize.self, PrivacySignOff.self,
        ]
    )
}

/// The measure argument: `detruire` or `anonymiser` (Access Act, s. 73).
enum MeasureArgument: String, ExpressibleByArgument, CaseIterable {
    case detruire, anonymiser

    var measure: PersonalInformationMeasure { self == .detruire ? .detruire : .anonymiser }
}

/// A progress bar on standard error, drawn only when standard error is a terminal.
struct ProgressBar {
    let total: Int
    let label: String
    let enabled = isatty(STDERR_FILENO) == 1
    private var lastDrawn = -1

    init(total: Int, label: String) {
        self.total = total
        self.label = label
    }

    mutating func update(_ done: Int) {
        guard enabled, total > 0 else { return }
        let width = 30
        let filled = min(width, done * width / total)
        guard filled != lastDrawn || done == total else { return }
        lastDrawn = filled
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total) \(label)".utf8))
    }

    func finish() {
        guard enabled, total > 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// A progress bar drawn from a use case's progress callback.
final class ProgressReporter {
    private var bar: ProgressBar?
    let label: String

    init(label: String) { self.label = label }

    func update(_ done: Int, _ total: Int) {
        if bar == nil { bar = ProgressBar(total: total, label: label) }
        bar?.update(done)
    }

    func finish() { bar?.finish() }
}
