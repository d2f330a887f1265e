/// Loans of paper files and boxes (prêt de dossiers), and the moves of boxes.
extension Refusal.Code {
    static let loans: [Self] = []
}
