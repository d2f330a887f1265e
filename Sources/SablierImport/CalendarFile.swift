import Foundation
import SablierCore
import SablierStore

/// A calendar file's bytes, read whole after its size was checked, with their digest.
public struct CalendarFile: Sendable {
    /// The path as given by the user, used in every message.
    public let path: String
    public let bytes: [UInt8]
    /// SHA-256 of the bytes, lowercase hex, kept with the version for provenance.
    public let sha256: String

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.sha256 = SourceDigest.sha256Hex(bytes)
    }

    /// Reads a file, refusing it before reading when it is larger than the limit.
    ///
    /// `name` is what messages, the version and the audit trail call the file when `path` is
    /// a private copy of it (an upload to the server): the person's own file name.
    public static func load(path: String, named name: String? = nil, limits: ImportLimits) throws -> CalendarFile {
        let shown = name ?? path
        let location = SourceLocation(file: shown, line: 0)
        func refuse(_ message: String) -> CalendarImportError {
            .rejected(file: shown, diagnostics: [.error(at: location, message)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw refuse("no such file")
        }
        guard !isDirectory.boolValue else { throw refuse("is a directory, not a calendar file") }
        // Opened without blocking (a FIFO would wait for a writer forever) and measured on the
        // descriptor itself: only a regular file is read, and its size is the one opened.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw refuse("cannot be read (permission denied?)") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw refuse("cannot be read (permission denied?)") }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw refuse("is not a regular file (a FIFO, a device or a socket): it is not read")
        }
        let size = Int(status.st_size)
        if size > limits.maxBytes {
            throw refuse("the file is \(size) bytes, over the \(limits.maxBytes)-byte limit")
        }
        // Read one byte past the limit, so a file that grows after the check is still refused.
        let bytes = readAll(descriptor, expecting: size, upTo: limits.maxBytes + 1)
        if bytes.count > limits.maxBytes {
            throw refuse("the file is over the \(limits.maxBytes)-byte limit")
        }
        return CalendarFile(path: shown, bytes: bytes)
    }

    /// The bytes of an open file, at most `limit`, read straight into the array: sized for
    /// `expected` bytes (and grown if the file is longer), without going through `Data`, whose
    /// reading and copying cost about 60 ms of a 9 MB file before reading could start.
    static func readAll(_ descriptor: Int32, expecting expected: Int, upTo limit: Int) -> [UInt8] {
        var ended = false
        /// Up to `count` bytes more, read until the buffer is full or the file ends.
        func read(_ count: Int) -> [UInt8] {
            [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
                filled = 0
                while filled < buffer.count {
                    let read = Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                    if read < 0 && errno == EINTR { continue }
                    guard read > 0 else {
                        ended = true
                        break
                    }
                    filled += read
                }
            }
        }
        var bytes = read(min(max(expected + 1, 4_096), limit))
        // A file that grew since its size was read: read on, up to the limit.
        while !ended && bytes.count < limit {
            bytes += read(min(bytes.count, limit - bytes.count))
        }
        return bytes
    }
}
