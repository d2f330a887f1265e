import SablierCore
import Testing

/// `LifecycleEvent.checkRecordable`: the rule each path that records a person's event goes
/// through, held here on its own, with days written by hand.
@Suite("The rule for recording an event")
struct EventRecordingRuleCoreTests {
    let today = CivilDate(iso: "2026-11-29")!
    let ended = LifecycleEvent(kind: .eventOccurred, on: CivilDate(iso: "2019-08-15")!, by: "rh", name: "fin de l'emploi")

    func check(_ event: LifecycleEvent, phase: Phase = .actif, opened: String? = "2004-08-23",
               recorded: [LifecycleEvent] = []) -> Refusal? {
        do throws(Refusal) {
            try event.checkRecordable(on: "RH-1", phase: phase, openedOn: opened.flatMap(CivilDate.init(iso:)), recorded: recorded, today: today)
            return nil
        } catch {
            return error
        }
    }

    @Test("an event-occurred the document has is refused naming the day recorded, whatever the case or apostrophe of its name")
    func alreadyOccurred() {
        let again = LifecycleEvent(kind: .eventOccurred, on: CivilDate(iso: "2025-06-30")!, by: "gd", name: "Fin de l’emploi")
        #expect(check(again, recorded: [ended]) == Refusal(.eventAlreadyOccurred, ["reference": "RH-1", "name": "fin de l'emploi", "on": "2019-08-15"]))
        let other = LifecycleEvent(kind: .eventOccurred, on: CivilDate(iso: "2025-06-30")!, by: "gd", name: "départ à la retraite")
        #expect(check(other, recorded: [ended]) == nil)
    }

    @Test("the same kind, day and name as an event recorded is refused; another day is not")
    func identical() {
        let modified = LifecycleEvent(kind: .modified, on: CivilDate(iso: "2026-01-10")!, by: "gd")
        #expect(check(modified, recorded: [modified])?.code == .eventAlreadyRecorded)
        var later = modified
        later.on = CivilDate(iso: "2026-01-11")!
        #expect(check(later, recorded: [modified]) == nil)
    }

    @Test("after today is refused, today is not; a closing before the opening is refused, on the opening day is not")
    func dates() {
        #expect(check(LifecycleEvent(kind: .modified, on: CivilDate(iso: "2026-11-30")!, by: "gd"))?.code == .eventAfterToday)
        #expect(check(LifecycleEvent(kind: .modified, on: today, by: "gd")) == nil)
        #expect(check(LifecycleEvent(kind: .closed, on: CivilDate(iso: "2004-08-22")!, by: "gd")) ==
            Refusal(.closedBeforeOpening, ["reference": "RH-1", "on": "2004-08-22", "opened": "2004-08-23"]))
        #expect(check(LifecycleEvent(kind: .closed, on: CivilDate(iso: "2004-08-23")!, by: "gd")) == nil)
        #expect(check(LifecycleEvent(kind: .closed, on: CivilDate(iso: "2004-08-22")!, by: "gd"), opened: nil) == nil)
    }

    @Test("a deposited document is no longer held, a destroyed one is over; semi-active still takes events")
    func phases() {
        let modified = LifecycleEvent(kind: .modified, on: CivilDate(iso: "2026-01-10")!, by: "gd")
        #expect(check(modified, phase: .inactifVerse) == Refusal(.documentNoLongerHeld, ["reference": "RH-1", "phase": "inactif-verse"]))
        #expect(check(modified, phase: .inactifDetruit)?.code == .documentDestroyed)
        #expect(check(modified, phase: .semiActif) == nil)
    }
}
