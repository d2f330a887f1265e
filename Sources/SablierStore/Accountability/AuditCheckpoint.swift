public import Foundation
public import SablierCore

/// The chain's head, signed with the key, in a few lines of text meant to be kept elsewhere:
/// on paper, in the minutes of the secrétariat général, in another system.
///
/// A copy of the database and of its head file, both rolled back together to an older
/// consistent state, verifies; a checkpoint taken after that state names an entry the
/// rolled-back trail does not hold, and `audit verify --checkpoint` fails.
public struct AuditCheckpoint: Sendable, Hashable, Codable {
    public var sequence: Int
    public var hash: String
    /// The entry's time, ISO 8601 to the second, UTC.
    public var at: String
    /// HMAC-SHA-256 of the three fields above under the audit key, hex.
    public var signature: String

    public init(sequence: Int, hash: String, at: String, signature: String) {
        self.sequence = sequence
        self.hash = hash
        self.at = at
        self.signature = signature
    }

    /// The checkpoint of `entry`, signed with `key`.
    public init(_ entry: AuditEntry, key: AuditKey) {
        sequence = entry.sequence
        hash = entry.hash
        at = Self.time(entry.at)
        signature = key.mac(Self.signed(sequence: sequence, hash: hash, at: at))
    }

    /// How an entry's time is written in a checkpoint.
    public static func time(_ instant: Date) -> String {
        instant.formatted(.iso8601)
    }

    /// The text signed: its fields, in order, separated by a byte none contains.
    static func signed(sequence: Int, hash: String, at: String) -> String {
        "sablier-audit-checkpoint\u{1F}\(sequence)\u{1F}\(hash)\u{1F}\(at)"
    }

    /// True when the signature is the key's for these fields.
    public func isSigned(by key: AuditKey) -> Bool {
        key.verifies(signature, of: Self.signed(sequence: sequence, hash: hash, at: at))
    }

    /// The text to keep: comments for whoever finds it, then one `field: value` per line.
    public var text: String {
        """
        # Sablier — point de contrôle du journal d'audit (audit trail checkpoint)
        # À conserver hors du serveur ; vérifier par : sablier audit verify --checkpoint FICHIER
        sequence: \(sequence)
        hash: \(hash)
        at: \(at)
        signature: hmac-sha256:\(signature)

        """
    }

    /// Reads a checkpoint's text: `#` lines and blank lines are skipped, every field is required.
    public static func parse(_ text: String) throws(Refusal) -> AuditCheckpoint {
        var fields: [String: String] = [:]
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let colon = trimmed.firstIndex(of: ":") else {
                throw Refusal(.auditCheckpointUnreadable, ["line": String(lineNumber), "problem": "expected “field: value”"])
            }
            let name = String(trimmed[..<colon])
            guard ["sequence", "hash", "at", "signature"].contains(name) else {
                throw Refusal(.auditCheckpointUnreadable, ["line": String(lineNumber), "problem": "unknown field “\(name)”"])
            }
            fields[name] = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let end = String(max(lineNumber, 1))
        guard let sequenceText = fields["sequence"], let sequence = Int(sequenceText), sequence > 0 else {
            throw Refusal(.auditCheckpointUnreadable, ["line": end, "problem": "no “sequence:” with an entry number"])
        }
        guard let hash = fields["hash"], hash.utf8.count == 64 else {
            throw Refusal(.auditCheckpointUnreadable, ["line": end, "problem": "no “hash:” of 64 hexadecimal digits"])
        }
        guard let at = fields["at"], !at.isEmpty else {
            throw Refusal(.auditCheckpointUnreadable, ["line": end, "problem": "no “at:” time"])
        }
        guard let signed = fields["signature"], signed.hasPrefix("hmac-sha256:") else {
            throw Refusal(.auditCheckpointUnreadable, ["line": end, "problem": "no “signature: hmac-sha256:…”"])
        }
        return AuditCheckpoint(sequence: sequence, hash: hash, at: at, signature: String(signed.dropFirst("hmac-sha256:".count)))
    }
}
