import SablierApplication

/// One text of the pages, in both languages.
struct Label: Sendable {
    let fr: String
    let en: String

    init(_ fr: String, _ en: String) {
        self.fr = fr
        self.en = en
    }

    func text(_ language: Language) -> String { language == .fr ? fr : en }
}

/// Every text the pages show that is not a value: headings, labels, buttons, help, notices.
///
/// One catalogue, in French first with its English, as `MessageCatalogue` is for refusals
/// (whose sentences the pages show as they are). Each page family declares its own texts in
/// `Labels+Family.swift`; templates name them as `{{t.key}}`, and a test holds every
/// `{{t.…}}` of every template to this catalogue, since Mustache renders a missing key as
/// nothing at all. Keys use `_`, never `.`, which Mustache reads as a path.
enum Labels {
    /// The families, each a dictionary of its own keys; a key declared twice is a defect the
    /// tests find (`duplicates`).
    static let families: [[String: Label]] = [common, dashboard, calendar, register, due, disposition, privacy, accountability]

    static let all: [String: Label] = families.reduce(into: [:]) { all, family in
        all.merge(family) { first, _ in first }
    }

    /// Keys declared in more than one family.
    static var duplicates: [String] {
        var seen: Set<String> = [], twice: [String] = []
        for family in families { for key in family.keys where !seen.insert(key).inserted { twice.append(key) } }
        return twice.sorted()
    }

    /// The texts in `language`, as the templates' `t`.
    static func table(_ language: Language) -> [String: String] {
        language == .fr ? french : english
    }

    static func text(_ key: String, _ language: Language) -> String {
        all[key]?.text(language) ?? key
    }

    private static let french = all.mapValues(\.fr)
    private static let english = all.mapValues(\.en)
}
