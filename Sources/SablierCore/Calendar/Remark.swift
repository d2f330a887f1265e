/// A numbered remark of a rule (remarque `R1`…`Rn`), which periods, supports and dispositions
/// point to by identifier.
public struct Remark: Sendable, Hashable, Codable {
    /// `R1`, `R2`, …
    public var id: RemarkID
    public var text: String

    public init(id: RemarkID, text: String) {
        self.id = id
        self.text = text
    }
}

/// The identifier of a remark, `R` followed by a positive number.
public struct RemarkID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let number: Int

    public init(number: Int) {
        self.number = number
    }

    /// Parses `R1`, `r2`, ` R3 `; nil otherwise.
    public init?(text: some StringProtocol) {
        self.init(trimmed: text.trimmingSpaces())
    }

    /// Parses `R1`, `r2`, ` R3 `; nil otherwise (the same, for a String, without generic dispatch).
    public init?(text: String) {
        self.init(trimmed: text.trimmingSpaces())
    }

    private init?(trimmed: String) {
        // `R` or `r` then ASCII digits only: what the reading below gives, without parsing a Substring.
        let digits: Int?? = trimmed.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard bytes.count >= 2, bytes.count <= 19, bytes[0] == UInt8(ascii: "R") || bytes[0] == UInt8(ascii: "r") else { return nil }
            var value = 0
            for byte in bytes.dropFirst() {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        if case let value?? = digits {
            guard value > 0 else { return nil }
            self.number = value
            return
        }
        guard let first = trimmed.first, first == "R" || first == "r",
              let n = Int(trimmed.dropFirst()), n > 0 else { return nil }
        self.number = n
    }

    public var description: String { "R\(number)" }

    public static func < (lhs: RemarkID, rhs: RemarkID) -> Bool { lhs.number < rhs.number }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = RemarkID(text: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a remark id: \(text)"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
