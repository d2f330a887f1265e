import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SablierCore
import SablierRegister
import SablierServer
import SablierSQLite
import SablierTestSupport
import Testing

/// `POST /api/v1/relinks` (`document relink --from-dir --to-dir`) and `POST /api/v1/events/query`
/// (`document event --query`): the same use cases as the command line, over many documents.
@Suite("Tree relinks and a query's events over HTTP")
struct CohortRoutesTests {
    @Test("a moved folder: the dry run writes nothing, a folder outside the roots is refused, a détenteur relinks their unit's files only")
    func treeRelink() async throws {
        let office = try await ServerOffice()
        let files = office.directory.file("examples/fichiers").path
        let moved = office.directory.file("partage").path
        try FileManager.default.moveItem(atPath: files, toPath: moved)
        let body = #"{"fromDir":"\#(files)","toDir":"\#(moved)","reason":"Partage réorganisé""#
        try await office.test { client in
            let dry = try await client.call(.post, "/api/v1/relinks", as: "gestion.doc", json: body + #","dryRun":true}"#)
            #expect(dry.status == .ok, "\(dry.text)")
            #expect(try dry.object()["dryRun"] as? Bool == true)
            #expect((try dry.object()["relinked"] as? [Any])?.count == 5)
            #expect(try await office.store.document("SG-CORR-2021")?.document.file?.path == files + "/correspondance-2021.txt")

            let outside = try await client.call(.post, "/api/v1/relinks", as: "gestion.doc",
                                                json: #"{"fromDir":"\#(files)","toDir":"/etc","dryRun":true}"#)
            #expect(outside.status == .unprocessableContent, "\(outside.text)")
            #expect(outside.error?.code == "relink.path-refused")
            let byReader = try await client.call(.post, "/api/v1/relinks", as: "verif", json: body + "}")
            #expect(byReader.status == .forbidden)

            let byHolder = try await client.call(.post, "/api/v1/relinks", as: "sg.chef", json: body + "}")
            #expect(byHolder.status == .ok, "\(byHolder.text)")
            let relinked = try #require(try byHolder.object()["relinked"] as? [[String: Any]])
            #expect(relinked.compactMap { $0["reference"] as? String } == ["SG-CORR-2021", "SG-POL-2015", "SG-POL-2024"])
        }
        let target = try FileAccess.realPath(moved)
        #expect(try await office.store.document("SG-CORR-2021")?.document.file?.path == target + "/correspondance-2021.txt")
        #expect(try await office.store.document("RF-PAIE-2018")?.document.file?.path == files + "/paie-2018.csv")
    }

    @Test("a query's events: without confirm the cohort is previewed and nothing written; with it, recorded; a cohort outside one's unit is empty")
    func eventsForAQuery() async throws {
        let office = try await ServerOffice()
        let query = #""query":"rule=2101; holder=Ressources humaines","kind":"modified","on":"2026-11-02""#
        try await office.test { client in
            let preview = try await client.call(.post, "/api/v1/events/query", as: "gestion.doc", json: "{\(query)}")
            #expect(preview.status == .ok, "\(preview.text)")
            let previewed = try preview.object()
            #expect(previewed["recorded"] as? Bool == false && previewed["count"] as? Int == 2)
            #expect(previewed["references"] as? [String] == ["RH-EMP-0042", "RH-EMP-0107"])
            #expect(try await office.store.events(of: "RH-EMP-0107").filter { $0.event.kind == .modified }.isEmpty)

            let elsewhere = try await client.call(.post, "/api/v1/events/query", as: "sg.chef", json: #"{\#(query),"confirm":true}"#)
            #expect(elsewhere.status == .notFound)
            #expect(elsewhere.error?.code == "events.cohort-empty")
            let badKind = try await client.call(.post, "/api/v1/events/query", as: "gestion.doc",
                                                json: #"{"query":"rule=2101","kind":"destroyed","confirm":true}"#)
            #expect(badKind.status == .unprocessableContent)
            #expect(badKind.error?.values?["field"] == "kind")

            let done = try await client.call(.post, "/api/v1/events/query", as: "gestion.doc",
                                             json: #"{\#(query),"reason":"Mise à jour","confirm":true}"#)
            #expect(done.status == .created, "\(done.text)")
            #expect(try done.object()["recorded"] as? Bool == true && (try done.object()["count"] as? Int) == 2)
        }
        for reference in ["RH-EMP-0042", "RH-EMP-0107"] {
            #expect(try await office.store.events(of: reference).filter { $0.event.kind == .modified }.count == 1, "\(reference)")
        }
    }
}
