import SablierStore
import ArgumentParser
import SablierCore

/// `sablier calendar show RULE`: one rule, every field.
struct CalendarShow: GuardedCommand {
    static let permission = Permission.readCalendar

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

    func run(with access: Access) async throws {
        let store = try store.openStore()
        let info = try await store.resolveVersion(version)
        guard let found = try await store.rule(rule, version: info.number) else {
            throw CommandFailure.noSuchRule(rule, version: info.number)
        }
        let fields = found.fields
        switch output.format {
        case .table:
            let width = fields.map(\.label.count).max() ?? 0
            var lines = ["Règle \(found.number) — calendar version \(info.number)", ""]
            for field in fields where !field.value.isEmpty {
                let pad = String(repeating: " ", count: width - field.label.count)
                let value = field.value.split(separator: "\n", omittingEmptySubsequences: false)
                    .joined(separator: "\n" + String(repeating: " ", count: width + 3))
                lines.append("\(field.label)\(pad) : \(value)")
            }
            Console.out(lines.joined(separator: "\n"))
        case .csv:
            Console.out(Table(columns: ["field", "label", "value"], rows: fields.map { [$0.key, $0.label, $0.value] }).renderCSV())
        case .json:
            Console.out(try JSONOutput.render(CalendarJSON.RuleDocument(found)))
        }
    }
}
