import SablierCore
import Testing

/// What the register stores of a count: the next date something falls due, per phase.
@Suite("Retention status: the due date the register indexes")
struct RetentionStatusTests {
    let june30 = MonthDay.schoolYearEnd
    func d(_ text: String) -> CivilDate { CivilDate(iso: text)! }
    func event(_ kind: LifecycleEventKind, _ date: String, detail: String? = nil) -> LifecycleEvent {
        LifecycleEvent(kind: kind, on: d(date), by: "gestion.doc", detail: detail)
    }

    @Test("an active document is next due at its transfer; once transferred, at its final disposition; inactive, never")
    func dueOnFollowsThePhase() {
        // Valcourt 201.02 (1 / 5 / C), closed 2019-03-15: count from 2019-06-30, transfer 2020-06-30, deposit 2025-06-30.
        let schedule = RetentionEngine.schedule(rule: RealRules.r201_02, facts: RetentionFacts(copy: .principal, closedOn: d("2019-03-15")), yearEnd: june30)
        let active = RetentionStatus(calendarVersion: 3, schedule: schedule, phase: .actif)
        #expect(active.transferOn == d("2020-06-30") && active.finalOn == d("2025-06-30") && active.finalAction == .deposit)
        #expect(active.dueOn == d("2020-06-30"))
        #expect(active.action(dueOn: d("2020-06-29"), phase: .actif) == nil)
        #expect(active.action(dueOn: d("2020-06-30"), phase: .actif)! == (DueAction.transfer, d("2020-06-30")))
        // Never transferred, the final disposition wins once its date has come.
        #expect(active.action(dueOn: d("2026-01-01"), phase: .actif)! == (DueAction.deposit, d("2025-06-30")))
        let transferred = RetentionStatus(calendarVersion: 3, schedule: schedule, phase: .semiActif)
        #expect(transferred.dueOn == d("2025-06-30"))
        #expect(transferred.action(dueOn: d("2024-01-01"), phase: .semiActif) == nil)
        let deposited = RetentionStatus(calendarVersion: 3, schedule: schedule, phase: .inactifVerse)
        #expect(deposited.dueOn == nil)
        #expect(deposited.action(dueOn: d("2030-01-01"), phase: .inactifVerse) == nil)
    }

    @Test("a count that waits has no due date, and says what it waits for in a code that reads back")
    func waiting() {
        let schedule = RetentionEngine.schedule(rule: RealRules.r302_02, facts: RetentionFacts(copy: .principal, closedOn: d("2023-01-01")), yearEnd: june30)
        let status = RetentionStatus(calendarVersion: 1, schedule: schedule, phase: .actif)
        #expect(status.dueOn == nil)
        #expect(status.waiting == .unconfirmedEvent(.active))
        for wait in [RetentionWait.closing, .opening, .event("fin de l'emploi"), .unconfirmedEvent(.semiActive), .replacement, .noSuchCopy, .ruleNotInCalendar] {
            #expect(RetentionWait(code: wait.code) == wait)
        }
        #expect(RetentionWait(code: "unconfirmed:disposition") == .unconfirmedEvent(.disposition))
        #expect(RetentionWait(code: "something") == nil)
    }

    @Test("a document replaced by a newer version is closed by the replacement (999 with a closing-date count)")
    func replacementCloses() {
        // HB 101.01, Document constitutif: 999 / 0 / C; never closed, replaced 2024-09-01.
        let document = Document(reference: "POL-1", title: "Politique", rule: "101.01", copy: .principal, holder: "SG", support: .numerique)
        let facts = RetentionFacts(document: document, events: [event(.replaced, "2024-09-01", detail: "POL-2")])
        #expect(facts.closedOn == d("2024-09-01"))
        let schedule = RetentionEngine.schedule(rule: RealRules.r101_01, facts: facts, yearEnd: june30)
        #expect(schedule.finalOn == d("2025-06-30"))
        #expect(schedule.finalAction == .deposit)
    }

    @Test("an event the native calendar names ends the 888 period with the years its remark adds")
    func namedEventTakesTheRemarkOffset() {
        var rule = RealRules.r302_02
        rule.principal.activeEvent = "fin de l'emploi"
        let facts = RetentionFacts(copy: .principal, closedOn: d("2019-08-15"), events: ["fin de l'emploi": d("2019-08-15")])
        let schedule = RetentionEngine.schedule(rule: rule, facts: facts, yearEnd: june30)
        // "Durée de l'emploi + 2 ans.": 2020-06-30 + 2; semi-active 0, deposit then.
        #expect(schedule.finalOn == d("2022-06-30"))
        #expect(schedule.waiting == nil)
        // Explanations are optional: the dates are the same without them.
        let quiet = RetentionEngine.schedule(rule: rule, facts: facts, yearEnd: june30, explaining: false)
        #expect(quiet.explanation.isEmpty && quiet.finalOn == schedule.finalOn && quiet.transferOn == schedule.transferOn)
    }

    @Test("the context counts under the calendar in force; a rule it lacks leaves the document waiting")
    func context() {
        let context = RetentionContext(calendarVersion: 4, yearEnd: june30, rules: ["201.02": RealRules.r201_02])
        let document = Document(reference: "EF-2019", title: "États financiers", rule: "201.02", copy: .secondaire, holder: "RF", support: .papier,
                                closedOn: d("2019-03-15"))
        // Secondary copy 2 / 0 / D: 2019-06-30 + 2.
        let status = context.status(of: document, events: [], held: false)
        #expect(status.finalOn == d("2021-06-30") && status.finalAction == .destroy && status.calendarVersion == 4)
        var retired = document
        retired.rule = "999.99"
        #expect(context.status(of: retired, events: [], held: false) == .ruleNotInCalendar(version: 4))
    }
}
