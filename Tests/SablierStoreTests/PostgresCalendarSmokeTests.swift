import Foundation
import SablierCore
import SablierStore
import SablierTestSupport
import Testing

/// What only PostgreSQL refuses of a calendar: text holding a NUL character, which SQLite keeps.
/// The refusal must still name the rule, as SQLite's refusals of a rule's rows do, although
/// PostgreSQL refuses a many-row statement without saying which row (the store inserts the
/// rows again one by one to find it), and leave nothing behind.
@Suite("PostgreSQL store: a calendar's rows refused by name")
struct PostgresCalendarSmokeTests {
    @Test("a remark PostgreSQL refuses is reported by its rule, and nothing is stored",
          .enabled(if: Backend.allCases.contains(.postgres), "SABLIER_TEST_POSTGRES is not set"))
    func refusedRemarkNamesItsRule() async throws {
        try await withTemporaryDirectory { directory in
            let store = try await Backend.postgres.makeStore(in: directory, as: (any CalendarStore).self)
            var calendar = Samples.large(300)
            calendar.rules[250].remarks.append(Remark(id: RemarkID(number: 9), text: "avant\u{0}après"))
            let error = await #expect(throws: StoreError.self) { try await store.addCalendarVersion(Samples.version(calendar)) }
            #expect(error?.code == .invalidVersion)
            #expect(error?.description.contains("rule 00251 was refused by the database") == true)
            #expect(try await Backend.postgres.rowCounts(in: directory).values.allSatisfy { $0 == 0 })
            // The transaction was undone whole: the next version is number 1, as if nothing happened.
            #expect(try await store.addCalendarVersion(Samples.version(Samples.large(3))).number == 1)
        }
    }
}
