public import Foundation
public import SablierCore

/// The anonymised copies' rows to and from the domain, on every backend: what is kept of a copy,
/// the original's event and the audit entries are decided here once, so that both stores record
/// the same values.
public enum StoredAnonymization {
    /// The columns an `Anonymization` is read from (`a` the copy's row, `c` the copy's document),
    /// in the order `anonymization` takes them.
    public static let columns = """
        c.reference, a.path, a.sha256, a.replacements, a.made_at, a.made_by, a.note,
        a.signed_off_at, a.signed_off_by, a.signed_sha256, a.sign_off_note
        """

    /// Keeps a copy: eight parameters, as `recordedValues` gives them.
    public static let insert = """
        INSERT INTO anonymized_copy (original, copy, path, sha256, replacements, made_at, made_by, note)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Records the sign-off of the copy of one original: signed_off_at, by, sha256, note, original.
    public static let signOff = """
        UPDATE anonymized_copy SET signed_off_at = ?, signed_off_by = ?, signed_sha256 = ?, sign_off_note = ?
        WHERE original = ? AND signed_off_at IS NULL
        """

    /// A stored copy of `original`; refused as corrupt when its counts are not the JSON of counts by type.
    public static func anonymization(original: String, copyReference: String, path: String, sha256: String, replacements text: String,
                                     madeAt: Int, madeBy: String, note: String, signedOffAt: Int?, signedOffBy: String?,
                                     signedSHA256: String?, signOffNote: String?) throws -> Anonymization {
        let replacements: [AnonymizationReplacement]
        do {
            replacements = try JSONDecoder().decode([AnonymizationReplacement].self, from: Data(text.utf8))
        } catch {
            throw CorruptValue("anonymized_copy.replacements of \(original) is not the JSON of counts by type")
        }
        var signOff: AnonymizationSignOff?
        if let signedOffAt, let signedOffBy, let signedSHA256 {
            signOff = AnonymizationSignOff(at: StoredCode.date(microseconds: signedOffAt), by: signedOffBy, sha256: signedSHA256,
                                           note: signOffNote ?? "")
        }
        return Anonymization(original: original, copyReference: copyReference, path: path, sha256: sha256, replacements: replacements,
                             madeAt: StoredCode.date(microseconds: madeAt), madeBy: madeBy, note: note, signOff: signOff)
    }

    /// The counts by type as JSON, keys sorted: the same text for the same counts.
    public static func replacementsJSON(_ replacements: [AnonymizationReplacement]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(replacements), as: UTF8.self)
    }

    /// The units of the register (documents' holders and users' units), and the references among
    /// the one asked for and the `ANON-…` ones.
    public static let knownUnits = "SELECT DISTINCT holder FROM document UNION SELECT DISTINCT unit FROM app_user"
    /// One parameter: the reference asked for ('' when none). `LIKE` is case-sensitive on
    /// PostgreSQL and not on SQLite: only the `ANON-N` spelled so count (`nextCopyReference`).
    public static let takenReferences = "SELECT reference FROM document WHERE reference = ? OR reference LIKE 'ANON-%'"

    /// What `DocumentPrivacy.anonymizationPlacement` decides from.
    public static func placementFacts(ruleInForce: Bool, holder: String, units: [String], taken: [String]) -> AnonymizationPlacementFacts {
        let unit = Access.unitKey(holder)
        return AnonymizationPlacementFacts(ruleInForce: ruleInForce, knownHolders: unit.isEmpty ? [] : units.filter { Access.unitKey($0) == unit },
                                           takenReferences: Set(taken))
    }

    /// What is kept of `made`, copy of `original` registered as `copyReference`.
    public static func kept(_ made: Anonymization, original: String, copyReference: String, by actor: String, at instant: Date) -> Anonymization {
        var kept = made
        kept.original = original
        kept.copyReference = copyReference
        kept.madeAt = StoredVersion.storedInstant(instant)
        kept.madeBy = actor
        kept.signOff = nil
        return kept
    }

    /// The original's `anonymized` event, naming its copy.
    public static func event(_ kept: Anonymization, by actor: String, at instant: Date) -> LifecycleEvent {
        LifecycleEvent(kind: .anonymized, on: CivilDate(dayOf: instant), by: actor,
                       reason: "copie anonymisée \(kept.copyReference) (\(kept.replaced) renseignements remplacés)", detail: kept.copyReference)
    }

    /// The values of `insert`.
    public static func recordedValues(_ kept: Anonymization, original: Int, copy: Int, at instant: Date) throws -> [StoreValue] {
        [.integer(original), .integer(copy), .text(kept.path), .text(kept.sha256), .text(try replacementsJSON(kept.replacements)),
         .integer(StoredCode.microseconds(instant)), .text(kept.madeBy), .text(kept.note)]
    }

    /// The details of the `privacy.anonymize` entry of a copy registered as `document`.
    public static func auditDetails(_ kept: Anonymization, document: Document) -> [String: String] {
        ["copy": document.reference, "rule": document.rule, "holder": document.holder, "copy_kind": document.copy.rawValue,
         "sha256": kept.sha256, "path": kept.path, "replacements": kept.replacements.map { "\($0.type) \($0.count)" }.joined(separator: ", "),
         "note": kept.note]
    }

    /// The details of the `privacy.anonymize-sign-off` entry.
    public static func signOffAuditDetails(_ copy: Anonymization, signed: Anonymization, signOff: AnonymizationSignOff,
                                           flaggingFindings: Int) -> [String: String] {
        ["copy": copy.copyReference, "sha256": signOff.sha256, "made_sha256": copy.sha256,
         "corrected_by_hand": signed.correctedByHand ? "true" : "false", "flagging_findings": String(flaggingFindings), "note": signOff.note]
    }

    /// The note of the review a copy gets when the officer signs it off: its content was read.
    public static let signOffReviewNote = "copie anonymisée vérifiée"
}
