public import SablierCore
import SablierStore

extension Sablier {
    /// Every stored version of the calendar, oldest first.
    public func calendarVersions(_ session: Session) async throws(Refusal) -> [CalendarVersionEntry] {
        _ = try await authorize(session, .readCalendar, "calendar versions")
        return try await attempt { try await store.calendarVersions() }.map(CalendarVersionEntry.init)
    }

    /// The rules of a version (the one in force when `version` is nil).
    public func calendarRules(_ session: Session, version: Int? = nil) async throws(Refusal) -> CalendarRuleList {
        _ = try await authorize(session, .readCalendar, "calendar list")
        let (info, calendar) = try await storedCalendar(version)
        return CalendarRuleList(version: info.number, organisation: calendar.organisation, yearEnd: calendar.yearEnd.description,
                                rules: calendar.rules.map(CalendarRule.init))
    }

    /// One rule of a version (the one in force when `version` is nil), every field.
    public func calendarRule(_ session: Session, _ number: String, version: Int? = nil) async throws(Refusal) -> ShownRule {
        _ = try await authorize(session, .readCalendar, "calendar show")
        let info = try await calendarVersionInfo(version)
        guard let rule = try await attempt({ try await store.rule(number, version: info.number) }) else {
            throw Refusal(.noSuchRule, ["rule": number, "version": String(info.number)])
        }
        return ShownRule(version: info.number, rule: CalendarRule(rule), fields: rule.fields)
    }

    /// What changed between two stored versions: rules added, changed field by field, retired.
    public func compareCalendars(_ session: Session, from: Int, to: Int) async throws(Refusal) -> CalendarComparison {
        _ = try await authorize(session, .readCalendar, "calendar diff")
        let (old, before) = try await storedCalendar(from)
        let (new, after) = try await storedCalendar(to)
        return CalendarComparison(from: old.number, to: new.number, diff: CalendarDiff(from: before, to: after))
    }

    /// The version asked for, or the one in force when none is: refused, naming the versions
    /// that exist, when it does not.
    func calendarVersionInfo(_ requested: Int?) async throws(Refusal) -> CalendarVersionInfo {
        let versions = try await attempt { try await store.calendarVersions() }
        guard let requested else {
            guard let latest = versions.last else { throw Refusal(.noCalendar) }
            return latest
        }
        guard let found = versions.first(where: { $0.number == requested }) else {
            let available = versions.isEmpty ? "" : " (1–\(versions.last!.number))"
            throw Refusal(.noSuchVersion, ["version": String(requested), "available": available])
        }
        return found
    }

    /// A stored version and its whole calendar.
    func storedCalendar(_ requested: Int?) async throws(Refusal) -> (CalendarVersionInfo, RetentionCalendar) {
        let info = try await calendarVersionInfo(requested)
        guard let calendar = try await attempt({ try await store.calendar(version: info.number) }) else {
            throw Refusal(.noSuchVersion, ["version": String(info.number), "available": ""])
        }
        return (info, calendar)
    }
}
