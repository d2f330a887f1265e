import SablierCore

extension MessageCatalogue {
    static let corrections: [Refusal.Code: Entry] = [:]
}
