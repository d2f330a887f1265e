/// Corrections and reclassification of registered documents.
extension Refusal.Code {
    static let corrections: [Self] = []
}
