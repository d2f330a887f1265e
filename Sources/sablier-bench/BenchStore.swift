/// A new store ready for a benchmark: its first user (the RSI) and `bench`, who holds the
/// roles the measured commands need.
///
/// Why: every command acts as a user of the store and needs one permission (issue #5); a
/// benchmark measures the commands as a records manager or the AIPRP officer runs them.
enum BenchStore {
    /// The user the benchmarks act as.
    static let user = "bench"

    /// Creates the store at `database` with `rsi` and `bench` (gestion-documentaire and aiprp).
    static func prepare(_ database: String, tools: Tools) throws {
        try Tools.run(tools.sablier, ["init", "--admin", "rsi", "--db", database])
        try Tools.run(tools.sablier, ["user", "add", user, "--unit", "Gestion documentaire", "--role", "gestion-documentaire",
                                      "--role", "aiprp", "--db", database, "--as", "rsi"])
    }
}
