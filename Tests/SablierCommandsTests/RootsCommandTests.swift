import Foundation
import SablierTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// End to end: `sablier roots add|list|remove`, and the rule of the files the register may read
/// through the real binary — `document add`, `document import` and `privacy scan PATH` refuse a
/// FIFO, /dev/zero, a link to it, a directory, a socket, a path outside the roots, a `..` escape
/// and a link out of the root, at once and by name. Every run here is bounded: a regression
/// that blocks on a FIFO or reads /dev/zero for ever is killed and fails, it never hangs.
@Suite("sablier roots, and the files the register may read (end to end)", .serialized)
final class RootsCommandTests {
    let dir: TemporaryDirectory
    var db: String { dir.file("sablier.sqlite").path }
    /// Outside the store's folder.
    let elsewhere: TemporaryDirectory

    init() throws {
        dir = try TemporaryDirectory(prefix: "sablier-cli-roots")
        elsewhere = try TemporaryDirectory(prefix: "sablier-cli-elsewhere")
        try SablierProcess.prepareStore(at: dir.file("sablier.sqlite").path)
    }

    deinit {
        dir.remove()
        elsewhere.remove()
    }

    /// Runs `sablier` in the store's folder and kills it after `limit` seconds: a run that
    /// blocks is reported as status -1 with what it printed, never waited for.
    /// What one bounded run printed and returned.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func sablier(_ arguments: String..., as user: String = "gestion.doc", limit: Double = 60) throws -> Run {
        try sablier(arguments, as: user, limit: limit)
    }

    func sablier(_ arguments: [String], as user: String = "gestion.doc", limit: Double = 60) throws -> Run {
        let process = Process()
        process.executableURL = SablierProcess.executable
        process.arguments = arguments + ["--db", db, "--as", user, "--lang", "en"]
        process.currentDirectoryURL = dir.url
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "SABLIER_DB")
        process.environment = environment
        let out = dir.file("run.out"), err = dir.file("run.err")
        #expect(FileManager.default.createFile(atPath: out.path, contents: nil) && FileManager.default.createFile(atPath: err.path, contents: nil))
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = ProcessInfo.processInfo.systemUptime + limit
        while process.isRunning && ProcessInfo.processInfo.systemUptime < deadline { usleep(20_000) }
        var status: Int32
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            Issue.record("sablier \(arguments.joined(separator: " ")) still ran after \(limit) s: killed")
            status = -1
        } else {
            status = process.terminationStatus
        }
        try outHandle.close()
        try errHandle.close()
        return Run(status: status, stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                                     stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// The hostile paths, by what each is, all beside a real file in `share/` under the store's folder.
    func hostile() throws -> [(what: String, path: String)] {
        let share = dir.file("share").path
        let manager = FileManager.default
        try manager.createDirectory(atPath: share + "/dossier", withIntermediateDirectories: true)
        try Data("Lettre à M. Tremblay\n".utf8).write(to: URL(fileURLWithPath: share + "/lettre.txt"))
        try Data("secret\n".utf8).write(to: elsewhere.file("secret.txt"))
        #expect(mkfifo(share + "/tube", 0o600) == 0)
        try manager.createSymbolicLink(atPath: share + "/zero", withDestinationPath: "/dev/zero")
        try manager.createSymbolicLink(atPath: share + "/vers-tube", withDestinationPath: share + "/tube")
        try manager.createSymbolicLink(atPath: share + "/dehors.txt", withDestinationPath: elsewhere.file("secret.txt").path)
        return [
            ("FIFO", share + "/tube"), ("/dev/zero", "/dev/zero"), ("link to /dev/zero", share + "/zero"),
            ("link to the FIFO", share + "/vers-tube"), ("directory", share + "/dossier"),
            ("outside", elsewhere.file("secret.txt").path), ("/etc/shadow", "/etc/shadow"),
            (".. escape", share + "/../../" + elsewhere.url.lastPathComponent + "/secret.txt"), ("link out", share + "/dehors.txt"),
        ]
    }

    /// The English sentence each hostile path is refused with (no root configured: the store's folder).
    func refusal(_ what: String, _ path: String) -> String {
        switch what {
        case "FIFO", "link to the FIFO": return "is a FIFO (named pipe), not a regular file: it is not read"
        case "directory": return "\(path) is a directory, not a file"
        default: return "outside the store's folder \(dir.url.path), the only one the register reads while no folder is configured; add one with `sablier roots add FOLDER`"
        }
    }

    func loadCalendar() throws {
        let imported = try sablier("calendar", "import", Fixtures.exampleNative.path)
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    @Test("roots add, list and remove: resolved, audited, for the RSI or the records manager only; bad folders refused")
    func addListRemove() throws {
        let share = dir.file("share")
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.file("raccourci").path, withDestinationPath: share.path)
        let empty = try sablier("roots", "list")
        #expect(empty.status == 0 && empty.stderr.contains("no folder is listed"))
        let added = try sablier("roots", "add", "raccourci/")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("the register may read the files under \(share.path)"))
        #expect(try sablier("roots", "add", elsewhere.url.path, as: "admin").status == 0)
        let listed = try sablier("roots", "list", "--format", "json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(Set(rows.compactMap { $0["path"] as? String }) == [share.path, elsewhere.url.path])
        #expect(rows.first { $0["path"] as? String == share.path }?["addedBy"] as? String == "gestion.doc")
        let csv = try sablier("roots", "list", "--format", "csv")
        #expect(csv.stdout.hasPrefix("path,added_at,added_by\n"))

        let twice = try sablier("roots", "add", share.path)
        #expect(twice.status != 0 && twice.stderr.contains("folder \(share.path) is already one the register may read"))
        let missing = try sablier("roots", "add", dir.file("absent").path)
        #expect(missing.status != 0 && missing.stderr.contains("folder \(dir.file("absent").path) does not exist"))
        let notFolder = try sablier("roots", "add", db)
        #expect(notFolder.status != 0 && notFolder.stderr.contains("is not a folder"))
        let refused = try sablier("roots", "add", share.path, as: "rh.agent")
        #expect(refused.status != 0 && refused.stderr.contains("roots.manage"))
        #expect(try sablier("roots", "list", as: "rh.agent").status != 0)

        let removed = try sablier("roots", "remove", share.path)
        #expect(removed.status == 0 && removed.stdout.contains("no longer reads the files under \(share.path)"))
        let again = try sablier("roots", "remove", share.path)
        #expect(again.status != 0 && again.stderr.contains("is not one the register may read"))

        let audit = try sablier("audit", "log", "--format", "json", as: "admin")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [[String: Any]])
        let actions = entries.map { "\($0["action"] as? String ?? "") \($0["target"] as? String ?? "") \($0["user"] as? String ?? "")" }
        #expect(actions.contains("roots.add root \(share.path) gestion.doc"))
        #expect(actions.contains("roots.add root \(elsewhere.url.path) admin"))
        #expect(actions.contains("roots.remove root \(share.path) gestion.doc"))
        #expect(entries.contains { $0["action"] as? String == "refused" && $0["user"] as? String == "rh.agent" })
    }

    @Test("roots add refuses / and any folder holding the store's database or its audit key, saying why")
    func rootsHoldingSablierRefused() throws {
        let whole = try sablier("roots", "add", "/")
        #expect(whole.status != 0 && whole.stderr.contains("/ is the whole disk"), "\(whole.stderr)")
        let resolvedFolder = try #require(realpath(dir.url.path, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        })
        for folder in [dir.url.path, URL(fileURLWithPath: resolvedFolder).deletingLastPathComponent().path] {
            let holding = try sablier("roots", "add", folder)
            #expect(holding.status != 0 && holding.stderr.contains("holds \(resolvedFolder)/sablier.sqlite, one of Sablier's own files"),
                    "\(folder): \(holding.stderr)")
        }
        let listed = try sablier("roots", "list", "--format", "json")
        #expect((try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [Any])?.isEmpty == true, "\(listed.stdout)")
    }

    @Test("document import of a FIFO as the register: refused at once, naming it and what it is, never waited on")
    func importOfAFIFO() throws {
        let fifo = dir.file("registre.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let result = try sablier("document", "import", fifo, limit: 20)
        #expect(result.status > 0)
        #expect(result.stderr.contains("\(fifo) is a FIFO (named pipe), not a regular file: it is not read"), "\(result.stderr)")
    }

    @Test("document add: every hostile path is refused at once, naming it and what it is; the store's folder is read with no root")
    func documentAdd() throws {
        try loadCalendar()
        for (what, path) in try hostile() {
            let result = try sablier("document", "add", "--reference", "H-1", "--title", "Lettre", "--rule", "1201", "--copy", "principal",
                                     "--support", "DM", "--holder", "Secrétariat général", "--opened", "2021-01-04", "--closed", "2021-12-20",
                                     "--path", path)
            #expect(result.status != 0, "\(what) was registered")
            #expect(result.stderr.contains("field path: ") && result.stderr.contains(refusal(what, path)), "\(what): \(result.stderr)")
        }
        let inside = try sablier("document", "add", "--reference", "OK-1", "--title", "Lettre", "--rule", "1201", "--copy", "principal",
                                 "--support", "DM", "--holder", "Secrétariat général", "--opened", "2021-01-04", "--closed", "2021-12-20",
                                 "--path", "share/lettre.txt")
        #expect(inside.status == 0, "\(inside.stderr)")
        // Once a folder elsewhere is listed, its files are read, and the store's folder no longer is.
        #expect(try sablier("roots", "add", elsewhere.url.path).status == 0)
        let outside = try sablier("document", "add", "--reference", "OK-2", "--title", "Secret", "--rule", "1201", "--copy", "principal",
                                  "--support", "DM", "--holder", "Secrétariat général", "--opened", "2021-01-04", "--closed", "2021-12-20",
                                  "--path", elsewhere.file("secret.txt").path)
        #expect(outside.status == 0, "\(outside.stderr)")
        let shown = try sablier("document", "show", "OK-2", "--format", "json")
        #expect(shown.stdout.contains(elsewhere.file("secret.txt").path))
    }

    @Test("document import: each hostile row is refused on its line, column path named; nothing is registered")
    func documentImport() throws {
        try loadCalendar()
        let paths = try hostile()
        var csv = "reference,title,rule,copy,support,holder,opened,closed,path\n"
        for (index, entry) in paths.enumerated() {
            csv += "H-\(index),Lettre,1201,principal,DM,Secrétariat général,2021-01-04,2021-12-20,\(entry.path)\n"
        }
        csv += "OK-1,Lettre,1201,principal,DM,Secrétariat général,2021-01-04,2021-12-20,share/lettre.txt\n"
        let file = try dir.write("registre.csv", csv)
        let result = try sablier("document", "import", file.path)
        #expect(result.status != 0)
        for (index, entry) in paths.enumerated() {
            let line = result.stderr.split(separator: "\n").first { $0.hasPrefix("\(file.path):\(index + 2):9: error: column path: ") }
            #expect(line?.contains(refusal(entry.what, entry.path)) == true, "\(entry.what): \(result.stderr)")
        }
        #expect(result.stderr.contains("nothing was registered") || result.stderr.contains("9 errors"))
        let listed = try sablier("document", "list", "--format", "json")
        #expect((try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [Any])?.isEmpty == true, "\(listed.stdout)")
    }

    @Test("privacy scan PATH…: each hostile path is a line of its own, refused and unknown, never read; the exit status says so")
    func privacyScanPaths() throws {
        let paths = try hostile()
        let result = try sablier(["privacy", "scan", dir.file("share/lettre.txt").path] + paths.map(\.path), as: "aiprp")
        #expect(result.status == 1, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == paths.count + 1)
        #expect(lines.first?["error"] == nil && lines.first?["flagged"] is Bool)
        for (line, entry) in zip(lines.dropFirst(), paths) {
            let error = line["error"] as? [String: Any]
            #expect(error?["kind"] as? String == "refused", "\(entry.what)")
            #expect((error?["message"] as? String)?.contains(refusal(entry.what, entry.path)) == true, "\(entry.what): \(line)")
            #expect(line["flagged"] is NSNull)
        }
    }
}
