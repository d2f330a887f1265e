import ArgumentParser
import Foundation
import SablierApplication
import SablierCore

/// `sablier report …`: the yearly disposition report, the register's volumes, and the review of
/// access rights, as a table, CSV (`--excel` for a spreadsheet) or JSON.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports: the dispositions of a year, the register's volumes, the users' access rights.",
        subcommands: [ReportDisposition.self, ReportVolumes.self, ReportAccess.self]
    )
}

/// `sablier report disposition --year 2025-2026`: what was destroyed, deposited and sorted in a year.
struct ReportDisposition: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "disposition",
        abstract: "What the executed disposition lists destroyed, deposited (versement) and sorted (tri) in a year, by unit and rule.",
        discussion: """
            The year runs from the day after the calendar's year end to the next one: with 06-30, \
            2025-2026 is 2025-07-01 to 2026-06-30. Lines of kind `rule` give each unit and rule; \
            `total` lines each action's total; `method` lines what was destroyed without a file \
            (paper, film) by the method its list recorded.
            """
    )

    @Option(help: ArgumentHelp("The year, as its two calendar years.", valueName: "YYYY-YYYY")) var year: String
    @Option(help: "Only this holder unit (a détenteur always reads their own).") var unit: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let report = try await sablier.dispositionReport(session, year: year, unit: unit)
        func numbers(_ lists: [Int]) -> String { lists.map(String.init).joined(separator: " ") }
        var rows = report.lines.map { line in
            ["rule", line.holder, line.rule, line.title ?? "", line.action.rawValue, line.outcome.rawValue, "", String(line.count),
             numbers(line.lists), line.vendorCertificates.joined(separator: " ")]
        }
        rows += report.totals.map { total in
            ["total", "", "", "", total.action.rawValue, total.outcome.rawValue, "", String(total.count), numbers(total.lists),
             total.vendorCertificates.joined(separator: " ")]
        }
        rows += report.destroyedWithoutFileByMethod.map { method in
            ["method", "", "", "", "", DispositionOutcome.destroyed.rawValue, method.method ?? "", String(method.count),
             numbers(method.lists), method.vendorCertificates.joined(separator: " ")]
        }
        let table = Table(columns: ["line", "holder", "rule", "title", "action", "outcome", "method", "documents", "lists", "certificates"],
                          rows: rows)
        if output.format == .table {
            Console.out("\(report.year.label): \(report.year.first) – \(report.year.last)" + (report.unit.map { " · \($0)" } ?? ""))
        }
        try Listing.print(output, table: table, json: report)
    }
}

/// `sablier report volumes`: documents by phase, support and unit; boxes and linear metres.
struct ReportVolumes: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "volumes",
        abstract: "Documents by phase, support and holder unit, and the linear metres of their boxes where boxes give a size.",
        discussion: """
            Lines of kind `documents` count documents; `boxes` lines count each box once, under \
            its unit, or under `(several units)` when it holds documents of more than one (in a \
            report limited to a unit, under that unit, from its own documents only), and give the \
            metres of the boxes with a size and how many have none.
            """
    )

    @Option(help: "Only this holder unit (a détenteur always reads their own).") var unit: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let report = try await sablier.volumeReport(session, unit: unit)
        var rows = report.documents.map { line in
            ["documents", line.holder, line.phase.rawValue, line.support, String(line.documents), "", "", ""]
        }
        rows += report.boxes.map { line in
            ["boxes", line.holder ?? "(several units)", line.phase?.rawValue ?? "(several phases)", "", "", String(line.boxes),
             ReportVolumes.metres(line.linearMetres), String(line.boxesWithoutSize)]
        }
        rows.append(["total", "", "", "", String(report.totalDocuments), String(report.totalBoxes),
                     ReportVolumes.metres(report.totalLinearMetres), String(report.totalBoxesWithoutSize)])
        let table = Table(columns: ["line", "holder", "phase", "support", "documents", "boxes", "linear_m", "boxes_without_size"],
                          rows: rows)
        try Listing.print(output, table: table, json: report)
    }

    /// Metres to the millimetre, with a point whatever the locale (CSV and scripts read it).
    static func metres(_ value: Double) -> String { String(format: "%.3f", value) }
}

/// `sablier report access`: every user, their roles and last activity, for the RSI's review.
struct ReportAccess: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Every user, active or not: roles, unit, e-mail, created at and by, last activity and days idle.",
        discussion: "For the periodic review of access rights. Last activity is the user's newest entry in the audit trail."
    )

    @Option(name: .customLong("inactive-days"), help: "Flag the active users idle for at least this many days.")
    var inactiveDays: Int?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let report = try await sablier.accessReport(session, inactiveDays: inactiveDays)
        let table = Table(
            columns: ["name", "unit", "roles", "active", "email", "created_at", "created_by", "last_activity", "idle_days", "flagged"],
            rows: report.users.map { user in
                [user.name, user.unit, user.roles.joined(separator: " "), user.active ? "yes" : "no", user.email ?? "",
                 user.createdAt.formatted(.iso8601), user.createdBy, user.lastActivity?.formatted(.iso8601) ?? "",
                 String(user.idleDays), user.inactive == true ? "yes" : ""]
            })
        try Listing.print(output, table: table, json: report)
        if let days = report.inactiveDays, output.format == .table {
            Console.out("\(report.flagged) active user\(report.flagged == 1 ? "" : "s") idle for \(days) days or more (as of \(report.asOf))")
        }
    }
}
