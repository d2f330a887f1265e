import SablierCore
import Testing

@Suite("Applying a calendar file")
struct CalendarDeltaTests {
    func base() -> RetentionCalendar {
        var other = rule201_02()
        other.number = "204.01"
        other.title = "Budget"
        return RetentionCalendar(organisation: "Ville de Valcourt", yearEnd: MonthDay(month: 12, day: 31)!, rules: [rule201_02(), other])
    }

    @Test("GALA A adds, M modifies, S retires; settings carry over")
    func galaDelta() {
        var modified = rule201_02()
        modified.principal.semiActive = .years(7)
        var added = rule201_02()
        added.number = "999.01"
        var retired = rule201_02()
        retired.number = "204.01"
        let s = submission([modified, added, retired], transactions: [.modify, .add, .retire], delta: true)
        let (calendar, summary, found) = CalendarDelta.apply(s, to: base())
        #expect(found.isEmpty)
        #expect(calendar.rules.map(\.number) == ["201.02", "999.01"])
        #expect(calendar.rule("201.02")?.principal.semiActive == .years(7))
        #expect(summary.added == ["999.01"])
        #expect(summary.modified == ["201.02"])
        #expect(summary.retired == ["204.01"])
        #expect(calendar.yearEnd == MonthDay(month: 12, day: 31))
        #expect(calendar.organisation == "Ville de Valcourt")
    }

    @Test("transactions that do not fit the calendar in force are applied with warnings")
    func mismatches() {
        var unknown = rule201_02()
        unknown.number = "300.00"
        let s = submission([rule201_02(), unknown, unknown], transactions: [.add, .modify, .retire], delta: true)
        let (calendar, summary, found) = CalendarDelta.apply(s, to: base())
        #expect(found.count == 1 + 1)
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(summary.unchanged == ["201.02"])
        #expect(summary.retired == ["300.00"])
        #expect(calendar.rules.map(\.number) == ["201.02", "204.01"])
    }

    @Test("a whole calendar replaces the previous one; rules not in it are retired")
    func wholeCalendar() {
        let s = submission([rule201_02()])
        let (calendar, summary, _) = CalendarDelta.apply(s, to: base())
        #expect(calendar.rules.map(\.number) == ["201.02"])
        #expect(summary.unchanged == ["201.02"])
        #expect(summary.retired == ["204.01"])
        #expect(calendar.yearEnd == .schoolYearEnd)
    }

    @Test("the diff lists added, changed field by field, and retired rules")
    func diff() {
        let old = base()
        var new = old
        new.rules[0].principal.semiActive = .years(7)
        new.rules[0].title = "États financiers"
        new.rules.remove(at: 1)
        var added = rule201_02()
        added.number = "999.01"
        new.rules.append(added)
        new.yearEnd = .schoolYearEnd
        let diff = CalendarDiff(from: old, to: new)
        #expect(diff.added.map(\.number) == ["999.01"])
        #expect(diff.retired.map(\.number) == ["204.01"])
        #expect(diff.changed.count == 1)
        #expect(diff.changed[0].changes.map(\.key) == ["title", "principal.semiActive"])
        #expect(diff.changed[0].changes[1].old == "5 ans")
        #expect(diff.changed[0].changes[1].new == "7 ans")
        #expect(diff.settings.map(\.key) == ["yearEnd"])
        #expect(CalendarDiff(from: old, to: old).isEmpty)
    }
}
