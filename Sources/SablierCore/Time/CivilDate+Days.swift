/// Counting in days between civil dates: how late a loan is, how long an account stayed idle,
/// how far a notice looks ahead. One count for the whole of Sablier, so that "N days" means the
/// same in a loan, a report and a notice.
extension CivilDate {
    /// The next day: the first of the next month (or year) after a month's last day.
    public var dayAfter: CivilDate { adding(days: 1) }

    /// The number of days from `earlier` to this day (negative when `earlier` is later), by the
    /// days each year and month has.
    public func days(since earlier: CivilDate) -> Int {
        dayNumber - earlier.dayNumber
    }

    /// The day `count` days after this one (before it when negative).
    ///
    /// Clamped to the years a civil date may hold (1...9999): a count that would leave them
    /// gives the first or last day Sablier can write.
    public func adding(days count: Int) -> CivilDate {
        let number = dayNumber + count
        // Civil from days (H. Hinnant), on the count of `dayNumber`.
        let era = (number >= 0 ? number : number - 146_096) / 146_097
        let dayOfEra = number - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        if year < 1 { return CivilDate(year: 1, month: 1, day: 1)! }
        if year > 9999 { return CivilDate(year: 9999, month: 12, day: 31)! }
        return CivilDate(year: year, month: month, day: day)!
    }

    /// Days since 0000-03-01 in the proleptic Gregorian calendar (days from civil, without
    /// Foundation, so the core stays free of the clock and the time zone).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra
    }
}
