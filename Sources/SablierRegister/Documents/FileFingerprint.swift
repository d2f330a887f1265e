import Crypto
public import Foundation
public import SablierCore

/// What a digital asset is at registration: its SHA-256, size and format, read from the real
/// file in 1 MiB chunks, so a file of any size is hashed in bounded memory.
public enum FileFingerprint {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The file at `path` (absolute, or relative to `base`) measured: the stored path is absolute.
    public static func measure(path: String, relativeTo base: URL? = nil) throws(Failure) -> DigitalFile {
        var url: URL
        if let file = URL(string: path), file.scheme == "file" {
            url = file
        } else if path.contains("://") {
            throw Failure(description: "\(path) is not a local file: only files Sablier can read are registered (it measures them)")
        } else if path.hasPrefix("/") || base == nil {
            url = URL(fileURLWithPath: path)
        } else {
            url = URL(fileURLWithPath: path, relativeTo: base)
        }
        url = url.standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw Failure(description: "file \(url.path) does not exist")
        }
        guard !isDirectory.boolValue else { throw Failure(description: "\(url.path) is a directory, not a file") }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw Failure(description: "file \(url.path) cannot be read (permission denied?)")
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
            throw Failure(description: "file \(url.path) could not be read: \(error.localizedDescription)")
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
