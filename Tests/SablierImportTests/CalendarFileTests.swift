import Foundation
import SablierCore
import SablierTestSupport
@testable import SablierImport
import Testing

/// Reading a calendar file into memory: all of it, whatever size was announced, never past the limit.
@Suite("Calendar file reading")
struct CalendarFileTests {
    @Test("a file is read whole when it is longer or shorter than its announced size, and never past the limit")
    func readAll() throws {
        let dir = try TemporaryDirectory(prefix: "sablier-file")
        defer { dir.remove() }
        let content = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let file = dir.file("bytes.bin")
        try Data(content).write(to: file)
        for (expected, limit, count) in [(100_000, 1_000_000, 100_000), (10, 1_000_000, 100_000), (0, 1_000_000, 100_000),
                                         (500_000, 1_000_000, 100_000), (100_000, 50_001, 50_001), (10, 100_001, 100_000)] {
            let descriptor = open(file.path, O_RDONLY)
            #expect(descriptor >= 0)
            defer { close(descriptor) }
            let bytes = CalendarFile.readAll(descriptor, expecting: expected, upTo: limit)
            #expect(bytes.count == count, "expected \(expected), limit \(limit)")
            #expect(bytes == Array(content.prefix(count)), "expected \(expected), limit \(limit)")
        }
        let empty = dir.file("empty.bin")
        try Data().write(to: empty)
        let descriptor = open(empty.path, O_RDONLY)
        defer { close(descriptor) }
        #expect(CalendarFile.readAll(descriptor, expecting: 0, upTo: 10).isEmpty)
    }

    @Test("a FIFO, a device or a symlink to one is refused at once, never waited on", .timeLimit(.minutes(1)))
    func specialFilesRefused() throws {
        let dir = try TemporaryDirectory(prefix: "sablier-file")
        defer { dir.remove() }
        let fifo = dir.file("tube")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let link = dir.file("lien.xml")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: fifo.path)
        for path in [fifo.path, link.path, "/dev/zero"] {
            #expect(throws: CalendarImportError.self, "\(path)") { try CalendarFile.load(path: path, limits: ImportLimits()) }
            do {
                _ = try CalendarFile.load(path: path, limits: ImportLimits())
            } catch let error as CalendarImportError {
                #expect(error.diagnostics.first?.message.contains("not a regular file") == true, "\(error.diagnostics)")
            }
        }
    }
}
