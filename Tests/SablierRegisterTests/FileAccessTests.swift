import Foundation
import SablierCore
import SablierImport
import SablierPrivacy
import SablierRegister
import SablierSQLite
import SablierStore
import SablierTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one rule for the files the register reads (`FileAccess`), on real files, FIFOs, devices,
/// sockets and links: what it refuses, quickly and by name, and that registration, disposition
/// and the measuring before the store's lock all go through it.
@Suite("Files the register may read")
struct FileAccessTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// A folder holding a root (`share/`) with one real file, a folder outside it, and the
    /// hostile things a path can name: a FIFO, a socket, links to /dev/zero, to the FIFO and out
    /// of the root.
    struct Layout {
        let dir: TemporaryDirectory
        var share: String { dir.file("share").path }
        var outside: String { dir.file("outside").path }
        var file: String { share + "/note.txt" }
        var fifo: String { share + "/tube" }
        var socketPath: String { share + "/prise" }
        var linkToZero: String { share + "/zero" }
        var linkToFIFO: String { share + "/vers-tube" }
        var linkOut: String { share + "/dehors.txt" }
        var subfolder: String { share + "/dossier" }
        var secret: String { outside + "/secret.txt" }

        init() throws {
            dir = try TemporaryDirectory(prefix: "sablier-files")
            let manager = FileManager.default
            try manager.createDirectory(atPath: dir.file("share/dossier").path, withIntermediateDirectories: true)
            try manager.createDirectory(atPath: dir.file("outside").path, withIntermediateDirectories: true)
            try Data("une note\n".utf8).write(to: URL(fileURLWithPath: share + "/note.txt"))
            try Data("secret\n".utf8).write(to: URL(fileURLWithPath: outside + "/secret.txt"))
            #expect(mkfifo(share + "/tube", 0o600) == 0)
            try manager.createSymbolicLink(atPath: share + "/zero", withDestinationPath: "/dev/zero")
            try manager.createSymbolicLink(atPath: share + "/vers-tube", withDestinationPath: share + "/tube")
            try manager.createSymbolicLink(atPath: share + "/dehors.txt", withDestinationPath: outside + "/secret.txt")
            Self.bindSocket(at: share + "/prise")
        }

        /// A Unix socket bound at `path` (left bound: the test only looks at it).
        static func bindSocket(at path: String) {
            let descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { buffer in
                for (index, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
            }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            #expect(bound == 0, "a socket could not be bound at \(path)")
            _ = close(descriptor)
        }
    }

    func refusal(_ access: FileAccess, _ path: String, relativeTo base: URL? = nil) -> FileAccess.Failure? {
        do {
            _ = try access.open(path, relativeTo: base)
            return nil
        } catch {
            return error
        }
    }

    @Test("a FIFO, /dev/zero, a link to either, a directory and a socket are refused by their kind, in words")
    func specialFiles() throws {
        let layout = try Layout()
        defer { layout.dir.remove() }
        let access = FileAccess(roots: [layout.share], storeFolder: nil)
        #expect(try access.open(layout.file).path == layout.file)
        let fifo = refusal(access, layout.fifo)
        #expect(fifo == FileAccess.Failure(.fileNotRegular, ["path": layout.fifo, "kind": "a FIFO (named pipe)"]))
        #expect(fifo?.description == "\(layout.fifo) is a FIFO (named pipe), not a regular file: it is not read")
        #expect(refusal(access, layout.linkToFIFO) == FileAccess.Failure(.fileNotRegular, ["path": layout.fifo, "kind": "a FIFO (named pipe)"]))
        #expect(refusal(access, layout.socketPath) == FileAccess.Failure(.fileNotRegular, ["path": layout.socketPath, "kind": "a socket"]))
        #expect(refusal(access, layout.subfolder) == FileAccess.Failure(.fileIsDirectory, ["path": layout.subfolder]))
        // /dev/zero: outside the root whatever the link says; with / as a root, refused as a device.
        #expect(refusal(access, layout.linkToZero)?.code == .fileOutsideRoots)
        let everywhere = FileAccess(roots: ["/"], storeFolder: nil)
        #expect(refusal(everywhere, "/dev/zero") == FileAccess.Failure(.fileNotRegular, ["path": "/dev/zero", "kind": "a character device"]))
        #expect(refusal(everywhere, layout.linkToZero) == FileAccess.Failure(.fileNotRegular, ["path": "/dev/zero", "kind": "a character device"]))
        #expect(refusal(everywhere, layout.fifo)?.code == .fileNotRegular)
    }

    @Test("a path outside the roots, a .. escape and a link out of the root are refused, naming the roots")
    func outsideTheRoots() throws {
        let layout = try Layout()
        defer { layout.dir.remove() }
        let access = FileAccess(roots: [layout.share], storeFolder: layout.dir.url.path)
        #expect(access.configured)
        let secret = refusal(access, layout.secret)
        #expect(secret == FileAccess.Failure(.fileOutsideRoots, ["path": layout.secret, "roots": layout.share]))
        #expect(secret?.description.contains("sablier roots add") == true)
        #expect(refusal(access, "/etc/shadow")?.code == .fileOutsideRoots)
        #expect(refusal(access, "../outside/secret.txt", relativeTo: URL(fileURLWithPath: layout.share))?.code == .fileOutsideRoots)
        #expect(refusal(access, layout.share + "/../outside/secret.txt")?.code == .fileOutsideRoots)
        let out = refusal(access, layout.linkOut)
        #expect(out == FileAccess.Failure(.fileOutsideRoots, ["path": "\(layout.linkOut) (\(layout.secret))", "roots": layout.share]))
        // A folder whose name only starts like the root's is not inside it.
        try FileManager.default.createDirectory(atPath: layout.share + "-bis", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: layout.share + "-bis/x.txt"))
        #expect(refusal(access, layout.share + "-bis/x.txt")?.code == .fileOutsideRoots)
        #expect(refusal(access, layout.share + "/absent.txt") == FileAccess.Failure(.fileMissing, ["path": layout.share + "/absent.txt"]))
        #expect(refusal(access, "https://example.org/x.pdf")?.code == .fileNotLocal)
    }

    @Test("with no root configured, only the store's folder is read, and the refusal says how to add one")
    func noRootConfigured() async throws {
        let layout = try Layout()
        defer { layout.dir.remove() }
        let store = try SQLiteStore(path: AuditKeyFixture.keyed(layout.share + "/sablier.sqlite"))
        let access = try await FileAccess.of(store)
        #expect(!access.configured && access.roots == [layout.share])
        #expect(try access.open(layout.file).path == layout.file)
        let refused = refusal(access, layout.secret)
        #expect(refused == FileAccess.Failure(.fileOutsideStoreFolder, ["path": layout.secret, "folder": layout.share]))
        #expect(refused?.description.contains("add one with `sablier roots add FOLDER`") == true)
        try await store.addFileRoot(FileRoot(path: layout.outside, addedAt: now, addedBy: "gestion.doc"))
        let configured = try await FileAccess.of(store)
        #expect(configured.configured && configured.roots == [layout.outside])
        #expect(try configured.open(layout.secret).path == layout.secret)
        // Once folders are listed, the store's own folder is no longer read unless listed.
        #expect(refusal(configured, layout.file)?.code == .fileOutsideRoots)
    }

    @Test("a store without a folder of its own (PostgreSQL) and no root configured reads nothing, and says so rather than naming a folder")
    func noFolderAtAll() throws {
        let layout = try Layout()
        defer { layout.dir.remove() }
        let access = FileAccess(roots: [], storeFolder: nil)
        #expect(!access.configured && access.roots.isEmpty)
        let refused = refusal(access, layout.file)
        #expect(refused == FileAccess.Failure(.fileNoFolderConfigured, ["path": layout.file]))
        #expect(refused?.description == "\(layout.file) is not read: no folder is configured, and the register reads none until the RSI or the records manager adds one with `sablier roots add FOLDER`")
    }

    /// A store in `layout.share` with the example calendar; the files it registers lie there.
    func store(in layout: Layout) async throws -> SQLiteStore {
        let store = try SQLiteStore(path: AuditKeyFixture.keyed(layout.share + "/sablier.sqlite"))
        _ = try await CalendarImporter(store: store).importFile(path: Fixtures.exampleNative.path, actor: "gestion.doc", now: now)
        return store
    }

    func draft(_ reference: String, path: String) -> DocumentDraft {
        var draft = DocumentDraft()
        draft.reference = reference; draft.title = "Correspondance"; draft.rule = "1201"; draft.copy = "principal"
        draft.support = "DM"; draft.holder = "Secrétariat général"; draft.opened = "2021-01-04"; draft.closed = "2021-12-20"
        draft.path = path
        return draft
    }

    @Test("registration: each hostile path is refused on its own line, field path named; a link inside the root is stored resolved")
    func registration() async throws {
        let layout = try Layout()
        defer { layout.dir.remove() }
        let store = try await store(in: layout)
        // /dev/zero is left to the command-line tests, whose runs are bounded: read in process by
        // a regression, it would never end.
        let hostile = [layout.fifo, layout.linkToFIFO, layout.socketPath, layout.subfolder, layout.secret,
                       "../outside/secret.txt", layout.linkOut, "/etc/shadow"]
        var csv = "reference,title,rule,copy,support,holder,opened,closed,path\n"
        for (index, path) in hostile.enumerated() {
            csv += "H-\(index),Correspondance,1201,principal,DM,Secrétariat général,2021-01-04,2021-12-20,\(path)\n"
        }
        let file = layout.share + "/registre.csv"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: file))
        do {
            _ = try await DocumentRegistrar(store: store).importCSV(path: file, skipInvalid: false, actor: "gestion.doc", now: now)
            Issue.record("a register naming hostile files was imported")
        } catch let error as DocumentImportError {
            let codes = error.diagnostics.map { "\($0.location.line) \($0.field ?? "") \($0.code ?? "")" }
            #expect(codes == [
                "2 path register.file-not-regular", "3 path register.file-not-regular", "4 path register.file-not-regular",
                "5 path register.file-is-directory", "6 path register.file-outside-store-folder",
                "7 path register.file-outside-store-folder", "8 path register.file-outside-store-folder",
                "9 path register.file-outside-store-folder",
            ])
        }
        #expect(try await store.registeredReferences(among: (0..<hostile.count).map { "H-\($0)" }).isEmpty)
        for path in [layout.fifo, layout.linkToFIFO, layout.secret] {
            do {
                _ = try await DocumentRegistrar(store: store).add(draft("A-1", path: path), actor: "gestion.doc", now: now)
                Issue.record("\(path) was registered")
            } catch let error as DocumentImportError {
                #expect(error.diagnostics.map(\.field) == ["path"], "\(path)")
            }
        }
        // Registered through a link inside the root: the file itself is what is recorded.
        try FileManager.default.createSymbolicLink(atPath: layout.share + "/raccourci.txt", withDestinationPath: layout.file)
        let (document, _) = try await DocumentRegistrar(store: store).add(draft("L-1", path: layout.share + "/raccourci.txt"), actor: "gestion.doc", now: now)
        #expect(document.document.file?.path == layout.file)
    }

    @Test("files are measured before the store's write transaction opens: a concurrent document add succeeds meanwhile")
    func measuredBeforeTheLock() async throws {
        let layout = try Layout()
        defer { layout.dir.remove() }
        let store = try await store(in: layout)
        // A large file, sparse: measuring it takes a while, and the lock must not be held then.
        let large = layout.share + "/grand.bin"
        #expect(FileManager.default.createFile(atPath: large, contents: nil))
        #expect(truncate(large, 200_000_000) == 0)
        let csv = layout.share + "/registre.csv"
        try Data("""
            reference,title,rule,copy,support,holder,opened,closed,path
            G-1,Grand fichier,1201,principal,DM,Secrétariat général,2021-01-04,2021-12-20,grand.bin
            G-2,Note,1201,principal,DM,Secrétariat général,2021-01-04,2021-12-20,note.txt

            """.utf8).write(to: URL(fileURLWithPath: csv))
        // Another connection to the same file, as another `sablier document add` would be.
        let other = try SQLiteStore(path: layout.share + "/sablier.sqlite")
        let added = AddedMeanwhile()
        let registrar = DocumentRegistrar(store: store) { path in
            guard path == "grand.bin" else { return }
            // Run to its end while the import measures, on the measuring thread.
            let done = DispatchSemaphore(value: 0)
            Task.detached {
                do {
                    var draft = DocumentDraft()
                    draft.reference = "PENDANT-1"; draft.title = "Ajouté pendant la mesure"; draft.rule = "1201"; draft.copy = "principal"
                    draft.support = "PA"; draft.holder = "Secrétariat général"; draft.opened = "2021-01-04"
                    _ = try await DocumentRegistrar(store: other).add(draft, actor: "gestion.doc", now: Date(timeIntervalSince1970: 1_795_000_000))
                    added.set("registered")
                } catch {
                    added.set("\(error)")
                }
                done.signal()
            }
            done.wait()
        }
        let outcome = try await registrar.importCSV(path: csv, skipInvalid: false, actor: "gestion.doc", now: now)
        #expect(outcome.registered == 2)
        #expect(added.value == "registered")
        #expect(try await store.document("PENDANT-1") != nil)
        #expect(try await store.document("G-1")?.document.file?.size == 200_000_000)
    }

    /// The example register in `dir`, and list 1 approved to destroy what is due on 2026-11-29:
    /// the store, the file certified for SG-CORR-2021 (one of the list's), and noon that day.
    func approvedDestructionList(in dir: TemporaryDirectory) async throws -> (SQLiteStore, DigitalFile, Date) {
        let noon = ISO8601DateFormatter().date(from: "2026-11-29T12:00:00Z")!
        let store = try SQLiteStore(path: AuditKeyFixture.keyed(dir.file("sablier.sqlite").path))
        _ = try await CalendarImporter(store: store).importFile(path: Fixtures.exampleNative.path, actor: "gestion.doc", now: noon)
        try await store.addBox(Box(code: "B-2023-RF-01"), by: "gestion.doc", at: noon)
        try await store.addBox(Box(code: "B-2014-RF-01"), by: "gestion.doc", at: noon)
        let csv = try dir.copyExamples()
        #expect(try await DocumentRegistrar(store: store).importCSV(path: csv.path, skipInvalid: false, actor: "gestion.doc", now: noon).registered == 12)
        let certified = try #require(try await store.document("SG-CORR-2021")?.document.file)
        _ = try await store.proposeDisposition(asOf: CivilDate(iso: "2026-11-29")!, action: .destroy, by: "archiviste", at: noon)
        try await store.approveDisposition(1, by: "directrice", at: noon)
        return (store, certified, noon)
    }

    @Test("disposition refuses a file replaced by a link after registration, and deletes neither the link nor its target")
    func dispositionRefusesALinkInPlace() async throws {
        let dir = try TemporaryDirectory(prefix: "sablier-files-disposition")
        defer { dir.remove() }
        let (store, certified, noon) = try await approvedDestructionList(in: dir)
        // The file moved elsewhere, the same bytes, and a link left in its place.
        let moved = dir.file("ailleurs.txt").path
        try FileManager.default.moveItem(atPath: certified.path, toPath: moved)
        try FileManager.default.createSymbolicLink(atPath: certified.path, withDestinationPath: moved)

        let outcome = try await DispositionExecutor(store: store).execute(1, method: "déchiquetage", vendorCertificate: nil, by: "technicien", at: noon)
        let problem = try #require(outcome.integrityProblems.first { $0.reference == "SG-CORR-2021" })
        #expect(problem.kind == .resolvesElsewhere(resolved: moved))
        #expect(problem.description.contains("now resolves to \(moved)"))
        #expect(!outcome.done.map(\.reference).contains("SG-CORR-2021") && !outcome.isComplete)
        #expect(FileManager.default.fileExists(atPath: moved), "the link's target was deleted")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: certified.path)) == moved)
        #expect(try await store.document("SG-CORR-2021")?.phase == .actif)
        #expect(try await store.tombstones(list: 1).map(\.reference).contains("SG-CORR-2021") == false)
        // The other documents of the list were destroyed as certified.
        #expect(outcome.done.map(\.reference).contains("RF-PAIE-2018"))
    }

    @Test("Sablier's own files, in the store's folder (the default root), are never read: database, key, key head, a hard link to one")
    func sablierOwnFilesRefused() async throws {
        let layout = try Layout()
        defer { layout.dir.remove() }
        let store = try await store(in: layout)
        let access = try await FileAccess.of(store)
        #expect(access.roots == [layout.share])
        let database = layout.share + "/sablier.sqlite"
        #expect(link(database, layout.share + "/copie.bin") == 0)
        var own = [database, store.auditKeyFile, layout.share + "/copie.bin"]
        if FileManager.default.fileExists(atPath: store.auditKeyFile + ".head") { own.append(store.auditKeyFile + ".head") }
        for path in own {
            #expect(refusal(access, path) == FileAccess.Failure(.fileIsSablierOwn, ["path": path]), "\(path)")
        }
        #expect(refusal(access, database)?.description.contains("one of Sablier's own files") == true)
        // Registration refuses them on the path field, so no disposition can delete them.
        do {
            _ = try await DocumentRegistrar(store: store).add(draft("S-1", path: database), actor: "gestion.doc", now: now)
            Issue.record("the database was registered as a document's file")
        } catch let error as DocumentImportError {
            #expect(error.diagnostics.map(\.code) == ["register.file-is-sablier-own"])
        }
        // An ordinary file beside them is still read.
        #expect(try access.open(layout.file).path == layout.file)
    }

    @Test("a folder on the way moved out of the root after the path was resolved: the opened descriptor is checked and refused")
    func folderSwappedAfterResolution() throws {
        let layout = try Layout()
        defer { layout.dir.remove() }
        let access = FileAccess(roots: [layout.share], storeFolder: nil)
        let inner = layout.subfolder + "/piece.txt"
        try Data("pièce\n".utf8).write(to: URL(fileURLWithPath: inner))
        let file = try access.open(inner)
        try access.confirmOpened(file)
        // What the race does between realpath and open: the folder the path goes through is now
        // elsewhere (out of the root), and the descriptor holds the file there.
        #expect(rename(layout.subfolder, layout.outside + "/dossier") == 0)
        #expect(throws: FileAccess.Failure(.fileMovedWhileOpened, ["path": inner, "opened": layout.outside + "/dossier/piece.txt"])) {
            try access.confirmOpened(file)
        }
        // And a link put in the folder's place is never followed out of the root.
        try FileManager.default.createSymbolicLink(atPath: layout.subfolder, withDestinationPath: layout.outside + "/dossier")
        #expect(refusal(access, inner)?.code == .fileOutsideRoots)
    }

    @Test("the default remover unlinks a file only: a path that became a folder is refused, nothing in it deleted")
    func removerNeverDeletesAFolder() throws {
        let layout = try Layout()
        defer { layout.dir.remove() }
        let folder = layout.share + "/devenu-dossier"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("garder\n".utf8).write(to: URL(fileURLWithPath: folder + "/garder.txt"))
        #expect(throws: DispositionExecutor.RemovalFailure.self) { try DispositionExecutor.deleteFile(folder) }
        #expect(FileManager.default.fileExists(atPath: folder + "/garder.txt"))
        try DispositionExecutor.deleteFile(layout.file)
        #expect(!FileManager.default.fileExists(atPath: layout.file))
        // Already gone: what was wanted.
        try DispositionExecutor.deleteFile(layout.file)
    }

    @Test("disposition of a document whose path became a folder: not deleted, reported as the item's problem")
    func dispositionOfAPathThatBecameAFolder() async throws {
        let dir = try TemporaryDirectory(prefix: "sablier-files-disposition-folder")
        defer { dir.remove() }
        let (store, certified, noon) = try await approvedDestructionList(in: dir)
        // The file is replaced by a folder of the same name, holding files of its own.
        try FileManager.default.removeItem(atPath: certified.path)
        try FileManager.default.createDirectory(atPath: certified.path, withIntermediateDirectories: false)
        try Data("autre\n".utf8).write(to: URL(fileURLWithPath: certified.path + "/autre.txt"))
        let outcome = try await DispositionExecutor(store: store).execute(1, method: "déchiquetage", vendorCertificate: nil, by: "technicien", at: noon)
        #expect(outcome.integrityProblems.contains { $0.reference == "SG-CORR-2021" })
        #expect(!outcome.done.map(\.reference).contains("SG-CORR-2021"))
        #expect(FileManager.default.fileExists(atPath: certified.path + "/autre.txt"))
    }

    @Test("the anonymised copy never replaces a file already at its name (another document's): nothing is written")
    func anonymizedCopyNeverOverwrites() async throws {
        let dir = try TemporaryDirectory(prefix: "sablier-files-anonymized")
        defer { dir.remove() }
        let store = try SQLiteStore(path: AuditKeyFixture.keyed(dir.file("sablier.sqlite").path))
        let csv = try dir.copyExamples()
        let folder = csv.deletingLastPathComponent().appendingPathComponent("fichiers")
        let letter = folder.appendingPathComponent("correspondance-2021.txt")
        let publicCharacter = PrivacyScanning.scanner(publicIdentifiers: []).publicCharacter
        try Data("Nom de l'élève : Léa Tremblay\nNAS du parent : 264 175 696\n".utf8).write(to: letter)
        let registered = SourceDigest.sha256Hex(try Data(contentsOf: letter))
        // Another file already bears the copy's name.
        let occupant = folder.appendingPathComponent("ANON-1.txt")
        try Data("un autre document, à garder\n".utf8).write(to: occupant)
        let access = try await FileAccess.of(store)
        #expect(throws: DocumentAnonymizer.Failure.targetExists(path: occupant.path)) {
            try DocumentAnonymizer.anonymize(path: letter.path, expectedSHA256: registered, to: occupant.path,
                                             publicCharacter: publicCharacter, access: access)
        }
        #expect(try String(contentsOf: occupant, encoding: .utf8) == "un autre document, à garder\n")
        #expect(FileManager.default.fileExists(atPath: letter.path))
        // No temporary file left beside them.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    @Test("the anonymised copy is made only of the bytes whose SHA-256 is the registered one, hashed as they are read for the copy")
    func anonymizedCopyOfTheRegisteredBytes() async throws {
        let layout = try Layout()
        defer { layout.dir.remove() }
        let access = FileAccess(roots: [layout.share], storeFolder: nil)
        let publicCharacter = PrivacyScanning.scanner(publicIdentifiers: []).publicCharacter
        let letter = layout.share + "/lettre.txt"
        try Data("Nom de l'élève : Léa Tremblay\nNAS du parent : 264 175 696\n".utf8).write(to: URL(fileURLWithPath: letter))
        let registered = SourceDigest.sha256Hex(try Data(contentsOf: URL(fileURLWithPath: letter)))
        // Another text at the registered name: refused, nothing written.
        try Data("Nom de l'élève : Léo Tremblay\n".utf8).write(to: URL(fileURLWithPath: letter))
        #expect(throws: DocumentAnonymizer.Failure.sourceChanged) {
            try DocumentAnonymizer.anonymize(path: letter, expectedSHA256: registered, to: layout.share + "/ANON-1.txt",
                                             publicCharacter: publicCharacter, access: access)
        }
        #expect(!FileManager.default.fileExists(atPath: layout.share + "/ANON-1.txt"))
        #expect(throws: DocumentAnonymizer.Failure.sourceMissing) {
            try DocumentAnonymizer.anonymize(path: layout.share + "/absent.txt", expectedSHA256: registered, to: layout.share + "/ANON-1.txt",
                                             publicCharacter: publicCharacter, access: access)
        }
    }

    @Test("a copy a crashed run wrote (the same bytes at its name) is taken up; any other file there is never replaced")
    func anonymizedCopyTakenUpAfterACrash() async throws {
        let layout = try Layout()
        defer { layout.dir.remove() }
        let access = FileAccess(roots: [layout.share], storeFolder: nil)
        let publicCharacter = PrivacyScanning.scanner(publicIdentifiers: []).publicCharacter
        let letter = layout.share + "/lettre.txt"
        try Data("Nom de l'élève : Léa Tremblay\nNAS du parent : 264 175 696\n".utf8).write(to: URL(fileURLWithPath: letter))
        let registered = SourceDigest.sha256Hex(try Data(contentsOf: URL(fileURLWithPath: letter)))
        let target = layout.share + "/ANON-1.txt"
        let first = try DocumentAnonymizer.anonymize(path: letter, expectedSHA256: registered, to: target, publicCharacter: publicCharacter,
                                                     access: access)
        #expect(!first.wasAlreadyThere && first.file.path == target)
        let again = try DocumentAnonymizer.anonymize(path: letter, expectedSHA256: registered, to: target, publicCharacter: publicCharacter,
                                                     access: access)
        #expect(again.wasAlreadyThere && again.file == first.file)
        try Data("modifiée\n".utf8).write(to: URL(fileURLWithPath: target))
        #expect(throws: DocumentAnonymizer.Failure.targetExists(path: target)) {
            try DocumentAnonymizer.anonymize(path: letter, expectedSHA256: registered, to: target, publicCharacter: publicCharacter, access: access)
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "modifiée\n")
    }

    @Test("text is read through the descriptor checked: a file swapped at the name afterwards is not what is scanned, PDF included")
    func extractorsReadTheFileChecked() throws {
        let layout = try Layout()
        defer { layout.dir.remove() }
        let access = FileAccess(roots: [layout.share], storeFolder: nil)
        let scanner = PrivacyScanning.scanner(publicIdentifiers: [])
        // A letter with a SIN, checked and held open; then a harmless file renamed over its name.
        let letter = layout.share + "/lettre.txt"
        try Data("NAS du parent : 264 175 696\n".utf8).write(to: URL(fileURLWithPath: letter))
        try Data("rien de personnel\n".utf8).write(to: URL(fileURLWithPath: layout.share + "/anodin.txt"))
        let checked = try access.open(letter)
        #expect(rename(layout.share + "/anodin.txt", letter) == 0)
        let scan = PrivacyScanning.scanFile(checked.descriptorPath, named: checked.path, scanner: scanner)
        // (SablierExtraction and SablierPrivacy are not this target's imports: their values are read as text.)
        #expect(scan.path == letter && String(describing: scan.format) == "Optional(SablierExtraction.DocumentFormat.text)")
        #expect(String(describing: scan.result).contains("FindingType.sin"), "the file swapped in was read instead of the one checked")
        // A PDF, read by pdftotext from the descriptor (its standard input), not from the name.
        let pdf = layout.share + "/releve.pdf"
        try FileManager.default.copyItem(atPath: Fixtures.root.appendingPathComponent("corpus/privacy/files/t19-releve-de-paie.pdf").path, toPath: pdf)
        let checkedPDF = try access.open(pdf)
        try Data("pas un PDF\n".utf8).write(to: URL(fileURLWithPath: layout.share + "/faux.txt"))
        #expect(rename(layout.share + "/faux.txt", pdf) == 0)
        let pdfScan = PrivacyScanning.scanFile(checkedPDF.descriptorPath, named: checkedPDF.path, scanner: scanner)
        #expect(String(describing: pdfScan.format) == "Optional(SablierExtraction.DocumentFormat.pdf)", "\(String(describing: pdfScan.error))")
        #expect(pdfScan.result != nil)
        withExtendedLifetime((checked, checkedPDF)) {}
    }

    /// What the concurrent add gave, set on another thread.
    final class AddedMeanwhile: @unchecked Sendable { // `value` is behind `lock`
        private let lock = NSLock()
        private var text = "not run"
        func set(_ value: String) { lock.withLock { text = value } }
        var value: String { lock.withLock { text } }
    }
}
