import Foundation
import SablierApplication
import SablierCore
import SablierPrivacy
import SablierRegister
import SablierSQLite
import SablierStore
import SablierTestSupport
import Testing

extension TestOffice {
    /// Registers a letter about a student of the Secrétariat général, due for destruction on the
    /// test day as SG-CORR-2021 is, scans it and has the AIPRP officer confirm it with the measure
    /// anonymiser. Returns the letter's file.
    func confirmedLetter(_ reference: String = "SG-LET-2021") async throws -> URL {
        let letter = exampleFile("lettre-2021.txt")
        try Data("Nom de l'élève : Léa Tremblay\nNAS du parent : 264 175 696\nAllergie aux arachides.\n".utf8).write(to: letter)
        var draft = DocumentDraft()
        draft.reference = reference; draft.title = "Lettre à une famille 2021"; draft.rule = "1201"; draft.copy = "principal"
        draft.support = "DM"; draft.holder = "Secrétariat général"; draft.opened = "2021-01-04"; draft.closed = "2021-12-20"
        draft.path = letter.path
        _ = try await sablier.registerDocument(try await session("gestion.doc"), draft)
        let aiprp = try await session("aiprp")
        let scanned = try await sablier.scanPrivacy(aiprp, .document(reference))
        try #require(scanned.entries.first?.flagged == true)
        _ = try await sablier.reviewPrivacy(aiprp, reference, decision: .confirm, measure: .anonymiser, note: "lettre nominative")
        return letter
    }
}

@Suite("Anonymised copies: made, registered, signed off, then the original destroyed")
struct AnonymizationUseCaseTests {
    @Test("the copy is written and registered with its event and audit; the original is destroyed only once the copy is signed off and unchanged")
    func copySignOffThenDestruction() async throws {
        let office = try await TestOffice(.register)
        try await office.releaseDestructions()
        let letter = try await office.confirmedLetter()
        let aiprp = try await office.session("aiprp")
        let sablier = office.sablier

        // Due, approved, and executed before any copy: left in place, saying what it waits for.
        let list = try await sablier.proposeDisposition(try await office.session("archiviste"), action: .destroy).list.number
        _ = try await sablier.approveDisposition(try await office.session("gestion.doc"), list: list)
        func execute() async throws -> DispositionExecutionResult {
            try await sablier.executeDisposition(try await office.session("gestion.doc"), list: list, method: "déchiquetage")
        }
        var run = try await execute()
        #expect(run.integrityProblems.map { "\($0.reference) \($0.problem) \($0.detail ?? "")" } == ["SG-LET-2021 not-anonymized copy"])
        #expect(!run.complete && FileManager.default.fileExists(atPath: letter.path))

        // Made and registered in one go.
        let before = try await office.lastSequence()
        let made = try await sablier.anonymizeDocument(aiprp, "SG-LET-2021", rule: "1102", holder: " secrétariat GÉNÉRAL ".lowercased(),
                                                       note: "copie pour la recherche")
        #expect(made.copy == "ANON-1" && made.status == "waits-for-sign-off" && made.madeBy == "aiprp")
        #expect(made.replacements.map { "\($0.type) \($0.count) \($0.distinct)" } == ["sin 1 1", "person-name 1 1"])
        #expect(made.path == office.exampleFile("ANON-1.txt").path)
        let text = try String(contentsOfFile: made.path, encoding: .utf8)
        #expect(text.hasSuffix("Nom de l'élève : [nom 1]\nNAS du parent : [NAS 1]\nAllergie aux arachides.\n"))
        #expect(text.contains("Copie dépersonnalisée par les détecteurs de Sablier (version ") && text.contains("Remplacements : NAS : 1 ; nom : 1"))
        #expect(text.contains("De-identified copy") && !text.contains("Tremblay") && !text.contains("283"))
        let copy = try #require(try await office.store.document("ANON-1"))
        #expect(copy.document.title == "Copie anonymisée (règle 1102)" && copy.document.rule == "1102")
        #expect(copy.document.holder == "Secrétariat général" && copy.document.copy == .principal)
        #expect(copy.document.openedOn == TestOffice.day && copy.document.file?.sha256 == made.sha256)
        #expect(copy.document.file?.sha256 == SourceDigest.sha256Hex(Data(text.utf8)))
        let events = try await office.store.events(of: "SG-LET-2021")
        #expect(events.last?.event.kind == .anonymized && events.last?.event.detail == "ANON-1")
        let audited = try await office.audit(after: before)
        #expect(audited.map(\.action) == ["document.register", "privacy.anonymize"])
        #expect(office.details(audited[1])["copy"] == "ANON-1" && office.details(audited[1])["sha256"] == made.sha256)
        // Nothing of the original's reference, title or file name is in the copy's, nor where they are written.
        for written in [made.copy, made.path, copy.document.title, audited[1].details] {
            #expect(!written.contains("LET") && !written.lowercased().contains("lettre") && !written.contains("Tremblay"), "\(written)")
        }

        // One copy per original.
        let again = await thrownRefusal { () async throws(Refusal) in
            try await sablier.anonymizeDocument(aiprp, "SG-LET-2021", rule: "1102", holder: "Secrétariat général", note: "encore")
        }
        #expect(again?.code == .anonymizedCopyExists && again?.values["copy"] == "ANON-1")

        // Made, not signed off: still left in place.
        run = try await execute()
        #expect(run.integrityProblems.map { "\($0.reference) \($0.detail ?? "")" } == ["SG-LET-2021 sign-off"])

        // The copy waits in the review queue until the officer signs it off.
        let queued = try await sablier.privacyQueue(aiprp).entries.map(\.reference)
        // A copy gone cannot be signed off.
        try FileManager.default.removeItem(atPath: made.path)
        let gone = await thrownRefusal { () async throws(Refusal) in try await sablier.signOffAnonymization(aiprp, "SG-LET-2021", note: "lue") }
        #expect(gone?.code == .anonymizedCopyMissing)
        // Corrected by hand (a miss the officer saw, here the allergy taken out): signed as it is now, and said so;
        // a finding left is counted, a warning.
        let corrected = text.replacingOccurrences(of: "Allergie aux arachides.", with: "Courriel : lea.tremblay@exemple.ca")
        try Data(corrected.utf8).write(to: URL(fileURLWithPath: made.path))
        let signed = try await sablier.signOffAnonymization(aiprp, "SG-LET-2021", note: "lue, un courriel laissé pour l'essai")
        let correctedSHA256 = SourceDigest.sha256Hex(Data(corrected.utf8))
        #expect(signed.status == "signed-off" && signed.signedOffBy == "aiprp" && signed.signedSHA256 == correctedSHA256)
        #expect(signed.correctedByHand && signed.sha256 == made.sha256 && signed.flaggingFindings == 1)
        // Out of the review queue with its content reviewed, if it was in it.
        #expect(try await sablier.privacyQueue(aiprp).entries.map(\.reference).filter { $0 == "ANON-1" }.isEmpty)
        #expect(queued.contains("ANON-1") == (try await office.store.documentPrivacy("ANON-1").currentReview?.note == "copie anonymisée vérifiée"))
        let twice = await thrownRefusal { () async throws(Refusal) in try await sablier.signOffAnonymization(aiprp, "SG-LET-2021", note: "lue") }
        #expect(twice?.code == .anonymizedCopySigned)
        #expect(try await office.audit(after: before).filter { $0.action == "privacy.anonymize-sign-off" }.count == 1)

        // Signed off, then changed: left in place again.
        try Data(text.utf8).write(to: URL(fileURLWithPath: made.path))
        run = try await execute()
        #expect(run.integrityProblems.map { "\($0.reference) \($0.detail ?? "")" } == ["SG-LET-2021 copy-changed"])
        #expect(FileManager.default.fileExists(atPath: letter.path))

        // Signed off and unchanged since: the original is destroyed, the copy stays.
        try Data(corrected.utf8).write(to: URL(fileURLWithPath: made.path))
        run = try await execute()
        #expect(run.integrityProblems.isEmpty && run.complete)
        #expect(run.done.map(\.reference).contains("SG-LET-2021"))
        #expect(!FileManager.default.fileExists(atPath: letter.path) && FileManager.default.fileExists(atPath: made.path))
        let shown = try await sablier.privacyShow(aiprp, "SG-LET-2021")
        #expect(shown.phase == Phase.inactifDetruit.rawValue && shown.anonymizedCopy?.status == "signed-off")
        #expect(shown.anonymizedCopy?.copy == "ANON-1")
    }

    @Test("refused, each audited, with no copy left behind: not confirmed with anonymiser, file changed, rule not in force, unknown holder, no permission")
    func refusals() async throws {
        let office = try await TestOffice(.register)
        let letter = try await office.confirmedLetter()
        let aiprp = try await office.session("aiprp")
        let sablier = office.sablier
        let copyPath = office.exampleFile("ANON-1.txt").path
        func refusal(_ session: Session? = nil, _ reference: String = "SG-LET-2021", rule: String = "1102",
                     holder: String = "Secrétariat général") async throws -> Refusal? {
            let who = try await { () async throws -> Session in
                if let session { return session }
                return try await office.session("aiprp")
            }()
            return await thrownRefusal { () async throws(Refusal) in
                try await sablier.anonymizeDocument(who, reference, rule: rule, holder: holder, note: "copie")
            }
        }
        let before = try await office.lastSequence()
        #expect(try await refusal(office.session("gestion.doc"))?.code == .missingPermission)
        #expect(try await refusal(rule: "9999")?.code == .anonymizeRuleNotInForce)
        #expect(try await refusal(holder: "Service inconnu")?.code == .anonymizeUnknownHolder)
        // Confirmed with the measure détruire, by its rule's default.
        _ = try await sablier.reviewPrivacy(aiprp, "SG-CORR-2021", decision: .confirm, note: "lettre")
        #expect(try await refusal(aiprp, "SG-CORR-2021")?.code == .anonymizeNotRequired)
        #expect(try await refusal(aiprp, "NOPE")?.code == .documentNotFound)
        // Nothing was written nor registered by a refused copy.
        #expect(!FileManager.default.fileExists(atPath: copyPath))
        #expect(try await office.store.document("ANON-1") == nil)
        #expect(try await office.store.anonymization(of: "SG-LET-2021") == nil)
        let refused = try await office.refusals(after: before).map { office.details($0)["code"] ?? "" }
        #expect(refused == ["access.missing-permission", "privacy.anonymize-rule-not-in-force", "privacy.anonymize-unknown-holder",
                            "privacy.anonymize-not-required", "document.not-found"])
        // The original changed since it was registered: no copy of another text. A bad rule or
        // holder is refused before the file is even read.
        try Data("Nom de l'élève : Léo Tremblay\n".utf8).write(to: letter)
        #expect(try await refusal(rule: "9999")?.code == .anonymizeRuleNotInForce)
        #expect(try await refusal(holder: "Service inconnu")?.code == .anonymizeUnknownHolder)
        #expect(try await refusal()?.code == .anonymizeSourceChanged)
        #expect(!FileManager.default.fileExists(atPath: copyPath))
        try FileManager.default.removeItem(at: letter)
        #expect(try await refusal()?.code == .anonymizeSourceMissing)
        // No copy, nothing to sign off.
        let none = await thrownRefusal { () async throws(Refusal) in try await sablier.signOffAnonymization(aiprp, "SG-LET-2021", note: "lue") }
        #expect(none?.code == .noAnonymizedCopy)
    }

    @Test("the officer may give the copy's reference and title; a file already at its name is refused unless it is this very copy, left by a run that died before registering it")
    func referenceTitleAndCrashRecovery() async throws {
        let office = try await TestOffice(.register)
        let letter = try await office.confirmedLetter()
        let aiprp = try await office.session("aiprp")
        let original = try #require(try await office.store.document("SG-LET-2021")?.document.file)
        let target = office.exampleFile("RECH-7.txt").path
        // A file nobody registered sits at the name: refused, kept, with what to do.
        try Data("autre chose\n".utf8).write(to: URL(fileURLWithPath: target))
        let occupied = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.anonymizeDocument(aiprp, "SG-LET-2021", rule: "1102", holder: "Secrétariat général",
                                                       copyReference: "RECH-7", title: "Lettre type", note: "copie")
        }
        #expect(occupied?.code == .anonymizeTargetExists && occupied?.values["path"] == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "autre chose\n")
        // The run that died: the copy written, never registered. Taken up, not refused forever.
        try FileManager.default.removeItem(atPath: target)
        let publicCharacter = PrivacyScanning.scanner(publicIdentifiers: []).publicCharacter
        let left = try DocumentAnonymizer.anonymize(path: letter.path, expectedSHA256: original.sha256, to: target,
                                                    publicCharacter: publicCharacter, access: try await FileAccess.of(office.store))
        let made = try await office.sablier.anonymizeDocument(aiprp, "SG-LET-2021", rule: "1201", holder: "Secrétariat général",
                                                              copyReference: "RECH-7", title: "Lettre type", note: "copie")
        #expect(made.copy == "RECH-7" && made.path == target && made.sha256 == left.file.sha256)
        #expect(try await office.store.document("RECH-7")?.document.title == "Lettre type")
        // Under a rule holding personal information, the copy waits in the review queue; the
        // sign-off records the officer's review of its content, and it leaves the queue.
        #expect(try await office.sablier.privacyQueue(aiprp).entries.map(\.reference).contains("RECH-7"))
        let signed = try await office.sablier.signOffAnonymization(aiprp, "SG-LET-2021", note: "lue")
        #expect(!signed.correctedByHand && signed.flaggingFindings == 0)
        #expect(!(try await office.sablier.privacyQueue(aiprp).entries.map(\.reference).contains("RECH-7")))
        let review = try await office.store.documentPrivacy("RECH-7").currentReview
        #expect(review?.decision == .dismiss && review?.measure == nil && review?.note == "copie anonymisée vérifiée")
    }
}
