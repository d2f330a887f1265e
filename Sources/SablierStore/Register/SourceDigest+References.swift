extension SourceDigest {
    /// What an audit entry keeps of a batch of documents (a reclassification, a cohort of
    /// events, a folder relinked): the SHA-256 of their references, sorted and joined by line
    /// breaks, under the key `references_sha256`.
    ///
    /// Why one function: anyone holding the list recomputes it to prove which documents a batch
    /// touched, so every batch must write it the same way; the entry stays small however many
    /// documents it names. It lives beside `sha256Hex` because the Core computes no digest.
    public static func references(_ references: [String]) -> String {
        sha256Hex(Array(references.sorted().joined(separator: "\n").utf8))
    }

    /// The audit detail's key for `references(_:)`, the same in every batch's entry.
    public static let referencesKey = "references_sha256"
}
