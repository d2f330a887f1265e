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
    /// Stores a new version in ONE transaction, as `addCalendarVersion(_:)` does, from a file
    /// still being read: the rules `stream` hands over early may be written while the rest is
    /// read, and what is stored is exactly `stream.finish()`'s version. When `finish` throws,
    /// nothing is stored and its error is rethrown unchanged.
    func addCalendarVersion(from stream: any CalendarVersionStream) async throws -> CalendarVersionInfo
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

extension CalendarStore {
    /// A backend that cannot write while the file is read stores the finished version whole.
    public func addCalendarVersion(from stream: any CalendarVersionStream) async throws -> CalendarVersionInfo {
        for await _ in stream.rules {}
        return try await addCalendarVersion(try await stream.finish())
    }
}

/// A calendar version handed to the store while its file is still being read elsewhere, so
/// that writing the rules overlaps reading them (the import's wall time becomes about the
/// longer of the two instead of their sum).
///
/// The rules `rules` gives are the store's head start, not a promise: the version stored is
/// `finish()`'s, whole. A store may write them inside its transaction, then keep them when
/// the finished calendar starts with exactly those rules in that order, and undo them
/// otherwise (a rule mended by the checks, a GALA delta applied to an earlier version).
/// Either way the stored version is the same as `addCalendarVersion(try await stream.finish())`.
/// Both are asynchronous: a store waiting for the file holds no thread.
public protocol CalendarVersionStream: AnyObject, Sendable {
    /// The file as given, for messages.
    var sourceFile: String { get }
    /// The file's bytes, known before reading starts.
    var sourceBytes: [UInt8] { get }
    /// Lowercase hex SHA-256 of `sourceBytes`; the store checks it.
    var sourceSHA256: String { get }
    /// The rules the file gives early, in calendar order, a batch at a time; it ends when no
    /// more come before `finish`. Iterated once.
    var rules: AsyncStream<[Rule]> { get }
    /// The version to store, once the whole file is read and checked. Throws when the file is
    /// refused; the store then rolls back and rethrows the error unchanged.
    func finish() async throws -> NewCalendarVersion
}
