public import SablierCore
import SablierStore

/// How many documents call for each action: transfer to semi-active storage, destruction,
/// transfer to the archives (versement), sorting (tri).
public struct ActionCounts: Sendable, Hashable, Codable {
    public var transfer = 0
    public var destroy = 0
    public var deposit = 0
    public var sort = 0

    public init() {}

    /// The four together.
    public var total: Int { transfer + destroy + deposit + sort }

    /// The count of `action`.
    public subscript(action: DueAction) -> Int {
        get {
            switch action {
            case .transfer: return transfer
            case .destroy: return destroy
            case .deposit: return deposit
            case .sort: return sort
            }
        }
        set {
            switch action {
            case .transfer: transfer = newValue
            case .destroy: destroy = newValue
            case .deposit: deposit = newValue
            case .sort: sort = newValue
            }
        }
    }
}

/// A value (a phase, a support code, a holder unit) and how many documents have it.
public struct OverviewCount: Sendable, Hashable, Codable {
    public var name: String
    public var count: Int

    public init(name: String, count: Int) {
        self.name = name
        self.count = count
    }
}

/// What falls due in one calendar year, by action.
public struct YearVolume: Sendable, Hashable, Codable {
    public var year: Int
    public var counts: ActionCounts
}

/// The register as the reader may see it: how many documents in each phase, on each support,
/// in each holder unit, and what their retention makes fall due in the years ahead.
public struct RegisterCounts: Sendable, Hashable, Codable {
    public var total: Int
    /// Every phase, in life-cycle order (`actif`, `semi-actif`, `inactif-verse`, `inactif-detruit`), zeros included.
    public var byPhase: [OverviewCount]
    /// Support codes (`PA`, `DM`…), most documents first.
    public var bySupport: [OverviewCount]
    /// Holder units, most documents first.
    public var byHolder: [OverviewCount]
    /// Actions still to carry out whose date fell before the first year of `years`.
    public var overdue: ActionCounts
    /// The actions falling due in each of the ten years from the overview's year on.
    public var years: [YearVolume]
    /// Documents left out because the reader may not see them.
    public var withheld: Int
}

/// The dashboard: what the reader may see of the register, what is due, and what waits for
/// someone. A part whose permission the reader does not hold is nil rather than a refusal, so
/// that every role gets the dashboard of what it may see.
public struct RegisterOverview: Sendable, Hashable, Codable {
    /// The day the overview was counted on.
    public var asOf: String
    /// The last day of `asOf`'s month and of its year: the dates the due counts are taken on.
    public var monthEnd: String
    public var yearEnd: String
    /// Nil without `documents.read`.
    public var register: RegisterCounts?
    /// The due list on `monthEnd` and on `yearEnd`: due by then, including what is overdue.
    /// Nil without `due.read`.
    public var dueByMonthEnd: DueSummary?
    public var dueByYearEnd: DueSummary?
    /// Flagged documents waiting for the AIPRP review; nil without `privacy.review`.
    public var privacyPending: Int?
    /// Holds in force the reader may see; nil without `holds.read`.
    public var openHolds: Int?
    /// Incidents not closed; nil without `incidents.manage`.
    public var openIncidents: Int?
}

extension Sablier {
    /// The dashboard of `session` on `date` (today by default).
    ///
    /// Each part is what its own use case gives this reader (the due list, the holds, the
    /// review queue, the incidents, the register under its visibility), so that the dashboard
    /// never shows a number the reader could not reach on the page it links to. A part whose
    /// permission the reader does not hold is left out, and no refusal is written for it: the
    /// reader did not ask for it. Like every other read, the overview is not audited.
    public func overview(_ session: Session, on date: CivilDate? = nil) async throws(Refusal) -> RegisterOverview {
        let stored = try await attempt { try await store.user(session.user.name) }
        guard let user = stored, user.active, !session.mustChangePassword else {
            // The refusal an unknown or disabled user, or a password to change, gets everywhere.
            _ = try await authorize(session, .readDocuments, "overview")
            throw Refusal(.unknownUser, ["user": session.user.name])
        }
        func holds(_ permission: Permission) -> Bool { PermissionMatrix.scope(of: user.roles, for: permission) != nil }

        let day = date ?? clock.today
        let monthEnd = CivilDate(year: day.year, month: day.month, day: CivilDate.daysIn(month: day.month, year: day.year))!
        let yearEnd = CivilDate(year: day.year, month: 12, day: 31)!
        var overview = RegisterOverview(asOf: day.description, monthEnd: monthEnd.description, yearEnd: yearEnd.description)
        if holds(.readDocuments) { overview.register = try await registerCounts(session, year: day.year) }
        if holds(.readDue) {
            overview.dueByMonthEnd = try await dueList(session, asOf: monthEnd) { _ in }
            overview.dueByYearEnd = try await dueList(session, asOf: yearEnd) { _ in }
        }
        if holds(.reviewPrivacy) { overview.privacyPending = try await privacyQueue(session).pending }
        if holds(.readHolds) { overview.openHolds = try await self.holds(session).holds.count }
        if holds(.manageIncidents) {
            overview.openIncidents = try await incidents(session).filter { $0.status != Incident.Status.ferme.rawValue }.count
        }
        return overview
    }

    /// The register's documents the reader may see, counted, and their pending actions by the
    /// year they fall due, from `year` on for ten years.
    ///
    /// The dates are the retention status the register keeps (the engine's count), and which
    /// action a date calls for is `RetentionStatus.action`'s, as in the due list: once the
    /// final date has come the transfer is no longer asked for.
    func registerCounts(_ session: Session, year: Int) async throws(Refusal) -> RegisterCounts {
        let access = try await authorize(session, .readDocuments, "overview")
        let visibility = try await visibility(access)
        let found = try await attempt { try await store.documents(matching: nil, limit: nil) }
        let firstDay = CivilDate(year: year, month: 1, day: 1)!
        let dayBefore = CivilDate(year: year - 1, month: 12, day: 31)!
        var phases: [Phase: Int] = [:], supports: [String: Int] = [:], holders: [String: Int] = [:]
        var overdue = ActionCounts()
        var years = (0..<10).map { YearVolume(year: year + $0, counts: ActionCounts()) }
        var total = 0, withheld = 0
        func add(_ action: DueAction, on date: CivilDate) {
            let index = date.year - year
            if years.indices.contains(index) { years[index].counts[action] += 1 }
        }
        for item in found {
            guard visibility.allows(item.document.reference, holder: item.document.holder) else { withheld += 1; continue }
            total += 1
            phases[item.phase, default: 0] += 1
            supports[item.document.support.code, default: 0] += 1
            holders[item.document.holder, default: 0] += 1
            let status = item.retention
            if let (action, _) = status.action(dueOn: dayBefore, phase: item.phase) { overdue[action] += 1 }
            guard !item.phase.isInactive else { continue }
            if item.phase == .actif, let transferOn = status.transferOn, transferOn >= firstDay,
               status.finalOn.map({ transferOn < $0 }) ?? true {
                add(.transfer, on: transferOn)
            }
            if let finalOn = status.finalOn, let finalAction = status.finalAction, finalOn >= firstDay {
                add(finalAction, on: finalOn)
            }
        }
        func sorted(_ counts: [String: Int]) -> [OverviewCount] {
            counts.map { OverviewCount(name: $0.key, count: $0.value) }.sorted { ($1.count, $0.name) < ($0.count, $1.name) }
        }
        return RegisterCounts(total: total, byPhase: Phase.allCases.map { OverviewCount(name: $0.rawValue, count: phases[$0] ?? 0) },
                              bySupport: sorted(supports), byHolder: sorted(holders), overdue: overdue, years: years,
                              withheld: withheld)
    }
}
