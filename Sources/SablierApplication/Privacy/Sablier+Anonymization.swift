public import SablierCore
public import Foundation
import SablierPrivacy
import SablierRegister
import SablierStore

extension Sablier {
    /// `privacy anonymize`: the AIPRP officer has the de-identified copy of a document confirmed
    /// with the measure `anonymiser` made and registered under the rule and holder they choose.
    ///
    /// The copy is written first, next to the original (`NAME-anonymise.txt`, inside the
    /// declared folders, never replacing a file), from the original's registered file (refused
    /// when it changed since); the store then registers it as a document of its own (title
    /// « Copie anonymisée de … », its SHA-256, opened and closed on the day it is made: it is
    /// complete and never edited), records the original's `anonymized` event naming it, keeps
    /// the copy and audits `privacy.anonymize`, in one transaction. A refusal of the store
    /// removes the copy just written: nothing is left half-made.
    public func anonymizeDocument(_ session: Session, _ reference: String, rule: String, holder: String, copy: String = "principal",
                                  note: String) async throws(Refusal) -> AnonymizationResult {
        let useCase = "privacy anonymize"
        let access = try await authorize(session, .reviewPrivacy, useCase)
        let original = try await visibleDocument(reference, visibility(access), useCase: useCase)
        return try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission,
                                          details: ["reference": reference, "rule": rule, "holder": holder]) {
            let note = try Refusal.requireText(note, "note")
            let rule = try Refusal.requireText(rule, "rule")
            let holder = try Refusal.requireText(holder, "holder")
            guard let copy = CopyKind(code: copy) else { throw Refusal.invalidValue("copy", copy, allowed: CopyKind.allCases.map(\.rawValue)) }
            // Checked before a file is written; the store checks again inside its transaction.
            try await store.documentPrivacy(reference)
                .checkAnonymizable(isDigital: original.document.isDigital, existing: try await store.anonymization(of: reference))
            guard let file = original.document.file else { throw Refusal(.anonymizePaper, ["reference": reference]) }
            let files = try await FileAccess.of(store)
            switch FileFingerprint.verify(path: file.path, expected: file.sha256, access: files) {
            case .intact: break
            case .missing: throw Refusal(.anonymizeFailed, ["reference": reference, "detail": "its file \(file.path) is missing"])
            case .changed: throw Refusal(.anonymizeFailed, ["reference": reference, "detail": "its file \(file.path) changed since it was registered"])
            case .unreadable(let why), .refused(let why):
                throw Refusal(.anonymizeFailed, ["reference": reference, "detail": "its file \(file.path) cannot be read (\(why))"])
            }
            let publicCharacter = PrivacyScanning.scanner(publicIdentifiers: try await store.publicIdentifiers()).publicCharacter
            let made: AnonymizedCopy
            do throws(DocumentAnonymizer.Failure) {
                made = try DocumentAnonymizer.anonymize(reference: reference, path: file.path, publicCharacter: publicCharacter, access: files)
            } catch {
                throw Refusal(.anonymizeFailed, ["reference": reference, "detail": error.description])
            }
            let today = CivilDate(dayOf: clock.now)
            let document = Document(reference: reference + "-ANON", title: "Copie anonymisée de \(original.document.title)", rule: rule,
                                    copy: copy, holder: holder, support: .numerique, openedOn: today, closedOn: today,
                                    file: DigitalFile(path: made.path, sha256: made.sha256, size: made.size, format: "txt"))
            let replacements = made.replacements.map { AnonymizationReplacement(type: $0.type.rawValue, count: $0.count, distinct: $0.distinct) }
            do {
                let kept = try await store.recordAnonymization(
                    Anonymization(original: reference, copyReference: document.reference, path: made.path, sha256: made.sha256,
                                  replacements: replacements, madeAt: clock.now, madeBy: access.user.name, note: note),
                    copy: document, by: access.user.name, at: clock.now)
                return AnonymizationResult(kept, detectorsVersion: PrivacyScanner.version)
            } catch {
                DocumentAnonymizer.discard(made)
                throw error
            }
        }
    }

    /// `privacy anonymize REF --sign-off`: the AIPRP officer, having read the copy, signs it off;
    /// the original may then be destroyed. What is signed is the copy's SHA-256 as it is now,
    /// which must be the one it was made with (refused when the file is gone or changed); the
    /// destruction checks it again. Audited `privacy.anonymize-sign-off`.
    public func signOffAnonymization(_ session: Session, _ reference: String, note: String) async throws(Refusal) -> AnonymizationResult {
        let useCase = "privacy anonymize sign-off"
        let access = try await authorize(session, .reviewPrivacy, useCase)
        _ = try await visibleDocument(reference, visibility(access), useCase: useCase)
        return try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission,
                                          details: ["reference": reference]) {
            let note = try Refusal.requireText(note, "note")
            guard let copy = try await store.anonymization(of: reference) else { throw Refusal(.noAnonymizedCopy, ["reference": reference]) }
            let current: String? = switch FileFingerprint.verify(path: copy.path, expected: copy.sha256, access: try await FileAccess.of(store)) {
            case .intact: copy.sha256
            case .changed(let found): found
            case .missing, .unreadable, .refused: nil
            }
            let signed = try await store.signOffAnonymization(of: reference, currentSHA256: current, note: note, by: access.user.name,
                                                              at: clock.now)
            return AnonymizationResult(signed, detectorsVersion: nil)
        }
    }
}

/// An anonymised copy, as `privacy anonymize` and `privacy show` print it: the original, the
/// copy's reference, file and SHA-256, what it replaced by type (never a value), who made it, and
/// the AIPRP officer's sign-off (`status`: `waits-for-sign-off` or `signed-off`).
public struct AnonymizationResult: Sendable, Hashable, Codable {
    public struct Replacement: Sendable, Hashable, Codable {
        /// The finding type's code (`person-name`, `address`, …).
        public var type: String
        public var count: Int
        /// How many distinct values (people, for names) they held.
        public var distinct: Int
    }

    public var reference: String
    public var copy: String
    public var path: String
    public var sha256: String
    public var replaced: Int
    public var replacements: [Replacement]
    public var madeAt: Date
    public var madeBy: String
    public var note: String
    public var status: String
    public var signedOffAt: Date?
    public var signedOffBy: String?
    public var signedSHA256: String?
    public var signOffNote: String?
    /// The detectors' version that made the copy, when it was made by this call.
    public var detectorsVersion: String?

    public init(_ anonymization: Anonymization, detectorsVersion: String?) {
        reference = anonymization.original
        copy = anonymization.copyReference
        path = anonymization.path
        sha256 = anonymization.sha256
        replaced = anonymization.replaced
        replacements = anonymization.replacements.map { Replacement(type: $0.type, count: $0.count, distinct: $0.distinct) }
        madeAt = anonymization.madeAt
        madeBy = anonymization.madeBy
        note = anonymization.note
        status = anonymization.signOff == nil ? "waits-for-sign-off" : "signed-off"
        signedOffAt = anonymization.signOff?.at
        signedOffBy = anonymization.signOff?.by
        signedSHA256 = anonymization.signOff?.sha256
        signOffNote = anonymization.signOff?.note
        self.detectorsVersion = detectorsVersion
    }
}
