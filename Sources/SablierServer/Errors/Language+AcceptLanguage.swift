import Foundation
public import SablierApplication

extension Language {
    /// The language of an `Accept-Language` header: the first of `fr` and `en` it names, by
    /// weight; French when it names neither, as Sablier's public is Québécois.
    public init(acceptLanguage header: String?) {
        guard let header, !header.isEmpty else { self = .fr; return }
        var best: (Language, Double)?
        for part in header.split(separator: ",") {
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = fields.first?.lowercased() else { continue }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            guard let language = Language(rawValue: primary) else { continue }
            var weight = 1.0
            for parameter in fields.dropFirst() where parameter.hasPrefix("q=") {
                weight = Double(parameter.dropFirst(2)) ?? 0
            }
            if weight > 0, weight > (best?.1 ?? -1) { best = (language, weight) }
        }
        self = best?.0 ?? .fr
    }
}
