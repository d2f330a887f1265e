import SablierCore
import SablierStore

/// What one unit is told by `sablier notify`, composed in French: what falls due in the next
/// days, which disposition lists wait for its détenteur's approval, which loans of its files are
/// overdue. Pure: the use case reads the store and hands the pieces over.
///
/// A notice leaves Sablier by mail, where nobody checks who reads it: every confidential
/// document's title is written `[confidentiel]`, even to its own unit's détenteur, who reads it
/// whole in Sablier.
struct UnitNotice: Sendable {
    /// A proposed list of the unit's documents only (a détenteur approves no other), and how many.
    struct PendingList: Sendable {
        var list: DispositionList
        var unitItems: Int
    }

    /// How many lines of one action the message names before it points to `sablier due`.
    static let linesPerAction = 20

    var unit: String
    var asOf: CivilDate
    var days: Int
    var through: CivilDate
    /// The unit's due documents as of `through`, in the store's order (due date, reference).
    var due: [DueDocument]
    var confidential: Set<String>
    var lists: [PendingList]
    var overdueLoans: [Loan]

    /// True when there is something to say: a détenteur with nothing gets no message.
    var isEmpty: Bool { due.isEmpty && lists.isEmpty && overdueLoans.isEmpty }

    /// « Sablier — Échéances de l'unité Ressources humaines au 2026-12-04 »
    var subject: String { "Sablier — Échéances de l'unité \(unit) au \(asOf)" }

    /// The body, addressed to `recipient`.
    func body(to recipient: String) -> String {
        var lines = [
            "Bonjour \(recipient),",
            "",
            "Voici ce qui concerne l'unité \(unit) au \(asOf), pour les \(days) prochains jours (jusqu'au \(through) inclusivement).",
        ]
        if !due.isEmpty {
            lines += ["", "ÉCHÉANCES (\(due.count))"]
            for action in DueAction.allCases {
                let items = due.filter { $0.action == action }
                guard !items.isEmpty else { continue }
                lines += ["", "\(Self.label(action)) (\(items.count))"]
                for item in items.prefix(Self.linesPerAction) { lines.append(line(item)) }
                if items.count > Self.linesPerAction {
                    lines.append("  … et \(items.count - Self.linesPerAction) autre(s) : « sablier due --as-of \(through) --action \(action.rawValue) »")
                }
            }
            let late = due.filter { $0.due < asOf }.count
            if late > 0 { lines += ["", "Dont \(late) déjà échu(s) avant le \(asOf)."] }
        }
        if !lists.isEmpty {
            lines += ["", "LISTES DE DISPOSITION EN ATTENTE DE VOTRE APPROBATION (\(lists.count))"]
            for pending in lists {
                let list = pending.list
                lines.append("  - Liste n° \(list.number), proposée le \(CivilDate(dayOf: list.proposedAt)) par \(list.proposedBy) : "
                             + "\(pending.unitItems) document(s) de votre unité")
                lines.append("    « sablier disposition show \(list.number) », puis « sablier disposition approve \(list.number) »")
            }
        }
        if !overdueLoans.isEmpty {
            lines += ["", "PRÊTS EN RETARD (\(overdueLoans.count))"]
            for loan in overdueLoans {
                let what: String
                switch loan.subject {
                case .document(let reference): what = "dossier \(reference)"
                case .box(let code):
                    // Only the unit's own files: a box may also hold another unit's, which this
                    // détenteur is not told of, not even by their number.
                    let own = loan.documentHolders.filter { Access.sameUnit($0, unit) }.count
                    what = "boîte \(code) (\(own) dossier(s) de l'unité)"
                }
                let borrower = loan.borrowerUnit.map { "\(loan.borrower) (\($0))" } ?? loan.borrower
                let late = asOf.days(since: loan.dueOn)
                lines.append("  - Prêt n° \(loan.id) : \(what), prêté le \(loan.lentOn) à \(borrower), "
                             + "à rendre le \(loan.dueOn) (\(late) jour(s) de retard)")
            }
        }
        lines += [
            "",
            "-- ",
            "Message envoyé automatiquement par Sablier, le gestionnaire du calendrier de conservation.",
            "Les titres des documents confidentiels sont masqués ; consultez-les dans Sablier.",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// `  - 2026-12-15  RH-EMP-0042  Dossier — règle 2101, exemplaire principal`
    private func line(_ item: DueDocument) -> String {
        let title = confidential.contains(item.reference) ? DueEntry.maskedTitle : Self.oneLine(item.title)
        let copy = item.copy == .principal ? "exemplaire principal" : "exemplaire secondaire"
        let held = item.held ? " — sous gel : rien n'est fait avant sa levée" : ""
        return "  - \(item.due)  \(Self.oneLine(item.reference))  \(title) — règle \(item.rule), \(copy)\(held)"
    }

    /// The French name of an action, as the law says it.
    static func label(_ action: DueAction) -> String {
        switch action {
        case .transfer: return "Transfert au semi-actif"
        case .destroy: return "Destruction"
        case .deposit: return "Versement aux archives"
        case .sort: return "Tri (conserver ou détruire)"
        }
    }

    /// A register value on one line: a line break in a title cannot start a new line of the
    /// message (quoted-printable would carry it faithfully).
    static func oneLine(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: return " "
            default: return Character(scalar)
            }
        })
    }
}
