public import Foundation

/// A user as the store keeps them, with the instant of their newest audit entry.
public struct UserActivity: Sendable, Hashable, Codable {
    public var name: String
    public var unit: String
    public var roles: [Role]
    public var active: Bool
    public var email: String?
    public var createdAt: Date
    public var createdBy: String
    /// The time of the user's newest audit entry (failed sign-ins under their name aside); nil when they have none.
    public var lastActivity: Date?

    public init(name: String, unit: String, roles: [Role], active: Bool, email: String?, createdAt: Date, createdBy: String,
                lastActivity: Date?) {
        self.name = name; self.unit = unit; self.roles = roles; self.active = active; self.email = email
        self.createdAt = createdAt; self.createdBy = createdBy; self.lastActivity = lastActivity
    }
}

/// One user in the review of access rights.
public struct AccessReportLine: Sendable, Hashable, Codable {
    public var name: String
    public var unit: String
    /// The roles' codes, sorted.
    public var roles: [String]
    public var active: Bool
    public var email: String?
    public var createdAt: Date
    public var createdBy: String
    public var lastActivity: Date?
    /// Whole days from the day of the last activity (or, for a user who never acted, of their
    /// creation) to the report's day.
    public var idleDays: Int
    /// True when the user is active and idle for at least the days asked (`--inactive-days`):
    /// an access right the review should question. Absent when no threshold was given.
    public var inactive: Bool?
}

/// The review of access rights (the security policy's periodic review, by the RSI): every user,
/// active or not, their roles and unit, and how long since they last did anything recorded.
public struct AccessReport: Sendable, Hashable, Codable {
    /// The day the idle days are counted to.
    public var asOf: CivilDate
    /// The idle days that flag a user, when asked.
    public var inactiveDays: Int?
    public var users: [AccessReportLine]
    /// How many active users are flagged.
    public var flagged: Int

    /// The report of `users` on `asOf`. `day` turns an instant into the civil day where
    /// Sablier runs (the edges' time zone: the core has none).
    public init(users: [UserActivity], asOf: CivilDate, inactiveDays: Int?, day: (Date) -> CivilDate) {
        self.asOf = asOf
        self.inactiveDays = inactiveDays
        self.users = users.sorted { $0.name < $1.name }.map { user in
            let idle = asOf.days(since: day(user.lastActivity ?? user.createdAt))
            return AccessReportLine(name: user.name, unit: user.unit, roles: user.roles.map(\.rawValue).sorted(), active: user.active,
                                    email: user.email, createdAt: user.createdAt, createdBy: user.createdBy,
                                    lastActivity: user.lastActivity, idleDays: idle,
                                    inactive: inactiveDays.map { user.active && idle >= $0 })
        }
        flagged = self.users.filter { $0.inactive == true }.count
    }
}
