import Hummingbird
import SablierCore

/// One page of a list: `{items, total, offset, limit, withheld?}`.
///
/// Every list route answers with this envelope (docs/openapi.json, `Page`): `items` are the
/// rows the command line's `--format json` prints, `total` counts the rows the caller may see,
/// and `withheld`, when the use case counted any, how many it left out because the caller may
/// not see them (the number the command line writes on standard error).
struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
    var total: Int
    var offset: Int
    var limit: Int
    var withheld: Int?

    /// A page already cut from a list read a row at a time (`PageCollector`).
    init(items: [Item], total: Int, _ window: PageWindow, withheld: Int? = nil) {
        self.items = items
        self.total = total
        offset = window.offset
        limit = window.limit
        self.withheld = withheld
    }

    init(_ all: [Item], _ window: PageWindow, withheld: Int? = nil) {
        total = all.count
        offset = window.offset
        limit = window.limit
        items = window.offset >= all.count ? [] : Array(all[window.offset..<min(all.count, window.offset + window.limit)])
        self.withheld = withheld
    }
}

/// `?limit=&offset=`: 100 rows from the first by default, at most 1,000 a page.
struct PageWindow: Sendable {
    var limit: Int
    var offset: Int

    static let defaultLimit = 100
    static let maximumLimit = 1_000

    init(_ request: Request) throws(Refusal) {
        let query = request.uri.queryParameters
        limit = try Self.integer(query["limit"].map(String.init), "limit", default: Self.defaultLimit, minimum: 1)
        offset = try Self.integer(query["offset"].map(String.init), "offset", default: 0, minimum: 0)
        limit = min(limit, Self.maximumLimit)
    }

    /// True when the request names a window, for the one route whose whole list is its default.
    static func isRequested(_ request: Request) -> Bool {
        let query = request.uri.queryParameters
        return query["limit"] != nil || query["offset"] != nil
    }

    static func integer(_ text: String?, _ field: String, default value: Int, minimum: Int) throws(Refusal) -> Int {
        guard let text else { return value }
        guard let number = Int(text) else { throw Refusal(.invalidValue, ["field": field, "value": text, "allowed": "\(minimum)…"]) }
        guard number >= minimum else { throw Refusal(.outOfRange, ["field": field, "value": text, "minimum": String(minimum)]) }
        return number
    }
}

/// Keeps the rows of one window from a list handed over a row at a time, and counts the rest,
/// so that a page of a long list (the due list of a million documents) holds 100 rows, not all.
final class PageCollector<Item: Sendable>: @unchecked Sendable { // fed by one read, in order, then read once it ended
    let window: PageWindow
    private(set) var items: [Item] = []
    private(set) var seen = 0

    init(_ window: PageWindow) {
        self.window = window
        items.reserveCapacity(window.limit)
    }

    func add(_ item: Item) {
        if seen >= window.offset && items.count < window.limit { items.append(item) }
        seen += 1
    }
}
