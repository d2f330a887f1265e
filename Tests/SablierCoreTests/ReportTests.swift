import Foundation
import SablierCore
import Testing

/// The reports' arithmetic, by hand: the year a label names, the disposition tallies folded into
/// lines and totals, boxes counted once, and idle days.
@Suite("Reports (Core)")
struct ReportTests {
    func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    @Test("2025-2026 with the school year end runs from 2025-07-01 to 2026-06-30")
    func schoolYear() throws {
        let year = try ReportYear("2025-2026", yearEnd: .schoolYearEnd)
        #expect(year.first == day("2025-07-01"))
        #expect(year.last == day("2026-06-30"))
        #expect(year.contains(day("2025-07-01")) && year.contains(day("2026-06-30")))
        #expect(!year.contains(day("2025-06-30")) && !year.contains(day("2026-07-01")))
    }

    @Test("with a year end of 12-31, 2025-2026 is the year that ends in 2026: 2026-01-01 to 2026-12-31")
    func calendarYear() throws {
        let year = try ReportYear("2025-2026", yearEnd: MonthDay(month: 12, day: 31)!)
        #expect(year.first == day("2026-01-01"))
        #expect(year.last == day("2026-12-31"))
    }

    @Test("a year end of 02-29 falls on 02-28 in a common year, and the year starts the day after")
    func leapYearEnd() throws {
        let year = try ReportYear("2027-2028", yearEnd: MonthDay(month: 2, day: 29)!)
        #expect(year.first == day("2027-03-01"))
        #expect(year.last == day("2028-02-29"))
    }

    @Test("a label that is not two years, the second the next, is refused as report.bad-year", arguments: [
        "2025", "2025-2027", "2026-2025", "25-26", "2025/2026", "2025-2026-2027", "", "２０２５-２０２６", "abcd-efgh",
    ])
    func badLabels(_ label: String) {
        #expect(throws: Refusal(.reportBadYear, ["year": label])) { try ReportYear(label, yearEnd: .schoolYearEnd) }
    }

    @Test("the day after and the days between cross months, years and February 29")
    func dayArithmetic() {
        #expect(day("2024-02-28").dayAfter == day("2024-02-29"))
        #expect(day("2024-02-29").dayAfter == day("2024-03-01"))
        #expect(day("2025-12-31").dayAfter == day("2026-01-01"))
        #expect(day("2026-11-29").days(since: day("2026-11-29")) == 0)
        #expect(day("2026-11-29").days(since: day("2025-11-29")) == 365)
        #expect(day("2024-03-01").days(since: day("2024-02-28")) == 2)
        #expect(day("2026-01-01").days(since: day("2026-01-02")) == -1)
    }

    @Test("tallies fold into lines by unit and rule (units compared without case), totals per action and outcome, paper by method, vendor certificates for destructions only")
    func dispositionFolding() throws {
        let year = try ReportYear("2025-2026", yearEnd: .schoolYearEnd)
        func tally(_ holder: String, _ rule: String, _ action: DueAction, _ outcome: DispositionOutcome, list: Int, count: Int,
                   paper: Int = 0, method: String? = nil, certificate: String? = nil) -> DispositionTally {
            DispositionTally(holder: holder, rule: rule, action: action, outcome: outcome, list: list, method: method,
                             vendorCertificate: certificate, count: count, destroyedWithoutFile: paper)
        }
        let report = DispositionReport(year: year, unit: nil, tallies: [
            tally("Ressources humaines", "2101", .destroy, .destroyed, list: 3, count: 4, paper: 3, method: "déchiquetage", certificate: "V-9"),
            tally("ressources humaines ", "2101", .destroy, .destroyed, list: 5, count: 2, paper: 2, method: "déchiquetage"),
            tally("Secrétariat général", "1101", .deposit, .deposited, list: 4, count: 7),
            tally("Secrétariat général", "1201", .sort, .kept, list: 4, count: 1, certificate: "V-4"),
            tally("Secrétariat général", "1201", .sort, .destroyed, list: 4, count: 2, paper: 1, method: "incinération"),
        ], titles: ["2101": "Dossier d'employé", "1101": "Procès-verbaux"])
        #expect(report.lines.count == 4)
        let staff = try #require(report.lines.first)
        #expect(staff.holder == "Ressources humaines")
        #expect(staff.title == "Dossier d'employé")
        #expect(staff.count == 6 && staff.lists == [3, 5] && staff.vendorCertificates == ["V-9"])
        #expect(report.lines.map(\.rule) == ["2101", "1101", "1201", "1201"])
        #expect(report.lines[2].title == nil)
        #expect(report.lines.map(\.outcome) == [.destroyed, .deposited, .kept, .destroyed])
        #expect(report.totals.map(\.count) == [6, 7, 1, 2])
        #expect(report.totals.map(\.outcome) == [.destroyed, .deposited, .kept, .destroyed])
        #expect(report.destroyed == 8)
        #expect(report.destroyedWithoutFileByMethod.map(\.method) == ["déchiquetage", "incinération"])
        #expect(report.destroyedWithoutFileByMethod.map(\.count) == [5, 1])
        #expect(report.destroyedWithoutFileByMethod.first?.lists == [3, 5])
        // A list's vendor certificate attests its destructions, not what it kept.
        #expect(report.lines[2].vendorCertificates.isEmpty && report.lines[2].lists == [4])
        #expect(report.totals[2].vendorCertificates.isEmpty)
    }

    @Test("a box is counted once: under its unit and phase, or under several units; metres only for boxes with a size")
    func boxesCountedOnce() {
        let boxes = [
            BoxTally(box: "B1", holder: "RH", phase: .semiActif, documents: 10, linearMillimetres: 380),
            BoxTally(box: "B2", holder: "RH", phase: .semiActif, documents: 3, linearMillimetres: nil),
            // Shared by two units (and two phases): once, under "several units".
            BoxTally(box: "B3", holder: "RH", phase: .semiActif, documents: 1, linearMillimetres: 250),
            BoxTally(box: "B3", holder: "SG", phase: .actif, documents: 5, linearMillimetres: 250),
            BoxTally(box: "B4", holder: "SG", phase: .actif, documents: 2, linearMillimetres: 120),
            // The same unit written two ways is one unit.
            BoxTally(box: "B5", holder: "sg", phase: .actif, documents: 1, linearMillimetres: 100),
            BoxTally(box: "B5", holder: "SG ", phase: .actif, documents: 1, linearMillimetres: 100),
        ]
        let documents = [DocumentTally(holder: "RH", phase: .semiActif, support: "PA", count: 14),
                         DocumentTally(holder: "SG", phase: .actif, support: "PA", count: 9)]
        let all = VolumeReport(unit: nil, documents: documents, boxes: boxes) { _ in true }
        #expect(all.boxes.map(\.holder) == ["RH", "SG", nil])
        #expect(all.boxes.map(\.boxes) == [2, 2, 1])
        #expect(all.boxes.map(\.linearMetres) == [0.38, 0.22, 0.25])
        #expect(all.boxes.map(\.boxesWithoutSize) == [1, 0, 0])
        #expect(all.boxes.last?.phase == nil)
        #expect(all.totalBoxes == 5)
        #expect(all.totalLinearMetres == 0.85)
        #expect(all.totalDocuments == 23)

        let staff = VolumeReport(unit: "RH", documents: documents, boxes: boxes) { $0 == "RH" }
        #expect(staff.documents.map(\.documents) == [14])
        // RH's two boxes and the box it shares with SG, all under RH's own line and RH's phase
        // (semi-actif, not "several phases" from SG's active documents), with the shared box's
        // whole metres: nothing says SG has documents there.
        #expect(staff.boxes == [VolumeBoxLine(holder: "RH", phase: .semiActif, boxes: 3, linearMetres: 0.63, boxesWithoutSize: 1)])
        #expect(staff.totalBoxes == 3)
        #expect(staff.totalLinearMetres == 0.63)
    }

    @Test("units are ordered as a French reader expects: accents and case aside, ties by their bytes")
    func unitOrder() {
        let documents = ["Services éducatifs", "École des Érables", "ressources humaines", "Ressources financières", "Ressources humaines"]
            .map { DocumentTally(holder: $0, phase: .actif, support: "PA", count: 1) }
        let report = VolumeReport(unit: nil, documents: documents, boxes: []) { _ in true }
        #expect(report.documents.map(\.holder) == ["École des Érables", "Ressources financières", "Ressources humaines", "Services éducatifs"])
        #expect(report.documents.map(\.documents) == [1, 1, 2, 1])
    }

    @Test("idle days count from the last activity, or from creation for a user who never acted; only active users are flagged")
    func idleDays() {
        let noon = { (text: String) in ISO8601DateFormatter().date(from: text + "T12:00:00Z")! }
        let utcDay = { (instant: Date) -> CivilDate in
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let parts = calendar.dateComponents([.year, .month, .day], from: instant)
            return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
        }
        let users = [
            UserActivity(name: "zoe", unit: "SG", roles: [.detenteur], active: true, email: nil, createdAt: noon("2026-01-01"),
                         createdBy: "admin", lastActivity: noon("2026-11-20")),
            UserActivity(name: "alain", unit: "RH", roles: [.utilisateur, .detenteur], active: true, email: "alain@example.org",
                         createdAt: noon("2026-05-01"), createdBy: "admin", lastActivity: nil),
            UserActivity(name: "marc", unit: "RH", roles: [.utilisateur], active: false, email: nil, createdAt: noon("2025-01-01"),
                         createdBy: "admin", lastActivity: noon("2025-02-01")),
        ]
        let report = AccessReport(users: users, asOf: day("2026-11-29"), inactiveDays: 90, day: utcDay)
        #expect(report.users.map(\.name) == ["alain", "marc", "zoe"])
        #expect(report.users.map(\.idleDays) == [212, 666, 9])
        #expect(report.users.map(\.inactive) == [true, false, false])
        #expect(report.users.first?.roles == ["detenteur", "utilisateur"])
        #expect(report.flagged == 1)
        #expect(AccessReport(users: users, asOf: day("2026-11-29"), inactiveDays: nil, day: utcDay).users.allSatisfy { $0.inactive == nil })
    }
}
