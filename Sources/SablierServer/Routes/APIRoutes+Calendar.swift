import Foundation
import Hummingbird
import SablierApplication
import SablierCore

/// The calendar: versions, rules, comparison, export, import (an upload), impact, open periods.
extension APIRoutes {
    struct ConfirmEventForm: Decodable, Sendable {
        var rule: String
        var copy: String?
        var period: String?
        var event: String?
        var offsetYears: Int?
    }

    func addCalendar(to api: RouterGroup<APIRequestContext>) {
        api.get("calendar/versions") { request, context -> Response in
            try page(try await sablier.calendarVersions(try context.session), request)
        }
        // The body is the calendar file itself (GALA or native XML, CSV, .ods), streamed to disk.
        api.post("calendar/versions") { request, context -> Response in
            let session = try context.session
            let dryRun = try request.queryFlag("dryRun")
            let name = Self.uploadName(request, default: "calendrier")
            return try await uploads.receiving(request, named: name) { path in
                let result = try await sablier.importCalendar(session, file: path, named: name, maxBytes: uploads.maxBytes,
                                                              dryRun: dryRun)
                return try json(result, status: dryRun ? .ok : .created)
            }
        }
        api.get("calendar/rules") { request, context -> Response in
            let list = try await sablier.calendarRules(try context.session, version: try request.queryInt("version"))
            return try page(list.rules, request)
        }
        api.get("calendar/rules/:number") { request, context -> Response in
            let shown = try await sablier.calendarRule(try context.session, try context.parameters.text("number"),
                                                       version: try request.queryInt("version"))
            return try json(shown.rule)
        }
        api.get("calendar/diff") { request, context -> Response in
            guard let from = try request.queryInt("from"), let to = try request.queryInt("to") else {
                throw Refusal(.emptyText, ["field": "from, to"])
            }
            return try json(try await sablier.compareCalendars(try context.session, from: from, to: to))
        }
        // The version as GALA or native XML, the bytes the command line writes to a file.
        api.get("calendar/export") { request, context -> Response in
            let format = try request.queryEnum("format", CalendarExportFormat.self) ?? .gala
            let export = try await sablier.exportCalendar(try context.session, format: format, version: try request.queryInt("version"),
                                                          file: "calendrier-\(format.rawValue).xml")
            return Response(status: .ok, headers: [.contentType: "application/xml; charset=utf-8",
                                                   .contentDisposition: "attachment; filename=\"calendrier-v\(export.version)-\(format.rawValue).xml\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: export.data)))
        }
        api.get("calendar/impact") { request, context -> Response in
            guard let from = try request.queryInt("from"), let to = try request.queryInt("to") else {
                throw Refusal(.emptyText, ["field": "from, to"])
            }
            let report = try await sablier.calendarImpact(try context.session, from: from, to: .version(to))
            return try page(report.entries, request, withheld: report.withheld)
        }
        // The impact of a calendar file not yet imported: the body is the file.
        api.post("calendar/impact") { request, context -> Response in
            let session = try context.session
            guard let from = try request.queryInt("from") else { throw Refusal(.emptyText, ["field": "from"]) }
            let name = Self.uploadName(request, default: "calendrier")
            return try await uploads.receiving(request, named: name) { path in
                let report = try await sablier.calendarImpact(session, from: from, to: .file(path, maxBytes: uploads.maxBytes, named: name))
                return try page(report.entries, request, withheld: report.withheld)
            }
        }
        api.get("calendar/open-periods") { request, context -> Response in
            try page(try await sablier.openPeriods(try context.session), request)
        }
        api.post("calendar/open-periods") { request, context -> Response in
            let form = try await request.json(ConfirmEventForm.self, context: context)
            let copy = try form.copy.map { text throws(Refusal) in try CopyKind.parse(text, field: "copy") } ?? .principal
            let period = try form.period.map { text throws(Refusal) in try CopyField.parse(text, field: "period") } ?? .active
            let confirmed = try await sablier.confirmEvent(try context.session, rule: form.rule, copy: copy, period: period,
                                                           event: form.event, offsetYears: form.offsetYears)
            return try json(confirmed, status: .created)
        }
    }
}
