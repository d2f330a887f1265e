// sablier-bench: measures Sablier against reference tools on generated inputs.
//
// Usage: swift build -c release && .build/release/sablier-bench [calendar-import [--rules N] | register [--documents N]
//        | privacy-scan [--megabytes M] [--files F] [--dense] | serve [--documents N] [--clients C] [--seconds S]
//        | pages [--documents N]] [--runs K]
//        register and serve also take [--backend sqlite|postgres|both] [--postgres-url URL] (default: both when a
//        PostgreSQL server is given, by the option or $SABLIER_BENCH_POSTGRES; scripts/bench.sh starts one).
//        privacy-workers [--megabytes M] [--files F]: the shared scan by 1, 2 and 4 workers, on PostgreSQL.
// Prints figures and ratios; it asserts nothing (targets are judged by people, in docs/PERFORMANCE.md).

import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())

func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let number = Int(arguments[index + 1]) else {
        return value
    }
    return number
}

/// Values of the options that take text (a URL, a backend), so they are not taken for the suite's name.
let textValues = Set(["--backend", "--postgres-url"].compactMap { Backend.value(of: $0, in: arguments) })
let suite = arguments.first { !$0.hasPrefix("--") && Int($0) == nil && !textValues.contains($0) } ?? "calendar-import"
let server = PostgresServer.given(arguments)
switch suite {
case "calendar-import":
    try CalendarImportBenchmark(rules: option("--rules", default: 5_000), runs: option("--runs", default: 5)).run()
case "register":
    try RegisterBenchmark(documents: option("--documents", default: 1_000_000), runs: option("--runs", default: 3),
                          backends: Backend.chosen(arguments, server: server), server: server).run()
case "privacy-scan":
    try PrivacyScanBenchmark(megabytes: option("--megabytes", default: 100), files: option("--files", default: 100),
                             runs: option("--runs", default: 3), dense: arguments.contains("--dense")).run()
case "privacy-workers":
    guard let server else { throw BenchError("privacy-workers measures the shared scan on PostgreSQL: give --postgres-url URL") }
    try PrivacyWorkersBenchmark(megabytes: option("--megabytes", default: 50), files: option("--files", default: 500),
                                runs: option("--runs", default: 2), server: server).run()
case "privacy-text":
    // The generated text files alone, in ./privacy-text, to profile a scan by hand (--dense: the dense corpus).
    let directory = URL(fileURLWithPath: "privacy-text")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let (megabytes, files) = (option("--megabytes", default: 100), option("--files", default: 100))
    _ = arguments.contains("--dense")
        ? try PrivacyDenseTextGenerator.write(megabytes: megabytes, files: files, into: directory)
        : try PrivacyTextGenerator.write(megabytes: megabytes, files: files, into: directory)
case "calendar-xml":
    // The generated GALA calendar alone, on standard output, to profile an import by hand.
    FileHandle.standardOutput.write(Data(GALAGenerator.calendar(rules: option("--rules", default: 5_000)).utf8))
case "serve":
    try await ServerLoadBenchmark(documents: option("--documents", default: 1_000_000), clients: option("--clients", default: 50),
                                  seconds: option("--seconds", default: 60), backends: Backend.chosen(arguments, server: server),
                                  server: server).run()
case "pages":
    try await PageLoadBenchmark(documents: option("--documents", default: 100_000), runs: option("--runs", default: 5)).run()
case "register-csv":
    // The generated register alone, on standard output, to profile an import by hand.
    FileHandle.standardOutput.write(RegisterGenerator.csv(documents: option("--documents", default: 1_000_000)))
default:
    FileHandle.standardError.write(Data("unknown benchmark '\(suite)'; known: calendar-import, register, privacy-scan, privacy-workers, serve, pages\n".utf8))
    exit(2)
}
