public import Foundation

/// A folder the register may read files from (`sablier roots add`): a document's file must lie
/// in one, its path resolved, symbolic links followed. Kept resolved (`realpath`), so that the
/// test "inside a root" compares two real paths and a link can never widen it.
public struct FileRoot: Sendable, Hashable, Codable {
    /// The folder's real path, absolute, without a trailing slash (but `/` itself).
    public var path: String
    public var addedAt: Date
    public var addedBy: String

    public init(path: String, addedAt: Date, addedBy: String) {
        self.path = path
        self.addedAt = addedAt
        self.addedBy = addedBy
    }
}
