public import Foundation
import SablierCore
public import SablierStore

/// Fixity: recomputes the SHA-256 of registered digital files and compares it with the one
/// measured at registration. Each file altered or missing opens an integrity incident, which
/// keeps what was found (`IntegrityFinding`): a relink closes the `missing` ones it answers.
public struct IntegrityCheck: Sendable {
    public enum Finding: Sendable, Hashable {
        case intact(reference: String)
        case altered(reference: String, path: String, expected: String, found: String, incident: Int)
        case missing(reference: String, path: String, incident: Int)
        case unreadable(reference: String, path: String, reason: String, incident: Int)
        /// The register may not read it: outside the roots, or not a regular file.
        case refused(reference: String, path: String, reason: String, incident: Int)

        public var reference: String {
            switch self {
            case .intact(let r), .altered(let r, _, _, _, _), .missing(let r, _, _), .unreadable(let r, _, _, _), .refused(let r, _, _, _): return r
            }
        }
    }

    /// Checks the live digital documents `references` names (all of them when nil); an
    /// unknown reference is refused with `document.not-found` before anything is checked.
    public static func run(references: [String]?, store: any RelinkStore & AccountabilityStore, actor: String, now: Date) async throws -> [Finding] {
        var documents: [RegisteredDocument] = []
        if let references {
            for reference in references {
                guard let document = try await store.document(reference) else { throw Refusal(.documentNotFound, ["reference": reference]) }
                documents.append(document)
            }
        } else {
            documents = try await store.documents(matching: nil, limit: nil)
        }
        let access = try await FileAccess.of(store)
        var findings: [Finding] = []
        for item in documents where item.phase != .inactifDetruit {
            guard let file = item.document.file else { continue }
            let reference = item.document.reference
            let fixity = FileFingerprint.verify(path: file.path, expected: file.sha256, access: access)
            let description: String
            let finding: IntegrityFinding
            switch fixity {
            case .intact:
                findings.append(.intact(reference: reference))
                continue
            case .missing:
                description = "Fichier introuvable : \(file.path) (document \(reference), SHA-256 \(file.sha256))."
                finding = .missing
            case .changed(let found):
                description = "Fichier modifié : \(file.path) (document \(reference)) : SHA-256 \(found), enregistré \(file.sha256)."
                finding = .changed
            case .unreadable(let reason):
                description = "Fichier illisible : \(file.path) (document \(reference)) : \(reason)."
                finding = .unreadable
            case .refused(let reason):
                description = "Fichier que le registre ne peut pas lire : \(file.path) (document \(reference)) : \(reason)."
                finding = .refused
            }
            let incident = try await store.reportIntegrityIncident(finding, description: description, reference: reference, by: actor, at: now).id
            switch fixity {
            case .intact: break
            case .missing: findings.append(.missing(reference: reference, path: file.path, incident: incident))
            case .changed(let found):
                findings.append(.altered(reference: reference, path: file.path, expected: file.sha256, found: found, incident: incident))
            case .unreadable(let reason): findings.append(.unreadable(reference: reference, path: file.path, reason: reason, incident: incident))
            case .refused(let reason): findings.append(.refused(reference: reference, path: file.path, reason: reason, incident: incident))
            }
        }
        let problems = findings.filter { if case .intact = $0 { return false } else { return true } }.count
        try await store.appendAudit(user: actor, action: "integrity.check", target: references.map { "documents " + $0.joined(separator: ",") } ?? "documents all",
                                    details: ["checked": String(findings.count), "problems": String(problems)], at: now)
        return findings
    }
}
