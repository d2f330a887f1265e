import Foundation

/// Audit keys for stores opened in tests: the store refuses every change without one.
public enum AuditKeyFixture {
    /// A fixed key, 32 bytes as 64 hex digits: tests replay the same hashes.
    public static let hex = String(repeating: "5a17", count: 16)

    /// Writes the key where a store at `storePath` looks for it by default
    /// (`<store>.audit-key`), mode 0600, unless one is there; returns its path.
    @discardableResult
    public static func create(forStore storePath: String) throws -> String {
        let path = storePath + ".audit-key"
        if !FileManager.default.fileExists(atPath: path) {
            try write(hex + "\n", to: path, mode: 0o600)
        }
        return path
    }

    /// Writes `text` to `path` with exactly `mode`, whatever the umask.
    public static func write(_ text: String, to path: String, mode: Int) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }
}

extension AuditKeyFixture {
    /// `storePath`, once its default audit key exists: `SQLiteStore(path: AuditKeyFixture.keyed(path))`.
    public static func keyed(_ storePath: String) throws -> String {
        try create(forStore: storePath)
        return storePath
    }
}
