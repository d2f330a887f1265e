import Foundation
import Hummingbird
import HummingbirdTesting
import SablierServer
import SablierTestSupport
import Testing

/// The organisation's street addresses over the API: `POST` and `DELETE
/// /api/v1/privacy/public-identifiers` with kind `address`, the use case of `privacy public add
/// --address`.
@Suite("Public street addresses over the API")
struct PublicAddressRoutesTests {
    @Test("an address is added in its normalised form (201), what is no address is a 422, removed by any written form (204)")
    func addAndRemove() async throws {
        let office = try await ServerOffice()
        try await office.test { client in
            let added = try await client.call(.post, "/api/v1/privacy/public-identifiers", as: "aiprp",
                                              json: #"{"kind": "address", "value": "1200, boul. Industriel, bureau 3, Granby", "note": "siège social"}"#)
            #expect(added.status == .created, "\(added.text)")
            let object = try added.object()
            #expect(object["kind"] as? String == "address" && object["value"] as? String == "1200 boulevard industriel, app 3, granby")

            let town = try await client.call(.post, "/api/v1/privacy/public-identifiers", as: "aiprp",
                                             json: #"{"kind": "address", "value": "Granby (Québec)"}"#)
            #expect(town.status.code == 422 && town.error?.code == "privacy.public-invalid", "\(town.text)")
            let kind = try await client.call(.post, "/api/v1/privacy/public-identifiers", as: "aiprp",
                                             json: #"{"kind": "street", "value": "1200 boulevard Industriel"}"#)
            #expect(kind.status.code == 422 && kind.text.contains("address"), "\(kind.text)")

            let listed = try await client.call(.get, "/api/v1/privacy/public-identifiers", as: "aiprp")
            #expect(listed.text.contains("1200 boulevard industriel, app 3, granby"), "\(listed.text)")
            let removed = try await client.call(.delete, "/api/v1/privacy/public-identifiers/address/1200%20Industriel%20Blvd.%2C%20Suite%203%2C%20Granby",
                                              as: "aiprp")
            #expect(removed.status == .noContent, "\(removed.text)")
            #expect(try await client.call(.get, "/api/v1/privacy/public-identifiers", as: "aiprp").text.contains("industriel") == false)
        }
    }
}
