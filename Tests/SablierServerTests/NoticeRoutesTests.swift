import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SablierCore
import SablierServer
import SablierTestSupport
import Testing

/// `POST /api/v1/notices` (composed, never sent) and `PUT /api/v1/users/{name}/email`: the same
/// use cases as `sablier notify` and `sablier user email`, their results and refusals as JSON.
@Suite("Notice and e-mail routes")
struct NoticeRoutesTests {
    @Test("the RSI sets an address; the notices' dry run is addressed to it; a bad address and a real send are refused")
    func notices() async throws {
        let office = try await ServerOffice()
        try await office.test { client in
            let bad = try await client.call(.put, "/api/v1/users/rh.chef/email", as: "admin", json: #"{"email":"chef.rh@css.example.qc.ca\nBcc: x@y.ca"}"#)
            #expect(bad.status.code == 422 && bad.error?.code == "notices.invalid-email")
            let set = try await client.call(.put, "/api/v1/users/rh.chef/email", as: "admin", json: #"{"email":"chef.rh@css.example.qc.ca"}"#)
            #expect(set.status == .ok, "\(set.text)")
            #expect(try set.object()["email"] as? String == "chef.rh@css.example.qc.ca")
            let run = try await client.call(.post, "/api/v1/notices", as: "gestion.doc",
                                            json: #"{"asOf":"2026-11-29","days":30,"dryRun":true,"from":"sablier@css.example.qc.ca"}"#)
            #expect(run.status == .ok, "\(run.text)")
            let body = try run.object()
            #expect(body["dryRun"] as? Bool == true && body["through"] as? String == "2026-12-29" && body["sent"] as? Int == 0)
            let messages = try #require(body["messages"] as? [[String: Any]])
            #expect(messages.map { $0["recipient"] as? String } == ["rh.chef"])
            #expect((messages.first?["text"] as? String)?.contains("\nTo: chef.rh@css.example.qc.ca\n") == true)
            let gaps = try #require(body["withoutAddress"] as? [[String: Any]])
            #expect(gaps.contains { $0["detenteur"] as? String == "rh" && $0["unit"] as? String == "Ressources humaines" })
            let send = try await client.call(.post, "/api/v1/notices", as: "gestion.doc", json: #"{"dryRun":false}"#)
            #expect(send.status.code == 422 && send.error?.code == "notices.dry-run-only")
            let far = try await client.call(.post, "/api/v1/notices", as: "gestion.doc", json: #"{"days":99999,"dryRun":true}"#)
            #expect(far.status.code == 422 && far.error?.code == "notices.days-out-of-range")
            let detenteur = try await client.call(.post, "/api/v1/notices", as: "rh.chef", json: #"{"dryRun":true}"#)
            #expect(detenteur.status.code == 403)
            // The rule is the use case's, after its permission check: one without the permission
            // hears of the permission, not of sending.
            let detenteurSending = try await client.call(.post, "/api/v1/notices", as: "rh.chef", json: #"{"dryRun":false}"#)
            #expect(detenteurSending.status.code == 403)
        }
    }
}
