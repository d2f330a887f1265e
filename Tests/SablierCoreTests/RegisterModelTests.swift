import SablierCore
import Testing

@Suite("Register model: phase and facts from life-cycle events")
struct RegisterModelTests {
    func event(_ kind: LifecycleEventKind, _ date: String, name: String? = nil, detail: String? = nil) -> LifecycleEvent {
        LifecycleEvent(kind: kind, on: CivilDate(iso: date)!, by: "gestion.doc", name: name, detail: detail)
    }

    @Test("the phase follows the events: actif, semi-actif, then versé or détruit")
    func phases() {
        #expect(Phase(events: []) == .actif)
        #expect(Phase(events: [event(.created, "2020-01-01"), event(.transferred, "2022-06-30")]) == .semiActif)
        #expect(Phase(events: [event(.transferred, "2022-06-30"), event(.deposited, "2027-06-30")]) == .inactifVerse)
        #expect(Phase(events: [event(.destroyed, "2027-06-30")]) == .inactifDetruit)
        #expect(Phase(events: [event(.sorted, "2027-06-30", detail: "keep")]) == .inactifVerse)
        #expect(Phase(events: [event(.sorted, "2027-06-30", detail: "destroy")]) == .inactifDetruit)
        #expect(Phase.inactifDetruit.isInactive)
        #expect(!Phase.semiActif.isInactive)
    }

    @Test("facts gather the 888 events, the replacement, the closing and the holds still in force")
    func facts() {
        let document = Document(reference: "RH-2015-0042", title: "Dossier d'employé", rule: "302.02", copy: .principal,
                                holder: "Ressources humaines", support: .papier, openedOn: CivilDate(iso: "2015-01-05"))
        let events = [
            event(.closed, "2023-08-15"),
            event(.eventOccurred, "2023-08-15", name: "fin de l'emploi"),
            event(.holdPlaced, "2024-01-10"),
            event(.holdPlaced, "2024-02-10"),
            event(.holdReleased, "2024-03-10"),
            event(.replaced, "2024-04-01", detail: "RH-2015-0042-v2"),
        ]
        let facts = RetentionFacts(document: document, events: events)
        #expect(facts.closedOn == CivilDate(iso: "2023-08-15"))
        #expect(facts.date(of: "Fin de l'emploi") == CivilDate(iso: "2023-08-15"))
        #expect(facts.replacedOn == CivilDate(iso: "2024-04-01"))
        #expect(facts.held)
        let released = RetentionFacts(document: document, events: events + [event(.holdReleased, "2024-05-01")])
        #expect(!released.held)
    }
}
