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
    public static func load(path: String, limits: ImportLimits) throws -> CalendarFile {
        let location = SourceLocation(file: path, line: 0)
        func refuse(_ message: String) -> CalendarImportError {
            .rejected(file: path, diagnostics: [.error(at: location, message)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw refuse("no such file")
        }
        guard !isDirectory.boolValue else { throw refuse("is a directory, not a calendar file") }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        if size > limits.maxBytes {
            throw refuse("the file is \(size) bytes, over the \(limits.maxBytes)-byte limit (--max-size)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw refuse("cannot be read (permission denied?)") }
        defer { try? handle.close() }
        // Read one byte past the limit, so a file that grows after the check is still refused.
        let data = (try? handle.read(upToCount: limits.maxBytes + 1)) ?? Data()
        if data.count > limits.maxBytes {
            throw refuse("the file is over the \(limits.maxBytes)-byte limit (--max-size)")
        }
        return CalendarFile(path: path, bytes: [UInt8](data))
    }
}
