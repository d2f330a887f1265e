extension Labels {
    /// The texts of the calendar pages.
    static let calendar: [String: Label] = [
        "calendar_title": Label("Calendar", "Calendar"),
    ]
}
