public import SablierCore

/// The decision taken before each keyed write: may the trail be written on, given its head file?
///
/// Written once for every backend, as `AuditTrailCheck` is: a store reads the trail's last
/// entry and the head file, hands them over, reads the entries this check asks for, and moves
/// the head file where it says. Without it, an attacker who deletes the newest entries (or the
/// head file) only has to wait: the service's next entries would move the head on past the gap,
/// and `verify` would find a consistent trail.
///
/// ```swift
/// let check = try AuditHeadCheck(key: key, head: AuditHeadFile.read(key), last: last)
/// if let from = check.entriesFrom { try check.check(rows(AuditHeadCheck.entriesFromSQL, [from])) }
/// if let target = check.advance { try advanceHead(to: target, key) }
/// ```
///
/// - A missing head file is accepted only when the trail is empty (a brand-new store): the
///   head is then written at the genesis (entry 0) before the first entry, so a crash after
///   that entry commits leaves the head behind, never missing. `createAuditKey` writes the head
///   of a store that had entries before its key; `audit head adopt` the head of a second
///   machine that serves the same database (`AuditHeadAdoption`).
/// - An empty trail whose head file names entries is refused (`audit.key-other-trail`): either
///   every entry was removed, or the key guards another store's trail. A key guards one store:
///   `init` with a key already in use is refused here, rather than given the other store's head
///   file to share (each store's writes would then move the other's head, and both would be
///   refused as tampered with). Naming each store in its head file would allow sharing a key;
///   nothing is gained by sharing one, and one key per store keeps the head file's meaning plain.
/// - A head that names an entry past the trail's end, or an entry whose stored hash is not the
///   head's, or that is altered, refuses the write (`audit.head-mismatch`).
/// - A head behind the trail's end (a process killed between its commit and its head write, a
///   head write that failed, or another machine writing) is accepted when every entry past it
///   is keyed and chained from it; the head file is then moved to the trail's end, and if that
///   fails the write is refused (`audit.head-unwritable`): a head that cannot be written stops
///   the trail at the next write, in whatever process makes it.
public struct AuditHeadCheck: Sendable {
    /// The entries from a sequence on (that entry included), in order, with
    /// `AccountabilityQueries.auditColumns`: what `check` is given.
    public static let entriesFromSQL =
        "SELECT sequence, at, user_name, action, target, details, previous_hash, hash, scheme FROM audit_entry WHERE sequence >= ? ORDER BY sequence"

    private let key: AuditKey
    private let head: AuditHead
    private let last: AuditHead
    private let missing: Bool

    /// Checks the head file against the trail's last entry (`AuditHead(sequence: 0, hash:
    /// AuditChain.genesis)` for an empty trail); refuses a head file missing from a trail that
    /// has entries, altered, or past the trail's end.
    public init(key: AuditKey, head reading: AuditHeadFile.Reading, last: AuditHead) throws(Refusal) {
        self.key = key
        self.last = last
        switch reading {
        case .missing:
            guard last.sequence == 0 else {
                throw Self.mismatch(key, "the head file is missing although the trail holds entries up to \(last.sequence):"
                    + " the newest entries may have been removed (a second machine serving this store adopts the trail's head"
                    + " once: sablier audit head adopt)")
            }
            head = last
            missing = true
        case .altered(let why):
            throw Self.mismatch(key, "the head file was altered: \(why)")
        case .head(let named):
            if last.sequence == 0, named.sequence > 0 {
                throw Refusal(.auditKeyOtherTrail, ["file": key.file, "head": key.headFile, "sequence": String(named.sequence)])
            }
            guard named.sequence <= last.sequence else {
                throw Self.mismatch(key, "the trail ends at entry \(last.sequence) but its head file names entry \(named.sequence):"
                    + " the newest entries were removed")
            }
            head = named
            missing = false
        }
    }

    /// The sequence from which the store must read the entries and give them to `check`, or
    /// nil when the head file names the trail's last entry (or there is none).
    public var entriesFrom: Int? {
        missing || head == last ? nil : head.sequence
    }

    /// Checks the entries read from `entriesFrom` on: the head file's own entry unchanged, and
    /// every one after it keyed and chained from it.
    public func check(_ rows: [AuditChain.StoredEntry]) throws(Refusal) {
        var rest = rows[...]
        if head.sequence > 0 {
            guard let first = rest.first, first.entry.sequence == head.sequence, first.entry.hash == head.hash else {
                throw Self.mismatch(key, "entry \(head.sequence) is not the one the head file names: it was replaced or removed")
            }
            rest = rest.dropFirst()
        }
        var previous = head.hash, expected = head.sequence + 1
        for (entry, micros, scheme) in rest {
            let keyed = scheme == AuditChain.keyedScheme
                && AuditChain.keyedHash(key, sequence: entry.sequence, atMicroseconds: micros, user: entry.user, action: entry.action,
                                        target: entry.target, details: entry.details, previousHash: entry.previousHash) == entry.hash
            guard entry.sequence == expected, entry.previousHash == previous, keyed else {
                throw Self.mismatch(key, "entry \(entry.sequence), after the head file's entry \(head.sequence), is not a keyed entry that follows it")
            }
            previous = entry.hash
            expected += 1
        }
        guard expected == last.sequence + 1 else {
            throw Self.mismatch(key, "entry \(expected) is missing: the trail no longer follows its head file")
        }
    }

    /// Where the head file must be moved before the write, or nil when it already names the
    /// trail's last entry.
    public var advance: AuditHead? {
        missing || head != last ? last : nil
    }

    static func mismatch(_ key: AuditKey, _ problem: String) -> Refusal {
        Refusal(.auditHeadMismatch, ["file": key.headFile, "problem": problem])
    }
}

/// `audit key create`'s rule: a store whose trail holds a keyed entry already has a key.
public enum AuditKeyRule {
    /// The last keyed entry's sequence, or NULL when the trail holds none.
    public static let lastKeyedSQL = "SELECT MAX(sequence) FROM audit_entry WHERE scheme = ?"
    /// The value bound to `lastKeyedSQL`.
    public static var lastKeyedValues: [StoreValue] { [.text(AuditChain.keyedScheme)] }

    /// Refuses a new key for a trail already keyed up to `lastKeyed`: its entries would no
    /// longer verify, and every later write would be refused. The usual cause is a mistyped
    /// `--audit-key`, which made the store look keyless (`audit.key-missing`'s hint then
    /// suggests this very command).
    public static func refuseWhenKeyed(lastKeyed: Int?, keyFile: String) throws(Refusal) {
        guard let lastKeyed else { return }
        throw Refusal(.auditKeyAlreadyKeyed, ["file": keyFile, "sequence": String(lastKeyed)])
    }
}

/// `audit head adopt`'s rule: a machine with the key but no head file (a second server of the
/// same PostgreSQL database) may start guarding the trail from its end, once the whole trail
/// verifies with the key.
///
/// A head file guards the entries up to the last one its machine wrote or checked: entries
/// removed since then are caught there. A new machine has seen nothing; writing its head at
/// the trail's end trusts the trail as it stands, which is why every entry must first verify
/// with the key (an attacker without the key cannot forge a keyed entry) and why the adoption
/// is itself an audited entry, and refused where a head file exists (it would move a head that
/// may be guarding entries since removed).
public enum AuditHeadAdoption {
    /// The head to write: the trail's last entry, once `rows` (the whole trail, in order)
    /// verify with `key`. Refused when a head file is there, or the trail does not verify.
    public static func head(_ rows: [AuditChain.StoredEntry], key: AuditKey, reading: AuditHeadFile.Reading) throws(Refusal) -> AuditHead {
        guard case .missing = reading else { throw Refusal(.auditHeadExists, ["file": key.headFile]) }
        let verification = AuditChain.verify(rows, key: key)
        if let problem = verification.problem {
            throw AuditHeadCheck.mismatch(key, "the trail does not verify with this key (entry \(problem.sequence): \(problem.reason)),"
                + " so no head is adopted")
        }
        guard let last = rows.last else { return AuditHead(sequence: 0, hash: AuditChain.genesis) }
        return AuditHead(sequence: last.entry.sequence, hash: last.entry.hash)
    }
}
