import ArgumentParser
import SablierApplication

/// `sablier waiting`: what cannot be counted yet — documents waiting for an event, and open
/// (888) periods of the calendar whose event nobody has confirmed.
struct WaitingCommand: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "waiting",
        abstract: "List documents waiting for an 888 event, a replacement or a confirmation, and rules with unconfirmed events."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let listing = try await sablier.waiting(session)
        let entries = listing.documents, periods = listing.unconfirmed
        switch output.format {
        case .json:
            Console.out(try JSONOutput.render(listing))
        case .csv:
            Console.out(Table(columns: ["reference", "title", "rule", "copy", "holder", "waiting"],
                              rows: entries.map { [$0.reference, $0.title, $0.rule, $0.copy, $0.holder, $0.waiting] }).renderCSV(output.csvFormat))
        case .table:
            Console.out("Documents en attente (\(entries.count))")
            Console.out(Table(columns: ["reference", "rule", "copy", "holder", "waits for"],
                              rows: entries.map { [$0.reference, $0.rule, $0.copy, $0.holder, $0.label] }).renderText())
            Console.out("\nPériodes 888 sans événement confirmé (\(periods.count)) — `sablier calendar confirm-event`")
            Console.out(Table(columns: ["rule", "copy", "period", "remark", "proposed event", "offset"],
                              rows: periods.map { [$0.rule, $0.copy, $0.period, $0.remark ?? "", $0.proposedEvent, String($0.proposedOffsetYears)] }).renderText())
        }
        Listing.withheld(listing.withheld)
    }
}
