public import Foundation
public import SablierCore
public import SablierStore
import GRDB

extension SQLiteStore: AnonymizationStore {
    public func anonymization(of original: String) async throws -> Anonymization? {
        try await read("reading the anonymised copy of \(original)") { db in
            guard let row = try Self.documentRow(original, db) else { throw Refusal(.documentNotFound, ["reference": original]) }
            return try Self.anonymization(of: row.id, reference: row.reference, db)
        }
    }

    public func anonymizations(of originals: [String]) async throws -> [String: Anonymization] {
        try await read("reading the anonymised copies") { db in
            var found: [String: Anonymization] = [:]
            try Self.inBatches(originals) { batch, markers in
                let rows = try Row.fetchAll(db, sql: """
                    SELECT d.reference, \(Self.anonymizationColumns) FROM anonymized_copy a JOIN document d ON d.id = a.original
                    JOIN document c ON c.id = a.copy WHERE d.reference IN (\(markers))
                    """, arguments: StatementArguments(batch))
                for row in rows {
                    let reference: String = row[0]
                    found[reference] = try Self.anonymization(row, original: reference, offset: 1)
                }
            }
            return found
        }
    }

    public func anonymizationPlacementFacts(rule: String, holder: String, copyReference: String?) async throws -> AnonymizationPlacementFacts {
        try await read("reading where an anonymised copy may be placed") { db in
            try Self.anonymizationPlacementFacts(rule: rule, holder: holder, copyReference: copyReference, db)
        }
    }

    /// What `DocumentPrivacy.anonymizationPlacement` decides from, read in `db`.
    static func anonymizationPlacementFacts(rule: String, holder: String, copyReference: String?,
                                            _ db: Database) throws -> AnonymizationPlacementFacts {
        var ruleInForce = false
        if let version = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM calendar_version") {
            ruleInForce = try readRule(rule, version: version, db) != nil
        }
        let unit = Access.unitKey(holder)
        let units = try String.fetchAll(db, sql: "SELECT DISTINCT holder FROM document UNION SELECT DISTINCT unit FROM app_user")
        let taken = try String.fetchAll(db, sql: "SELECT reference FROM document WHERE reference = ? OR reference LIKE 'ANON-%'",
                                        arguments: [copyReference ?? ""])
        return AnonymizationPlacementFacts(ruleInForce: ruleInForce,
                                           knownHolders: unit.isEmpty ? [] : units.filter { Access.unitKey($0) == unit },
                                           takenReferences: Set(taken))
    }

    @discardableResult
    public func recordAnonymization(_ made: Anonymization, copy: Document, by actor: String, at instant: Date) async throws -> Anonymization {
        try await perform("recording the anonymised copy of \(made.original)") { database in
            try await database.write { db in
                guard let original = try Self.documentRow(made.original, db) else {
                    throw Refusal(.documentNotFound, ["reference": made.original])
                }
                let status = try Self.documentPrivacy(original, rules: Self.rulePrivacyByNumber(db), db, findings: false)
                let placement = try status.anonymizationPlacement(
                    file: original.filePath, existing: try Self.anonymization(of: original.id, reference: original.reference, db),
                    rule: copy.rule, holder: copy.holder, copyReference: copy.reference, title: copy.title,
                    facts: try Self.anonymizationPlacementFacts(rule: copy.rule, holder: copy.holder, copyReference: copy.reference, db))
                var document = copy
                document.reference = placement.copyReference
                document.holder = placement.holder
                _ = try self.register(OneBatch([NewDocument(document: document)]), by: actor, at: instant, db)
                guard let copyRow = try Self.documentRow(document.reference, db) else {
                    throw Refusal(.documentNotFound, ["reference": document.reference])
                }
                var kept = made
                kept.original = original.reference
                kept.copyReference = document.reference
                kept.madeAt = StoredVersion.storedInstant(instant)
                kept.madeBy = actor
                kept.signOff = nil
                try Self.append(LifecycleEvent(kind: .anonymized, on: CivilDate(dayOf: instant), by: actor,
                                               reason: "copie anonymisée \(document.reference) (\(kept.replaced) renseignements remplacés)",
                                               detail: document.reference),
                                to: original, at: instant, db)
                try db.execute(sql: """
                    INSERT INTO anonymized_copy (original, copy, path, sha256, replacements, made_at, made_by, note)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [original.id, copyRow.id, kept.path, kept.sha256, try Self.replacementsJSON(kept.replacements),
                                     StoredCode.microseconds(instant), actor, kept.note])
                try self.audit(db, user: actor, action: "privacy.anonymize", target: Self.auditTarget(document: original.reference),
                               details: ["copy": document.reference, "rule": document.rule, "holder": document.holder,
                                         "copy_kind": document.copy.rawValue, "sha256": kept.sha256, "path": kept.path,
                                         "replacements": kept.replacements.map { "\($0.type) \($0.count)" }.joined(separator: ", "),
                                         "note": kept.note],
                               at: instant)
                return kept
            }
        }
    }

    @discardableResult
    public func signOffAnonymization(of original: String, currentSHA256: String?, flaggingFindings: Int, note: String, by actor: String,
                                     at instant: Date) async throws -> Anonymization {
        try await perform("signing off the anonymised copy of \(original)") { database in
            try await database.write { db in
                guard let row = try Self.documentRow(original, db) else { throw Refusal(.documentNotFound, ["reference": original]) }
                guard let copy = try Self.anonymization(of: row.id, reference: row.reference, db) else {
                    throw Refusal(.noAnonymizedCopy, ["reference": original])
                }
                let signed = try copy.signedOff(by: actor, at: StoredVersion.storedInstant(instant), note: note, currentSHA256: currentSHA256)
                guard let signOff = signed.signOff else { throw Refusal(.noAnonymizedCopy, ["reference": original]) }
                try db.execute(sql: """
                    UPDATE anonymized_copy SET signed_off_at = ?, signed_off_by = ?, signed_sha256 = ?, sign_off_note = ?
                    WHERE original = ? AND signed_off_at IS NULL
                    """, arguments: [StoredCode.microseconds(instant), actor, signOff.sha256, signOff.note, row.id])
                try self.audit(db, user: actor, action: "privacy.anonymize-sign-off", target: Self.auditTarget(document: original),
                               details: ["copy": copy.copyReference, "sha256": signOff.sha256, "made_sha256": copy.sha256,
                                         "corrected_by_hand": signed.correctedByHand ? "true" : "false",
                                         "flagging_findings": String(flaggingFindings), "note": signOff.note], at: instant)
                // The officer read the copy: its content reviewed, it leaves the queue.
                if let copyRow = try Self.documentRow(copy.copyReference, db) {
                    let status = try Self.documentPrivacy(copyRow, rules: Self.rulePrivacyByNumber(db), db, findings: false)
                    if status.isPending {
                        _ = try self.insertPrivacyReview(copyRow, status, .dismiss, measure: nil, note: "copie anonymisée vérifiée",
                                                         by: actor, at: instant, db)
                    }
                }
                return signed
            }
        }
    }

    // MARK: - Rows

    /// The columns an `Anonymization` is read from, after the original's reference.
    static let anonymizationColumns = """
        c.reference, a.path, a.sha256, a.replacements, a.made_at, a.made_by, a.note,
        a.signed_off_at, a.signed_off_by, a.signed_sha256, a.sign_off_note
        """

    static func anonymization(of documentID: Int, reference: String, _ db: Database) throws -> Anonymization? {
        try Row.fetchOne(db, sql: """
            SELECT \(anonymizationColumns) FROM anonymized_copy a JOIN document c ON c.id = a.copy WHERE a.original = ?
            """, arguments: [documentID]).map { try anonymization($0, original: reference, offset: 0) }
    }

    static func anonymization(_ row: Row, original: String, offset: Int) throws -> Anonymization {
        let replacementsText: String = row[offset + 3]
        let replacements: [AnonymizationReplacement]
        do {
            replacements = try JSONDecoder().decode([AnonymizationReplacement].self, from: Data(replacementsText.utf8))
        } catch {
            throw CorruptValue("anonymized_copy.replacements of \(original) is not the JSON of counts by type")
        }
        var signOff: AnonymizationSignOff?
        if let at: Int = row[offset + 7], let by: String = row[offset + 8], let sha256: String = row[offset + 9] {
            signOff = AnonymizationSignOff(at: StoredCode.date(microseconds: at), by: by, sha256: sha256, note: row[offset + 10] ?? "")
        }
        return Anonymization(original: original, copyReference: row[offset], path: row[offset + 1], sha256: row[offset + 2],
                             replacements: replacements, madeAt: StoredCode.date(microseconds: row[offset + 4]), madeBy: row[offset + 5],
                             note: row[offset + 6], signOff: signOff)
    }

    /// The counts by type as JSON, keys sorted: the same text for the same counts.
    static func replacementsJSON(_ replacements: [AnonymizationReplacement]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(replacements), as: UTF8.self)
    }
}
