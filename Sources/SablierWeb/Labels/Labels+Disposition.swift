extension Labels {
    /// The texts of the disposition pages.
    static let disposition: [String: Label] = [
        "disposition_title": Label("Disposition", "Disposition"),
    ]
}
