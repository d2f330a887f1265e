import SablierCore
import ArgumentParser
import SablierStore

/// `sablier disposition show N`: a list and its items.
struct DispositionShow: GuardedCommand {
    static let permission = Permission.readDisposition

    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a disposition list: who proposed, approved and executed it, and each document with its action, decision and state."
    )

    @Argument(help: "The list's number.") var number: Int
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(with access: Access) async throws {
        let store = try store.openDisposition()
        guard let list = try await store.dispositionList(number) else { throw StoreError.notFound("disposition list \(number)") }
        // A unit-scoped reader (détenteur) sees its own unit's lines. An organisation-wide
        // reader sees the whole list, confidential documents included: it is the record of
        // what was decided and done, which the records manager and the auditor answer for.
        let all = try await store.dispositionItems(of: number)
        let items = access.scope == .all ? all : all.filter { access.reaches(holder: $0.holder) }
        let withheld = all.count - items.count
        switch output.format {
        case .json:
            Console.out(try JSONOutput.render(DispositionJSON.Detail(
                list: DispositionJSON.List(list), items: items.map(DispositionJSON.Item.init), withheld: withheld)))
        case .csv:
            Console.out(DispositionTables.items(items).renderCSV())
        case .table:
            var lines = ["Disposition list \(list.number) — \(list.state.rawValue)"]
            lines.append("due list of \(list.asOf), " + (list.action.map { "action \($0.rawValue)" } ?? "every action"))
            lines.append("proposed by \(list.proposedBy) on \(DispositionTables.instant(list.proposedAt))")
            if let approver = list.approvedBy { lines.append("approved by \(approver) on \(DispositionTables.instant(list.approvedAt))") }
            if let executor = list.executedBy {
                var line = "executed by \(executor), begun \(DispositionTables.instant(list.executionStartedAt))"
                if let done = list.executedAt { line += ", finished \(DispositionTables.instant(done))" }
                lines.append(line)
            }
            if let cancellation = list.cancellation {
                lines.append("cancelled by \(cancellation.by) on \(DispositionTables.instant(cancellation.at)): \(cancellation.reason)")
            }
            if let method = list.method { lines.append("method: \(method)") }
            if let certificate = list.vendorCertificate { lines.append("vendor certificate: \(certificate)") }
            lines.append("\(list.doneCount) of " + DispositionWords.plural(list.itemCount, "document") + " done")
            if withheld > 0 {
                lines.append("limited to your unit: " + DispositionWords.plural(withheld, "document") + " of other units not shown")
            }
            lines.append("")
            lines.append(DispositionTables.items(items).renderText())
            for item in items {
                guard let decision = item.decision else { continue }
                lines.append("  \(item.reference): \(decision.rawValue) (\(item.decidedBy ?? "")) — \(item.decisionReason ?? "")")
            }
            Console.out(lines.joined(separator: "\n"))
        }
    }
}
