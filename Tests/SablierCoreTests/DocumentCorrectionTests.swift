import SablierCore
import Testing

/// The pure rules of a correction and of a reclassification.
@Suite("Document corrections and reclassification: the rules")
struct DocumentCorrectionTests {
    let document = Document(reference: "SG-1", title: "Correspondance", rule: "1201", copy: .secondaire, holder: "Secrétariat général",
                            support: .papier, openedOn: CivilDate(iso: "2021-01-04"), closedOn: CivilDate(iso: "2021-12-20"),
                            location: PhysicalLocation(slashed: "Centre / 012 / Rayon 1"), box: "B-1")

    func rule(_ number: String, title: String = "Règle", secondary: Bool) -> Rule {
        Rule(number: number, title: title, principal: CopyRule(kind: .principal),
             secondaire: secondary ? CopyRule(kind: .secondaire) : nil)
    }

    @Test("the changes name each field with its old and new values; a field given with its own value is no change")
    func changes() throws {
        let correction = DocumentCorrection(title: "Correspondance", holder: "Direction générale", openedOn: .cleared,
                                            location: .set(PhysicalLocation(slashed: "Centre / 012 / Rayon 2")), box: .cleared)
        let (corrected, changes) = try correction.apply(to: document, phase: .semiActif)
        #expect(changes == [
            FieldChange(field: "holder", from: "Secrétariat général", to: "Direction générale"),
            FieldChange(field: "opened", from: "2021-01-04", to: nil),
            FieldChange(field: "location", from: "Centre / 012 / Rayon 1", to: "Centre / 012 / Rayon 2"),
            FieldChange(field: "box", from: "B-1", to: nil),
        ])
        #expect(corrected.holder == "Direction générale" && corrected.openedOn == nil && corrected.box == nil)
        #expect(corrected.closedOn == document.closedOn && corrected.rule == document.rule)
    }

    @Test("refused: a document no longer held, a correction that changes nothing, a closing before the opening, an unknown support, an empty title")
    func refusals() {
        #expect(throws: Refusal(.correctionDisposed, ["reference": "SG-1", "phase": "inactif-detruit"])) {
            try DocumentCorrection(title: "Autre").apply(to: document, phase: .inactifDetruit)
        }
        #expect(throws: Refusal(.correctionDisposed, ["reference": "SG-1", "phase": "inactif-verse"])) {
            try DocumentCorrection(title: "Autre").apply(to: document, phase: .inactifVerse)
        }
        #expect(throws: Refusal(.correctionChangesNothing, ["reference": "SG-1"])) {
            try DocumentCorrection(title: " Correspondance ", support: Support(code: "pa")).apply(to: document, phase: .actif)
        }
        #expect(throws: Refusal(.correctionClosedBeforeOpened, ["reference": "SG-1", "opened": "2021-01-04", "closed": "2020-12-31"])) {
            try DocumentCorrection(closedOn: .set(CivilDate(iso: "2020-12-31")!)).apply(to: document, phase: .actif)
        }
        #expect(throws: Refusal(.correctionUnknownSupport, ["support": "ZZ", "known": "DM, PA"])) {
            try DocumentCorrection(support: Support(code: "zz")).apply(to: document, phase: .actif, knownSupports: ["PA", "DM"])
        }
        #expect(throws: Refusal.empty("title")) { try DocumentCorrection(title: "  ").apply(to: document, phase: .actif) }
    }

    @Test("the event's detail is a JSON object with sorted keys, an empty value as null")
    func detail() {
        let changes = [FieldChange(field: "title", from: "A", to: "B"), FieldChange(field: "box", from: "B-1", to: nil)]
        #expect(FieldChange.detail(changes) == #"{"box":{"from":"B-1","to":null},"title":{"from":"A","to":"B"}}"#)
        #expect(FieldChange.auditDetails(changes) == ["box.from": "B-1", "box.to": "", "title.from": "A", "title.to": "B"])
    }

    @Test("a reclassification names every document that may not move, and refuses them all; a copy the rule lacks is refused")
    func reclassification() throws {
        let target = rule("3201", secondary: false)
        #expect(throws: Refusal(.reclassifyNoSuchCopy, ["rule": "3201", "copy": "secondaire"])) {
            try Reclassification(rule: target, copy: .secondaire)
        }
        let move = try Reclassification(rule: target, copy: nil)
        var principal = document
        principal.copy = .principal
        principal.reference = "SG-2"
        var gone = principal
        gone.reference = "SG-3"
        do {
            _ = try move.plan([(document, .actif), (principal, .actif), (gone, .inactifVerse)])
            Issue.record("refused documents were moved")
        } catch {
            #expect(error.code == .reclassifyRefused && error.values["count"] == "2")
            #expect(Refusal.nested(in: error.values["problems"] ?? "") == [
                Refusal(.reclassifyCopyMissing, ["reference": "SG-1", "rule": "3201", "copy": "secondaire"]),
                Refusal(.reclassifyDisposed, ["reference": "SG-3", "phase": "inactif-verse"]),
            ])
        }
        let planned = try move.plan([(principal, .semiActif)])
        #expect(planned.count == 1 && planned[0].after.rule == "3201" && planned[0].changes == [FieldChange(field: "rule", from: "1201", to: "3201")])
        // To the principal copy: the secondary document moves too, and its copy is a change.
        let toPrincipal = try Reclassification(rule: target, copy: .principal).plan([(document, .actif)])
        #expect(toPrincipal[0].changes.map(\.field) == ["rule", "copy"])
        #expect(throws: Refusal(.reclassifyNothingMoves, ["rule": "3201", "copy": "-"])) {
            var already = principal
            already.rule = "3201"
            _ = try move.plan([(already, .actif)])
        }
    }
}
