import SablierStore
import ArgumentParser
import Foundation
import SablierCore
import SablierRegister

/// `sablier document show REF`: the record, its events and its computed dates.
struct DocumentShow: GuardedCommand {
    static let permission = Permission.readDocuments

    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a document: its record, its life-cycle events and its retention dates with the explanation."
    )

    @Argument(help: "The document's reference.") var reference: String
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(with access: Access) async throws {
        guard let explanation = try await RetentionExplanation.explain(reference, asOf: asOf.date, store: try store.openRegister()) else {
            throw CommandFailure.noSuchDocument(reference)
        }
        try await Visibility.load(access, store: store).require(reference, holder: explanation.document.document.holder, store: store,
                                                                 command: Self.configuration.commandName ?? "document")
        let item = explanation.document
        let d = item.document
        switch output.format {
        case .json:
            Console.out(try JSONOutput.render(RegisterJSON.DocumentDetail(explanation)))
        case .csv:
            Console.out(Table(columns: ["field", "value"], rows: RegisterJSON.fields(item)).renderCSV())
        case .table:
            var lines = ["Document \(d.reference) — \(d.title)", ""]
            let fields = RegisterJSON.fields(item)
            let width = fields.map(\.[0].count).max() ?? 0
            for field in fields where !field[1].isEmpty {
                lines.append(field[0] + String(repeating: " ", count: width - field[0].count) + " : " + field[1])
            }
            lines.append("")
            lines.append("Événements")
            lines.append("  \(item.registeredAt.formatted(.iso8601.year().month().day()))  registered (created) by \(item.registeredBy)")
            for recorded in explanation.events {
                let e = recorded.event
                var text = "  \(e.on)  \(e.kind.rawValue)"
                if let name = e.name { text += " « \(name) »" }
                if let detail = e.detail { text += " [\(detail)]" }
                text += " by \(e.by)"
                if let reason = e.reason { text += " — \(reason)" }
                lines.append(text)
            }
            lines.append("")
            lines.append("Conservation")
            lines += explanation.lines.map { "  " + $0 }
            Console.out(lines.joined(separator: "\n"))
        }
    }
}
