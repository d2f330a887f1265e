public import Foundation
public import SablierCore
public import SablierStore
import PostgresNIO

/// Personal information on PostgreSQL: the port of `SQLiteStore+Privacy.swift`, with the same
/// statements (those whose text is the same on both live in `StoredPrivacy`), refusals, rows and
/// audit entries. Rows become domain values through `StoredPrivacy`, one rule for both stores.
extension PostgresStore: PrivacyStore {
    // MARK: - Public identifiers

    public func publicIdentifiers() async throws -> [PublicIdentifier] {
        try await read("listing public identifiers") { tx in
            try await tx.rows(PrivacyQueries.publicIdentifiers).map { row in
                try StoredPrivacy.publicIdentifier(kind: row[0].decode(String.self), value: row[1].decode(String.self),
                                                   note: row[2].decode(String?.self), addedAt: row[3].decode(Int.self),
                                                   addedBy: row[4].decode(String.self))
            }
        }
    }

    public func addPublicIdentifiers(_ identifiers: [PublicIdentifier]) async throws {
        try await write("adding public identifiers") { tx in
            for identifier in identifiers {
                guard try await tx.scalar(Bool.self, PrivacyQueries.publicIdentifierExists,
                                          [.text(identifier.kind.rawValue), .text(identifier.value)]) != true else {
                    throw Refusal(.publicIdentifierExists, ["kind": identifier.kind.rawValue, "value": identifier.value])
                }
                try await tx.execute(PrivacyQueries.insertPublicIdentifier,
                                     [.text(identifier.kind.rawValue), .text(identifier.value), StoreValue(identifier.note),
                                      .integer(StoredCode.microseconds(identifier.addedAt)), .text(identifier.addedBy)])
                try await self.audit(tx, user: identifier.addedBy, action: "privacy.public.add",
                                     target: StoredPrivacy.auditTarget(identifier.kind, identifier.value),
                                     details: ["note": identifier.note ?? ""], at: identifier.addedAt)
            }
        }
    }

    public func removePublicIdentifier(kind: PublicIdentifier.Kind, value: String, by actor: String, at instant: Date) async throws {
        try await write("removing a public identifier") { tx in
            let removed = try await tx.rows("DELETE FROM privacy_public_identifier WHERE kind = ? AND value = ? RETURNING kind",
                                            [.text(kind.rawValue), .text(value)])
            guard !removed.isEmpty else { throw Refusal(.publicIdentifierNotFound, ["kind": kind.rawValue, "value": value]) }
            try await self.audit(tx, user: actor, action: "privacy.public.remove", target: StoredPrivacy.auditTarget(kind, value), details: [:],
                                 at: instant)
        }
    }

    // MARK: - Scans

    public func contentScan(sha256: String) async throws -> ContentScan? {
        try await read("reading the scan of a content") { tx in try await Self.contentScan(sha256, tx) }
    }

    public func recordScan(_ scan: ContentScan, document reference: String?, path: String, by actor: String, at instant: Date) async throws {
        try await write("recording a scan") { tx in
            var document: DocumentRow?
            if let reference {
                guard let row = try await Self.documentRow(reference, tx) else { throw Refusal(.documentNotFound, ["reference": reference]) }
                document = row
            }
            try await tx.execute(StoredPrivacy.upsertScan, StoredPrivacy.scanValues(scan))
            try await tx.execute(PrivacyQueries.deleteFindings, [.text(scan.sha256)])
            try await tx.insert(scan.findings.enumerated().map { PrivacyFindingRow(sha256: scan.sha256, position: $0.offset, $0.element) })
            if let document {
                try await Self.link(document.id, to: scan.sha256, path: path, by: actor, at: instant, tx)
                try await self.audit(tx, user: actor, action: "privacy.scan", target: StoredPrivacy.auditTarget(document: document.reference),
                                     details: StoredPrivacy.scanAuditDetails(scan), at: instant)
            }
        }
    }

    public func linkScan(sha256: String, document reference: String, path: String, by actor: String, at instant: Date) async throws {
        try await write("recording a scan of \(reference)") { tx in
            guard let document = try await Self.documentRow(reference, tx) else { throw Refusal(.documentNotFound, ["reference": reference]) }
            guard try await Self.contentScan(sha256, tx, findings: false) != nil else { throw Refusal(.scanNotFound, ["sha256": sha256]) }
            try await Self.link(document.id, to: sha256, path: path, by: actor, at: instant, tx)
        }
    }

    public func scannedContents() async throws -> [String: String] {
        try await read("listing scanned documents") { tx in
            var result: [String: String] = [:]
            try await tx.forEachRow(PrivacyQueries.scannedDocuments) { row in
                result[try row[0].decode(String.self)] = try row[1].decode(String.self)
            }
            return result
        }
    }

    public func documents(atPaths paths: [String]) async throws -> [String: String] {
        try await read("looking up files in the register") { tx in
            var found: [String: String] = [:]
            for (batch, markers) in Self.batches(of: paths) {
                for row in try await tx.rows(PrivacyQueries.documentsAtPaths(markers),
                                             batch.map(StoreValue.text)) {
                    let path = try row[0].decode(String.self)
                    if found[path] == nil { found[path] = try row[1].decode(String.self) }
                }
            }
            return found
        }
    }

    static func link(_ document: Int, to sha256: String, path: String, by actor: String, at instant: Date, _ tx: PostgresTransaction) async throws {
        try await tx.execute(StoredPrivacy.upsertDocumentScan,
                             [.integer(document), .text(sha256), .text(path), .integer(StoredCode.microseconds(instant)), .text(actor)])
    }

    static func contentScan(_ sha256: String, _ tx: PostgresTransaction, findings withFindings: Bool = true) async throws -> ContentScan? {
        guard let row = try await tx.rows(PrivacyQueries.scan, [.text(sha256)]).first else {
            return nil
        }
        let findings = withFindings
            ? try await tx.fetch(PrivacyFindingRow.self, where: ["sha256": .text(sha256)], orderBy: ["position"]).map(\.finding)
            : []
        return try StoredPrivacy.contentScan(
            sha256: row[0].decode(String.self), scanner: row[1].decode(String.self), scannedAt: row[2].decode(Int.self),
            status: row[3].decode(String.self), problem: row[4].decode(String?.self), format: row[5].decode(String?.self),
            textScalars: row[6].decode(Int?.self), flagged: row[7].decode(Bool?.self), score: row[8].decode(Int.self),
            summary: row[9].decode(String.self), findingCount: row[10].decode(Int.self), truncated: row[11].decode(Bool.self),
            findings: findings)
    }

    // MARK: - The queue

    public func documentPrivacy(_ reference: String) async throws -> DocumentPrivacy {
        try await read("reading the privacy status of \(reference)") { tx in
            guard let row = try await Self.documentRow(reference, tx) else { throw Refusal(.documentNotFound, ["reference": reference]) }
            return try await Self.documentPrivacy(row, rules: Self.rulePrivacyByNumber(tx), tx)
        }
    }

    public func confidentialReferences() async throws -> Set<String> {
        try await read("reading the confidential documents") { tx in
            Set(try await tx.rows(StoredPrivacy.confidentialReferences).map { try $0[0].decode(String.self) })
        }
    }

    public func reviewedReferences() async throws -> Set<String> {
        try await read("reading the reviewed documents") { tx in
            Set(try await tx.rows(PrivacyQueries.reviewedReferences)
                .map { try $0[0].decode(String.self) })
        }
    }

    public func privacyQueue(includingDecided: Bool) async throws -> [DocumentPrivacy] {
        try await read("reading the review queue") { tx in
            let rules = try await Self.rulePrivacyByNumber(tx)
            let flaggedRules = rules.values.filter(\.flags).map(\.rule).sorted()
            var ids = Set(try await tx.rows(StoredPrivacy.flaggedByContent).map { try $0[0].decode(Int.self) })
            for (batch, markers) in Self.batches(of: flaggedRules) {
                ids.formUnion(try await tx.rows(PrivacyQueries.documentsOfRules(markers), batch.map(StoreValue.text))
                    .map { try $0[0].decode(Int.self) })
            }
            if includingDecided {
                ids.formUnion(try await tx.rows(PrivacyQueries.reviewedDocuments).map { try $0[0].decode(Int.self) })
            }
            var entries: [DocumentPrivacy] = []
            for id in ids.sorted() {
                guard let row = try await tx.fetch(DocumentRow.self, where: ["id": .integer(id)]).first,
                      row.phase != Phase.inactifDetruit.rawValue else { continue }
                let entry = try await Self.documentPrivacy(row, rules: rules, tx)
                if StoredPrivacy.belongsInQueue(entry, includingDecided: includingDecided) { entries.append(entry) }
            }
            return StoredPrivacy.queueOrder(entries)
        }
    }

    /// Where the document of `row` stands; `findings: false` leaves its scan's findings out
    /// (up to 10,000 rows) for a caller that reads only the scan's verdict.
    static func documentPrivacy(_ row: DocumentRow, rules: [String: RulePrivacy], _ tx: PostgresTransaction,
                                findings: Bool = true) async throws -> DocumentPrivacy {
        var scan: ContentScan?
        var path: String?
        var scannedAt: Int?
        if let link = try await tx.rows(PrivacyQueries.documentScan, [.integer(row.id)]).first {
            scan = try await contentScan(link[0].decode(String.self), tx, findings: findings)
            path = try link[1].decode(String.self)
            scannedAt = try link[2].decode(Int.self)
        }
        let reviews = try await tx.rows(PrivacyQueries.reviewsOfDocument,
                                        [.integer(row.id)]).map { review in
            try StoredPrivacy.review(id: review[0].decode(Int.self), reference: row.reference, decision: review[1].decode(String.self),
                                     measure: review[2].decode(String?.self), note: review[3].decode(String.self),
                                     sha256: review[4].decode(String?.self), reviewedAt: review[5].decode(Int.self),
                                     reviewedBy: review[6].decode(String.self))
        }
        return try StoredPrivacy.documentPrivacy(row, rules: rules, scan: scan, scannedPath: path, scannedAt: scannedAt, reviews: reviews)
    }

    @discardableResult
    public func recordPrivacyReview(_ reference: String, decision: PrivacyDecision, measure: PersonalInformationMeasure?, note: String,
                                    by actor: String, at instant: Date) async throws -> PrivacyReview {
        try await write("recording the review of \(reference)") { tx in
            guard let row = try await Self.documentRow(reference, tx) else { throw Refusal(.documentNotFound, ["reference": reference]) }
            let status = try await Self.documentPrivacy(row, rules: Self.rulePrivacyByNumber(tx), tx, findings: false)
            return try await self.insertPrivacyReview(row, status, decision, measure: measure, note: note, by: actor, at: instant, tx)
        }
    }

    /// The review of one document, checked by `DocumentPrivacy.review`, kept and audited inside
    /// the caller's transaction (a review alone, or the sign-off of an anonymised copy).
    func insertPrivacyReview(_ row: DocumentRow, _ status: DocumentPrivacy, _ decision: PrivacyDecision, measure: PersonalInformationMeasure?,
                             note: String, by actor: String, at instant: Date, _ tx: PostgresTransaction) async throws -> PrivacyReview {
        // Checked before it has a number; the number is the one the database gives the row.
        var review = try status.review(decision, measure: measure, note: note, id: 0, by: actor, at: StoredVersion.storedInstant(instant))
        review.id = try await tx.scalar(Int.self, StoredPrivacy.insertReview, [
            .integer(row.id), .text(review.decision.rawValue), StoreValue(review.measure?.rawValue), .text(review.note),
            StoreValue(review.sha256), .integer(StoredCode.microseconds(instant)), .text(actor),
        ])!
        try await audit(tx, user: actor, action: "privacy.review", target: StoredPrivacy.auditTarget(document: row.reference),
                        details: StoredPrivacy.reviewAuditDetails(review), at: instant)
        return review
    }

    // MARK: - Rules

    public func rulePrivacy() async throws -> [RulePrivacy] {
        try await read("reading the rules' personal information") { tx in
            try await Self.rulePrivacyByNumber(tx).values.sorted { $0.rule < $1.rule }
        }
    }

    public func confirmRulePrivacy(rule: String, personalInformation: Bool, measure: PersonalInformationMeasure?, note: String?,
                                   by actor: String, at instant: Date) async throws -> RulePrivacyConfirmation {
        try await write("confirming the personal information of rule \(rule)") { tx in
            guard let version = try await tx.scalar(Int.self, RegisterQueries.latestVersion) else { throw Refusal(.noCalendar) }
            guard try await tx.scalar(Bool.self, PrivacyQueries.ruleExists,
                                      [.integer(version), .text(rule)]) == true else {
                throw Refusal(.noSuchRule, ["rule": rule, "version": String(version)])
            }
            let confirmation = try RulePrivacyConfirmation.confirm(
                rule: rule, personalInformation: personalInformation, measure: measure, note: note, calendarVersion: version,
                by: actor, at: StoredVersion.storedInstant(instant))
            try await tx.execute(StoredPrivacy.insertRuleConfirmation, [
                .text(rule), .boolean(personalInformation), StoreValue(confirmation.measure?.rawValue), StoreValue(confirmation.note),
                .integer(version), .integer(StoredCode.microseconds(instant)), .text(actor),
            ])
            try await self.audit(tx, user: actor, action: "privacy.confirm-rule", target: "rule \(rule)",
                                 details: StoredPrivacy.confirmationAuditDetails(confirmation), at: instant)
            return confirmation
        }
    }

    /// The rules of the calendar in force with their calendar flags and latest confirmation.
    static func rulePrivacyByNumber(_ tx: PostgresTransaction) async throws -> [String: RulePrivacy] {
        guard let version = try await tx.scalar(Int.self, RegisterQueries.latestVersion) else { return [:] }
        var confirmations: [String: RulePrivacyConfirmation] = [:]
        for row in try await tx.rows(PrivacyQueries.ruleConfirmations) {
            let rule = try row[0].decode(String.self)
            confirmations[rule] = StoredPrivacy.confirmation(
                rule: rule, personalInformation: try row[1].decode(Bool.self), measure: try row[2].decode(String?.self),
                note: try row[3].decode(String?.self), calendarVersion: try row[4].decode(Int.self), confirmedAt: try row[5].decode(Int.self),
                confirmedBy: try row[6].decode(String.self))
        }
        var rules: [String: RulePrivacy] = [:]
        for row in try await tx.rows(PrivacyQueries.rulesOfVersion, [.integer(version)]) {
            let number = try row[0].decode(String.self)
            rules[number] = StoredPrivacy.rulePrivacy(
                number: number, title: try row[1].decode(String.self), personalInformation: try row[2].decode(Bool?.self),
                measure: try row[3].decode(String?.self), confidential: try row[4].decode(Bool?.self), confirmation: confirmations[number])
        }
        return rules
    }
}
