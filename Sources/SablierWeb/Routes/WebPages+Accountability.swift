import Foundation
import Hummingbird
import NIOCore
import SablierApplication
import SablierCore
import SablierCSV
import SablierServer

/// `/journal` (the audit trail, filtered, paged, verified, exported), `/utilisateurs` (the
/// RSI's users and roles), `/incidents` (the CSGI's register; anyone may report) and `/gels`
/// (holds).
///
/// Every rule is the use cases': who reads what, the last RSI, a closed incident, what a hold
/// may cover. Forms are hidden from roles the matrix gives no such right, as the navigation
/// hides links; a form posted anyway is refused by the use case.
extension WebPages {
    func addAccountability(to router: RouterGroup<APIRequestContext>) {
        addAudit(to: router)
        addUsers(to: router)
        addIncidents(to: router)
        addHolds(to: router)
    }

    // MARK: The audit trail

    struct AuditView {
        var since: String
        var until: String
        var user: String
        var target: String
        var rows: [AuditRowView]
        var hasRows: Bool
        var total: String
        var first: String
        var last: String
        var previousHref: String?
        var nextHref: String?
        var csvHref: String
        var verified: Bool
        var intact: Bool
        var walked: String
        var brokenAt: String
        var brokenReason: String
        /// The zone of the times shown and of the days filtered: `America/Toronto`.
        var timeZone: String
        var form: FormState
    }

    /// An entry in words, with its codes beside them in a smaller tag: what the auditor
    /// filters by and what the CSV export holds.
    struct AuditRowView {
        var sequence: String
        var at: String
        var user: String
        var action: String
        var actionCode: String
        var target: String
        var targetCode: String
        var details: String
    }

    /// The audit filter as read from the query string, with the dates refused next to their field.
    struct AuditFilter {
        var since: CivilDate?
        var until: CivilDate?
        var user: String?
        var target: String?
        var values: [String: String]
        var form: FormState
        /// Entries a page: `?taille=`, from 10 to 500, 50 by default.
        var size: Int

        init(_ request: Request, _ language: Language) {
            let query = request.uri.queryParameters
            size = Int(query.get("taille") ?? "").map { min(500, max(10, $0)) } ?? WebPages.auditPageSize
            let text = { (name: String) -> String? in
                query.get(name).map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            values = ["du": text("du") ?? "", "au": text("au") ?? "", "utilisateur": text("utilisateur") ?? "", "cible": text("cible") ?? ""]
            form = FormState(values: values)
            user = text("utilisateur")
            target = text("cible")
            for field in ["du", "au"] {
                guard let raw = text(field) else { continue }
                guard let date = CivilDate(iso: raw) else {
                    form.add(Refusal.invalidValue(field, raw, allowed: ["AAAA-MM-JJ"]), field: field, language)
                    continue
                }
                if field == "du" { since = date } else { until = date }
            }
        }

        /// The query string of this filter, to which a page or an export is added.
        var query: String {
            let filters = values.sorted { $0.key < $1.key }.filter { !$0.value.isEmpty }
                .map { "\($0.key)=\(WebPages.queryEscaped($0.value))" }
            return ((size == WebPages.auditPageSize ? [] : ["taille=\(size)"]) + filters).joined(separator: "&")
        }
    }

    static let auditPageSize = 50

    func addAudit(to router: RouterGroup<APIRequestContext>) {
        router.get("journal") { request, context -> Response in
            let session = try session(context)
            let language = language(request)
            let filter = AuditFilter(request, language)
            let pageNumber = PageNumber.read(request)
            var view = AuditView(since: filter.values["du"] ?? "", until: filter.values["au"] ?? "", user: filter.values["utilisateur"] ?? "",
                                 target: filter.values["cible"] ?? "", rows: [], hasRows: false, total: "0", first: "0", last: "0",
                                 previousHref: nil, nextHref: nil, csvHref: "/journal.csv?" + filter.query, verified: false,
                                 intact: false, walked: "", brokenAt: "", brokenReason: "", timeZone: TimeZone.current.identifier,
                                 form: filter.form)
            if request.uri.queryParameters.get("verifier") != nil {
                let verification = try await sablier.verifyAudit(session)
                view.verified = true
                view.intact = verification.intact
                view.walked = WebFormat.number(verification.entries)
                // A tombstone or a certificate entry at fault is named, not numbered.
                view.brokenAt = verification.problem.map { $0.record ?? WebFormat.number($0.sequence) } ?? ""
                view.brokenReason = verification.problem?.reason ?? ""
            }
            guard !filter.form.hasProblems else {
                // The use case still decides whether this reader may read the trail at all.
                _ = try await sablier.auditPage(session, limit: 1)
                return page("audit/log", title: "audit_title", content: view, request, context, status: .unprocessableContent)
            }
            let size = filter.size
            let result = try await sablier.auditPage(session, since: filter.since, until: filter.until, user: filter.user,
                                                     target: filter.target, offset: PageNumber.offset(pageNumber, size: size), limit: size)
            // The times in the zone the use case cut the days in: an entry filtered under a day reads as that day.
            let zone = TimeZone(identifier: result.timeZone) ?? .current
            view.timeZone = zone.identifier
            view.rows = result.entries.map {
                AuditRowView(sequence: String($0.sequence), at: Self.auditTime($0.at, in: zone), user: $0.user,
                             action: Self.auditActionLabel($0.action, language), actionCode: $0.action,
                             target: Self.auditTargetLabel($0.target, language), targetCode: $0.target,
                             details: Self.readable($0.details, language))
            }
            view.hasRows = !view.rows.isEmpty
            view.total = WebFormat.number(result.total)
            view.first = WebFormat.number(result.entries.isEmpty ? 0 : result.offset + 1)
            view.last = WebFormat.number(result.offset + result.entries.count)
            let base = "/journal?" + (filter.query.isEmpty ? "" : filter.query + "&")
            if pageNumber > 1 { view.previousHref = base + "page=\(pageNumber - 1)" }
            if result.offset + result.entries.count < result.total { view.nextHref = base + "page=\(pageNumber + 1)" }
            return page("audit/log", title: "audit_title", content: view, request, context)
        }
        router.get("journal.csv") { request, context -> Response in
            let session = try session(context)
            let language = language(request)
            let filter = AuditFilter(request, language)
            if let problem = filter.form.problems.first {
                _ = try await sablier.auditPage(session, limit: 1)
                throw Refusal.invalidValue(problem.field ?? "du", filter.values[problem.field ?? "du"] ?? "", allowed: ["AAAA-MM-JJ"])
            }
            let result = try await sablier.auditPage(session, since: filter.since, until: filter.until, user: filter.user,
                                                     target: filter.target, offset: 0, limit: .max)
            // The export keeps the codes and the JSON as stored, and each instant with its offset
            // from UTC, so that a spreadsheet reads it whatever its own zone.
            let zone = TimeZone(identifier: result.timeZone) ?? .current
            var writer = CSVWriter(format: .frenchSpreadsheet)
            writer.row(["audit_col_sequence", "audit_col_at_iso", "audit_col_user", "audit_col_action", "audit_col_target", "audit_col_details"]
                .map { Labels.text($0, language) })
            for entry in result.entries {
                writer.row([String(entry.sequence), Self.auditInstant(entry.at, in: zone), entry.user, entry.action, entry.target, entry.details])
            }
            return Response(status: .ok,
                            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"journal-audit.csv\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: writer.bytes)))
        }
    }

    /// An entry's details (a JSON object with sorted keys) as `key : value; …` for people, each
    /// key in words when the page knows it (`audit_detail_rule`); the CSV export keeps the JSON as stored.
    static func readable(_ details: String, _ language: Language) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(details.utf8)) as? [String: Any] else { return details }
        return object.keys.sorted().map { key in
            let value = object[key].map { $0 as? String ?? String(describing: $0) } ?? ""
            let word = Labels.all["audit_detail_" + auditLabelKey(key)]?.text(language) ?? key
            return "\(word) : \(value)"
        }.joined(separator: " ; ")
    }

    /// `document.register` → `document_register`, `sessionsClosed` → `sessions_closed`: the part
    /// of a label key an audit code or detail key gives.
    static func auditLabelKey(_ code: String) -> String {
        var key = ""
        for character in code {
            if character == "." || character == "-" || character == " " { key.append("_") }
            else if character.isUppercase { key += "_" + character.lowercased() }
            else { key.append(character) }
        }
        return key
    }

    /// What an action code says (`document.register` → « Document enregistré »), or the code
    /// itself for one the page does not know yet.
    static func auditActionLabel(_ code: String, _ language: Language) -> String {
        Labels.all["audit_action_" + auditLabelKey(code)]?.text(language) ?? code
    }

    /// A target in words: its kind (`user`, `document`, `use case`…) worded, its name or
    /// number as written (`user rh.agent` → « utilisateur rh.agent »).
    static func auditTargetLabel(_ target: String, _ language: Language) -> String {
        for kind in ["use case", "user", "documents", "document", "calendar", "rule", "box", "hold", "incident", "token", "disposition", "public"]
        where target == kind || target.hasPrefix(kind + " ") {
            guard let word = Labels.all["audit_target_" + auditLabelKey(kind)]?.text(language) else { break }
            return word + target.dropFirst(kind.count)
        }
        return target
    }

    /// `2026-11-29 22:30` in `zone`, the zone the page's days are cut in.
    static func auditTime(_ date: Date, in zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// `2026-11-29T22:30:05-05:00`: the instant exactly, with its offset from UTC.
    static func auditInstant(_ date: Date, in zone: TimeZone) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    // MARK: Users

    struct UsersView {
        var rows: [UserRowView]
        var mayManage: Bool
        var roles: [RoleChoiceView]
        var name: String
        var unit: String
        var form: FormState
    }

    struct UserRowView {
        var name: String
        var href: String
        var unit: String
        var roles: String
        var state: String
        var active: Bool
    }

    struct RoleChoiceView {
        var code: String
        var title: String
        var checked: Bool
    }

    struct UserCardView {
        var name: String
        var unit: String
        var roles: [String]
        var active: Bool
        var state: String
        var base: String
        var mayManage: Bool
        var roleOptions: [OptionView]
        var form: FormState
    }

    /// The add form: a checkbox per role, named `role-CODE`.
    struct AddUserForm: Decodable {
        var name: String
        var unit: String
        var roles: Set<Role>

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            name = try container.decodeIfPresent(String.self, forKey: AnyKey(stringValue: "name")!) ?? ""
            unit = try container.decodeIfPresent(String.self, forKey: AnyKey(stringValue: "unit")!) ?? ""
            roles = []
            for role in Role.allCases where try container.decodeIfPresent(String.self, forKey: AnyKey(stringValue: "role-" + role.rawValue)!) != nil {
                roles.insert(role)
            }
        }
    }

    struct RoleForm: Decodable { var role: String?; var action: String? }
    struct ResetForm: Decodable { var password: String? }
    struct AccessForm: Decodable { var active: String? }

    func addUsers(to router: RouterGroup<APIRequestContext>) {
        router.get("utilisateurs") { request, context -> Response in
            try await usersPage(request, context, form: FormState(), chosen: [])
        }
        router.post("utilisateurs") { request, context -> Response in
            let form = try await PageForm.decode(AddUserForm.self, request)
            let session = try session(context)
            switch await outcome({ () async throws(Refusal) in try await sablier.addUser(session, name: form.name, unit: form.unit, roles: form.roles) }) {
            case .success(let user):
                return redirect("/utilisateurs/\(Self.pathSegment(user.name))", done: "users_added")
            case .failure(let refusal):
                if refusal.kind == .forbidden { throw refusal }
                let state = FormState(values: ["name": form.name, "unit": form.unit], refusal: refusal, field: Self.addUserField(refusal),
                                      language(request))
                return try await usersPage(request, context, form: state, chosen: form.roles,
                                           status: HTTPResponse.Status(code: refusal.kind.httpStatus))
            }
        }
        router.get("utilisateurs/:name") { request, context -> Response in
            try await userCard(request, context, form: FormState())
        }
        router.post("utilisateurs/:name/roles") { request, context -> Response in
            let name = try context.parameters.text("name")
            let form = try await PageForm.decode(RoleForm.self, request)
            let session = try session(context)
            let result = await outcome { () async throws(Refusal) -> UserEntry in
                guard let role = form.role.flatMap(Role.init(rawValue:)) else {
                    throw Refusal.invalidValue("role", form.role ?? "", allowed: Role.allCases.map(\.rawValue))
                }
                return form.action == "revoke" ? try await sablier.revokeRole(session, role, from: name)
                    : try await sablier.grantRole(session, role, to: name)
            }
            return try await userChange(result, request, context, field: "role", done: "users_role_changed")
        }
        router.post("utilisateurs/:name/mot-de-passe") { request, context -> Response in
            let name = try context.parameters.text("name")
            let form = try await PageForm.decode(ResetForm.self, request)
            let session = try session(context)
            let result = await outcome { () async throws(Refusal) in try await sablier.setPassword(session, of: name, to: form.password ?? "") }
            return try await userChange(result, request, context, field: "password", done: "users_password_set")
        }
        router.post("utilisateurs/:name/acces") { request, context -> Response in
            let name = try context.parameters.text("name")
            let form = try await PageForm.decode(AccessForm.self, request)
            let session = try session(context)
            let result = await outcome { () async throws(Refusal) in
                try await sablier.setUserActive(session, name, active: form.active == "oui")
            }
            return try await userChange(result, request, context, field: "active", done: "users_state_changed")
        }
    }

    static func addUserField(_ refusal: Refusal) -> String? {
        switch refusal.code {
        case .userExists: return "name"
        case .noRole: return "roles"
        case .emptyText, .invalidValue: return refusal.values["field"] == "unit" ? "unit" : "name"
        default: return nil
        }
    }

    /// After a change on a user's card: back to the card with what was done, or the card again
    /// with the refusal next to `field`. A user that does not exist is not there.
    private func userChange<Value>(_ result: Result<Value, Refusal>, _ request: Request, _ context: APIRequestContext, field: String,
                                   done: String) async throws -> Response {
        let name = try context.parameters.text("name")
        switch result {
        case .success:
            return redirect("/utilisateurs/\(Self.pathSegment(name))", done: done)
        case .failure(let refusal):
            if refusal.kind == .forbidden || refusal.code == .userNotFound { throw refusal }
            let state = FormState(values: [:], refusal: refusal, field: field, language(request))
            return try await userCard(request, context, form: state, status: HTTPResponse.Status(code: refusal.kind.httpStatus))
        }
    }

    private func usersPage(_ request: Request, _ context: APIRequestContext, form: FormState, chosen: Set<Role>,
                           status: HTTPResponse.Status = .ok) async throws -> Response {
        let session = try session(context)
        let language = language(request)
        let users = try await sablier.users(session)
        let rows = users.map { user in
            UserRowView(name: user.name, href: "/utilisateurs/\(Self.pathSegment(user.name))", unit: user.unit,
                        roles: user.roles.compactMap(Role.init(rawValue:)).map { RoleNames.name($0, language) }.joined(separator: ", "),
                        state: Labels.text(user.active ? "users_active" : "users_inactive", language), active: user.active)
        }
        let view = UsersView(rows: rows, mayManage: offers(.manageUsers, to: session),
                             roles: Role.allCases.map { RoleChoiceView(code: $0.rawValue, title: RoleNames.name($0, language), checked: chosen.contains($0)) },
                             name: form.values["name"] ?? "", unit: form.values["unit"] ?? "", form: form)
        return page("users/list", title: "users_title", content: view, request, context, status: status)
    }

    private func userCard(_ request: Request, _ context: APIRequestContext, form: FormState,
                          status: HTTPResponse.Status = .ok) async throws -> Response {
        let name = try context.parameters.text("name")
        let session = try session(context)
        let language = language(request)
        guard let user = try await sablier.users(session).first(where: { $0.name == name }) else { throw PageFailure.notFound }
        let view = UserCardView(
            name: user.name, unit: user.unit,
            roles: user.roles.compactMap(Role.init(rawValue:)).map { RoleNames.name($0, language) }, active: user.active,
            state: Labels.text(user.active ? "users_active" : "users_inactive", language),
            base: "/utilisateurs/\(Self.pathSegment(user.name))",
            mayManage: offers(.manageUsers, to: session),
            roleOptions: Role.allCases.map { OptionView(value: $0.rawValue, label: RoleNames.name($0, language), selected: false) },
            form: form)
        return page("users/card", title: "users_card", content: view, request, context, status: status)
    }

    // MARK: Incidents

    struct IncidentsView {
        var mayRead: Bool
        var rows: [IncidentRowView]
        var hasRows: Bool
        var kinds: [OptionView]
        var description: String
        var documents: String
        var form: FormState
    }

    struct IncidentRowView {
        var id: String
        var href: String
        var type: String
        var status: String
        var statusClass: String
        var description: String
        var reported: String
        var by: String
    }

    struct IncidentCardView {
        var id: String
        var type: String
        var status: String
        var statusClass: String
        var description: String
        var documents: String
        var reported: String
        var by: String
        var notes: [IncidentNoteView]
        var hasNotes: Bool
        var closed: Bool
        var statuses: [OptionView]
        var note: String
        var action: String
        var form: FormState
    }

    struct IncidentNoteView {
        var at: String
        var by: String
        var status: String
        var note: String
    }

    struct ReportForm: Decodable { var kind: String?; var description: String?; var documents: String? }
    struct IncidentUpdateForm: Decodable { var status: String?; var note: String? }

    func addIncidents(to router: RouterGroup<APIRequestContext>) {
        router.get("incidents") { request, context -> Response in
            try await incidentsPage(request, context, form: FormState())
        }
        router.post("incidents") { request, context -> Response in
            let form = try await PageForm.decode(ReportForm.self, request)
            let session = try session(context)
            let documents = (form.documents ?? "").split(whereSeparator: { $0 == "," || $0.isNewline }).map(String.init)
            let result = await outcome { () async throws(Refusal) -> IncidentEntry in
                guard let kind = form.kind.flatMap(Incident.Kind.init(rawValue:)) else {
                    throw Refusal.invalidValue("kind", form.kind ?? "", allowed: Incident.Kind.allCases.map(\.rawValue))
                }
                return try await sablier.reportIncident(session, kind: kind, description: form.description ?? "", documents: documents)
            }
            switch result {
            case .success:
                return redirect("/incidents", done: "inc_reported")
            case .failure(let refusal):
                if refusal.kind == .forbidden { throw refusal }
                let field = refusal.values["field"] == "kind" ? "kind" : "description"
                let state = FormState(values: ["kind": form.kind ?? "", "description": form.description ?? "", "documents": form.documents ?? ""],
                                      refusal: refusal, field: field, language(request))
                return try await incidentsPage(request, context, form: state, status: HTTPResponse.Status(code: refusal.kind.httpStatus))
            }
        }
        router.get("incidents/:id") { request, context -> Response in
            try await incidentCard(request, context, form: FormState())
        }
        router.post("incidents/:id") { request, context -> Response in
            guard let id = Int(try context.parameters.require("id")) else { throw PageFailure.notFound }
            let form = try await PageForm.decode(IncidentUpdateForm.self, request)
            let session = try session(context)
            let result = await outcome { () async throws(Refusal) -> IncidentEntry in
                guard let status = form.status.flatMap(Incident.Status.init(rawValue:)) else {
                    throw Refusal.invalidValue("status", form.status ?? "", allowed: Incident.Status.allCases.map(\.rawValue))
                }
                return try await sablier.updateIncident(session, id, status: status, note: form.note ?? "")
            }
            switch result {
            case .success:
                return redirect("/incidents/\(id)", done: "inc_updated")
            case .failure(let refusal):
                if refusal.kind == .forbidden || refusal.kind == .notFound { throw refusal }
                let field = refusal.code == .emptyText ? "note" : "status"
                let state = FormState(values: ["status": form.status ?? "", "note": form.note ?? ""], refusal: refusal, field: field,
                                      language(request))
                return try await incidentCard(request, context, form: state, status: HTTPResponse.Status(code: refusal.kind.httpStatus))
            }
        }
    }

    static func incidentStatus(_ code: String, _ language: Language) -> (String, String) {
        let label = Labels.text("inc_status_" + code.replacingOccurrences(of: "-", with: "_"), language)
        switch code {
        case "ouvert": return (label, "bad")
        case "en-traitement": return (label, "warn")
        default: return (label, "ok")
        }
    }

    /// The register when the use case opens it to the reader; the report form for everyone.
    private func incidentsPage(_ request: Request, _ context: APIRequestContext, form: FormState,
                               status: HTTPResponse.Status = .ok) async throws -> Response {
        let session = try session(context)
        let language = language(request)
        var view = IncidentsView(mayRead: false, rows: [], hasRows: false,
                                 kinds: Incident.Kind.allCases.map {
                                     OptionView(value: $0.rawValue, label: Labels.text("inc_type_" + $0.rawValue, language),
                                                selected: form.values["kind"] == $0.rawValue)
                                 },
                                 description: form.values["description"] ?? "", documents: form.values["documents"] ?? "", form: form)
        switch await outcome({ () async throws(Refusal) in try await sablier.incidents(session) }) {
        case .success(let incidents):
            view.mayRead = true
            view.rows = incidents.reversed().map { incident in
                let (text, style) = Self.incidentStatus(incident.status, language)
                return IncidentRowView(id: String(incident.id), href: "/incidents/\(incident.id)",
                                       type: Labels.text("inc_type_" + incident.type, language), status: text, statusClass: style,
                                       description: incident.description, reported: WebFormat.time(incident.reportedAt), by: incident.reportedBy)
            }
            view.hasRows = !view.rows.isEmpty
        case .failure(let refusal):
            // Anyone may report; only those the use case lets read see the register.
            guard refusal.kind == .forbidden else { throw refusal }
        }
        return page("incidents/list", title: "inc_title", content: view, request, context, status: status)
    }

    private func incidentCard(_ request: Request, _ context: APIRequestContext, form: FormState,
                              status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let id = Int(try context.parameters.require("id")) else { throw PageFailure.notFound }
        let session = try session(context)
        let language = language(request)
        guard let incident = try await sablier.incidents(session).first(where: { $0.id == id }) else { throw PageFailure.notFound }
        let (text, style) = Self.incidentStatus(incident.status, language)
        let chosen = form.values["status"] ?? incident.status
        let view = IncidentCardView(
            id: String(incident.id), type: Labels.text("inc_type_" + incident.type, language), status: text, statusClass: style,
            description: incident.description, documents: incident.documents.joined(separator: ", "),
            reported: WebFormat.time(incident.reportedAt), by: incident.reportedBy,
            notes: incident.notes.map {
                IncidentNoteView(at: WebFormat.time($0.at), by: $0.by, status: Self.incidentStatus($0.status, language).0, note: $0.note)
            },
            hasNotes: !incident.notes.isEmpty, closed: incident.status == Incident.Status.ferme.rawValue,
            statuses: Incident.Status.allCases.map {
                OptionView(value: $0.rawValue, label: Self.incidentStatus($0.rawValue, language).0, selected: chosen == $0.rawValue)
            },
            note: form.values["note"] ?? "", action: "/incidents/\(incident.id)", form: form)
        return page("incidents/card", title: "inc_card", content: view, request, context, status: status)
    }

    // MARK: Holds

    struct HoldsView {
        var rows: [HoldRowView]
        var hasRows: Bool
        var withheld: Bool
        var includingReleased: Bool
        var toggleHref: String
        var mayManage: Bool
        var kinds: [OptionView]
        var value: String
        var reason: String
        var inForce: [OptionView]
        var hasInForce: Bool
        var releaseReason: String
        var form: FormState
    }

    struct HoldRowView {
        var id: String
        var scope: String
        var target: String
        var reason: String
        var documents: String
        var placed: String
        var state: String
        var stateClass: String
    }

    struct PlaceHoldForm: Decodable { var kind: String?; var value: String?; var reason: String? }
    struct ReleaseHoldForm: Decodable { var hold: String?; var releaseReason: String? }

    func addHolds(to router: RouterGroup<APIRequestContext>) {
        router.get("gels") { request, context -> Response in
            try await holdsPage(request, context, form: FormState())
        }
        router.post("gels") { request, context -> Response in
            let form = try await PageForm.decode(PlaceHoldForm.self, request)
            let session = try session(context)
            let value = form.value ?? ""
            let result = await outcome { () async throws(Refusal) -> HoldEntry in
                let target: HoldTarget
                switch form.kind {
                case "document": target = .document(value)
                case "rule": target = .rule(value)
                case "query": target = .query(value)
                default: throw Refusal.invalidValue("kind", form.kind ?? "", allowed: ["document", "rule", "query"])
                }
                return try await sablier.placeHold(session, on: target, reason: form.reason ?? "")
            }
            switch result {
            case .success:
                return redirect("/gels", done: "holds_placed")
            case .failure(let refusal):
                if refusal.kind == .forbidden { throw refusal }
                let field: String
                switch refusal.values["field"] {
                case "reason": field = "reason"
                case "kind": field = "kind"
                default: field = "value"
                }
                let state = FormState(values: ["kind": form.kind ?? "", "value": value, "reason": form.reason ?? ""], refusal: refusal,
                                      field: field, language(request))
                return try await holdsPage(request, context, form: state, status: HTTPResponse.Status(code: refusal.kind.httpStatus))
            }
        }
        router.post("gels/levee") { request, context -> Response in
            let form = try await PageForm.decode(ReleaseHoldForm.self, request)
            let session = try session(context)
            let result = await outcome { () async throws(Refusal) -> HoldEntry in
                guard let id = form.hold.flatMap({ Int($0) }) else { throw Refusal(.holdNotFound, ["hold": form.hold ?? ""]) }
                return try await sablier.releaseHold(session, id, reason: form.releaseReason ?? "")
            }
            switch result {
            case .success:
                return redirect("/gels", done: "holds_released_done")
            case .failure(let refusal):
                if refusal.kind == .forbidden { throw refusal }
                let field = refusal.code == .emptyText ? "releaseReason" : "hold"
                let state = FormState(values: ["hold": form.hold ?? "", "releaseReason": form.releaseReason ?? ""], refusal: refusal,
                                      field: field, language(request))
                return try await holdsPage(request, context, form: state, status: HTTPResponse.Status(code: refusal.kind.httpStatus))
            }
        }
    }

    private func holdsPage(_ request: Request, _ context: APIRequestContext, form: FormState,
                           status: HTTPResponse.Status = .ok) async throws -> Response {
        let session = try session(context)
        let language = language(request)
        let released = request.uri.queryParameters.get("tous") != nil
        let listing = try await sablier.holds(session, includingReleased: released)
        let rows = listing.holds.map { hold in
            HoldRowView(id: String(hold.id), scope: Labels.all["holds_scope_" + hold.scope]?.text(language) ?? hold.scope, target: hold.target,
                        reason: hold.reason, documents: WebFormat.number(hold.documents),
                        placed: "\(WebFormat.time(hold.placedAt)) (\(hold.placedBy))",
                        state: Labels.text(hold.releasedAt == nil ? "holds_in_force" : "holds_released", language),
                        stateClass: hold.releasedAt == nil ? "warn" : "")
        }
        // Released holds are listed too on request, but only those in force can be released.
        let current = released ? try await sablier.holds(session).holds : listing.holds
        let chosenKind = form.values["kind"] ?? "document"
        let view = HoldsView(
            rows: rows, hasRows: !rows.isEmpty, withheld: listing.withheld > 0, includingReleased: released,
            toggleHref: released ? "/gels" : "/gels?tous=1",
            mayManage: offers(.manageHolds, to: session),
            kinds: ["document", "rule", "query"].map {
                OptionView(value: $0, label: Labels.text("holds_kind_" + $0, language), selected: chosenKind == $0)
            },
            value: form.values["value"] ?? "", reason: form.values["reason"] ?? "",
            inForce: current.map { hold in
                OptionView(value: String(hold.id), label: "\(hold.id) — \(hold.target) — \(hold.reason)", selected: form.values["hold"] == String(hold.id))
            },
            hasInForce: !current.isEmpty, releaseReason: form.values["releaseReason"] ?? "", form: form)
        return page("holds/list", title: "holds_title", content: view, request, context, status: status)
    }
}
