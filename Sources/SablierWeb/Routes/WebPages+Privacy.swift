import Foundation
import Hummingbird
import SablierApplication
import SablierCore
import SablierServer

/// `/renseignements-personnels`: the AIPRP officer's review queue, a document's findings masked
/// in their context with the decision form, the rules the calendar flags, and the scan of the
/// register as a job with progress.
///
/// Every decision is the use cases': who may see the queue, decide, confirm a rule or scan,
/// and which decision is refused (a confirmation without a measure, an empty note). The pages
/// only hide the scan button from roles the matrix gives no scan, as the navigation does.
extension WebPages {
    struct PrivacyQueueView {
        var rows: [PrivacyRowView]
        var hasRows: Bool
        var pending: String
        var withheld: Bool
        var bySensitivity: Bool
        var includingDecided: Bool
        var sortSensitivityHref: String
        var sortDueHref: String
        var toggleHref: String
        var refused: String?
        var mayScan: Bool
    }

    struct PrivacyRowView {
        var reference: String
        var href: String
        var title: String
        var holder: String
        var sensitivity: String
        var level: String
        var levelClass: String
        var why: String
        var due: String
        var status: String
        var statusClass: String
    }

    struct PrivacyShowView {
        var reference: String
        var title: String
        var rule: String
        var holder: String
        var phase: String
        var status: String
        var statusClass: String
        var measure: String
        var ruleSource: String
        var scanned: Bool
        var unread: Bool
        var scannedAt: String
        var file: String?
        var groups: [FindingGroupView]
        var hasFindings: Bool
        var truncated: Bool
        var reviews: [ReviewView]
        var hasReviews: Bool
        var action: String
        var decisions: [OptionView]
        var measures: [OptionView]
        var note: String
        var form: FormState
    }

    struct FindingGroupView {
        var id: String
        var type: String
        var count: String
        var findings: [FindingView]
    }

    struct FindingView {
        var excerpt: String
        var confidence: String
    }

    struct ReviewView {
        var at: String
        var by: String
        var decision: String
        var measure: String
        var note: String
    }

    /// One `<option>` of a select, already marked when chosen.
    struct OptionView {
        var value: String
        var label: String
        var selected: Bool
    }

    struct PrivacyRulesView {
        var rows: [PrivacyRuleRowView]
        var hasRows: Bool
        var flaggedOnly: Bool
        var toggleHref: String
        var mayConfirm: Bool
        var ruleOptions: [OptionView]
        var measures: [OptionView]
        var yes: Bool
        var no: Bool
        var note: String
        var form: FormState
        var mayScan: Bool
    }

    struct PrivacyRuleRowView {
        var rule: String
        var title: String
        var source: String
        var flags: String
        var measure: String
        var confirmed: String
    }

    struct ReviewForm: Decodable { var decision: String?; var measure: String?; var note: String? }
    struct RuleForm: Decodable { var rule: String?; var personalInformation: String?; var measure: String?; var note: String? }

    func addPrivacy(to router: RouterGroup<APIRequestContext>) {
        router.get("renseignements-personnels") { request, context -> Response in
            try await privacyQueuePage(request, context)
        }
        router.get("renseignements-personnels/regles") { request, context -> Response in
            let flaggedOnly = request.uri.queryParameters.get("toutes") == nil
            return try await privacyRulesPage(request, context, flaggedOnly: flaggedOnly, form: FormState(), values: nil)
        }
        router.post("renseignements-personnels/regles") { request, context -> Response in
            let form = try await PageForm.decode(RuleForm.self, request)
            let session = try session(context)
            let language = language(request)
            let values = ["rule": form.rule ?? "", "personalInformation": form.personalInformation ?? "", "measure": form.measure ?? "",
                          "note": form.note ?? ""]
            var state = FormState(values: values)
            guard let answer = form.personalInformation, answer == "oui" || answer == "non" else {
                state.add(Refusal.invalidValue("personalInformation", form.personalInformation ?? "", allowed: ["oui", "non"]),
                          field: "personalInformation", language)
                return try await privacyRulesPage(request, context, flaggedOnly: true, form: state, values: values)
            }
            let measure = Self.measure(form.measure)
            switch await outcome({ () async throws(Refusal) in
                try await sablier.confirmRulePrivacy(session, rule: form.rule ?? "", personalInformation: answer == "oui", measure: measure,
                                                     note: form.note)
            }) {
            case .success:
                return redirect("/renseignements-personnels/regles", done: "priv_rule_confirmed")
            case .failure(let refusal):
                state.add(refusal, field: Self.ruleField(refusal), language)
                return try await privacyRulesPage(request, context, flaggedOnly: true, form: state, values: values)
            }
        }
        router.post("renseignements-personnels/analyse") { _, context -> Response in
            let session = try session(context)
            let sablier = sablier
            // One scan of the register at a time per person: a second click leads to the one running.
            return try startJob(context, titleKey: "priv_scan_job", single: true) { report async throws(Refusal) -> (String, String?) in
                _ = try await sablier.scanPrivacy(session, .all, progress: report)
                return ("/renseignements-personnels", "priv_scan_done")
            }
        }
        router.get("renseignements-personnels/:reference") { request, context -> Response in
            let reference = try context.parameters.text("reference")
            let entry = try await sablier.privacyShow(try session(context), reference)
            return privacyShowPage(entry, request, context, form: FormState(), values: [:])
        }
        router.post("renseignements-personnels/:reference") { request, context -> Response in
            let reference = try context.parameters.text("reference")
            let form = try await PageForm.decode(ReviewForm.self, request)
            let session = try session(context)
            let language = language(request)
            let values = ["decision": form.decision ?? "", "measure": form.measure ?? "", "note": form.note ?? ""]
            var state = FormState(values: values)
            guard let decision = form.decision.flatMap(PrivacyDecision.init(rawValue:)) else {
                state.add(Refusal.invalidValue("decision", form.decision ?? "", allowed: PrivacyDecision.allCases.map(\.rawValue)),
                          field: "decision", language)
                let entry = try await sablier.privacyShow(session, reference)
                return privacyShowPage(entry, request, context, form: state, values: values, status: .unprocessableContent)
            }
            switch await outcome({ () async throws(Refusal) in
                try await sablier.reviewPrivacy(session, reference, decision: decision, measure: Self.measure(form.measure),
                                                note: form.note ?? "")
            }) {
            case .success:
                return redirect("/renseignements-personnels/\(Self.pathSegment(reference))", done: "priv_reviewed")
            case .failure(let refusal):
                // A document the reader may not see is not there: the error page says so.
                if refusal.kind == .notFound || refusal.kind == .forbidden { throw refusal }
                state.add(refusal, field: Self.reviewField(refusal), language)
                let entry = try await sablier.privacyShow(session, reference)
                return privacyShowPage(entry, request, context, form: state, values: values,
                                       status: HTTPResponse.Status(code: refusal.kind.httpStatus))
            }
        }
    }

    /// The queue, sorted by `?tri=sensibilite` (default) or `?tri=echeance`; `?toutes=1`
    /// adds documents already reviewed. A reader the use case refuses sees why, with the
    /// rules and the scan if their roles open them.
    private func privacyQueuePage(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let session = try session(context)
        let language = language(request)
        let byDue = request.uri.queryParameters.get("tri") == "echeance"
        let decided = request.uri.queryParameters.get("toutes") != nil
        let mayScan = offers(.scanPrivacy, to: session)
        let tri = byDue ? "echeance" : "sensibilite"
        var view = PrivacyQueueView(rows: [], hasRows: false, pending: "0", withheld: false, bySensitivity: !byDue, includingDecided: decided,
                                    sortSensitivityHref: "/renseignements-personnels?tri=sensibilite" + (decided ? "&toutes=1" : ""),
                                    sortDueHref: "/renseignements-personnels?tri=echeance" + (decided ? "&toutes=1" : ""),
                                    toggleHref: "/renseignements-personnels?tri=\(tri)" + (decided ? "" : "&toutes=1"),
                                    refused: nil, mayScan: mayScan)
        switch await outcome({ () async throws(Refusal) in try await sablier.privacyQueueWithDates(session, includingDecided: decided) }) {
        case .failure(let refusal):
            guard refusal.kind == .forbidden else { throw refusal }
            view.refused = MessageCatalogue.message(refusal, in: language)
            return page("privacy/queue", title: "priv_queue_title", content: view, request, context, status: .forbidden)
        case .success(let queue):
            var lines = queue.lines
            if byDue {
                // Soonest first; a document with no known date last, then most sensitive.
                lines.sort { a, b in
                    switch (a.dueOn, b.dueOn) {
                    case let (x?, y?) where x != y: return x < y
                    case (nil, _?): return false
                    case (_?, nil): return true
                    default: return a.entry.score > b.entry.score
                    }
                }
            }
            view.rows = lines.map { Self.privacyRow($0, language) }
            view.hasRows = !view.rows.isEmpty
            view.pending = WebFormat.number(queue.pending)
            view.withheld = queue.withheld > 0
            return page("privacy/queue", title: "priv_queue_title", content: view, request, context)
        }
    }

    static func privacyRow(_ line: PrivacyQueueLine, _ language: Language) -> PrivacyRowView {
        let entry = line.entry
        var why: [String] = []
        if entry.ruleSource != nil, entry.ruleSource != "none" { why.append(Labels.text("priv_by_rule", language)) }
        if let scan = entry.scan {
            if scan.status != "read" { why.append(Labels.text("priv_by_unread", language)) }
            else if scan.flagged == true { why.append(Labels.text("priv_by_content", language)) }
        }
        let (level, levelClass) = sensitivityLevel(entry.sensitivity, language)
        let (status, statusClass) = statusLabel(entry.status, language)
        return PrivacyRowView(reference: entry.reference, href: "/renseignements-personnels/\(WebPages.pathSegment(entry.reference))",
                              title: entry.title, holder: entry.holder, sensitivity: WebFormat.number(entry.score), level: level,
                              levelClass: levelClass, why: why.joined(separator: ", "), due: line.dueOn ?? "—", status: status,
                              statusClass: statusClass)
    }

    /// The level the use case gives with the score, in words (`priv_level_high`…) and its badge:
    /// the number stays beside the word, so the colour is never the only sign.
    static func sensitivityLevel(_ level: String, _ language: Language) -> (String, String) {
        switch PrivacySensitivity(rawValue: level) {
        case .high: return (Labels.text("priv_level_high", language), "bad")
        case .medium: return (Labels.text("priv_level_medium", language), "warn")
        case .low, nil: return (Labels.text("priv_level_low", language), "")
        }
    }

    static func statusLabel(_ status: String, _ language: Language) -> (String, String) {
        switch status {
        case "pending": return (Labels.text("priv_status_pending", language), "warn")
        case "confirmed": return (Labels.text("priv_status_confirmed", language), "bad")
        case "dismissed": return (Labels.text("priv_status_dismissed", language), "ok")
        case "destroyed-unreviewed": return (Labels.text("priv_status_destroyed", language), "")
        default: return (Labels.text("priv_status_not_flagged", language), "")
        }
    }

    static func measureLabel(_ measure: String?, _ language: Language) -> String {
        guard let measure else { return Labels.text("priv_measure_none", language) }
        return Labels.all["priv_measure_\(measure)"]?.text(language) ?? measure
    }

    static func sourceLabel(_ source: String?, _ language: Language) -> String {
        switch source {
        case "calendar": return Labels.text("priv_source_calendar", language)
        case "confirmed": return Labels.text("priv_source_confirmed", language)
        case "confidential-unconfirmed": return Labels.text("priv_source_confidential", language)
        default: return Labels.text("priv_source_none", language)
        }
    }

    static func measure(_ value: String?) -> PersonalInformationMeasure? {
        value.flatMap { PersonalInformationMeasure(rawValue: $0) }
    }

    /// The field a refusal of the review is about.
    static func reviewField(_ refusal: Refusal) -> String? {
        switch refusal.code {
        case .emptyText: return refusal.values["field"] == "note" ? "note" : nil
        case .noMeasure, .measureOnDismissal: return "measure"
        case .invalidValue: return refusal.values["field"]
        default: return nil
        }
    }

    static func ruleField(_ refusal: Refusal) -> String? {
        switch refusal.code {
        case .measureWithoutPersonalInformation: return "measure"
        case .emptyText, .invalidValue: return refusal.values["field"]
        default: return "rule"
        }
    }

    static func measureOptions(_ chosen: String?, _ language: Language) -> [OptionView] {
        [OptionView(value: "", label: Labels.text("priv_measure_rule", language), selected: (chosen ?? "").isEmpty)]
            + PersonalInformationMeasure.allCases.map {
                OptionView(value: $0.rawValue, label: measureLabel($0.rawValue, language), selected: chosen == $0.rawValue)
            }
    }

    func privacyShowPage(_ entry: PrivacyEntry, _ request: Request, _ context: APIRequestContext, form: FormState,
                         values: [String: String], status: HTTPResponse.Status = .ok) -> Response {
        let language = language(request)
        let (statusText, statusClass) = Self.statusLabel(entry.status, language)
        var groups: [FindingGroupView] = []
        for finding in entry.scan?.findings ?? [] {
            let view = FindingView(excerpt: finding.excerpt, confidence: WebFormat.number(Int((finding.confidence * 100).rounded())) + "\u{00A0}%")
            if let index = groups.firstIndex(where: { $0.id == finding.type }) {
                groups[index].findings.append(view)
            } else {
                let key = "priv_type_" + finding.type.replacingOccurrences(of: "-", with: "_")
                groups.append(FindingGroupView(id: finding.type, type: Labels.all[key]?.text(language) ?? finding.type, count: "",
                                               findings: [view]))
            }
        }
        for index in groups.indices { groups[index].count = WebFormat.number(groups[index].findings.count) }
        let reviews = entry.reviews.reversed().map {
            ReviewView(at: WebFormat.time($0.reviewedAt), by: $0.reviewedBy,
                       decision: Self.statusLabel($0.decision == "confirm" ? "confirmed" : "dismissed", language).0,
                       measure: Self.measureLabel($0.measure, language), note: $0.note)
        }
        let decision = values["decision"] ?? ""
        let view = PrivacyShowView(
            reference: entry.reference, title: entry.title, rule: entry.rule, holder: entry.holder, phase: entry.phase,
            status: statusText, statusClass: statusClass, measure: Self.measureLabel(entry.measure, language),
            ruleSource: Self.sourceLabel(entry.ruleSource, language), scanned: entry.scan != nil,
            unread: entry.scan.map { $0.status != "read" } ?? false,
            scannedAt: entry.scan.map { WebFormat.time($0.scannedAt) } ?? "", file: entry.file, groups: groups,
            hasFindings: !groups.isEmpty, truncated: entry.scan?.truncated ?? false, reviews: reviews, hasReviews: !reviews.isEmpty,
            action: "/renseignements-personnels/\(Self.pathSegment(entry.reference))",
            decisions: PrivacyDecision.allCases.map {
                OptionView(value: $0.rawValue, label: Labels.text("priv_decision_\($0.rawValue)", language), selected: decision == $0.rawValue)
            },
            measures: Self.measureOptions(values["measure"], language), note: values["note"] ?? "", form: form)
        return page("privacy/show", title: "priv_show_title", content: view, request, context, status: status)
    }

    private func privacyRulesPage(_ request: Request, _ context: APIRequestContext, flaggedOnly: Bool, form: FormState,
                                  values: [String: String]?) async throws -> Response {
        let session = try session(context)
        let language = language(request)
        let rules = try await sablier.privacyRules(session, flaggedOnly: flaggedOnly)
        let rows = rules.map { rule in
            PrivacyRuleRowView(rule: rule.rule, title: rule.title, source: Self.sourceLabel(rule.source, language),
                               flags: Labels.text(rule.flags ? "yes" : "no", language), measure: Self.measureLabel(rule.measure, language),
                               confirmed: rule.confirmedBy.map { by in rule.confirmedAt.map { "\(by), \(WebFormat.time($0))" } ?? by } ?? "—")
        }
        let chosen = values?["rule"]
        let view = PrivacyRulesView(
            rows: rows, hasRows: !rows.isEmpty, flaggedOnly: flaggedOnly,
            toggleHref: flaggedOnly ? "/renseignements-personnels/regles?toutes=1" : "/renseignements-personnels/regles",
            mayConfirm: offers(.manageCalendar, to: session),
            ruleOptions: rules.map { OptionView(value: $0.rule, label: "\($0.rule) — \($0.title)", selected: $0.rule == chosen) },
            measures: Self.measureOptions(values?["measure"], language).enumerated().map { index, option in
                var option = option
                if index == 0 { option.label = Labels.text("priv_measure_none", language) }
                return option
            },
            yes: values?["personalInformation"] == "oui", no: values?["personalInformation"] == "non",
            note: values?["note"] ?? "", form: form,
            mayScan: offers(.scanPrivacy, to: session))
        return page("privacy/rules", title: "priv_rules_title", content: view, request, context,
                    status: form.hasProblems ? .unprocessableContent : .ok)
    }

}
