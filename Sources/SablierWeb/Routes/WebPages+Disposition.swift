import Foundation
import Hummingbird
import SablierApplication
import SablierCore
import SablierServer

/// `/listes` (the disposition lists, and the form that proposes one), `/listes/N` (a list, its
/// sort decisions and the steps its state allows), `/listes/N/certificat` (the destruction
/// certificate) and `/listes/N/bordereau` (the transfer slip), the last two printable with
/// signature blocks, since they are the records a records manager files and signs.
///
/// Every step is one use case of `Sablier`; what a person may do is the use case's answer, shown
/// next to the button that asked. The buttons a list's page offers are the steps
/// `dispositionDetail` says the list allows this person, and the certificate and the slip are
/// linked when it says the list has them: the page decides neither.
extension WebPages {
    struct ProposeForm: Decodable { var action: String?; var asOf: String? }
    struct SortDecisionForm: Decodable { var reference: String; var decision: String?; var reason: String? }
    struct ExecuteForm: Decodable { var method: String?; var vendorCertificate: String? }
    struct CancelForm: Decodable { var reason: String? }

    func addDisposition(to router: RouterGroup<APIRequestContext>) {
        router.get("listes") { request, context -> Response in
            try await listsPage(request, context, form: FormState(values: ["asOf": today.description]))
        }
        router.post("listes") { request, context -> Response in
            try await proposeList(request, context)
        }
        router.get("listes/:number") { request, context -> Response in
            try await detailPage(try listNumber(context), request, context)
        }
        router.post("listes/:number/tri") { request, context -> Response in
            let number = try listNumber(context)
            let form = try await PageForm.decode(SortDecisionForm.self, request)
            let language = language(request)
            let field = "reason-" + Self.fieldID(form.reference)
            guard let code = form.decision, let decision = SortDecision(rawValue: code) else {
                let refusal = Refusal(.invalidValue, ["field": Labels.text("disp_decision", language), "value": form.decision ?? "",
                                                      "allowed": Labels.text("disp_decision_keep", language) + ", "
                                                          + Labels.text("disp_decision_destroy", language)])
                return try await detailPage(number, request, context, form: FormState(refusal: refusal, field: field, language),
                                            status: .unprocessableContent)
            }
            let session = try session(context)
            switch await outcome({ () async throws(Refusal) in
                try await sablier.decideSort(session, list: number, reference: form.reference, decision: decision, reason: form.reason ?? "")
            }) {
            case .success: return redirect("/listes/\(number)", done: "disp_decided")
            case .failure(let refusal):
                return try await detailPage(number, request, context, form: FormState(values: [field: form.reason ?? ""], refusal: refusal,
                                                                                         field: field, language),
                                            status: HTTPResponse.Status(code: refusal.kind.httpStatus))
            }
        }
        router.post("listes/:number/approuver") { request, context -> Response in
            let number = try listNumber(context)
            let session = try session(context)
            switch await outcome({ () async throws(Refusal) in try await sablier.approveDisposition(session, list: number) }) {
            case .success: return redirect("/listes/\(number)", done: "disp_approved")
            case .failure(let refusal):
                return try await detailPage(number, request, context, form: FormState(refusal: refusal, field: "approve", language(request)),
                                            status: HTTPResponse.Status(code: refusal.kind.httpStatus))
            }
        }
        router.post("listes/:number/annuler") { request, context -> Response in
            let number = try listNumber(context)
            let form = try await PageForm.decode(CancelForm.self, request)
            let session = try session(context)
            switch await outcome({ () async throws(Refusal) in
                try await sablier.cancelDisposition(session, list: number, reason: form.reason ?? "")
            }) {
            case .success: return redirect("/listes/\(number)", done: "disp_cancelled")
            case .failure(let refusal):
                return try await detailPage(number, request, context,
                                            form: FormState(values: ["reason": form.reason ?? ""], refusal: refusal, field: "reason", language(request)),
                                            status: HTTPResponse.Status(code: refusal.kind.httpStatus))
            }
        }
        router.post("listes/:number/executer") { request, context -> Response in
            let number = try listNumber(context)
            let form = try await PageForm.decode(ExecuteForm.self, request)
            let session = try session(context)
            let method = Self.nonEmpty(form.method), vendorCertificate = Self.nonEmpty(form.vendorCertificate)
            return try startJob(context, titleKey: "disp_execute_job") { [sablier] (report: @escaping @Sendable (Int, Int) -> Void) async throws(Refusal) -> (String, String?) in
                let watcher = Self.watchProgress(sablier, session, list: number, report)
                defer { watcher.cancel() }
                let result = try await sablier.executeDisposition(session, list: number, method: method, vendorCertificate: vendorCertificate)
                report(result.list.done, result.list.items)
                return ("/listes/\(number)", result.complete ? "disp_executed" : "disp_execution_incomplete")
            }
        }
        router.get("listes/:number/certificat") { request, context -> Response in
            let number = try listNumber(context)
            let session = try session(context)
            let certificate = try await sablier.dispositionCertificate(session, list: number, kind: .destructionCertificate)
            let language = language(request)
            return page("disposition/certificate", title: "disp_certificate_title",
                        content: CertificateView(certificate, organisation: await organisation(session), language), request, context)
        }
        router.get("listes/:number/bordereau") { request, context -> Response in
            let number = try listNumber(context)
            let session = try session(context)
            let certificate = try await sablier.dispositionCertificate(session, list: number, kind: .transferSlip)
            let language = language(request)
            return page("disposition/slip", title: "disp_slip_title",
                        content: SlipView(certificate, organisation: await organisation(session), language), request, context)
        }
    }

    /// Reports how many documents of the list are done while it executes: the use case cannot
    /// tell how far it is, the list's own count, read as its page reads it, can.
    static func watchProgress(_ sablier: Sablier, _ session: Session, list number: Int,
                              _ report: @escaping @Sendable (Int, Int) -> Void) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                if case .success(let detail) = await outcome({ () async throws(Refusal) in
                    try await sablier.dispositionDetail(session, list: number)
                }) {
                    report(detail.list.done, detail.list.items)
                }
                try? await Task.sleep(for: .milliseconds(400))
            }
        }
    }

    /// The list's number in the address; anything else is a page that does not exist.
    func listNumber(_ context: APIRequestContext) throws -> Int {
        guard let text = context.parameters.get("number"), let number = Int(text), number > 0 else { throw PageFailure.notFound }
        return number
    }

    /// `/listes`, with the proposal form as `form` left it.
    func listsPage(_ request: Request, _ context: APIRequestContext, form: FormState,
                   status: HTTPResponse.Status = .ok) async throws -> Response {
        let session = try session(context)
        let lists = try await sablier.dispositionLists(session)
        let view = ListsView(lists: lists, canPropose: offers(.manageDisposition, to: session), form: form, language(request))
        return page("disposition/lists", title: "nav_disposition", content: view, request, context, status: status)
    }

    /// `/listes/N`, with the refusal of a step shown next to its button or field.
    func detailPage(_ number: Int, _ request: Request, _ context: APIRequestContext, form: FormState = FormState(),
                    status: HTTPResponse.Status = .ok) async throws -> Response {
        let session = try session(context)
        let detail = try await sablier.dispositionDetail(session, list: number)
        let view = ListDetailView(detail, form: form, language(request))
        return page("disposition/list", title: "disp_list_title", content: view, request, context, status: status)
    }

    /// The organisation named by the calendar in force, for the certificate's heading; none
    /// when there is no calendar.
    func organisation(_ session: Session) async -> String? {
        if case .success(let versions) = await outcome({ () async throws(Refusal) in try await sablier.calendarVersions(session) }) {
            return versions.last?.organisation
        }
        return nil
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    /// A reference as an HTML id: letters, digits and `-` only.
    static func fieldID(_ reference: String) -> String {
        String(reference.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
    }

    // MARK: Words

    static func actionName(_ code: String?, _ language: Language) -> String {
        Labels.text("disp_action_" + (code ?? "all"), language)
    }

    static func stateName(_ code: String, _ language: Language) -> String {
        Labels.text("disp_state_" + code, language)
    }

    /// The badge's class for a list's state: the word says it, the colour only repeats it.
    static func stateClass(_ code: String) -> String {
        switch code {
        case "executed": return "ok"
        case "proposed", "approved", "executing": return "warn"
        default: return ""
        }
    }

    /// `2026-11-29 14:03` (UTC), or nothing.
    static func instant(_ date: Date?) -> String? {
        date.map { WebFormat.time($0) + " UTC" }
    }

    /// The extreme dates (dates extrêmes) of a document: opened – closed.
    static func extremeDates(_ item: DispositionItemRecord) -> String {
        switch (item.opened, item.closed) {
        case (let opened?, let closed?): return "\(opened) – \(closed)"
        case (let opened?, nil): return "\(opened) –"
        case (nil, let closed?): return "– \(closed)"
        case (nil, nil): return ""
        }
    }
}

// MARK: Views

/// A label and its value, for `.card-fields`.
struct DispositionFact {
    let label: String
    let value: String
}

/// A choice of a `<select>`.
struct DispositionOption {
    let value: String
    let label: String
    let selected: Bool
}

/// One list in the table of `/listes`.
struct DispositionListRow {
    let number: String
    let href: String
    let action: String
    let asOf: String
    let state: String
    let stateClass: String
    let proposed: String
    let approvedBy: String
    let documents: String

    init(_ list: DispositionListRecord, _ language: Language) {
        number = String(list.number)
        href = "/listes/\(list.number)"
        action = WebPages.actionName(list.action, language)
        asOf = list.asOf
        state = WebPages.stateName(list.state, language)
        stateClass = WebPages.stateClass(list.state)
        proposed = "\(list.proposedBy), \(WebFormat.time(list.proposedAt).prefix(10))"
        approvedBy = list.approvedBy ?? "—"
        // How many are done says something only while an execution is under way.
        documents = WebFormat.number(list.items)
            + (list.done > 0 && list.done < list.items ? " (\(WebFormat.number(list.done)) " + Labels.text("disp_done_count", language) + ")" : "")
    }
}

/// `/listes`: the lists, newest first, and the proposal form for who may propose.
struct ListsView {
    let lists: [DispositionListRow]
    let hasLists: Bool
    let canPropose: Bool
    let actions: [DispositionOption]
    let asOf: String
    let form: FormState

    init(lists: [DispositionListRecord], canPropose: Bool, form: FormState, _ language: Language) {
        self.lists = lists.reversed().map { DispositionListRow($0, language) }
        hasLists = !lists.isEmpty
        self.canPropose = canPropose
        let chosen = form.values["action"] ?? ""
        actions = [DispositionOption(value: "", label: WebPages.actionName(nil, language), selected: chosen.isEmpty)]
            + [DueAction.destroy, .deposit, .sort, .transfer].map {
                DispositionOption(value: $0.rawValue, label: WebPages.actionName($0.rawValue, language), selected: chosen == $0.rawValue)
            }
        asOf = form.values["asOf"] ?? ""
        self.form = form
    }
}

/// One document of a list, in seven columns at most; the rest is on its card in the register.
struct DispositionItemRow {
    let reference: String
    let title: String
    let rule: String
    let support: String
    let action: String
    let due: String
    let state: String
    let stateClass: String

    init(_ item: DispositionItemRecord, _ language: Language) {
        reference = item.reference
        title = item.title
        rule = "\(item.rule) (\(Labels.text("disp_copy_" + item.copy, language)))"
        support = item.support
        var action = WebPages.actionName(item.action, language)
        if let decision = item.decision { action += " — " + Labels.text("disp_decision_" + decision, language) }
        self.action = action
        due = item.due
        if let outcome = item.outcome, item.state != "pending" {
            state = Labels.text("disp_outcome_" + outcome, language)
                + (item.state == "started" ? " (" + Labels.text("disp_item_started", language) + ")" : "")
        } else {
            state = Labels.text("disp_item_" + item.state, language)
        }
        stateClass = item.state == "done" ? "ok" : (item.state == "started" ? "warn" : "")
    }
}

/// A sort (tri) line's decision form.
struct DispositionSortForm {
    let reference: String
    let title: String
    let id: String
    let keep: Bool
    let destroy: Bool
    let reason: String
    let decided: String?
    let error: String?
}

/// `/listes/N`: the list, its lines for this reader, and the steps `dispositionDetail` says
/// this reader may take on it now.
struct ListDetailView {
    let number: String
    let heading: String
    let state: String
    let stateClass: String
    let facts: [DispositionFact]
    let items: [DispositionItemRow]
    let hasItems: Bool
    let withheld: String?
    let sorts: [DispositionSortForm]
    let hasSorts: Bool
    let canApprove: Bool
    let canExecute: Bool
    let canCancel: Bool
    let resumes: Bool
    let hasCertificate: Bool
    let hasSlip: Bool
    let hasSteps: Bool
    let approveError: String?
    let reasonError: String?
    let reason: String
    let confirmApprove: String
    let confirmExecute: String
    let confirmCancel: String
    let form: FormState

    init(_ detail: DispositionListDetail, form: FormState, _ language: Language) {
        let list = detail.list
        number = String(list.number)
        heading = Labels.text("disp_list_heading", language) + " \(list.number)"
        state = WebPages.stateName(list.state, language)
        stateClass = WebPages.stateClass(list.state)
        var facts = [
            DispositionFact(label: Labels.text("disp_action", language), value: WebPages.actionName(list.action, language)),
            DispositionFact(label: Labels.text("disp_as_of", language), value: list.asOf),
            DispositionFact(label: Labels.text("disp_proposed_by", language),
                            value: "\(list.proposedBy) — \(WebPages.instant(list.proposedAt) ?? "")"),
        ]
        if let by = list.approvedBy {
            facts.append(DispositionFact(label: Labels.text("disp_approved_by", language), value: "\(by) — \(WebPages.instant(list.approvedAt) ?? "")"))
        }
        if let by = list.executedBy {
            var value = "\(by) — " + Labels.text("disp_begun", language) + " " + (WebPages.instant(list.executionStartedAt) ?? "")
            if let end = WebPages.instant(list.executedAt) { value += ", " + Labels.text("disp_finished", language) + " " + end }
            facts.append(DispositionFact(label: Labels.text("disp_executed_by", language), value: value))
        }
        if let method = list.method { facts.append(DispositionFact(label: Labels.text("disp_method", language), value: method)) }
        if let vendor = list.vendorCertificate {
            facts.append(DispositionFact(label: Labels.text("disp_vendor_certificate", language), value: vendor))
        }
        if let by = list.cancelledBy {
            facts.append(DispositionFact(label: Labels.text("disp_cancelled_by", language),
                                         value: "\(by) — \(WebPages.instant(list.cancelledAt) ?? "") : \(list.cancelReason ?? "")"))
        }
        facts.append(DispositionFact(label: Labels.text("disp_documents", language),
                                     value: WebFormat.count(list.items, Labels.text("disp_document_one", language), Labels.text("disp_document_many", language))
                                         + ", " + WebFormat.number(list.done) + " " + Labels.text("disp_done_count", language)))
        self.facts = facts
        items = detail.items.map { DispositionItemRow($0, language) }
        hasItems = !detail.items.isEmpty
        withheld = detail.withheld > 0
            ? Labels.text("disp_withheld", language) + " " + WebFormat.count(detail.withheld, Labels.text("disp_document_one", language),
                                                                           Labels.text("disp_document_many", language)) + "."
            : nil
        let steps = Set(detail.steps)
        sorts = steps.contains(.decide) ? detail.items.filter { $0.action == DueAction.sort.rawValue }.map { item in
            let id = WebPages.fieldID(item.reference)
            let decided = item.decision.map { decision in
                Labels.text("disp_decision_" + decision, language) + " (\(item.decidedBy ?? "")) — \(item.decisionReason ?? "")"
            }
            return DispositionSortForm(reference: item.reference, title: item.title, id: id, keep: item.decision == "keep",
                                       destroy: item.decision == "destroy",
                                       reason: form.values["reason-" + id] ?? item.decisionReason ?? "", decided: decided,
                                       error: form.errors["reason-" + id])
        } : []
        hasSorts = !sorts.isEmpty
        canApprove = steps.contains(.approve)
        resumes = steps.contains(.resume)
        canExecute = steps.contains(.execute) || resumes
        canCancel = steps.contains(.cancel)
        hasCertificate = detail.papers.contains(.destructionCertificate)
        hasSlip = detail.papers.contains(.transferSlip)
        hasSteps = canApprove || canExecute || canCancel || hasCertificate || hasSlip
        approveError = form.errors["approve"]
        reasonError = form.errors["reason"]
        reason = form.values["reason"] ?? ""
        confirmApprove = Labels.text("disp_confirm_approve", language)
        confirmExecute = Labels.text("disp_confirm_execute", language)
        confirmCancel = Labels.text("disp_confirm_cancel", language)
        self.form = form
    }
}

/// A document a proposal left out, and why, in words.
struct LeftOutRow {
    let reference: String
    let action: String
    let due: String
    let reason: String
    let listHref: String?

    init(_ record: LeftOutRecord, _ language: Language) {
        reference = record.reference
        action = WebPages.actionName(record.action, language)
        due = record.due
        switch record.reason {
        case "in-list": reason = Labels.text("disp_left_in_list", language) + " \(record.list.map(String.init) ?? "?")"
        case "pending-review": reason = Labels.text("disp_left_pending_review", language)
        case "on-loan": reason = Labels.text("disp_left_on_loan", language) + " \(record.loan.map(String.init) ?? "?")"
        default: reason = Labels.text("disp_left_held", language)
        }
        listHref = record.list.map { "/listes/\($0)" }
    }
}

/// The page that answers a proposal: the new list, and what the proposal left out.
struct ProposalView {
    let number: String
    let href: String
    let heading: String
    let summary: String
    let items: [DispositionItemRow]
    let hasItems: Bool
    let leftOut: [LeftOutRow]
    let hasLeftOut: Bool
    let withheld: String?

    init(_ proposal: DispositionProposalResult, _ language: Language) {
        let list = proposal.list
        number = String(list.number)
        href = "/listes/\(list.number)"
        heading = Labels.text("disp_list_heading", language) + " \(list.number)"
        summary = WebPages.actionName(list.action, language) + " — " + Labels.text("disp_as_of", language) + " " + list.asOf + " — "
            + WebFormat.count(list.items, Labels.text("disp_document_one", language), Labels.text("disp_document_many", language))
        items = proposal.items.map { DispositionItemRow($0, language) }
        hasItems = !items.isEmpty
        leftOut = proposal.leftOut.map { LeftOutRow($0, language) }
        hasLeftOut = !leftOut.isEmpty
        withheld = proposal.withheld > 0
            ? Labels.text("disp_withheld", language) + " " + WebFormat.count(proposal.withheld, Labels.text("disp_document_one", language),
                                                                             Labels.text("disp_document_many", language)) + "."
            : nil
    }
}

/// One document on the certificate or the slip.
struct DispositionEntryRow {
    let reference: String
    let title: String
    let rule: String
    let support: String
    let dates: String
    let container: String
    let sha256: String?
    let doneAt: String
    let state: String
    let note: String?

    init(_ item: DispositionItemRecord, _ language: Language) {
        reference = item.reference
        title = item.title
        rule = "\(item.rule) (\(Labels.text("disp_copy_" + item.copy, language)))"
        support = item.support
        dates = WebPages.extremeDates(item)
        container = [item.box, item.file].compactMap { $0 }.joined(separator: " · ")
        sha256 = item.sha256
        doneAt = item.doneAt.map { String(WebFormat.time($0).prefix(10)) } ?? Labels.text("disp_item_started", language)
        state = item.state == "done" ? Labels.text("disp_outcome_" + (item.outcome ?? "destroyed"), language)
            : Labels.text("disp_item_" + item.state, language)
        note = item.action == DueAction.sort.rawValue ? item.decisionReason.map { Labels.text("disp_sort_note", language) + " " + $0 } : nil
    }
}

/// A signature block: who signs; the template draws the lines for the name and the date.
struct SignatureBlock {
    let role: String
}

/// What the certificate and the slip share: the heading, the people and the dates.
struct DispositionPaperHeader {
    let organisation: String?
    let number: String
    let heading: String
    let facts: [DispositionFact]
    let incomplete: String?
    let withheld: String?
    let audit: String?
    /// The chain's head at the list's last entry, which the paper anchors.
    let auditHead: String?

    init(_ certificate: DispositionCertificateRecord, organisation: String?, heading key: String, _ language: Language) {
        self.organisation = organisation
        number = String(certificate.list)
        heading = Labels.text(key, language) + " — " + Labels.text("disp_list_heading", language).lowercased() + " \(certificate.list)"
        var facts = [
            DispositionFact(label: Labels.text("disp_list_number", language), value: String(certificate.list)),
            DispositionFact(label: Labels.text("disp_action", language), value: WebPages.actionName(certificate.action, language)),
            DispositionFact(label: Labels.text("disp_as_of", language), value: certificate.asOf),
            DispositionFact(label: Labels.text("disp_proposed_by", language),
                            value: "\(certificate.proposedBy) — \(WebPages.instant(certificate.proposedAt) ?? "")"),
        ]
        if let by = certificate.approvedBy {
            facts.append(DispositionFact(label: Labels.text("disp_approved_by", language),
                                         value: "\(by) — \(WebPages.instant(certificate.approvedAt) ?? "")"))
        }
        if let by = certificate.executedBy {
            var value = "\(by) — " + Labels.text("disp_begun", language) + " " + (WebPages.instant(certificate.executionStartedAt) ?? "")
            if let end = WebPages.instant(certificate.executedAt) { value += ", " + Labels.text("disp_finished", language) + " " + end }
            facts.append(DispositionFact(label: Labels.text("disp_executed_by", language), value: value))
        }
        self.facts = facts
        incomplete = certificate.complete ? nil
            : Labels.text("disp_incomplete", language) + " " + WebFormat.number(certificate.done) + " / " + WebFormat.number(certificate.items) + "."
        withheld = certificate.withheld > 0
            ? Labels.text("disp_extract", language) + " " + WebFormat.count(certificate.withheld, Labels.text("disp_document_one", language),
                                                                            Labels.text("disp_document_many", language)) + "."
            : nil
        audit = certificate.auditSequences.isEmpty ? nil
            : Labels.text("disp_audit_entries", language) + " " + certificate.auditSequences.map(String.init).joined(separator: ", ")
        auditHead = certificate.auditHead.map {
            Labels.text("disp_audit_head", language) + " " + String($0.sequence) + ", " + Labels.text("disp_audit_hash", language) + " " + $0.hash
        }
    }
}

/// `/listes/N/certificat`: the destruction certificate (certificat de destruction), with the
/// entries `dispositionCertificate(kind: .destructionCertificate)` gives, all of them.
struct CertificateView {
    let header: DispositionPaperHeader
    let entries: [DispositionEntryRow]
    let hasEntries: Bool
    let method: String
    let vendorCertificate: String
    let hasPaper: Bool
    let signatures: [SignatureBlock]

    init(_ certificate: DispositionCertificateRecord, organisation: String?, _ language: Language) {
        header = DispositionPaperHeader(certificate, organisation: organisation, heading: "disp_certificate_title", language)
        entries = certificate.entries.map { DispositionEntryRow($0, language) }
        hasEntries = !entries.isEmpty
        // The method of destruction is shown when a document had no file Sablier deleted.
        hasPaper = certificate.entries.contains { $0.file == nil }
        method = certificate.method ?? Labels.text("disp_not_given", language)
        vendorCertificate = certificate.vendorCertificate ?? Labels.text("none", language)
        signatures = [
            SignatureBlock(role: Labels.text("disp_sign_records_manager", language)),
            SignatureBlock(role: Labels.text("disp_sign_holder", language)),
            SignatureBlock(role: Labels.text("disp_sign_witness", language)),
        ]
    }
}

/// `/listes/N/bordereau`: the transfer slip (bordereau de versement, de transfert), with the
/// entries `dispositionCertificate(kind: .transferSlip)` gives, all of them: those transferred
/// to semi-active storage in their own section, the others (deposited, kept) in the first.
struct SlipView {
    let header: DispositionPaperHeader
    let deposited: [DispositionEntryRow]
    let hasDeposited: Bool
    let transferred: [DispositionEntryRow]
    let hasTransferred: Bool
    let hasNothing: Bool
    let signatures: [SignatureBlock]

    init(_ certificate: DispositionCertificateRecord, organisation: String?, _ language: Language) {
        header = DispositionPaperHeader(certificate, organisation: organisation, heading: "disp_slip_title", language)
        let isTransfer = { (entry: DispositionItemRecord) in entry.outcome == DispositionOutcome.transferred.rawValue }
        deposited = certificate.entries.filter { !isTransfer($0) }.map { DispositionEntryRow($0, language) }
        transferred = certificate.entries.filter(isTransfer).map { DispositionEntryRow($0, language) }
        hasDeposited = !deposited.isEmpty
        hasTransferred = !transferred.isEmpty
        hasNothing = deposited.isEmpty && transferred.isEmpty
        signatures = [
            SignatureBlock(role: Labels.text("disp_sign_holder_handing", language)),
            SignatureBlock(role: Labels.text("disp_sign_records_manager", language)),
            SignatureBlock(role: Labels.text("disp_sign_received", language)),
        ]
    }
}

extension WebPages {
    /// The proposal form's action and day, or the refusal to show next to the field that holds
    /// the mistake: read apart from the route, which then only calls the use case.
    static func proposal(_ form: ProposeForm, _ language: Language) -> Result<(DueAction?, CivilDate?), FieldRefusal> {
        var action: DueAction?
        if let code = form.action, !code.isEmpty {
            guard let known = DueAction(rawValue: code) else {
                return .failure(FieldRefusal(field: "action", refusal: Refusal(.invalidValue, [
                    "field": Labels.text("disp_action", language), "value": code,
                    "allowed": DueAction.allCases.map { actionName($0.rawValue, language) }.joined(separator: ", "),
                ])))
            }
            action = known
        }
        var asOf: CivilDate?
        if let text = form.asOf?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let date = CivilDate(iso: text) else {
                return .failure(FieldRefusal(field: "asOf", refusal: Refusal(.invalidValue, [
                    "field": Labels.text("disp_as_of", language), "value": text, "allowed": "AAAA-MM-JJ",
                ])))
            }
            asOf = date
        }
        return .success((action, asOf))
    }

    /// `POST /listes`: proposes a list, then shows it with what was left out and why.
    func proposeList(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let form = try await PageForm.decode(ProposeForm.self, request)
        let language = language(request)
        let values = ["action": form.action ?? "", "asOf": form.asOf ?? ""]
        let action: DueAction?, asOf: CivilDate?
        switch Self.proposal(form, language) {
        case .success(let read): (action, asOf) = read
        case .failure(let mistake):
            return try await listsPage(request, context, form: FormState(values: values, refusal: mistake.refusal, field: mistake.field, language),
                                       status: .unprocessableContent)
        }
        let session = try session(context)
        let proposed = await outcome { () async throws(Refusal) in try await sablier.proposeDisposition(session, asOf: asOf, action: action) }
        switch proposed {
        case .success(let proposal):
            return page("disposition/proposed", title: "disp_proposed_title",
                        content: ProposalView(proposal, language), request, context, status: .created)
        case .failure(let refusal):
            // What is due on the day is the date's matter; a refused permission is no field's.
            let field = refusal.kind == .forbidden ? nil : "asOf"
            return try await listsPage(request, context, form: FormState(values: values, refusal: refusal, field: field, language),
                                       status: HTTPResponse.Status(code: refusal.kind.httpStatus))
        }
    }
}

/// A refusal about one field of a form.
struct FieldRefusal: Error {
    let field: String
    let refusal: Refusal
}
