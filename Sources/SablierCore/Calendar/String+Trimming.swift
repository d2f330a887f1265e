extension StringProtocol {
    /// The text without leading and trailing white space, no-break spaces included.
    ///
    /// Spreadsheets and GALA files put ordinary, no-break (U+00A0) and narrow no-break (U+202F)
    /// spaces around values; none of them is part of a value.
    public func trimmingSpaces() -> String {
        let fast: String?? = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard let bounds = SpaceTrimming.asciiBounds(bytes) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[bounds]), as: UTF8.self)
        }
        if case let trimmed?? = fast { return trimmed }
        return SpaceTrimming.byCharacters(self)
    }
}

extension String {
    /// The text without leading and trailing white space, no-break spaces included (see
    /// `StringProtocol.trimmingSpaces()`, which this is, without a copy when nothing is trimmed).
    public func trimmingSpaces() -> String {
        let fast: String?? = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard let bounds = SpaceTrimming.asciiBounds(bytes) else { return nil }
            if bounds.count == bytes.count { return self }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[bounds]), as: UTF8.self)
        }
        if case let trimmed?? = fast { return trimmed }
        return SpaceTrimming.byCharacters(self)
    }
}

extension Substring {
    /// The text without leading and trailing white space, no-break spaces included (see
    /// `StringProtocol.trimmingSpaces()`, which this is, without generic dispatch).
    public func trimmingSpaces() -> String {
        let fast: String?? = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard let bounds = SpaceTrimming.asciiBounds(bytes) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[bounds]), as: UTF8.self)
        }
        if case let trimmed?? = fast { return trimmed }
        return SpaceTrimming.byCharacters(self)
    }
}

extension Optional where Wrapped == String {
    /// Nil for nil, empty or blank text; the trimmed text otherwise.
    public var nonBlank: String? {
        guard let text = self?.trimmingSpaces(), !text.isEmpty else { return nil }
        return text
    }
}

/// How `trimmingSpaces()` finds the value inside its spaces.
enum SpaceTrimming {
    /// The reference: by Characters, white space (`Character.isWhitespace`, which looks at a
    /// Character's first scalar), U+00A0 or U+202F.
    static func byCharacters(_ text: some StringProtocol) -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        guard let start = text.firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = text.lastIndex(where: { !isSpace($0) })!
        return String(text[start...end])
    }

    /// ASCII white space as `Character.isWhitespace` sees it: tab, LF, VT, FF, CR and space.
    @inline(__always)
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// The byte range `byCharacters` keeps, found on the UTF-8 bytes; nil when that cannot be
    /// told from bytes alone.
    ///
    /// The ASCII white space on each side is skipped; when the bytes where the skipping stops
    /// are ASCII too, the result is exactly `byCharacters`'s: between two ASCII scalars there is
    /// always a Character boundary (CR LF aside, and both are white space), an ASCII Character
    /// other than white space is neither space nor U+00A0 nor U+202F, and ASCII is never a
    /// prepended or extending scalar. Otherwise (a non-ASCII byte where a side stops, which may
    /// be a no-break space or a combining mark joined to a space) nil sends the caller to
    /// `byCharacters`.
    /// `String(decoding: bytes, as: UTF8.self).trimmingSpaces()`, building one String only.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if let bounds = asciiBounds(bytes) {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[bounds]), as: UTF8.self)
        }
        return byCharacters(String(decoding: bytes, as: UTF8.self))
    }

    @inline(__always)
    static func asciiBounds(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var start = 0
        var end = bytes.count
        while start < end, isASCIISpace(bytes[start]) { start += 1 }
        if start == end { return start..<start }
        guard bytes[start] < 0x80 else { return nil }
        while isASCIISpace(bytes[end - 1]) { end -= 1 }
        guard bytes[end - 1] < 0x80 else { return nil }
        return start..<end
    }
}

/// Codes of one ASCII character (`P`, `S`, `C`, `D`, `T`, `A`, `M`, `O`, `N`), told apart without
/// case-mapping a String.
enum SingleASCII {
    /// The text's one character, lowercased as `String.lowercased()` would (A–Z to a–z), when the
    /// text is exactly one ASCII byte; nil otherwise.
    static func lowercased(_ text: String) -> UInt8? {
        guard text.utf8.count == 1, let byte = text.utf8.first, byte < 0x80 else { return nil }
        return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
