import Crypto
public import Foundation
public import SablierCore

/// What a digital asset is at registration: its SHA-256, size and format, read from the real
/// file in 1 MiB chunks, so a file of any size is hashed in bounded memory.
public enum FileFingerprint {
    /// Why a file could not be measured: its code and values, for a diagnostic a page writes in
    /// its own language; `description` is the English sentence.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var code: DiagnosticCode
        public var values: [String: String]

        init(_ code: DiagnosticCode, _ values: [String: String]) {
            self.code = code
            self.values = values
        }

        public var description: String { code.english(values) }
    }

    /// The file at `path` (absolute, or relative to `base`) measured: the stored path is absolute.
    public static func measure(path: String, relativeTo base: URL? = nil) throws(Failure) -> DigitalFile {
        var url: URL
        if let file = URL(string: path), file.scheme == "file" {
            url = file
        } else if path.contains("://") {
            throw Failure(.fileNotLocal, ["path": path])
        } else if path.hasPrefix("/") || base == nil {
            url = URL(fileURLWithPath: path)
        } else {
            url = URL(fileURLWithPath: path, relativeTo: base)
        }
        url = url.standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw Failure(.fileMissing, ["path": url.path])
        }
        guard !isDirectory.boolValue else { throw Failure(.fileIsDirectory, ["path": url.path]) }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw Failure(.fileNotReadable, ["path": url.path])
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var size = 0
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
                size += chunk.count
            }
        } catch {
            throw Failure(.fileReadFailed, ["path": url.path, "reason": error.localizedDescription])
        }
        let digest = hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
        return DigitalFile(path: url.path, sha256: digest, size: size, format: url.pathExtension.lowercased())
    }

    /// What a registered file is now, against the SHA-256 recorded for it.
    public enum Fixity: Sendable, Hashable {
        case intact
        /// No file at its path.
        case missing
        /// Its SHA-256 is `found`, not the one recorded.
        case changed(found: String)
        /// It cannot be read, for `reason`.
        case unreadable(String)
    }

    /// Whether the file at `path` is still the one whose SHA-256 is `expected`: the fixity
    /// check (`sablier integrity check`) and a disposition's check before deleting make it alike.
    public static func verify(path: String, expected: String) -> Fixity {
        guard FileManager.default.fileExists(atPath: path) else { return .missing }
        do {
            let found = try measure(path: path).sha256
            return found == expected ? .intact : .changed(found: found)
        } catch {
            return .unreadable(error.description)
        }
    }
}
