import ArgumentParser
import SablierCore
import SablierStore

/// `sablier waiting`: what cannot be counted yet — documents waiting for an event, and open
/// (888) periods of the calendar whose event nobody has confirmed.
struct WaitingCommand: GuardedCommand {
    static let permission = Permission.readDue

    static let configuration = CommandConfiguration(
        commandName: "waiting",
        abstract: "List documents waiting for an 888 event, a replacement or a confirmation, and rules with unconfirmed events."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    struct Listing: Encodable {
        var documents: [WaitingEntry]
        var unconfirmed: [OpenPeriodEntry]
    }

    struct WaitingEntry: Encodable {
        var reference: String
        var title: String
        var rule: String
        var copy: String
        var holder: String
        var waiting: String
        var label: String
    }

    func run(with access: Access) async throws {
        let store = try store.openRegister()
        let visibility = try await Visibility.load(access, store: self.store)
        let documents = try await store.waitingDocuments().filter { visibility.allows($0.reference, holder: $0.holder) }
        let periods = try await OpenPeriodEntry.all(store).filter { $0.status == "unconfirmed" }
        let entries = documents.map {
            WaitingEntry(reference: $0.reference, title: $0.title, rule: $0.rule, copy: $0.copy.rawValue, holder: $0.holder,
                         waiting: $0.waiting.code, label: $0.waiting.label)
        }
        switch output.format {
        case .json:
            Console.out(try JSONOutput.render(Listing(documents: entries, unconfirmed: periods)))
        case .csv:
            Console.out(Table(columns: ["reference", "title", "rule", "copy", "holder", "waiting"],
                              rows: entries.map { [$0.reference, $0.title, $0.rule, $0.copy, $0.holder, $0.waiting] }).renderCSV())
        case .table:
            Console.out("Documents en attente (\(entries.count))")
            Console.out(Table(columns: ["reference", "rule", "copy", "holder", "waits for"],
                              rows: entries.map { [$0.reference, $0.rule, $0.copy, $0.holder, $0.label] }).renderText())
            Console.out("\nPériodes 888 sans événement confirmé (\(periods.count)) — `sablier calendar confirm-event`")
            Console.out(Table(columns: ["rule", "copy", "period", "remark", "proposed event", "offset"],
                              rows: periods.map { [$0.rule, $0.copy, $0.period, $0.remark ?? "", $0.proposedEvent, String($0.proposedOffsetYears)] }).renderText())
        }
    }
}
