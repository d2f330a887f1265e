public import SablierCore
import SablierRegister
import SablierStore

/// One registered file checked: `sablier integrity check --format json` gives an array of these.
public struct IntegrityEntry: Sendable, Hashable, Codable {
    public var reference: String
    /// `intact`, `altered`, `missing`, `unreadable` or `refused` (outside the folders the
    /// register may read, or not a regular file).
    public var status: String
    public var path: String?
    public var expected: String?
    public var found: String?
    /// The integrity incident the problem opened.
    public var incident: Int?

    init(_ finding: IntegrityCheck.Finding) {
        reference = finding.reference
        switch finding {
        case .intact:
            status = "intact"
        case .altered(_, let path, let expected, let found, let incident):
            (status, self.path, self.expected, self.found, self.incident) = ("altered", path, expected, found, incident)
        case .missing(_, let path, let incident):
            (status, self.path, self.incident) = ("missing", path, incident)
        case .unreadable(_, let path, _, let incident):
            (status, self.path, self.incident) = ("unreadable", path, incident)
        case .refused(_, let path, _, let incident):
            (status, self.path, self.incident) = ("refused", path, incident)
        }
    }
}

/// What a fixity check found, and the incidents it opened for the CSGI.
public struct IntegrityReport: Sendable, Hashable, Codable {
    public var entries: [IntegrityEntry]
    /// The integrity incidents opened, one per file altered, missing or unreadable.
    public var incidents: [Int]
    /// How many files were not as registered.
    public var problems: Int { incidents.count }
}

extension Sablier {
    /// Recomputes the SHA-256 of the registered digital files (`references`, or every one when
    /// nil) and opens an integrity incident for each file that is not as it was registered. A
    /// file is read only where the register may read (`FileAccess`): one outside its folders,
    /// or no longer a regular file, is an incident too, and is never opened.
    ///
    /// Fixity is custody, not reading: the check covers every document, confidential or of
    /// any unit, and reports references and paths, never titles or contents.
    public func checkIntegrity(_ session: Session, references: [String]? = nil) async throws(Refusal) -> IntegrityReport {
        let actor = try await authorize(session, .checkIntegrity, "integrity check").user.name
        let now = clock.now
        let findings = try await auditingRefusals(by: actor, useCase: "integrity check") {
            try await IntegrityCheck.run(references: references, store: store, actor: actor, now: now)
        }
        let entries = findings.map(IntegrityEntry.init)
        return IntegrityReport(entries: entries, incidents: entries.compactMap(\.incident))
    }
}
