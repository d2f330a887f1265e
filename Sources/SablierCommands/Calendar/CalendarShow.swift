import ArgumentParser
import SablierApplication
import SablierCore

/// `sablier calendar show RULE`: one rule, every field.
struct CalendarShow: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one rule of a calendar version, field by field, with its remarks."
    )

    @Argument(help: "The rule number, e.g. 01740a or 201.02.")
    var rule: String

    @Option(name: .long, help: "The version to read (default: the latest).")
    var version: Int?

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let shown = try await sablier.calendarRule(session, rule, version: version)
        let fields = shown.fields
        switch output.format {
        case .table:
            let width = fields.map(\.label.count).max() ?? 0
            var lines = ["Règle \(shown.rule.rule) — calendar version \(shown.version)", ""]
            for field in fields where !field.value.isEmpty {
                let pad = String(repeating: " ", count: width - field.label.count)
                let value = field.value.split(separator: "\n", omittingEmptySubsequences: false)
                    .joined(separator: "\n" + String(repeating: " ", count: width + 3))
                lines.append("\(field.label)\(pad) : \(value)")
            }
            Console.out(lines.joined(separator: "\n"))
        case .csv:
            Console.out(Table(columns: ["field", "label", "value"], rows: fields.map { [$0.key, $0.label, $0.value] }).renderCSV(output.csvFormat))
        case .json:
            Console.out(try JSONOutput.render(shown.rule))
        }
    }
}
