import Crypto
public import Foundation
public import SablierCore

/// What a digital asset is at registration: its SHA-256, size and format, read from the real
/// file in 1 MiB chunks, so a file of any size is hashed in bounded memory.
public enum FileFingerprint {
    /// Why a file could not be measured (`FileAccess`'s refusals, or a read that failed).
    public typealias Failure = FileAccess.Failure

    /// The file at `path` (absolute, or relative to `base`) measured, if `access` lets the
    /// register read it: the stored path is the resolved one, links followed, so that what is
    /// registered, checked and one day deleted is the file itself, never a link standing in.
    public static func measure(path: String, relativeTo base: URL? = nil, access: FileAccess) throws(Failure) -> DigitalFile {
        let file = try access.open(path, relativeTo: base)
        return try measure(file)
    }

    /// An opened file measured from its descriptor.
    static func measure(_ file: ReadableFile) throws(Failure) -> DigitalFile {
        var hasher = SHA256()
        var size = 0
        try file.readChunks { chunk in
            hasher.update(bufferPointer: chunk)
            size += chunk.count
        }
        let digest = hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
        let format = URL(fileURLWithPath: file.path).pathExtension.lowercased()
        return DigitalFile(path: file.path, sha256: digest, size: size, format: format)
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
        /// The register may not read it (outside the roots, not a regular file), for `reason`.
        case refused(String)
    }

    /// Whether the file at `path` is still the one whose SHA-256 is `expected`: the fixity
    /// check (`sablier integrity check`) and a disposition's check before deleting make it alike.
    public static func verify(path: String, expected: String, access: FileAccess) -> Fixity {
        do {
            let found = try measure(path: path, access: access).sha256
            return found == expected ? .intact : .changed(found: found)
        } catch {
            switch error.code {
            case .fileMissing: return .missing
            case .fileNotReadable, .fileReadFailed: return .unreadable(error.description)
            default: return .refused(error.description)
            }
        }
    }
}
