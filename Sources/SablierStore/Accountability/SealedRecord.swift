import SablierCore

/// The records the audit key seals besides the trail's entries: a document's tombstone, a
/// certificate's entry (a disposition item once started) and a certificate's header (a
/// disposition list once its execution has begun).
///
/// Each carries `digest`, the HMAC under the audit key of all its other columns, so that whoever
/// can write the database but does not hold the key cannot rewrite what was destroyed, by whom
/// and when. The digest is computed here, over `StoreValue`s, so that one row gives one digest
/// in every backend: a store copied from SQLite to PostgreSQL still passes `audit verify`.
/// Backends only run the statements named here and hand back the rows they read.
public enum SealedRecord: String, CaseIterable, Sendable {
    case tombstone = "tombstone"
    case dispositionItem = "disposition-item"
    case dispositionList = "disposition-list"

    /// The kind's name, first in the text its digest covers: a tombstone's values never give
    /// a certificate entry's digest.
    public var kind: String { rawValue }

    /// The table, and the columns the digest covers, in order.
    public var table: StoreTable {
        switch self {
        case .tombstone: TombstoneRow.table
        case .dispositionItem: DispositionItemRow.table
        case .dispositionList: DispositionListRow.table
        }
    }

    /// The columns that name one record.
    public var key: [String] {
        switch self {
        case .tombstone: ["document"]
        case .dispositionItem: ["list", "position"]
        case .dispositionList: ["number"]
        }
    }

    /// The lists whose header is a certificate's: once their execution has begun.
    static let executionBegun = "state = 'executing' OR state = 'executed'"

    /// Which rows are sealed when asked: a list only once its execution has begun (its header is
    /// then a certificate's); a tombstone or an item whenever its writer asks.
    private var sealedWhen: String? {
        self == .dispositionList ? Self.executionBegun : nil
    }

    /// Which rows `audit verify` expects sealed: an item once started (the certificate's entry
    /// is written before its file is deleted), a list once its execution has begun.
    private var verifiedWhen: String? {
        switch self {
        case .tombstone: nil
        case .dispositionItem: "state <> 'pending'"
        case .dispositionList: Self.executionBegun
        }
    }

    private var keyCondition: String { key.map { "\($0) = ?" }.joined(separator: " AND ") }

    /// Reads the record named by `key`'s values, every sealed column: nothing when it is not to
    /// be sealed yet.
    public var selectToSeal: String {
        "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name) WHERE \(keyCondition)"
            + (sealedWhen.map { " AND (\($0))" } ?? "")
    }

    /// Writes the digest (first parameter) of the record named by `key`'s values.
    public var updateDigest: String {
        "UPDATE \(table.name) SET digest = ? WHERE \(keyCondition)"
    }

    /// The keys of the records that should be sealed and carry no digest: those written before
    /// the store had a key.
    public var selectUnsealed: String {
        "SELECT \(key.joined(separator: ", ")) FROM \(table.name) WHERE digest IS NULL"
            + (verifiedWhen.map { " AND (\($0))" } ?? "")
    }

    /// Every record `audit verify` checks, its sealed columns then its digest, in the order the
    /// first at fault is reported.
    public var selectToVerify: String {
        let order = switch self {
        case .tombstone: "reference"
        case .dispositionItem: "list, position"
        case .dispositionList: "number"
        }
        return "SELECT \(table.columns.joined(separator: ", ")), digest FROM \(table.name)"
            + (verifiedWhen.map { " WHERE \($0)" } ?? "") + " ORDER BY \(order)"
    }

    /// A row's values as the text its digest covers: each typed, so `1` and `'1'` differ, and
    /// each text length-prefixed (`s<UTF-8 byte count>:<text>`), so that no text can shift
    /// into its neighbour (`a|b` and `a` then `b` differ) whatever bytes it holds. A boolean is
    /// the integer 0 or 1, as SQLite stores it; bytes are named by their SHA-256.
    public static func sealedText(_ kind: String, _ values: some Sequence<StoreValue>) -> String {
        AuditChain.lengthPrefixed([kind]) + values.map { value -> String in
            switch value {
            case .null: "n;"
            case .integer(let number): "i\(number);"
            case .boolean(let flag): flag ? "i1;" : "i0;"
            case .text(let text): AuditChain.lengthPrefixed([text])
            case .bytes(let bytes): "b" + SourceDigest.sha256Hex(bytes) + ";"
            }
        }.joined()
    }

    /// The digest of a row read with `selectToSeal`.
    public func digest(_ values: some Sequence<StoreValue>, key: AuditKey) -> String {
        key.mac(Self.sealedText(kind, values))
    }

    /// What is wrong with a row read with `selectToVerify` (its digest last): nil when its
    /// digest is the key's for its values.
    public func problem(_ row: [StoreValue], key: AuditKey) -> AuditChain.Verification.Problem? {
        let digest: String? = if case .text(let text) = row.last { text } else { nil }
        guard digest != self.digest(row.dropLast(), key: key) else { return nil }
        func field(_ name: String) -> String {
            guard let index = table.columns.firstIndex(of: name), index < row.count else { return "?" }
            switch row[index] {
            case .text(let text): return text
            case .integer(let number): return String(number)
            default: return "?"
            }
        }
        let unsealed = digest == nil
        switch self {
        case .tombstone:
            let reference = field("reference")
            return .init(sequence: 0, reason: unsealed
                ? "the tombstone of \(reference) carries no keyed digest: it was written, or its digest removed, without the key"
                : "the tombstone of \(reference) was altered: it no longer matches its keyed digest", record: "tombstone \(reference)")
        case .dispositionItem:
            let reference = field("reference"), list = field("list")
            return .init(sequence: 0, reason: unsealed
                ? "the entry of \(reference) in the certificate of disposition list \(list) carries no keyed digest: it was written, or its digest removed, without the key"
                : "the entry of \(reference) in the certificate of disposition list \(list) was altered: it no longer matches its keyed digest",
                record: "disposition \(list) \(reference)")
        case .dispositionList:
            let number = field("number")
            return .init(sequence: 0, reason: unsealed
                ? "the header of the certificate of disposition list \(number) carries no keyed digest: it was written, or its digest removed, without the key"
                : "the header of the certificate of disposition list \(number) (executed by, at, method, vendor's certificate) was altered: it no longer matches its keyed digest",
                record: "disposition \(number)")
        }
    }
}
