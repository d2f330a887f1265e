extension Labels {
    /// The texts of the accountability pages.
    static let accountability: [String: Label] = [
        "accountability_title": Label("Accountability", "Accountability"),
    ]
}
