import Foundation
import Hummingbird
import SablierCore

/// Where uploads wait while a use case reads them: a folder only the server's account can
/// enter (0700), each upload a file only it can read (0600), removed once the use case returns.
///
/// An upload is streamed to disk as it arrives, never held in memory, and counted: past the
/// limit it is refused with 413 and its partial file removed, before the use case (and the
/// store) ever sees it. A `Content-Length` over the limit is refused before reading anything.
struct UploadStore: Sendable {
    let directory: URL
    let maxBytes: Int

    /// Creates the folder (0700); an existing one is tightened to 0700.
    init(directory: URL, maxBytes: Int) throws {
        self.directory = directory
        self.maxBytes = maxBytes
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
    }

    /// The body written to a new private file, handed to `body`, then removed whatever happens.
    func receiving<Result: Sendable>(_ request: Request, named name: String,
                                     _ body: (_ path: String) async throws -> Result) async throws -> Result {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > maxBytes {
            throw tooLarge(name, size: declared)
        }
        let path = directory.appendingPathComponent("upload-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw APIError(Refusal(.storeFailure, ["detail": "upload folder not writable"]))
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            var written = 0
            for try await buffer in request.body {
                written += buffer.readableBytes
                guard written <= maxBytes else { throw tooLarge(name, size: written) }
                try handle.write(contentsOf: buffer.readableBytesView)
            }
            try handle.close()
        } catch {
            try? handle.close()
            throw error
        }
        return try await body(path)
    }

    func tooLarge(_ name: String, size: Int) -> APIError {
        APIError(Refusal(.fileTooLarge, ["file": name, "size": String(size), "limit": String(maxBytes)]), status: .contentTooLarge)
    }
}
