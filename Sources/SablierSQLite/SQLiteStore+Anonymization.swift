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
                    SELECT d.reference, \(StoredAnonymization.columns) FROM anonymized_copy a JOIN document d ON d.id = a.original
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
        if let version = try Int.fetchOne(db, sql: RegisterQueries.latestVersion) {
            ruleInForce = try readRule(rule, version: version, db) != nil
        }
        let units = try String.fetchAll(db, sql: StoredAnonymization.knownUnits)
        let taken = try String.fetchAll(db, sql: StoredAnonymization.takenReferences, arguments: [copyReference ?? ""])
        return StoredAnonymization.placementFacts(ruleInForce: ruleInForce, holder: holder, units: units, taken: taken)
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
                _ = try self.register(DocumentArray([NewDocument(document: document)]), visibility: nil, by: actor, at: instant, db)
                guard let copyRow = try Self.documentRow(document.reference, db) else {
                    throw Refusal(.documentNotFound, ["reference": document.reference])
                }
                let kept = StoredAnonymization.kept(made, original: original.reference, copyReference: document.reference, by: actor, at: instant)
                try Self.append(StoredAnonymization.event(kept, by: actor, at: instant), to: original, at: instant, db)
                try db.execute(sql: StoredAnonymization.insert,
                               arguments: Self.storeArguments(try StoredAnonymization.recordedValues(kept, original: original.id, copy: copyRow.id,
                                                                                                      at: instant)))
                try self.audit(db, user: actor, action: "privacy.anonymize", target: Self.auditTarget(document: original.reference),
                               details: StoredAnonymization.auditDetails(kept, document: document), at: instant)
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
                try db.execute(sql: StoredAnonymization.signOff, arguments: [StoredCode.microseconds(instant), actor, signOff.sha256, signOff.note, row.id])
                try self.audit(db, user: actor, action: "privacy.anonymize-sign-off", target: Self.auditTarget(document: original),
                               details: StoredAnonymization.signOffAuditDetails(copy, signed: signed, signOff: signOff,
                                                                                flaggingFindings: flaggingFindings), at: instant)
                // The officer read the copy: its content reviewed, it leaves the queue.
                if let copyRow = try Self.documentRow(copy.copyReference, db) {
                    let status = try Self.documentPrivacy(copyRow, rules: Self.rulePrivacyByNumber(db), db, findings: false)
                    if status.isPending {
                        _ = try self.insertPrivacyReview(copyRow, status, .dismiss, measure: nil, note: StoredAnonymization.signOffReviewNote,
                                                         by: actor, at: instant, db)
                    }
                }
                return signed
            }
        }
    }

    // MARK: - Rows

    static func anonymization(of documentID: Int, reference: String, _ db: Database) throws -> Anonymization? {
        try Row.fetchOne(db, sql: """
            SELECT \(StoredAnonymization.columns) FROM anonymized_copy a JOIN document c ON c.id = a.copy WHERE a.original = ?
            """, arguments: [documentID]).map { try anonymization($0, original: reference, offset: 0) }
    }

    static func anonymization(_ row: Row, original: String, offset: Int) throws -> Anonymization {
        try StoredAnonymization.anonymization(
            original: original, copyReference: row[offset], path: row[offset + 1], sha256: row[offset + 2], replacements: row[offset + 3],
            madeAt: row[offset + 4], madeBy: row[offset + 5], note: row[offset + 6], signedOffAt: row[offset + 7],
            signedOffBy: row[offset + 8], signedSHA256: row[offset + 9], signOffNote: row[offset + 10])
    }
}
