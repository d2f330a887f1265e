import ArgumentParser
import Foundation
import SablierApplication
import SablierCore

/// `sablier privacy queue`: what waits for the AIPRP officer, most sensitive first.
struct PrivacyQueue: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "List the documents flagged for review, most sensitive first, with the reason and the findings masked.",
        discussion: """
            A document is listed while it waits for a decision: flagged by its rule, by personal information \
            found in its file, or because its file could not be read. --all also lists those already reviewed \
            (confirmed: confidential; dismissed). Destroyed documents are left out.
            """
    )

    @Flag(help: "Also list the documents already reviewed.") var all = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let queue = try await sablier.privacyQueue(session, includingDecided: all)
        let table = Table(columns: ["reference", "score", "status", "measure", "holder", "reasons"], rows: queue.entries.map { entry in
            [entry.reference, String(entry.score), entry.statusLabel, entry.measure ?? "", entry.holder, entry.reasons.joined(separator: "; ")]
        })
        try Listing.print(output, table: table, json: queue.entries)
        if output.format == .table {
            Console.error("\(queue.pending) document\(queue.pending == 1 ? "" : "s") waiting for review")
        }
        if queue.withheld > 0 {
            Console.error("withheld \(queue.withheld) (documents you may not see)")
        }
    }
}

/// `sablier privacy show REF`: one document's flags, findings (masked) and reviews.
struct PrivacyShow: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show why a document is flagged: its rule, its last scan with the findings masked, and its reviews."
    )

    @Argument(help: "The document's reference.") var reference: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let privacy = try await sablier.privacyShow(session, reference)
        if output.format == .json {
            Console.out(try JSONOutput.render(privacy))
            return
        }
        var lines = ["\(privacy.reference) — \(privacy.title)", "Status: \(privacy.statusLabel)\(privacy.confidential ? " (confidential)" : "")"]
        if privacy.ruleSource != nil, let reason = privacy.reasons.first(where: { $0.hasPrefix("rule ") }) {
            lines.append("Rule: \(reason)\(privacy.measure.map { "; measure \($0)" } ?? "")")
        }
        if let scan = privacy.scan {
            lines.append("Scanned: \(privacy.file ?? "") (\(scan.format ?? "?"), SHA-256 \(scan.sha256)) — \(scan.summary)")
        } else {
            lines.append("Scanned: never")
        }
        let table = Table(columns: ["type", "confidence", "start", "end", "excerpt", "reason"], rows: (privacy.scan?.findings ?? []).map {
            [$0.type, String(Int(($0.confidence * 100).rounded())), String($0.start), String($0.end), $0.excerpt, $0.reason]
        })
        if output.format == .csv {
            Console.out(table.renderCSV(output.csvFormat))
            return
        }
        if !(privacy.scan?.findings.isEmpty ?? true) { lines.append("\n" + table.renderText(maxCellWidth: 90)) }
        for review in privacy.reviews {
            lines.append("Review: \(review.decision)\(review.measure.map { " (\($0))" } ?? "") by \(review.reviewedBy) on "
                + "\(ISO8601DateFormatter().string(from: review.reviewedAt)): \(review.note)")
        }
        if let copy = privacy.anonymizedCopy {
            lines.append("Anonymised copy: " + PrivacyAnonymize.describe(copy).replacingOccurrences(of: "\n", with: "\n  "))
        }
        Console.out(lines.joined(separator: "\n"))
    }
}

/// `sablier privacy review REF --confirm|--dismiss`: the AIPRP officer's decision.
struct PrivacyReviewCommand: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Record the AIPRP officer's decision on a flagged document: it holds personal information (confirm) or not (dismiss).",
        discussion: """
            A confirmed document is confidential and its measure (detruire or anonymiser, default: its \
            rule's) applies at the end of retention. The decision holds for the document's current content: \
            if its file changes and is scanned again, it waits for a new review. Who, when and the note are kept, \
            and the decision is written to the audit trail.
            """
    )

    @Argument(help: "The document's reference.") var reference: String
    @Flag(help: "It holds personal information.") var confirm = false
    @Flag(help: "It does not.") var dismiss = false
    @Option(help: "What the Access Act (s. 73) requires at the end: detruire or anonymiser (default: the rule's).") var measure: MeasureArgument?
    @Option(help: "Why.") var note: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func validate() throws {
        guard confirm != dismiss else { throw ValidationError("give exactly one of --confirm or --dismiss") }
    }

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let review = try await sablier.reviewPrivacy(session, reference, decision: confirm ? .confirm : .dismiss,
                                                     measure: measure?.measure, note: note)
        if review.decision == .confirm {
            Console.out("\(reference): personal information confirmed by \(review.reviewedBy); measure at the end of retention: "
                + "\(review.measure?.rawValue ?? "?"); the document is confidential")
        } else {
            Console.out("\(reference): dismissed by \(review.reviewedBy); no personal information")
        }
    }
}
