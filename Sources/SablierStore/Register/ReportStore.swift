/// What the application needs for the register's reports (dispositions of a year, volumes,
/// access rights): read-only queries that aggregate in the database.
public protocol ReportStore: Sendable {}
