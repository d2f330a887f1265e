/// What happens to a copy once inactive (mode de disposition, GALA `ID_REF_DISPOSITION`).
public enum Disposition: String, Sendable, Hashable, Codable, CaseIterable {
    /// C: conservation permanente, by transfer (versement) to the archives.
    case conservation = "C"
    /// D: destruction.
    case destruction = "D"
    /// T: tri, keep part and destroy the rest as the rule's remark says.
    case tri = "T"

    /// Reads a disposition code; case and surrounding spaces are ignored. `-` and blank give nil.
    public init?(code: some StringProtocol) {
        self.init(trimmed: code.trimmingSpaces())
    }

    /// Reads a disposition code (the same, for a String, without generic dispatch).
    public init?(code: String) {
        self.init(trimmed: code.trimmingSpaces())
    }

    private init?(trimmed: String) {
        switch SingleASCII.lowercased(trimmed) {
        case UInt8(ascii: "c")?: self = .conservation; return
        case UInt8(ascii: "d")?: self = .destruction; return
        case UInt8(ascii: "t")?: self = .tri; return
        default: break
        }
        let text = trimmed.uppercased()
        guard let value = Disposition(rawValue: text) else { return nil }
        self = value
    }

    /// The French name used in listings.
    public var label: String {
        switch self {
        case .conservation: return "conservation permanente"
        case .destruction: return "destruction"
        case .tri: return "tri"
        }
    }
}
