import Foundation
import SablierTestSupport
import Testing

/// The audit key, the head file and checkpoints through the real binary.
@Suite("sablier init's audit key, audit checkpoint, audit verify --checkpoint (end to end)")
struct AuditKeyCommandTests {
    func mode(_ path: String) throws -> Int {
        try #require((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue)
    }

    @Test("init creates a 0600 key beside the database, and never overwrites one that is there")
    func initCreatesKey() throws {
        let dir = try TemporaryDirectory(prefix: "sablier-cli-key")
        defer { dir.remove() }
        let db = dir.file("sablier.sqlite").path
        let created = try SablierProcess.run(["init", "--admin", "admin", "--db", db])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("audit key: \(db).audit-key (created, mode 0600)"))
        #expect(try mode(db + ".audit-key") == 0o600)
        #expect(FileManager.default.fileExists(atPath: db + ".audit-key.head"))

        // A second store pointed at a key already there keeps it, byte for byte.
        let key = try Data(contentsOf: URL(fileURLWithPath: db + ".audit-key"))
        let other = dir.file("other.sqlite").path
        let kept = try SablierProcess.run(["init", "--admin", "admin", "--db", other, "--audit-key", db + ".audit-key"])
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(kept.stdout.contains("already there, kept"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db + ".audit-key")) == key)
        #expect(!FileManager.default.fileExists(atPath: other + ".audit-key"))
    }

    @Test("a key file others can read is refused; without a key a change is refused, naming where it was looked for")
    func refusedKeys() throws {
        let dir = try TemporaryDirectory(prefix: "sablier-cli-key")
        defer { dir.remove() }
        let db = dir.file("sablier.sqlite").path
        try SablierProcess.prepareStore(at: db)
        let key = db + ".audit-key"
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key)
        let exposed = try SablierProcess.run(["user", "list", "--db", db, "--as", "admin", "--lang", "en"])
        #expect(exposed.status == 70)
        #expect(exposed.stderr.contains("the audit trail's key \(key) can be accessed by its group or by others (mode 0644)"))

        try FileManager.default.removeItem(atPath: key)
        #expect(try SablierProcess.run(["user", "list", "--db", db, "--as", "admin"]).status == 0, "reading needs no key")
        let missing = try SablierProcess.run(["user", "add", "x", "--unit", "SG", "--role", "utilisateur", "--db", db, "--as", "admin", "--lang", "en"])
        #expect(missing.status == 70)
        #expect(missing.stderr.contains("the audit trail's key was not found: looked for at \(key)"))
        #expect(!(try SablierProcess.run(["user", "list", "--db", db, "--as", "admin"]).stdout.contains("x ")))
    }

    @Test("audit checkpoint prints a signed head; verify --checkpoint proves it, and fails once the trail lost that entry")
    func checkpoint() throws {
        let dir = try TemporaryDirectory(prefix: "sablier-cli-key")
        defer { dir.remove() }
        let db = dir.file("sablier.sqlite").path
        try SablierProcess.prepareStore(at: db)
        // A copy of the store and its head file as they were before the checkpoint: restored
        // together later, as someone rolling the installation back to an older backup would.
        try FileManager.default.copyItem(atPath: db, toPath: db + ".before")
        try FileManager.default.copyItem(atPath: db + ".audit-key.head", toPath: db + ".head.before")
        let taken = try SablierProcess.run(["audit", "checkpoint", "--db", db, "--as", "verif"])
        #expect(taken.status == 0, "\(taken.stderr)")
        #expect(taken.stdout.contains("signature: hmac-sha256:"))
        let file = try dir.write("checkpoint.txt", taken.stdout).path
        let verified = try SablierProcess.run(["audit", "verify", "--checkpoint", file, "--db", db, "--as", "verif"])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout.contains("audit trail intact"))
        #expect(verified.stdout.contains("is in the trail, unchanged, and its signature is the key's"))

        // The checkpoint's text edited: its signature fails.
        let edited = try dir.write("edited.txt", taken.stdout.replacingOccurrences(of: "sequence: ", with: "sequence: 1")).path
        let forged = try SablierProcess.run(["audit", "verify", "--checkpoint", edited, "--db", db, "--as", "verif"])
        #expect(forged.status == 1)
        #expect(forged.stderr.contains("BROKEN"))

        // A file that is no checkpoint is refused as input.
        let garbage = try dir.write("garbage.txt", "hello\n").path
        #expect(try SablierProcess.run(["audit", "verify", "--checkpoint", garbage, "--db", db, "--as", "verif"]).status == 65)
        // A FIFO given as the checkpoint is refused at once, not waited on for a writer.
        let fifo = dir.url.appendingPathComponent("checkpoint.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let waiting = try SablierProcess.run(["audit", "verify", "--checkpoint", fifo, "--db", db, "--as", "verif"])
        #expect(waiting.status == 65)
        #expect(waiting.stderr.contains("not a regular file"))

        // The store and its head file rolled back together to the copy taken before the
        // checkpoint: consistent, so a plain verify passes; only the checkpoint catches it.
        for (backup, live) in [(db + ".before", db), (db + ".head.before", db + ".audit-key.head")] {
            try FileManager.default.removeItem(atPath: live)
            try FileManager.default.copyItem(atPath: backup, toPath: live)
        }
        #expect(try SablierProcess.run(["audit", "verify", "--db", db, "--as", "verif"]).status == 0)
        let rolledBack = try SablierProcess.run(["audit", "verify", "--checkpoint", file, "--db", db, "--as", "verif"])
        #expect(rolledBack.status == 1)
        #expect(rolledBack.stderr.contains("BROKEN") && rolledBack.stderr.contains("but the trail ends at entry"), "\(rolledBack.stderr)")
    }
}
