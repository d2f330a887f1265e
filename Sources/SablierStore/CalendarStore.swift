public import Foundation
public import SablierCore

/// What the application keeps of one import: the calendar version's number and provenance.
public struct CalendarVersionInfo: Sendable, Hashable, Codable {
    /// 1, 2, 3… in import order, never reused.
    public var number: Int
    /// When the import ran; stores keep it to the microsecond.
    public var importedAt: Date
    public var importedBy: String
    /// The path as given on the command line.
    public var sourceFile: String
    public var sourceFormat: CalendarFormat
    /// Lowercase hex SHA-256 of the imported file's bytes.
    public var sourceSHA256: String
    public var ruleCount: Int
    /// The number of warning diagnostics kept with the version.
    public var warningCount: Int
    public var organisation: String?
    public var versionLabel: String?

    public init(
        number: Int,
        importedAt: Date,
        importedBy: String,
        sourceFile: String,
        sourceFormat: CalendarFormat,
        sourceSHA256: String,
        ruleCount: Int,
        warningCount: Int,
        organisation: String? = nil,
        versionLabel: String? = nil
    ) {
        self.number = number
        self.importedAt = importedAt
        self.importedBy = importedBy
        self.sourceFile = sourceFile
        self.sourceFormat = sourceFormat
        self.sourceSHA256 = sourceSHA256
        self.ruleCount = ruleCount
        self.warningCount = warningCount
        self.organisation = organisation
        self.versionLabel = versionLabel
    }
}

/// A calendar version about to be stored: the whole calendar after an import, with its provenance.
public struct NewCalendarVersion: Sendable {
    /// The WHOLE calendar after this import, not a delta.
    public var calendar: RetentionCalendar
    public var importedAt: Date
    public var importedBy: String
    public var sourceFile: String
    public var sourceFormat: CalendarFormat
    /// Lowercase hex SHA-256 of `sourceBytes`; the store checks it.
    public var sourceSHA256: String
    /// The original file, kept for provenance.
    public var sourceBytes: [UInt8]
    /// The warnings of the import, kept with the version in this order.
    public var diagnostics: [Diagnostic]

    public init(
        calendar: RetentionCalendar,
        importedAt: Date,
        importedBy: String,
        sourceFile: String,
        sourceFormat: CalendarFormat,
        sourceSHA256: String,
        sourceBytes: [UInt8],
        diagnostics: [Diagnostic]
    ) {
        self.calendar = calendar
        self.importedAt = importedAt
        self.importedBy = importedBy
        self.sourceFile = sourceFile
        self.sourceFormat = sourceFormat
        self.sourceSHA256 = sourceSHA256
        self.sourceBytes = sourceBytes
        self.diagnostics = diagnostics
    }
}

/// Where calendar versions are kept. One protocol over a closed set of backends: SQLite
/// (`SablierSQLite`, the embedded default) and, later, PostgreSQL. Every backend stores the
/// schema of `StoreSchema` and encodes values with `StoredVersion`, so SQL over the tables
/// means the same thing everywhere.
///
/// Every method throws `StoreError` only.
public protocol CalendarStore: Sendable {
    /// Stores a new version in ONE transaction: all of it or nothing. Its number is the next
    /// one after the highest stored.
    func addCalendarVersion(_ version: NewCalendarVersion) async throws -> CalendarVersionInfo
    /// Every version, ascending by number.
    func calendarVersions() async throws -> [CalendarVersionInfo]
    func latestCalendarVersion() async throws -> CalendarVersionInfo?
    /// Nil when no version has this number.
    func calendarVersion(_ number: Int) async throws -> CalendarVersionInfo?
    /// Exactly the calendar stored, rules in stored order; nil when the version does not exist.
    func calendar(version: Int) async throws -> RetentionCalendar?
    /// Nil when the version does not exist or has no such rule.
    func rule(_ number: String, version: Int) async throws -> Rule?
    /// The import's diagnostics in stored order; throws `versionNotFound` for an unknown version.
    func diagnostics(version: Int) async throws -> [Diagnostic]
    /// The imported file's bytes; nil when the version does not exist.
    func sourceBytes(version: Int) async throws -> [UInt8]?
}
