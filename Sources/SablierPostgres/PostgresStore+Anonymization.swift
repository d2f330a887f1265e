public import Foundation
public import SablierCore
public import SablierStore
import PostgresNIO

/// Anonymised copies on PostgreSQL: the port of `SQLiteStore+Anonymization.swift`. What is kept,
/// the original's event and the audit entries are `StoredAnonymization`'s, as on SQLite; the
/// placement is decided again inside the write transaction by the Core's rule.
extension PostgresStore: AnonymizationStore {
    public func anonymization(of original: String) async throws -> Anonymization? {
        try await read("reading the anonymised copy of \(original)") { tx in
            guard let row = try await Self.documentRow(original, tx) else { throw Refusal(.documentNotFound, ["reference": original]) }
            return try await Self.anonymization(of: row.id, reference: row.reference, tx)
        }
    }

    public func anonymizations(of originals: [String]) async throws -> [String: Anonymization] {
        try await read("reading the anonymised copies") { tx in
            var found: [String: Anonymization] = [:]
            for (batch, markers) in Self.batches(of: originals) {
                let rows = try await tx.rows("""
                    SELECT d.reference, \(StoredAnonymization.columns) FROM anonymized_copy a JOIN document d ON d.id = a.original
                    JOIN document c ON c.id = a.copy WHERE d.reference IN (\(markers))
                    """, batch.map(StoreValue.text))
                for row in rows {
                    let reference = try row[0].decode(String.self)
                    found[reference] = try Self.anonymization(row, original: reference, offset: 1)
                }
            }
            return found
        }
    }

    public func anonymizationPlacementFacts(rule: String, holder: String, copyReference: String?) async throws -> AnonymizationPlacementFacts {
        try await read("reading where an anonymised copy may be placed") { tx in
            try await Self.anonymizationPlacementFacts(rule: rule, holder: holder, copyReference: copyReference, tx)
        }
    }

    /// What `DocumentPrivacy.anonymizationPlacement` decides from, read in `tx`.
    static func anonymizationPlacementFacts(rule: String, holder: String, copyReference: String?,
                                            _ tx: PostgresTransaction) async throws -> AnonymizationPlacementFacts {
        var ruleInForce = false
        if let version = try await tx.scalar(Int.self, RegisterQueries.latestVersion) {
            ruleInForce = try await readRule(rule, version: version, tx) != nil
        }
        let units = try await tx.rows(StoredAnonymization.knownUnits).map { try $0[0].decode(String.self) }
        let taken = try await tx.rows(StoredAnonymization.takenReferences, [.text(copyReference ?? "")]).map { try $0[0].decode(String.self) }
        return StoredAnonymization.placementFacts(ruleInForce: ruleInForce, holder: holder, units: units, taken: taken)
    }

    @discardableResult
    public func recordAnonymization(_ made: Anonymization, copy: Document, by actor: String, at instant: Date) async throws -> Anonymization {
        try await write("recording the anonymised copy of \(made.original)") { tx in
            guard let original = try await Self.documentRow(made.original, tx) else {
                throw Refusal(.documentNotFound, ["reference": made.original])
            }
            let status = try await Self.documentPrivacy(original, rules: Self.rulePrivacyByNumber(tx), tx, findings: false)
            let placement = try status.anonymizationPlacement(
                file: original.filePath, existing: try await Self.anonymization(of: original.id, reference: original.reference, tx),
                rule: copy.rule, holder: copy.holder, copyReference: copy.reference, title: copy.title,
                facts: try await Self.anonymizationPlacementFacts(rule: copy.rule, holder: copy.holder, copyReference: copy.reference, tx))
            var document = copy
            document.reference = placement.copyReference
            document.holder = placement.holder
            // A new source on every attempt: the transaction may be run again whole.
            _ = try await self.register(visibility: nil, by: actor, at: instant, tx) { [document] _ in
                AsyncThrowingStream.one([NewDocument(document: document)])
            }
            guard let copyRow = try await Self.documentRow(document.reference, tx) else {
                throw Refusal(.documentNotFound, ["reference": document.reference])
            }
            let kept = StoredAnonymization.kept(made, original: original.reference, copyReference: document.reference, by: actor, at: instant)
            try await Self.append(StoredAnonymization.event(kept, by: actor, at: instant), to: original, at: instant, tx)
            try await tx.execute(StoredAnonymization.insert,
                                 try StoredAnonymization.recordedValues(kept, original: original.id, copy: copyRow.id, at: instant))
            try await self.audit(tx, user: actor, action: "privacy.anonymize", target: StoredPrivacy.auditTarget(document: original.reference),
                                 details: StoredAnonymization.auditDetails(kept, document: document), at: instant)
            return kept
        }
    }

    @discardableResult
    public func signOffAnonymization(of original: String, currentSHA256: String?, flaggingFindings: Int, note: String, by actor: String,
                                     at instant: Date) async throws -> Anonymization {
        try await write("signing off the anonymised copy of \(original)") { tx in
            guard let row = try await Self.documentRow(original, tx) else { throw Refusal(.documentNotFound, ["reference": original]) }
            guard let copy = try await Self.anonymization(of: row.id, reference: row.reference, tx) else {
                throw Refusal(.noAnonymizedCopy, ["reference": original])
            }
            let signed = try copy.signedOff(by: actor, at: StoredVersion.storedInstant(instant), note: note, currentSHA256: currentSHA256)
            guard let signOff = signed.signOff else { throw Refusal(.noAnonymizedCopy, ["reference": original]) }
            try await tx.execute(StoredAnonymization.signOff, [.integer(StoredCode.microseconds(instant)), .text(actor), .text(signOff.sha256),
                                                               .text(signOff.note), .integer(row.id)])
            try await self.audit(tx, user: actor, action: "privacy.anonymize-sign-off", target: StoredPrivacy.auditTarget(document: original),
                                 details: StoredAnonymization.signOffAuditDetails(copy, signed: signed, signOff: signOff,
                                                                                  flaggingFindings: flaggingFindings), at: instant)
            // The officer read the copy: its content reviewed, it leaves the queue.
            if let copyRow = try await Self.documentRow(copy.copyReference, tx) {
                let status = try await Self.documentPrivacy(copyRow, rules: Self.rulePrivacyByNumber(tx), tx, findings: false)
                if status.isPending {
                    _ = try await self.insertPrivacyReview(copyRow, status, .dismiss, measure: nil, note: StoredAnonymization.signOffReviewNote,
                                                           by: actor, at: instant, tx)
                }
            }
            return signed
        }
    }

    // MARK: - Rows

    static func anonymization(of documentID: Int, reference: String, _ tx: PostgresTransaction) async throws -> Anonymization? {
        try await tx.rows("""
            SELECT \(StoredAnonymization.columns) FROM anonymized_copy a JOIN document c ON c.id = a.copy WHERE a.original = ?
            """, [.integer(documentID)]).first.map { try anonymization($0, original: reference, offset: 0) }
    }

    static func anonymization(_ row: PostgresRandomAccessRow, original: String, offset: Int) throws -> Anonymization {
        try StoredAnonymization.anonymization(
            original: original, copyReference: row[offset].decode(String.self), path: row[offset + 1].decode(String.self),
            sha256: row[offset + 2].decode(String.self), replacements: row[offset + 3].decode(String.self),
            madeAt: row[offset + 4].decode(Int.self), madeBy: row[offset + 5].decode(String.self), note: row[offset + 6].decode(String.self),
            signedOffAt: row[offset + 7].decode(Int?.self), signedOffBy: row[offset + 8].decode(String?.self),
            signedSHA256: row[offset + 9].decode(String?.self), signOffNote: row[offset + 10].decode(String?.self))
    }
}
