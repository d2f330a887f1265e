extension Labels {
    /// The texts of the dashboard pages.
    static let dashboard: [String: Label] = [
        "dashboard_title": Label("Dashboard", "Dashboard"),
    ]
}
