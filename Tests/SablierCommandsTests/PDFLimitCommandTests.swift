import Foundation
import SablierTestSupport
import Testing

/// Issue 14: nothing Sablier starts outlives it unbounded. A `sablier privacy scan` killed with
/// SIGKILL while `pdftotext` spins cannot stop its tool itself; the tool's CPU limit, set before
/// it started, ends it all the same.
@Suite("pdftotext after Sablier is killed (end to end)", .serialized)
struct PDFLimitCommandTests {
    @Test("a pdftotext left spinning by a killed sablier is stopped by its CPU limit within seconds", .timeLimit(.minutes(1)))
    func toolOutlivesNoKilledParent() throws {
        let dir = try TemporaryDirectory(prefix: "sablier-cli-pdf")
        defer { dir.remove() }
        let db = dir.file("sablier.sqlite").path
        try SablierProcess.prepareStore(at: db)
        let pdf = dir.file("bulletin.pdf")
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("corpus/privacy/files/t02-bulletin.pdf"), to: pdf)
        let pidFile = dir.file("pid")
        let tool = dir.file("pdftotext")
        try Data("""
            #!/bin/sh
            echo "$$" > '\(pidFile.path)'
            while :; do :; done
            """.utf8).write(to: tool)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool.path)

        let process = Process()
        process.executableURL = SablierProcess.executable
        process.arguments = ["privacy", "scan", pdf.path, "--db", db]
        var environment = ProcessInfo.processInfo.environment
        environment["SABLIER_USER"] = "gestion.doc"
        environment["SABLIER_PDFTOTEXT"] = tool.path
        environment["SABLIER_PDF_TIMEOUT"] = "600"
        environment["SABLIER_PDF_CPU"] = "2"
        process.environment = environment
        process.currentDirectoryURL = dir.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()

        // The tool has started once it has written its process id.
        var toolPID: Int32?
        for _ in 0..<400 where toolPID == nil {
            toolPID = (try? String(contentsOf: pidFile, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if toolPID == nil { usleep(50_000) }
        }
        let pid = try #require(toolPID, "the stand-in pdftotext never started")
        /// A process's state letter from /proc, nil once it is gone (reaped).
        func state(_ pid: Int32) -> String? {
            (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: ")").last?
                .split(separator: " ").first.map(String.init)
        }
        func state() -> String? { state(pid) }
        // Killed, and seen dead in /proc: not through `waitUntilExit`, which may wait for every
        // holder of the descriptors Foundation gave the child, the tool included.
        kill(process.processIdentifier, SIGKILL)
        var parent = state(process.processIdentifier)
        for _ in 0..<100 where parent != nil && parent != "Z" {
            usleep(50_000)
            parent = state(process.processIdentifier)
        }
        #expect(parent == nil || parent == "Z", "sablier was killed")
        #expect(state() != nil && state() != "Z", "the tool outlives sablier at first: only its own limit can stop it")
        // Two seconds of processor time, on a loaded machine: well within thirty of wall clock.
        var last = state()
        for _ in 0..<300 where last != nil && last != "Z" {
            usleep(100_000)
            last = state()
        }
        #expect(last == nil || last == "Z", "pdftotext \(pid) still runs after its CPU limit: \(last ?? "")")
        if let last, last != "Z" { kill(pid, SIGKILL) }
    }
}
