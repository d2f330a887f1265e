import Crypto
public import Foundation

/// One line of the audit trail: who did what, to what, when, with the details.
///
/// Entries are appended in the transaction of the change they record and never updated or
/// deleted by the application. Each carries the SHA-256 of its content and of the previous
/// entry's hash, so the chain proves nothing was altered, removed or reordered.
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
public enum AuditChain {
    /// The previous hash of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// SHA-256, lowercase hex, of an entry's fields (the stored microseconds, not a rounded
    /// date) and the previous hash, separated by a byte no field contains.
    public static func hash(sequence: Int, atMicroseconds: Int, user: String, action: String, target: String,
                            details: String, previousHash: String) -> String {
        let fields = [String(sequence), String(atMicroseconds), user, action, target, details, previousHash]
        return SourceDigest.sha256Hex(Array(fields.joined(separator: "\u{1F}").utf8))
    }

    /// Details as stable JSON: keys sorted, no escaping of slashes.
    public static func details(_ values: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(values)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// What `verify` found: nothing wrong, or the first entry that breaks the chain.
    public struct Verification: Sendable, Hashable {
        public var entries: Int
        /// The first sequence number at fault, and why; nil when the chain holds.
        public var problem: Problem?

        /// An entry at fault.
        public struct Problem: Sendable, Hashable {
            public var sequence: Int
            public var reason: String

            public init(sequence: Int, reason: String) {
                self.sequence = sequence
                self.reason = reason
            }
        }

        public var isIntact: Bool { problem == nil }

        public init(entries: Int, problem: Problem?) {
            self.entries = entries
            self.problem = problem
        }
    }

    /// Walks stored rows in sequence order: `rows` gives each entry with its stored
    /// microseconds. Reports the first entry altered (its hash does not match its content),
    /// removed (a gap in the sequence or a previous hash that is not the last one's) or
    /// reordered.
    public static func verify(_ rows: [(entry: AuditEntry, atMicroseconds: Int)]) -> Verification {
        var previous = genesis
        var expected = 1
        for (entry, micros) in rows {
            if entry.sequence != expected {
                return Verification(entries: rows.count, problem: Verification.Problem(sequence: expected, reason: entry.sequence > expected
                    ? "entry \(expected) is missing (the next one stored is \(entry.sequence)): an entry was removed"
                    : "entry \(entry.sequence) appears out of order"))
            }
            let recomputed = hash(sequence: entry.sequence, atMicroseconds: micros, user: entry.user, action: entry.action,
                                  target: entry.target, details: entry.details, previousHash: entry.previousHash)
            if recomputed != entry.hash {
                return Verification(entries: rows.count, problem: Verification.Problem(sequence: entry.sequence, reason: "entry \(entry.sequence) was altered: its content no longer matches its hash"))
            }
            if entry.previousHash != previous {
                return Verification(entries: rows.count, problem: Verification.Problem(sequence: entry.sequence, reason:
                    "entry \(entry.sequence) does not follow entry \(entry.sequence - 1): an entry before it was removed, replaced or reordered"))
            }
            previous = entry.hash
            expected += 1
        }
        return Verification(entries: rows.count, problem: nil)
    }
}
