public import Foundation
public import SablierCore

/// The files a registration names, measured (SHA-256) before the store's write transaction
/// opens: hashing inside it held the store's lock for as long as the files took to read
/// (six files of 2 GB: 39 s, and a concurrent `document add` failed, "database is locked").
///
/// Keyed by the path as written (spaces trimmed), so a path named twice is read once; only the
/// rows that name a file are kept. Each file is measured through `FileAccess`, whose refusals
/// become the `path` field's diagnostic on the row's line.
public struct RegisterFiles: Sendable {
    public let access: FileAccess
    /// Relative paths are read from here (the CSV's folder, or the working directory when nil).
    public let base: URL?
    private var measured: [String: Result<DigitalFile, FileAccess.Failure>] = [:]

    public init(access: FileAccess, base: URL? = nil) {
        self.access = access
        self.base = base
    }

    /// How many paths were measured.
    public var count: Int { measured.count }

    /// Measures the file `path` names, unless it was already.
    public mutating func measure(_ path: String) {
        guard measured[path] == nil else { return }
        measured[path] = Result { () throws(FileAccess.Failure) in try FileFingerprint.measure(path: path, relativeTo: base, access: access) }
    }

    /// The file `path` names, as measured before; measured now if it was not (a caller that
    /// holds no lock, as a check of one draft).
    public func file(_ path: String) -> Result<DigitalFile, FileAccess.Failure> {
        measured[path] ?? Result { () throws(FileAccess.Failure) in try FileFingerprint.measure(path: path, relativeTo: base, access: access) }
    }
}
