import ArgumentParser
import Foundation
import SablierCore
import SablierStore

/// One open (888) period of the calendar in force, with its proposed and confirmed event.
struct OpenPeriodEntry: Encodable {
    var rule: String
    var copy: String
    var period: String
    var remark: String?
    var proposedEvent: String
    var proposedOffsetYears: Int
    /// `confirmed`, `named-in-calendar` (the native calendar names the event) or `unconfirmed`.
    var status: String
    var confirmedEvent: String?
    var confirmedOffsetYears: Int?
    var confirmedBy: String?

    /// Every 888 period of the latest calendar version.
    static func all(_ store: any RegisterStore) async throws -> [OpenPeriodEntry] {
        guard let latest = try await store.latestCalendarVersion(), let calendar = try await store.calendar(version: latest.number) else {
            return []
        }
        let confirmations = try await store.openPeriodConfirmations()
        var entries: [OpenPeriodEntry] = []
        for rule in calendar.rules {
            for copy in [rule.principal] + (rule.secondaire.map { [$0] } ?? []) {
                for field in [CopyField.active, .semiActive] {
                    let period = field == .active ? copy.active : copy.semiActive
                    guard period == .open else { continue }
                    let remarkID = field == .active ? copy.activeRemark : copy.semiActiveRemark
                    let remark = remarkID.flatMap { rule.remark($0)?.text }
                    let named = field == .active ? copy.activeEvent : copy.semiActiveEvent
                    let fromRemark = OpenPeriodProposal.propose(fromRemark: remark ?? "")
                    let proposal = named.map { OpenPeriodEvent(event: $0, offsetYears: fromRemark.offsetYears) } ?? fromRemark
                    let confirmed = confirmations.first { $0.rule == rule.number && $0.copy == copy.kind && $0.period == field }
                    entries.append(OpenPeriodEntry(
                        rule: rule.number, copy: copy.kind.rawValue, period: field.rawValue, remark: remark,
                        proposedEvent: proposal.event, proposedOffsetYears: proposal.offsetYears,
                        status: confirmed != nil ? "confirmed" : named != nil ? "named-in-calendar" : "unconfirmed",
                        confirmedEvent: confirmed?.event.event, confirmedOffsetYears: confirmed?.event.offsetYears,
                        confirmedBy: confirmed?.confirmedBy))
                }
            }
        }
        return entries
    }
}

/// `sablier calendar open-periods`: the 888 periods and the events that end them.
struct CalendarOpenPeriods: GuardedCommand {
    static let permission = Permission.readCalendar

    static let configuration = CommandConfiguration(
        commandName: "open-periods",
        abstract: "List the open (888) periods of the calendar in force, with the proposed and confirmed events."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(with access: Access) async throws {
        let entries = try await OpenPeriodEntry.all(try store.openRegister())
        let table = Table(
            columns: ["rule", "copy", "period", "status", "remark", "event", "offset"],
            rows: entries.map { e in
                [e.rule, e.copy, e.period, e.status, e.remark ?? "", e.confirmedEvent ?? e.proposedEvent,
                 String(e.confirmedOffsetYears ?? e.proposedOffsetYears)]
            })
        try Listing.print(output.format, table: table, json: entries)
    }
}

/// `sablier calendar confirm-event RULE`: says which event ends a rule's 888 period.
struct CalendarConfirmEvent: GuardedCommand {
    static let permission = Permission.manageCalendar

    static let configuration = CommandConfiguration(
        commandName: "confirm-event",
        abstract: "Confirm the event (and years after it) that ends a rule's open (888) period; its documents are recounted.",
        discussion: "Without --event, the proposal read from the rule's remark is confirmed (see `sablier calendar open-periods`)."
    )

    @Argument(help: "The rule number.") var rule: String
    @Option(help: "The copy: principal or secondaire.") var copy: String = "principal"
    @Option(help: "The period: active or semi-active.") var period: String = "active"
    @Option(help: "The event's name, as documents will record it (default: the proposal).") var event: String?
    @Option(help: "Whole years counted after the year end that follows the event (default: the proposal's).") var offset: Int?

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(with access: Access) async throws {
        guard let copyKind = CopyKind(code: copy) else { throw CommandFailure.invalid("--copy must be principal or secondaire, not '\(copy)'") }
        let field: CopyField
        switch period.lowercased() {
        case "active", "actif", "active-period": field = .active
        case "semi-active", "semiactive", "semi-actif": field = .semiActive
        default: throw CommandFailure.invalid("--period must be active or semi-active, not '\(period)'")
        }
        if let offset, offset < 0 { throw CommandFailure.invalid("--offset must be 0 or more years") }
        let store = try store.openRegister()
        let info = try await store.resolveVersion(nil)
        guard let found = try await store.rule(rule, version: info.number) else { throw CommandFailure.noSuchRule(rule, version: info.number) }
        guard let copyRule = found.copy(copyKind) else { throw CommandFailure.invalid("rule \(rule) has no \(copyKind.englishName)") }
        guard (field == .active ? copyRule.active : copyRule.semiActive) == .open else {
            throw CommandFailure.invalid("the \(field == .active ? "active" : "semi-active") period of rule \(rule) (\(copyKind.englishName)) is not 888")
        }
        let remarkID = field == .active ? copyRule.activeRemark : copyRule.semiActiveRemark
        let remark = remarkID.flatMap { found.remark($0)?.text }
        let proposal = OpenPeriodProposal.propose(fromRemark: remark ?? "")
        let name = (event ?? proposal.event).trimmingSpaces()
        guard !name.isEmpty else { throw CommandFailure.invalid("the rule's remark proposes no event; give it with --event") }
        let confirmed = OpenPeriodEvent(event: name, offsetYears: offset ?? (event == nil ? proposal.offsetYears : 0))
        try await store.confirmOpenPeriod(OpenPeriodConfirmation(
            rule: rule, copy: copyKind, period: field, event: confirmed, remark: remark, calendarVersion: info.number,
            confirmedAt: Date(), confirmedBy: access.user.name))
        Console.out("rule \(rule), \(copyKind.englishName), \(field == .active ? "active" : "semi-active") period: ends at « \(confirmed.event) »"
            + (confirmed.offsetYears > 0 ? " + \(confirmed.offsetYears) year\(confirmed.offsetYears > 1 ? "s" : "")" : "")
            + "; its documents were recounted")
    }
}
