import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SablierCore
import SablierServer
import SablierSQLite
import SablierTestSupport
import Testing

/// `POST /api/v1/boxes/{code}/moves` and `GET /api/v1/boxes/{code}/history`: the use cases of
/// `box move` and `box history`, their refusals with the catalogue's codes and statuses.
@Suite("Box moves over HTTP")
struct BoxRoutesTests {
    @Test("a move joins the box's history; the same place twice is a 409; a détenteur reads the history of their unit's box only")
    func moveAndHistory() async throws {
        let office = try await ServerOffice()
        try await office.test { client in
            let moved = try await client.call(.post, "/api/v1/boxes/B-2023-RF-01/moves", as: "gestion.doc",
                                              json: #"{"to":"Entrepôt / Local 3 / Rayon 1","on":"2026-11-20","reason":"Réaménagement"}"#)
            #expect(moved.status == .created, "\(moved.text)")
            let move = try moved.object()
            #expect(move["kind"] as? String == "moved" && move["on"] as? String == "2026-11-20")
            #expect(move["to"] as? String == "Entrepôt / Local 3 / Rayon 1" && move["reason"] as? String == "Réaménagement")

            let again = try await client.call(.post, "/api/v1/boxes/B-2023-RF-01/moves", as: "gestion.doc",
                                              json: #"{"to":"Entrepôt / Local 3 / Rayon 1","reason":"Encore"}"#)
            #expect(again.status == .conflict)
            #expect(again.error?.code == "box.already-there")
            let unknown = try await client.call(.post, "/api/v1/boxes/B-1999-XX-99/moves", as: "gestion.doc",
                                                json: #"{"to":"Entrepôt","reason":"Réaménagement"}"#)
            #expect(unknown.status == .notFound)
            #expect(unknown.error?.code == "box.not-found")
            let badDay = try await client.call(.post, "/api/v1/boxes/B-2023-RF-01/moves", as: "gestion.doc",
                                               json: #"{"to":"Sous-sol","on":"2026-02-30","reason":"Réaménagement"}"#)
            #expect(badDay.status == .unprocessableContent)
            #expect(badDay.error?.values?["field"] == "on")
            let byHolder = try await client.call(.post, "/api/v1/boxes/B-2023-RF-01/moves", as: "rh.chef",
                                                 json: #"{"to":"Sous-sol","reason":"Réaménagement"}"#)
            #expect(byHolder.status == .forbidden)

            let history = try await client.call(.get, "/api/v1/boxes/B-2023-RF-01/history", as: "verif")
            #expect(history.status == .ok, "\(history.text)")
            let items = try #require(try history.object()["items"] as? [[String: Any]])
            #expect(items.map { $0["kind"] as? String } == ["moved"])
            #expect(items.first?["to"] as? String == "Entrepôt / Local 3 / Rayon 1")

            // A box of Ressources humaines' documents: its détenteur reads its history; the
            // box of another unit reads, to them, as not registered.
            let box = try await client.call(.post, "/api/v1/boxes", as: "gestion.doc", json: #"{"code":"B-2026-RH-01"}"#)
            #expect(box.status == .created, "\(box.text)")
            let document = try await client.call(.post, "/api/v1/documents", as: "gestion.doc", json: """
                {"reference":"RH-EMP-0200","title":"Dossier d'employé 0200","rule":"2101","copy":"principal","support":"PA",\
                "holder":"Ressources humaines","opened":"2020-08-24","box":"B-2026-RH-01"}
                """)
            #expect(document.status == .created, "\(document.text)")
            let own = try await client.call(.get, "/api/v1/boxes/B-2026-RH-01/history", as: "rh.chef")
            #expect(own.status == .ok, "\(own.text)")
            let foreign = try await client.call(.get, "/api/v1/boxes/B-2023-RF-01/history", as: "rh.chef")
            #expect(foreign.status == .notFound)
            #expect(foreign.error?.code == "box.not-found")
        }
        let location = try await office.store.boxes().first { $0.code == "B-2023-RF-01" }?.location
        #expect(location?.description == "Entrepôt / Local 3 / Rayon 1")
    }
}
