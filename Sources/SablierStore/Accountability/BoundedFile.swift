import Foundation

/// A small file read without blocking and without reading forever: the head file and a
/// checkpoint given on the command line.
///
/// `FileManager.contents` or `String(contentsOfFile:)` wait forever on a FIFO and read
/// /dev/zero until memory runs out; a file named by someone else (or replaced by an attacker
/// who can write the key's folder) must not hang the store or `audit verify`.
public enum BoundedFile {
    /// What reading found.
    public enum Reading: Sendable, Hashable {
        /// Nothing at that path.
        case missing
        /// There, but not a regular file, larger than allowed, or unreadable: `why`.
        case refused(_ why: String)
        case contents([UInt8])
    }

    /// The bytes of the regular file at `path`, at most `limit` of them: opened with
    /// O_NONBLOCK (a FIFO does not wait for a writer), checked with `fstat` on the descriptor
    /// opened (no race with a rename), and refused past `limit` bytes.
    public static func read(_ path: String, limit: Int, followingSymlinks: Bool = true) -> Reading {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followingSymlinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else {
            if errno == ENOENT { return .missing }
            return .refused(errno == ELOOP ? "it is a symbolic link" : String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .refused(String(cString: strerror(errno))) }
        guard status.st_mode & S_IFMT == S_IFREG else { return .refused("it is not a regular file") }
        guard Int(status.st_size) <= limit else { return .refused("it holds \(status.st_size) bytes, more than the \(limit) allowed") }
        var bytes = [UInt8](repeating: 0, count: limit + 1)
        var count = 0
        while count <= limit {
            let got = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .refused(String(cString: strerror(errno)))
            }
            if got == 0 { break }
            count += got
        }
        guard count <= limit else { return .refused("it holds more than the \(limit) bytes allowed") }
        return .contents(Array(bytes[..<count]))
    }
}
