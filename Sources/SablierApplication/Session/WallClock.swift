public import Foundation
public import SablierCore
import SablierStore

/// Where "now" comes from: passed to every use case, so that no rule reads the time itself and
/// a test can fix the day.
public struct WallClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    /// The machine's time: what the command line and the server use.
    public static let system = WallClock { Date() }

    /// Always the same instant: what tests use.
    public static func fixed(_ instant: Date) -> WallClock {
        WallClock { instant }
    }

    /// Noon of a civil day, in the local time zone.
    public static func fixed(_ day: CivilDate) -> WallClock {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let instant = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))!
        return fixed(instant)
    }

    public var now: Date { read() }

    /// Today's civil date where Sablier runs.
    public var today: CivilDate { CivilDate(dayOf: read()) }
}
