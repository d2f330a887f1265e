/// A new store ready for a benchmark: its first user (the RSI) and `bench`, who holds the
/// roles the measured commands need.
///
/// Why: every command acts as a user of the store and needs one permission (issue #5); a
/// benchmark measures the commands as a records manager or the AIPRP officer runs them.
enum BenchStore {
    /// The user the benchmarks act as.
    static let user = "bench"

    /// Creates the SQLite store at `database` with `rsi` and `bench` (gestion-documentaire and aiprp).
    static func prepare(_ database: String, tools: Tools) throws {
        try prepare(BenchDatabase(backend: .sqlite, location: database), tools: tools)
    }

    /// Creates the store `database` names (an SQLite file, or an empty PostgreSQL database and
    /// its key file) with `rsi` and `bench`.
    static func prepare(_ database: BenchDatabase, tools: Tools) throws {
        try Tools.run(tools.sablier, ["init", "--admin", "rsi"] + database.arguments)
        try Tools.run(tools.sablier, ["user", "add", user, "--unit", "Gestion documentaire", "--role", "gestion-documentaire",
                                      "--role", "aiprp", "--as", "rsi"] + database.arguments)
    }
}
