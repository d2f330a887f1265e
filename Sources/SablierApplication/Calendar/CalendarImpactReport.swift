public import SablierCore
public import SablierImport
import SablierRegister
import SablierStore

/// What a calendar change would compare against: a stored version, or a file not yet imported.
public enum CalendarImpactTarget: Sendable, Hashable {
    case version(Int)
    /// Read and applied to the calendar in force as `calendar import --dry-run` would; nothing is
    /// stored. `named` is what the report calls a private copy (an upload): the person's file name.
    case file(String, maxBytes: Int = ImportLimits.defaultMaxBytes, named: String? = nil)
}

/// A document's dates under one calendar.
public struct ImpactDates: Sendable, Hashable, Codable {
    public var transferOn: String?
    public var finalOn: String?
    public var finalAction: String?
    /// What the count waits for (a `waiting` code), when it cannot be dated.
    public var waiting: String?

    init(_ status: RetentionStatus) {
        transferOn = status.transferOn?.description
        finalOn = status.finalOn?.description
        finalAction = status.finalAction?.rawValue
        waiting = status.waiting?.code
    }
}

/// One document whose retention a calendar change moves: each element of `calendar impact`.
public struct CalendarImpactEntry: Sendable, Hashable, Codable {
    public var reference: String
    public var rule: String
    public var copy: String
    public var before: ImpactDates
    public var after: ImpactDates
}

/// `calendar impact`: the documents whose dates or actions differ between two calendars.
public struct CalendarImpactReport: Sendable, Hashable, Codable {
    public var from: Int
    /// The stored version compared with, or the number the file would get.
    public var to: Int
    /// The file compared with, when it is not imported.
    public var file: String?
    public var entries: [CalendarImpactEntry]
    /// The documents counted again (those under a rule that differs).
    public var examined: Int
    /// Changed documents left out because the reader may not see them.
    public var withheld: Int
    /// The file's warnings, when a file is compared.
    public var diagnostics: [Diagnostic]
}

extension Sablier {
    /// The documents whose retention dates or actions differ when counted under version `from`
    /// and under `to`; reads, and stores nothing. The reader sees the documents of their reach
    /// only, and is told how many others were withheld.
    public func calendarImpact(_ session: Session, from: Int, to target: CalendarImpactTarget) async throws(Refusal) -> CalendarImpactReport {
        let access = try await authorize(session, .readDocuments, "calendar impact")
        let (fromInfo, old) = try await storedCalendar(from)
        let new: RetentionCalendar
        let newVersion: Int
        var file: String?
        var diagnostics: [Diagnostic] = []
        switch target {
        case .version(let number):
            let (info, calendar) = try await storedCalendar(number)
            (new, newVersion) = (calendar, info.number)
        case .file(let path, let maxBytes, let name):
            let preview = try await previewCalendar(file: path, named: name, maxBytes: maxBytes, by: access.user.name,
                                                    useCase: "calendar impact")
            let next = (try await attempt { try await store.latestCalendarVersion() }?.number ?? 0) + 1
            (new, newVersion, file, diagnostics) = (preview.calendar, next, name ?? path, preview.diagnostics)
        }
        let impact = try await attempt {
            try await CalendarImpact.compute(store: store, from: old, version: fromInfo.number, to: new, version: newVersion)
        }
        let visibility = try await visibility(access)
        let visible = impact.changes.filter { visibility.allows($0.reference, holder: $0.holder) }
        return CalendarImpactReport(
            from: fromInfo.number, to: newVersion, file: file,
            entries: visible.map {
                CalendarImpactEntry(reference: $0.reference, rule: $0.rule, copy: $0.copy.rawValue, before: ImpactDates($0.before), after: ImpactDates($0.after))
            },
            examined: impact.examined, withheld: impact.changes.count - visible.count, diagnostics: diagnostics)
    }
}
