import SablierCore
import Testing

/// A bulk registration counts each distinct case once (`RetentionCounter`): it must give every
/// document exactly the status the context gives it alone.
@Suite("Retention counter: the context's status, each distinct case counted once")
struct RetentionCounterTests {
    let june30 = MonthDay.schoolYearEnd

    /// Rules counted from the closing date, the opening date and a named event; fixed years,
    /// 888 (confirmed, named in the calendar, or neither), 999, T.
    var rules: [Rule] {
        var opening = RealRules.r201_02
        opening.number = "OUV"
        opening.countStart = .openingDate
        var onEvent = RealRules.r103_06
        onEvent.number = "EVT"
        onEvent.countStart = .event("départ de l'élève")
        var named = RealRules.r107_13
        named.number = "NOM"
        named.principal.activeEvent = "fin du mandat"
        return [RealRules.r201_02, RealRules.r302_02, RealRules.r107_13, RealRules.r101_01, RealRules.r01110, opening, onEvent, named]
    }

    var context: RetentionContext {
        RetentionContext(
            calendarVersion: 7, yearEnd: june30, rules: Dictionary(uniqueKeysWithValues: rules.map { ($0.number, $0) }),
            confirmations: ["302.02": [.principal: [.active: OpenPeriodEvent(event: "fin de l'emploi", offsetYears: 2)]]])
    }

    /// Documents of every rule and copy, with and without dates, with events of every kind that
    /// moves a count, in a fixed pseudo-random mix.
    func documents(_ count: Int) -> [(Document, [LifecycleEvent], Bool)] {
        var seed: UInt64 = 0x5AB1_1E2
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        func date() -> CivilDate { CivilDate(year: 2015 + next(12), month: 1 + next(12), day: 1 + next(28))! }
        let numbers = rules.map(\.number) + ["ABSENT"]
        let names = ["fin de l'emploi", "Fin d’emploi", "départ de l'élève", "fin du mandat", "autre chose"]
        var result: [(Document, [LifecycleEvent], Bool)] = []
        for index in 0..<count {
            let document = Document(
                reference: "D-\(index)", title: "Dossier \(index)", rule: numbers[next(numbers.count)],
                copy: next(4) == 0 ? .secondaire : .principal, holder: "RH", support: .papier,
                openedOn: next(5) == 0 ? nil : date(), closedOn: next(3) == 0 ? nil : date())
            var events: [LifecycleEvent] = []
            for _ in 0..<(next(3) == 0 ? next(4) : 0) {
                switch next(8) {
                case 0, 1, 2: events.append(LifecycleEvent(kind: .eventOccurred, on: date(), by: "x", name: names[next(names.count)]))
                case 3: events.append(LifecycleEvent(kind: .replaced, on: date(), by: "x"))
                case 4: events.append(LifecycleEvent(kind: .transferred, on: date(), by: "x"))
                case 5: events.append(LifecycleEvent(kind: .closed, on: date(), by: "x"))
                case 6: events.append(LifecycleEvent(kind: .holdPlaced, on: date(), by: "x"))
                default: events.append(LifecycleEvent(kind: [.deposited, .destroyed, .holdReleased][next(3)], on: date(), by: "x"))
                }
            }
            result.append((document, events, next(10) == 0))
        }
        return result
    }

    @Test("every document gets the status the context counts for it alone, in whatever order they come")
    func sameAsTheContext() {
        let context = self.context
        let documents = documents(5_000)
        var counter = RetentionCounter(context)
        for (document, events, held) in documents {
            #expect(counter.status(of: document, events: events, held: held) == context.status(of: document, events: events, held: held))
        }
        var reversed = RetentionCounter(context)
        for (document, events, held) in documents.reversed() {
            #expect(reversed.status(of: document, events: events, held: held) == context.status(of: document, events: events, held: held))
        }
    }

    @Test("a document without events counts the same from its rule, copy and dates alone")
    func fromFields() {
        let context = self.context
        var counter = RetentionCounter(context)
        for (document, _, _) in documents(3_000) {
            let status = counter.status(rule: document.rule, copy: document.copy, openedOn: document.openedOn, closedOn: document.closedOn)
            #expect(status == context.status(of: document, events: [], held: false))
        }
    }

    @Test("rules added later count as if they had been there from the start")
    func rulesAddedLater() {
        let context = self.context
        var counter = RetentionCounter(RetentionContext(
            calendarVersion: 7, yearEnd: june30, rules: [:],
            confirmations: ["302.02": [.principal: [.active: OpenPeriodEvent(event: "fin de l'emploi", offsetYears: 2)]]]))
        for (document, events, held) in documents(2_000) {
            if !counter.hasRule(document.rule), let rule = rules.first(where: { $0.number == document.rule }) {
                counter.add(rules: [rule])
            }
            #expect(counter.status(of: document, events: events, held: held) == context.status(of: document, events: events, held: held))
        }
    }
}
