public import SablierCore
public import SablierStore

/// What a change of calendar does to the register: the documents whose dates or actions
/// differ when counted under one calendar and under another (`sablier calendar impact`).
///
/// Run before importing a version (against the file) or after (between two stored versions):
/// it reads, and stores nothing.
public struct CalendarImpact: Sendable {
    /// One document whose retention changes.
    public struct Change: Sendable, Hashable {
        public var reference: String
        /// The holder unit, so a listing can keep to what its reader may see.
        public var holder: String
        public var rule: String
        public var copy: CopyKind
        public var before: RetentionStatus
        public var after: RetentionStatus
    }

    public var changes: [Change]
    /// How many documents were counted again (those under a rule that differs).
    public var examined: Int

    /// Counts again, under `old` and `new`, the documents whose rule differs between them
    /// (changed, added or retired; all of them when the year end differs).
    public static func compute(
        store: any RegisterStore, from old: RetentionCalendar, version oldVersion: Int,
        to new: RetentionCalendar, version newVersion: Int
    ) async throws -> CalendarImpact {
        let before = Dictionary(old.rules.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.rules.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        let confirmations = OpenPeriodConfirmation.byRule(try await store.openPeriodConfirmations())
        let oldContext = RetentionContext(calendarVersion: oldVersion, yearEnd: old.yearEnd, rules: before, confirmations: confirmations)
        let newContext = RetentionContext(calendarVersion: newVersion, yearEnd: new.yearEnd, rules: after, confirmations: confirmations)
        let documents: [RegisteredDocument]
        if old.yearEnd != new.yearEnd {
            documents = try await store.documents(matching: nil, limit: nil)
        } else {
            var selected: [RegisteredDocument] = []
            for number in Set(before.keys).union(after.keys).sorted() where before[number] != after[number] {
                selected += try await store.documents(matching: try DocumentQuery(parsing: "rule=\(number)"), limit: nil)
            }
            documents = selected
        }
        var changes: [Change] = []
        for item in documents where !item.phase.isInactive {
            let events = try await store.events(of: item.document.reference).map(\.event)
            var was = oldContext.status(of: item.document, events: events, held: item.held)
            var will = newContext.status(of: item.document, events: events, held: item.held)
            // The version number differs by construction; compare the rest.
            was.calendarVersion = 0
            will.calendarVersion = 0
            guard was != will else { continue }
            was.calendarVersion = oldVersion
            will.calendarVersion = newVersion
            changes.append(Change(reference: item.document.reference, holder: item.document.holder, rule: item.document.rule, copy: item.document.copy, before: was, after: will))
        }
        return CalendarImpact(changes: changes.sorted { $0.reference < $1.reference }, examined: documents.count)
    }
}

/// The documents a calendar version strands: those under a rule the version in force has and
/// the new one does not, or under a copy (exemplaire principal or secondaire) of a rule the new
/// version keeps without that copy; they would wait until reclassified.
///
/// Why: a retired or renumbered rule, or a copy a rule loses, otherwise leaves its documents
/// without dates for good; `calendar import` and `calendar impact` name them, by rule (and
/// copy), with the command that moves them, and suggest the new version's rule of the same
/// title when there is one, or the copy the rule keeps.
public struct StrandedRule: Sendable, Hashable {
    /// One document stranded, with its holder unit so that a listing keeps to what its reader may see.
    public struct Document: Sendable, Hashable {
        public var reference: String
        public var holder: String
    }

    public var rule: String
    /// The rule's title in the version it leaves.
    public var title: String
    /// The copy the new version's rule lacks; nil when the new version lacks the whole rule.
    public var copy: CopyKind?
    /// Its documents still held by the organisation, by reference.
    public var documents: [Document]
    /// The new version's rule of the same title (spaces and case aside), when exactly one has
    /// it; for a copy lost, the rule itself.
    public var suggestion: String?
    /// For a copy lost, the copy the new version's rule keeps, when it keeps one.
    public var suggestedCopy: CopyKind?

    /// The rules of `old` that `new` lacks, then the copies of rules `new` keeps without them,
    /// each with its documents still held (destroyed and deposited ones are done with their
    /// rule), in rule order; rules and copies without documents are left out.
    public static func find(store: any RegisterStore, from old: RetentionCalendar, to new: RetentionCalendar) async throws -> [StrandedRule] {
        let kept = Dictionary(new.rules.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        func key(_ title: String) -> String { title.trimmingSpaces().lowercased() }
        var byTitle: [String: [String]] = [:]
        for rule in new.rules { byTitle[key(rule.title), default: []].append(rule.number) }
        func held(_ query: DocumentQuery) async throws -> [Document] {
            try await store.documents(matching: query, limit: nil)
                .filter { !$0.phase.isInactive }
                .map { Document(reference: $0.document.reference, holder: $0.document.holder) }
        }
        var result: [StrandedRule] = []
        var seen = Set<String>()
        for rule in old.rules.sorted(by: { $0.number < $1.number }) where seen.insert(rule.number).inserted {
            guard let keptRule = kept[rule.number] else {
                let documents = try await held(try DocumentQuery(field: "rule", "=", rule.number))
                guard !documents.isEmpty else { continue }
                let sameTitle = byTitle[key(rule.title)] ?? []
                result.append(StrandedRule(rule: rule.number, title: rule.title, copy: nil, documents: documents,
                                           suggestion: sameTitle.count == 1 ? sameTitle[0] : nil, suggestedCopy: nil))
                continue
            }
            for copy in CopyKind.allCases where rule.copy(copy) != nil && keptRule.copy(copy) == nil {
                let query = try DocumentQuery(parsing: "rule=\(rule.number); copy=\(copy.rawValue)")
                let documents = try await held(query)
                guard !documents.isEmpty else { continue }
                result.append(StrandedRule(rule: rule.number, title: rule.title, copy: copy, documents: documents, suggestion: rule.number,
                                           suggestedCopy: CopyKind.allCases.first { keptRule.copy($0) != nil }))
            }
        }
        return result
    }
}
