/// The year a yearly report covers, named as the organisation names it (`2025-2026`): from the
/// day after the calendar's year end in the first year to the year end in the second.
///
/// With the school year end (06-30), `2025-2026` runs from 2025-07-01 to 2026-06-30; with a
/// year end of 12-31, from 2026-01-01 to 2026-12-31 (the year that ends in the second year).
/// The bounds come from the calendar in force, so that the report's year is the one the
/// retention periods count in.
public struct ReportYear: Sendable, Hashable, Codable {
    /// `YYYY-YYYY`, as given.
    public var label: String
    /// The first day of the year, inclusive.
    public var first: CivilDate
    /// The last day of the year (the year end), inclusive.
    public var last: CivilDate

    /// The year `label` names under `yearEnd`; refused (`report.bad-year`) unless the label is
    /// two four-digit years, the second the year after the first.
    public init(_ label: String, yearEnd: MonthDay) throws(Refusal) {
        let text = label.trimmingSpaces()
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 4 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let start = Int(parts[0]), let end = Int(parts[1]), end == start + 1, start > 0 else {
            throw Refusal(.reportBadYear, ["year": label])
        }
        self.label = text
        first = yearEnd.occurrence(in: start).dayAfter
        last = yearEnd.occurrence(in: end)
    }

    /// Whether `day` falls in the year.
    public func contains(_ day: CivilDate) -> Bool { first <= day && day <= last }
}
