import Foundation
import Hummingbird
import SablierApplication
import SablierCore
import SablierRegister
import SablierServer
import Synchronization

/// The register's pages: `/registre` (search), `/registre/documents/REF` (a document's card,
/// its events and its dates explained, a form to record an event), `/registre/ajouter`,
/// `/registre/importer` (a CSV upload) and `/registre/boites`.
///
/// Each handler reads its form, calls the register's use cases with the signed-in session and
/// renders their result; visibility (another unit's document reads as a missing one),
/// permissions and validation are the use cases'. The forms offered follow the permission
/// matrix only to hide what the person could not do anyway.
extension WebPages {
    /// Rows of a search page.
    static let registerPageSize = 50
    /// An upload larger than this runs as a job with its own progress page; a smaller one is
    /// imported while the browser waits, and its problems are shown on the form.
    static let registerDirectImportBytes = 1 << 20

    func addRegister(to router: RouterGroup<APIRequestContext>) {
        router.get("registre") { request, context -> Response in
            try await registerSearchPage(request, context)
        }
        router.get("registre/documents/:reference") { request, context -> Response in
            let reference = try context.parameters.text("reference")
            let card = try await sablier.documentCard(try session(context), reference)
            return try await registerDocumentPage(card, RegisterEventFormView(today: today, language(request)), request, context)
        }
        router.post("registre/documents/:reference/evenements") { request, context -> Response in
            try await registerRecordEventPage(request, context)
        }
        router.get("registre/ajouter") { request, context -> Response in
            var values = ["copy": CopyKind.principal.rawValue, "holder": try session(context).user.unit]
            values["support"] = Support.papier.code
            return try await registerAddPage(FormState(values: values), request, context)
        }
        router.post("registre/ajouter") { request, context -> Response in
            try await registerAddDocument(request, context)
        }
        router.get("registre/importer") { request, context -> Response in
            page("register/import", title: "reg_import_title", content: RegisterImportView(form: FormState(), result: nil), request, context)
        }
        router.post("registre/importer") { request, context -> Response in
            try await registerImport(request, context)
        }
        router.get("registre/importer/resultats/:id") { request, context -> Response in
            let owner = try session(context).user.name
            guard let id = context.parameters.get("id"),
                  let kept = importOutcomes.outcome(id, owner: owner, now: sablier.clock.now) else { throw PageFailure.notFound }
            return registerImportOutcomePage(kept.imported, skip: kept.skip, request, context)
        }
        router.get("registre/boites") { request, context -> Response in
            try await registerBoxesPage(FormState(), request, context)
        }
        router.post("registre/boites") { request, context -> Response in
            let form = try await PageForm.decode(RegisterBoxForm.self, request)
            let session = try session(context)
            switch await outcome({ () async throws(Refusal) in
                try await sablier.addBox(session, code: form.code ?? "", location: form.location ?? "", contents: form.contents.registerNonEmpty)
            }) {
            case .success:
                return redirect("/registre/boites", done: "reg_box_added")
            case .failure(let refusal):
                if refusal.kind == .forbidden { throw refusal }
                let values = ["code": form.code ?? "", "location": form.location ?? "", "contents": form.contents ?? ""]
                let state = FormState(values: values, refusal: refusal, field: Self.registerField(of: refusal, among: ["code", "location", "contents"]),
                                      language(request))
                return try await registerBoxesPage(state, request, context, status: .unprocessableContent)
            }
        }
    }

    /// The input a refusal is about, when it is one of `fields`.
    static func registerField(of refusal: Refusal, among fields: [String]) -> String? {
        refusal.values["field"].flatMap { fields.contains($0) ? $0 : nil }
    }

}

// MARK: - Search

extension WebPages {
    struct RegisterSearchView {
        var form: FormState
        var query: String
        var rule: String
        var unit: String
        var title: String
        var dueBy: String
        var supports: [RegisterOption]
        var phases: [RegisterOption]
        var heldOptions: [RegisterOption]
        var rules: [RegisterOption]
        var searched: Bool
        var count: String
        var shownRange: String?
        var withheld: String?
        var rows: [RegisterRow]
        var hasRows: Bool
        var previous: String?
        var next: String?
        var mayAdd: Bool
    }

    struct RegisterOption {
        var value: String
        var label: String
        var selected: Bool
    }

    struct RegisterRow {
        var reference: String
        var href: String
        var title: String
        var rule: String
        var unit: String
        var support: String
        var phaseDue: String
        var held: Bool
    }

    func registerSearchPage(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let language = language(request)
        let session = try session(context)
        let parameters = request.uri.queryParameters
        func text(_ name: String) -> String { (parameters.get(name) ?? "").trimmingCharacters(in: .whitespaces) }
        let query = text("q"), rule = text("regle"), unit = text("unite"), support = text("support"), phase = text("phase")
        let title = text("titre"), dueText = text("echeance"), held = text("gel")
        let number = PageNumber.read(text("page"))

        var state = FormState(values: ["q": query])
        var listing: DocumentSearchPage?
        var dueBy: CivilDate?
        if !dueText.isEmpty {
            dueBy = CivilDate(iso: dueText)
            if dueBy == nil { state.add(Refusal.invalidValue("echeance", dueText, allowed: ["AAAA-MM-JJ"]), field: "echeance", language) }
        }
        if !state.hasProblems {
            // Each field goes apart to the use case, which makes it one term whatever it holds.
            func given(_ value: String) -> String? { value.isEmpty ? nil : value }
            let search = DocumentSearch(query: given(query), rule: given(rule), holder: given(unit), support: given(support),
                                        phase: given(phase), titleContains: given(title), dueBy: dueBy,
                                        held: held == "oui" ? true : held == "non" ? false : nil)
            let offset = (number - 1) * Self.registerPageSize
            switch await outcome({ () async throws(Refusal) in
                try await sablier.searchDocuments(session, search, offset: offset, limit: Self.registerPageSize)
            }) {
            case .success(let page): listing = page
            case .failure(let refusal):
                guard refusal.kind == .invalidInput else { throw refusal }
                state.add(refusal, field: refusal.code == .invalidQuery && !query.isEmpty ? "q" : nil, language)
            }
        }

        let rules = await outcome({ () async throws(Refusal) in try await sablier.calendarRules(session) })
        let ruleOptions = ((try? rules.get())?.rules ?? []).map { RegisterOption(value: $0.rule, label: "\($0.rule) — \($0.title)", selected: $0.rule == rule) }
        var view = RegisterSearchView(
            form: state, query: query, rule: rule, unit: unit, title: title, dueBy: dueText,
            supports: Self.registerSupportOptions(selected: support, language),
            phases: Phase.allCases.map { RegisterOption(value: $0.rawValue, label: Self.registerPhaseLabel($0.rawValue, language), selected: $0.rawValue == phase) },
            heldOptions: [RegisterOption(value: "oui", label: Labels.text("reg_held_yes", language), selected: held == "oui"),
                          RegisterOption(value: "non", label: Labels.text("reg_held_no", language), selected: held == "non")],
            rules: ruleOptions, searched: listing != nil, count: "", shownRange: nil, withheld: nil, rows: [], hasRows: false,
            previous: nil, next: nil, mayAdd: offers(.registerDocuments, to: session))
        if let listing {
            view.count = WebFormat.count(listing.total, Labels.text("reg_count_one", language), Labels.text("reg_count_many", language))
            view.rows = listing.documents.map { Self.registerRow($0, language) }
            view.hasRows = !view.rows.isEmpty
            if listing.total > listing.documents.count, !listing.documents.isEmpty {
                view.shownRange = "\(WebFormat.number(listing.offset + 1))–\(WebFormat.number(listing.offset + listing.documents.count))"
            }
            if let withheld = listing.withheld, withheld > 0 { view.withheld = WebFormat.number(withheld) }
            let pageLink = { (page: Int) -> String in
                var pairs: [(String, String)] = [("q", query), ("regle", rule), ("unite", unit), ("support", support), ("phase", phase),
                                                 ("titre", title), ("echeance", dueText), ("gel", held)].filter { !$0.1.isEmpty }
                pairs.append(("page", String(page)))
                return "/registre?" + pairs.map { "\($0.0)=\(Self.queryEscaped($0.1))" }.joined(separator: "&")
            }
            if number > 1 { view.previous = pageLink(number - 1) }
            if listing.offset + listing.documents.count < listing.total { view.next = pageLink(number + 1) }
        }
        return page("register/search", title: "reg_search_title", content: view, request, context,
                    status: state.hasProblems ? .unprocessableContent : .ok)
    }

    static func registerRow(_ entry: DocumentEntry, _ language: Language) -> RegisterRow {
        var phaseDue = registerPhaseLabel(entry.phase, language)
        if let due = entry.dueOn {
            phaseDue += " · " + due
        } else if entry.waiting != nil {
            phaseDue += " · " + Labels.text("reg_waiting", language)
        }
        return RegisterRow(reference: entry.reference, href: registerDocumentHref(entry.reference), title: entry.title, rule: entry.rule,
                           unit: entry.holder, support: registerSupportLabel(entry.support, language), phaseDue: phaseDue, held: entry.held)
    }

    /// `/registre/documents/<reference percent-encoded>`, the address other pages link to.
    static func registerDocumentHref(_ reference: String) -> String {
        "/registre/documents/" + pathSegment(reference)
    }

    static func registerPhaseLabel(_ phase: String, _ language: Language) -> String {
        let key = "reg_phase_" + phase.replacingOccurrences(of: "-", with: "_")
        return Labels.all[key]?.text(language) ?? phase
    }

    /// A support code in words when the page knows it (`Papier`), else the code itself.
    static func registerSupportLabel(_ code: String, _ language: Language) -> String {
        Labels.all["reg_support_" + code]?.text(language) ?? code
    }

    static let registerSupports = ["PA", "DM", "FI", "MI", "AV", "PH"]

    static func registerSupportOptions(selected: String, _ language: Language) -> [RegisterOption] {
        registerSupports.map { RegisterOption(value: $0, label: "\(registerSupportLabel($0, language)) (\($0))", selected: $0 == selected) }
    }
}

// MARK: - A document's card and its events

extension WebPages {
    struct RegisterCardField {
        var label: String
        var value: String
        var href: String?
        var mono: Bool
    }

    struct RegisterTimelineEntry {
        var on: String
        var kind: String
        var by: String
        var notes: [String]
    }

    struct RegisterHoldRow {
        var id: String
        var scope: String
        var reason: String
        var since: String
        var by: String
    }

    struct RegisterEventFormView {
        var kinds: [RegisterOption]
        var on: String
        var name: String
        var reason: String
        var detail: String
        var state: FormState

        init(today: CivilDate, kind: String = "", on: String? = nil, name: String = "", reason: String = "", detail: String = "",
             state: FormState = FormState(), _ language: Language = .fr) {
            kinds = LifecycleEventKind.recordedByPeople.map {
                RegisterOption(value: $0.rawValue, label: WebPages.registerKindLabel($0.rawValue, language), selected: $0.rawValue == kind)
            }
            self.on = on ?? today.description
            self.name = name
            self.reason = reason
            self.detail = detail
            self.state = state
        }
    }

    struct RegisterCardView {
        var reference: String
        var heading: String
        var held: Bool
        var phase: String
        var fields: [RegisterCardField]
        var storage: [RegisterCardField]
        var hasStorage: Bool
        var events: [RegisterTimelineEntry]
        var hasEvents: Bool
        var asOf: String
        var explanation: [String]
        var holds: [RegisterHoldRow]
        var hasHolds: Bool
        var mayRecord: Bool
        var eventAction: String
        var event: RegisterEventFormView
        /// The event form's state, as `form` for the shared problems partial.
        var form: FormState
    }

    static func registerKindLabel(_ kind: String, _ language: Language) -> String {
        Labels.all["reg_kind_" + kind.replacingOccurrences(of: "-", with: "_")]?.text(language) ?? kind
    }

    func registerDocumentPage(_ card: DocumentCard, _ event: RegisterEventFormView, _ request: Request, _ context: APIRequestContext,
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let language = language(request)
        let session = try session(context)
        let d = card.detail.document
        func field(_ key: String, _ value: String?, href: String? = nil, mono: Bool = false) -> RegisterCardField? {
            guard let value, !value.isEmpty else { return nil }
            return RegisterCardField(label: Labels.text(key, language), value: value, href: href, mono: mono)
        }
        let shownRule = try? await outcome({ () async throws(Refusal) in try await sablier.calendarRule(session, d.rule) }).get()
        let ruleText = shownRule.map { "\(d.rule) — \($0.rule.title)" } ?? d.rule
        var finalText: String?
        if let action = d.finalAction {
            finalText = Labels.text("reg_action_" + action, language) + (d.finalOn.map { " — " + $0 } ?? "")
        }
        let dueNow = card.detail.due.map { Labels.text("reg_action_" + $0.action, language) + " — " + $0.due }
        let identifiers = d.identifiers.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        let fields: [RegisterCardField] = [
            field("reg_card_reference", d.reference),
            field("reg_card_title_field", d.title),
            field("reg_card_rule", ruleText),
            field("reg_card_copy", Labels.all["reg_copy_" + d.copy]?.text(language) ?? d.copy),
            field("reg_card_support", "\(Self.registerSupportLabel(d.support, language)) (\(d.support))"),
            field("reg_card_holder", d.holder),
            field("reg_card_opened", d.opened),
            field("reg_card_closed", d.closed),
            field("reg_card_phase", Self.registerPhaseLabel(d.phase, language)),
            field("reg_card_held", Labels.text(d.held ? "yes" : "no", language)),
            field("reg_card_transfer_on", d.transferOn),
            field("reg_card_final", finalText),
            field("reg_card_next_due", d.dueOn),
            field("reg_card_due_now", dueNow),
            field("reg_card_waiting", d.waitingLabel),
            field("reg_card_replaces", d.replaces, href: d.replaces.map(Self.registerDocumentHref)),
            field("reg_card_digitized_from", d.digitizedFrom, href: d.digitizedFrom.map(Self.registerDocumentHref)),
            field("reg_card_identifiers", identifiers),
            field("reg_card_calendar_version", String(d.calendarVersion)),
            field("reg_card_registered", "\(WebFormat.time(d.registeredAt)) UTC \(Labels.text("reg_card_by", language)) \(d.registeredBy)"),
        ].compactMap { $0 }
        let storage: [RegisterCardField] = [
            field("reg_card_box", d.box, href: d.box.map { "/registre?q=" + Self.queryEscaped("box=\($0)") }),
            field("reg_card_location", d.location),
            field("reg_card_file", d.file?.path, mono: true),
            field("reg_card_sha256", d.file?.sha256, mono: true),
            field("reg_card_size", d.file.map { WebFormat.number($0.size) }),
            field("reg_card_format", d.file?.format),
        ].compactMap { $0 }
        let events = card.detail.events.map { event in
            // A hold's events carry the hold's number as their detail.
            let isHold = event.kind == LifecycleEventKind.holdPlaced.rawValue || event.kind == LifecycleEventKind.holdReleased.rawValue
            let detail = isHold ? event.detail.map { Labels.text("reg_hold_number", language) + " " + $0 } : event.detail
            return RegisterTimelineEntry(on: event.on, kind: Self.registerKindLabel(event.kind, language), by: event.by,
                                         notes: [event.name, event.reason, detail].compactMap { $0 }.filter { !$0.isEmpty })
        }
        let holds = card.holds.map { hold in
            RegisterHoldRow(id: String(hold.id), scope: (Labels.all["reg_scope_" + hold.scope]?.text(language) ?? hold.scope) + " " + hold.target, reason: hold.reason,
                    since: String(WebFormat.time(hold.placedAt).prefix(10)), by: hold.placedBy)
        }
        let view = RegisterCardView(
            reference: d.reference, heading: "\(d.reference) — \(d.title)", held: d.held, phase: Self.registerPhaseLabel(d.phase, language),
            fields: fields, storage: storage, hasStorage: !storage.isEmpty, events: events, hasEvents: !events.isEmpty,
            asOf: card.detail.asOf, explanation: card.detail.explanation, holds: holds, hasHolds: !holds.isEmpty,
            mayRecord: offers(.recordEvents, to: session) && d.phase != Phase.inactifDetruit.rawValue,
            eventAction: Self.registerDocumentHref(d.reference) + "/evenements", event: event, form: event.state)
        return page("register/document", title: "reg_card_title", content: view, request, context, status: status)
    }

    struct RegisterEventForm: Decodable {
        var kind: String?
        var on: String?
        var name: String?
        var reason: String?
        var detail: String?
    }

    func registerRecordEventPage(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let reference = try context.parameters.text("reference")
        let form = try await PageForm.decode(RegisterEventForm.self, request)
        let session = try session(context)
        let language = language(request)
        let onText = (form.on ?? "").trimmingCharacters(in: .whitespaces)
        let result = await outcome { () async throws(Refusal) -> EventRecorded in
            var day: CivilDate?
            if !onText.isEmpty {
                guard let date = CivilDate(iso: onText) else { throw Refusal.invalidValue("on", onText, allowed: ["AAAA-MM-JJ"]) }
                day = date
            }
            return try await sablier.recordEvent(session, reference, kind: form.kind ?? "", on: day, name: form.name.registerNonEmpty,
                                                 reason: form.reason.registerNonEmpty, detail: form.detail.registerNonEmpty)
        }
        switch result {
        case .success:
            return redirect(Self.registerDocumentHref(reference), done: "reg_event_recorded")
        case .failure(let refusal):
            // A document the person may not see reads as a missing one: the error page, not the form.
            guard refusal.kind == .invalidInput || refusal.kind == .conflict else { throw refusal }
            let card = try await sablier.documentCard(session, reference)
            var field = Self.registerField(of: refusal, among: ["kind", "on", "name", "reason", "detail"])
            if field == nil, form.kind == LifecycleEventKind.eventOccurred.rawValue, refusal.kind == .invalidInput { field = "name" }
            let state = FormState(values: [:], refusal: refusal, field: field.map { "event_" + $0 }, language)
            let event = RegisterEventFormView(today: today, kind: form.kind ?? "", on: onText, name: form.name ?? "", reason: form.reason ?? "",
                                      detail: form.detail ?? "", state: state, language)
            return try await registerDocumentPage(card, event, request, context, status: .unprocessableContent)
        }
    }
}

// MARK: - Adding a document

extension WebPages {
    /// The fields of `document add`, named as the register CSV's columns.
    struct RegisterAddForm: Decodable {
        var reference: String?
        var title: String?
        var rule: String?
        var copy: String?
        var support: String?
        var holder: String?
        var opened: String?
        var closed: String?
        var location: String?
        var box: String?
        var event: String?
        var event_date: String?
        var replaces: String?
        var digitized_from: String?
        var identifiers: String?
        var transferred: String?

        var values: [String: String] {
            var values: [String: String] = [:]
            let all: [(String, String?)] = [
                ("reference", reference), ("title", title), ("rule", rule), ("copy", copy), ("support", support), ("holder", holder),
                ("opened", opened), ("closed", closed), ("location", location), ("box", box), ("event", event),
                ("event_date", event_date), ("replaces", replaces), ("digitized_from", digitized_from),
                ("identifiers", identifiers), ("transferred", transferred),
            ]
            for (key, value) in all { values[key] = value ?? "" }
            return values
        }

        var draft: DocumentDraft {
            var draft = DocumentDraft()
            draft.reference = reference ?? ""; draft.title = title ?? ""; draft.rule = rule ?? ""; draft.copy = copy ?? ""
            draft.support = support ?? ""; draft.holder = holder ?? ""; draft.opened = opened ?? ""; draft.closed = closed ?? ""
            draft.location = location ?? ""; draft.box = box ?? ""; draft.event = event ?? ""; draft.eventDate = event_date ?? ""
            draft.replaces = replaces ?? ""; draft.digitizedFrom = digitized_from ?? ""; draft.identifiers = identifiers ?? ""
            draft.transferred = transferred ?? ""
            return draft
        }
    }

    struct RegisterAddView {
        var form: FormState
        var v: [String: String]
        var rules: [RegisterOption]
        var hasCalendar: Bool
        var copies: [RegisterOption]
        var supports: [RegisterOption]
        var boxes: [RegisterOption]
    }

    static let registerAddFields = ["reference", "title", "rule", "copy", "support", "holder", "opened", "closed", "location", "box", "event",
                            "event_date", "replaces", "digitized_from", "identifiers", "transferred"]

    func registerAddPage(_ state: FormState, _ request: Request, _ context: APIRequestContext,
                         status: HTTPResponse.Status = .ok) async throws -> Response {
        let language = language(request)
        let session = try session(context)
        let values = state.values
        let rules = (try? await outcome({ () async throws(Refusal) in try await sablier.calendarRules(session) }).get())?.rules ?? []
        let boxes = (try? await outcome({ () async throws(Refusal) in try await sablier.boxes(session) }).get()) ?? []
        let view = RegisterAddView(
            form: state, v: values,
            rules: rules.map { RegisterOption(value: $0.rule, label: "\($0.rule) — \($0.title)", selected: $0.rule == values["rule"]) },
            hasCalendar: !rules.isEmpty,
            copies: CopyKind.allCases.map {
                RegisterOption(value: $0.rawValue, label: Labels.text("reg_copy_" + $0.rawValue, language), selected: $0.rawValue == values["copy"])
            },
            supports: Self.registerSupportOptions(selected: values["support"] ?? "", language),
            boxes: boxes.map { RegisterOption(value: $0.code, label: $0.location.description.isEmpty ? $0.code : "\($0.code) — \($0.location)",
                                      selected: $0.code == values["box"]) })
        return page("register/add", title: "reg_add_title", content: view, request, context, status: status)
    }

    func registerAddDocument(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let form = try await PageForm.decode(RegisterAddForm.self, request)
        let session = try session(context)
        let language = language(request)
        switch await outcome({ () async throws(Refusal) in try await sablier.registerDocument(session, form.draft) }) {
        case .success(let registered):
            return redirect(Self.registerDocumentHref(registered.document.reference), done: "reg_added")
        case .failure(let refusal):
            if refusal.kind == .forbidden { throw refusal }
            var state = FormState(values: form.values)
            if refusal.code == .rejectedInput {
                // Each problem of the draft names its field: shown next to that input, and
                // linked from the summary; the others in the summary alone.
                for diagnostic in refusal.diagnostics where diagnostic.severity == .error {
                    let field = diagnostic.field.flatMap { Self.registerAddFields.contains($0) ? $0 : nil }
                    // `field title: …`: the input it stands next to already names the field.
                    let prefix = "field \(diagnostic.field ?? ""): "
                    let message = diagnostic.code != nil ? MessageCatalogue.message(diagnostic, in: language) : diagnostic.message.hasPrefix(prefix) ? String(diagnostic.message.dropFirst(prefix.count)) : diagnostic.message
                    if let field, state.errors[field] == nil { state.errors[field] = message }
                    state.problems.append(FormState.Problem(field: field, message: message))
                }
                state.hasProblems = true
            } else {
                state.add(refusal, field: Self.registerField(of: refusal, among: Self.registerAddFields), language)
            }
            return try await registerAddPage(state, request, context, status: .unprocessableContent)
        }
    }
}

// MARK: - Importing a register

extension WebPages {
    struct RegisterImportForm: Decodable {
        var fichier: UploadedFile?
        var ignorer: String?
    }

    struct RegisterImportResult {
        var registered: String
        var rejectedLines: String?
    }

    /// One problem of an uploaded file, under its line: the column it is about, apart from its sentence.
    struct RegisterDiagnosticRow {
        var line: String
        var field: String
        var severity: String
        var isError: Bool
        var message: String

        init(_ diagnostic: Diagnostic, _ language: Language) {
            line = diagnostic.location.line > 0 ? String(diagnostic.location.line) : ""
            isError = diagnostic.severity == .error
            severity = Labels.text(isError ? "severity_error" : "severity_warning", language)
            var field = diagnostic.field ?? ""
            var message = MessageCatalogue.message(diagnostic, in: language)
            // The register's checks write `column rule: …`; the table gives the column its own cell.
            if message.hasPrefix("column "), let colon = message.firstIndex(of: ":") {
                if field.isEmpty { field = String(message[message.index(message.startIndex, offsetBy: 7)..<colon]) }
                message = message[message.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            self.field = field
            self.message = message
        }
    }

    struct RegisterImportView {
        var form: FormState
        var result: RegisterImportResult?
        var skip: Bool = false
        var rows: [RegisterDiagnosticRow] = []
        var hasRows = false

        /// The form with the file's problems in the table of lines rather than in the summary's.
        init(form: FormState, result: RegisterImportResult?, skip: Bool = false, diagnostics: [Diagnostic] = [], _ language: Language = .fr) {
            var form = form
            form.diagnostics = []
            form.hasDiagnostics = false
            self.form = form
            self.result = result
            self.skip = skip
            rows = diagnostics.map { RegisterDiagnosticRow($0, language) }
            hasRows = !rows.isEmpty
        }
    }

    /// What an import did: how many documents, which lines were left out, and each problem under its line.
    func registerImportOutcomePage(_ imported: DocumentImport, skip: Bool, _ request: Request, _ context: APIRequestContext) -> Response {
        let result = RegisterImportResult(
            registered: WebFormat.number(imported.registered),
            rejectedLines: imported.rejectedLines.isEmpty ? nil : imported.rejectedLines.map(String.init).joined(separator: ", "))
        return page("register/import", title: "reg_import_title",
                    content: RegisterImportView(form: FormState(), result: result, skip: skip, diagnostics: imported.diagnostics, language(request)),
                    request, context)
    }

    func registerImport(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let form = try await PageForm.decode(RegisterImportForm.self, request)
        let session = try session(context)
        let language = language(request)
        let skip = form.ignorer != nil
        guard let file = form.fichier, !file.isEmpty else {
            var state = FormState()
            state.add(label: "reg_import_no_file", field: "fichier", language)
            return page("register/import", title: "reg_import_title", content: RegisterImportView(form: state, result: nil, skip: skip),
                        request, context, status: .unprocessableContent)
        }
        let now = sablier.clock.now
        let id = try held.keep(file.data, filename: file.filename, owner: session.user.name, now: now)
        guard let kept = held.file(id, owner: session.user.name, now: now) else { throw PageFailure.notFound }
        let name = file.filename
        let sablier = sablier, held = held
        let run = { @Sendable () async -> Result<DocumentImport, Refusal> in
            defer { held.release(id) }
            // The diagnostics and the result name the person's file, not the held copy's path.
            return await outcome { () async throws(Refusal) in
                try await sablier.importDocuments(session, file: kept.path, named: name, skipInvalid: skip)
            }
        }
        if file.data.readableBytes > Self.registerDirectImportBytes {
            let owner = session.user.name
            return try startJob(context, titleKey: "reg_import_job") { _ async throws(Refusal) -> (String, String?) in
                let imported = try await run().get()
                // The rejected lines and the warnings are the import's outcome too: kept for
                // the person, on a page of their own that the job's page links to.
                let id = importOutcomes.keep(imported, skip: skip, owner: owner, now: sablier.clock.now)
                return ("/registre/importer/resultats/\(id)", "reg_import_job_done")
            }
        }
        switch await run() {
        case .success(let imported):
            return registerImportOutcomePage(imported, skip: skip, request, context)
        case .failure(let refusal):
            if refusal.kind == .forbidden { throw refusal }
            let state = FormState(values: [:], refusal: refusal, field: nil, language)
            return page("register/import", title: "reg_import_title",
                        content: RegisterImportView(form: state, result: nil, skip: skip, diagnostics: refusal.diagnostics, language),
                        request, context, status: .unprocessableContent)
        }
    }
}

// MARK: - Boxes

extension WebPages {
    struct RegisterBoxForm: Decodable {
        var code: String?
        var location: String?
        var contents: String?
    }

    struct RegisterBoxRow {
        var code: String
        var location: String
        var contents: String
        var documentsHref: String
    }

    struct RegisterBoxesView {
        var form: FormState
        var boxes: [RegisterBoxRow]
        var hasBoxes: Bool
        var count: String
        var mayAdd: Bool
    }

    func registerBoxesPage(_ state: FormState, _ request: Request, _ context: APIRequestContext,
                   status: HTTPResponse.Status = .ok) async throws -> Response {
        let boxes = try await sablier.boxes(try session(context))
        let rows = boxes.map { box in
            RegisterBoxRow(code: box.code, location: box.location.description, contents: box.contents ?? "",
                   documentsHref: "/registre?q=" + Self.queryEscaped("box=\(box.code)"))
        }
        let view = RegisterBoxesView(form: state, boxes: rows, hasBoxes: !rows.isEmpty, count: WebFormat.number(rows.count),
                             mayAdd: offers(.registerDocuments, to: try session(context)))
        return page("register/boxes", title: "reg_boxes_title", content: view, request, context, status: status)
    }
}

extension String? {
    /// The text, or nil when it is absent or blank: an optional form field left empty.
    fileprivate var registerNonEmpty: String? {
        guard let self, !self.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return self
    }
}
