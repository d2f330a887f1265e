extension Labels {
    /// The texts of the due pages.
    static let due: [String: Label] = [
        "due_title": Label("Due", "Due"),
    ]
}
