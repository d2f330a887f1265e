import Foundation
import SablierTestSupport
import Testing

/// What a newcomer meets when `--db` is mistyped or names nothing Sablier can open, through the
/// real binary: a URL with a wrong scheme is refused as a usage mistake naming the accepted
/// forms (never read as a file's path), a folder is said to be one, a server that does not
/// answer is said in words, and a password never appears. No PostgreSQL server is needed.
@Suite("sablier --db: mistyped URLs, folders and unreachable servers (end to end)", .serialized)
final class StoreLocationCommandTests {
    let dir: TemporaryDirectory
    var db: String { dir.file("sablier.sqlite").path }

    init() throws {
        dir = try TemporaryDirectory(prefix: "sablier-cli-store-location")
        try SablierProcess.prepareStore(at: db)
    }

    deinit {
        dir.remove()
    }

    /// Runs `sablier` in the test's folder, in `language`.
    func sablier(_ arguments: [String], _ language: String = "en_CA.UTF-8") throws -> SablierProcess.Result {
        try SablierProcess.run(arguments, in: dir.url, environment: ["LANG": language])
    }

    /// The folder's entries, to see that a refused command created nothing.
    func entries() throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: dir.url.path))
    }

    @Test("a mistyped scheme or a malformed PostgreSQL URL is refused as a usage error (64), naming the accepted forms, for due, init and db copy")
    func mistypedURLs() throws {
        let before = try entries()
        for url in ["postgress://sablier:never-printed@127.0.0.1/sablier", "postgres:/sablier:never-printed@127.0.0.1/sablier",
                    "postgresql:sablier", "pg://127.0.0.1/sablier", "postgres://sablier:never-printed@127.0.0.1"] {
            for arguments in [["due", "--db", url], ["init", "--admin", "admin", "--db", url, "--audit-key", "k"],
                              ["db", "copy", "--from", url, "--to", "postgres://127.0.0.1:1/x"]] {
                let result = try sablier(arguments)
                #expect(result.status == 64, "\(arguments): \(result.stderr)")
                #expect(result.stderr.contains("is not a PostgreSQL URL (unknown scheme or malformed URL)"), "\(arguments): \(result.stderr)")
                #expect(result.stderr.contains("postgres://user@host:port/database"))
                #expect(!result.stderr.contains("no Sablier store") && !result.stderr.contains("cannot create"))
                #expect(!(result.stdout + result.stderr).contains("never-printed"))
            }
        }
        let french = try sablier(["init", "--admin", "admin", "--db", "postgress://127.0.0.1/sablier"], "fr_CA.UTF-8")
        #expect(french.status == 64)
        #expect(french.stderr.contains("« postgress://127.0.0.1/sablier » n'est pas une URL PostgreSQL (schéma inconnu ou URL mal formée)"))
        #expect(try entries() == before, "a refused init created nothing")
    }

    @Test("db copy --to must be PostgreSQL: said through the catalogue, in French first")
    func copyTarget() throws {
        let english = try sablier(["db", "copy", "--from", db, "--to", "other.sqlite"])
        #expect(english.status == 64)
        #expect(english.stderr.contains("--to other.sqlite: a copy goes into an empty PostgreSQL database, postgres://user@host:port/database"))
        let french = try sablier(["db", "copy", "--from", db, "--to", "other.sqlite", "--lang", "fr"])
        #expect(french.status == 64)
        #expect(french.stderr.contains("--to other.sqlite : une copie va dans une base PostgreSQL vide"))
    }

    @Test("a folder named as the store is said to be one (66) by due, init and db copy --from; init leaves it as it was")
    func folder() throws {
        let folder = dir.file("archives")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for arguments in [["due", "--db", folder.path], ["init", "--admin", "admin", "--db", folder.path, "--audit-key", dir.file("k").path],
                          ["db", "copy", "--from", folder.path, "--to", "postgres://127.0.0.1:1/x", "--audit-key", dir.file("k").path]] {
            let result = try sablier(arguments)
            #expect(result.status == 66, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("\(folder.path) is a folder, not a Sablier store"), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("unable to open database file"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir.file("k").path), "a refused init created no key")
        let french = try sablier(["due", "--db", folder.path, "--lang", "fr"])
        #expect(french.stderr.contains("\(folder.path) est un dossier, pas un dépôt Sablier"))
    }

    @Test("a server that does not answer, or a host unknown, is said in words, without NIO's types or the password")
    func unreachable() throws {
        let refused = try sablier(["due", "--db", "postgres://sablier:never-printed@127.0.0.1:1/sablier", "--audit-key", dir.file("k").path])
        #expect(refused.status == 70)
        #expect(refused.stderr.contains("the server at 127.0.0.1:1 does not answer (connection refused)"), "\(refused.stderr)")
        let unknown = try sablier(["due", "--db", "postgres://sablier:never-printed@no-such-host.invalid/sablier", "--audit-key", dir.file("k").path])
        #expect(unknown.status == 70)
        #expect(unknown.stderr.contains("no-such-host.invalid"), "\(unknown.stderr)")
        for result in [refused, unknown] {
            #expect(!result.stderr.contains("SingleConnectionFailure") && !result.stderr.contains("NIOConnectionError")
                        && !result.stderr.contains("errno"), "\(result.stderr)")
            #expect(!(result.stdout + result.stderr).contains("never-printed"))
        }
    }

    @Test("a worker of the shared privacy scan that found nothing says so, not an empty list")
    func idleWorker() throws {
        let result = try sablier(["privacy", "scan", "--all", "--worker", "--as", "aiprp", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("privacy scan: no document left for this worker"), "\(result.stderr)")
        #expect(!result.stderr.contains("— ;"))
    }
}
