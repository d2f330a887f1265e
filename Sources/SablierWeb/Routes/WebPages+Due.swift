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
/// The three call the one use case `dueList`, which decides what the reader may see (their
/// unit's lines, or every line with confidential titles masked) and counts what it withheld.
/// The unit, the order and the page are the reader's choices among the lines they were given,
/// made here as sorting is: no line the use case withheld can come back through them.
extension WebPages {
    func addDue(to router: RouterGroup<APIRequestContext>) {
        router.get("echeancier") { request, context -> Response in
            let language = language(request)
            switch DueQuery.parse(request, today: today) {
            case .failure(let problem):
                let form = FormState(values: problem.values, refusal: problem.refusal, field: problem.field, language)
                let view = DueListView(form: form, query: problem.fallback(today), list: nil, language)
                return page("due/list", title: "due_title", content: view, request, context, status: .unprocessableContent)
            case .success(let query):
                let list = try await sablier.dueList(try session(context), asOf: query.date, action: query.action)
                let view = DueListView(form: FormState(), query: query, list: list, language)
                return page("due/list", title: "due_title", content: view, request, context)
            }
        }
        router.get("echeancier.csv") { request, context -> Response in
            let query = try DueQuery.parse(request, today: today).mapError(\.refusal).get()
            let list = try await sablier.dueList(try session(context), asOf: query.date, action: query.action)
            return DueCSV.response(query.select(list.entries), query: query, language(request))
        }
        router.get("echeancier/impression") { request, context -> Response in
            let query = try DueQuery.parse(request, today: today).mapError(\.refusal).get()
            let session = try session(context)
            let list = try await sablier.dueList(session, asOf: query.date, action: query.action)
            let view = DuePrintView(query: query, list: list, printedOn: today, by: session.user.name, language(request))
            return renderer.response("due/print", frame(title: "due_print_title", content: view, request, context))
        }
    }
}

/// The columns a due list sorts on, as `?tri=` names them.
enum DueSort: String, CaseIterable {
    case reference, due, title, rule, unit

    func less(_ a: DueEntry, _ b: DueEntry) -> Bool? {
        switch self {
        case .reference: return a.reference == b.reference ? nil : a.reference < b.reference
        case .due: return a.due == b.due ? nil : a.due < b.due
        case .title:
            let order = a.title.localizedStandardCompare(b.title)
            return order == .orderedSame ? nil : order == .orderedAscending
        case .rule:
            let order = a.rule.localizedStandardCompare(b.rule)
            return order == .orderedSame ? nil : order == .orderedAscending
        case .unit:
            let order = a.holder.localizedStandardCompare(b.holder)
            return order == .orderedSame ? nil : order == .orderedAscending
        }
    }
}

/// What the reader asked the due list for: `?date=&action=&unite=&tri=&ordre=&page=`.
struct DueQuery {
    static let pageSize = 100

    var date: CivilDate
    var action: DueAction?
    var unit: String?
    var sort: DueSort = .due
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
        query.sort = value("tri").flatMap(DueSort.init(rawValue:)) ?? .due
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

    /// The lines of the chosen unit, in the chosen order (ties by due date, then reference).
    func select(_ entries: [DueEntry]) -> [DueEntry] {
        let chosen = unit.map { unit in entries.filter { Access.sameUnit($0.holder, unit) } } ?? entries
        return chosen.sorted { a, b in
            if let less = sort.less(a, b) { return descending ? !less : less }
            if let less = DueSort.due.less(a, b) { return less }
            return a.reference < b.reference
        }
    }

    /// The query string of this query with some values changed (nil removes one); the page
    /// is left out unless given.
    func href(_ path: String, sort: DueSort? = nil, descending: Bool? = nil, page: Int? = nil) -> String {
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
        href = "/registre/documents/" + (entry.reference.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"]))
            ?? entry.reference)
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

    init(form: FormState, query: DueQuery, list: DueList?, _ language: Language) {
        self.form = form
        dateValue = form.values["date"].flatMap { $0.isEmpty ? nil : $0 } ?? query.date.description
        actions = [SelectOption(value: "", label: Labels.text("due_all_actions", language), selected: query.action == nil)]
            + DueAction.allCases.map {
                SelectOption(value: $0.rawValue, label: Labels.text("due_action_\($0.rawValue)", language), selected: query.action == $0)
            }
        // The units present in the lines the reader was given, and the one asked for.
        var present = Set((list?.entries ?? []).map(\.holder))
        if let unit = query.unit, !present.contains(where: { Access.sameUnit($0, unit) }) { present.insert(unit) }
        units = [SelectOption(value: "", label: Labels.text("due_all_units", language), selected: query.unit == nil)]
            + present.sorted { $0.localizedStandardCompare($1) == .orderedAscending }.map { unit in
                SelectOption(value: unit, label: unit, selected: query.unit.map { Access.sameUnit($0, unit) } ?? false)
            }
        sort = query.sort.rawValue
        order = query.descending ? "desc" : "asc"
        let sortable: [(String, DueSort?)] = [("due_reference", .reference), ("due_doc_title", .title), ("due_rule", .rule),
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
        guard let list else {
            rows = []; hasRows = false; hasList = false; count = ""; byAction = []; range = nil; withheld = nil; held = nil
            previousHref = nil; nextHref = nil; hasPager = false
            return
        }
        hasList = true
        let selected = query.select(list.entries)
        let pages = max((selected.count + DueQuery.pageSize - 1) / DueQuery.pageSize, 1)
        let page = min(query.page, pages)
        let start = (page - 1) * DueQuery.pageSize
        let shown = selected[start..<min(start + DueQuery.pageSize, selected.count)]
        rows = shown.map { DueRowView($0, language) }
        hasRows = !rows.isEmpty
        count = "\(WebFormat.count(selected.count, Labels.text("due_count_one", language), Labels.text("due_count_many", language)))"
            + " — \(WebFormat.longDate(query.date, language))"
        var counts: [DueAction: Int] = [:]
        for entry in selected { if let action = DueAction(rawValue: entry.action) { counts[action, default: 0] += 1 } }
        byAction = DueAction.allCases.map {
            CountLine(label: Labels.text("due_action_\($0.rawValue)", language), count: WebFormat.number(counts[$0] ?? 0))
        }
        range = selected.count > DueQuery.pageSize
            ? "\(Labels.text("due_shown_range", language)) \(WebFormat.number(start + 1))–\(WebFormat.number(start + shown.count)) "
                + "\(Labels.text("due_of", language)) \(WebFormat.number(selected.count))"
            : nil
        withheld = list.summary.withheld > 0 ? WebFormat.number(list.summary.withheld) : nil
        held = list.summary.held > 0 ? WebFormat.number(list.summary.held) : nil
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

    init(query: DueQuery, list: DueList, printedOn: CivilDate, by user: String, _ language: Language) {
        heading = "\(Labels.text("due_title", language)) — \(Labels.text("due_date", language).lowercased()) "
            + WebFormat.longDate(query.date, language)
        let action = query.action.map { Labels.text("due_action_\($0.rawValue)", language) } ?? Labels.text("due_all_actions", language)
        let colon = Labels.text("due_colon", language)
        criteria = "\(Labels.text("due_action", language))\(colon)\(action) · \(Labels.text("due_unit", language))\(colon)"
            + (query.unit ?? Labels.text("due_all_units", language))
        let sortKey = ["reference": "due_reference", "due": "due_due", "title": "due_doc_title", "rule": "due_rule", "unit": "due_unit"]
        sortedBy = "\(Labels.text(sortKey[query.sort.rawValue] ?? "due_due", language)), "
            + Labels.text(query.descending ? "due_sorted_desc" : "due_sorted_asc", language)
        let selected = query.select(list.entries)
        count = WebFormat.count(selected.count, Labels.text("due_count_one", language), Labels.text("due_count_many", language))
        withheld = list.summary.withheld > 0 ? WebFormat.number(list.summary.withheld) : nil
        self.printedOn = printedOn.description
        printedBy = user
        backHref = query.href("/echeancier")
        columns = ["due_reference", "due_doc_title", "due_rule", "due_unit", "due_action", "due_due", "due_hold"].map { Labels.text($0, language) }
        rows = selected.map { DueRowView($0, language) }
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
