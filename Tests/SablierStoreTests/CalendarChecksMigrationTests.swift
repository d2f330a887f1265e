import Foundation
import SablierCore
import SablierStore
import SablierTestSupport
import Testing
@testable import SablierSQLite

/// `v7-calendar-checks` rebuilds the rule tables with their enumeration checks rewritten:
/// what was stored stays, and what was refused still is. SQLite only: it upgrades stores made
/// before v7, and no PostgreSQL store predates v7.
@Suite("SQLite only — v7-calendar-checks")
struct CalendarChecksMigrationTests {
    @Test("a store from before v7 keeps its calendar, diagnostics and source, and takes new versions")
    func keepsCalendars() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.file("sablier.sqlite").path
            let old = Samples.version(Samples.rich, format: .gala, diagnostics: Samples.diagnostics)
            try SQLiteStore.makeStore(atPath: path, migratedUpTo: "v5-privacy", storing: old)
            let store = try SQLiteStore(path: AuditKeyFixture.keyed(path))
            #expect(try await store.calendar(version: 1) == Samples.rich)
            #expect(try await store.diagnostics(version: 1) == Samples.diagnostics)
            #expect(try await store.sourceBytes(version: 1) == old.sourceBytes)
            let second = try await store.addCalendarVersion(Samples.version(Samples.large(50)))
            #expect(try await store.calendar(version: second.number) == Samples.large(50))
            // No table still names the rebuilt tables' temporary names, and the indexes are back.
            #expect(try SQLiteStore.fetchUncheckedInt(
                "SELECT COUNT(*) FROM sqlite_master WHERE sql LIKE '%\\_v7%' ESCAPE '\\'", inDatabaseAt: path) == 0)
            #expect(try SQLiteStore.fetchUncheckedInt("""
                SELECT COUNT(*) FROM sqlite_master WHERE type = 'index'
                AND name IN ('calendar_copy_rule_by_disposition', 'calendar_rule_item_by_value')
                """, inDatabaseAt: path) == 2)
            // Deleting a version still deletes its rules' rows through the rebuilt foreign keys.
            try SQLiteStore.executeUnchecked("PRAGMA foreign_keys = ON; DELETE FROM calendar_version WHERE number = 1", inDatabaseAt: path)
            #expect(try SQLiteStore.fetchUncheckedInt("SELECT COUNT(*) FROM calendar_copy_rule WHERE version = 1", inDatabaseAt: path) == 0)
            #expect(try SQLiteStore.fetchUncheckedInt("SELECT COUNT(*) FROM calendar_rule_item WHERE version = 1", inDatabaseAt: path) == 0)
        }
    }

    @Test("the rewritten checks refuse what v1's refused", arguments: [
        "UPDATE calendar_rule SET count_start = 'whenever' WHERE version = 1",
        "UPDATE calendar_copy_rule SET active_kind = 'forever', active_years = NULL WHERE version = 1",
        "UPDATE calendar_copy_rule SET semi_active_kind = 'forever', semi_active_years = NULL WHERE version = 1",
        "UPDATE calendar_copy_rule SET disposition = 'X' WHERE version = 1",
        "UPDATE calendar_rule_item SET kind = 'other' WHERE version = 1",
        "INSERT INTO calendar_remark (version, rule_number, position, remark_number, text) VALUES (1, 'no such rule', 0, 1, 't')",
    ])
    func checksStillRefuse(sql: String) async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.file("sablier.sqlite").path
            let store = try SQLiteStore(path: AuditKeyFixture.keyed(path))
            _ = try await store.addCalendarVersion(Samples.version(Samples.rich))
            #expect(throws: (any Error).self) {
                try SQLiteStore.executeUnchecked("PRAGMA foreign_keys = ON; \(sql)", inDatabaseAt: path)
            }
            // The values the calendar uses pass.
            try SQLiteStore.executeUnchecked(
                "UPDATE calendar_copy_rule SET disposition = 'T' WHERE version = 1 AND copy = 'principal'", inDatabaseAt: path)
        }
    }
}
