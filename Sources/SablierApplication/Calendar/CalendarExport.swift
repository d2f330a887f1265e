public import Foundation
public import SablierCore
import SablierStore
import SablierXML

/// The XML formats a calendar is exported to.
public enum CalendarExportFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// BAnQ's exchange XML (`schemas/gala.xsd`).
    case gala
    /// Sablier's own (`schemas/calendrier.xsd`).
    case native
}

/// A calendar version written as XML, checked against its XSD; the caller decides where it goes.
public struct CalendarExport: Sendable, Hashable, Codable {
    public var version: Int
    public var format: CalendarExportFormat
    public var ruleCount: Int
    /// The document, UTF-8.
    public var data: Data
    /// What the format cannot carry (personal information, count start, 888 events), as warnings.
    public var diagnostics: [Diagnostic]
}

extension Sablier {
    /// Writes a stored version (the one in force by default) as GALA or native XML. `file` names
    /// the output in the diagnostics. Refused with `calendar.cannot-export` and the
    /// diagnostics when the XML does not satisfy its XSD: nothing is handed back to write.
    public func exportCalendar(_ session: Session, format: CalendarExportFormat, version: Int? = nil,
                               file: String) async throws(Refusal) -> CalendarExport {
        _ = try await authorize(session, .readCalendar, "calendar export")
        let (info, calendar) = try await storedCalendar(version)
        let written: XMLOutput
        do {
            switch format {
            case .gala: written = try GALACalendarWriter.write(calendar, file: file)
            case .native: written = try NativeCalendarWriter.write(calendar, file: file)
            }
        } catch {
            throw Refusal(.storeFailure, ["detail": "\(error)"])
        }
        if written.diagnostics.hasErrors {
            throw Refusal(.cannotExport, ["version": String(info.number), "format": format.rawValue], diagnostics: written.diagnostics)
        }
        return CalendarExport(version: info.number, format: format, ruleCount: calendar.rules.count, data: written.data,
                              diagnostics: written.diagnostics)
    }
}
