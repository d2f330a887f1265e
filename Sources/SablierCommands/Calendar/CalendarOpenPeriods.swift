import ArgumentParser
import SablierApplication
import SablierCore

/// `sablier calendar open-periods`: the 888 periods and the events that end them.
struct CalendarOpenPeriods: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "open-periods",
        abstract: "List the open (888) periods of the calendar in force, with the proposed and confirmed events."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let entries = try await sablier.openPeriods(session)
        let table = Table(
            columns: ["rule", "copy", "period", "status", "remark", "event", "offset"],
            rows: entries.map { e in
                [e.rule, e.copy, e.period, e.status, e.remark ?? "", e.confirmedEvent ?? e.proposedEvent,
                 String(e.confirmedOffsetYears ?? e.proposedOffsetYears)]
            })
        try Listing.print(output, table: table, json: entries)
    }
}

/// `sablier calendar confirm-event RULE`: says which event ends a rule's 888 period.
struct CalendarConfirmEvent: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm-event",
        abstract: "Confirm the event (and years after it) that ends a rule's open (888) period; its documents are recounted.",
        discussion: "Without --event, the proposal read from the rule's remark is confirmed (see `sablier calendar open-periods`)."
    )

    @Argument(help: "The rule number.") var rule: String
    @Option(help: "The copy: principal or secondaire.") var copy: CopyArgument = .principal
    @Option(help: "The period: active or semi-active.") var period: PeriodArgument = .active
    @Option(help: "The event's name, as documents will record it (default: the proposal).") var event: String?
    @Option(help: "Whole years counted after the year end that follows the event (default: the proposal's).") var offset: Int?

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let confirmed = try await sablier.confirmEvent(session, rule: rule, copy: copy.kind, period: period.field, event: event, offsetYears: offset)
        let kind = CopyKind(code: confirmed.copy) ?? .principal
        Console.out("rule \(confirmed.rule), \(kind.englishName), \(period.field == .active ? "active" : "semi-active") period: ends at « \(confirmed.event) »"
            + (confirmed.offsetYears > 0 ? " + \(confirmed.offsetYears) year\(confirmed.offsetYears > 1 ? "s" : "")" : "")
            + "; its documents were recounted")
    }
}

/// `--copy principal|secondaire` (or `P`/`S`).
struct CopyArgument: ExpressibleByArgument {
    let kind: CopyKind
    static let principal = CopyArgument(kind: .principal)

    init(kind: CopyKind) { self.kind = kind }

    init?(argument: String) {
        guard let kind = CopyKind(code: argument) else { return nil }
        self.kind = kind
    }

    var defaultValueDescription: String { kind.rawValue }
    static var allValueStrings: [String] { CopyKind.allCases.map(\.rawValue) }
}

/// `--period active|semi-active` (or the French `actif`, `semi-actif`).
struct PeriodArgument: ExpressibleByArgument {
    let field: CopyField
    static let active = PeriodArgument(field: .active)

    init(field: CopyField) { self.field = field }

    init?(argument: String) {
        switch argument.lowercased() {
        case "active", "actif", "active-period": field = .active
        case "semi-active", "semiactive", "semi-actif": field = .semiActive
        default: return nil
        }
    }

    var defaultValueDescription: String { field == .active ? "active" : "semi-active" }
    static var allValueStrings: [String] { ["active", "semi-active"] }
}
