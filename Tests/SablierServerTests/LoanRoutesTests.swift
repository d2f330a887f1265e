import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SablierApplication
import SablierCore
import SablierServer
import SablierTestSupport
import Testing

/// Loans and box sizes over HTTP: the same use cases as `loan` and `box add --size`.
@Suite("Loans over HTTP")
struct LoanRoutesTests {
    @Test("a box with a size, lent, listed overdue as of a day, returned; a refusal is the catalogue's, with its HTTP status")
    func lendListReturn() async throws {
        let office = try await ServerOffice()
        try await office.test { client in
            let box = try await client.call(.post, "/api/v1/boxes", as: "gestion.doc", json: #"{"code":"B-2026-SG-01","size":"0.12"}"#)
            #expect(box.status == .created, "\(box.text)")
            #expect(try box.object()["linearMillimetres"] as? Int == 120)
            let badSize = try await client.call(.post, "/api/v1/boxes", as: "gestion.doc", json: #"{"code":"B-2026-SG-02","size":"douze"}"#)
            #expect(badSize.status == .unprocessableContent)
            #expect(badSize.error?.code == "box.invalid-size")

            let lent = try await client.call(.post, "/api/v1/loans", as: "gestion.doc",
                                             json: #"{"box":"B-2014-RF-01","to":"M. Lee/Ressources financières","due":"2026-12-15","on":"2026-11-29"}"#)
            #expect(lent.status == .created, "\(lent.text)")
            let loan = try lent.object()
            #expect(loan["what"] as? String == "B-2014-RF-01" && loan["documents"] as? [String] == ["RF-BUD-2014"])
            let again = try await client.call(.post, "/api/v1/loans", as: "gestion.doc",
                                              json: #"{"document":"RF-BUD-2014","to":"Mme Roy","due":"2026-12-15"}"#)
            #expect(again.status == .conflict)
            #expect(again.error?.code == "loan.already-out")
            let early = try await client.call(.post, "/api/v1/loans", as: "gestion.doc",
                                              json: #"{"document":"RH-EMP-0042","to":"Mme Roy","due":"2026-11-01","on":"2026-11-29"}"#)
            #expect(early.status == .unprocessableContent)
            #expect(early.error?.code == "loan.due-before-lent")
            let byHolder = try await client.call(.post, "/api/v1/loans", as: "rh.chef", json: #"{"document":"RH-EMP-0042","to":"Mme Roy","due":"2026-12-15"}"#)
            #expect(byHolder.status == .forbidden)

            let overdue = try await client.call(.get, "/api/v1/loans?overdue=true&asOf=2026-12-20", as: "verif")
            #expect(overdue.status == .ok, "\(overdue.text)")
            let items = try #require(try overdue.object()["items"] as? [[String: Any]])
            #expect(items.map { $0["overdueDays"] as? Int } == [5])
            let notYet = try await client.call(.get, "/api/v1/loans?overdue=true&asOf=2026-12-15", as: "verif")
            #expect(try notYet.object()["items"] as? [Any] != nil && (try notYet.object()["items"] as? [Any])?.isEmpty == true)
            let otherUnit = try await client.call(.get, "/api/v1/loans", as: "rh.chef")
            #expect((try otherUnit.object()["items"] as? [Any])?.isEmpty == true)

            let id = try #require(loan["id"] as? Int)
            let future = try await client.call(.post, "/api/v1/loans/\(id)/return", as: "gestion.doc", json: #"{"on":"2026-12-01"}"#)
            #expect(future.status == .unprocessableContent)
            #expect(future.error?.code == "loan.return-in-future")
            let back = try await client.call(.post, "/api/v1/loans/\(id)/return", as: "gestion.doc", json: #"{"on":"2026-11-29","note":"Complète"}"#)
            #expect(back.status == .ok, "\(back.text)")
            #expect(try back.object()["returnedOn"] as? String == "2026-11-29")
            let twice = try await client.call(.post, "/api/v1/loans/\(id)/return", as: "gestion.doc", json: "{}")
            #expect(twice.status == .conflict)
            #expect(twice.error?.code == "loan.already-returned")
        }
    }
}
