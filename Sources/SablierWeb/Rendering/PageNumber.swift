import Hummingbird

/// The `?page=` of a paged list, read so that no number a person types can overflow.
///
/// A list's page is clamped to 1…`maximum` (100 000: past it, a page of 500 lines is beyond any
/// register's 50 million documents), so that `(page - 1) × size` always fits.
enum PageNumber {
    static let maximum = 100_000

    /// The page a query names, or 1.
    static func read(_ text: String?) -> Int {
        guard let text, let value = Int(text) else { return 1 }
        return min(max(value, 1), maximum)
    }

    static func read(_ request: Request) -> Int {
        read(request.uri.queryParameters.get("page").map { String($0) })
    }

    /// The first line of `page` at `size` lines a page.
    static func offset(_ page: Int, size: Int) -> Int {
        (min(max(page, 1), maximum) - 1) * min(max(size, 1), 1_000)
    }
}
