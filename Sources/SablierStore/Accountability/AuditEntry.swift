import Crypto
public import Foundation

/// One line of the audit trail: who did what, to what, when, with the details.
///
/// Entries are appended in the transaction of the change they record and never updated or
/// deleted by the application. Each carries the HMAC-SHA-256, under the audit key kept outside
/// the database, of its content and of the previous entry's hash, so the chain proves nothing
/// was altered, removed or reordered by anyone without the key (`AuditChain`).
public struct AuditEntry: Sendable, Hashable, Codable {
    /// 1, 2, 3… with no gap.
    public var sequence: Int
    /// To the microsecond, as stored.
    public var at: Date
    public var user: String
    /// What was done: `calendar.import`, `document.register`, `hold.place`, `refused`, …
    public var action: String
    /// What it was done to: `calendar 3`, `document RH-2015-0042`, `hold 2`, `user alice`, …
    public var target: String
    /// The details, as a JSON object with sorted keys.
    public var details: String
    public var previousHash: String
    public var hash: String

    public init(sequence: Int, at: Date, user: String, action: String, target: String, details: String, previousHash: String, hash: String) {
        self.sequence = sequence
        self.at = at
        self.user = user
        self.action = action
        self.target = target
        self.details = details
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// The hash chain of the audit trail.
///
/// An entry's hash is HMAC-SHA-256 under the audit key (`AuditKey`, kept outside the
/// database), scheme `hmac-sha256`. Entries written before Sablier had a key keep their plain
/// SHA-256 (scheme `sha256`) and are verified as such; once the first keyed entry is written,
/// an unkeyed entry after it is a forgery.
public enum AuditChain {
    /// The previous hash of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// The scheme of entries hashed with plain SHA-256, before the store had a key.
    public static let plainScheme = "sha256"
    /// The scheme of entries hashed with HMAC-SHA-256 under the audit key.
    public static let keyedScheme = "hmac-sha256"

    /// What the plain scheme hashed of an entry: its fields (the stored microseconds, not a
    /// rounded date) and the previous hash, joined by U+001F. Kept byte for byte, so entries
    /// written before the key still verify; a field holding U+001F could shift into the next,
    /// which is why the keyed scheme length-prefixes its fields instead (`keyedHashed`).
    static func hashed(sequence: Int, atMicroseconds: Int, user: String, action: String, target: String,
                       details: String, previousHash: String) -> String {
        [String(sequence), String(atMicroseconds), user, action, target, details, previousHash].joined(separator: "\u{1F}")
    }

    /// SHA-256, lowercase hex, of an entry: the scheme of entries written before the key.
    public static func hash(sequence: Int, atMicroseconds: Int, user: String, action: String, target: String,
                            details: String, previousHash: String) -> String {
        SourceDigest.sha256Hex(Array(hashed(sequence: sequence, atMicroseconds: atMicroseconds, user: user, action: action,
                                            target: target, details: details, previousHash: previousHash).utf8))
    }

    /// HMAC-SHA-256 under `key`, lowercase hex, of an entry: what nobody without the key can
    /// compute again after changing it.
    public static func keyedHash(_ key: AuditKey, sequence: Int, atMicroseconds: Int, user: String, action: String, target: String,
                                 details: String, previousHash: String) -> String {
        key.mac(keyedHashed(sequence: sequence, atMicroseconds: atMicroseconds, user: user, action: action, target: target,
                            details: details, previousHash: previousHash))
    }

    /// What the keyed scheme signs of an entry: each field as `s<UTF-8 byte count>:<text>`, so
    /// no two different entries give the same text, whatever their fields hold (a user
    /// `a\u{1F}b` with action `c` and a user `a` with action `b\u{1F}c` differ).
    static func keyedHashed(sequence: Int, atMicroseconds: Int, user: String, action: String, target: String,
                            details: String, previousHash: String) -> String {
        lengthPrefixed([String(sequence), String(atMicroseconds), user, action, target, details, previousHash])
    }

    /// Fields as `s<UTF-8 byte count>:<text>`, one after the other: an unambiguous encoding.
    public static func lengthPrefixed(_ fields: [String]) -> String {
        fields.map { "s\($0.utf8.count):\($0)" }.joined()
    }

    /// Details as stable JSON: keys sorted, no escaping of slashes.
    public static func details(_ values: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(values)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// What `verify` found: nothing wrong, or the first thing that breaks the trail.
    public struct Verification: Sendable, Hashable {
        public var entries: Int
        /// The first sequence number at fault, and why; nil when the chain holds.
        public var problem: Problem?
        /// The first entry hashed with the key; nil when none is.
        public var keyedFrom: Int?
        /// The head the head file names, checked against the table; nil without a key.
        public var head: Int?
        /// The tombstones and certificate entries whose keyed digest was checked.
        public var records: Int

        /// What is at fault.
        public struct Problem: Sendable, Hashable {
            /// The entry at fault; for a tombstone or a certificate entry, 0.
            public var sequence: Int
            public var reason: String
            /// The tombstone or certificate entry at fault, when it is not an entry.
            public var record: String?

            public init(sequence: Int, reason: String, record: String? = nil) {
                self.sequence = sequence
                self.reason = reason
                self.record = record
            }
        }

        public var isIntact: Bool { problem == nil }

        public init(entries: Int, problem: Problem?, keyedFrom: Int? = nil, head: Int? = nil, records: Int = 0) {
            self.entries = entries
            self.problem = problem
            self.keyedFrom = keyedFrom
            self.head = head
            self.records = records
        }
    }

    /// One stored row: the entry, its stored microseconds and its scheme.
    public typealias StoredEntry = (entry: AuditEntry, atMicroseconds: Int, scheme: String)

    /// Walks stored rows in sequence order. Reports the first entry altered (its hash does not
    /// match its content), removed (a gap in the sequence or a previous hash that is not the
    /// last one's), reordered, or unkeyed after the first keyed one. Keyed entries need `key`.
    public static func verify(_ rows: [StoredEntry], key: AuditKey?) -> Verification {
        var previous = genesis
        var expected = 1
        var keyedFrom: Int?
        func broken(_ sequence: Int, _ reason: String) -> Verification {
            Verification(entries: rows.count, problem: Verification.Problem(sequence: sequence, reason: reason), keyedFrom: keyedFrom)
        }
        for (entry, micros, scheme) in rows {
            if entry.sequence != expected {
                return broken(expected, entry.sequence > expected
                    ? "entry \(expected) is missing (the next one stored is \(entry.sequence)): an entry was removed"
                    : "entry \(entry.sequence) appears out of order")
            }
            let recomputed: String
            switch scheme {
            case keyedScheme:
                guard let key else { return broken(entry.sequence, "entry \(entry.sequence) is keyed and no key was given to check it") }
                if keyedFrom == nil { keyedFrom = entry.sequence }
                recomputed = keyedHash(key, sequence: entry.sequence, atMicroseconds: micros, user: entry.user, action: entry.action,
                                       target: entry.target, details: entry.details, previousHash: entry.previousHash)
            case plainScheme where keyedFrom == nil:
                recomputed = hash(sequence: entry.sequence, atMicroseconds: micros, user: entry.user, action: entry.action,
                                  target: entry.target, details: entry.details, previousHash: entry.previousHash)
            case plainScheme:
                return broken(entry.sequence, "entry \(entry.sequence) has a plain SHA-256 although entry \(keyedFrom ?? 0) and those after it are keyed: it was written without the key")
            default:
                return broken(entry.sequence, "entry \(entry.sequence) names the unknown hash scheme '\(scheme)'")
            }
            if recomputed != entry.hash {
                return broken(entry.sequence, "entry \(entry.sequence) was altered: its content no longer matches its hash")
            }
            if entry.previousHash != previous {
                return broken(entry.sequence, "entry \(entry.sequence) does not follow entry \(entry.sequence - 1): an entry before it was removed, replaced or reordered")
            }
            previous = entry.hash
            expected += 1
        }
        return Verification(entries: rows.count, problem: nil, keyedFrom: keyedFrom)
    }
}
