import Foundation
import SablierCore
import Testing

/// The helpers every piece of the register writes its changes with: one way to write a change
/// in a document's history, to fold a unit's name, and to say what an 888 period waits for.
@Suite("Shared helpers of corrections, relinks and cohorts")
struct RecordedChangeHelpersTests {
    @Test("a change reads {\"from\",\"to\"}, keys sorted, an empty value as null, a path's slashes as written")
    func valueChange() {
        #expect(ValueChange(from: "/partage/a.txt", to: "/partage/b.txt").json == #"{"from":"/partage/a.txt","to":"/partage/b.txt"}"#)
        #expect(ValueChange(from: nil, to: "2021-12-20").json == #"{"from":null,"to":"2021-12-20"}"#)
        // A correction's fields, by name, in the same form.
        let changes = [FieldChange(field: "title", from: "Corr.", to: "Correspondance"), FieldChange(field: "box", from: "B-1", to: nil)]
        #expect(FieldChange.detail(changes) == #"{"box":{"from":"B-1","to":null},"title":{"from":"Corr.","to":"Correspondance"}}"#)
    }

    @Test("a unit is folded as people write it, and sameUnit compares the folded names")
    func unitKey() {
        #expect(Access.unitKey("  Ressources humaines\u{00A0}") == "ressources humaines")
        #expect(Access.sameUnit("RH", " rh ") && !Access.sameUnit("RH", "RF"))
    }

    @Test("the awaited events: confirmed, else named by the rule in force; a rule not in force waits for nothing; no year end needed")
    func awaitedEvents() {
        let end = OpenPeriodConfirmation(rule: "2101", copy: .principal, period: .active, event: OpenPeriodEvent(event: "fin de l'emploi"),
                                         remark: nil, calendarVersion: 1, confirmedAt: Date(timeIntervalSince1970: 0), confirmedBy: "gestion.doc")
        var retired = end
        retired.rule = "1201"
        var named = Rule(number: "7101", title: "Mandats", principal: CopyRule(kind: .principal), secondaire: nil)
        named.principal.activeEvent = "fin du mandat"
        let employment = Rule(number: "2101", title: "Dossiers d'employés", principal: CopyRule(kind: .principal), secondaire: nil)
        let awaited = AwaitedEvents(rules: [employment, named], confirmations: [end, retired])
        #expect(awaited.names(rule: "2101", copy: .principal) == ["fin de l'emploi"])
        #expect(awaited.names(rule: "2101", copy: .secondaire).isEmpty)
        // Named by the calendar, where nobody confirmed another.
        #expect(awaited.names(rule: "7101", copy: .principal) == ["fin du mandat"])
        // A rule the calendar in force lacks waits for nothing: any name is accepted.
        #expect(awaited.names(rule: "1201", copy: .principal).isEmpty)
    }
}
