import Foundation
import Hummingbird
import SablierApplication
import SablierCore
import SablierServer

/// The dashboard, `/tableau-de-bord`: what is due by the end of the month and of the year,
/// what waits for a review, the holds and incidents open, the register by phase, support and
/// unit, and a chart of what falls due each year for ten years.
///
/// One use case, `overview`, says what the signed-in person may see: a part their roles do not
/// open is absent from its answer, and so from the page; no role is refused the dashboard.
extension WebPages {
    func addDashboard(to router: RouterGroup<APIRequestContext>) {
        router.get("tableau-de-bord") { request, context -> Response in
            let overview = try await sablier.overview(try session(context))
            let view = DashboardView(overview, language(request))
            return page("dashboard/dashboard", title: "dashboard_title", content: view, request, context)
        }
    }
}

/// The dashboard as the template shows it: every number formatted, every part present only
/// when the overview has it.
struct DashboardView {
    let asOf: String
    let tiles: [DashboardTile]
    let hasTiles: Bool
    let register: DashboardRegister?
    let noRegister: Bool
    let volumes: DashboardVolumes?

    init(_ overview: RegisterOverview, _ language: Language) {
        let day = CivilDate(iso: overview.asOf)
        asOf = day.map { WebFormat.longDate($0, language) } ?? overview.asOf
        var tiles: [DashboardTile] = []
        if let due = overview.dueByMonthEnd {
            tiles.append(.due(due, id: "month", heading: "dash_due_month", on: overview.monthEnd, language))
        }
        if let due = overview.dueByYearEnd {
            tiles.append(.due(due, id: "year", heading: "dash_due_year", on: overview.yearEnd, language))
        }
        if let pending = overview.privacyPending {
            tiles.append(DashboardTile(id: "privacy", heading: "dash_privacy", number: pending, hint: "dash_privacy_hint",
                                       href: Section.privacy.href, link: "dash_privacy_link", language))
        }
        if let holds = overview.openHolds {
            tiles.append(DashboardTile(id: "holds", heading: "dash_holds", number: holds, hint: "dash_holds_hint",
                                       href: Section.holds.href, link: "dash_holds_link", language))
        }
        if let incidents = overview.openIncidents {
            tiles.append(DashboardTile(id: "incidents", heading: "dash_incidents", number: incidents, hint: "dash_incidents_hint",
                                       href: Section.incidents.href, link: "dash_incidents_link", language))
        }
        self.tiles = tiles
        hasTiles = !tiles.isEmpty
        register = overview.register.map { DashboardRegister($0, language) }
        noRegister = overview.register == nil
        volumes = overview.register.map { DashboardVolumes($0, dueHref: overview.dueByMonthEnd == nil ? nil : Section.due.href, language) }
    }
}

/// A label and its number, formatted.
struct CountLine {
    let label: String
    let count: String
}

/// One tile: a heading, a big number, what it counts, and the page it comes from.
struct DashboardTile {
    let id: String
    let heading: String
    let number: String
    let hint: String
    let href: String
    let link: String
    let breakdown: [CountLine]
    let hasBreakdown: Bool

    init(id: String, heading: String, number: Int, hint: String, href: String, link: String, breakdown: [CountLine] = [],
         _ language: Language) {
        self.id = id
        self.heading = Labels.text(heading, language)
        self.number = WebFormat.number(number)
        self.hint = hint.hasPrefix("dash_") ? Labels.text(hint, language) : hint
        self.href = href
        self.link = Labels.text(link, language)
        self.breakdown = breakdown
        hasBreakdown = !breakdown.isEmpty
    }

    /// What is due by `on`, by action, linking to the due list on that date.
    static func due(_ summary: DueSummary, id: String, heading: String, on: String, _ language: Language) -> DashboardTile {
        var lines = DueAction.allCases.map { action in
            CountLine(label: Labels.text("due_action_\(action.rawValue)", language), count: WebFormat.number(summary.count(action)))
        }
        if summary.held > 0 { lines.append(CountLine(label: Labels.text("dash_held_due", language), count: WebFormat.number(summary.held))) }
        let date = CivilDate(iso: on).map { WebFormat.longDate($0, language) } ?? on
        return DashboardTile(id: id, heading: heading, number: summary.total, hint: "\(Labels.text("dash_due_hint", language)) \(date)",
                             href: "\(Section.due.href)?date=\(on)", link: "dash_due_link", breakdown: lines, language)
    }
}

extension DueSummary {
    /// The count of one action.
    func count(_ action: DueAction) -> Int {
        switch action {
        case .transfer: return transfer
        case .destroy: return destroy
        case .deposit: return deposit
        case .sort: return sort
        }
    }
}

/// The register's counts by phase, support and unit.
struct DashboardRegister {
    let total: String
    let withheld: String?
    let phases: [CountLine]
    let supports: [CountLine]
    let units: [CountLine]
    let hasSupports: Bool
    let hasUnits: Bool

    init(_ counts: RegisterCounts, _ language: Language) {
        total = WebFormat.number(counts.total)
        withheld = counts.withheld > 0 ? WebFormat.number(counts.withheld) : nil
        phases = counts.byPhase.map {
            CountLine(label: Labels.text("dash_phase_\($0.name.replacingOccurrences(of: "-", with: "_"))", language),
                      count: WebFormat.number($0.count))
        }
        supports = counts.bySupport.map { CountLine(label: Self.support($0.name, language), count: WebFormat.number($0.count)) }
        units = counts.byHolder.map { CountLine(label: $0.name, count: WebFormat.number($0.count)) }
        hasSupports = !supports.isEmpty
        hasUnits = !units.isEmpty
    }

    /// `PA — papier`: the code as the register writes it, and what it means when known.
    static func support(_ code: String, _ language: Language) -> String {
        let key = "dash_support_\(code.lowercased())"
        guard Labels.all[key] != nil else { return code }
        return "\(code) — \(Labels.text(key, language))"
    }
}

/// The actions falling due each year for ten years: a chart, and its numbers as a table.
struct DashboardVolumes {
    /// The SVG, built here from numbers only (labels are escaped): the template writes it raw.
    let chart: String
    let rows: [Row]
    let overdue: String
    let hasOverdue: Bool
    /// False when nothing falls due in the ten years, which the chart alone would show as blank.
    let hasAhead: Bool
    /// The due list, for a reader who may open it.
    let dueHref: String?
    let actions: [String]

    struct Row {
        let year: String
        let counts: [String]
        let total: String
    }

    init(_ counts: RegisterCounts, dueHref: String?, _ language: Language) {
        self.dueHref = dueHref
        actions = DueAction.allCases.map { Labels.text("due_action_\($0.rawValue)", language) }
        rows = counts.years.map { volume in
            Row(year: String(volume.year), counts: DueAction.allCases.map { WebFormat.number(volume.counts[$0]) },
                total: WebFormat.number(volume.counts.total))
        }
        overdue = WebFormat.number(counts.overdue.total)
        hasOverdue = counts.overdue.total > 0
        hasAhead = counts.years.contains { $0.counts.total > 0 }
        chart = DueChart.svg(counts.years, language)
    }
}

/// A stacked bar chart of the volumes falling due per year, as an SVG string.
///
/// Every number in it is an `Int` formatted here, and every text is escaped: it is the only
/// markup the templates write unescaped. Colours are told apart by the legend's words too, and
/// each bar carries a `<title>` with its numbers; the table beside it gives them all again.
enum DueChart {
    /// Dark enough on white for 3:1 (WCAG 1.4.11): blue, red, green, brown.
    static let colours: [DueAction: String] = [.transfer: "#0b4f8a", .destroy: "#a4161a", .deposit: "#1d6b38", .sort: "#7a4b00"]

    static func svg(_ years: [YearVolume], _ language: Language) -> String {
        let width = 760, height = 320, left = 48, right = 12, top = 44, bottom = 32
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let maximum = max(years.map(\.counts.total).max() ?? 0, 1)
        let step = niceStep(maximum)
        let topValue = ((maximum + step - 1) / step) * step
        func y(_ value: Int) -> Int { top + plotHeight - value * plotHeight / topValue }
        let title = Labels.text("dash_chart_title", language)
        let colon = Labels.text("due_colon", language)
        let summary = years.map { "\($0.year)\(colon)\(WebFormat.number($0.counts.total))" }.joined(separator: " ; ")
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" "
            + "role=\"img\" aria-label=\"\(escape(title)). \(escape(summary))\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"12\">"
        svg += "<title>\(escape(title))</title>"
        // The legend, in words.
        var x = left
        for action in DueAction.allCases {
            let name = escape(Labels.text("due_action_\(action.rawValue)", language))
            svg += "<rect x=\"\(x)\" y=\"8\" width=\"14\" height=\"14\" fill=\"\(colours[action]!)\"/>"
            svg += "<text x=\"\(x + 20)\" y=\"20\" fill=\"#1b1f24\">\(name)</text>"
            x += 40 + name.count * 7
        }
        // The axis and its grid.
        var tick = 0
        while tick <= topValue {
            svg += "<line x1=\"\(left)\" y1=\"\(y(tick))\" x2=\"\(width - right)\" y2=\"\(y(tick))\" stroke=\"#c9d1d9\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(y(tick) + 4)\" text-anchor=\"end\" fill=\"#4a5560\">\(WebFormat.number(tick))</text>"
            tick += step
        }
        let slot = plotWidth / max(years.count, 1)
        let barWidth = slot * 3 / 5
        for (index, volume) in years.enumerated() {
            let barX = left + index * slot + (slot - barWidth) / 2
            let parts = DueAction.allCases.filter { volume.counts[$0] > 0 }
                .map { "\(Labels.text("due_action_\($0.rawValue)", language))\(colon)\(WebFormat.number(volume.counts[$0]))" }
            let label = "\(volume.year) — \(WebFormat.number(volume.counts.total))" + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))")
            svg += "<g class=\"bar\"><title>\(escape(label))</title>"
            var base = 0
            for action in DueAction.allCases where volume.counts[action] > 0 {
                let value = volume.counts[action]
                svg += "<rect x=\"\(barX)\" y=\"\(y(base + value))\" width=\"\(barWidth)\" height=\"\(y(base) - y(base + value))\" "
                    + "fill=\"\(colours[action]!)\" stroke=\"#ffffff\" stroke-width=\"1\"/>"
                base += value
            }
            if volume.counts.total > 0 {
                svg += "<text x=\"\(barX + barWidth / 2)\" y=\"\(y(base) - 4)\" text-anchor=\"middle\" fill=\"#1b1f24\" font-weight=\"700\">"
                    + "\(WebFormat.number(volume.counts.total))</text>"
            }
            svg += "<text x=\"\(barX + barWidth / 2)\" y=\"\(height - bottom + 18)\" text-anchor=\"middle\" fill=\"#1b1f24\">\(volume.year)</text>"
            svg += "</g>"
        }
        svg += "<line x1=\"\(left)\" y1=\"\(y(0))\" x2=\"\(width - right)\" y2=\"\(y(0))\" stroke=\"#1b1f24\"/>"
        return svg + "</svg>"
    }

    /// A step of 1, 2 or 5 times a power of ten giving at most five grid lines.
    static func niceStep(_ maximum: Int) -> Int {
        var power = 1
        while true {
            for factor in [1, 2, 5] where maximum <= factor * power * 5 { return factor * power }
            power *= 10
        }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
