import Foundation
import Hummingbird
import SablierApplication
import SablierCore
import SablierServer

/// The calendar pages: `/calendrier` (the versions), a version's rules with their search, a
/// rule's card in the law's words, the comparison of two versions field by field, the import of
/// a file (a dry run with every diagnostic at its line and the effect on the register, then the
/// import as a job once confirmed), and the open (888) periods with their events to confirm.
///
/// Each handler calls the calendar use cases with the signed-in person's session and renders
/// what they return; who may read or import is theirs to say. The matrix is read only to hide
/// a link or a form the person could not use, as the navigation does.
extension WebPages {
    func addCalendar(to router: RouterGroup<APIRequestContext>) {
        router.get("calendrier") { request, context -> Response in
            let session = try session(context)
            let versions = try await sablier.calendarVersions(session)
            let view = CalendarVersionsView(versions, canManage: offers(.manageCalendar, to: session), language(request))
            return page("calendar/versions", title: "cal_title", content: view, request, context)
        }
        router.get("calendrier/versions/:version") { request, context -> Response in
            let version = try Self.versionNumber(context)
            let list = try await sablier.calendarRules(try session(context), version: version)
            let query = request.uri.queryParameters.get("q") ?? ""
            let view = CalendarRulesView(list, query: query, language(request))
            return page("calendar/rules", title: "cal_rules_title", content: view, request, context)
        }
        // The version as BAnQ's GALA XML or Sablier's own, as `calendar export` writes it.
        router.get("calendrier/versions/:version/export") { request, context -> Response in
            let version = try Self.versionNumber(context)
            guard let format = CalendarExportFormat(rawValue: request.uri.queryParameters.get("format").map { String($0) } ?? "gala")
            else { throw PageFailure.notFound }
            let name = "calendrier-v\(version)-\(format.rawValue).xml"
            let export = try await sablier.exportCalendar(try session(context), format: format, version: version, file: name)
            return Response(status: .ok, headers: [.contentType: "application/xml; charset=utf-8",
                                                   .contentDisposition: "attachment; filename=\"\(name)\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: export.data)))
        }
        router.get("calendrier/versions/:version/regles/:rule") { request, context -> Response in
            let version = try Self.versionNumber(context)
            guard let number = try? context.parameters.text("rule"), !number.isEmpty else { throw PageFailure.notFound }
            let shown = try await sablier.calendarRule(try session(context), number, version: version)
            return page("calendar/rule", title: "cal_rule_title", content: RuleCardView(shown, language(request)), request, context)
        }
        // A rule of the version in force, for the pages that name a rule without its version.
        router.get("calendrier/regles/:rule") { request, context -> Response in
            guard let number = try? context.parameters.text("rule"), !number.isEmpty else { throw PageFailure.notFound }
            let shown = try await sablier.calendarRule(try session(context), number)
            return page("calendar/rule", title: "cal_rule_title", content: RuleCardView(shown, language(request)), request, context)
        }
        router.get("calendrier/comparer") { request, context -> Response in
            let session = try session(context)
            let versions = try await sablier.calendarVersions(session)
            let from = request.uri.queryParameters.get("de").flatMap { Int($0) }
            let to = request.uri.queryParameters.get("a").flatMap { Int($0) }
            var comparison: CalendarComparison?
            if let from, let to { comparison = try await sablier.compareCalendars(session, from: from, to: to) }
            let view = CalendarCompareView(versions: versions, from: from, to: to, comparison: comparison, language(request))
            return page("calendar/compare", title: "cal_compare_heading", content: view, request, context)
        }
        router.get("calendrier/importer") { request, context -> Response in
            page("calendar/import", title: "cal_import_title", content: CalendarImportFormView(form: FormState()), request, context)
        }
        router.post("calendrier/importer") { request, context -> Response in
            try await checkCalendarUpload(request, context)
        }
        router.post("calendrier/importer/confirmer") { request, context -> Response in
            let form = try await PageForm.decode(HeldFileForm.self, request)
            let session = try session(context)
            // Taken, not read: a confirmation sent twice finds nothing the second time, and imports once.
            guard let file = held.take(form.fichier, owner: session.user.name, now: sablier.clock.now) else { throw PageFailure.notFound }
            let (sablier, held, maxBytes) = (self.sablier, self.held, configuration.maxUploadBytes)
            return try startJob(context, titleKey: "cal_import_job") { _ throws(Refusal) in
                defer { held.discard(file) }
                // The version and the audit trail record the person's file name, not the held copy's path.
                let result = try await sablier.importCalendar(session, file: file.path, named: file.filename, maxBytes: maxBytes)
                return ("/calendrier/versions/\(result.version)", "cal_imported")
            }
        }
        router.get("calendrier/periodes-ouvertes") { request, context -> Response in
            let session = try session(context)
            let entries = try await sablier.openPeriods(session)
            let view = OpenPeriodsView(entries, canManage: offers(.manageCalendar, to: session), form: FormState(), failed: nil, language(request))
            return page("calendar/open-periods", title: "cal_open_title", content: view, request, context)
        }
        router.post("calendrier/periodes-ouvertes") { request, context -> Response in
            try await confirmOpenPeriod(request, context)
        }
    }

    /// The upload's form: the file, and nothing else (`_csrf` is the middleware's).
    struct UploadForm: Decodable { var fichier: UploadedFile? }
    /// The confirmation's form: the id under which the checked file is held.
    struct HeldFileForm: Decodable { var fichier: String }
    /// One open period's confirmation.
    struct ConfirmEventForm: Decodable {
        var rule: String
        var copy: String
        var period: String
        var event: String?
        var offset: String?
    }

    /// Keeps the uploaded file, checks it as `calendar import --dry-run` does, and shows every
    /// diagnostic at its line, the summary and the effect on the register; a file with an error
    /// is released at once and offers no confirmation.
    func checkCalendarUpload(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let language = language(request)
        let form = try await PageForm.decode(UploadForm.self, request)
        guard let upload = form.fichier, !upload.isEmpty else {
            var state = FormState()
            state.add(label: "cal_import_no_file", field: "fichier", language)
            return page("calendar/import", title: "cal_import_title", content: CalendarImportFormView(form: state), request, context,
                        status: .unprocessableContent)
        }
        let session = try session(context)
        let name = Self.safeFilename(upload.filename)
        let id = try held.keep(upload.data, filename: name, owner: session.user.name, now: sablier.clock.now)
        guard let file = held.file(id, owner: session.user.name, now: sablier.clock.now) else { throw PageFailure.notFound }
        let path = file.path
        let lines = Self.lines(of: upload.data)
        let maxBytes = configuration.maxUploadBytes
        switch await outcome({ () async throws(Refusal) in
            try await sablier.importCalendar(session, file: path, named: name, maxBytes: maxBytes, dryRun: true)
        }) {
        case .success(let result):
            var impact: CalendarImpactView?
            let current = try await sablier.calendarVersions(session).last?.version
            if let current {
                let report = await outcome({ () async throws(Refusal) in
                    try await sablier.calendarImpact(session, from: current, to: .file(path, maxBytes: maxBytes, named: name))
                })
                impact = CalendarImpactView(report, language)
            }
            let view = CalendarCheckView(accepted: result, filename: name, heldID: id, lines: lines, impact: impact,
                                         firstCalendar: current == nil, language)
            return page("calendar/check", title: "cal_check_title", content: view, request, context)
        case .failure(let refusal):
            held.release(id)
            guard refusal.code == .calendarRejected else {
                guard refusal.kind == .invalidInput else { throw refusal }
                let state = FormState(refusal: refusal, field: "fichier", language)
                return page("calendar/import", title: "cal_import_title", content: CalendarImportFormView(form: state), request, context,
                            status: .unprocessableContent)
            }
            let view = CalendarCheckView(rejected: refusal, filename: name, lines: lines, language)
            return page("calendar/check", title: "cal_check_title", content: view, request, context, status: .unprocessableContent)
        }
    }

    /// Confirms the event that ends one open period; a refusal is shown on that period's form.
    func confirmOpenPeriod(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let language = language(request)
        let form = try await PageForm.decode(ConfirmEventForm.self, request)
        guard let copy = CopyKind(code: form.copy), let period = CopyField(rawValue: form.period) else { throw PageFailure.form }
        let session = try session(context)
        let key = OpenPeriodsView.key(rule: form.rule, copy: copy.rawValue, period: period.rawValue)
        let event = form.event?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        let offsetText = form.offset?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        var state = FormState(values: ["event": form.event ?? "", "offset": form.offset ?? ""])
        let offset = offsetText.flatMap { Int($0) }
        if offsetText != nil, offset == nil {
            state.add(label: "cal_offset_invalid", field: "offset-\(key)", language)
        } else {
            switch await outcome({ () async throws(Refusal) in
                try await sablier.confirmEvent(session, rule: form.rule, copy: copy, period: period, event: event, offsetYears: offset)
            }) {
            case .success:
                return redirect("/calendrier/periodes-ouvertes", done: "cal_event_confirmed")
            case .failure(let refusal):
                guard refusal.kind == .invalidInput || refusal.kind == .conflict else { throw refusal }
                state.add(refusal, field: "event-\(key)", language)
            }
        }
        let entries = try await sablier.openPeriods(session)
        let view = OpenPeriodsView(entries, canManage: offers(.manageCalendar, to: session), form: state, failed: key, language)
        return page("calendar/open-periods", title: "cal_open_title", content: view, request, context, status: .unprocessableContent)
    }

    static func versionNumber(_ context: APIRequestContext) throws -> Int {
        guard let text = context.parameters.get("version"), let number = Int(text), number > 0 else { throw PageFailure.notFound }
        return number
    }

    /// The name the person's browser gave, without folders, hidden dots or control characters.
    static func safeFilename(_ name: String) -> String {
        let last = (name as NSString).lastPathComponent
        let cleaned = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) && $0 != "/" && $0 != "\\" })
            .trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        return cleaned.isEmpty ? "calendrier" : String(cleaned.prefix(120))
    }

    /// The file's lines, to show each diagnostic's line as it reads in the file (none for a
    /// file that is not text, such as an .ods).
    static func lines(of data: ByteBuffer) -> [Substring] {
        let bytes = Data(data.readableBytesView)
        guard !bytes.prefix(4).elementsEqual([0x50, 0x4B, 0x03, 0x04]) else { return [] }
        let text = String(data: bytes, encoding: .utf8) ?? String(data: bytes, encoding: .isoLatin1) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false)
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}

// MARK: - Views

/// A link to a rule of a version.
struct CalendarRuleLink {
    var number: String
    var title: String
    var href: String

    init(number: String, title: String, version: Int) {
        self.number = number
        self.title = title
        href = CalendarText.ruleHref(version: version, number: number)
    }
}

/// `/calendrier`.
struct CalendarVersionsView {
    struct Row {
        var version: Int
        var href: String
        var importedOn: String
        var importedBy: String
        var sourceFile: String
        var shaShort: String
        var sha: String
        var rules: String
        var inForce: Bool
    }

    struct Option {
        var version: Int
        var selected: Bool
    }

    var rows: [Row]
    var hasVersions: Bool
    var canCompare: Bool
    var fromOptions: [Option]
    var toOptions: [Option]
    var canManage: Bool
    var inForceHref: String?

    init(_ versions: [CalendarVersionEntry], canManage: Bool, _ language: Language) {
        let last = versions.last?.version
        rows = versions.reversed().map { entry in
            Row(version: entry.version, href: "/calendrier/versions/\(entry.version)", importedOn: String(WebFormat.time(entry.importedAt).prefix(10)),
                importedBy: entry.importedBy, sourceFile: (entry.sourceFile as NSString).lastPathComponent,
                shaShort: String(entry.sourceSHA256.prefix(12)), sha: entry.sourceSHA256, rules: WebFormat.number(entry.ruleCount),
                inForce: entry.version == last)
        }
        hasVersions = !versions.isEmpty
        canCompare = versions.count >= 2
        let from = versions.count >= 2 ? versions[versions.count - 2].version : last
        fromOptions = versions.map { Option(version: $0.version, selected: $0.version == from) }
        toOptions = versions.map { Option(version: $0.version, selected: $0.version == last) }
        self.canManage = canManage
        inForceHref = last.map { "/calendrier/versions/\($0)" }
    }
}

/// `/calendrier/versions/N`: the rules, filtered by `q` on number, title and classification code.
struct CalendarRulesView {
    struct Row {
        var number: String
        var href: String
        var title: String
        var classification: String
        var holder: String
        var periods: String
        var disposition: String
    }

    var version: Int
    var organisation: String?
    var yearEnd: String
    var query: String
    var rows: [Row]
    var hasRows: Bool
    var shown: String
    var total: String

    init(_ list: CalendarRuleList, query: String, _ language: Language) {
        version = list.version
        organisation = list.organisation
        yearEnd = list.yearEnd
        self.query = query
        let wanted = CalendarText.folded(query.trimmingCharacters(in: .whitespaces))
        let matching = wanted.isEmpty ? list.rules : list.rules.filter { rule in
            ([rule.rule, rule.title] + rule.classificationCodes).contains { CalendarText.folded($0).contains(wanted) }
        }
        rows = matching.map { rule in
            Row(number: rule.rule, href: CalendarText.ruleHref(version: list.version, number: rule.rule), title: rule.title,
                classification: rule.classificationCodes.joined(separator: ", "), holder: rule.holderUnit ?? "—",
                periods: "\(rule.principal.active.code) / \(rule.principal.semiActive.code)",
                disposition: CalendarText.dispositionWord(rule.principal.disposition, language))
        }
        hasRows = !rows.isEmpty
        shown = "\(WebFormat.number(rows.count)) \(Labels.text(rows.count == 1 ? "cal_rule_shown" : "cal_rules_shown", language))"
        total = WebFormat.number(list.rules.count)
    }
}

/// `/calendrier/versions/N/regles/NUM`: every field of the rule, in the law's words.
struct RuleCardView {
    struct Field {
        var label: String
        var value: String
        var items: [String]
        var isList: Bool

        init(_ label: String, _ value: String) {
            self.label = label
            self.value = value.isEmpty ? "—" : value
            items = []
            isList = false
        }

        init(_ label: String, list: [String]) {
            self.label = label
            value = list.isEmpty ? "—" : ""
            items = list
            isList = !list.isEmpty
        }
    }

    struct Copy {
        var id: String
        var heading: String
        var fields: [Field]
    }

    var version: Int
    var versionHref: String
    var number: String
    var title: String
    var fields: [Field]
    var copies: [Copy]
    var noSecondaire: Bool
    var remarks: [Field]
    var hasRemarks: Bool

    init(_ shown: ShownRule, _ language: Language) {
        let rule = shown.rule
        let t = { (key: String) in Labels.text(key, language) }
        version = shown.version
        versionHref = "/calendrier/versions/\(shown.version)"
        number = rule.rule
        title = rule.title
        var fields = [
            Field(t("cal_rule_number"), rule.rule),
            Field(t("cal_series_title"), rule.title),
            Field(t("cal_rule_description"), rule.description),
            Field(t("cal_document_types"), list: rule.documentTypes),
            Field(t("cal_processes"), list: rule.processes),
            Field(t("cal_classification_codes"), list: rule.classificationCodes),
            Field(t("cal_holder_unit"), rule.holderUnit ?? ""),
            Field(t("cal_legal_references"), list: rule.legalReferences),
        ]
        if rule.recueil != nil || rule.recueilRuleNumber != nil {
            fields.append(Field(t("cal_recueil"), rule.recueil ?? ""))
            fields.append(Field(t("cal_recueil_number"), rule.recueilRuleNumber ?? ""))
        }
        fields.append(Field(t("cal_count_start"), CalendarText.countStart(rule.countStart, event: rule.countStartEvent, language)))
        fields.append(Field(t("cal_essential"), CalendarText.flag(rule.essentialDocuments, language)))
        fields.append(Field(t("cal_confidential"), CalendarText.flag(rule.confidentialDocuments, language)))
        fields.append(Field(t("cal_personal_information"), CalendarText.flag(rule.personalInformation, language)))
        if let measure = rule.personalInformationMeasure {
            fields.append(Field(t("cal_pi_measure"), t(measure == "anonymiser" ? "cal_pi_anonymise" : "cal_pi_destroy")))
        }
        self.fields = fields
        copies = [rule.principal].map { Self.copy($0, id: "principal", heading: t("cal_copy_principal"), language) }
            + (rule.secondaire.map { [Self.copy($0, id: "secondaire", heading: t("cal_copy_secondaire"), language)] } ?? [])
        noSecondaire = rule.secondaire == nil
        remarks = rule.remarks.map { Field($0.id, $0.text) }
        if let general = rule.generalRemark, !general.isEmpty { remarks.append(Field(t("cal_general_remark"), general)) }
        hasRemarks = !remarks.isEmpty
    }

    static func copy(_ copy: CalendarCopy, id: String, heading: String, _ language: Language) -> Copy {
        let t = { (key: String) in Labels.text(key, language) }
        let supports = copy.supports.map { CalendarText.support($0, language) }.joined(separator: ", ")
        return Copy(id: id, heading: heading, fields: [
            Field(t("cal_supports"), CalendarText.withRemark(supports, copy.supportsRemark, language)),
            Field(t("cal_active"), CalendarText.period(copy.active, language)),
            Field(t("cal_semi_active"), CalendarText.period(copy.semiActive, language)),
            Field(t("cal_disposition"), CalendarText.withRemark(CalendarText.disposition(copy.disposition, language), copy.dispositionRemark,
                                                                language)),
        ])
    }
}

/// `/calendrier/comparer?de=A&a=B`.
struct CalendarCompareView {
    struct Option {
        var version: Int
        var selected: Bool
    }

    struct Change {
        var label: String
        var before: String
        var after: String
    }

    struct ChangedRule {
        var number: String
        var title: String
        var href: String
        var caption: String
        var changes: [Change]
    }

    var fromOptions: [Option]
    var toOptions: [Option]
    var canCompare: Bool
    var compared: Bool
    var heading: String
    var added: [CalendarRuleLink]
    var retired: [CalendarRuleLink]
    var changed: [ChangedRule]
    var settings: [Change]
    var hasAdded: Bool
    var hasRetired: Bool
    var hasChanged: Bool
    var hasSettings: Bool
    var identical: Bool
    var addedCount: String
    var retiredCount: String
    var changedCount: String

    init(versions: [CalendarVersionEntry], from: Int?, to: Int?, comparison: CalendarComparison?, _ language: Language) {
        let last = versions.last?.version
        let defaultFrom = versions.count >= 2 ? versions[versions.count - 2].version : last
        fromOptions = versions.map { Option(version: $0.version, selected: $0.version == (from ?? defaultFrom)) }
        toOptions = versions.map { Option(version: $0.version, selected: $0.version == (to ?? last)) }
        canCompare = versions.count >= 2
        compared = comparison != nil
        let empty = Labels.text("cal_empty_value", language)
        let change = { (field: CalendarFieldChange) in
            Change(label: CalendarText.fieldLabel(field, language), before: field.old.isEmpty ? empty : field.old,
                   after: field.new.isEmpty ? empty : field.new)
        }
        heading = comparison.map {
            Labels.text("cal_compare_result", language).replacingOccurrences(of: "{de}", with: String($0.from))
                .replacingOccurrences(of: "{a}", with: String($0.to))
        } ?? ""
        let caption = Labels.text("cal_changes_caption", language)
        added = comparison?.added.map { CalendarRuleLink(number: $0.rule, title: $0.title, version: comparison!.to) } ?? []
        retired = comparison?.retired.map { CalendarRuleLink(number: $0.rule, title: $0.title, version: comparison!.from) } ?? []
        changed = comparison?.changed.map { rule in
            ChangedRule(number: rule.rule, title: rule.title, href: CalendarText.ruleHref(version: comparison!.to, number: rule.rule),
                        caption: "\(caption) \(rule.rule)", changes: rule.changes.map(change))
        } ?? []
        settings = comparison?.settings.map(change) ?? []
        hasAdded = !added.isEmpty
        hasRetired = !retired.isEmpty
        hasChanged = !changed.isEmpty
        hasSettings = !settings.isEmpty
        identical = compared && !hasAdded && !hasRetired && !hasChanged && !hasSettings
        addedCount = WebFormat.number(added.count)
        retiredCount = WebFormat.number(retired.count)
        changedCount = WebFormat.number(changed.count)
    }
}

/// `/calendrier/importer`: the upload form.
struct CalendarImportFormView {
    var form: FormState
}

/// A diagnostic of an import with the text of its line in the uploaded file.
struct CalendarDiagnosticView {
    var line: String
    var field: String
    var rule: String
    var severity: String
    var isError: Bool
    var message: String
    var lineText: String?

    init(_ diagnostic: Diagnostic, lines: [Substring], _ language: Language) {
        let number = diagnostic.location.line
        line = number > 0 ? WebFormat.number(number) : "—"
        field = diagnostic.field ?? ""
        rule = diagnostic.rule ?? ""
        isError = diagnostic.severity == .error
        severity = Labels.text(isError ? "severity_error" : "severity_warning", language)
        message = MessageCatalogue.message(diagnostic, in: language)
        if number > 0, number <= lines.count {
            let text = lines[number - 1].trimmingCharacters(in: .whitespacesAndNewlines)
            lineText = text.isEmpty ? nil : (text.count > 240 ? String(text.prefix(240)) + "…" : text)
        }
    }
}

/// The effect of a file on the register, before it is imported: each moved date as
/// `before → after`, so that the table stays narrow.
struct CalendarImpactView {
    struct Row {
        var reference: String
        var rule: String
        var copy: String
        var transfer: String
        var final: String
    }

    static let shownAtMost = 200

    var rows: [Row]
    var hasRows: Bool
    var more: Bool
    var summary: String
    var withheld: Bool
    var refusal: String?

    init(_ report: Result<CalendarImpactReport, Refusal>, _ language: Language) {
        let t = { (key: String) in Labels.text(key, language) }
        switch report {
        case .success(let report):
            let waiting = { (code: String?) in code.map { "\(t("cal_waiting")) : \($0)" } ?? "—" }
            let final = { (dates: RetentionDates) -> String in
                guard let on = dates.finalOn else { return waiting(dates.waiting) }
                return "\(on) (\(CalendarText.actionWord(dates.finalAction, language)))"
            }
            rows = report.entries.prefix(Self.shownAtMost).map { entry in
                Row(reference: entry.reference, rule: entry.rule, copy: CalendarText.copyName(entry.copy, language),
                    transfer: "\(entry.before.transferOn ?? "—") → \(entry.after.transferOn ?? "—")",
                    final: "\(final(entry.before)) → \(final(entry.after))")
            }
            more = report.entries.count > Self.shownAtMost
            summary = WebFormat.count(report.entries.count, t("cal_impact_document"), t("cal_impact_documents")) + " "
                + t(report.entries.count == 1 ? "cal_impact_changes_one" : "cal_impact_changes_many") + " · "
                + WebFormat.count(report.examined, t("cal_impact_document"), t("cal_impact_documents")) + " "
                + t(report.examined == 1 ? "cal_impact_examined_one" : "cal_impact_examined_many")
            withheld = report.withheld > 0
            refusal = nil
        case .failure(let refusal):
            (rows, more, summary, withheld) = ([], false, "", false)
            self.refusal = MessageCatalogue.message(refusal, in: language)
        }
        hasRows = !rows.isEmpty
    }
}

/// The dry run: what the file would do, or why it cannot be imported.
struct CalendarCheckView {
    struct Count {
        var label: String
        var count: String
        var rules: [String]
        var hasRules: Bool

        init(label: String, count: String, rules: [String]) {
            self.label = label
            self.count = count
            self.rules = rules
            hasRules = !rules.isEmpty
        }
    }

    var filename: String
    var accepted: Bool
    var message: String?
    var heldID: String?
    var format: String
    var version: String
    var ruleCount: String
    var summary: [Count]
    var diagnostics: [CalendarDiagnosticView]
    var hasDiagnostics: Bool
    var impact: CalendarImpactView?
    var firstCalendar: Bool

    init(accepted result: CalendarImportResult, filename: String, heldID: String, lines: [Substring],
         impact: CalendarImpactView?, firstCalendar: Bool, _ language: Language) {
        self.filename = filename
        accepted = true
        message = nil
        self.heldID = heldID
        format = result.format
        version = String(result.version)
        ruleCount = WebFormat.number(result.ruleCount)
        let t = { (key: String) in Labels.text(key, language) }
        summary = [
            Count(label: t("cal_summary_added"), count: WebFormat.number(result.summary.added.count), rules: result.summary.added),
            Count(label: t("cal_summary_modified"), count: WebFormat.number(result.summary.modified.count), rules: result.summary.modified),
            Count(label: t("cal_summary_retired"), count: WebFormat.number(result.summary.retired.count), rules: result.summary.retired),
            Count(label: t("cal_summary_unchanged"), count: WebFormat.number(result.summary.unchanged.count), rules: []),
        ]
        diagnostics = result.diagnostics.map { CalendarDiagnosticView($0, lines: lines, language) }
        hasDiagnostics = !diagnostics.isEmpty
        self.impact = impact
        self.firstCalendar = firstCalendar
    }

    init(rejected refusal: Refusal, filename: String, lines: [Substring], _ language: Language) {
        self.filename = filename
        accepted = false
        message = MessageCatalogue.message(refusal, in: language)
        heldID = nil
        (format, version, ruleCount, summary) = ("", "", "", [])
        diagnostics = refusal.diagnostics.map { CalendarDiagnosticView($0, lines: lines, language) }
        hasDiagnostics = !diagnostics.isEmpty
        impact = nil
        firstCalendar = false
    }
}

/// `/calendrier/periodes-ouvertes`.
struct OpenPeriodsView {
    struct Entry {
        var key: String
        var rule: String
        var ruleHref: String
        var heading: String
        var copy: String
        var period: String
        var remark: String?
        var status: String
        var statusClass: String
        var confirmed: Bool
        var confirmedBy: String?
        var event: String
        var offset: String
        var eventError: String?
        var offsetError: String?
        var canConfirm: Bool
    }

    var entries: [Entry]
    var hasEntries: Bool
    var form: FormState

    static func key(rule: String, copy: String, period: String) -> String {
        let raw = "\(rule)-\(copy)-\(period)"
        return String(raw.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
    }

    init(_ entries: [OpenPeriodEntry], canManage: Bool, form: FormState, failed: String?, _ language: Language) {
        let t = { (key: String) in Labels.text(key, language) }
        self.entries = entries.map { entry in
            let key = Self.key(rule: entry.rule, copy: entry.copy, period: entry.period)
            let isFailed = key == failed
            let confirmed = entry.status == "confirmed"
            let status: (String, String) = switch entry.status {
            case "confirmed": (t("cal_status_confirmed"), "ok")
            case "named-in-calendar": (t("cal_status_named"), "warn")
            default: (t("cal_status_unconfirmed"), "warn")
            }
            let copyName = CalendarText.copyName(entry.copy, language)
            let periodName = t(entry.period == "active" ? "cal_period_active" : "cal_period_semi_active")
            return Entry(
                key: key, rule: entry.rule, ruleHref: CalendarText.ruleHref(version: nil, number: entry.rule),
                heading: "\(t("cal_rule")) \(entry.rule) — \(copyName), \(periodName)", copy: entry.copy, period: entry.period,
                remark: entry.remark, status: status.0, statusClass: status.1, confirmed: confirmed, confirmedBy: entry.confirmedBy,
                event: isFailed ? (form.values["event"] ?? "") : (entry.confirmedEvent ?? entry.proposedEvent),
                offset: isFailed ? (form.values["offset"] ?? "") : String(entry.confirmedOffsetYears ?? entry.proposedOffsetYears),
                eventError: isFailed ? form.errors["event-\(key)"] : nil, offsetError: isFailed ? form.errors["offset-\(key)"] : nil,
                canConfirm: canManage && !confirmed)
        }
        hasEntries = !entries.isEmpty
        self.form = form
    }
}

/// How the calendar's codes read on a page.
enum CalendarText {
    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The rule's card; without a version, the rule in the version in force.
    static func ruleHref(version: Int?, number: String) -> String {
        let escaped = WebPages.pathSegment(number)
        guard let version else { return "/calendrier/regles/\(escaped)" }
        return "/calendrier/versions/\(version)/regles/\(escaped)"
    }

    static func dispositionWord(_ code: String?, _ language: Language) -> String {
        switch code {
        case "C": return language == .fr ? "C (conservation)" : "C (permanent)"
        case "D": return "D (destruction)"
        case "T": return language == .fr ? "T (tri)" : "T (sampling)"
        case let other?: return other
        case nil: return "—"
        }
    }

    /// A retention action (`deposit`, `destroy`…) as a word.
    static func actionWord(_ action: String?, _ language: Language) -> String {
        guard let action else { return "—" }
        let key = "cal_action_\(action)"
        return Labels.all[key] == nil ? action : Labels.text(key, language)
    }

    static func disposition(_ code: String?, _ language: Language) -> String {
        switch code {
        case "C": return Labels.text("cal_disposition_c", language)
        case "D": return Labels.text("cal_disposition_d", language)
        case "T": return Labels.text("cal_disposition_t", language)
        case let other?: return other
        case nil: return Labels.text("cal_period_none", language)
        }
    }

    static func period(_ period: CalendarPeriod, _ language: Language) -> String {
        let t = { (key: String) in Labels.text(key, language) }
        var text: String
        switch period.kind {
        case "years":
            let years = period.years ?? 0
            // French counts 0 and 1 in the singular (« 0 an »), English only 1.
            let singular = language == .fr ? years <= 1 : years == 1
            text = "\(years) \(t(singular ? "cal_year" : "cal_years"))"
            if years == 0 { text += " (\(t("cal_period_zero")))" }
        case "open":
            text = t("cal_period_open")
            if let event = period.event { text += " — \(t("cal_period_event")) : « \(event) »" }
        case "untilReplaced":
            text = t("cal_period_until_replaced")
        default:
            text = t("cal_period_none")
        }
        return withRemark(text, period.remark, language)
    }

    static func withRemark(_ text: String, _ remark: String?, _ language: Language) -> String {
        guard let remark else { return text }
        return "\(text) (\(Labels.text("cal_see_remark", language)) \(remark))"
    }

    static func support(_ code: String, _ language: Language) -> String {
        let key = "cal_support_\(code.lowercased())"
        guard Labels.all[key] != nil else { return code }
        return "\(code) (\(Labels.text(key, language)))"
    }

    static func flag(_ value: Bool?, _ language: Language) -> String {
        Labels.text(value.map { $0 ? "yes" : "no" } ?? "cal_not_stated", language)
    }

    static func countStart(_ code: String, event: String?, _ language: Language) -> String {
        switch code {
        case "dateOuverture": return Labels.text("cal_count_opening", language)
        case "evenement": return "\(Labels.text("cal_period_event", language)) : \(event ?? "—")"
        default: return Labels.text("cal_count_closing", language)
        }
    }

    static func copyName(_ copy: String, _ language: Language) -> String {
        Labels.text(copy == "secondaire" ? "cal_copy_secondaire_lower" : "cal_copy_principal_lower", language)
    }

    /// The field's name: the use case's (French), or its English name.
    static func fieldLabel(_ field: CalendarFieldChange, _ language: Language) -> String {
        guard language == .en else { return field.label }
        if field.field.hasPrefix("remarks.") { return "Note " + field.field.dropFirst("remarks.".count) }
        return Labels.calendarFieldsInEnglish[field.field] ?? field.label
    }
}
