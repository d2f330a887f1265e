import Foundation
public import SablierCore

/// A folder the register may read, as its row (`file_root`): read by every backend through this
/// one type, and audited under one target text.
public struct FileRootRow: StoredRow {
    public var path: String
    /// Microseconds since 1970-01-01T00:00:00Z.
    public var addedAt: Int
    public var addedBy: String

    public static let table = StoreTable("file_root", columns: ["path", "added_at", "added_by"])

    public init(_ root: FileRoot) {
        path = root.path
        addedAt = StoredCode.microseconds(root.addedAt)
        addedBy = root.addedBy
    }

    @inlinable
    public func write<W: StoreRowWriting>(to row: inout W) throws(W.Failure) {
        try row.text(path)
        try row.integer(addedAt)
        try row.text(addedBy)
    }

    @inlinable
    public init(reading row: inout some StoreRowReading) throws {
        path = try row.text(required: "path")
        addedAt = try row.integer(required: "added_at")
        addedBy = try row.text(required: "added_by")
    }

    public var root: FileRoot {
        FileRoot(path: path, addedAt: StoredCode.date(microseconds: addedAt), addedBy: addedBy)
    }

    /// The audit target of a folder the register may read: `root PATH`.
    public static func auditTarget(root path: String) -> String {
        "root \(path)"
    }
}
