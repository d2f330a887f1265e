import Foundation

/// Times `sablier calendar import` of a generated GALA calendar against
/// `xmllint --noout --schema schemas/gala.xsd` on the same file.
///
/// Both run as separate processes, in alternation, best of several rounds, so process start-up
/// counts for both.
/// xmllint only parses and validates; Sablier also checks meaning and stores every rule in a
/// new SQLite database, in one transaction.
struct CalendarImportBenchmark {
    var rules: Int
    var runs: Int

    func run() throws {
        let tools = try Tools.locate()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("sablier-bench-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let file = work.appendingPathComponent("gala-\(rules).xml")
        try Data(GALAGenerator.calendar(rules: rules).utf8).write(to: file)
        let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0

        print("calendar-import: \(rules) GALA rules, \(String(format: "%.2f", Double(size) / 1_000_000)) MB, \(runs) rounds")
        // Every command acts as a user of the store: each run's new database gets its users
        // (`sablier init`, which also creates the schema, then `bench`) before the clock starts.
        let databases = try (1...max(1, runs)).map { attempt in
            let db = work.appendingPathComponent("bench-\(attempt).sqlite").path
            try BenchStore.prepare(db, tools: tools)
            return db
        }
        // Each round runs xmllint then Sablier, one after the other, so that both meet the same
        // moment of this shared machine. CPU time (user + system) of the fastest-CPU run is
        // printed too: the import uses a second thread, so wall time alone hides how much work
        // each side does.
        var xmllintCPU = Double.infinity, sablierCPU = Double.infinity
        let rounds = try Timing.rounds(runs) {
            let before = PrivacyScanBenchmark.childrenCPU()
            let seconds = try Timing.seconds { try Tools.run(tools.xmllint, ["--noout", "--schema", tools.galaSchema, file.path]) }
            xmllintCPU = min(xmllintCPU, PrivacyScanBenchmark.childrenCPU() - before)
            return seconds
        } then: { round in
            let before = PrivacyScanBenchmark.childrenCPU()
            let seconds = try Timing.seconds {
                try Tools.run(tools.sablier, ["calendar", "import", file.path, "--db", databases[round], "--as", "bench"])
            }
            sablierCPU = min(sablierCPU, PrivacyScanBenchmark.childrenCPU() - before)
            return seconds
        }
        print(String(format: "  xmllint --noout --schema gala.xsd  %8.1f ms  (best; CPU %.1f ms)", rounds.bestFirst * 1000, xmllintCPU * 1000))
        print(String(format: "  sablier calendar import             %8.1f ms  (best; CPU %.1f ms, %.0f rules/s)",
                     rounds.bestSecond * 1000, sablierCPU * 1000, Double(rules) / rounds.bestSecond))
        print(String(format: "  ratio sablier / xmllint             %8.2f×  (bests; goal ≤ 1.30×)", rounds.ratioOfBests))
        print(String(format: "  ratio, median of the rounds         %8.2f×  ", rounds.medianRatio) + "(" + rounds.ratiosText + ")")
    }
}

/// The programs the benchmark compares, found next to this executable and on the PATH.
struct Tools {
    var sablier: String
    var xmllint: String
    var galaSchema: String

    static func locate() throws -> Tools {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let sablier = executable.deletingLastPathComponent().appendingPathComponent("sablier").path
        guard FileManager.default.isExecutableFile(atPath: sablier) else {
            throw BenchError("sablier is not built next to sablier-bench (\(sablier)); run `swift build -c release` first")
        }
        guard let xmllint = which("xmllint") else {
            throw BenchError("xmllint is not installed (Debian: apt-get install libxml2-utils)")
        }
        let schema = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("schemas/gala.xsd").path
        guard FileManager.default.fileExists(atPath: schema) else {
            throw BenchError("run sablier-bench from the repository root (schemas/gala.xsd not found)")
        }
        return Tools(sablier: sablier, xmllint: xmllint, galaSchema: schema)
    }

    static func which(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a program to completion with its output discarded; fails if it exits non-zero.
    static func run(_ program: String, _ arguments: [String], stdin: URL? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let stdin { process.standardInput = try FileHandle(forReadingFrom: stdin) }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("\(program) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
    }
}

extension Tools {
    /// Runs a program and returns its standard output.
    static func output(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        let pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
