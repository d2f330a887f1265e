import Foundation

extension String {
    /// The order a French reader expects a report's units in: accents and case aside, so that
    /// « École primaire » comes before « Ressources humaines » and not after every plain letter,
    /// as the bytes' order would put it. Ties keep the bytes' order, so the order is total.
    static func reportOrder(_ a: String, _ b: String) -> Bool {
        let foldedA = a.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let foldedB = b.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return foldedA == foldedB ? a < b : foldedA < foldedB
    }
}
