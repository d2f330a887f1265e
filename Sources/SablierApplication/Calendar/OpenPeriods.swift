public import SablierCore
import SablierStore

/// One open (888) period of the calendar in force, with its proposed and confirmed event:
/// each element of `calendar open-periods`, and of `waiting`'s `unconfirmed`.
public struct OpenPeriodEntry: Sendable, Hashable, Codable {
    public var rule: String
    /// `principal` or `secondaire`.
    public var copy: String
    /// `active` or `semiActive`.
    public var period: String
    public var remark: String?
    public var proposedEvent: String
    public var proposedOffsetYears: Int
    /// `confirmed`, `named-in-calendar` (the native calendar names the event) or `unconfirmed`.
    public var status: String
    public var confirmedEvent: String?
    public var confirmedOffsetYears: Int?
    public var confirmedBy: String?
}

/// A confirmed 888 event: what `calendar confirm-event` did.
public struct ConfirmedOpenPeriod: Sendable, Hashable, Codable {
    public var rule: String
    public var copy: String
    /// `active` or `semiActive`.
    public var period: String
    public var event: String
    public var offsetYears: Int
    public var calendarVersion: Int
    public var confirmedBy: String
}

extension Sablier {
    /// The open (888) periods of the calendar in force, with the event proposed from each
    /// remark and what was confirmed.
    public func openPeriods(_ session: Session) async throws(Refusal) -> [OpenPeriodEntry] {
        _ = try await authorize(session, .readCalendar, "calendar open-periods")
        return try await openPeriodEntries()
    }

    /// Confirms the event (and the years after it) that ends a rule's 888 period in the
    /// calendar in force; the store recounts the rule's documents and audits it in one
    /// transaction. Without `event`, the proposal read from the period's remark is confirmed.
    public func confirmEvent(_ session: Session, rule number: String, copy: CopyKind = .principal, period: CopyField = .active,
                             event: String? = nil, offsetYears: Int? = nil) async throws(Refusal) -> ConfirmedOpenPeriod {
        let actor = try await authorize(session, .manageCalendar, "calendar confirm-event").user.name
        let useCase = "calendar confirm-event"
        let confirmation: OpenPeriodConfirmation
        do throws(Refusal) {
            let info = try await calendarVersionInfo(nil)
            guard let rule = try await attempt({ try await store.rule(number, version: info.number) }) else {
                throw Refusal(.noSuchRule, ["rule": number, "version": String(info.number)])
            }
            confirmation = try rule.confirmingOpenPeriod(copy: copy, period: period, event: event, offsetYears: offsetYears,
                                                         calendarVersion: info.number, at: clock.now, by: actor)
        } catch {
            guard error.kind != .failure else { throw error }
            throw await refusing(error, by: actor, useCase: useCase)
        }
        try await auditingRefusals(by: actor, useCase: useCase) { try await store.confirmOpenPeriod(confirmation) }
        return ConfirmedOpenPeriod(rule: confirmation.rule, copy: confirmation.copy.rawValue, period: confirmation.period.rawValue,
                                   event: confirmation.event.event, offsetYears: confirmation.event.offsetYears,
                                   calendarVersion: confirmation.calendarVersion, confirmedBy: actor)
    }

    /// Every 888 period of the calendar in force (none before a calendar is imported), for the
    /// use cases that show them; the caller has checked the permission.
    func openPeriodEntries() async throws(Refusal) -> [OpenPeriodEntry] {
        guard let latest = try await attempt({ try await store.latestCalendarVersion() }),
              let calendar = try await attempt({ try await store.calendar(version: latest.number) }) else { return [] }
        let confirmations = try await attempt { try await store.openPeriodConfirmations() }
        return OpenPeriodEntry.entries(of: calendar, confirmations: confirmations)
    }
}

extension OpenPeriodEntry {
    /// Every 888 period of `calendar`, with the event proposed from its remark (or named by a
    /// native calendar) and what `confirmations` say.
    public static func entries(of calendar: RetentionCalendar, confirmations: [OpenPeriodConfirmation]) -> [OpenPeriodEntry] {
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
