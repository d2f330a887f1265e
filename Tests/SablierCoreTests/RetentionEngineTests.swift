import SablierCore
import Testing

func d(_ text: String) -> CivilDate { CivilDate(iso: text)! }

/// Rules as the real calendars give them (Valcourt, UdeM, HB archivistes), for the engine.
enum RealRules {
    static func copy(_ kind: CopyKind, _ active: RetentionPeriod, _ semi: RetentionPeriod, _ disposition: Disposition, activeRemark: Int? = nil, semiRemark: Int? = nil) -> CopyRule {
        CopyRule(kind: kind, supports: [.papier, .numerique], active: active, activeRemark: activeRemark.map(RemarkID.init(number:)),
                 semiActive: semi, semiActiveRemark: semiRemark.map(RemarkID.init(number:)), disposition: disposition)
    }

    /// Valcourt 201.02, Rapports et états financiers: 1 / 5 / C; secondary 2 / 0 / D.
    static let r201_02 = Rule(number: "201.02", title: "Rapports et états financiers",
                              principal: copy(.principal, .years(1), .years(5), .conservation),
                              secondaire: copy(.secondaire, .years(2), .years(0), .destruction))
    /// Valcourt 103.06, Réunion administrative interne: 2 / 0 / D.
    static let r103_06 = Rule(number: "103.06", title: "Réunion administrative interne",
                              principal: copy(.principal, .years(2), .years(0), .destruction),
                              secondaire: copy(.secondaire, .years(2), .years(0), .destruction))
    /// Valcourt 302.02, Dossier individuel des employés, volet administratif: 888 (R2 "Durée de l'emploi + 2 ans.") / 0 / C.
    static let r302_02 = Rule(number: "302.02", title: "Dossier individuel des employés - volet administratif",
                              principal: copy(.principal, .open, .years(0), .conservation, activeRemark: 2),
                              secondaire: copy(.secondaire, .open, .years(0), .destruction, activeRemark: 2),
                              remarks: [Remark(id: RemarkID(number: 1), text: "Disque réseau."), Remark(id: RemarkID(number: 2), text: "Durée de l'emploi + 2 ans.")])
    /// Valcourt 107.13, listes électorales: 888 (R2) / 888 (R3) / T (R4).
    static let r107_13 = Rule(number: "107.13", title: "Confection des listes électorales et référendaires",
                              principal: copy(.principal, .open, .open, .tri, activeRemark: 2, semiRemark: 3),
                              remarks: [Remark(id: RemarkID(number: 2), text: "Jusqu'au dénouement de la période de contestation."),
                                        Remark(id: RemarkID(number: 3), text: "Jusqu'au dénouement du mandat.")])
    /// HB archivistes 101.01, Document constitutif: 999 (R2) / 0 / C.
    static let r101_01 = Rule(number: "101.01", title: "Document constitutif",
                              principal: copy(.principal, .untilReplaced, .years(0), .conservation, activeRemark: 2),
                              secondaire: copy(.secondaire, .untilReplaced, .years(0), .destruction, activeRemark: 2))
    /// UdeM 01110, Dossier de gestion (organisation de l'enseignement): 2 / 5 / T.
    static let r01110 = Rule(number: "01110", title: "Dossier de gestion (organisation de l'enseignement)",
                             principal: copy(.principal, .years(2), .years(5), .tri),
                             secondaire: copy(.secondaire, .years(2), .years(0), .destruction))
}

@Suite("Retention engine: hand-computed dates on real rules")
struct RetentionEngineTests {
    let june30 = MonthDay.schoolYearEnd

    @Test("fixed years: closed 2020-03-15 → start 2020-06-30, transfer 2021-06-30, deposit 2026-06-30 (Valcourt 201.02)")
    func fixedYears() {
        let s = RetentionEngine.schedule(rule: RealRules.r201_02, facts: RetentionFacts(copy: .principal, closedOn: d("2020-03-15")), yearEnd: june30)
        #expect(s.countStart == d("2020-06-30"))
        #expect(s.transferOn == d("2021-06-30"))
        #expect(s.finalOn == d("2026-06-30"))
        #expect(s.finalAction == .deposit)
        #expect(s.waiting == nil)
        #expect(s.action(dueOn: d("2026-11-29"), transferred: true)?.action == .deposit)
        #expect(s.action(dueOn: d("2025-01-01"), transferred: false)?.action == .transfer)
        #expect(s.action(dueOn: d("2025-01-01"), transferred: true) == nil)
        #expect(s.action(dueOn: d("2021-06-29"), transferred: false) == nil)
        #expect(s.explanation.contains { $0.contains("2026-06-30") })
    }

    @Test("the year end on the closing day itself starts the count that day; the day after waits a year")
    func yearEndBoundary() {
        let onYearEnd = RetentionEngine.schedule(rule: RealRules.r201_02, facts: RetentionFacts(copy: .principal, closedOn: d("2020-06-30")), yearEnd: june30)
        #expect(onYearEnd.countStart == d("2020-06-30"))
        let dayAfter = RetentionEngine.schedule(rule: RealRules.r201_02, facts: RetentionFacts(copy: .principal, closedOn: d("2020-07-01")), yearEnd: june30)
        #expect(dayAfter.countStart == d("2021-06-30"))
        #expect(dayAfter.finalOn == d("2027-06-30"))
    }

    @Test("another year end: December 31")
    func otherYearEnd() {
        let s = RetentionEngine.schedule(rule: RealRules.r201_02, facts: RetentionFacts(copy: .principal, closedOn: d("2020-03-15")), yearEnd: MonthDay(month: 12, day: 31)!)
        #expect(s.countStart == d("2020-12-31"))
        #expect(s.finalOn == d("2026-12-31"))
    }

    @Test("a semi-active period of 0 moves on at once: no transfer, destruction at the end of the active period (Valcourt 103.06)")
    func zero() {
        let s = RetentionEngine.schedule(rule: RealRules.r103_06, facts: RetentionFacts(copy: .principal, closedOn: d("2019-09-10")), yearEnd: june30)
        #expect(s.countStart == d("2020-06-30"))
        #expect(s.transferOn == nil)
        #expect(s.finalOn == d("2022-06-30"))
        #expect(s.finalAction == .destroy)
    }

    @Test("the secondary copy follows its own periods: 2 / 0 / D (Valcourt 201.02)")
    func secondary() {
        let s = RetentionEngine.schedule(rule: RealRules.r201_02, facts: RetentionFacts(copy: .secondaire, closedOn: d("2020-03-15")), yearEnd: june30)
        #expect(s.transferOn == nil)
        #expect(s.finalOn == d("2022-06-30"))
        #expect(s.finalAction == .destroy)
    }

    @Test("888 with the confirmed event and offset: end of employment 2023-08-15 → 2024-06-30 + 2 years (Valcourt 302.02)")
    func openWithEvent() {
        let event = OpenPeriodEvent(event: "fin de l'emploi", offsetYears: 2)
        let facts = RetentionFacts(copy: .principal, closedOn: d("2015-05-01"), events: ["Fin de l’emploi": d("2023-08-15")])
        let s = RetentionEngine.schedule(rule: RealRules.r302_02, facts: facts, yearEnd: june30, openPeriodEvents: [.active: event])
        #expect(s.finalOn == d("2026-06-30"))
        #expect(s.finalAction == .deposit)
        #expect(s.transferOn == nil)
        #expect(s.explanation.contains { $0.contains("Durée de l'emploi + 2 ans.") })
    }

    @Test("888 without the event waits, and is never due")
    func openWithoutEvent() {
        let s = RetentionEngine.schedule(rule: RealRules.r302_02, facts: RetentionFacts(copy: .principal, closedOn: d("2015-05-01")), yearEnd: june30,
                                         openPeriodEvents: [.active: OpenPeriodEvent(event: "fin de l'emploi", offsetYears: 2)])
        #expect(s.waiting == .event("fin de l'emploi"))
        #expect(s.finalOn == nil)
        #expect(s.action(dueOn: d("2100-01-01"), transferred: false) == nil)
    }

    @Test("888 whose event the records manager has not confirmed waits for the confirmation")
    func openUnconfirmed() {
        let s = RetentionEngine.schedule(rule: RealRules.r302_02, facts: RetentionFacts(copy: .principal, closedOn: d("2015-05-01")), yearEnd: june30)
        #expect(s.waiting == .unconfirmedEvent(.active))
        #expect(s.action(dueOn: d("2100-01-01"), transferred: false) == nil)
    }

    @Test("888 in both periods: contestation ends 2022-02-01, mandate ends 2025-11-15 → transfer 2022-06-30, sort 2026-06-30 (Valcourt 107.13)")
    func openTwice() {
        let facts = RetentionFacts(copy: .principal, closedOn: d("2021-11-07"),
                                   events: ["dénouement de la période de contestation": d("2022-02-01"), "dénouement du mandat": d("2025-11-15")])
        let s = RetentionEngine.schedule(rule: RealRules.r107_13, facts: facts, yearEnd: june30, openPeriodEvents: [
            .active: OpenPeriodEvent(event: "dénouement de la période de contestation"),
            .semiActive: OpenPeriodEvent(event: "dénouement du mandat"),
        ])
        #expect(s.transferOn == d("2022-06-30"))
        #expect(s.finalOn == d("2026-06-30"))
        #expect(s.finalAction == .sort)
    }

    @Test("999 ends at the year end after replacement; until then it waits (HB 101.01)")
    func untilReplaced() {
        let waiting = RetentionEngine.schedule(rule: RealRules.r101_01, facts: RetentionFacts(copy: .principal, closedOn: d("2010-01-01")), yearEnd: june30)
        #expect(waiting.waiting == .replacement)
        let replaced = RetentionEngine.schedule(rule: RealRules.r101_01, facts: RetentionFacts(copy: .principal, closedOn: d("2010-01-01"), replacedOn: d("2024-02-01")), yearEnd: june30)
        #expect(replaced.finalOn == d("2024-06-30"))
        #expect(replaced.finalAction == .deposit)
    }

    @Test("T: 2 / 5 / T gives a sort at start + 7 years (UdeM 01110)")
    func tri() {
        let s = RetentionEngine.schedule(rule: RealRules.r01110, facts: RetentionFacts(copy: .principal, closedOn: d("2018-12-01")), yearEnd: june30)
        #expect(s.transferOn == d("2021-06-30"))
        #expect(s.finalOn == d("2026-06-30"))
        #expect(s.finalAction == .sort)
    }

    @Test("an open dossier waits for its closing; a count from the opening date or an event starts there")
    func triggers() {
        #expect(RetentionEngine.schedule(rule: RealRules.r201_02, facts: RetentionFacts(copy: .principal, openedOn: d("2020-01-01")), yearEnd: june30).waiting == .closing)
        var byOpening = RealRules.r201_02
        byOpening.countStart = .openingDate
        #expect(RetentionEngine.schedule(rule: byOpening, facts: RetentionFacts(copy: .principal, openedOn: d("2020-01-01")), yearEnd: june30).finalOn == d("2026-06-30"))
        var byEvent = RealRules.r201_02
        byEvent.countStart = .event("départ de l'élève")
        let waiting = RetentionEngine.schedule(rule: byEvent, facts: RetentionFacts(copy: .principal, closedOn: d("2020-01-01")), yearEnd: june30)
        #expect(waiting.waiting == .event("départ de l'élève"))
        let left = RetentionEngine.schedule(rule: byEvent, facts: RetentionFacts(copy: .principal, closedOn: d("2020-01-01"), events: ["Départ de l'élève": d("2022-06-23")]), yearEnd: june30)
        #expect(left.finalOn == d("2028-06-30"))
    }

    @Test("a held document still gets its dates; the explanation says the hold stops destruction")
    func held() {
        let s = RetentionEngine.schedule(rule: RealRules.r103_06, facts: RetentionFacts(copy: .principal, closedOn: d("2019-09-10"), held: true), yearEnd: june30)
        #expect(s.finalOn == d("2022-06-30"))
        #expect(s.explanation.last?.contains("gel") == true)
    }

    @Test("a secondary document under a rule without a secondary copy cannot be counted")
    func noSecondary() {
        let s = RetentionEngine.schedule(rule: RealRules.r107_13, facts: RetentionFacts(copy: .secondaire, closedOn: d("2020-01-01")), yearEnd: june30)
        #expect(s.finalOn == nil)
        #expect(s.finalAction == nil)
    }

    @Test("February 29 year ends and anniversaries fall on February 28 in common years")
    func leapDays() {
        #expect(d("2024-02-29").adding(years: 1) == d("2025-02-28"))
        #expect(MonthDay(month: 2, day: 29)!.yearEnd(onOrAfter: d("2025-01-10")) == d("2025-02-28"))
    }

    @Test("open-period remarks become proposed events", arguments: [
        ("Durée de l'emploi + 2 ans.", "fin de l'emploi", 2),
        ("Jusqu'au départ de l'employé.", "départ de l'employé", 0),
        ("Jusqu'au dénouement du mandat.", "dénouement du mandat", 0),
        ("Tant que la propriété existe.", "fin de la propriété", 0),
        ("Durée du programme.", "fin du programme", 0),
        ("Tant qu'en vigueur.", "fin de la validité", 0),
    ])
    func proposals(remark: String, event: String, offset: Int) {
        #expect(OpenPeriodProposal.propose(fromRemark: remark) == OpenPeriodEvent(event: event, offsetYears: offset))
    }

    @Test("event names match whatever their case, accents and apostrophes")
    func eventNames() {
        #expect(EventName.key("Fin d’emploi") == EventName.key("FIN D'EMPLOI"))
        #expect(EventName.key("Départ de l'élève") == "depart de l eleve")
    }
}
