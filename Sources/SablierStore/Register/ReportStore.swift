public import Foundation
public import SablierCore

/// What the application needs for the register's reports (dispositions of a year, volumes,
/// access rights): read-only queries that aggregate in the database (`GROUP BY`), so that a
/// report never loads the register whole. The tallies are the whole organisation's: the use
/// case keeps what the reader may count.
public protocol ReportStore: Sendable {
    /// The year end (fin d'année) of the calendar in force; June 30 when none was imported.
    func reportYearEnd() async throws -> MonthDay

    /// The items of executed disposition lists done in `[from, until)` that destroyed,
    /// deposited or sorted a document, counted by holder unit, rule, action, outcome and list.
    func dispositionTallies(from: Date, until: Date) async throws -> [DispositionTally]

    /// The titles of `rules`: in the calendar in force, else in the latest version that had them.
    func ruleTitles(_ rules: Set<String>) async throws -> [String: String]

    /// The documents counted by holder unit, phase and support.
    func documentTallies() async throws -> [DocumentTally]

    /// The documents in boxes counted by box, holder unit and phase, with each box's size.
    func boxTallies() async throws -> [BoxTally]

    /// Every user, active or not, with the time of their newest audit entry, failed sign-ins
    /// under their name aside (whoever typed the name made them).
    func userActivity() async throws -> [UserActivity]
}
