import ArgumentParser
import SablierApplication
import SablierCore

/// `sablier disposition show N`: a list and its items.
struct DispositionShow: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a disposition list: who proposed, approved and executed it, and each document with its action, decision and state."
    )

    @Argument(help: "The list's number.") var number: Int
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let detail = try await sablier.dispositionDetail(session, list: number)
        let list = detail.list, items = detail.items
        switch output.format {
        case .json:
            Console.out(try JSONOutput.render(detail))
        case .csv:
            Console.out(DispositionTables.items(items).renderCSV(output.csvFormat))
            if detail.withheld > 0 { Listing.withheld(detail.withheld) }
        case .table:
            var lines = ["Disposition list \(list.number) — \(list.state)"]
            lines.append("due list of \(list.asOf), " + (list.action.map { "action \($0)" } ?? "every action"))
            lines.append("proposed by \(list.proposedBy) on \(DispositionTables.instant(list.proposedAt))")
            if let approver = list.approvedBy { lines.append("approved by \(approver) on \(DispositionTables.instant(list.approvedAt))") }
            if let executor = list.executedBy {
                var line = "executed by \(executor), begun \(DispositionTables.instant(list.executionStartedAt))"
                if let done = list.executedAt { line += ", finished \(DispositionTables.instant(done))" }
                lines.append(line)
            }
            if let by = list.cancelledBy {
                lines.append("cancelled by \(by) on \(DispositionTables.instant(list.cancelledAt)): \(list.cancelReason ?? "")")
            }
            if let method = list.method { lines.append("method: \(method)") }
            if let certificate = list.vendorCertificate { lines.append("vendor certificate: \(certificate)") }
            lines.append("\(list.done) of " + DispositionWords.plural(list.items, "document") + " done")
            if detail.withheld > 0 {
                lines.append("limited to your unit: " + DispositionWords.plural(detail.withheld, "document") + " of other units not shown")
            }
            lines.append("")
            lines.append(DispositionTables.items(items).renderText())
            for item in items {
                guard let decision = item.decision else { continue }
                lines.append("  \(item.reference): \(decision) (\(item.decidedBy ?? "")) — \(item.decisionReason ?? "")")
            }
            Console.out(lines.joined(separator: "\n"))
        }
    }
}
