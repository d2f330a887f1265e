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

        // A second store pointed at the first one's key is refused, and the key and its head file
        // are left as they were: sharing them made each store's writes move the other's head,
        // and the next write of either was refused as tampering (init used to remove the head
        // file to make room, which broke the first store at once).
        let key = try Data(contentsOf: URL(fileURLWithPath: db + ".audit-key"))
        let head = try Data(contentsOf: URL(fileURLWithPath: db + ".audit-key.head"))
        let other = dir.file("other.sqlite").path
        let shared = try SablierProcess.run(["init", "--admin", "admin", "--db", other, "--audit-key", db + ".audit-key", "--lang", "en"])
        #expect(shared.status == 75, "\(shared.stdout)")
        #expect(shared.stderr.contains("this key guards another store's trail"), "\(shared.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db + ".audit-key")) == key)
        #expect(try Data(contentsOf: URL(fileURLWithPath: db + ".audit-key.head")) == head)
        #expect(!FileManager.default.fileExists(atPath: other))
        let written = try SablierProcess.run(["user", "add", "u1", "--unit", "SG", "--role", "utilisateur", "--db", db, "--as", "admin"])
        #expect(written.status == 0, "the first store still writes: \(written.stderr)")
        #expect(try SablierProcess.run(["audit", "verify", "--db", db, "--as", "admin"]).status == 0)

        // A key kept for a new store is one no trail has used (no head file naming entries).
        let spare = dir.file("spare.audit-key").path
        try AuditKeyFixture.write(AuditKeyFixture.hex + "\n", to: spare, mode: 0o600)
        let kept = try SablierProcess.run(["init", "--admin", "admin", "--db", other, "--audit-key", spare])
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(kept.stdout.contains("already there, kept"))
    }

    @Test("audit key create with a mistyped --audit-key on a keyed store: refused, the trail still verifies and takes writes")
    func keyCreateOnKeyedStore() throws {
        let dir = try TemporaryDirectory(prefix: "sablier-cli-key")
        defer { dir.remove() }
        let db = dir.file("sablier.sqlite").path
        try SablierProcess.prepareStore(at: db)
        let typo = dir.file("typo.audit-key").path
        let created = try SablierProcess.run(["audit", "key", "create", "--db", db, "--audit-key", typo, "--as", "admin", "--lang", "en"])
        #expect(created.status == 75, "\(created.stdout)")
        #expect(created.stderr.contains("this store already has an audit trail key"), "\(created.stderr)")
        #expect(!FileManager.default.fileExists(atPath: typo))
        #expect(try SablierProcess.run(["user", "add", "u2", "--unit", "SG", "--role", "utilisateur", "--db", db, "--as", "admin"]).status == 0)
        let verified = try SablierProcess.run(["audit", "verify", "--db", db, "--as", "admin"])
        #expect(verified.status == 0, "\(verified.stderr)")
    }

    @Test("audit head adopt: a copy of the key without a head file takes no writes until adopted; adopted once, then both keys write")
    func headAdopt() throws {
        let dir = try TemporaryDirectory(prefix: "sablier-cli-key")
        defer { dir.remove() }
        let db = dir.file("sablier.sqlite").path
        try SablierProcess.prepareStore(at: db)
        let copy = dir.file("machine2.audit-key").path
        try FileManager.default.copyItem(atPath: db + ".audit-key", toPath: copy)
        let refused = try SablierProcess.run(["user", "add", "u3", "--unit", "SG", "--role", "utilisateur", "--db", db, "--audit-key", copy, "--as", "admin", "--lang", "en"])
        #expect(refused.status == 70)
        #expect(refused.stderr.contains("sablier audit head adopt"))
        let adopted = try SablierProcess.run(["audit", "head", "adopt", "--db", db, "--audit-key", copy, "--as", "admin"])
        #expect(adopted.status == 0, "\(adopted.stderr)")
        #expect(adopted.stdout.contains("audit head adopted"))
        #expect(try SablierProcess.run(["audit", "head", "adopt", "--db", db, "--audit-key", copy, "--as", "admin"]).status == 75)
        #expect(try SablierProcess.run(["user", "add", "u4", "--unit", "SG", "--role", "utilisateur", "--db", db, "--audit-key", copy, "--as", "admin"]).status == 0)
        #expect(try SablierProcess.run(["user", "add", "u5", "--unit", "SG", "--role", "utilisateur", "--db", db, "--as", "admin"]).status == 0)
        #expect(try SablierProcess.run(["audit", "verify", "--db", db, "--as", "admin"]).status == 0)
        let log = try SablierProcess.run(["audit", "log", "--db", db, "--as", "admin"])
        #expect(log.stdout.contains("audit.head-adopt"))
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
