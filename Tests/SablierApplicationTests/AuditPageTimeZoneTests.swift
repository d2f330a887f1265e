import Foundation
import SablierApplication
import SablierCore
import SablierSQLite
import SablierStore
import Testing

/// The audit page's days are cut in one time zone, and the page says which, so that the times
/// a reader shows and the days it filters by agree.
@Suite("Audit page time zone")
struct AuditPageTimeZoneTests {
    @Test("an entry at 22:30 in Quebec is under that day in Quebec and under the next one in UTC; the page names its zone")
    func dayBoundary() async throws {
        let office = try await TestOffice(.users)
        let verif = try await office.session("verif")
        // 2026-11-30 03:30 UTC is 2026-11-29 22:30 in Montreal (UTC−5 in winter).
        let instant = try #require(ISO8601DateFormatter().date(from: "2026-11-30T03:30:00Z"))
        _ = try await office.store.appendAudit(user: "admin", action: "store.init", target: "test minuit", details: [:], at: instant)
        let quebec = try #require(TimeZone(identifier: "America/Toronto"))
        let utc = try #require(TimeZone(identifier: "UTC"))
        let the29th = try #require(CivilDate(iso: "2026-11-29")), the30th = try #require(CivilDate(iso: "2026-11-30"))

        let local = try await office.sablier.auditPage(verif, since: the29th, until: the29th, target: "test minuit", timeZone: quebec)
        #expect(local.total == 1 && local.timeZone == "America/Toronto")
        #expect(try await office.sablier.auditPage(verif, since: the30th, target: "test minuit", timeZone: quebec).total == 0)

        let inUTC = try await office.sablier.auditPage(verif, since: the30th, until: the30th, target: "test minuit", timeZone: utc)
        #expect(inUTC.total == 1 && inUTC.timeZone == utc.identifier)
        #expect(try await office.sablier.auditPage(verif, until: the29th, target: "test minuit", timeZone: utc).total == 0)

        let byDefault = try await office.sablier.auditPage(verif, limit: 1)
        #expect(byDefault.timeZone == TimeZone.current.identifier, "where Sablier runs, as `auditLog --since` and today")
    }
}
