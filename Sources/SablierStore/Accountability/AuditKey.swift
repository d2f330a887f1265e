import Crypto
import Foundation
public import SablierCore

/// The secret that keys the audit trail's hashes, read from a file kept outside the database.
///
/// Whoever can write the database file can rewrite a plain hash chain and hash it again; with
/// an HMAC they also need this key, which lives in its own file (mode 0600, readable by the
/// service account only), never in the store. The file holds 32 random bytes written as 64
/// hexadecimal digits (as `create` writes them) or in base64.
public struct AuditKey: Sendable {
    /// Where the key was read from: also where its companion head file lives.
    public let file: String
    /// The key's bytes: kept as bytes, since swift-crypto's `SymmetricKey` is not `Sendable`.
    private let bytes: [UInt8]
    private var key: SymmetricKey { SymmetricKey(data: bytes) }

    /// The key's length in bytes.
    public static let byteCount = 32

    /// The key file looked for when configuration names none: beside the database.
    public static func defaultFile(forStore storePath: String) -> String {
        storePath + ".audit-key"
    }

    /// The companion file that keeps the chain's head outside the table (`AuditHeadFile`).
    public var headFile: String { file + ".head" }

    init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
    }

    /// HMAC-SHA-256 of `text` under the key, as 64 lowercase hex digits.
    public func mac(_ text: String) -> String {
        Self.hex(HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: key))
    }

    /// True when `mac` is the key's HMAC of `text`, compared in constant time.
    public func verifies(_ mac: String, of text: String) -> Bool {
        guard let code = Self.bytes(hex: mac) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: Array(text.utf8), using: key)
    }

    // MARK: - The key file

    /// The key in `file`, or nil when there is no file there.
    ///
    /// Refused, never used, when its group or others may read or write it (the key is only as
    /// secret as its file), when another user owns it (they could read it or swap it), when it
    /// is a symbolic link (whoever can write the folder could point it at a key of theirs) or
    /// not a regular file (a FIFO would block the store's opening), or when it does not hold
    /// 32 bytes.
    public static func load(_ file: String) throws(Refusal) -> AuditKey? {
        let descriptor = open(file, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            if errno == ELOOP { throw Refusal(.auditKeyUnreadable, ["file": file, "detail": "it is a symbolic link"]) }
            throw Refusal(.auditKeyUnreadable, ["file": file, "detail": String(cString: strerror(errno))])
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw Refusal(.auditKeyUnreadable, ["file": file, "detail": String(cString: strerror(errno))])
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw Refusal(.auditKeyUnreadable, ["file": file, "detail": "it is not a regular file"])
        }
        guard status.st_uid == geteuid() else {
            throw Refusal(.auditKeyUnreadable, ["file": file, "detail": "it belongs to user \(status.st_uid), not to the user running Sablier (\(geteuid()))"])
        }
        let permissions = Int(status.st_mode & 0o777)
        guard permissions & 0o077 == 0 else {
            throw Refusal(.auditKeyExposed, ["file": file, "mode": "0" + String(permissions, radix: 8)])
        }
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = read(descriptor, &buffer, buffer.count)
        guard count >= 0 else {
            throw Refusal(.auditKeyUnreadable, ["file": file, "detail": String(cString: strerror(errno))])
        }
        let text = String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let decoded = text.utf8.count == byteCount * 2 ? bytes(hex: text) : Data(base64Encoded: text).map { Array($0) }
        if let bytes = decoded, bytes.count == byteCount {
            return AuditKey(file: file, bytes: bytes)
        }
        throw Refusal(.auditKeyUnreadable, ["file": file,
                                            "detail": "it must hold \(byteCount) bytes, as \(byteCount * 2) hexadecimal digits or in base64"])
    }

    /// Creates a new random key in `file`, mode 0600; refused when any file is already there,
    /// so an existing key is never replaced (the trail it keyed would no longer verify).
    public static func create(_ file: String) throws(Refusal) -> AuditKey {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw Refusal(.auditKeyExists, ["file": file]) }
            throw Refusal(.auditKeyUnreadable, ["file": file, "detail": "cannot create it: " + String(cString: strerror(errno))])
        }
        defer { close(descriptor) }
        let text = Array((hex(bytes) + "\n").utf8)
        // The umask may have taken bits away, never added any; set the mode whatever it was.
        guard fchmod(descriptor, 0o600) == 0, write(descriptor, text, text.count) == text.count, fsync(descriptor) == 0 else {
            let detail = String(cString: strerror(errno))
            unlink(file)
            throw Refusal(.auditKeyUnreadable, ["file": file, "detail": "cannot write it: " + detail])
        }
        return AuditKey(file: file, bytes: bytes)
    }

    // MARK: - Hex

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func bytes(hex text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count.isMultiple(of: 2), !characters.isEmpty else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count / 2)
        var index = 0
        while index < characters.count {
            guard let high = nibble(characters[index]), let low = nibble(characters[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return character - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
