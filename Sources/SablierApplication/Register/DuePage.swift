public import SablierCore
import Foundation

/// The columns a due page sorts on.
public enum DueSortKey: String, Sendable, Hashable, Codable, CaseIterable {
    case reference, due, title, rule, unit
}

/// What a reader asks a due page for: the due list of a day and an action, narrowed to one
/// unit, in an order, one window of it.
public struct DuePageRequest: Sendable, Hashable {
    /// The day the lines are due on or before; nil for the application's today.
    public var asOf: CivilDate?
    public var action: DueAction?
    /// The holder unit, as people write it (case and surrounding spaces do not count).
    public var unit: String?
    public var sort: DueSortKey
    public var descending: Bool
    /// The first line of the window; below 0 reads as 0.
    public var offset: Int
    /// The lines of the window, 1…`DuePageRequest.maximumLimit`; nil for every line (a file,
    /// a print), which is the due list itself and no larger than what `dueList` gives.
    public var limit: Int?

    /// The largest window one request may ask for.
    public static let maximumLimit = 1_000

    public init(asOf: CivilDate? = nil, action: DueAction? = nil, unit: String? = nil, sort: DueSortKey = .due,
                descending: Bool = false, offset: Int = 0, limit: Int? = 100) {
        self.asOf = asOf
        self.action = action
        self.unit = unit
        self.sort = sort
        self.descending = descending
        self.offset = offset
        self.limit = limit
    }
}

/// One window of a due list: its lines, how many match in all, what the filter offers and
/// what was counted.
public struct DuePage: Sendable, Hashable, Codable {
    /// The lines of the window, in the order asked for.
    public var entries: [DueEntry]
    /// The lines matching the day, the action and the unit.
    public var total: Int
    /// Where the window starts: the request's, or the last window's when the request's is past
    /// the end, so that a page number typed too large shows the last page.
    public var offset: Int
    /// The window's size as applied; nil for every line.
    public var limit: Int?
    /// The holder units of the lines the reader may see on that day and action, whatever the
    /// unit asked for, once each and sorted: what a unit filter can offer. A unit whose lines
    /// are all withheld is not among them.
    public var units: [String]
    /// The unit asked for as `units` spells it, or nil when none of the reader's lines is of it.
    public var unit: String?
    /// The matching lines counted by action and held; `withheld` counts the lines of the day
    /// and action withheld from the reader, whatever the unit asked for, so that asking for
    /// another unit tells nothing of it.
    public var summary: DueSummary
}

extension Sablier {
    /// One window of the due list, narrowed to a unit and sorted: the due list's page, file
    /// and print view.
    ///
    /// It reads `dueList`, which alone decides the dates and what the reader sees; the unit,
    /// the order and the window are chosen among those lines only, so no withheld line can come
    /// back through them, and a unit the reader may not see gives an empty page like a unit
    /// with nothing due. Ties are broken by due date, then reference.
    public func duePage(_ session: Session, _ request: DuePageRequest) async throws(Refusal) -> DuePage {
        let unit = request.unit.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
        let gathered = DuePageGatherer(unit: unit)
        let all = try await dueList(session, asOf: request.asOf, action: request.action) { gathered.take($0) }
        var summary = DueSummary(asOf: CivilDate(iso: all.asOf) ?? clock.today)
        for entry in gathered.matching { summary.add(entry) }
        summary.withheld = all.withheld
        let sorted = gathered.matching.sorted { a, b in
            if let less = request.sort.less(a, b) { return request.descending ? !less : less }
            if let less = DueSortKey.due.less(a, b) { return less }
            return a.reference < b.reference
        }
        let units = gathered.units.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
        let named = unit.flatMap { unit in units.first { Access.sameUnit($0, unit) } }
        guard let asked = request.limit else {
            return DuePage(entries: sorted, total: sorted.count, offset: 0, limit: nil, units: units, unit: named, summary: summary)
        }
        let limit = min(max(asked, 1), DuePageRequest.maximumLimit)
        let last = sorted.isEmpty ? 0 : (sorted.count - 1) / limit * limit
        let offset = min(max(request.offset, 0), last)
        let window = Array(sorted[offset..<min(offset + limit, sorted.count)])
        return DuePage(entries: window, total: sorted.count, offset: offset, limit: limit, units: units, unit: named, summary: summary)
    }
}

extension DueSortKey {
    /// Whether `a` comes before `b` on this column; nil when they are equal on it.
    func less(_ a: DueEntry, _ b: DueEntry) -> Bool? {
        switch self {
        case .reference: return a.reference == b.reference ? nil : a.reference < b.reference
        // ISO dates compare as text.
        case .due: return a.due == b.due ? nil : a.due < b.due
        case .title: return Self.less(a.title, b.title)
        case .rule: return Self.less(a.rule, b.rule)
        case .unit: return Self.less(a.holder, b.holder)
        }
    }

    private static func less(_ a: String, _ b: String) -> Bool? {
        let order = a.localizedStandardCompare(b)
        return order == .orderedSame ? nil : order == .orderedAscending
    }
}

/// The lines of one unit and the units present, as the due list hands its lines over.
private final class DuePageGatherer: @unchecked Sendable { // fed by one read at a time, read after it ends
    let unit: String?
    private(set) var matching: [DueEntry] = []
    private(set) var units: [String] = []
    private var seen: Set<String> = []

    init(unit: String?) { self.unit = unit }

    func take(_ entry: DueEntry) {
        // Units are kept once whatever their case and spaces, as `Access.sameUnit` compares them.
        if seen.insert(entry.holder.trimmingSpaces().lowercased()).inserted { units.append(entry.holder) }
        if let unit, !Access.sameUnit(entry.holder, unit) { return }
        matching.append(entry)
    }
}
