public import Foundation
public import SablierCore

extension CivilDate {
    /// The civil day on which `instant` falls in the machine's time zone: what "today" is for
    /// an action taken at `instant` (an event's date, a due list's default date). The engine
    /// never reads the clock; the edges turn their instant into a day with this.
    public init(dayOf instant: Date) {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: instant)
        // Foundation's Gregorian calendar always gives a valid year, month and day.
        self = CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? CivilDate(year: 1970, month: 1, day: 1)!
    }
}
