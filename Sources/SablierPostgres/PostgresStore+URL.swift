import Foundation

/// What the command line asks of a `--db` value before it opens anything.
extension PostgresStore {
    /// Whether `text` names a PostgreSQL database (`postgres://…`, `postgresql://…`) rather
    /// than an SQLite file: the one test that chooses the backend.
    public static func isURL(_ text: String) -> Bool {
        PostgresAddress.isURL(text)
    }

    /// `url` as messages and logs may show it: without its password.
    public static func redacted(_ url: String) -> String {
        (try? PostgresAddress(url))?.description ?? "postgres://…"
    }

    /// Whether `text` has the look of a URL (`word://…`, or `postgres:` without its `//`) yet
    /// is no PostgreSQL URL: a mistyped scheme, which must be refused as such rather than read
    /// as a file's path (SQLite would be asked for a file in a folder named `postgress:`).
    public static func isMistypedURL(_ text: String) -> Bool {
        guard !isURL(text) else { return false }
        let lowered = text.lowercased()
        if lowered.hasPrefix("postgres:") || lowered.hasPrefix("postgresql:") { return true }
        guard let separator = text.range(of: "://"), let first = text.first, first.isASCII, first.isLetter else { return false }
        return text[..<separator.lowerBound].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
    }

    /// Whether `url`, a PostgreSQL URL, cannot be taken apart (no database named, a port that
    /// is no number): said before anything is opened, as the mistake in the URL it is.
    public static func isMalformedURL(_ url: String) -> Bool {
        (try? PostgresAddress(url)) == nil
    }

    /// `text`, a URL or what was meant as one, without whatever stands between `user:` and
    /// `@`: a mistyped URL is echoed without its password.
    public static func withoutPassword(_ text: String) -> String {
        if isURL(text) && !isMalformedURL(text) { return redacted(text) }
        // After the scheme (`word://` or `postgres:/`) and its slashes, up to the last `@`.
        guard let at = text.lastIndex(of: "@"), let colon = text.firstIndex(of: ":"), colon < at else { return text }
        var start = text.index(after: colon)
        while start < at, text[start] == "/" { start = text.index(after: start) }
        guard let separator = text[start..<at].firstIndex(of: ":") else { return text }
        return String(text[...separator]) + "***" + String(text[at...])
    }
}
