import SablierCore
import Testing

@Suite("Remarks text")
struct RemarkTextTests {
    @Test("remarks run together on one line, as in the HB archivistes GALA file")
    func oneLine() {
        let parsed = RemarkText.parse("R1 : Disque réseau. R2 : Jusqu'à leur remplacement par une nouvelle version.")
        #expect(parsed.remarks == [
            Remark(id: RemarkID(number: 1), text: "Disque réseau."),
            Remark(id: RemarkID(number: 2), text: "Jusqu'à leur remplacement par une nouvelle version."),
        ])
        #expect(parsed.preamble == nil)
        #expect(parsed.unprefixedMarkers.isEmpty)
    }

    @Test("no-break space before the colon, as in Valcourt")
    func noBreakSpace() {
        let parsed = RemarkText.parse("R1 : Disque réseau.\nR2\u{00A0}: Tant que la propriété existe.")
        #expect(parsed.remarks.map(\.text) == ["Disque réseau.", "Tant que la propriété existe."])
    }

    @Test("unprefixed markers and a trailing paragraph, as in the UdeM Constellio export")
    func unprefixed() {
        let text = "1: Jusqu'après l'expiration du délai d'appel.\n2: Verser aux archives les statistiques.\n\nConsulter les instructions."
        let parsed = RemarkText.parse(text)
        #expect(parsed.remarks.map(\.id.description) == ["R1", "R2"])
        #expect(parsed.remarks[1].text == "Verser aux archives les statistiques.\n\nConsulter les instructions.")
        #expect(parsed.unprefixedMarkers.map(\.number) == [1, 2])
    }

    @Test("a colon after a word or a year is not a marker")
    func notMarkers() {
        let parsed = RemarkText.parse("R1 : rapport trimestriel: on peut détruire; voir art. 35: et 2020: rien")
        #expect(parsed.remarks.count == 1)
    }

    @Test("text before the first marker is kept as a preamble; duplicates are joined")
    func preambleAndDuplicates() {
        let parsed = RemarkText.parse("Note libre.\nR1 : a\nR1 : b")
        #expect(parsed.preamble == "Note libre.")
        #expect(parsed.remarks == [Remark(id: RemarkID(number: 1), text: "a\nb")])
        #expect(parsed.duplicates == [RemarkID(number: 1)])
    }

    @Test("format then parse gives the same remarks")
    func roundTrip() {
        let remarks = [Remark(id: RemarkID(number: 1), text: "Disque réseau."), Remark(id: RemarkID(number: 3), text: "Ligne 1\n\nLigne 2")]
        #expect(RemarkText.parse(RemarkText.format(remarks)).remarks == remarks)
    }
}

@Suite("Cells")
struct CellTests {
    @Test("period cells", arguments: [
        ("2", RetentionPeriod.years(2)), ("0", .years(0)), ("888", .open), ("999", .untilReplaced),
        ("-", RetentionPeriod.none), ("--", RetentionPeriod.none), ("", RetentionPeriod.none), ("- ", RetentionPeriod.none), (" 15\u{00A0}", .years(15)),
    ])
    func periods(cell: String, expected: RetentionPeriod) {
        #expect(RetentionPeriod(cell: cell) == expected)
    }

    @Test("cells that are not periods", arguments: ["'!", "-1", "2.5", "deux", "12345", "X1"])
    func notPeriods(cell: String) {
        #expect(RetentionPeriod(cell: cell) == nil)
    }

    @Test("dispositions, supports, remark ids, dates")
    func others() {
        #expect(Disposition(code: " t ") == .tri)
        #expect(Disposition(code: "-") == nil)
        #expect(Support.list(from: "dm, pa") == [.numerique, .papier])
        #expect(Support.list(from: "PA, DM, pa") == [.papier, .numerique])
        #expect(RemarkID(text: "R12")?.number == 12)
        #expect(RemarkID(text: "12") == nil)
        #expect(CivilDate(iso: "2024-02-29") != nil)
        #expect(CivilDate(iso: "2023-02-29") == nil)
        #expect(MonthDay(text: "06-30") == .schoolYearEnd)
        #expect(MonthDay(text: "13-01") == nil)
        #expect(ListCell.split("AC.10, AC.20,\nAC.30") == ["AC.10", "AC.20", "AC.30"])
    }
}
