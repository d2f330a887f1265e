extension CivilDate {
    /// The same day `years` later; February 29 becomes February 28 in a common year.
    public func adding(years: Int) -> CivilDate {
        let target = year + years
        let lastDay = CivilDate.daysIn(month: month, year: target)
        return CivilDate(year: target, month: month, day: min(day, lastDay)) ?? self
    }
}

extension MonthDay {
    /// The first year end on or after `date` (fin d'année): with June 30, 2024-06-30 for
    /// 2024-06-30 itself and 2025-06-30 for 2024-07-01. A year end of February 29 falls on
    /// February 28 in common years.
    public func yearEnd(onOrAfter date: CivilDate) -> CivilDate {
        let sameYear = occurrence(in: date.year)
        return sameYear >= date ? sameYear : occurrence(in: date.year + 1)
    }

    /// This month-day in `year`.
    public func occurrence(in year: Int) -> CivilDate {
        let lastDay = CivilDate.daysIn(month: month, year: year)
        return CivilDate(year: year, month: month, day: min(day, lastDay))!
    }
}
