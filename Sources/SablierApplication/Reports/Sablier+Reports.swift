public import SablierCore
import SablierStore

extension Sablier {
    /// The yearly disposition report (`report disposition --year 2025-2026`): what the executed
    /// lists destroyed, deposited (versé) and sorted in the year, by holder unit and rule, with
    /// the lists and the vendors' certificates; the secrétariat général's yearly account.
    ///
    /// The year runs from the day after the calendar in force's year end to the next one, in
    /// the time zone where Sablier runs, and an item counts in the year its execution was
    /// done. A détenteur reads their own unit's lines; an organisation-wide reader reads every
    /// unit's, or the one `unit` names. Counts name no title, so confidential documents are
    /// counted like the others. Like every other read, a report is not audited.
    public func dispositionReport(_ session: Session, year: String, unit: String? = nil) async throws(Refusal) -> DispositionReport {
        let useCase = "report disposition"
        let access = try await authorize(session, .readReports, useCase)
        let unit = try await reportUnit(access, asked: unit, useCase: useCase)
        let yearEnd = try await attempt { try await store.reportYearEnd() }
        let reportYear: ReportYear
        do throws(Refusal) {
            reportYear = try ReportYear(year, yearEnd: yearEnd)
        } catch {
            throw await refusing(error, by: access.user.name, useCase: useCase)
        }
        let from = Self.localMidnight(reportYear.first), until = Self.localMidnight(reportYear.last.dayAfter)
        let tallies = try await attempt { try await store.dispositionTallies(from: from, until: until) }
            .filter { tally in unit.map { Access.sameUnit(tally.holder, $0) } ?? true }
        let titles = try await attempt { try await store.ruleTitles(Set(tallies.map(\.rule))) }
        return DispositionReport(year: reportYear, unit: unit, tallies: tallies, titles: titles)
    }

    /// The volumes report (`report volumes`): documents by phase, support and holder unit, and
    /// the linear metres of the boxes holding them where boxes give a size. Scoped as the
    /// disposition report is.
    public func volumeReport(_ session: Session, unit: String? = nil) async throws(Refusal) -> VolumeReport {
        let useCase = "report volumes"
        let access = try await authorize(session, .readReports, useCase)
        let unit = try await reportUnit(access, asked: unit, useCase: useCase)
        let documents = try await attempt { try await store.documentTallies() }
        let boxes = try await attempt { try await store.boxTallies() }
        return VolumeReport(unit: unit, documents: documents, boxes: boxes) { holder in unit.map { Access.sameUnit(holder, $0) } ?? true }
    }

    /// The review of access rights (`report access`, the RSI's and the vérificateur's): every
    /// user, active or not, with roles, unit, e-mail, who created them and when, and their last
    /// activity (their newest audit entry); `inactiveDays` flags the active users idle that long.
    public func accessReport(_ session: Session, inactiveDays: Int? = nil) async throws(Refusal) -> AccessReport {
        let useCase = "report access"
        let access = try await authorize(session, .readUsers, useCase)
        if let inactiveDays, inactiveDays < 0 {
            throw await refusing(Refusal(.reportBadInactiveDays, ["days": String(inactiveDays)]), by: access.user.name, useCase: useCase)
        }
        let users = try await attempt { try await store.userActivity() }
        return AccessReport(users: users, asOf: clock.today, inactiveDays: inactiveDays) { CivilDate(dayOf: $0) }
    }

    /// The unit a report is limited to: a détenteur's own (another asked for is refused), or
    /// for an organisation-wide reader the one asked for, if any.
    private func reportUnit(_ access: Access, asked: String?, useCase: String) async throws(Refusal) -> String? {
        let given = asked.nonBlank
        guard access.scope != .all else { return given }
        if let given, !Access.sameUnit(given, access.user.unit) {
            throw await refusing(Refusal(.reportOtherUnit, ["unit": given, "own": access.user.unit]), by: access.user.name, useCase: useCase)
        }
        return access.user.unit
    }
}
