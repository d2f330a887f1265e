import SablierStore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import SablierExtraction
public import SablierPrivacy

/// A de-identified copy of a document's text (Access Act, s. 73): every finding that identifies or
/// reaches a person replaced by its type and a number per distinct value (`[nom 1]`, `[NAS 1]`),
/// whatever its confidence, under a notice saying what the copy is and what it replaced; written
/// as UTF-8 text next to the original, as `NAME-anonymise.txt`.
public struct AnonymizedCopy: Sendable, Hashable {
    public var reference: String
    public var source: String
    public var path: String
    public var sha256: String
    public var size: Int
    /// How many findings were replaced.
    public var replaced: Int
    /// The replacements by type, with how many distinct values each held. Never the values.
    public var replacements: [Anonymizer.Replacement]
}

public enum DocumentAnonymizer {
    /// Where the anonymized copy of `path` is written.
    public static func copyPath(of path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let name = url.deletingPathExtension().lastPathComponent + "-anonymise.txt"
        return url.deletingLastPathComponent().appendingPathComponent(name).path
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Writes the copy at `target` without ever replacing a file: the target's folder must lie
    /// inside a root, and nothing may be at `target` (one copy per original: a second is refused
    /// before anything is written, `privacy.anonymized-copy-exists`). Written to a
    /// temporary file created with `O_EXCL` in that folder, synced, then linked to its name —
    /// `link(2)` fails if the name exists, where `rename` or `Data.write(.atomic)` replaced
    /// whatever was there, another registered document included.
    static func write(_ data: Data, to target: String, access: FileAccess) throws(Failure) {
        let url = URL(fileURLWithPath: target)
        let folder: String
        do {
            folder = try FileAccess.realPath(url.deletingLastPathComponent().path)
        } catch {
            throw Failure(description: "the folder of the anonymized copy \(target) cannot be found (\(error.description))")
        }
        let resolvedTarget = folder + "/" + url.lastPathComponent
        guard access.contains(resolvedTarget) else {
            throw Failure(description: "the anonymized copy \(target) would be outside the folders the register may read")
        }
        var status = stat()
        guard lstat(resolvedTarget, &status) != 0 else {
            throw Failure(description: "\(target) already exists and is not a copy recorded for this document; it is never replaced")
        }
        var temporary = ""
        var descriptor: Int32 = -1
        for attempt in 0..<16 {
            temporary = folder + "/.\(url.lastPathComponent).\(getpid()).\(attempt).\(UInt32.random(in: 0...UInt32.max)).tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o640)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else {
            throw Failure(description: "the anonymized copy \(target) cannot be written (\(String(cString: strerror(errno))))")
        }
        defer { _ = unlink(temporary) }
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        let synced = fsync(descriptor) == 0
        _ = close(descriptor)
        guard written, synced else {
            throw Failure(description: "the anonymized copy \(target) cannot be written (\(String(cString: strerror(errno))))")
        }
        guard link(temporary, resolvedTarget) == 0 else {
            let error = errno
            if error == EEXIST {
                throw Failure(description: "\(target) already exists and is not a copy recorded for this document; it is never replaced")
            }
            throw Failure(description: "the anonymized copy \(target) cannot be written (\(String(cString: strerror(error))))")
        }
    }

    /// Reads the text of `path`, if `access` lets the register read it, replaces every
    /// finding, writes the copy durably and returns it.
    public static func anonymize(reference: String, path: String, publicCharacter: PublicCharacter, access: FileAccess,
                                 extractor: TextExtractor = TextExtractor()) throws(Failure) -> AnonymizedCopy {
        let file: ReadableFile
        do {
            file = try access.open(path)
        } catch {
            throw Failure(description: "the register may not read it (\(error.description)), so no anonymized copy can be made")
        }
        var bytes: [UInt8] = []
        var stream = PrivacyScanner(publicCharacter: publicCharacter, maximumFindings: .max).stream()
        do {
            // The file checked, through its descriptor, held open until the text is read.
            _ = try withExtendedLifetime(file) { () throws(ExtractionError) in
                try extractor.extract(fileAt: file.descriptorPath, named: file.path) { chunk in
                    bytes.append(contentsOf: chunk)
                    stream.append(chunk)
                }
            }
        } catch {
            throw Failure(description: "its text cannot be read (\(error.description)), so no anonymized copy can be made")
        }
        let findings = stream.finish().findings
        let copy = Anonymizer.copy(of: String(decoding: bytes, as: UTF8.self), findings: findings)
        let target = copyPath(of: path)
        let data = Data(copy.text.utf8)
        try write(data, to: target, access: access)
        let digest = SourceDigest.sha256Hex(data)
        return AnonymizedCopy(reference: reference, source: path, path: target, sha256: digest, size: data.count,
                              replaced: copy.replacements.reduce(0) { $0 + $1.count }, replacements: copy.replacements)
    }

    /// Removes a copy just written whose registration failed: a copy the register does not
    /// know of is never left behind. Best effort: `unlink(2)` of that name only.
    public static func discard(_ copy: AnonymizedCopy) {
        _ = unlink(copy.path)
    }
}
