import SablierCore
import Testing

/// Builds submissions by hand, so each semantic check is tested on its own.
func submission(_ rules: [Rule], transactions: [RuleTransaction?]? = nil, delta: Bool = false) -> CalendarSubmission {
    let entries = rules.enumerated().map { index, rule in
        SubmittedRule(rule: rule, transaction: transactions?[index], location: SourceLocation(file: "cal.xml", line: 10 * (index + 1), column: 1))
    }
    return CalendarSubmission(format: delta ? .gala : .native, file: "cal.xml", settings: RetentionCalendar(), isDelta: delta, rules: entries)
}

func r(_ n: Int) -> RemarkID { RemarkID(number: n) }

/// Valcourt 201.02 (Rapports et états financiers): principal 1 / 5 / C (R2), secondary 2 / 0 / D.
func rule201_02() -> Rule {
    Rule(
        number: "201.02", title: "Rapports et états financiers",
        principal: CopyRule(kind: .principal, supports: [.papier, .numerique], supportsRemark: r(1), active: .years(1), semiActive: .years(5), disposition: .conservation, dispositionRemark: r(2)),
        secondaire: CopyRule(kind: .secondaire, supports: [.papier, .numerique], supportsRemark: r(1), active: .years(2), semiActive: .years(0), disposition: .destruction),
        remarks: [Remark(id: r(1), text: "Disque réseau."), Remark(id: r(2), text: "S'il y a un rapport cumulatif…")])
}

@Suite("Calendar meaning checks")
struct CalendarValidatorTests {
    @Test("a correct real rule passes without a diagnostic")
    func clean() {
        var s = submission([rule201_02()])
        #expect(CalendarValidator.validate(&s).isEmpty)
    }

    @Test("a reference to an undefined remark on a 888 period is an error when nothing can explain it")
    func unresolvedOn888() {
        var rule = rule201_02()
        rule.principal.active = .open
        rule.principal.activeRemark = r(7)
        rule.remarks.append(Remark(id: r(3), text: "Autre."))
        rule.secondaire?.supportsRemark = r(3)
        var s = submission([rule])
        let found = CalendarValidator.validate(&s)
        #expect(found.errors.count == 1)
        #expect(found.errors.first?.message.contains("R7") == true)
        #expect(found.errors.first?.rule == "201.02")
        #expect(found.errors.first?.field == "REM_PERIOACTIF")
        #expect(found.errors.first?.location.line == 10)
    }

    @Test("a reference to an undefined remark takes the one remark that explains no period (Valcourt 401.01)")
    func danglingTakesTheOnlyNonExplainingRemark() {
        var rule = rule201_02()
        rule.principal.active = .open
        rule.principal.activeRemark = r(2)
        rule.principal.dispositionRemark = nil
        rule.secondaire?.active = .open
        rule.secondaire?.activeRemark = r(2)
        rule.remarks = [Remark(id: r(1), text: "Durée du bien.")]
        var s = submission([rule])
        let found = CalendarValidator.validate(&s)
        #expect(found.errors.isEmpty)
        #expect(found.warnings.count == 2)
        #expect(s.rules[0].rule.principal.activeRemark == r(1))
        #expect(s.rules[0].rule.secondaire?.activeRemark == r(1))
    }

    @Test("a 888 period with no remark at all is not given the supports' remark")
    func supportsRemarkIsNotAnExplanation() {
        var rule = rule201_02()
        rule.principal.active = .open
        var s = submission([rule])
        #expect(CalendarValidator.validate(&s).errors.count == 1)
    }

    @Test("888, 999 and T without a remark are errors", arguments: [RetentionPeriod.open, .untilReplaced])
    func specialPeriodsNeedRemarks(period: RetentionPeriod) {
        var rule = rule201_02()
        rule.principal.semiActive = period
        rule.principal.disposition = .tri
        rule.principal.dispositionRemark = nil
        rule.remarks = [Remark(id: r(1), text: "Disque réseau."), Remark(id: r(2), text: "a"), Remark(id: r(3), text: "b")]
        var s = submission([rule])
        let found = CalendarValidator.validate(&s)
        #expect(found.errors.count == 2)
        #expect(found.errors.map(\.field) == ["REM_PERIOSMACT", "REM_DISPOINACT"])
    }

    @Test("the other copy's remark for the same 888 period is taken, with a warning (Valcourt 208.06)")
    func inheritFromOtherCopy() {
        var rule = rule201_02()
        rule.principal.active = .open
        rule.principal.activeRemark = r(2)
        rule.principal.dispositionRemark = nil
        rule.principal.disposition = .destruction
        rule.secondaire?.active = .open
        rule.remarks = [Remark(id: r(1), text: "Disque réseau."), Remark(id: r(2), text: "Jusqu'au règlement final")]
        var s = submission([rule])
        let found = CalendarValidator.validate(&s)
        #expect(found.errors.isEmpty)
        #expect(found.warnings.count == 1)
        #expect(s.rules[0].rule.secondaire?.activeRemark == r(2))
    }

    @Test("a T without a remark takes the only remark that explains nothing else (Valcourt 709.02)")
    func inferSortingRemark() {
        var rule = rule201_02()
        rule.principal.active = .open
        rule.principal.activeRemark = r(2)
        rule.principal.disposition = .tri
        rule.principal.dispositionRemark = nil
        rule.secondaire?.active = .open
        rule.secondaire?.activeRemark = r(2)
        rule.remarks = [Remark(id: r(1), text: "Disque réseau."), Remark(id: r(2), text: "Tant qu'en vigueur."), Remark(id: r(3), text: "Conserver les mesures adoptées.")]
        var s = submission([rule])
        let found = CalendarValidator.validate(&s)
        #expect(found.errors.isEmpty)
        #expect(s.rules[0].rule.principal.dispositionRemark == r(3))
        #expect(found.warnings.first?.message.contains("R3") == true)
    }

    @Test("a dangling reference where no remark is needed is dropped with a warning (Valcourt 401.04)")
    func dropDangling() {
        var rule = rule201_02()
        rule.principal.disposition = .destruction
        rule.principal.dispositionRemark = r(2)
        rule.remarks = [Remark(id: r(1), text: "Disque réseau.")]
        var s = submission([rule])
        let found = CalendarValidator.validate(&s)
        #expect(found.errors.isEmpty)
        #expect(found.warnings.count == 1)
        #expect(s.rules[0].rule.principal.dispositionRemark == nil)
    }

    @Test("the secondary copy must be destroyed", arguments: [Disposition.conservation, .tri])
    func secondaryIsDestroyed(disposition: Disposition) {
        var rule = rule201_02()
        rule.secondaire?.disposition = disposition
        rule.secondaire?.dispositionRemark = r(2)
        var s = submission([rule])
        let found = CalendarValidator.validate(&s)
        #expect(found.errors.count == 1)
        #expect(found.errors.first?.message.contains("must be D") == true)
    }

    @Test("a copy without a disposition is an error")
    func missingDisposition() {
        var rule = rule201_02()
        rule.principal.disposition = nil
        rule.principal.dispositionRemark = nil
        var s = submission([rule])
        #expect(CalendarValidator.validate(&s).errors.count == 1)
    }

    @Test("a rule number given twice is an error at the second place")
    func duplicates() {
        var s = submission([rule201_02(), rule201_02()])
        let found = CalendarValidator.validate(&s)
        #expect(found.errors.count == 1)
        #expect(found.errors.first?.location.line == 20)
        #expect(found.errors.first?.message.contains("first at line 10") == true)
    }

    @Test("a rule without a title, and an unnamed count-start event, are errors")
    func titleAndEvent() {
        var rule = rule201_02()
        rule.title = "  "
        rule.countStart = .event("")
        var s = submission([rule])
        #expect(CalendarValidator.validate(&s).errors.count == 2)
    }

    @Test("the diagnostic prints as FILE:LINE:COLUMN: severity: message")
    func printing() {
        let d = Diagnostic.error(at: SourceLocation(file: "a.xml", line: 3, column: 7), "bad", rule: "1", field: "X")
        #expect(d.description == "a.xml:3:7: error: bad")
    }
}
