extension StoreSchema {
    /// The folders the register may read files from (`sablier roots`).
    static let v9FileRoots = Migration(name: "v9-file-roots", statements: [])
}
