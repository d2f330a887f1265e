extension StoreSchema {
    /// The audit trail's keyed hashes and the keyed digests of tombstones and certificate entries.
    ///
    /// `audit_entry.scheme` says how each entry was hashed: `sha256` for those written before
    /// the store had a key (they keep their plain hash and are verified as such), `hmac-sha256`
    /// from the first entry written with it; after that one, an unkeyed entry fails `verify`.
    /// `tombstone.digest` and `disposition_item.digest` are HMAC-SHA-256 under the same key of
    /// their row, written with it (an item once it is started, then again when it is done);
    /// `disposition_list.digest` covers the certificate's header (who executed the list, when,
    /// the method, the vendor's certificate), sealed when execution begins, when its method is
    /// recorded and when it ends. Those written before the key are sealed by `audit key create`.
    static let v10KeyedAudit = Migration(name: "v10-keyed-audit", statements: [
        """
        ALTER TABLE audit_entry ADD COLUMN scheme TEXT NOT NULL DEFAULT 'sha256'
            CHECK (scheme = 'sha256' OR scheme = 'hmac-sha256')
        """,
        "ALTER TABLE tombstone ADD COLUMN digest TEXT CHECK (length(digest) = 64)",
        "ALTER TABLE disposition_item ADD COLUMN digest TEXT CHECK (length(digest) = 64)",
        "ALTER TABLE disposition_list ADD COLUMN digest TEXT CHECK (length(digest) = 64)",
    ])
}
