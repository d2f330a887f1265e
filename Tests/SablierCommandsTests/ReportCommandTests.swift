import Foundation
import SablierTestSupport
import Testing

/// `sablier report …` through the real binary on a real store: the example calendar (year end
/// 06-30) and register, a destruction list carried out, and the three reports as CSV, Excel CSV
/// and JSON. The rules are tested in-process (`ReportUseCaseTests`, on fixed days); the year of
/// the execution here is read from what the binary recorded, so the test holds whatever today is.
@Suite("sablier report (end to end)", .serialized)
final class ReportCommandTests {
    let dir: TemporaryDirectory
    var db: String { dir.file("sablier.sqlite").path }
    var examples: URL { dir.file("examples") }

    init() throws {
        dir = try TemporaryDirectory(prefix: "sablier-report-cli")
        try SablierProcess.prepareStore(at: dir.file("sablier.sqlite").path)
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("examples"), to: examples)
    }

    deinit {
        dir.remove()
    }

    /// Runs `sablier` on the test's store, in English.
    func sablier(_ arguments: String...) throws -> SablierProcess.Result {
        try SablierProcess.run(arguments + ["--db", db], in: dir.url, environment: ["LANG": "en_CA.UTF-8"])
    }

    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// The example calendar, its boxes and the example register (the copy).
    func register() throws {
        for arguments in [
            ["calendar", "import", Fixtures.exampleNative.path],
            ["box", "add", "B-2023-RF-01"], ["box", "add", "B-2014-RF-01"],
            ["document", "import", examples.appendingPathComponent("registre-exemple.csv").path],
        ] {
            let result = try SablierProcess.run(arguments + ["--db", db, "--as", "gestion.doc"], in: dir.url)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }

    @Test("report disposition: the destruction the binary carried out, in CSV and Excel CSV, in the year of its execution; a bad year refused in words")
    func disposition() throws {
        try register()
        for (reference, decision) in [("SG-CORR-2021", "--dismiss"), ("ELV-2010-0001", "--confirm"), ("ELV-2010-0001-NUM", "--confirm")] {
            #expect(try sablier("privacy", "review", reference, decision, "--note", "Examiné", "--as", "aiprp").status == 0)
        }
        #expect(try sablier("disposition", "propose", "--as-of", "2025-06-30", "--action", "destroy", "--as", "archiviste").status == 0)
        #expect(try sablier("disposition", "approve", "1", "--as", "directrice").status == 0)
        let executed = try sablier("disposition", "execute", "1", "--method", "déchiquetage", "--vendor-certificate", "SHRED-7", "--as", "technicien")
        #expect(executed.status == 0, "\(executed.stderr)")

        // The year the execution falls in, from the day the binary recorded (year end 06-30).
        let lists = try #require(try json(try sablier("disposition", "list", "--format", "json").stdout) as? [[String: Any]])
        let executedText = try #require(lists.first?["executedAt"] as? String)
        let executedAt = try #require(ISO8601DateFormatter().date(from: executedText))
        let parts = Calendar.current.dateComponents([.year, .month], from: executedAt)
        let executedYear = try #require(parts.year), executedMonth = try #require(parts.month)
        let first = executedYear - (executedMonth <= 6 ? 1 : 0)
        let year = "\(first)-\(first + 1)"

        let csv = try sablier("report", "disposition", "--year", year, "--format", "csv", "--as", "verif")
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "line,holder,rule,title,action,outcome,method,documents,lists,certificates")
        #expect(lines.count == 1 + 2 + 1 + 1)
        #expect(lines.contains { $0.hasPrefix("rule,Secrétariat général,1201,") && $0.hasSuffix(",destroy,destroyed,,1,1,SHRED-7") })
        #expect(lines.contains { $0.hasPrefix("rule,École primaire des Érables (exemple),7101,") && $0.hasSuffix(",destroy,destroyed,,2,1,SHRED-7") })
        #expect(lines.contains("total,,,,destroy,destroyed,,3,1,SHRED-7"))
        #expect(lines.contains("method,,,,,destroyed,déchiquetage,1,1,SHRED-7"))

        let excel = try sablier("report", "disposition", "--year", year, "--excel", "--unit", "Secrétariat général")
        #expect(excel.stdout.hasPrefix("\u{FEFF}line;holder;rule;title;action;outcome;method;documents;lists;certificates\r\n"))
        #expect(excel.stdout.contains("total;;;;destroy;destroyed;;1;1;SHRED-7\r\n"))

        let next = try sablier("report", "disposition", "--year", "\(first + 1)-\(first + 2)", "--format", "json")
        let empty = try #require(try json(next.stdout) as? [String: Any])
        #expect((empty["lines"] as? [Any])?.isEmpty == true)
        #expect((empty["year"] as? [String: Any])?["first"] as? String == "\(first + 1)-07-01")

        let bad = try sablier("report", "disposition", "--year", "\(first)")
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("'\(first)' is not a report year: give its two calendar years, for example 2025-2026"))
        let otherUnit = try SablierProcess.run(["report", "disposition", "--year", year, "--unit", "Secrétariat général", "--db", db,
                                                "--as", "rh.chef", "--lang", "fr"], in: dir.url)
        #expect(otherUnit.status == 77)
        #expect(otherUnit.stderr.contains("vos rapports portent sur votre unité seulement, pas sur Secrétariat général"))
    }

    @Test("report volumes --format csv: the example register by unit, phase and support, its two boxes without a size, and the total")
    func volumes() throws {
        try register()
        let csv = try sablier("report", "volumes", "--format", "csv")
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout == """
            line,holder,phase,support,documents,boxes,linear_m,boxes_without_size
            documents,École primaire des Érables (exemple),actif,DM,1,,,
            documents,École primaire des Érables (exemple),actif,PA,1,,,
            documents,Ressources financières,actif,DM,1,,,
            documents,Ressources financières,actif,PA,2,,,
            documents,Ressources humaines,actif,DM,1,,,
            documents,Ressources humaines,actif,PA,1,,,
            documents,Secrétariat général,actif,DM,3,,,
            documents,Secrétariat général,actif,PA,1,,,
            documents,Services éducatifs,actif,PA,1,,,
            boxes,Ressources financières,actif,,,2,0.000,2
            total,,,,12,2,0.000,2

            """)
        let own = try #require(try json(try sablier("report", "volumes", "--format", "json", "--as", "rh.chef").stdout) as? [String: Any])
        #expect(own["unit"] as? String == "Ressources humaines")
        #expect(own["totalDocuments"] as? Int == 2)
        #expect(Set(own.keys) == ["unit", "documents", "boxes", "totalDocuments", "totalBoxes", "totalLinearMetres", "totalBoxesWithoutSize"])
    }

    @Test("report access --format json: every user with roles and last activity; refused to a détenteur")
    func access() throws {
        let report = try #require(try json(try sablier("report", "access", "--inactive-days", "30", "--format", "json", "--as", "verif").stdout)
                                  as? [String: Any])
        let users = try #require(report["users"] as? [[String: Any]])
        #expect(users.map { $0["name"] as? String } == (["admin"] + SablierProcess.cast.map(\.name)).sorted().map(Optional.some))
        let admin = try #require(users.first { $0["name"] as? String == "admin" })
        #expect(admin["roles"] as? [String] == ["rsi"])
        #expect(admin["lastActivity"] is String)
        #expect(admin["inactive"] as? Bool == false)
        #expect(report["inactiveDays"] as? Int == 30)
        let csv = try sablier("report", "access", "--format", "csv", "--as", "admin")
        #expect(csv.stdout.hasPrefix("name,unit,roles,active,email,created_at,created_by,last_activity,idle_days,flagged\n"))
        let refused = try sablier("report", "access", "--as", "rh.chef")
        #expect(refused.status == 77)
        #expect(refused.stderr.contains("users.read"))
    }
}
