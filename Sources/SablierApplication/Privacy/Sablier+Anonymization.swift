public import SablierCore
public import Foundation
import SablierPrivacy
import SablierRegister
import SablierStore

extension Sablier {
    /// `privacy anonymize`: the AIPRP officer has the de-identified copy of a document confirmed
    /// with the measure `anonymiser` made and registered under the rule and holder they choose.
    ///
    /// Where the copy goes is decided first (`DocumentPrivacy.anonymizationPlacement`: a rule in
    /// force, a known holder spelled as the register spells it, a digital original, a free
    /// reference), so a bad `--rule` or `--holder` writes nothing. The copy's reference is
    /// `--reference` or the next free `ANON-N`, its title `--title` or « Copie anonymisée (règle
    /// CODE) », its file `<COPYREF>.txt` beside the original: never the original's reference,
    /// title or file name, which in school records often hold the student's name. The copy is
    /// made from the bytes whose SHA-256 is the registered one (refused otherwise); the store
    /// then registers it (opened and closed on the day it is made: complete, never edited),
    /// records the original's `anonymized` event naming it, keeps the copy and audits
    /// `privacy.anonymize`, in one transaction, deciding the placement again inside it. A
    /// refusal of the store removes the copy just written: nothing is left half-made. A copy a
    /// crashed run wrote but could not register (same bytes, no document's file) is taken up.
    public func anonymizeDocument(_ session: Session, _ reference: String, rule: String, holder: String, copy: String = "principal",
                                  copyReference: String? = nil, title: String? = nil,
                                  note: String) async throws(Refusal) -> AnonymizationResult {
        let useCase = "privacy anonymize"
        let access = try await authorize(session, .reviewPrivacy, useCase)
        let original = try await visibleDocument(reference, visibility(access), useCase: useCase)
        return try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission,
                                          details: ["reference": reference, "rule": rule, "holder": holder]) {
            let note = try Refusal.requireText(note, "note")
            let rule = try Refusal.requireText(rule, "rule")
            let holder = try Refusal.requireText(holder, "holder")
            let asked = try copyReference.map { reference throws(Refusal) in try Refusal.requireText(reference, "reference") }
            let title = try title.map { title throws(Refusal) in try Refusal.requireText(title, "title") }
            guard let copy = CopyKind(code: copy) else { throw Refusal.invalidValue("copy", copy, allowed: CopyKind.allCases.map(\.rawValue)) }
            let placement = try await store.documentPrivacy(reference).anonymizationPlacement(
                file: original.document.file, existing: try await store.anonymization(of: reference), rule: rule, holder: holder,
                copyReference: asked, title: title,
                facts: try await store.anonymizationPlacementFacts(rule: rule, holder: holder, copyReference: asked))
            let files = try await FileAccess.of(store)
            let publicCharacter = PrivacyScanning.scanner(publicIdentifiers: try await store.publicIdentifiers()).publicCharacter
            let target = DocumentAnonymizer.copyPath(of: placement.copyReference, besides: placement.file.path)
            let written: DocumentAnonymizer.Written
            do throws(DocumentAnonymizer.Failure) {
                written = try DocumentAnonymizer.anonymize(path: placement.file.path, expectedSHA256: placement.file.sha256, to: target,
                                                           publicCharacter: publicCharacter, access: files)
            } catch {
                throw Self.refusal(error, reference: reference)
            }
            // Taken up only when no document has that file: a registered document is never reused.
            if written.wasAlreadyThere, try await !store.documents(atPaths: [written.file.path]).isEmpty {
                throw Refusal(.anonymizeTargetExists, ["reference": reference, "path": written.file.path])
            }
            let today = CivilDate(dayOf: clock.now)
            let document = Document(reference: placement.copyReference, title: placement.title, rule: placement.rule, copy: copy,
                                    holder: placement.holder, support: .numerique, openedOn: today, closedOn: today, file: written.file)
            do {
                let kept = try await store.recordAnonymization(
                    Anonymization(original: reference, copyReference: document.reference, path: written.file.path, sha256: written.file.sha256,
                                  replacements: written.replacements, madeAt: clock.now, madeBy: access.user.name, note: note),
                    copy: document, by: access.user.name, at: clock.now)
                return AnonymizationResult(kept, detectorsVersion: PrivacyScanner.version)
            } catch {
                DocumentAnonymizer.discard(written)
                throw error
            }
        }
    }

    /// The refusal saying why no copy was written, its sentence in the catalogue.
    static func refusal(_ failure: DocumentAnonymizer.Failure, reference: String) -> Refusal {
        switch failure {
        case .sourceMissing: Refusal(.anonymizeSourceMissing, ["reference": reference])
        case .sourceChanged: Refusal(.anonymizeSourceChanged, ["reference": reference])
        case .sourceUnreadable: Refusal(.anonymizeSourceUnreadable, ["reference": reference])
        case .targetExists(let path): Refusal(.anonymizeTargetExists, ["reference": reference, "path": path])
        case .targetOutsideRoots(let path): Refusal(.anonymizeTargetOutsideRoots, ["reference": reference, "path": path])
        case .targetUnwritable(let path): Refusal(.anonymizeTargetUnwritable, ["reference": reference, "path": path])
        }
    }

    /// `privacy sign-off REF --note TEXT`: the AIPRP officer, having read the copy, signs it off;
    /// the original may then be destroyed. What is signed is the copy as it is now: its SHA-256,
    /// which may differ from the one made when the officer corrected a miss by hand (said in the
    /// result and the audit entry); the destruction checks that SHA-256 again. The copy's text is
    /// scanned again and the findings that still flag are counted, a warning for the officer, not
    /// a refusal. Refused when the file is gone. The copy's own review is recorded with it, so it
    /// leaves the review queue. Audited `privacy.anonymize-sign-off`.
    public func signOffAnonymization(_ session: Session, _ reference: String, note: String) async throws(Refusal) -> AnonymizationResult {
        let useCase = "privacy sign-off"
        let access = try await authorize(session, .reviewPrivacy, useCase)
        _ = try await visibleDocument(reference, visibility(access), useCase: useCase)
        return try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission,
                                          details: ["reference": reference]) {
            let note = try Refusal.requireText(note, "note")
            guard let copy = try await store.anonymization(of: reference) else { throw Refusal(.noAnonymizedCopy, ["reference": reference]) }
            let publicCharacter = PrivacyScanning.scanner(publicIdentifiers: try await store.publicIdentifiers()).publicCharacter
            let now = DocumentAnonymizer.reread(path: copy.path, publicCharacter: publicCharacter, access: try await FileAccess.of(store))
            let signed = try await store.signOffAnonymization(of: reference, currentSHA256: now?.sha256,
                                                              flaggingFindings: now?.flaggingFindings ?? 0, note: note,
                                                              by: access.user.name, at: clock.now)
            var result = AnonymizationResult(signed, detectorsVersion: PrivacyScanner.version)
            result.flaggingFindings = now?.flaggingFindings
            return result
        }
    }
}

/// An anonymised copy, as `privacy anonymize` and `privacy show` print it: the original, the
/// copy's reference, file and SHA-256, what it replaced by type (never a value), who made it, and
/// the AIPRP officer's sign-off (`status`: `waits-for-sign-off` or `signed-off`).
public struct AnonymizationResult: Sendable, Hashable, Codable {
    public var reference: String
    public var copy: String
    public var path: String
    public var sha256: String
    public var replaced: Int
    /// By type: how many places, how many distinct values. Never a value.
    public var replacements: [AnonymizationReplacement]
    public var madeAt: Date
    public var madeBy: String
    public var note: String
    public var status: String
    public var signedOffAt: Date?
    public var signedOffBy: String?
    public var signedSHA256: String?
    public var signOffNote: String?
    /// The detectors' version that made the copy or read it again, when this call did.
    public var detectorsVersion: String?
    /// True when the copy signed off differs from the one made: corrected by hand.
    public var correctedByHand: Bool
    /// At sign-off: how many findings that flag the copy still held when scanned again.
    public var flaggingFindings: Int?

    public init(_ anonymization: Anonymization, detectorsVersion: String?) {
        reference = anonymization.original
        copy = anonymization.copyReference
        path = anonymization.path
        sha256 = anonymization.sha256
        replaced = anonymization.replaced
        replacements = anonymization.replacements
        madeAt = anonymization.madeAt
        madeBy = anonymization.madeBy
        note = anonymization.note
        status = anonymization.signOff == nil ? "waits-for-sign-off" : "signed-off"
        signedOffAt = anonymization.signOff?.at
        signedOffBy = anonymization.signOff?.by
        signedSHA256 = anonymization.signOff?.sha256
        signOffNote = anonymization.signOff?.note
        self.detectorsVersion = detectorsVersion
        correctedByHand = anonymization.correctedByHand
    }
}
