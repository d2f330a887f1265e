import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SablierCore
import SablierServer
import SablierSQLite
import SablierTestSupport
import Testing

/// `POST /api/v1/documents/{reference}/relink` and `POST /api/v1/events`: the same use cases
/// as the command line, their results and refusals as JSON.
@Suite("Relink and cohort events routes")
struct RelinkRoutesTests {
    @Test("relink answers the old and new path; a file of another SHA-256 is a 409 naming the hash recorded, never the one found")
    func relink() async throws {
        let office = try await ServerOffice()
        let old = try #require(try await office.store.document("SG-CORR-2021")?.document.file?.path)
        let moved = office.directory.file("deplace.txt").path
        try FileManager.default.moveItem(atPath: old, toPath: moved)
        let other = try office.directory.write("autre.txt", "autre\n")
        let relinkedTo = try await office.test { client -> String? in
            let mismatch = try await client.call(.post, "/api/v1/documents/SG-CORR-2021/relink", as: "gestion.doc",
                                                 json: #"{"path":"\#(other.path)"}"#)
            #expect(mismatch.status.code == 409)
            #expect(mismatch.error?.code == "relink.sha-mismatch" && mismatch.error?.values?["found"] == nil
                    && mismatch.error?.values?["expected"]?.count == 64)
            let done = try await client.call(.post, "/api/v1/documents/SG-CORR-2021/relink", as: "gestion.doc",
                                             json: #"{"path":"\#(moved)","reason":"Réorganisation"}"#)
            #expect(done.status == .ok, "\(done.text)")
            #expect(try done.object()["from"] as? String == old)
            let foreign = try await client.call(.post, "/api/v1/documents/SG-CORR-2021/relink", as: "rh", json: #"{"path":"\#(old)"}"#)
            #expect(foreign.status.code == 404)
            return try done.object()["to"] as? String
        }
        #expect(relinkedTo?.hasSuffix("/deplace.txt") == true)
        #expect(try await office.store.document("SG-CORR-2021")?.document.file?.path == relinkedTo)
    }

    @Test("events: an array recorded all or nothing, a bad element located by its position; dryRun writes nothing")
    func events() async throws {
        let office = try await ServerOffice()
        try await office.test { client in
            let bad = try await client.call(.post, "/api/v1/events", as: "gestion.doc", json: """
                [{"reference":"RH-EMP-0107","kind":"closed","on":"2026-01-05"},{"reference":"RH-EMP-0107","kind":"closed","on":"2026-02-30"}]
                """)
            #expect(bad.status.code == 422)
            #expect(bad.error?.code == "input.rejected")
            #expect(bad.text.contains("\"line\":2") && bad.text.contains("\"field\":\"on\""), "\(bad.text)")
            let dry = try await client.call(.post, "/api/v1/events?dryRun=true", as: "gestion.doc",
                                            json: #"[{"reference":"RH-EMP-0107","kind":"closed","on":"2026-01-05"}]"#)
            #expect(dry.status == .ok)
            #expect(try dry.object()["recorded"] as? Bool == false)
            let done = try await client.call(.post, "/api/v1/events", as: "gestion.doc",
                                             json: #"[{"reference":"RH-EMP-0107","kind":"closed","on":"2026-01-05"}]"#)
            #expect(done.status == .created, "\(done.text)")
            #expect(try done.object()["count"] as? Int == 1)
        }
        #expect(try await office.store.events(of: "RH-EMP-0107").filter { $0.event.kind == .closed }.count == 1)
    }
}
