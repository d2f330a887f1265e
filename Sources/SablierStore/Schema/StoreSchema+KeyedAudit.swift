extension StoreSchema {
    /// The audit trail's keyed hashes and the keyed digests of tombstones.
    static let v10KeyedAudit = Migration(name: "v10-keyed-audit", statements: [])
}
