import SablierCore

extension MessageCatalogue {
    static let notices: [Refusal.Code: Entry] = [:]
}
