import SablierStore
import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import SablierCore
public import SablierExtraction
public import SablierPrivacy

/// Writes the de-identified copy of a registered document's text (Access Act, s. 73): every
/// finding that identifies or reaches a person replaced by its type and a number per distinct
/// value (`[nom 1]`, `[NAS 1]`), whatever its confidence, under a notice saying what the copy is;
/// as UTF-8 text beside the original, named after the copy's reference (`ANON-1.txt`), never
/// after the original's file, whose name in school records often holds the student's.
public enum DocumentAnonymizer {
    /// Where the copy registered as `copyReference` is written: `<COPYREF>.txt` in the folder of
    /// `original`.
    public static func copyPath(of copyReference: String, besides original: String) -> String {
        URL(fileURLWithPath: original).deletingLastPathComponent().appendingPathComponent(copyReference + ".txt").path
    }

    /// Why no copy was written; the application turns each into its refusal, whose sentence is
    /// in the catalogue.
    public enum Failure: Error, Sendable, Hashable {
        /// The original's file is gone.
        case sourceMissing
        /// The bytes read are not the ones whose SHA-256 was registered.
        case sourceChanged
        /// The original or its text cannot be read.
        case sourceUnreadable
        /// A file is at the copy's path that is not this very copy; it is never replaced.
        case targetExists(path: String)
        /// The copy would be outside the folders the register may read.
        case targetOutsideRoots(path: String)
        /// The copy cannot be written (folder gone, no room, no permission).
        case targetUnwritable(path: String)
    }

    /// The copy on disk: its file (path, SHA-256, size) and what it replaced, by type, never a value.
    public struct Written: Sendable, Hashable {
        public var file: DigitalFile
        public var replacements: [AnonymizationReplacement]
        /// True when the file was already there with exactly these bytes: the copy a previous run
        /// wrote before it could be registered (a crash between the two), taken up again.
        public var wasAlreadyThere: Bool
    }

    /// Makes the copy of the file at `path` at `target`: reads it through one descriptor, if
    /// `access` lets the register read it, hashing exactly the bytes that are then extracted, and
    /// refuses (`sourceChanged`) unless their SHA-256 is `expectedSHA256`, so the copy is always
    /// of the file registered, never of one put at its name after it was checked. The bytes go
    /// through an unlinked temporary file nobody can open by name, so that the extractor reads
    /// what was hashed. Then replaces every finding and writes the copy durably.
    public static func anonymize(path: String, expectedSHA256: String, to target: String, publicCharacter: PublicCharacter,
                                 access: FileAccess, extractor: TextExtractor = TextExtractor()) throws(Failure) -> Written {
        let file: ReadableFile
        do {
            file = try access.open(path)
        } catch {
            throw error.isMissing ? .sourceMissing : .sourceUnreadable
        }
        let snapshot = try snapshot(of: file)
        guard snapshot.sha256 == expectedSHA256 else { throw .sourceChanged }
        var bytes: [UInt8] = []
        var stream = PrivacyScanner(publicCharacter: publicCharacter, maximumFindings: .max).stream()
        do {
            _ = try withExtendedLifetime(snapshot.file) { () throws(ExtractionError) in
                try extractor.extract(fileAt: snapshot.file.descriptorPath, named: file.path) { chunk in
                    bytes.append(contentsOf: chunk)
                    stream.append(chunk)
                }
            }
        } catch {
            throw .sourceUnreadable
        }
        let copy = Anonymizer.copy(of: String(decoding: bytes, as: UTF8.self), findings: stream.finish().findings)
        let data = Data(copy.text.utf8)
        let digest = SourceDigest.sha256Hex(data)
        let wasAlreadyThere = try write(data, sha256: digest, to: target, access: access)
        return Written(file: DigitalFile(path: target, sha256: digest, size: data.count, format: "txt"),
                       replacements: copy.replacements.map { AnonymizationReplacement(type: $0.type.rawValue, count: $0.count, distinct: $0.distinct) },
                       wasAlreadyThere: wasAlreadyThere)
    }

    /// A copy read again as the officer signs it off: its SHA-256 as it is now (perhaps corrected
    /// by hand), and how many findings that flag its text still holds — the notice and the
    /// `[nom 1]` marks flag nothing, so these are what the detectors see left. Hashed and scanned
    /// from the same bytes. Nil when the file is gone or cannot be read.
    public static func reread(path: String, publicCharacter: PublicCharacter, access: FileAccess,
                              extractor: TextExtractor = TextExtractor()) -> (sha256: String, flaggingFindings: Int)? {
        guard let file = try? access.open(path), let snapshot = try? snapshot(of: file) else { return nil }
        var stream = PrivacyScanner(publicCharacter: publicCharacter).stream()
        do {
            _ = try withExtendedLifetime(snapshot.file) { () throws(ExtractionError) in
                try extractor.extract(fileAt: snapshot.file.descriptorPath, named: file.path) { stream.append($0) }
            }
        } catch {
            return nil
        }
        return (snapshot.sha256, stream.finish().findings.filter(\.flags).count)
    }

    /// The original's bytes, read once through its descriptor, hashed, and kept in a temporary
    /// file unlinked at once (only its descriptor reaches it), for the extractor to read.
    static func snapshot(of file: ReadableFile) throws(Failure) -> (file: ReadableFile, sha256: String) {
        let folder = FileManager.default.temporaryDirectory.path
        var descriptor: Int32 = -1
        for attempt in 0..<16 {
            let name = folder + "/.sablier-anonymize.\(getpid()).\(attempt).\(UInt32.random(in: 0...UInt32.max))"
            descriptor = open(name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if descriptor >= 0 {
                _ = unlink(name)
                break
            }
            if errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw .sourceUnreadable }
        let snapshot = ReadableFile(descriptor: descriptor, path: file.path)
        var hasher = SHA256()
        var written = true
        do {
            try file.readChunks { chunk in
                hasher.update(bufferPointer: chunk)
                written = written && writeAll(descriptor, chunk)
            }
        } catch {
            throw .sourceUnreadable
        }
        guard written else { throw .sourceUnreadable }
        let digest = hasher.finalize().map { byte in byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }.joined()
        return (snapshot, digest)
    }

    /// Writes all of `buffer` to `descriptor`, retrying short writes; false on an error.
    static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    /// Writes the copy at `target` without ever replacing a file: the target's folder must lie
    /// inside a root. Written to a temporary file created with `O_EXCL` in that folder, synced,
    /// then linked to its name — `link(2)` fails if the name exists, where `rename` or
    /// `Data.write(.atomic)` replaced whatever was there, another registered document included.
    /// A file already at `target` with exactly these bytes (`sha256`) is the copy a previous run
    /// wrote before it died: taken up (returns true); any other is refused (`targetExists`).
    /// Whether the store knows that file as a document's is the caller's to check.
    static func write(_ data: Data, sha256: String, to target: String, access: FileAccess) throws(Failure) -> Bool {
        let url = URL(fileURLWithPath: target)
        guard let folder = try? FileAccess.realPath(url.deletingLastPathComponent().path) else { throw .targetUnwritable(path: target) }
        let resolvedTarget = folder + "/" + url.lastPathComponent
        guard access.contains(resolvedTarget) else { throw .targetOutsideRoots(path: target) }
        func alreadyThere() throws(Failure) -> Bool {
            guard case .intact = FileFingerprint.verify(path: resolvedTarget, expected: sha256, access: access) else {
                throw .targetExists(path: target)
            }
            return true
        }
        var status = stat()
        if lstat(resolvedTarget, &status) == 0 { return try alreadyThere() }
        var temporary = ""
        var descriptor: Int32 = -1
        for attempt in 0..<16 {
            temporary = folder + "/.\(url.lastPathComponent).\(getpid()).\(attempt).\(UInt32.random(in: 0...UInt32.max)).tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o640)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw .targetUnwritable(path: target) }
        defer { _ = unlink(temporary) }
        let written = data.withUnsafeBytes { writeAll(descriptor, $0) }
        let synced = fsync(descriptor) == 0
        _ = close(descriptor)
        guard written, synced else { throw .targetUnwritable(path: target) }
        guard link(temporary, resolvedTarget) == 0 else {
            if errno == EEXIST { return try alreadyThere() }
            throw .targetUnwritable(path: target)
        }
        return false
    }

    /// Removes a copy just written whose registration failed: a copy the register does not
    /// know of is never left behind. Best effort: `unlink(2)` of that name only.
    public static func discard(_ written: Written) {
        _ = unlink(written.file.path)
    }
}
