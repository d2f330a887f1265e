import Foundation

/// The newest entry of the audit trail: its sequence number and its keyed hash.
///
/// Kept outside the table too (`AuditHeadFile`), so that deleting the newest entries, or all
/// of them, leaves a trail that ends before its head: `verify` then fails.
public struct AuditHead: Sendable, Hashable, Codable {
    public var sequence: Int
    public var hash: String

    public init(sequence: Int, hash: String) {
        self.sequence = sequence
        self.hash = hash
    }
}

/// The head file, `<key file>.head`: the head of the chain, signed with the key, rewritten
/// after each committed append.
///
/// Written atomically (a temporary file, then `rename`) while holding an exclusive `flock` on
/// the key file, and never moved backwards: two processes that commit entries 7 and 8 may
/// reach the file in either order, and whichever comes second sees the other's head and keeps
/// the newer one. A process killed between its commit and this write leaves the head one
/// entry behind: `verify` checks the trail up to the head, so that costs nothing but the
/// protection of that last entry until the next one is written.
public enum AuditHeadFile {
    /// What the head file holds.
    public enum Reading: Sendable, Hashable {
        /// No head file beside the key.
        case missing
        /// A file that does not read as a head or whose signature is wrong: `why`.
        case altered(_ why: String)
        case head(AuditHead)
    }

    /// The text signed: a head file cannot be forged, nor one head's numbers given another's.
    static func signed(_ head: AuditHead) -> String {
        "sablier-audit-head\u{1F}\(head.sequence)\u{1F}\(head.hash)"
    }

    /// The head file's size limit: it holds three short lines.
    static let sizeLimit = 4096

    /// The head file of `key`, read and its signature checked: never blocking on a FIFO nor
    /// reading past a few kilobytes (`BoundedFile`), never following a symbolic link.
    public static func read(_ key: AuditKey) -> Reading {
        let data: [UInt8]
        switch BoundedFile.read(key.headFile, limit: sizeLimit, followingSymlinks: false) {
        case .missing: return .missing
        case .refused(let why): return .altered(why)
        case .contents(let bytes): data = bytes
        }
        var fields: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard let sequence = fields["sequence"].flatMap({ Int($0) }), let hash = fields["hash"], let mac = fields["mac"] else {
            return .altered("it does not hold a sequence, a hash and a signature")
        }
        let head = AuditHead(sequence: sequence, hash: hash)
        guard key.verifies(mac, of: signed(head)) else { return .altered("its signature does not match the key") }
        return .head(head)
    }

    /// Moves the head file forward to `head`, unless it already names `head` or a newer entry.
    /// Returns false when the file could not be written (the trail itself is committed): the
    /// next write then finds the head behind, tries again, and is refused if it still fails
    /// (`SQLiteStore.checkHead`), so a head that cannot be written stops the trail.
    @discardableResult
    public static func advance(to head: AuditHead, _ key: AuditKey) -> Bool {
        (try? advanceOrFail(to: head, key)) != nil
    }

    /// `advance`, saying why it failed.
    public static func advanceOrFail(to head: AuditHead, _ key: AuditKey) throws(HeadWriteFailure) {
        func failure(_ what: String) -> HeadWriteFailure { HeadWriteFailure(detail: what + ": " + String(cString: strerror(errno))) }
        let lock = open(key.file, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard lock >= 0 else { throw failure("cannot open the key to lock it") }
        defer { close(lock) }
        guard flock(lock, LOCK_EX) == 0 else { throw failure("cannot lock the key") }
        defer { flock(lock, LOCK_UN) }
        if case .head(let current) = read(key), current.sequence >= head.sequence { return }
        let text = "sablier audit head\nsequence: \(head.sequence)\nhash: \(head.hash)\nmac: \(key.mac(signed(head)))\n"
        let temporary = key.headFile + ".\(getpid()).tmp"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw failure("cannot create \(temporary)") }
        let bytes = Array(text.utf8)
        let written = write(descriptor, bytes, bytes.count) == bytes.count && fsync(descriptor) == 0
        let error = failure("cannot write \(temporary)")
        close(descriptor)
        guard written else {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, key.headFile) == 0 else {
            let error = failure("cannot rename it to \(key.headFile)")
            unlink(temporary)
            throw error
        }
    }

    /// Why the head file could not be written.
    public struct HeadWriteFailure: Error, Sendable {
        public var detail: String
    }
}
