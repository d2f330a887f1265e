import Foundation
public import SablierCore
import SablierPrivacy
import SablierRegister
import SablierStore

extension Sablier {
    /// The organisation's public identifiers (Access Act, s. 57), by kind then value.
    public func publicIdentifiers(_ session: Session) async throws(Refusal) -> [PublicIdentifier] {
        _ = try await authorize(session, .reviewPrivacy, "privacy public list")
        return try await attempt { try await store.publicIdentifiers() }
    }

    /// Declares one of the organisation's own numbers, domains, addresses or postal codes
    /// public: `addPublicIdentifiers` with one value.
    public func addPublicIdentifier(_ session: Session, kind: PublicIdentifier.Kind, value: String,
                                    note: String? = nil) async throws(Refusal) -> PublicIdentifier {
        try await addPublicIdentifiers(session, [(kind, value)], note: note).identifiers[0]
    }

    /// Declares the organisation's own numbers, domains, addresses or postal codes public (the
    /// AIPRP officer's confirmation, after `privacy public suggest` or not): scans never report
    /// them. Each value is stored in the form the scanner compares; all are checked, then added
    /// in one store transaction with their audit entries, so that one invalid or already
    /// declared adds none.
    ///
    /// Then the documents waiting in the review queue whose last scan was flagged by telephone
    /// numbers, postal codes, e-mail or street addresses alone are scanned again at once: those
    /// that held only the organisation's own identifiers leave the queue. Every other document
    /// is scanned again at the next `privacy scan --all` (the scanner's fingerprint changed).
    /// The additions stand whatever that rescan meets: a document that could not be scanned
    /// again is counted and said why in the result (`notRescanned`, `rescanProblems`), not
    /// thrown, since throwing would tell of a refusal what is in fact declared.
    public func addPublicIdentifiers(_ session: Session, _ values: [(kind: PublicIdentifier.Kind, value: String)],
                                     note: String? = nil) async throws(Refusal) -> PublicIdentifierAddition {
        let useCase = "privacy public add"
        let access = try await authorize(session, .reviewPrivacy, useCase)
        let kinds = Set(values.map(\.kind.rawValue)).sorted().joined(separator: ",")
        let identifiers = try await auditingRefusals(by: session.user.name, useCase: useCase, details: ["kind": kinds]) {
            let note = note?.trimmingSpaces()
            var identifiers: [PublicIdentifier] = []
            for (kind, value) in values {
                let normalised = try Self.normalised(kind, value)
                guard !identifiers.contains(where: { $0.kind == kind && $0.value == normalised }) else { continue }
                identifiers.append(PublicIdentifier(kind: kind, value: normalised, note: note?.isEmpty == true ? nil : note,
                                                    addedAt: clock.now, addedBy: session.user.name))
            }
            try await store.addPublicIdentifiers(identifiers)
            return identifiers
        }
        let rescan = await rescanLetterheadFlagged(session, access)
        return PublicIdentifierAddition(identifiers: identifiers, rescanned: rescan.rescanned, leftQueue: rescan.leftQueue,
                                        notRescanned: rescan.notRescanned, rescanProblems: rescan.problems)
    }

    /// What scanning again the documents flagged by a letterhead's kinds alone did.
    private struct LetterheadRescan {
        var rescanned = 0
        var leftQueue = 0
        var notRescanned = 0
        var problems: [Refusal] = []
    }

    /// Scans again the documents waiting in the review queue whose last scan read their text
    /// whole and was flagged by a letterhead's kinds alone (`FindingType.letterhead`), with the
    /// public identifiers now declared; counts how many were scanned, how many no longer wait,
    /// and those that could not be scanned again, each with its reason in the catalogue's words.
    /// Never throws: the identifiers are declared already.
    private func rescanLetterheadFlagged(_ session: Session, _ access: Access) async -> LetterheadRescan {
        var outcome = LetterheadRescan()
        let waiting: [DocumentPrivacy]
        let scanning = PrivacyScanning(store: store)
        let scanner: PrivacyScanner
        let readable: FileAccess
        do throws(Refusal) {
            let visibility = try await visibility(access)
            waiting = try await attempt {
                try await store.privacyQueue(includingDecided: false).filter { entry in
                    guard entry.isPending, !entry.flaggedByRule, visibility.allows(entry.reference, holder: entry.holder),
                          let scan = entry.scan, scan.status == .read, scan.flagged == true, !scan.truncated else { return false }
                    let flagging = scan.findings.filter { $0.confidence >= Finding.flaggingConfidence }
                    return !flagging.isEmpty && flagging.allSatisfy { FindingType(rawValue: $0.type).map(FindingType.letterhead.contains) ?? false }
                }
            }
            guard !waiting.isEmpty else { return outcome }
            scanner = try await attempt { try await scanning.scanner() }
            readable = try await attempt { try await FileAccess.of(store) }
        } catch {
            outcome.problems.append(error)
            return outcome
        }
        let fingerprint = PrivacyScanning.fingerprint(scanner)
        for entry in waiting {
            do {
                guard let document = try await store.document(entry.reference) else { continue }
                let scanned = try await scanning.scanDocument(document, scanner: scanner, fingerprint: fingerprint, access: readable,
                                                              by: session.user.name, at: clock.now)
                switch scanned.status {
                case .scanned, .unchanged:
                    outcome.rescanned += 1
                    if try await !store.documentPrivacy(entry.reference).isPending { outcome.leftQueue += 1 }
                case .fileMissing:
                    outcome.notRescanned += 1
                    outcome.problems.append(Refusal(.publicRescanFileMissing, ["reference": entry.reference, "path": scanned.path ?? ""]))
                default:
                    outcome.notRescanned += 1
                    outcome.problems.append(Refusal(.publicRescanFailed, ["reference": entry.reference,
                                                                         "detail": scanned.problem ?? scanned.status.rawValue]))
                }
            } catch {
                outcome.notRescanned += 1
                outcome.problems.append(Refusal(.publicRescanFailed, ["reference": entry.reference, "detail": "\(error)"]))
            }
        }
        return outcome
    }

    /// Removes a public identifier, given as it was declared or in any form that normalises to
    /// it; returns it in its stored form. The removal is audited.
    @discardableResult
    public func removePublicIdentifier(_ session: Session, kind: PublicIdentifier.Kind, value: String) async throws(Refusal) -> String {
        let useCase = "privacy public remove"
        _ = try await authorize(session, .reviewPrivacy, useCase)
        return try await auditingRefusals(by: session.user.name, useCase: useCase, details: ["kind": kind.rawValue]) {
            let normalised = try Self.normalised(kind, value)
            try await store.removePublicIdentifier(kind: kind, value: normalised, by: session.user.name, at: clock.now)
            return normalised
        }
    }

    /// The stored form of a value: ten digits, a lowercase domain or e-mail address, `A9A9A9`,
    /// a normalised street address (`1200 boulevard industriel`); the scanner's own rules for
    /// telephone numbers, postal codes and street addresses, so that what is stored is what it
    /// compares.
    static func normalised(_ kind: PublicIdentifier.Kind, _ raw: String) throws(Refusal) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        let value: String?
        switch kind {
        case .phone:
            value = PublicCharacter.normalisedPhone(trimmed)
        case .emailDomain:
            let domain = trimmed.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "@."))
            value = domain.contains(".") && !domain.contains("@") && !domain.contains(" ") ? domain : nil
        case .email:
            let address = trimmed.lowercased()
            value = address.split(separator: "@").count == 2 && !address.contains(" ") ? address : nil
        case .postalCode:
            value = PublicCharacter.normalisedPostalCode(trimmed)
        case .address:
            value = PublicCharacter.normalisedAddress(trimmed)
        }
        guard let value else { throw Refusal(.invalidPublicIdentifier, ["kind": kind.rawValue, "value": trimmed]) }
        return value
    }
}
