import Foundation
import SablierApplication
import SablierCore
import SablierRegister
import SablierSQLite
import SablierStore
import SablierTestSupport
import Testing

/// `document relink`: a moved file found again by its SHA-256, alone or with its whole folder,
/// on the real SQLite store and the example register's real files (copied per test).
@Suite("Relinking moved files")
struct RelinkUseCaseTests {
    /// The example file of SG-CORR-2021, as the register resolved it at registration.
    static func recordedPath(_ office: TestOffice, _ reference: String) async throws -> String {
        try #require(try await office.store.document(reference)?.document.file?.path)
    }

    @Test("a relink after a real move closes the 'missing' incident the integrity check opened, records a relinked event and one audit entry")
    func relinkClosesMissingIncident() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let old = try await Self.recordedPath(office, "SG-CORR-2021")
        let moved = office.directory.file("partage").path
        try FileManager.default.createDirectory(atPath: moved, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: old, toPath: moved + "/correspondance.txt")

        let report = try await office.sablier.checkIntegrity(manager, references: ["SG-CORR-2021"])
        let missing = try #require(report.entries.first { $0.reference == "SG-CORR-2021" }?.incident)
        #expect(report.entries.first?.status == "missing")
        // A changed file's incident is not one a relink answers: it stays open.
        let changed = try await office.store.reportIntegrityIncident(.changed, description: "modifié", reference: "SG-CORR-2021",
                                                                     by: "gestion.doc", at: TestOffice.now)
        let before = try await office.lastSequence()

        let relinked = try await office.sablier.relinkDocument(manager, "SG-CORR-2021", path: moved + "/correspondance.txt",
                                                               reason: "Réorganisation du partage")
        let resolved = try FileAccess.realPath(moved + "/correspondance.txt")
        #expect(relinked.from == old && relinked.to == resolved && relinked.closedIncidents == [missing])
        #expect(try await Self.recordedPath(office, "SG-CORR-2021") == resolved)

        let incidents = try await office.store.incidents()
        let closed = try #require(incidents.first { $0.id == missing })
        #expect(closed.status == .ferme)
        #expect(closed.notes.last?.note == "Fichier retrouvé à \(resolved), SHA-256 identique (document relink).")
        #expect(incidents.first { $0.id == changed.id }?.status == .ouvert)

        let event = try #require(try await office.store.events(of: "SG-CORR-2021").last?.event)
        #expect(event.kind == .relinked && event.reason == "Réorganisation du partage" && event.on == TestOffice.day)
        #expect(event.detail == "{\"from\":\"\(old)\",\"to\":\"\(resolved)\"}")

        let entries = try await office.audit(after: before)
        #expect(entries.map(\.action) == ["document.relink"])
        #expect(entries.first?.target == "document SG-CORR-2021")
        #expect(entries.first?.details.contains("\"incidents\":\"\(missing)\"") == true, "\(entries.first?.details ?? "")")

        // Checked again, the file is intact at its new path.
        let again = try await office.sablier.checkIntegrity(manager, references: ["SG-CORR-2021"])
        #expect(again.entries.first?.status == "intact")
    }

    @Test("a file whose SHA-256 differs is refused naming the path and the hash recorded only (the hash found is in the audit entry), and nothing changes")
    func shaMismatch() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let old = try await Self.recordedPath(office, "SG-CORR-2021")
        let recorded = try #require(try await office.store.document("SG-CORR-2021")?.document.file?.sha256)
        let other = try office.directory.write("autre.txt", "Un autre document.\n")
        let before = try await office.lastSequence()

        let refusal = await thrownRefusal { try await office.sablier.relinkDocument(manager, "SG-CORR-2021", path: other.path) }
        #expect(refusal?.code == .relinkShaMismatch && refusal?.kind == .integrity)
        #expect(refusal?.values["expected"] == recorded)
        // The caller learns nothing of the file's own SHA-256: neither in the values nor in the sentence.
        let found = try #require(FileFingerprint.verify(path: other.path, expected: "", access: FileAccess(roots: [office.directory.url.path], storeFolder: nil)).changedHash)
        #expect(refusal?.values["found"] == nil && refusal.map { Set($0.values.keys) } == ["reference", "path", "expected"])
        for language in [Language.fr, .en] {
            #expect(!MessageCatalogue.message(try #require(refusal), in: language).contains(found))
        }
        #expect(MessageCatalogue.message(try #require(refusal), in: .fr).contains("n'est pas celui du document SG-CORR-2021"))
        // The records manager finds it in the refusal's audit entry.
        let audited = try #require(try await office.audit(after: before).first)
        #expect(audited.details.contains("\"found\":\"\(found)\"") && audited.details.contains("relink.sha-mismatch"))
        #expect(try await Self.recordedPath(office, "SG-CORR-2021") == old)
        #expect(try await office.store.events(of: "SG-CORR-2021").allSatisfy { $0.event.kind != .relinked })
        #expect(try await office.audit(after: before).map(\.action) == ["refused"])
    }

    @Test("refused: a paper document, the path already recorded, a path outside the folders the register reads, another unit's document")
    func refusedCases() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let old = try await Self.recordedPath(office, "SG-CORR-2021")

        let paper = await thrownRefusal { try await office.sablier.relinkDocument(manager, "SG-PV-CA-2019", path: old) }
        #expect(paper?.code == .relinkNoFile)
        let same = await thrownRefusal { try await office.sablier.relinkDocument(manager, "SG-CORR-2021", path: old) }
        #expect(same?.code == .relinkSamePath)

        let outside = try TemporaryDirectory(prefix: "sablier-outside")
        defer { outside.remove() }
        let copy = outside.file("correspondance.txt")
        try FileManager.default.copyItem(atPath: old, toPath: copy.path)
        let refused = await thrownRefusal { try await office.sablier.relinkDocument(manager, "SG-CORR-2021", path: copy.path) }
        #expect(refused?.code == .relinkPathRefused)
        #expect(refused?.diagnostics.first?.code == DiagnosticCode.fileOutsideStoreFolder.rawValue)

        // A détenteur of another unit: answered as a reference that is not registered.
        let rh = try await office.session("rh")
        let foreign = await thrownRefusal { try await office.sablier.relinkDocument(rh, "SG-CORR-2021", path: old) }
        #expect(foreign?.code == .documentNotFound)
        #expect(try await Self.recordedPath(office, "SG-CORR-2021") == old)
    }

    @Test("a destroyed document, or one deposited at the archives by an executed list, is not relinked: its file left the organisation's custody")
    func destroyedDocument() async throws {
        let office = try await TestOffice(.register)
        let old = try await Self.recordedPath(office, "SG-CORR-2021")
        let copy = office.directory.file("copie-correspondance.txt")
        try FileManager.default.copyItem(atPath: old, toPath: copy.path)
        _ = try await DispositionPapersUseCaseTests.executedListOfEveryAction(office)
        #expect(try await office.store.document("SG-CORR-2021")?.phase == .inactifDetruit)
        let refusal = await thrownRefusal {
            try await office.sablier.relinkDocument(try await office.session("gestion.doc"), "SG-CORR-2021", path: copy.path)
        }
        #expect(refusal == Refusal(.relinkDisposed, ["reference": "SG-CORR-2021", "phase": "inactif-detruit"]))
        // SG-POL-2015 was deposited by the same list; its file is still on the share.
        #expect(try await office.store.document("SG-POL-2015")?.phase == .inactifVerse)
        let deposited = try await Self.recordedPath(office, "SG-POL-2015")
        let moved = office.directory.file("politique-deplacee.txt")
        try FileManager.default.copyItem(atPath: deposited, toPath: moved.path)
        let before = try await office.store.events(of: "SG-POL-2015")
        let refused = await thrownRefusal {
            try await office.sablier.relinkDocument(try await office.session("gestion.doc"), "SG-POL-2015", path: moved.path)
        }
        #expect(refused == Refusal(.relinkDisposed, ["reference": "SG-POL-2015", "phase": "inactif-verse"]))
        #expect(MessageCatalogue.message(try #require(refused), in: .fr).contains("n'est plus détenu par l'organisme"))
        #expect(try await Self.recordedPath(office, "SG-POL-2015") == deposited)
        #expect(try await office.store.events(of: "SG-POL-2015") == before)
        // A folder relink leaves it out too.
        let tree = try await office.sablier.relinkTree(try await office.session("gestion.doc"), from: (deposited as NSString).deletingLastPathComponent,
                                                       to: office.directory.url.path, dryRun: true)
        #expect(!tree.relinked.map(\.reference).contains("SG-POL-2015"))
    }

    @Test("a moved folder: a file at its place, one moved and renamed found by its SHA-256, a modified one reported; the dry run writes nothing")
    func treeRelink() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let files = office.examples.appendingPathComponent("fichiers").path
        let recorded = try await office.store.documents(matching: nil, limit: nil).compactMap(\.document.file?.path)
        #expect(recorded.filter { $0.hasPrefix(files + "/") }.count == 5)
        let moved = office.directory.file("partage").path
        try FileManager.default.moveItem(atPath: files, toPath: moved)
        // Moved and renamed into a subfolder.
        try FileManager.default.createDirectory(atPath: moved + "/2021/archives", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: moved + "/correspondance-2021.txt", toPath: moved + "/2021/archives/corr.txt")
        // Modified after the move.
        try Data("modifié\n".utf8).write(to: URL(fileURLWithPath: moved + "/paie-2018.csv"), options: .atomic)
        let before = try await office.lastSequence()

        let dry = try await office.sablier.relinkTree(manager, from: files, to: moved, dryRun: true)
        #expect(dry.dryRun && dry.relinked.count == 4)
        // Each of the five files under the new folder read once at most: the three at their place,
        // the modified one at its place, the renamed one found by its size.
        #expect(dry.filesHashed == 5)
        #expect(dry.unmatched.map(\.reference) == ["RF-PAIE-2018"] && dry.unmatched.first?.why == .hashDiffers)
        #expect(try await office.audit(after: before).isEmpty)
        #expect(try await Self.recordedPath(office, "SG-CORR-2021") == files + "/correspondance-2021.txt")

        let done = try await office.sablier.relinkTree(manager, from: files, to: moved, reason: "Partage réorganisé")
        let target = try FileAccess.realPath(moved)
        #expect(done.relinked.map(\.reference) == ["ELV-2010-0001-NUM", "SG-CORR-2021", "SG-POL-2015", "SG-POL-2024"])
        #expect(try await Self.recordedPath(office, "SG-CORR-2021") == target + "/2021/archives/corr.txt")
        #expect(try await Self.recordedPath(office, "SG-POL-2015") == target + "/politique-securite-2015.txt")
        #expect(try await Self.recordedPath(office, "RF-PAIE-2018") == files + "/paie-2018.csv")
        let entries = try await office.audit(after: before)
        #expect(entries.map(\.action) == ["document.relink-tree"])
        // SHA-256 of "ELV-2010-0001-NUM\nSG-CORR-2021\nSG-POL-2015\nSG-POL-2024", by sha256sum.
        #expect(entries.first?.details.contains("\"references_sha256\":\"\(Self.fourReferencesDigest)\"") == true, "\(entries.first?.details ?? "")")
        #expect(entries.first?.details.contains("\"count\":\"4\"") == true)
    }

    static let fourReferencesDigest = "29e19a732991ced34e441004173b0c59bb26dfd0dcc85fea115687310ff0b670"

    @Test("two files of the same SHA-256 under the new folder: ambiguous, left for a person")
    func ambiguous() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let files = office.examples.appendingPathComponent("fichiers").path
        let moved = office.directory.file("partage").path
        try FileManager.default.createDirectory(atPath: moved + "/a", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: moved + "/b", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: files + "/correspondance-2021.txt", toPath: moved + "/a/x.txt")
        try FileManager.default.copyItem(atPath: files + "/correspondance-2021.txt", toPath: moved + "/b/y.txt")
        try FileManager.default.removeItem(atPath: files + "/correspondance-2021.txt")
        let tree = try await office.sablier.relinkTree(manager, from: files, to: moved, dryRun: true)
        let unmatched = try #require(tree.unmatched.first { $0.reference == "SG-CORR-2021" })
        #expect(unmatched.why == .ambiguous && unmatched.candidates.count == 2)
    }
}

extension FileFingerprint.Fixity {
    /// The SHA-256 found, when the file was changed.
    var changedHash: String? {
        if case .changed(let found) = self { return found }
        return nil
    }
}
