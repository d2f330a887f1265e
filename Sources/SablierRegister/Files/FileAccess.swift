public import Foundation
public import SablierCore
public import SablierStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one rule for the files the register reads, and the one way it opens them.
///
/// A register CSV, a `document add` or a `privacy scan PATH` names a path; unchecked, that path
/// made Sablier hash `/etc/shadow`, follow a link out of the file share, or block for ever on a
/// FIFO or `/dev/zero`. So every reader of files (registration, privacy scans, the integrity
/// check, the disposition executor, the anonymizer) goes through here:
/// - the path is resolved (`realpath`: `..` and symbolic links followed) and must lie inside a
///   root, one of the folders the store lists (`sablier roots add`), or, while none is listed,
///   the store's own folder;
/// - only a regular file is opened, and never in a way that blocks: `O_NONBLOCK` and `O_NOCTTY`
///   at `open`, then `fstat` on the descriptor, which refuses a FIFO, a device, a socket or a
///   directory by its kind; the content is read from that same descriptor, so no second open by
///   path can be swapped for something else.
public struct FileAccess: Sendable, Hashable {
    /// The folders a file must lie in, resolved.
    public let roots: [String]
    /// True when `roots` are the configured folders; false when, none being configured, the
    /// store's own folder stands in (the refusal then says how to add one).
    public let configured: Bool
    /// Sablier's own files (the database, its journal, WAL and shared memory, the audit key and
    /// its head file): never read, whatever folder holds them. The store's folder is the default
    /// root, so without this a document could name the database or the key, a disposition
    /// delete it and a privacy scan read it. Compared by device and inode, so a hard link or
    /// another name for them is refused too.
    public let protectedFiles: [String]

    /// The folders configured, or the store's folder when there are none.
    public init(roots: [String], storeFolder: String?, protectedFiles: [String] = []) {
        self.protectedFiles = protectedFiles
        if roots.isEmpty {
            self.roots = storeFolder.map { [$0] } ?? []
            configured = false
        } else {
            self.roots = roots
            configured = true
        }
    }

    /// The rule as the store holds it now: its roots and its folder.
    public static func of(_ store: any FileRootStore) async throws -> FileAccess {
        FileAccess(roots: try await store.fileRoots().map(\.path), storeFolder: store.storeFolder, protectedFiles: store.ownFiles)
    }

    /// Why a file is not read: its code and values, for a diagnostic a page writes in its own
    /// language; `description` is the English sentence.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var code: DiagnosticCode
        public var values: [String: String]

        public init(_ code: DiagnosticCode, _ values: [String: String]) {
            self.code = code
            self.values = values
        }

        public var description: String { code.english(values) }

        /// No file at the path.
        public var isMissing: Bool { code == .fileMissing }
    }

    // MARK: - The rule

    /// `path` made absolute: a `file://` URL's path, or a relative path joined to `base` (the
    /// working directory when nil). Nothing is resolved yet: `..` and links are `realpath`'s.
    public static func absolute(_ path: String, relativeTo base: URL? = nil) throws(Failure) -> String {
        if let url = URL(string: path), url.scheme == "file" { return url.path }
        if path.contains("://") { throw Failure(.fileNotLocal, ["path": path]) }
        if path.hasPrefix("/") { return path }
        let folder = base?.path ?? FileManager.default.currentDirectoryPath
        return folder.hasSuffix("/") ? folder + path : folder + "/" + path
    }

    /// The real path of `path` (links and `..` followed), which must lie inside a root.
    public func resolve(_ path: String, relativeTo base: URL? = nil) throws(Failure) -> String {
        let given = try Self.absolute(path, relativeTo: base)
        let resolved = try Self.realPath(given)
        guard contains(resolved) else { throw outside(given, resolved: resolved) }
        return resolved
    }

    /// Whether a resolved path lies inside one of the roots.
    public func contains(_ resolved: String) -> Bool {
        roots.contains { root in
            root == "/" || resolved == root || resolved.hasPrefix(root + "/")
        }
    }

    /// The refusal of a path outside every root, naming them, or the store's folder, or saying
    /// that there is none (a store without a folder of its own), and how to add one.
    func outside(_ given: String, resolved: String) -> Failure {
        let shown = given == resolved ? given : "\(given) (\(resolved))"
        if configured { return Failure(.fileOutsideRoots, ["path": shown, "roots": roots.joined(separator: "\n")]) }
        guard let folder = roots.first else { return Failure(.fileNoFolderConfigured, ["path": shown]) }
        return Failure(.fileOutsideStoreFolder, ["path": shown, "folder": folder])
    }

    /// `realpath(3)`: the path with every link and `..` followed; the file must exist.
    public static func realPath(_ path: String) throws(Failure) -> String {
        guard let resolved = realpath(path, nil) else { throw failure(errno, path) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    // MARK: - Opening

    /// Resolves `path` inside a root and opens it for reading if, and only if, it is a regular
    /// file; never blocks, whatever the path names.
    public func open(_ path: String, relativeTo base: URL? = nil) throws(Failure) -> ReadableFile {
        let resolved = try resolve(path, relativeTo: base)
        let file = try Self.openRegular(resolved)
        try confirmOpened(file)
        return file
    }

    /// Checks the file a descriptor really opened, after the open: a folder on the way swapped
    /// for a link between `realpath` and `open` (which `O_NOFOLLOW` does not see: it guards only
    /// the last component) makes the descriptor's own path, as the kernel knows it
    /// (`/proc/self/fd/N`), differ from the path resolved, or lie outside every root. And it is
    /// none of Sablier's own files, by device and inode.
    public func confirmOpened(_ file: ReadableFile) throws(Failure) {
        if let opened = Self.openedPath(of: file.descriptor) {
            guard opened == file.path, contains(opened) else {
                throw Failure(.fileMovedWhileOpened, ["path": file.path, "opened": opened])
            }
        }
        var status = stat()
        guard fstat(file.descriptor, &status) == 0 else { throw Self.failure(errno, file.path) }
        for own in protectedFiles {
            var ownStatus = stat()
            if stat(own, &ownStatus) == 0, ownStatus.st_dev == status.st_dev, ownStatus.st_ino == status.st_ino {
                throw Failure(.fileIsSablierOwn, ["path": file.path])
            }
        }
    }

    /// The path the kernel holds for an open descriptor (`/proc/self/fd/N`); nil where there is no
    /// `/proc` (then only the checks before the open hold).
    static func openedPath(of descriptor: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/fd/\(descriptor)", &buffer, Int(PATH_MAX))
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Checks `path` as `open` does and closes it again: for a reader that opens the file by
    /// its own means (a text extractor, `pdftotext`). Returns the resolved path, which is what
    /// that reader must be given.
    public func check(_ path: String, relativeTo base: URL? = nil) throws(Failure) -> String {
        let file = try open(path, relativeTo: base)
        return file.path
    }

    /// Opens a resolved path, regular files only. `stat` first, so that a device is never even
    /// opened (opening one can have effects); then `O_NONBLOCK | O_NOCTTY | O_NOFOLLOW` and
    /// `fstat` on the descriptor, which is what is read: the file checked is the file read.
    static func openRegular(_ resolved: String) throws(Failure) -> ReadableFile {
        var status = stat()
        guard stat(resolved, &status) == 0 else { throw failure(errno, resolved) }
        if let kind = kind(of: status.st_mode) { throw notRegular(resolved, kind) }
        let descriptor = systemOpen(resolved, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else {
            let error = errno
            // The last component became a link since it was resolved.
            if error == ELOOP { throw notRegular(resolved, "a symbolic link") }
            throw failure(error, resolved)
        }
        guard fstat(descriptor, &status) == 0 else {
            let error = errno
            _ = close(descriptor)
            throw failure(error, resolved)
        }
        if let kind = kind(of: status.st_mode) {
            _ = close(descriptor)
            throw notRegular(resolved, kind)
        }
        return ReadableFile(descriptor: descriptor, path: resolved)
    }

    /// The kind of a file that is not regular, in words; nil for a regular file.
    static func kind(of mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "a special file"
        }
    }

    static func notRegular(_ path: String, _ kind: String) -> Failure {
        kind == "a directory" ? Failure(.fileIsDirectory, ["path": path]) : Failure(.fileNotRegular, ["path": path, "kind": kind])
    }

    /// The failure an `errno` from resolving or opening `path` means.
    static func failure(_ error: Int32, _ path: String) -> Failure {
        switch error {
        case ENOENT, ENOTDIR: return Failure(.fileMissing, ["path": path])
        case EACCES, EPERM: return Failure(.fileNotReadable, ["path": path])
        default: return Failure(.fileReadFailed, ["path": path, "reason": String(cString: strerror(error))])
        }
    }
}

/// `open(2)`, which `FileAccess.open` hides inside the type.
private func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
    open(path, flags)
}

/// A regular file opened for reading by `FileAccess`: its descriptor, closed when the value goes.
public final class ReadableFile: Sendable {
    /// The descriptor: a regular file, opened read-only.
    public let descriptor: Int32
    /// Its resolved path.
    public let path: String

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { _ = close(descriptor) }

    /// The descriptor's own path (`/proc/self/fd/N`): what a reader that opens by path (a text
    /// extractor) is given, so that it reads this file, the one checked, whatever was put at its
    /// name since. Valid while this value lives.
    public var descriptorPath: String { "/proc/self/fd/\(descriptor)" }

    /// Reads the file to its end in chunks of `chunkSize` bytes, handing each to `body`.
    public func readChunks(chunkSize: Int = 1 << 20, _ body: (UnsafeRawBufferPointer) -> Void) throws(FileAccess.Failure) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer.baseAddress, chunkSize)
            if count == 0 { return }
            guard count > 0 else {
                let error = errno
                if error == EINTR { continue }
                throw FileAccess.Failure(.fileReadFailed, ["path": path, "reason": String(cString: strerror(error))])
            }
            body(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
    }
}
