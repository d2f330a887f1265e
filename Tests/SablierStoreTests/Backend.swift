import Foundation
import SablierStore
import SablierTestSupport
import Testing
@testable import SablierSQLite

/// The backends the contract suite runs against; a `.postgres` case will join them.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite

    var testDescription: String { rawValue }

    /// Opens (creating it the first time) the store kept in `directory`: calling it again on the
    /// same directory reopens the same database.
    func makeStore(in directory: TemporaryDirectory) throws -> any CalendarStore {
        switch self {
        case .sqlite:
            return try SQLiteStore(path: AuditKeyFixture.keyed(directory.file("sablier.sqlite").path))
        }
    }

    /// The number of rows in each table of the store, read around the store's API, so a test
    /// can prove that a failed write left nothing behind.
    func rowCounts(in directory: TemporaryDirectory) throws -> [String: Int] {
        switch self {
        case .sqlite:
            var counts: [String: Int] = [:]
            for table in Backend.tables {
                counts[table] = try SQLiteStore.fetchUncheckedInt(
                    "SELECT COUNT(*) FROM \(table)", inDatabaseAt: directory.file("sablier.sqlite").path)
            }
            return counts
        }
    }

    static let tables = [
        CalendarVersionRow.table.name, CalendarVersionSourceRow.table.name, CalendarRuleRow.table.name,
        CalendarCopyRuleRow.table.name, CalendarRemarkRow.table.name, CalendarRuleItemRow.table.name,
        CalendarDiagnosticRow.table.name,
    ]
}

/// Runs `body` with a fresh temporary directory, removed afterwards.
func withTemporaryDirectory<T>(_ body: (TemporaryDirectory) async throws -> T) async throws -> T {
    let directory = try TemporaryDirectory(prefix: "sablier-store")
    defer { directory.remove() }
    return try await body(directory)
}
