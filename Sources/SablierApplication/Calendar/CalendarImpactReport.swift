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

/// One document whose retention a calendar change moves: each element of `calendar impact`.
public struct CalendarImpactEntry: Sendable, Hashable, Codable {
    public var reference: String
    public var rule: String
    public var copy: String
    public var before: RetentionDates
    public var after: RetentionDates
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
    /// The documents the change strands (their rule is not in `to`), by rule, with the command
    /// that reclassifies them.
    public var stranded: [StrandedDocuments]
}

/// The documents of one rule a calendar version does not have: `calendar import` and
/// `calendar impact` list them, since they would wait (`rule-not-in-calendar`) until reclassified.
public struct StrandedDocuments: Sendable, Hashable, Codable {
    public var rule: String
    /// The rule's title in the version it leaves.
    public var title: String
    /// The copy (`principal`, `secondaire`) the new version's rule lacks; absent when it lacks the whole rule.
    public var copy: String?
    /// How many of its documents the reader may see.
    public var count: Int
    /// Their references, the first `StrandedDocuments.shownReferences`.
    public var references: [String]
    /// How many more there are than `references` names.
    public var more: Int
    /// The new version's rule of the same title, when it has one.
    public var suggestion: String?
    /// The command that moves them (`NEW` when no rule is suggested).
    public var command: String

    /// How many references are named per rule: enough to recognise them, never the whole register.
    public static let shownReferences = 20
}

extension Sablier {
    /// The documents `new` strands compared with `old`, as the reader may see them: a rule whose
    /// documents the reader may see none of is left out.
    func strandedDocuments(from old: RetentionCalendar, to new: RetentionCalendar,
                           _ visibility: Visibility) async throws(Refusal) -> [StrandedDocuments] {
        let found = try await attempt { try await StrandedRule.find(store: store, from: old, to: new) }
        return found.compactMap { rule in
            let visible = rule.documents.filter { visibility.allows($0.reference, holder: $0.holder) }.map(\.reference)
            guard !visible.isEmpty else { return nil }
            let shown = Array(visible.prefix(StrandedDocuments.shownReferences))
            // A copy lost moves to the copy the rule keeps: only that copy's documents are selected.
            let command = rule.copy.map { copy in
                "sablier document reclassify --query \"rule=\(rule.rule); copy=\(copy.rawValue)\" --to \(rule.rule) --copy "
                    + "\(rule.suggestedCopy?.rawValue ?? "COPY") --reason \"…\""
            } ?? "sablier document reclassify --rule \(rule.rule) --to \(rule.suggestion ?? "NEW") --reason \"…\""
            return StrandedDocuments(
                rule: rule.rule, title: rule.title, copy: rule.copy?.rawValue, count: visible.count, references: shown,
                more: visible.count - shown.count, suggestion: rule.suggestion, command: command)
        }
    }
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
        let stranded = try await strandedDocuments(from: old, to: new, visibility)
        let visible = impact.changes.filter { visibility.allows($0.reference, holder: $0.holder) }
        return CalendarImpactReport(
            from: fromInfo.number, to: newVersion, file: file,
            entries: visible.map {
                CalendarImpactEntry(reference: $0.reference, rule: $0.rule, copy: $0.copy.rawValue, before: RetentionDates($0.before), after: RetentionDates($0.after))
            },
            examined: impact.examined, withheld: impact.changes.count - visible.count, diagnostics: diagnostics, stranded: stranded)
    }
}
