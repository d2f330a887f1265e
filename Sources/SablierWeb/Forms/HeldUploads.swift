import Foundation
import NIOCore
import SablierCore
import Synchronization

/// Files uploaded through a page and kept between a dry run and its confirmation.
///
/// A calendar or a register CSV is first checked (a dry run) and only imported once the person
/// has read the diagnostics and the impact; the file waits here in the meantime, in a folder
/// only the server's account can enter (0700), each file 0600, under a random name that only
/// the person who uploaded it can use. Files older than an hour are removed on the next upload,
/// and whatever a stopped server left in the folder is removed when the next one starts.
final class HeldUploads: Sendable {
    struct Held: Sendable {
        let path: String
        let owner: String
        let filename: String
        let at: Date
    }

    let directory: URL
    private let held = Mutex<[String: Held]>([:])
    static let lifetime: TimeInterval = 3600

    init(directory: URL) {
        self.directory = directory
        // Nothing held survives a restart: the ids that named these files are gone with the process.
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes `data` to a new private file and returns its id.
    func keep(_ data: ByteBuffer, filename: String, owner: String, now: Date) throws -> String {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
        removeExpired(now: now)
        let id = UUID().uuidString.lowercased()
        let path = directory.appendingPathComponent("held-\(id)").path
        guard FileManager.default.createFile(atPath: path, contents: Data(data.readableBytesView),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw Refusal(.storeFailure, ["detail": "upload folder not writable"])
        }
        held.withLock { $0[id] = Held(path: path, owner: owner, filename: filename, at: now) }
        return id
    }

    /// The file held under `id` for `owner`, or nil (unknown, expired, or someone else's).
    func file(_ id: String, owner: String, now: Date) -> Held? {
        held.withLock { files in
            guard let file = files[id], file.owner == owner, now.timeIntervalSince(file.at) < Self.lifetime else { return nil }
            return file
        }
    }

    /// The file held under `id` for `owner`, taken: nobody can use the id again, so that a
    /// confirmation sent twice (a double click) imports once. The caller removes the file with
    /// `discard` when it is done with it, whatever happens.
    func take(_ id: String, owner: String, now: Date) -> Held? {
        held.withLock { files in
            guard let file = files[id], file.owner == owner, now.timeIntervalSince(file.at) < Self.lifetime else { return nil }
            files[id] = nil
            return file
        }
    }

    /// Removes a file `take` handed over.
    func discard(_ file: Held) {
        try? FileManager.default.removeItem(atPath: file.path)
    }

    /// Forgets and removes the file held under `id`.
    func release(_ id: String) {
        if let file = held.withLock({ $0.removeValue(forKey: id) }) {
            try? FileManager.default.removeItem(atPath: file.path)
        }
    }

    private func removeExpired(now: Date) {
        let expired = held.withLock { files in
            let old = files.filter { now.timeIntervalSince($0.value.at) >= Self.lifetime }
            for id in old.keys { files[id] = nil }
            return old.values.map(\.path)
        }
        for path in expired { try? FileManager.default.removeItem(atPath: path) }
    }
}
