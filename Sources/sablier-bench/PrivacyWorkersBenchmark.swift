import Foundation

/// The register's shared privacy scan with 1, 2 and 4 workers (`sablier privacy scan --all
/// --worker`, N processes started at once) on PostgreSQL: the wall time of each, and the
/// scaling factor, the time of one worker over the time of N.
///
/// Why: issue 16 moves the store to PostgreSQL so that the nightly work can be shared by
/// several processes, on one machine or several; the factor says what a second and a fourth
/// worker give. Each measurement starts from a new store holding the same documents and files
/// (made before the clock starts), so no worker finds a file already scanned. On this machine's
/// two cores, more than two workers can only share them.
struct PrivacyWorkersBenchmark {
    var megabytes: Int
    var files: Int
    var runs: Int
    var workers: [Int] = [1, 2, 4]
    var server: PostgresServer

    func run() throws {
        let tools = try Tools.locate()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("sablier-bench-workers-\(getpid())")
        let folder = work.appendingPathComponent("files")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let paths = try PrivacyTextGenerator.write(megabytes: megabytes, files: files, into: folder)
        // Digital documents of one rule of the example calendar, each with its file.
        var csv = "reference,title,rule,copy,support,holder,opened,closed,path\n"
        for (index, path) in paths.enumerated() {
            csv += "SCAN-\(index + 1),Procès-verbal \(index + 1),1101,principal,DM,Secrétariat général,2024-01-15,2024-06-30,\(path)\n"
        }
        let register = work.appendingPathComponent("documents.csv")
        try Data(csv.utf8).write(to: register)
        print("privacy scan --all --worker on PostgreSQL: \(paths.count) documents with a plain-text file, "
            + "\(megabytes) MB in all, workers \(workers.map(String.init).joined(separator: ", ")), best of \(runs)")
        print("  before: " + Load.now())

        // Rounds of 1, 2 and 4 workers in turn, so that each count meets the same moments.
        let series = try Timing.alternating(runs, workers.map { count in
            (name: "\(count)", measure: { round in
                let store = try BenchDatabase.fresh(.postgres, name: "bench_workers", work: work, server: server)
                defer { store.remove(server: server) }
                try BenchStore.prepare(store, tools: tools)
                try Tools.run(tools.sablier, ["roots", "add", folder.path, "--as", "rsi"] + store.arguments)
                try Tools.run(tools.sablier, ["calendar", "import", RegisterBenchmark.calendar, "--as", BenchStore.user] + store.arguments)
                try Tools.run(tools.sablier, ["document", "import", register.path, "--as", BenchStore.user] + store.arguments)
                let arguments = ["privacy", "scan", "--all", "--worker", "--as", BenchStore.user] + store.arguments
                let seconds = try Timing.seconds { try Tools.runTogether(tools.sablier, arguments, count: count) }
                // Every document scanned once, whatever the number of workers.
                let scanned = try store.query("SELECT COUNT(*) FROM privacy_document_scan", tools: ReferenceClients.locate(postgres: true))
                if round == 0 { print("  \(count) worker\(count == 1 ? "" : "s"): documents with a stored scan: " + scanned.trimmingCharacters(in: .whitespacesAndNewlines)) }
                return seconds
            })
        })
        print("  after: " + Load.now())
        let one = series.best("1")
        for count in workers {
            let best = series.best("\(count)")
            print(String(format: "  %d worker%@ %8.1f s  (best; %.1f documents/s)  scaling 1 worker / %d: %.2f×", count, count == 1 ? " " : "s",
                         best, Double(paths.count) / best, count, one / best))
        }
    }
}

extension Tools {
    /// Starts `count` processes of one program at once and waits for all; fails if any exits
    /// non-zero.
    static func runTogether(_ program: String, _ arguments: [String], count: Int) throws {
        let processes = (0..<count).map { _ in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        if let failed = processes.first(where: { $0.terminationStatus != 0 }) {
            throw BenchError("\(program) \(arguments.joined(separator: " ")) exited with \(failed.terminationStatus)")
        }
    }
}
