import Foundation
import Hummingbird
import NIOCore
import SablierApplication
import SablierCore
import SablierCSV
import SablierServer

/// The due list: `/echeancier` (a date, an action, a unit, sortable, a hundred lines a page),
/// the same lines as a CSV file Excel in French opens as columns (`/echeancier.csv`), and a
/// page to print (`/echeancier/impression`).
///
/// The three parse the query, call the one use case `duePage` and render what it gives: it
/// decides what the reader may see (through `dueList`), keeps the unit asked for, sorts, and
/// cuts the window; the page file and the print view ask it for every line.
extension WebPages {
    func addDue(to router: RouterGroup<APIRequestContext>) {
        router.get("echeancier") { request, context -> Response in
            let language = language(request)
            switch DueQuery.parse(request, today: today) {
            case .failure(let problem):
                let form = FormState(values: problem.values, refusal: problem.refusal, field: problem.field, language)
                let view = DueListView(form: form, query: problem.fallback(today), page: nil, language)
                return page("due/list", title: "due_title", content: view, request, context, status: .unprocessableContent)
            case .success(let query):
                let due = try await sablier.duePage(try session(context), query.request(paged: true))
                let view = DueListView(form: FormState(), query: query, page: due, language)
                return page("due/list", title: "due_title", content: view, request, context)
            }
        }
        router.get("echeancier.csv") { request, context -> Response in
            let query = try DueQuery.parse(request, today: today).mapError(\.refusal).get()
            let due = try await sablier.duePage(try session(context), query.request(paged: false))
            return DueCSV.response(due.entries, query: query, language(request))
        }
        router.get("echeancier/impression") { request, context -> Response in
            let query = try DueQuery.parse(request, today: today).mapError(\.refusal).get()
            let session = try session(context)
            let due = try await sablier.duePage(session, query.request(paged: false))
            let view = DuePrintView(query: query, page: due, printedOn: today, by: session.user.name, language(request))
            return renderer.response("due/print", frame(title: "due_print_title", content: view, request, context))
        }
    }
}

/// What the reader asked the due list for: `?date=&action=&unite=&tri=&ordre=&page=`.
struct DueQuery {
    static let pageSize = 100

    var date: CivilDate
    var action: DueAction?
    var unit: String?
    var sort: DueSortKey = .due
    var descending = false
    var page = 1

    /// A value of the query that does not read, as the application words a refusal of it.
    struct Problem: Error {
        let refusal: Refusal
        let field: String
        let values: [String: String]
        let query: DueQuery?

        /// The list to show under the form: the other criteria as given, on `today`.
        func fallback(_ today: CivilDate) -> DueQuery { query ?? DueQuery(date: today) }
    }

    static func parse(_ request: Request, today: CivilDate) -> Result<DueQuery, Problem> {
        let parameters = request.uri.queryParameters
        func value(_ name: String) -> String? {
            guard let text = parameters.get(name)?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        var query = DueQuery(date: today)
        query.unit = value("unite")
        query.sort = value("tri").flatMap(DueSortKey.init(rawValue:)) ?? .due
        query.descending = value("ordre") == "desc"
        query.page = PageNumber.read(value("page"))
        var values = ["date": value("date") ?? "", "action": value("action") ?? "", "unite": query.unit ?? ""]
        if let text = value("action") {
            guard let action = DueAction(rawValue: text) else {
                values["action"] = ""
                return .failure(Problem(refusal: Refusal.invalidValue("action", text, allowed: DueAction.allCases.map(\.rawValue)),
                                        field: "action", values: values, query: query))
            }
            query.action = action
        }
        if let text = value("date") {
            guard let date = CivilDate(iso: text) else {
                return .failure(Problem(refusal: Refusal.invalidValue("date", text, allowed: ["AAAA-MM-JJ"]), field: "date",
                                        values: values, query: query))
            }
            query.date = date
        }
        return .success(query)
    }

    /// What the use case is asked: this query's page of `pageSize` lines, or (`paged` false,
    /// the file and the print view) every line.
    func request(paged: Bool) -> DuePageRequest {
        DuePageRequest(asOf: date, action: action, unit: unit, sort: sort, descending: descending,
                       offset: paged ? PageNumber.offset(page, size: Self.pageSize) : 0, limit: paged ? Self.pageSize : nil)
    }

    /// The query string of this query with some values changed (nil removes one); the page
    /// is left out unless given.
    func href(_ path: String, sort: DueSortKey? = nil, descending: Bool? = nil, page: Int? = nil) -> String {
        var items: [(String, String)] = [("date", date.description)]
        if let action { items.append(("action", action.rawValue)) }
        if let unit { items.append(("unite", unit)) }
        items.append(("tri", (sort ?? self.sort).rawValue))
        if descending ?? self.descending { items.append(("ordre", "desc")) }
        if let page, page > 1 { items.append(("page", String(page))) }
        return path + "?" + items.map { "\($0.0)=\(WebPages.queryEscaped($0.1))" }.joined(separator: "&")
    }
}

/// An option of a select.
struct SelectOption {
    let value: String
    let label: String
    let selected: Bool
}

/// A column header: a link that sorts on it, and its state for `aria-sort`.
struct DueColumn {
    let label: String
    let href: String?
    let ariaSort: String?
    let arrow: String?
    let stateText: String?
}

/// One line as a table shows it.
struct DueRowView {
    let reference: String
    let href: String
    let title: String
    let masked: Bool
    let rule: String
    let holder: String
    let action: String
    let due: String
    let held: Bool

    init(_ entry: DueEntry, _ language: Language) {
        reference = entry.reference
        href = WebPages.registerDocumentHref(entry.reference)
        title = entry.title
        masked = entry.confidential == true
        rule = entry.rule
        holder = entry.holder
        action = Labels.text("due_action_\(entry.action)", language)
        due = entry.due
        held = entry.held
    }
}

/// The due list page: its form, its counts, its page of lines and the links to the others.
struct DueListView {
    let form: FormState
    let dateValue: String
    let actions: [SelectOption]
    let units: [SelectOption]
    let sort: String
    let order: String
    let columns: [DueColumn]
    let rows: [DueRowView]
    let hasRows: Bool
    let hasList: Bool
    let count: String
    let byAction: [CountLine]
    let range: String?
    let withheld: String?
    let held: String?
    let previousHref: String?
    let nextHref: String?
    let hasPager: Bool
    let csvHref: String
    let printHref: String

    init(form: FormState, query: DueQuery, page due: DuePage?, _ language: Language) {
        self.form = form
        dateValue = form.values["date"].flatMap { $0.isEmpty ? nil : $0 } ?? query.date.description
        actions = [SelectOption(value: "", label: Labels.text("due_all_actions", language), selected: query.action == nil)]
            + DueAction.allCases.map {
                SelectOption(value: $0.rawValue, label: Labels.text("due_action_\($0.rawValue)", language), selected: query.action == $0)
            }
        // The units the use case found among the reader's lines; a unit asked for that is not
        // among them is shown back as typed, as selected, so that the form says what was asked.
        let present = due?.units ?? []
        let echoed = query.unit.flatMap { due?.unit == nil ? $0 : nil }
        units = [SelectOption(value: "", label: Labels.text("due_all_units", language), selected: query.unit == nil)]
            + present.map { SelectOption(value: $0, label: $0, selected: $0 == due?.unit) }
            + (echoed.map { [SelectOption(value: $0, label: $0, selected: true)] } ?? [])
        sort = query.sort.rawValue
        order = query.descending ? "desc" : "asc"
        let sortable: [(String, DueSortKey?)] = [("due_reference", .reference), ("due_doc_title", .title), ("due_rule", .rule),
                                                 ("due_unit", .unit), ("due_action", nil), ("due_due", .due), ("due_hold", nil)]
        columns = sortable.map { key, column in
            guard let column else { return DueColumn(label: Labels.text(key, language), href: nil, ariaSort: nil, arrow: nil, stateText: nil) }
            let current = column == query.sort
            let href = query.href("/echeancier", sort: column, descending: current ? !query.descending : false)
            return DueColumn(label: Labels.text(key, language), href: href,
                             ariaSort: current ? (query.descending ? "descending" : "ascending") : nil,
                             arrow: current ? (query.descending ? "↓" : "↑") : nil,
                             stateText: current ? Labels.text(query.descending ? "due_sorted_desc" : "due_sorted_asc", language) : nil)
        }
        csvHref = query.href("/echeancier.csv")
        printHref = query.href("/echeancier/impression")
        guard let due else {
            rows = []; hasRows = false; hasList = false; count = ""; byAction = []; range = nil; withheld = nil; held = nil
            previousHref = nil; nextHref = nil; hasPager = false
            return
        }
        hasList = true
        // The use case moved a window past the end back to the last one: the page shown is its.
        let size = due.limit ?? DueQuery.pageSize
        let pages = max((due.total + size - 1) / size, 1)
        let page = due.offset / size + 1
        rows = due.entries.map { DueRowView($0, language) }
        hasRows = !rows.isEmpty
        count = "\(WebFormat.count(due.total, Labels.text("due_count_one", language), Labels.text("due_count_many", language)))"
            + " — \(WebFormat.longDate(query.date, language))"
        byAction = DueAction.allCases.map {
            CountLine(label: Labels.text("due_action_\($0.rawValue)", language), count: WebFormat.number(due.summary.count($0)))
        }
        range = due.total > size
            ? "\(Labels.text("due_shown_range", language)) \(WebFormat.number(due.offset + 1))–\(WebFormat.number(due.offset + rows.count)) "
                + "\(Labels.text("due_of", language)) \(WebFormat.number(due.total))"
            : nil
        withheld = due.summary.withheld > 0 ? WebFormat.number(due.summary.withheld) : nil
        held = due.summary.held > 0 ? WebFormat.number(due.summary.held) : nil
        previousHref = page > 1 ? query.href("/echeancier", page: page - 1) : nil
        nextHref = page < pages ? query.href("/echeancier", page: page + 1) : nil
        hasPager = pages > 1
    }
}

/// The print view: every selected line, the date and criteria in the title, no navigation.
struct DuePrintView {
    let heading: String
    let criteria: String
    let sortedBy: String
    let count: String
    let withheld: String?
    let printedOn: String
    let printedBy: String
    let backHref: String
    let columns: [String]
    let rows: [DueRowView]
    let hasRows: Bool

    init(query: DueQuery, page due: DuePage, printedOn: CivilDate, by user: String, _ language: Language) {
        heading = "\(Labels.text("due_title", language)) — \(Labels.text("due_date", language).lowercased()) "
            + WebFormat.longDate(query.date, language)
        let action = query.action.map { Labels.text("due_action_\($0.rawValue)", language) } ?? Labels.text("due_all_actions", language)
        let colon = Labels.text("due_colon", language)
        criteria = "\(Labels.text("due_action", language))\(colon)\(action) · \(Labels.text("due_unit", language))\(colon)"
            + (query.unit ?? Labels.text("due_all_units", language))
        let sortKey = ["reference": "due_reference", "due": "due_due", "title": "due_doc_title", "rule": "due_rule", "unit": "due_unit"]
        sortedBy = "\(Labels.text(sortKey[query.sort.rawValue] ?? "due_due", language)), "
            + Labels.text(query.descending ? "due_sorted_desc" : "due_sorted_asc", language)
        count = WebFormat.count(due.total, Labels.text("due_count_one", language), Labels.text("due_count_many", language))
        withheld = due.summary.withheld > 0 ? WebFormat.number(due.summary.withheld) : nil
        self.printedOn = printedOn.description
        printedBy = user
        backHref = query.href("/echeancier")
        columns = ["due_reference", "due_doc_title", "due_rule", "due_unit", "due_action", "due_due", "due_hold"].map { Labels.text($0, language) }
        rows = due.entries.map { DueRowView($0, language) }
        hasRows = !rows.isEmpty
    }
}

/// The due list as a CSV file for a person opening it in Excel in French: UTF-8 with a BOM, `;`,
/// CR LF, headers in the page's language, formulas neutralised (`CSVFormat.frenchSpreadsheet`).
enum DueCSV {
    static func bytes(_ entries: [DueEntry], _ language: Language) -> [UInt8] {
        var writer = CSVWriter(format: .frenchSpreadsheet)
        writer.row(["due_reference", "due_doc_title", "due_rule", "due_copy", "due_support", "due_unit", "due_action", "due_due", "due_hold"]
            .map { Labels.text($0, language) })
        for entry in entries {
            writer.row([entry.reference, entry.title, entry.rule, entry.copy, entry.support, entry.holder,
                        Labels.text("due_action_\(entry.action)", language), entry.due,
                        Labels.text(entry.held ? "due_yes" : "due_no", language)])
        }
        return writer.bytes
    }

    static func response(_ entries: [DueEntry], query: DueQuery, _ language: Language) -> Response {
        let name = "echeancier-\(query.date)\(query.action.map { "-\($0.rawValue)" } ?? "").csv"
        return Response(status: .ok,
                        headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes(entries, language))))
    }
}
