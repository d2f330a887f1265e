import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SablierApplication
import SablierCore
import SablierServer
import SablierStore
import SablierSQLite
import SablierTestSupport
import Testing

/// The routes outside checks rely on, visibility by reference, pagination, uploads.
@Suite("The register over HTTP")
struct RegisterRoutesTests {
    @Test("GET /api/v1/documents/{reference}: the same JSON as `document show --format json`")
    func documentShow() async throws {
        let office = try await ServerOffice()
        try await office.test { client in
            let response = try await client.call(.get, "/api/v1/documents/RH-EMP-0042?asOf=2026-11-29", as: "gestion.doc")
            #expect(response.status == .ok)
            let expected = try await office.sablier.document(try await office.sablier.localSession("gestion.doc"), "RH-EMP-0042",
                                                             asOf: CivilDate(iso: "2026-11-29"))
            #expect(try response.decoded(DocumentDetail.self) == expected)
        }
    }

    @Test("a reference with a space, a slash and a # is read once decoded from the path")
    func encodedReference() async throws {
        let office = try await ServerOffice()
        try await office.test { client in
            let form = #"{"reference":"SG 2026/07 #3","title":"Procès-verbal","rule":"1101","copy":"principal","support":"PA","holder":"Secrétariat général","opened":"2026-07-01","location":"Local 012"}"#
            #expect(try await client.call(.post, "/api/v1/documents", as: "gestion.doc", json: form).status == .created)
            let response = try await client.call(.get, "/api/v1/documents/SG%202026%2F07%20%233", as: "gestion.doc")
            #expect(response.status == .ok, "\(response.text)")
            #expect(response.text.contains("SG 2026/07 #3"))
        }
    }

    @Test("a détenteur asking for another unit's document by reference gets the same 404 as for a missing one")
    func otherUnitsDocument() async throws {
        let office = try await ServerOffice()
        try await office.test { client in
            let own = try await client.call(.get, "/api/v1/documents/RH-EMP-0042", as: "rh")
            #expect(own.status == .ok)
            let other = try await client.call(.get, "/api/v1/documents/SG-CORR-2021", as: "rh")
            let missing = try await client.call(.get, "/api/v1/documents/SG-CORR-2099", as: "rh")
            #expect(other.status == .notFound)
            #expect(missing.status == .notFound)
            #expect(other.error?.code == "document.not-found")
            // Nothing about it: the body differs only by the reference asked for.
            #expect(other.text.replacingOccurrences(of: "SG-CORR-2021", with: "REF")
                == missing.text.replacingOccurrences(of: "SG-CORR-2099", with: "REF"))
            #expect(!other.text.contains("Correspondance"))
            #expect(!other.text.contains("Secrétariat"))
        }
    }

    @Test("GET /api/v1/due: the array of `sablier due --format json`; a Page with limit/offset; CSV streams")
    func due() async throws {
        let office = try await ServerOffice()
        let session = try await office.sablier.localSession("gestion.doc")
        let expected = try await office.sablier.dueList(session, asOf: CivilDate(iso: "2030-01-01"))
        try #require(expected.entries.count > 2)
        try await office.test { client in
            let all = try await client.call(.get, "/api/v1/due?asOf=2030-01-01", as: "gestion.doc")
            #expect(all.status == .ok)
            #expect(try all.decoded([DueEntry].self) == expected.entries)

            let destroy = try await client.call(.get, "/api/v1/due?asOf=2030-01-01&action=destroy", as: "gestion.doc")
            #expect(try destroy.decoded([DueEntry].self) == expected.entries.filter { $0.action == "destroy" })

            let page = try await client.call(.get, "/api/v1/due?asOf=2030-01-01&limit=2&offset=1", as: "gestion.doc")
            let object = try page.object()
            #expect(object["total"] as? Int == expected.entries.count)
            #expect(object["limit"] as? Int == 2)
            #expect(object["offset"] as? Int == 1)
            #expect((object["items"] as? [Any])?.count == 2)
            struct DuePage: Decodable { var items: [DueEntry] }
            #expect(try page.decoded(DuePage.self).items == Array(expected.entries[1..<3]))
            let beyond = try await client.call(.get, "/api/v1/due?asOf=2030-01-01&offset=1000", as: "gestion.doc")
            #expect(try beyond.decoded(DuePage.self).items.isEmpty)
            #expect(try beyond.object()["total"] as? Int == expected.entries.count)

            for request in [("/api/v1/due?asOf=2030-01-01", HTTPFields([HTTPField(name: .accept, value: "text/csv")])),
                            ("/api/v1/due?asOf=2030-01-01&format=csv", HTTPFields())] {
                let csv = try await client.call(.get, request.0, as: "gestion.doc", headers: request.1)
                #expect(csv.status == .ok)
                #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
                let lines = csv.text.split(separator: "\n")
                #expect(lines.first == "reference,title,rule,copy,support,holder,action,due,held")
                #expect(lines.count == expected.entries.count + 1)
            }

            let refused = try await client.call(.get, "/api/v1/due?asOf=2030-01-01&format=csv", as: "rh.agent")
            #expect(refused.status == .forbidden)
            #expect(refused.error?.code == "access.missing-permission")
        }
    }

    @Test("lists are paginated: {items, total, offset, limit, withheld}, bad windows refused")
    func pagination() async throws {
        let office = try await ServerOffice()
        let total = try await office.documentCount()
        try await office.test { client in
            let first = try await client.call(.get, "/api/v1/documents?limit=5", as: "gestion.doc")
            #expect(first.status == .ok)
            let object = try first.object()
            #expect((object["items"] as? [Any])?.count == 5)
            #expect(object["offset"] as? Int == 0)
            #expect(object["limit"] as? Int == 5)
            let seen = try #require(object["total"] as? Int)
            #expect(seen + ((object["withheld"] as? Int) ?? 0) == total)

            let last = try await client.call(.get, "/api/v1/documents?limit=5&offset=\(seen - 2)", as: "gestion.doc")
            #expect((try last.object()["items"] as? [Any])?.count == 2)

            let detenteur = try await client.call(.get, "/api/v1/documents", as: "rh")
            let scoped = try detenteur.object()
            #expect(scoped["total"] as? Int == 2)
            #expect(scoped["withheld"] as? Int == total - 2)

            for bad in ["limit=0", "offset=-1", "limit=abc"] {
                let refused = try await client.call(.get, "/api/v1/documents?\(bad)", as: "gestion.doc")
                #expect(refused.status.code == 422, "\(bad)")
            }
        }
    }

    @Test("an oversized upload is refused with 413 and nothing is stored")
    func oversizedUpload() async throws {
        let office = try await ServerOffice(maxUploadBytes: 1_000)
        let before = try await office.documentCount()
        let versions = try await office.store.calendarVersions().count
        let csv = try String(contentsOf: office.directory.file("examples/registre-exemple.csv"), encoding: .utf8)
        try #require(csv.utf8.count > 1_000)
        try await office.test { client in
            let document = try await client.call(.post, "/api/v1/documents/import?filename=registre.csv", as: "gestion.doc",
                                                 body: ByteBuffer(string: csv))
            #expect(document.status == .contentTooLarge)
            #expect(document.error?.code == "calendar.file-too-large")
            #expect(document.error?.values?["file"] == "registre.csv")
            let calendar = try await client.call(.post, "/api/v1/calendar/versions", as: "gestion.doc",
                                                 body: ByteBuffer(string: String(repeating: "x", count: 5_000)))
            #expect(calendar.status == .contentTooLarge)
        }
        #expect(try await office.documentCount() == before)
        #expect(try await office.store.calendarVersions().count == versions)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: office.configuration.uploadDirectory.path)
        #expect(leftovers.isEmpty)
        let mode = try FileManager.default.attributesOfItem(atPath: office.configuration.uploadDirectory.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }

    @Test("a calendar upload is imported as a new version; its diagnostics name the client's file, not the private copy")
    func calendarUpload() async throws {
        let office = try await ServerOffice()
        let xml = try Data(contentsOf: Fixtures.exampleNative)
        try await office.test { client in
            let preview = try await client.call(.post, "/api/v1/calendar/versions?dryRun=true&filename=cal.xml", as: "gestion.doc",
                                                body: ByteBuffer(bytes: xml))
            #expect(preview.status == .ok, "\(preview.text)")
            #expect(try preview.object()["stored"] as? Bool == false)
            #expect(try preview.object()["file"] as? String == "cal.xml")
            #expect(!preview.text.contains("upload-"))
            let stored = try await client.call(.post, "/api/v1/calendar/versions?filename=cal.xml", as: "gestion.doc",
                                               body: ByteBuffer(bytes: xml))
            #expect(stored.status == .created)
            #expect(try stored.object()["version"] as? Int == 2)
            let refused = try await client.call(.post, "/api/v1/calendar/versions?filename=bad.xml", as: "gestion.doc",
                                                body: ByteBuffer(string: "<calendrierConservation><oops/></calendrierConservation>"))
            #expect(refused.status.code == 422)
            #expect(refused.error?.code == "calendar.rejected")
            #expect(!refused.text.contains("upload-"))
        }
        // The version and the audit trail name the client's file too, never the private copy.
        let versions = try await office.sablier.calendarVersions(try await office.sablier.localSession("gestion.doc"))
        #expect(versions.last?.sourceFile == "cal.xml")
        let trail = try await office.sablier.auditLog(try await office.sablier.localSession("verif"))
        let imports = trail.filter { $0.action == "calendar.import" || $0.details.contains("bad.xml") }
        #expect(imports.contains { $0.details.contains("\"cal.xml\"") })
        #expect(!trail.contains { $0.details.contains("upload-") })
    }
}
