import Foundation
import SablierApplication
import SablierCore
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
        try Data("Nom de l'élève : Léa Tremblay\nNAS du parent : 283 406 296\nAllergie aux arachides.\n".utf8).write(to: letter)
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
        #expect(made.copy == "SG-LET-2021-ANON" && made.status == "waits-for-sign-off" && made.madeBy == "aiprp")
        #expect(made.replacements.map { "\($0.type) \($0.count) \($0.distinct)" } == ["sin 1 1", "person-name 1 1"])
        #expect(made.path == office.exampleFile("lettre-2021-anonymise.txt").path)
        let text = try String(contentsOfFile: made.path, encoding: .utf8)
        #expect(text.hasSuffix("Nom de l'élève : [nom 1]\nNAS du parent : [NAS 1]\nAllergie aux arachides.\n"))
        #expect(text.contains("Copie dépersonnalisée par les détecteurs de Sablier (version ") && text.contains("Remplacements : NAS : 1 ; nom : 1"))
        #expect(text.contains("De-identified copy") && !text.contains("Tremblay") && !text.contains("283"))
        let copy = try #require(try await office.store.document("SG-LET-2021-ANON"))
        #expect(copy.document.title == "Copie anonymisée de Lettre à une famille 2021" && copy.document.rule == "1102")
        #expect(copy.document.holder == "secrétariat général" && copy.document.copy == .principal)
        #expect(copy.document.openedOn == TestOffice.day && copy.document.file?.sha256 == made.sha256)
        #expect(copy.document.file?.sha256 == SourceDigest.sha256Hex(Data(text.utf8)))
        let events = try await office.store.events(of: "SG-LET-2021")
        #expect(events.last?.event.kind == .anonymized && events.last?.event.detail == "SG-LET-2021-ANON")
        let audited = try await office.audit(after: before)
        #expect(audited.map(\.action) == ["document.register", "privacy.anonymize"])
        #expect(office.details(audited[1])["copy"] == "SG-LET-2021-ANON" && office.details(audited[1])["sha256"] == made.sha256)

        // One copy per original.
        let again = await thrownRefusal { () async throws(Refusal) in
            try await sablier.anonymizeDocument(aiprp, "SG-LET-2021", rule: "1102", holder: "Secrétariat général", note: "encore")
        }
        #expect(again?.code == .anonymizedCopyExists && again?.values["copy"] == "SG-LET-2021-ANON")

        // Made, not signed off: still left in place.
        run = try await execute()
        #expect(run.integrityProblems.map { "\($0.reference) \($0.detail ?? "")" } == ["SG-LET-2021 sign-off"])

        // A copy changed since it was made cannot be signed off.
        try Data((text + "ajout\n").utf8).write(to: URL(fileURLWithPath: made.path))
        let changed = await thrownRefusal { () async throws(Refusal) in try await sablier.signOffAnonymization(aiprp, "SG-LET-2021", note: "lue") }
        #expect(changed?.code == .anonymizedCopyChanged)
        try Data(text.utf8).write(to: URL(fileURLWithPath: made.path))
        let signed = try await sablier.signOffAnonymization(aiprp, "SG-LET-2021", note: "lue, rien ne reste")
        #expect(signed.status == "signed-off" && signed.signedOffBy == "aiprp" && signed.signedSHA256 == made.sha256)
        let twice = await thrownRefusal { () async throws(Refusal) in try await sablier.signOffAnonymization(aiprp, "SG-LET-2021", note: "lue") }
        #expect(twice?.code == .anonymizedCopySigned)
        #expect(try await office.audit(after: before).filter { $0.action == "privacy.anonymize-sign-off" }.count == 1)

        // Signed off, then changed: left in place again.
        try Data((text + "ajout\n").utf8).write(to: URL(fileURLWithPath: made.path))
        run = try await execute()
        #expect(run.integrityProblems.map { "\($0.reference) \($0.detail ?? "")" } == ["SG-LET-2021 copy-changed"])
        #expect(FileManager.default.fileExists(atPath: letter.path))

        // Signed off and unchanged: the original is destroyed, the copy stays.
        try Data(text.utf8).write(to: URL(fileURLWithPath: made.path))
        run = try await execute()
        #expect(run.integrityProblems.isEmpty && run.complete)
        #expect(run.done.map(\.reference).contains("SG-LET-2021"))
        #expect(!FileManager.default.fileExists(atPath: letter.path) && FileManager.default.fileExists(atPath: made.path))
        let shown = try await sablier.privacyShow(aiprp, "SG-LET-2021")
        #expect(shown.phase == Phase.inactifDetruit.rawValue && shown.anonymizedCopy?.status == "signed-off")
        #expect(shown.anonymizedCopy?.copy == "SG-LET-2021-ANON")
    }

    @Test("refused, each audited, with no copy left behind: not confirmed with anonymiser, file changed, rule not in force, unknown holder, no permission")
    func refusals() async throws {
        let office = try await TestOffice(.register)
        let letter = try await office.confirmedLetter()
        let aiprp = try await office.session("aiprp")
        let sablier = office.sablier
        let copyPath = office.exampleFile("lettre-2021-anonymise.txt").path
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
        #expect(try await office.store.document("SG-LET-2021-ANON") == nil)
        #expect(try await office.store.anonymization(of: "SG-LET-2021") == nil)
        let refused = try await office.refusals(after: before).map { office.details($0)["code"] ?? "" }
        #expect(refused == ["access.missing-permission", "privacy.anonymize-rule-not-in-force", "privacy.anonymize-unknown-holder",
                            "privacy.anonymize-not-required", "document.not-found"])
        // The original changed since it was registered: no copy of another text.
        try Data("Nom de l'élève : Léo Tremblay\n".utf8).write(to: letter)
        #expect(try await refusal()?.code == .anonymizeFailed)
        #expect(!FileManager.default.fileExists(atPath: copyPath))
        // No copy, nothing to sign off.
        let none = await thrownRefusal { () async throws(Refusal) in try await sablier.signOffAnonymization(aiprp, "SG-LET-2021", note: "lue") }
        #expect(none?.code == .noAnonymizedCopy)
    }
}
