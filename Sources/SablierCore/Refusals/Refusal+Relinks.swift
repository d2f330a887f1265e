/// Moved files found again (relink) and events recorded for a whole cohort.
extension Refusal.Code {
    static let relinks: [Self] = []
}
