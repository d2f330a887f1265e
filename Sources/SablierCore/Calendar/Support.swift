/// A storage medium code (support), as BAnQ and GALA write it: `PA`, `DM`, `FI`, `MI`, …
///
/// The full list of BAnQ codes is not published; Sablier keeps any code it is given, upper-cased,
/// and knows the labels of the common ones.
public struct Support: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let code: String

    public init(code: some StringProtocol) {
        self.code = code.trimmingSpaces().uppercased()
    }

    /// The code, trimmed and upper-cased (the same, for a String, without generic dispatch).
    public init(code: String) {
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
        let fast: [Support]?? = cell.utf8.withContiguousStorageIfAvailable { listOfASCIISeparated($0) }
        if case let list?? = fast { return list }
        return listByCharacters(cell)
    }

    /// Splits a supports cell (the same, for a String, without generic dispatch).
    public static func list(from cell: String) -> [Support] {
        let fast: [Support]?? = cell.utf8.withContiguousStorageIfAvailable { listOfASCIISeparated($0) }
        if case let list?? = fast { return list }
        return listByCharacters(cell)
    }

    /// The reference: split on Characters that are `,`, `;`, `/` or a newline.
    static func listByCharacters(_ cell: some StringProtocol) -> [Support] {
        var result: [Support] = []
        for part in cell.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "/" || $0.isNewline }) {
            add(part.trimmingSpaces(), to: &result)
        }
        return result
    }

    private static func add(_ text: String, to result: inout [Support]) {
        guard !text.isEmpty, text != "-", text != "--" else { return }
        let support = Support(code: text)
        if !result.contains(support) { result.append(support) }
    }

    /// `listByCharacters` on UTF-8 bytes, when every separator byte stands between ASCII bytes
    /// (then it is a Character of its own, and the parts are cut where the Characters are);
    /// nil otherwise. CR LF is one newline Character, two separator bytes here: the empty part
    /// between them is skipped either way.
    private static let separators = ListCell.ASCIISet(bytes: Array(",;/\n\u{0B}\u{0C}\r".utf8))

    private static func listOfASCIISeparated(_ bytes: UnsafeBufferPointer<UInt8>) -> [Support]? {
        var result: [Support] = []
        var partStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard separators.contains(byte) else {
                if byte >= 0x80, ListCell.isSeparatorLike(at: index, in: bytes, separators: separators, newlines: true) { return nil }
                continue
            }
            guard ListCell.isAlone(at: index, in: bytes) else { return nil }
            if index > partStart {
                add(SpaceTrimming.trimmed(UnsafeBufferPointer(rebasing: bytes[partStart..<index])), to: &result)
            }
            partStart = index + 1
        }
        if bytes.count > partStart {
            add(SpaceTrimming.trimmed(UnsafeBufferPointer(rebasing: bytes[partStart...])), to: &result)
        }
        return result
    }
}
