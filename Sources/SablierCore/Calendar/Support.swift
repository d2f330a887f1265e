/// A storage medium code (support), as BAnQ and GALA write it: `PA`, `DM`, `FI`, `MI`, …
///
/// The full list of BAnQ codes is not published; Sablier keeps any code it is given, upper-cased,
/// and knows the labels of the common ones.
public struct Support: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let code: String

    public init(code: some StringProtocol) {
        self.code = code.trimmingSpaces().uppercased()
    }

    public static let papier = Support(code: "PA")
    public static let numerique = Support(code: "DM")
    public static let film = Support(code: "FI")
    public static let microfilm = Support(code: "MI")

    /// The French label for a known code, or nil.
    public var label: String? {
        switch code {
        case "PA": return "papier"
        case "DM": return "numérique (disque magnétique)"
        case "FI": return "film"
        case "MI": return "microfilm"
        case "AV": return "audiovisuel"
        case "PH": return "photographie"
        default: return nil
        }
    }

    public var description: String { code }

    public static func < (lhs: Support, rhs: Support) -> Bool { lhs.code < rhs.code }

    /// Splits a supports cell such as `PA, DM` or `dm, pa`; order is kept, duplicates dropped.
    public static func list(from cell: some StringProtocol) -> [Support] {
        var result: [Support] = []
        for part in cell.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "/" || $0.isNewline }) {
            let text = part.trimmingSpaces()
            guard !text.isEmpty, text != "-", text != "--" else { continue }
            let support = Support(code: text)
            if !result.contains(support) { result.append(support) }
        }
        return result
    }
}
