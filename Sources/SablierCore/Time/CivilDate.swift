/// A calendar date without time or time zone (année-mois-jour).
///
/// Retention is counted in whole years from dates written on documents and in calendars; a
/// civil date keeps those computations free of time zones and of the clock.
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or nil when the day does not exist (2025-02-29, 2025-13-01).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses ISO 8601 `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        // Registers hold millions of dates: read the ten bytes in place when they are contiguous.
        if let parsed = text.utf8.withContiguousStorageIfAvailable({ CivilDate.parse($0) }) {
            guard let parsed else { return nil }
            self = parsed
            return
        }
        guard let parsed = CivilDate.parse(Array(text.utf8)) else { return nil }
        self = parsed
    }

    /// Parses ISO 8601 `YYYY-MM-DD` (a String, without generic dispatch).
    public init?(iso text: String) {
        var text = text
        guard let parsed = text.withUTF8({ CivilDate.parse($0) }) else { return nil }
        self = parsed
    }

    /// Parses ISO 8601 `YYYY-MM-DD` from its UTF-8 bytes, such as a column a database returns.
    public init?(isoUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let parsed = CivilDate.parse(bytes) else { return nil }
        self = parsed
    }

    /// `YYYY-MM-DD` from exactly ten ASCII bytes, or nil.
    static func parse(_ bytes: some RandomAccessCollection<UInt8>) -> CivilDate? {
        guard bytes.count == 10 else { return nil }
        var values = (0, 0, 0)
        for (offset, byte) in bytes.enumerated() {
            switch offset {
            case 4, 7:
                guard byte == UInt8(ascii: "-") else { return nil }
            default:
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                if offset < 4 { values.0 = values.0 * 10 + digit } else if offset < 7 { values.1 = values.1 * 10 + digit } else { values.2 = values.2 * 10 + digit }
            }
        }
        return CivilDate(year: values.0, month: values.1, day: values.2)
    }

    public var description: String {
        // Ten ASCII bytes written in place: a small string, with no allocation (registers
        // store up to five dates per document).
        let (year, month, day) = (self.year, self.month, self.day)
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func digit(_ value: Int) -> UInt8 { UInt8(truncatingIfNeeded: value % 10) &+ UInt8(ascii: "0") }
            buffer[0] = digit(year / 1000); buffer[1] = digit(year / 100); buffer[2] = digit(year / 10); buffer[3] = digit(year)
            buffer[4] = UInt8(ascii: "-")
            buffer[5] = digit(month / 10); buffer[6] = digit(month)
            buffer[7] = UInt8(ascii: "-")
            buffer[8] = digit(day / 10); buffer[9] = digit(day)
            return 10
        }
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A day of the year without a year, such as the organisation's year end (fin d'année, `06-30`).
public struct MonthDay: Sendable, Hashable, Codable, CustomStringConvertible {
    public let month: Int
    public let day: Int

    /// June 30: the end of the school and fiscal year of a centre de services scolaire.
    public static let schoolYearEnd = MonthDay(uncheckedMonth: 6, day: 30)

    /// Creates a month-day, or nil when no year has it (02-29 is accepted: leap years have it).
    public init?(month: Int, day: Int) {
        guard (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: 2000)).contains(day) else { return nil }
        self.month = month
        self.day = day
    }

    private init(uncheckedMonth month: Int, day: Int) {
        self.month = month
        self.day = day
    }

    /// Parses `MM-DD` (also accepts `--MM-DD`, XSD's gMonthDay).
    public init?(text: some StringProtocol) {
        var body = Substring(text)
        if body.hasPrefix("--") { body = body.dropFirst(2) }
        let parts = body.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let m = Int(parts[0]), let d = Int(parts[1]) else { return nil }
        self.init(month: m, day: d)
    }

    public var description: String { "\(CivilDate.pad(month, 2))-\(CivilDate.pad(day, 2))" }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = MonthDay(text: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a MM-DD day: \(text)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
