import SablierCore

extension MessageCatalogue {
    static let loans: [Refusal.Code: Entry] = [:]
}
