import Foundation
import SablierCore
import SablierStore

/// The JSON shapes of the disposition commands, documented in the README. Keys are stable;
/// days are `YYYY-MM-DD`, instants ISO 8601; absent values are omitted.
enum DispositionJSON {
    /// A list, in `disposition list` and `disposition show`.
    struct List: Encodable {
        var number: Int
        var action: String?
        var asOf: String
        var state: String
        var proposedAt: Date
        var proposedBy: String
        var approvedAt: Date?
        var approvedBy: String?
        var executionStartedAt: Date?
        var executedBy: String?
        var executedAt: Date?
        var method: String?
        var vendorCertificate: String?
        var items: Int
        var done: Int
        var cancelledAt: Date?
        var cancelledBy: String?
        var cancelReason: String?

        init(_ list: DispositionList) {
            cancelledAt = list.cancellation?.at; cancelledBy = list.cancellation?.by; cancelReason = list.cancellation?.reason
            number = list.number; action = list.action?.rawValue; asOf = list.asOf.description; state = list.state.rawValue
            proposedAt = list.proposedAt; proposedBy = list.proposedBy; approvedAt = list.approvedAt; approvedBy = list.approvedBy
            executionStartedAt = list.executionStartedAt; executedBy = list.executedBy; executedAt = list.executedAt
            method = list.method; vendorCertificate = list.vendorCertificate; items = list.itemCount; done = list.doneCount
        }
    }

    /// An item, in `disposition show` and as a certificate entry.
    struct Item: Encodable {
        var reference: String
        var title: String
        var holder: String
        var rule: String
        var copy: String
        var support: String
        var opened: String?
        var closed: String?
        var box: String?
        var action: String
        var due: String
        var file: String?
        var sha256: String?
        var decision: String?
        var decisionReason: String?
        var decidedBy: String?
        var decidedAt: Date?
        var outcome: String?
        var state: String
        var startedAt: Date?
        var doneAt: Date?

        init(_ item: DispositionItem) {
            reference = item.reference; title = item.title; holder = item.holder; rule = item.rule; copy = item.copy.rawValue
            support = item.support; opened = item.openedOn?.description; closed = item.closedOn?.description; box = item.box
            action = item.action.rawValue; due = item.dueOn.description; file = item.filePath; sha256 = item.fileSHA256
            decision = item.decision?.rawValue; decisionReason = item.decisionReason; decidedBy = item.decidedBy
            decidedAt = item.decidedAt; outcome = item.outcome?.rawValue; state = item.state.rawValue
            startedAt = item.startedAt; doneAt = item.doneAt
        }
    }

    /// `disposition show --format json`.
    struct Detail: Encodable {
        var list: List
        var items: [Item]
        /// How many of the list's documents this reader may not see (another unit's): 0 for an
        /// organisation-wide reader.
        var withheld: Int
    }

    /// `disposition certificate --format json`: the list's people and dates, how paper was
    /// destroyed, and one entry per item whose execution began.
    struct Certificate: Encodable {
        var list: Int
        var action: String?
        var asOf: String
        var state: String
        /// False while the execution has not finished (entries may still be `started`).
        var complete: Bool
        var proposedAt: Date
        var proposedBy: String
        var approvedAt: Date?
        var approvedBy: String?
        var executionStartedAt: Date?
        var executedBy: String?
        var executedAt: Date?
        var method: String?
        var vendorCertificate: String?
        var entries: [Item]
        /// How many entries this reader may not see (another unit's documents): 0 for an
        /// organisation-wide reader.
        var withheld: Int
        /// The sequence numbers of the list's entries in the audit trail.
        var auditSequences: [Int]

        init(_ certificate: DispositionCertificate, withheld: Int = 0) {
            self.withheld = withheld
            let list = certificate.list
            self.list = list.number; action = list.action?.rawValue; asOf = list.asOf.description; state = list.state.rawValue
            complete = certificate.isComplete; proposedAt = list.proposedAt; proposedBy = list.proposedBy
            approvedAt = list.approvedAt; approvedBy = list.approvedBy; executionStartedAt = list.executionStartedAt
            executedBy = list.executedBy; executedAt = list.executedAt; method = list.method
            vendorCertificate = list.vendorCertificate; entries = certificate.entries.map(Item.init)
            auditSequences = certificate.auditSequences
        }
    }
}

/// The tables and text of the disposition commands.
enum DispositionTables {
    static func lists(_ lists: [DispositionList]) -> Table {
        Table(columns: ["list", "action", "as_of", "state", "documents", "done", "proposed_by", "approved_by", "executed_by"],
              rows: lists.map { [String($0.number), $0.action?.rawValue ?? "all", $0.asOf.description, $0.state.rawValue,
                                 String($0.itemCount), String($0.doneCount), $0.proposedBy, $0.approvedBy ?? "", $0.executedBy ?? ""] })
    }

    static func items(_ items: [DispositionItem]) -> Table {
        Table(columns: ["reference", "title", "rule", "copy", "support", "action", "due", "file", "decision", "state"],
              rows: items.map { [$0.reference, $0.title, $0.rule, $0.copy.rawValue, $0.support, $0.action.rawValue,
                                 $0.dueOn.description, $0.isDigital ? "yes" : "no", $0.decision?.rawValue ?? "", $0.state.rawValue] })
    }

    /// An instant in ISO 8601, UTC, to the second: the same text as the JSON output's.
    static func instant(_ date: Date?) -> String {
        date?.formatted(.iso8601) ?? ""
    }

    /// The certificate for people: the destruction certificate, the transfer slip (bordereau de
    /// versement) and the transfers, each with its own entries.
    static func certificate(_ certificate: DispositionCertificate, withheld: Int = 0) -> String {
        let list = certificate.list
        var lines = ["Liste de disposition n° \(list.number) — "
            + (certificate.isComplete ? "exécutée" : "exécution incomplète (\(list.doneCount) sur \(list.itemCount) documents faits)")]
        if withheld > 0 {
            lines.append("Extrait limité à votre unité : \(DispositionWords.plural(withheld, "document")) d'autres unités non montrés")
        }
        lines.append("Liste des échéances du \(list.asOf)" + (list.action.map { ", action \($0.rawValue)" } ?? ", toutes actions"))
        lines.append("Proposée par \(list.proposedBy) le \(instant(list.proposedAt))")
        if let approver = list.approvedBy { lines.append("Approuvée par \(approver) le \(instant(list.approvedAt))") }
        if let executor = list.executedBy {
            var line = "Exécutée par \(executor), commencée le \(instant(list.executionStartedAt))"
            if let done = list.executedAt { line += ", terminée le \(instant(done))" }
            lines.append(line)
        }
        let destroyed = certificate.entries.filter { $0.destroys }
        let handedOver = certificate.entries.filter { $0.outcome == .deposited || $0.outcome == .kept }
        let transferred = certificate.entries.filter { $0.outcome == .transferred }
        if !destroyed.isEmpty {
            lines += ["", "Certificat de destruction — " + DispositionWords.plural(destroyed.count, "document")]
            if destroyed.contains(where: { !$0.isDigital }) {
                lines.append("Méthode (documents sans fichier) : \(list.method ?? "non indiquée")")
                lines.append("Certificat du fournisseur : \(list.vendorCertificate ?? "aucun")")
            }
            lines.append(Table(columns: ["reference", "rule", "copy", "support", "sha256", "state", "done_at", "title"],
                               rows: destroyed.map { [$0.reference, $0.rule, $0.copy.rawValue, $0.support, $0.fileSHA256 ?? "",
                                                      $0.state.rawValue, instant($0.doneAt), $0.title] }).renderText(maxCellWidth: 64))
            for item in destroyed where item.action == .sort {
                lines.append("  \(item.reference) : tri, détruit — \(item.decisionReason ?? "")")
            }
        }
        if !handedOver.isEmpty {
            lines += ["", "Bordereau de versement — " + DispositionWords.plural(handedOver.count, "document")]
            lines.append(Table(columns: ["reference", "title", "rule", "copy", "support", "dates", "box", "file", "sha256", "state"],
                               rows: handedOver.map { [$0.reference, $0.title, $0.rule, $0.copy.rawValue, $0.support,
                                                       dates($0), $0.box ?? "", $0.filePath ?? "", $0.fileSHA256 ?? "",
                                                       $0.state.rawValue] }).renderText(maxCellWidth: 64))
            for item in handedOver where item.action == .sort {
                lines.append("  \(item.reference) : tri, conservé — \(item.decisionReason ?? "")")
            }
        }
        if !transferred.isEmpty {
            lines += ["", "Transfert au semi-actif — " + DispositionWords.plural(transferred.count, "document")]
            lines.append(Table(columns: ["reference", "title", "rule", "copy", "support", "box", "state"],
                               rows: transferred.map { [$0.reference, $0.title, $0.rule, $0.copy.rawValue, $0.support, $0.box ?? "",
                                                        $0.state.rawValue] }).renderText())
        }
        if !certificate.auditSequences.isEmpty {
            lines += ["", "Journal d'audit : entrées " + certificate.auditSequences.map(String.init).joined(separator: ", ")
                + " (sablier audit log --target \"disposition \(list.number)\")"]
        }
        return lines.joined(separator: "\n")
    }

    /// The extreme dates (dates extrêmes) of a document: opened–closed.
    static func dates(_ item: DispositionItem) -> String {
        switch (item.openedOn, item.closedOn) {
        case (let opened?, let closed?): return "\(opened) – \(closed)"
        case (let opened?, nil): return "\(opened) –"
        case (nil, let closed?): return "– \(closed)"
        case (nil, nil): return ""
        }
    }
}
