import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SablierRegister
import SablierServer
import SablierTestSupport
import Testing

/// `GET /api/v1/privacy/public-identifiers/suggestions`: `privacy public suggest`'s use case,
/// its result and refusals as JSON.
@Suite("The letterhead's suggestions route")
struct PublicSuggestionRoutesTests {
    @Test("the letterhead of 30 letters from 5 units is proposed with its counts; a threshold below its floor is a 422, another's request a 403")
    func suggestions() async throws {
        let office = try await ServerOffice()
        let register = try LetterheadRegister(in: office.directory.url, perUnit: 6, repeatedFamilyLetters: 4)
        let outcome = try await DocumentRegistrar(store: office.store)
            .importCSV(path: register.csv.path, skipInvalid: false, actor: "gestion.doc", now: ServerOffice.now)
        try #require(outcome.registered == 30)
        try await office.test { client in
            let found = try await client.call(.get, "/api/v1/privacy/public-identifiers/suggestions?minDocuments=30&minUnits=5", as: "aiprp")
            #expect(found.status == .ok, "\(found.text)")
            let object = try found.object()
            #expect(object["minDocuments"] as? Int == 30 && object["minUnits"] as? Int == 5 && object["unreadable"] as? Int == 0)
            let suggestions = try #require(object["suggestions"] as? [[String: Any]])
            let phone = try #require(suggestions.first { $0["kind"] as? String == "phone" })
            #expect(phone["value"] as? String == LetterheadRegister.phone && phone["documents"] as? Int == 30 && phone["units"] as? Int == 5)
            #expect(suggestions.contains { $0["kind"] as? String == "email-domain" && $0["value"] as? String == LetterheadRegister.emailDomain })
            // The family in four letters of one unit is no letterhead.
            #expect(!suggestions.contains { $0["value"] as? String == LetterheadRegister.familyPhone(LetterheadRegister.repeatedFamily) })

            let zero = try await client.call(.get, "/api/v1/privacy/public-identifiers/suggestions?minUnits=1", as: "aiprp")
            #expect(zero.status.code == 422 && zero.error?.code == "privacy.suggest-threshold", "\(zero.text)")
            let other = try await client.call(.get, "/api/v1/privacy/public-identifiers/suggestions", as: "gestion.doc")
            #expect(other.status.code == 403)
        }
    }

    @Test("declaring a public identifier answers the rescan's counts, as privacy public add prints them")
    func addAnswersRescanCounts() async throws {
        let office = try await ServerOffice()
        let register = try LetterheadRegister(in: office.directory.url, perUnit: 6, repeatedFamilyLetters: 4)
        let outcome = try await DocumentRegistrar(store: office.store)
            .importCSV(path: register.csv.path, skipInvalid: false, actor: "gestion.doc", now: ServerOffice.now)
        try #require(outcome.registered == 30)
        try await office.test { client in
            let scanned = try await client.call(.post, "/api/v1/privacy/scans", as: "aiprp", json: #"{"all":true}"#)
            #expect(scanned.status.code < 300, "\(scanned.text)")
            let added = try await client.call(.post, "/api/v1/privacy/public-identifiers", as: "aiprp",
                                              json: #"{"kind":"phone","value":"819 555-0100"}"#)
            #expect(added.status == .created, "\(added.text)")
            let object = try added.object()
            #expect(object["value"] as? String == LetterheadRegister.phone && object["kind"] as? String == "phone")
            #expect(object["rescanned"] as? Int == 30 && object["leftQueue"] as? Int == 0 && object["notRescanned"] as? Int == 0, "\(added.text)")
            #expect((object["rescanProblems"] as? [Any])?.isEmpty == true)
        }
    }
}
