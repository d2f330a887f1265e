public import SablierCore
import SablierStore

/// One line of a due list: `sablier due --format json`, `GET /api/v1/due`.
public struct DueEntry: Sendable, Hashable, Codable {
    public var reference: String
    /// The title, or `[confidentiel]` for a confidential document the reader sees only as due.
    public var title: String
    public var rule: String
    public var copy: String
    public var support: String
    public var holder: String
    public var action: String
    public var due: String
    public var held: Bool
    /// True for a document the AIPRP review confirmed as confidential, whose title is
    /// masked for this reader; absent otherwise.
    public var confidential: Bool?

    init(_ item: DueDocument, masked: Bool) {
        reference = item.reference; title = masked ? DueEntry.maskedTitle : item.title; rule = item.rule
        copy = item.copy.rawValue; support = item.support; holder = item.holder; action = item.action.rawValue
        due = item.due.description; held = item.held; confidential = masked ? true : nil
    }

    /// What a confidential title reads as for a reader outside its unit.
    public static let maskedTitle = "[confidentiel]"
}

/// What a due list counted: per action, held, and withheld from this reader.
public struct DueSummary: Sendable, Hashable, Codable {
    public var asOf: String
    public var total = 0
    public var transfer = 0
    public var destroy = 0
    public var deposit = 0
    public var sort = 0
    /// Held documents waiting for destruction or sorting.
    public var held = 0
    /// Due documents left out because the reader may not see them.
    public var withheld = 0

    init(asOf: CivilDate) { self.asOf = asOf.description }

    mutating func add(_ entry: DueEntry) {
        total += 1
        switch entry.action {
        case DueAction.transfer.rawValue: transfer += 1
        case DueAction.destroy.rawValue: destroy += 1
        case DueAction.deposit.rawValue: deposit += 1
        default: sort += 1
        }
        if entry.held && (entry.action == DueAction.destroy.rawValue || entry.action == DueAction.sort.rawValue) { held += 1 }
    }
}

/// A due list: its lines, by due date then reference, and what was counted.
public struct DueList: Sendable, Hashable, Codable {
    public var entries: [DueEntry]
    public var summary: DueSummary
}

extension Sablier {
    /// The documents whose next action is due on `asOf` (today by default), optionally one action.
    ///
    /// The records manager and the auditor see every due document: a due list is an
    /// obligation to act, and a document nobody sees would never be disposed of. A
    /// confidential document is listed for them with its title masked, since a title can
    /// itself name a person; its holder unit and the AIPRP officer read it whole. A détenteur
    /// sees their unit's documents; the AIPRP officer, the documents they reviewed.
    public func dueList(_ session: Session, asOf: CivilDate? = nil, action: DueAction? = nil) async throws(Refusal) -> DueList {
        let entries = Collected<DueEntry>()
        let summary = try await dueList(session, asOf: asOf, action: action) { entries.append($0) }
        return DueList(entries: entries.values, summary: summary)
    }

    /// The same due list, handed to `body` a line at a time as the store reads it, so that a
    /// listing of a third of a million documents is never held whole.
    public func dueList(_ session: Session, asOf: CivilDate? = nil, action: DueAction? = nil,
                        _ body: @escaping @Sendable (DueEntry) throws -> Void) async throws(Refusal) -> DueSummary {
        let access = try await authorize(session, .readDue, "due")
        let date = asOf ?? clock.today
        let view = try await obligationView(access)
        let counts = DueCounter(DueSummary(asOf: date))
        try await attempt {
            try await store.forEachDueDocument(asOf: date, action: action) { item in
                guard let line = view.line(item.reference, holder: item.holder) else { counts.withhold(); return }
                let entry = DueEntry(item, masked: line == .masked)
                counts.add(entry)
                try body(entry)
            }
        }
        return counts.summary
    }
}

/// Counts a due list as the store hands it over.
private final class DueCounter: @unchecked Sendable { // used by one use case, from one read at a time
    var summary: DueSummary
    init(_ summary: DueSummary) { self.summary = summary }
    func add(_ entry: DueEntry) { summary.add(entry) }
    func withhold() { summary.withheld += 1 }
}

/// Values handed over one at a time by a store's read, gathered.
final class Collected<Value: Sendable>: @unchecked Sendable { // appended to by one read at a time, read after it ends
    private(set) var values: [Value] = []
    func append(_ value: Value) { values.append(value) }
}
