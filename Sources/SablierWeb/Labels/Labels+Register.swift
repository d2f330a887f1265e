extension Labels {
    /// The texts of the register pages.
    static let register: [String: Label] = [
        "register_title": Label("Register", "Register"),
    ]
}
