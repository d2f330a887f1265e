import Foundation
import SablierCore
import SablierStore

/// Calendars that exercise every field the store keeps.
enum Samples {
    static func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: day)!
    }

    /// Every field set, with the distinctions the store must keep: false vs nil, "" vs nil,
    /// remarks out of numeric order, supports out of alphabetical order, an event count start.
    static let richRule = Rule(
        number: "01110",
        title: "Dossiers des élèves — « suivi »",
        description: "Dossier d'aide particulière.\nDeuxième ligne ; virgule, point-virgule.",
        documentTypes: ["Plan d'intervention", "Rapport d'évaluation", "Plan d'intervention"],
        processes: ["Suivi scolaire"],
        classificationCodes: ["2110-01", "2110-02"],
        holderUnit: "Services éducatifs",
        legalReferences: ["LIP, art. 96.14", "Loi sur l'accès, art. 73"],
        recueil: "CSS-2020",
        recueilRuleNumber: "110",
        essentialDocuments: true,
        confidentialDocuments: false,
        personalInformation: PersonalInformation(present: true, measure: .anonymiser),
        countStart: .event("départ de l'élève"),
        principal: CopyRule(
            kind: .principal,
            supports: [.numerique, .papier, Support(code: "av")],
            supportsRemark: RemarkID(number: 3),
            active: .open,
            activeRemark: RemarkID(number: 2),
            semiActive: .years(5),
            semiActiveRemark: RemarkID(number: 1),
            disposition: .tri,
            dispositionRemark: RemarkID(number: 1),
            activeEvent: "fin de la fréquentation",
            semiActiveEvent: ""
        ),
        secondaire: CopyRule(
            kind: .secondaire,
            supports: [.papier],
            active: .untilReplaced,
            activeRemark: RemarkID(number: 3),
            semiActive: .years(0),
            disposition: .destruction
        ),
        remarks: [
            Remark(id: RemarkID(number: 2), text: "Jusqu'au départ de l'élève."),
            Remark(id: RemarkID(number: 1), text: "Conserver un échantillon de 5 %.\nLe reste est détruit."),
            Remark(id: RemarkID(number: 3), text: ""),
        ],
        generalRemark: "",
        galaRequestNumber: "D-2025-0042",
        galaGrilleChan: false
    )

    static let openingDateRule = Rule(
        number: "01740a",
        title: "Registres",
        holderUnit: "",
        essentialDocuments: false,
        personalInformation: PersonalInformation(present: false),
        countStart: .openingDate,
        principal: CopyRule(kind: .principal, supports: [.microfilm], active: .years(2), semiActive: .untilReplaced, disposition: .conservation),
        galaGrilleChan: true
    )

    /// Every optional nil, every list empty.
    static let bareRule = Rule(number: "101.01", title: "", principal: CopyRule(kind: .principal))

    static let rich = RetentionCalendar(
        organisation: "Centre de services scolaire de l'Exemple",
        banqOrganisationID: "7123",
        versionLabel: "2025-1",
        adoptedOn: date(2024, 11, 19),
        approvedOn: date(2025, 2, 3),
        yearEnd: MonthDay(month: 12, day: 31)!,
        rules: [richRule, bareRule, openingDateRule]
    )

    /// Every optional nil.
    static let bare = RetentionCalendar(rules: [bareRule])

    static let diagnostics: [Diagnostic] = [
        .warning(at: SourceLocation(file: "cal.csv", line: 12, column: 4), "support « pa » written in lower case", rule: "01110", field: "supports"),
        .warning(at: SourceLocation(file: "cal.csv", line: 0), "no year end given; 06-30 assumed"),
    ]

    /// A calendar of `count` rules, each with two copies, two remarks and four items.
    static func large(_ count: Int, label: String = "large") -> RetentionCalendar {
        RetentionCalendar(organisation: "Grand organisme", versionLabel: label, rules: (0..<count).map { index in
            Rule(
                number: String(format: "%05d", index + 1),
                title: "Série \(index + 1)",
                description: "Description de la série \(index + 1).",
                documentTypes: ["Type A", "Type B"],
                classificationCodes: ["\(1000 + index % 900)-01"],
                legalReferences: ["Règlement \(index % 7)"],
                essentialDocuments: index % 3 == 0 ? nil : index % 3 == 1,
                countStart: index % 5 == 0 ? .event("événement \(index)") : .closingDate,
                principal: CopyRule(
                    kind: .principal,
                    supports: [.papier, .numerique],
                    active: .years(index % 10),
                    semiActive: index % 4 == 0 ? .open : .years(3),
                    semiActiveRemark: index % 4 == 0 ? RemarkID(number: 1) : nil,
                    disposition: [Disposition.conservation, .destruction, .tri][index % 3]
                ),
                secondaire: CopyRule(kind: .secondaire, supports: [.numerique], active: .years(1), disposition: .destruction),
                remarks: [
                    Remark(id: RemarkID(number: 1), text: "Remarque un de \(index)."),
                    Remark(id: RemarkID(number: 2), text: "Remarque deux de \(index)."),
                ]
            )
        })
    }

    static func version(
        _ calendar: RetentionCalendar,
        file: String = "calendriers/calendrier.xml",
        format: CalendarFormat = .native,
        bytes: [UInt8]? = nil,
        diagnostics: [Diagnostic] = [],
        at instant: Date = Date(timeIntervalSince1970: 1_750_000_000.123456),
        by user: String = "archiviste"
    ) -> NewCalendarVersion {
        let source = bytes ?? Array("<calendrier label=\"\(calendar.versionLabel ?? "")\" rules=\"\(calendar.rules.count)\"/>\n".utf8)
        return NewCalendarVersion(
            calendar: calendar,
            importedAt: instant,
            importedBy: user,
            sourceFile: file,
            sourceFormat: format,
            sourceSHA256: SourceDigest.sha256Hex(source),
            sourceBytes: source,
            diagnostics: diagnostics
        )
    }
}
