public import Foundation
import SablierCore
public import SablierStore

/// Fixity: recomputes the SHA-256 of registered digital files and compares it with the one
/// measured at registration. Each file altered or missing opens an integrity incident.
public struct IntegrityCheck: Sendable {
    public enum Finding: Sendable, Hashable {
        case intact(reference: String)
        case altered(reference: String, path: String, expected: String, found: String, incident: Int)
        case missing(reference: String, path: String, incident: Int)
        case unreadable(reference: String, path: String, reason: String, incident: Int)

        public var reference: String {
            switch self {
            case .intact(let r), .altered(let r, _, _, _, _), .missing(let r, _, _), .unreadable(let r, _, _, _): return r
            }
        }
    }

    /// Checks the live digital documents `references` names (all of them when nil).
    public static func run(references: [String]?, store: any RegisterStore & AccountabilityStore, actor: String, now: Date) async throws -> [Finding] {
        var documents: [RegisteredDocument] = []
        if let references {
            for reference in references {
                guard let document = try await store.document(reference) else { throw StoreError.notFound("document \(reference)") }
                documents.append(document)
            }
        } else {
            documents = try await store.documents(matching: nil, limit: nil)
        }
        var findings: [Finding] = []
        for item in documents where item.phase != .inactifDetruit {
            guard let file = item.document.file else { continue }
            let reference = item.document.reference
            guard FileManager.default.fileExists(atPath: file.path) else {
                let incident = try await store.reportIncident(
                    .integrite, description: "Fichier introuvable : \(file.path) (document \(reference), SHA-256 \(file.sha256)).",
                    documents: [reference], by: actor, at: now)
                findings.append(.missing(reference: reference, path: file.path, incident: incident.id))
                continue
            }
            do {
                let measured = try FileFingerprint.measure(path: file.path)
                if measured.sha256 == file.sha256 {
                    findings.append(.intact(reference: reference))
                } else {
                    let incident = try await store.reportIncident(
                        .integrite, description: "Fichier modifié : \(file.path) (document \(reference)) : SHA-256 \(measured.sha256), enregistré \(file.sha256).",
                        documents: [reference], by: actor, at: now)
                    findings.append(.altered(reference: reference, path: file.path, expected: file.sha256, found: measured.sha256, incident: incident.id))
                }
            } catch let error as FileFingerprint.Failure {
                let incident = try await store.reportIncident(
                    .integrite, description: "Fichier illisible : \(file.path) (document \(reference)) : \(error.description).",
                    documents: [reference], by: actor, at: now)
                findings.append(.unreadable(reference: reference, path: file.path, reason: error.description, incident: incident.id))
            }
        }
        let problems = findings.filter { if case .intact = $0 { return false } else { return true } }.count
        try await store.appendAudit(user: actor, action: "integrity.check", target: references.map { "documents " + $0.joined(separator: ",") } ?? "documents all",
                                    details: ["checked": String(findings.count), "problems": String(problems)], at: now)
        return findings
    }
}
