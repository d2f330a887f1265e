import Foundation
import SablierApplication
import SablierCore

/// The tables and text of the disposition commands.
enum DispositionTables {
    static func lists(_ lists: [DispositionListRecord]) -> Table {
        Table(columns: ["list", "action", "as_of", "state", "documents", "done", "proposed_by", "approved_by", "executed_by"],
              rows: lists.map { [String($0.number), $0.action ?? "all", $0.asOf, $0.state,
                                 String($0.items), String($0.done), $0.proposedBy, $0.approvedBy ?? "", $0.executedBy ?? ""] })
    }

    static func items(_ items: [DispositionItemRecord]) -> Table {
        Table(columns: ["reference", "title", "rule", "copy", "support", "action", "due", "file", "decision", "state"],
              rows: items.map { [$0.reference, $0.title, $0.rule, $0.copy, $0.support, $0.action,
                                 $0.due, $0.file != nil ? "yes" : "no", $0.decision ?? "", $0.state] })
    }

    /// An instant in ISO 8601, UTC, to the second: the same text as the JSON output's.
    static func instant(_ date: Date?) -> String {
        date?.formatted(.iso8601) ?? ""
    }

    /// The certificate for people: the destruction certificate, the transfer slip (bordereau de
    /// versement) and the transfers, each with its own entries.
    static func certificate(_ certificate: DispositionCertificateRecord) -> String {
        let list = certificate, withheld = certificate.withheld
        var lines = ["Liste de disposition n° \(list.list) — "
            + (certificate.complete ? "exécutée" : "exécution incomplète (\(list.done) sur \(list.items) documents faits)")]
        if withheld > 0 {
            lines.append("Extrait limité à votre unité : \(DispositionWords.plural(withheld, "document")) d'autres unités non montrés")
        }
        lines.append("Liste des échéances du \(list.asOf)" + (list.action.map { ", action \($0)" } ?? ", toutes actions"))
        lines.append("Proposée par \(list.proposedBy) le \(instant(list.proposedAt))")
        if let approver = list.approvedBy { lines.append("Approuvée par \(approver) le \(instant(list.approvedAt))") }
        if let executor = list.executedBy {
            var line = "Exécutée par \(executor), commencée le \(instant(list.executionStartedAt))"
            if let done = list.executedAt { line += ", terminée le \(instant(done))" }
            lines.append(line)
        }
        let destroyed = certificate.entries.filter { $0.destroys }
        let handedOver = certificate.entries.filter { $0.outcome == DispositionOutcome.deposited.rawValue || $0.outcome == DispositionOutcome.kept.rawValue }
        let transferred = certificate.entries.filter { $0.outcome == DispositionOutcome.transferred.rawValue }
        if !destroyed.isEmpty {
            lines += ["", "Certificat de destruction — " + DispositionWords.plural(destroyed.count, "document")]
            if destroyed.contains(where: { $0.file == nil }) {
                lines.append("Méthode (documents sans fichier) : \(list.method ?? "non indiquée")")
                lines.append("Certificat du fournisseur : \(list.vendorCertificate ?? "aucun")")
            }
            lines.append(Table(columns: ["reference", "rule", "copy", "support", "sha256", "state", "done_at", "title"],
                               rows: destroyed.map { [$0.reference, $0.rule, $0.copy, $0.support, $0.sha256 ?? "",
                                                      $0.state, instant($0.doneAt), $0.title] }).renderText(maxCellWidth: 64))
            for item in destroyed where item.action == DueAction.sort.rawValue {
                lines.append("  \(item.reference) : tri, détruit — \(item.decisionReason ?? "")")
            }
        }
        if !handedOver.isEmpty {
            lines += ["", "Bordereau de versement — " + DispositionWords.plural(handedOver.count, "document")]
            lines.append(Table(columns: ["reference", "title", "rule", "copy", "support", "dates", "box", "file", "sha256", "state"],
                               rows: handedOver.map { [$0.reference, $0.title, $0.rule, $0.copy, $0.support,
                                                       dates($0), $0.box ?? "", $0.file ?? "", $0.sha256 ?? "",
                                                       $0.state] }).renderText(maxCellWidth: 64))
            for item in handedOver where item.action == DueAction.sort.rawValue {
                lines.append("  \(item.reference) : tri, conservé — \(item.decisionReason ?? "")")
            }
        }
        if !transferred.isEmpty {
            lines += ["", "Transfert au semi-actif — " + DispositionWords.plural(transferred.count, "document")]
            lines.append(Table(columns: ["reference", "title", "rule", "copy", "support", "box", "state"],
                               rows: transferred.map { [$0.reference, $0.title, $0.rule, $0.copy, $0.support, $0.box ?? "",
                                                        $0.state] }).renderText())
        }
        if !certificate.auditSequences.isEmpty {
            lines += ["", "Journal d'audit : entrées " + certificate.auditSequences.map(String.init).joined(separator: ", ")
                + " (sablier audit log --target \"disposition \(list.list)\")"]
        }
        if let head = certificate.auditHead {
            lines.append("Tête du journal d'audit à la dernière entrée de la liste : n° \(head.sequence), empreinte \(head.hash)")
        }
        return lines.joined(separator: "\n")
    }

    /// The extreme dates (dates extrêmes) of a document: opened–closed.
    static func dates(_ item: DispositionItemRecord) -> String {
        switch (item.opened, item.closed) {
        case (let opened?, let closed?): return "\(opened) – \(closed)"
        case (let opened?, nil): return "\(opened) –"
        case (nil, let closed?): return "– \(closed)"
        case (nil, nil): return ""
        }
    }
}
