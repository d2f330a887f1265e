import Foundation
import SablierTestSupport
import Testing

/// A reader that stops early (`sablier audit log | head -1`) must not crash sablier: it stops
/// writing and ends quietly, as other command-line tools do.
@Suite("sablier's output to a reader that has gone")
struct ClosedOutputTests {
    @Test("a listing written into a pipe whose reader closed ends with status 0 and no crash report")
    func closedPipe() throws {
        let dir = try TemporaryDirectory(prefix: "sablier-cli-pipe")
        defer { dir.remove() }
        let db = dir.file("sablier.sqlite").path
        try SablierProcess.prepareStore(at: db)
        // Enough entries for the listing to outgrow the pipe's first write.
        for number in 1...40 {
            let placed = try SablierProcess.run(["user", "add", "u\(number)", "--unit", "Unité", "--role", "utilisateur", "--db", db, "--as", "admin"])
            try #require(placed.status == 0, "\(placed.stderr)")
        }
        // SIGPIPE ignored, as some parents leave it (an ignored signal stays ignored across
        // exec): the write then fails with EPIPE, which used to stop sablier with a crash report.
        // (With SIGPIPE at its default, the kernel ends the process quietly, as any tool.)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "trap '' PIPE; exec \"$0\" audit log --db \"$1\" --as admin", SablierProcess.executable.path, db]
        let pipe = Pipe()
        process.standardOutput = pipe
        let errors = dir.file("stderr")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardInput = FileHandle.nullDevice
        // The reader is gone before the first byte is written.
        try pipe.fileHandleForReading.close()
        try process.run()
        try pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        let stderr = String(decoding: try Data(contentsOf: errors), as: UTF8.self)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(!stderr.contains("Fatal error") && !stderr.contains("Crash"), "\(stderr)")
    }
}
