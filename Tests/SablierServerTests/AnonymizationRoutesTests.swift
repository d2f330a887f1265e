import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SablierCore
import SablierServer
import SablierSQLite
import SablierTestSupport
import Testing

/// `POST /api/v1/privacy/documents/{reference}/anonymized-copy` and `…/sign-off`: the same use
/// cases as `privacy anonymize` and `privacy sign-off`, their results and refusals as JSON.
@Suite("Anonymised copy routes")
struct AnonymizationRoutesTests {
    @Test("the copy is made and registered (201), refused a second time (409) and to others than the AIPRP officer (403); then signed off once")
    func copyAndSignOff() async throws {
        let office = try await ServerOffice()
        try await office.store.recordPrivacyReview("SG-CORR-2021", decision: .confirm, measure: .anonymiser, note: "lettre nominative",
                                                   by: "aiprp", at: Date(timeIntervalSince1970: 1_796_000_000))
        let form = #"{"rule":"1102","holder":"Secrétariat général","copy":"secondaire","note":"copie pour la recherche"}"#
        try await office.test { client in
            let forbidden = try await client.call(.post, "/api/v1/privacy/documents/SG-CORR-2021/anonymized-copy", as: "gestion.doc", json: form)
            #expect(forbidden.status.code == 403)
            let made = try await client.call(.post, "/api/v1/privacy/documents/SG-CORR-2021/anonymized-copy", as: "aiprp", json: form)
            #expect(made.status == .created, "\(made.text)")
            #expect(try made.object()["copy"] as? String == "ANON-1")
            #expect(try made.object()["status"] as? String == "waits-for-sign-off")
            let again = try await client.call(.post, "/api/v1/privacy/documents/SG-CORR-2021/anonymized-copy", as: "aiprp", json: form)
            #expect(again.status.code == 409 && again.error?.code == "privacy.anonymized-copy-exists")
            let signed = try await client.call(.post, "/api/v1/privacy/documents/SG-CORR-2021/anonymized-copy/sign-off", as: "aiprp",
                                               json: #"{"note":"lue"}"#)
            #expect(signed.status == .ok, "\(signed.text)")
            #expect(try signed.object()["status"] as? String == "signed-off")
            let twice = try await client.call(.post, "/api/v1/privacy/documents/SG-CORR-2021/anonymized-copy/sign-off", as: "aiprp",
                                              json: #"{"note":"lue"}"#)
            #expect(twice.status.code == 409 && twice.error?.code == "privacy.anonymized-copy-signed")
        }
        #expect(try await office.store.document("ANON-1")?.document.copy == .secondaire)
    }
}
