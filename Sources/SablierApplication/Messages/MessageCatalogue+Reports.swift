import SablierCore

extension MessageCatalogue {
    static let reports: [Refusal.Code: Entry] = [:]
}
