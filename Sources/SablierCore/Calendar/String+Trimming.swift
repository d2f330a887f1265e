extension StringProtocol {
    /// The text without leading and trailing white space, no-break spaces included.
    ///
    /// Spreadsheets and GALA files put ordinary, no-break (U+00A0) and narrow no-break (U+202F)
    /// spaces around values; none of them is part of a value.
    public func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}

extension Optional where Wrapped == String {
    /// Nil for nil, empty or blank text; the trimmed text otherwise.
    public var nonBlank: String? {
        guard let text = self?.trimmingSpaces(), !text.isEmpty else { return nil }
        return text
    }
}
