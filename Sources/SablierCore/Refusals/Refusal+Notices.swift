/// Notices sent to each détenteur, and the e-mail addresses they go to.
extension Refusal.Code {
    static let notices: [Self] = []
}
