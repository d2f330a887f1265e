public import Foundation
public import SablierCore
public import SablierStore
import GRDB

extension SQLiteStore: PrivacyStore, SablierStorage {
    // MARK: - Public identifiers

    public func publicIdentifiers() async throws -> [PublicIdentifier] {
        try await read("listing public identifiers") { db in
            try Row.fetchAll(db, sql: PrivacyQueries.publicIdentifiers).map { row in
                try StoredPrivacy.publicIdentifier(kind: row[0], value: row[1], note: row[2], addedAt: row[3], addedBy: row[4])
            }
        }
    }

    public func addPublicIdentifiers(_ identifiers: [PublicIdentifier]) async throws {
        try await perform("adding public identifiers") { database in
            try await database.write { db in
                for identifier in identifiers {
                    guard try Bool.fetchOne(db, sql: PrivacyQueries.publicIdentifierExists,
                                            arguments: [identifier.kind.rawValue, identifier.value]) != true else {
                        throw Refusal(.publicIdentifierExists, ["kind": identifier.kind.rawValue, "value": identifier.value])
                    }
                    try db.execute(sql: PrivacyQueries.insertPublicIdentifier,
                                   arguments: [identifier.kind.rawValue, identifier.value, identifier.note,
                                               StoredCode.microseconds(identifier.addedAt), identifier.addedBy])
                    try self.audit(db, user: identifier.addedBy, action: "privacy.public.add",
                                   target: Self.auditTarget(identifier.kind, identifier.value),
                                   details: ["note": identifier.note ?? ""], at: identifier.addedAt)
                }
            }
        }
    }

    public func removePublicIdentifier(kind: PublicIdentifier.Kind, value: String, by actor: String, at instant: Date) async throws {
        try await perform("removing a public identifier") { database in
            try await database.write { db in
                try db.execute(sql: "DELETE FROM privacy_public_identifier WHERE kind = ? AND value = ?", arguments: [kind.rawValue, value])
                guard db.changesCount > 0 else { throw Refusal(.publicIdentifierNotFound, ["kind": kind.rawValue, "value": value]) }
                try self.audit(db, user: actor, action: "privacy.public.remove", target: Self.auditTarget(kind, value), details: [:], at: instant)
            }
        }
    }

    /// `values` as GRDB's arguments: for the statements whose values SablierStore lists, the same
    /// for every backend.
    static func storeArguments(_ values: [StoreValue]) -> StatementArguments {
        StatementArguments(values.map { value -> (any DatabaseValueConvertible)? in
            switch value {
            case .null: return nil
            case .integer(let number): return number
            case .text(let text): return text
            case .boolean(let flag): return flag
            case .bytes(let bytes): return Data(bytes)
            }
        })
    }

    /// The audit target of a public identifier: `public KIND VALUE`.
    static func auditTarget(_ kind: PublicIdentifier.Kind, _ value: String) -> String {
        StoredPrivacy.auditTarget(kind, value)
    }

    /// The audit target of a document: `document REF`, as the register's own entries.
    static func auditTarget(document reference: String) -> String {
        StoredPrivacy.auditTarget(document: reference)
    }

    // MARK: - Scans

    public func contentScan(sha256: String) async throws -> ContentScan? {
        try await read("reading the scan of a content") { db in try Self.contentScan(sha256, db) }
    }

    public func recordScan(_ scan: ContentScan, document reference: String?, path: String, by actor: String, at instant: Date) async throws {
        try await perform("recording a scan") { database in
            try await database.write { db in
                let document = try reference.map { reference -> DocumentRow in
                    guard let row = try Self.documentRow(reference, db) else { throw Refusal(.documentNotFound, ["reference": reference]) }
                    return row
                }
                try db.execute(sql: StoredPrivacy.upsertScan, arguments: Self.storeArguments(StoredPrivacy.scanValues(scan)))
                try db.execute(sql: PrivacyQueries.deleteFindings, arguments: [scan.sha256])
                try SQLiteInserter<PrivacyFindingRow>(db).insert(
                    scan.findings.enumerated().map { PrivacyFindingRow(sha256: scan.sha256, position: $0.offset, $0.element) })
                if let document {
                    try Self.link(document.id, to: scan.sha256, path: path, by: actor, at: instant, db)
                    try self.audit(db, user: actor, action: "privacy.scan", target: Self.auditTarget(document: document.reference),
                                   details: StoredPrivacy.scanAuditDetails(scan), at: instant)
                }
            }
        }
    }

    public func linkScan(sha256: String, document reference: String, path: String, by actor: String, at instant: Date) async throws {
        try await perform("recording a scan of \(reference)") { database in
            try await database.write { db in
                guard let document = try Self.documentRow(reference, db) else { throw Refusal(.documentNotFound, ["reference": reference]) }
                guard try Self.contentScan(sha256, db, findings: false) != nil else { throw Refusal(.scanNotFound, ["sha256": sha256]) }
                try Self.link(document.id, to: sha256, path: path, by: actor, at: instant, db)
            }
        }
    }

    public func scannedContents() async throws -> [String: String] {
        try await read("listing scanned documents") { db in
            var result: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: PrivacyQueries.scannedDocuments) {
                result[row[0]] = row[1]
            }
            return result
        }
    }

    public func documents(atPaths paths: [String]) async throws -> [String: String] {
        try await read("looking up files in the register") { db in
            var found: [String: String] = [:]
            try Self.inBatches(paths) { batch, markers in
                for row in try Row.fetchAll(db, sql: PrivacyQueries.documentsAtPaths(markers),
                                            arguments: StatementArguments(batch)) where found[row[0]] == nil {
                    found[row[0]] = row[1]
                }
            }
            return found
        }
    }

    static func link(_ document: Int, to sha256: String, path: String, by actor: String, at instant: Date, _ db: Database) throws {
        try db.execute(sql: StoredPrivacy.upsertDocumentScan, arguments: [document, sha256, path, StoredCode.microseconds(instant), actor])
    }

    static func contentScan(_ sha256: String, _ db: Database, findings withFindings: Bool = true) throws -> ContentScan? {
        guard let row = try Row.fetchOne(db, sql: PrivacyQueries.scan,
                                         arguments: [sha256]) else { return nil }
        let findings = withFindings
            ? try db.fetchStoredRows(PrivacyFindingRow.self, sql: PrivacyFindingRow.table.select(.sqlite, where: ["sha256"], orderBy: ["position"]),
                                     arguments: [sha256]).map(\.finding)
            : []
        return try StoredPrivacy.contentScan(sha256: row[0], scanner: row[1], scannedAt: row[2], status: row[3], problem: row[4], format: row[5],
                                             textScalars: row[6], flagged: row[7], score: row[8], summary: row[9], findingCount: row[10],
                                             truncated: row[11], findings: findings)
    }

    // MARK: - The queue

    public func documentPrivacy(_ reference: String) async throws -> DocumentPrivacy {
        try await read("reading the privacy status of \(reference)") { db in
            guard let row = try Self.documentRow(reference, db) else { throw Refusal(.documentNotFound, ["reference": reference]) }
            return try Self.documentPrivacy(row, rules: Self.rulePrivacyByNumber(db), db)
        }
    }

    public func confidentialReferences() async throws -> Set<String> {
        try await read("reading the confidential documents") { db in
            Set(try String.fetchAll(db, sql: StoredPrivacy.confidentialReferences))
        }
    }

    public func reviewedReferences() async throws -> Set<String> {
        try await read("reading the reviewed documents") { db in
            Set(try String.fetchAll(db, sql: PrivacyQueries.reviewedReferences))
        }
    }

    public func privacyQueue(includingDecided: Bool) async throws -> [DocumentPrivacy] {
        try await read("reading the review queue") { db in
            let rules = try Self.rulePrivacyByNumber(db)
            let flaggedRules = rules.values.filter(\.flags).map(\.rule).sorted()
            var ids = Set(try Int.fetchAll(db, sql: StoredPrivacy.flaggedByContent))
            try Self.inBatches(flaggedRules) { batch, markers in
                ids.formUnion(try Int.fetchAll(db, sql: PrivacyQueries.documentsOfRules(markers), arguments: StatementArguments(batch)))
            }
            if includingDecided {
                ids.formUnion(try Int.fetchAll(db, sql: PrivacyQueries.reviewedDocuments))
            }
            var entries: [DocumentPrivacy] = []
            for id in ids.sorted() {
                guard let row = try db.fetchStoredRows(DocumentRow.self, sql: DocumentRow.table.select(.sqlite, where: ["id"]), arguments: [id]).first,
                      row.phase != Phase.inactifDetruit.rawValue else { continue }
                let entry = try Self.documentPrivacy(row, rules: rules, db)
                if StoredPrivacy.belongsInQueue(entry, includingDecided: includingDecided) { entries.append(entry) }
            }
            return StoredPrivacy.queueOrder(entries)
        }
    }

    /// Where the document of `row` stands; `findings: false` leaves its scan's findings out
    /// (up to 10,000 rows) for a caller that reads only the scan's verdict.
    static func documentPrivacy(_ row: DocumentRow, rules: [String: RulePrivacy], _ db: Database, findings: Bool = true) throws -> DocumentPrivacy {
        var scan: ContentScan?
        var path: String?
        var scannedAt: Int?
        if let link = try Row.fetchOne(db, sql: PrivacyQueries.documentScan, arguments: [row.id]) {
            scan = try contentScan(link[0], db, findings: findings)
            path = link[1]
            scannedAt = link[2]
        }
        let reviews = try Row.fetchAll(db, sql: PrivacyQueries.reviewsOfDocument,
                                       arguments: [row.id]).map { review in
            try StoredPrivacy.review(id: review[0], reference: row.reference, decision: review[1], measure: review[2], note: review[3],
                                     sha256: review[4], reviewedAt: review[5], reviewedBy: review[6])
        }
        return try StoredPrivacy.documentPrivacy(row, rules: rules, scan: scan, scannedPath: path, scannedAt: scannedAt, reviews: reviews)
    }

    @discardableResult
    public func recordPrivacyReview(_ reference: String, decision: PrivacyDecision, measure: PersonalInformationMeasure?, note: String,
                                    by actor: String, at instant: Date) async throws -> PrivacyReview {
        try await perform("recording the review of \(reference)") { database in
            try await database.write { db in
                guard let row = try Self.documentRow(reference, db) else { throw Refusal(.documentNotFound, ["reference": reference]) }
                let status = try Self.documentPrivacy(row, rules: Self.rulePrivacyByNumber(db), db, findings: false)
                return try self.insertPrivacyReview(row, status, decision, measure: measure, note: note, by: actor, at: instant, db)
            }
        }
    }

    /// The review of one document, checked by `DocumentPrivacy.review`, kept and audited inside
    /// the caller's transaction (a review alone, or the sign-off of an anonymised copy).
    func insertPrivacyReview(_ row: DocumentRow, _ status: DocumentPrivacy, _ decision: PrivacyDecision, measure: PersonalInformationMeasure?,
                             note: String, by actor: String, at instant: Date, _ db: Database) throws -> PrivacyReview {
        let reference = row.reference
        // Checked before it has a number; the number is the one the database gives the row.
        var review = try status.review(decision, measure: measure, note: note, id: 0, by: actor,
                                       at: StoredVersion.storedInstant(instant))
        review.id = try Int.fetchOne(db, sql: StoredPrivacy.insertReview, arguments: [
            row.id, review.decision.rawValue, review.measure?.rawValue, review.note, review.sha256, StoredCode.microseconds(instant), actor,
        ])!
        try self.audit(db, user: actor, action: "privacy.review", target: Self.auditTarget(document: reference),
                       details: StoredPrivacy.reviewAuditDetails(review), at: instant)
        return review
    }

    // MARK: - Rules

    public func rulePrivacy() async throws -> [RulePrivacy] {
        try await read("reading the rules' personal information") { db in
            try Self.rulePrivacyByNumber(db).values.sorted { $0.rule < $1.rule }
        }
    }

    public func confirmRulePrivacy(rule: String, personalInformation: Bool, measure: PersonalInformationMeasure?, note: String?,
                                   by actor: String, at instant: Date) async throws -> RulePrivacyConfirmation {
        try await perform("confirming the personal information of rule \(rule)") { database in
            try await database.write { db in
                guard let version = try Int.fetchOne(db, sql: RegisterQueries.latestVersion) else {
                    throw Refusal(.noCalendar)
                }
                guard try Bool.fetchOne(db, sql: PrivacyQueries.ruleExists,
                                        arguments: [version, rule]) == true else {
                    throw Refusal(.noSuchRule, ["rule": rule, "version": String(version)])
                }
                let confirmation = try RulePrivacyConfirmation.confirm(
                    rule: rule, personalInformation: personalInformation, measure: measure, note: note, calendarVersion: version,
                    by: actor, at: StoredVersion.storedInstant(instant))
                try db.execute(sql: StoredPrivacy.insertRuleConfirmation, arguments: [
                    rule, personalInformation, confirmation.measure?.rawValue, confirmation.note, version, StoredCode.microseconds(instant), actor,
                ])
                try self.audit(db, user: actor, action: "privacy.confirm-rule", target: "rule \(rule)",
                               details: StoredPrivacy.confirmationAuditDetails(confirmation), at: instant)
                return confirmation
            }
        }
    }

    /// The rules of the calendar in force with their calendar flags and latest confirmation.
    static func rulePrivacyByNumber(_ db: Database) throws -> [String: RulePrivacy] {
        guard let version = try Int.fetchOne(db, sql: RegisterQueries.latestVersion) else { return [:] }
        var confirmations: [String: RulePrivacyConfirmation] = [:]
        for row in try Row.fetchAll(db, sql: PrivacyQueries.ruleConfirmations) {
            confirmations[row[0]] = StoredPrivacy.confirmation(rule: row[0], personalInformation: row[1], measure: row[2], note: row[3],
                                                               calendarVersion: row[4], confirmedAt: row[5], confirmedBy: row[6])
        }
        var rules: [String: RulePrivacy] = [:]
        for row in try Row.fetchAll(db, sql: PrivacyQueries.rulesOfVersion, arguments: [version]) {
            let number: String = row[0]
            rules[number] = StoredPrivacy.rulePrivacy(number: number, title: row[1], personalInformation: row[2], measure: row[3],
                                                      confidential: row[4], confirmation: confirmations[number])
        }
        return rules
    }
}
