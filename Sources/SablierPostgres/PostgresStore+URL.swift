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
}
