import SablierCore

extension MessageCatalogue {
    static let relinks: [Refusal.Code: Entry] = [:]
}
