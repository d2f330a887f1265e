extension StoreSchema {
    /// The folders the register may read files from (`sablier roots`), each stored resolved
    /// (`realpath`): a document's file must lie, symbolic links followed, inside one of them.
    static let v9FileRoots = Migration(name: "v9-file-roots", statements: [
        """
        CREATE TABLE file_root (
            path TEXT NOT NULL PRIMARY KEY CHECK (length(path) > 0),
            added_at BIGINT NOT NULL,
            added_by TEXT NOT NULL
        )
        """,
    ])
}
