import ArgumentParser
import Foundation
import SablierApplication
import SablierCore

/// `sablier document show REF`: the record, its events and its computed dates.
struct DocumentShow: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a document: its record, its life-cycle events and its retention dates with the explanation."
    )

    @Argument(help: "The document's reference.") var reference: String
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let detail = try await sablier.document(session, reference, asOf: asOf.asOf?.date)
        let d = detail.document
        switch output.format {
        case .json:
            Console.out(try JSONOutput.render(detail))
        case .csv:
            Console.out(Table(columns: ["field", "value"], rows: Self.fields(d)).renderCSV(output.csvFormat))
        case .table:
            var lines = ["Document \(d.reference) — \(d.title)", ""]
            let fields = Self.fields(d)
            let width = fields.map(\.[0].count).max() ?? 0
            for field in fields where !field[1].isEmpty {
                lines.append(field[0] + String(repeating: " ", count: width - field[0].count) + " : " + field[1])
            }
            lines.append("")
            lines.append("Événements")
            lines.append("  \(d.registeredAt.formatted(.iso8601.year().month().day()))  registered (created) by \(d.registeredBy)")
            for e in detail.events {
                var text = "  \(e.on)  \(e.kind)"
                if let name = e.name { text += " « \(name) »" }
                if let detail = e.detail { text += " [\(detail)]" }
                text += " by \(e.by)"
                if let reason = e.reason { text += " — \(reason)" }
                lines.append(text)
            }
            lines.append("")
            lines.append("Conservation")
            lines += detail.explanation.map { "  " + $0 }
            Console.out(lines.joined(separator: "\n"))
        }
    }

    /// The record's fields as label/value pairs, for the table and CSV views.
    static func fields(_ d: DocumentEntry) -> [[String]] {
        var rows: [[String]] = [
            ["reference", d.reference], ["title", d.title], ["rule", d.rule], ["copy", d.copy],
            ["support", d.support], ["holder", d.holder], ["opened", d.opened ?? ""], ["closed", d.closed ?? ""],
        ]
        if let file = d.file {
            rows += [["file", file.path], ["sha256", file.sha256], ["size", String(file.size)], ["format", file.format]]
        }
        rows += [["location", d.location ?? ""], ["box", d.box ?? ""], ["digitized_from", d.digitizedFrom ?? ""], ["replaces", d.replaces ?? ""]]
        for (name, value) in d.identifiers.sorted(by: { $0.key < $1.key }) { rows.append(["id:" + name, value]) }
        rows += [
            ["phase", d.phase], ["held", d.held ? "yes" : "no"], ["transfer_on", d.transferOn ?? ""], ["final_on", d.finalOn ?? ""],
            ["final_action", d.finalAction ?? ""], ["waiting", d.waitingLabel ?? ""], ["calendar_version", String(d.calendarVersion)],
            ["registered_by", d.registeredBy],
        ]
        return rows
    }
}
