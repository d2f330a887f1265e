/// The register's reports: dispositions of a year, volumes, access rights.
extension Refusal.Code {
    /// `year`: a report year is named by its two calendar years, `2025-2026`.
    public static let reportBadYear = Self("report.bad-year", .invalidInput)
    /// `unit`, `own`: a détenteur reads the reports of their own unit only.
    public static let reportOtherUnit = Self("report.other-unit", .forbidden)
    /// `days`: the idle days that flag a user are a whole number, zero or more.
    public static let reportBadInactiveDays = Self("report.bad-inactive-days", .invalidInput)

    static let reports: [Self] = [reportBadYear, reportOtherUnit, reportBadInactiveDays]
}
