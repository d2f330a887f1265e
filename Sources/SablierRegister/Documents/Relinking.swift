import Foundation
public import SablierCore
public import SablierStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds registered files at their new paths, reading only what `FileAccess` allows, before
/// the store's transaction opens (hashing is slow; a transaction never waits on a disk).
///
/// A file share reorganised moves files; the register, which knows each file by its SHA-256,
/// accepts a new path only for a file with the same SHA-256, so that a relink can never point a
/// record at another document.
public enum Relinking {
    /// A registered file to find: the document, the path recorded, its SHA-256 and size.
    public struct Wanted: Sendable, Hashable {
        public var reference: String
        public var path: String
        public var sha256: String
        public var size: Int

        public init(reference: String, path: String, sha256: String, size: Int) {
            self.reference = reference
            self.path = path
            self.sha256 = sha256
            self.size = size
        }
    }

    /// Why a file was not matched under the new folder.
    public enum Miss: String, Sendable, Hashable, Codable {
        /// No file of its size and SHA-256 under the new folder.
        case notFound = "not-found"
        /// A file at its place under the new folder, with another SHA-256, and none elsewhere.
        case hashDiffers = "hash-differs"
        /// Two files or more under the new folder have its SHA-256: which is it is a person's call.
        case ambiguous
        /// The file at its place under the new folder may not be read (not a regular file, one of
        /// Sablier's own, outside the roots through a link), and none elsewhere has its SHA-256.
        case refused
    }

    /// A file not matched: the document, the path recorded, why, and the candidates seen.
    public struct Unmatched: Sendable, Hashable, Codable {
        public var reference: String
        public var path: String
        public var why: Miss
        /// The paths under the new folder that were weighed: the one at its place, or the
        /// files of its SHA-256 when there are several.
        public var candidates: [String]
    }

    /// What a tree relink found: the moves to record, and the files it could not match.
    public struct TreeMatch: Sendable, Hashable {
        public var moves: [FileMove]
        public var unmatched: [Unmatched]
        /// How many files under the new folder were hashed (each at most once).
        public var filesHashed: Int
        /// How many wanted files were found nowhere under the new folder because they never
        /// moved: still at their recorded path, at the size recorded. Not unmatched.
        public var inPlace: Int = 0
    }

    /// The file at `path` measured for a relink of `wanted` (its path resolved, its SHA-256):
    /// refused when the register may not read it, or when it is the path already recorded.
    public static func measure(_ path: String, for wanted: Wanted, access: FileAccess) throws(Refusal) -> DigitalFile {
        let measured: DigitalFile
        do {
            measured = try FileFingerprint.measure(path: path, access: access)
        } catch {
            throw refused(path, error)
        }
        guard measured.path != wanted.path else { throw Refusal(.relinkSamePath, ["reference": wanted.reference, "path": measured.path]) }
        return measured
    }

    /// The move to record once the file is measured: refused unless it has the SHA-256 recorded.
    ///
    /// The refusal names the path and the SHA-256 recorded, never the one found: it goes back to
    /// the caller, who would otherwise learn the SHA-256 of any file under the roots. The use case
    /// keeps the hash found in the refusal's audit entry, for the records manager.
    public static func move(to measured: DigitalFile, for wanted: Wanted) throws(Refusal) -> FileMove {
        guard measured.sha256 == wanted.sha256 else {
            throw Refusal(.relinkShaMismatch, ["reference": wanted.reference, "path": measured.path, "expected": wanted.sha256])
        }
        return FileMove(reference: wanted.reference, from: wanted.path, to: measured.path, sha256: wanted.sha256)
    }

    /// The refusal of a path the register may not read, the reason as its diagnostic.
    public static func refused(_ path: String, _ failure: FileAccess.Failure) -> Refusal {
        Refusal(.relinkPathRefused, ["path": path], diagnostics: [.error(at: SourceLocation(file: path, line: 0), failure.code, failure.values)])
    }

    /// `folder` resolved inside a root, and a folder.
    public static func folder(_ folder: String, access: FileAccess) throws(Refusal) -> String {
        let resolved: String
        do {
            resolved = try access.resolve(folder)
        } catch {
            throw refused(folder, error)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw refused(folder, FileAccess.Failure(.fileNotRegular, ["path": resolved, "kind": "a special file"]))
        }
        return resolved
    }

    /// The old folder as recorded paths would start with it: made absolute, and resolved when it
    /// still exists (the files were moved out of it, so it may not).
    public static func oldFolder(_ folder: String) throws(Refusal) -> [String] {
        let absolute: String
        do {
            absolute = try FileAccess.absolute(folder)
        } catch {
            throw refused(folder, error)
        }
        let trimmed = URL(fileURLWithPath: absolute).standardizedFileURL.path
        var forms = [trimmed]
        if let resolved = try? FileAccess.realPath(trimmed), resolved != trimmed { forms.append(resolved) }
        return forms
    }

    /// The part of `path` below one of `folders`, or nil when it lies under none.
    public static func relativePath(_ path: String, under folders: [String]) -> String? {
        for folder in folders {
            let prefix = folder == "/" ? "/" : folder + "/"
            if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
        }
        return nil
    }

    /// Matches each wanted file under `newFolder` (resolved): first at its own place
    /// (`newFolder` + its path below the old folder), then, when it is absent or differs,
    /// anywhere under `newFolder` by size and SHA-256. The folder's files are listed once and
    /// indexed by size; only those whose size is one wanted are hashed, none twice; anything
    /// but a regular file is skipped.
    public static func matchTree(_ wanted: [Wanted], oldFolders: [String], newFolder: String, access: FileAccess) -> TreeMatch {
        var hashes: [String: String] = [:]
        var hashed = 0
        /// The SHA-256 of a file under the new folder, read once; nil when it may not be read.
        func sha256(_ path: String) -> Result<String, FileAccess.Failure> {
            if let known = hashes[path] { return .success(known) }
            do {
                let measured = try FileFingerprint.measure(path: path, access: access)
                hashed += 1
                hashes[path] = measured.sha256
                return .success(measured.sha256)
            } catch {
                return .failure(error)
            }
        }
        var moves: [FileMove] = []
        var inPlace = 0
        var pending: [(Wanted, Miss, [String])] = []
        for file in wanted {
            guard let relative = relativePath(file.path, under: oldFolders) else { continue }
            let candidate = newFolder + "/" + relative
            switch sha256(candidate) {
            case .success(let found) where found == file.sha256:
                // Resolved: a link at the candidate's place is followed, as registration does.
                let resolved = (try? FileAccess.realPath(candidate)) ?? candidate
                // Already where the register says: nothing to relink.
                if resolved == file.path {
                    inPlace += 1
                    continue
                }
                moves.append(FileMove(reference: file.reference, from: file.path, to: resolved, sha256: file.sha256))
            case .success:
                pending.append((file, .hashDiffers, [candidate]))
            case .failure(let failure) where failure.isMissing:
                pending.append((file, .notFound, []))
            case .failure:
                pending.append((file, .refused, [candidate]))
            }
        }
        var unmatched: [Unmatched] = []
        if !pending.isEmpty {
            let bySize = filesBySize(under: newFolder, sizes: Set(pending.map(\.0.size)))
            for (file, miss, seen) in pending {
                let same = (bySize[file.size] ?? []).filter { path in
                    if case .success(let found) = sha256(path) { return found == file.sha256 }
                    return false
                }
                switch same.count {
                case 1:
                    moves.append(FileMove(reference: file.reference, from: file.path, to: same[0], sha256: file.sha256))
                case 0 where miss == .notFound && stillInPlace(file):
                    // Never moved: the old folder still holds it where the register says.
                    inPlace += 1
                case 0:
                    unmatched.append(Unmatched(reference: file.reference, path: file.path, why: miss, candidates: seen))
                default:
                    unmatched.append(Unmatched(reference: file.reference, path: file.path, why: .ambiguous, candidates: same))
                }
            }
        }
        return TreeMatch(moves: moves.sorted { $0.reference < $1.reference }, unmatched: unmatched.sorted { $0.reference < $1.reference },
                         filesHashed: hashed, inPlace: inPlace)
    }

    /// True when a regular file of the recorded size is still at the recorded path (a link is
    /// not followed): the file was not moved. Its SHA-256 is the integrity check's concern, not
    /// read here.
    static func stillInPlace(_ file: Wanted) -> Bool {
        var status = stat()
        return lstat(file.path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG && Int(status.st_size) == file.size
    }

    /// The regular files under `folder` whose size is one of `sizes`, by size, paths sorted.
    /// Links are not followed (`lstat`): a link is not a file of the folder, and could lead out of it.
    static func filesBySize(under folder: String, sizes: Set<Int>) -> [Int: [String]] {
        var result: [Int: [String]] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return result }
        while let relative = enumerator.nextObject() as? String {
            let path = folder + "/" + relative
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            let size = Int(status.st_size)
            if sizes.contains(size) { result[size, default: []].append(path) }
        }
        return result.mapValues { $0.sorted() }
    }
}
