extension Labels {
    /// The texts of the privacy pages.
    static let privacy: [String: Label] = [
        "privacy_title": Label("Privacy", "Privacy"),
    ]
}
