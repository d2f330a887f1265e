public import SablierCore
public import SablierImport
import SablierStore

/// What `calendar import` did, or with `dryRun` would do.
public struct CalendarImportResult: Sendable, Hashable, Codable {
    /// The file as named.
    public var file: String
    /// `gala`, `native` or `spreadsheet`, recognised from the content.
    public var format: String
    /// True when the version was stored; false for a check without storing.
    public var stored: Bool
    /// The version stored, or the one it would become.
    public var version: Int
    /// The rules of the whole calendar after the import.
    public var ruleCount: Int
    public var summary: CalendarDelta.Summary
    /// Warnings, in file order: normalised deviations and transactions that did not fit.
    public var diagnostics: [Diagnostic]
    /// The documents under a rule the new version does not have, by rule, with the command that
    /// reclassifies them: they wait (`rule-not-in-calendar`) until they are.
    public var stranded: [StrandedDocuments]
    public var warnings: Int { diagnostics.warnings.count }
}

extension Sablier {
    /// Imports a calendar file as a new version, or with `dryRun` checks it and says what would
    /// change without storing anything.
    ///
    /// The file is read here, under `maxBytes`, so that it can be parsed on one thread while
    /// the store writes on another. A file with any error is refused with `calendar.rejected`,
    /// carrying every diagnostic (`Refusal.diagnostics`); the store is then untouched and
    /// the refusal audited. The version and its audit entry are stored in one transaction.
    /// `name`, when `file` is a private copy (an upload), is what the result, the diagnostics,
    /// the version and the audit trail call it: the person's own file name, never the copy's path.
    public func importCalendar(_ session: Session, file: String, named name: String? = nil,
                               maxBytes: Int = ImportLimits.defaultMaxBytes,
                               dryRun: Bool = false) async throws(Refusal) -> CalendarImportResult {
        let useCase = dryRun ? "calendar preview" : "calendar import"
        let access = try await authorize(session, .manageCalendar, "calendar import")
        let actor = access.user.name
        guard maxBytes > 0 else {
            throw await refusing(Refusal(.outOfRange, ["field": "size limit", "value": String(maxBytes), "minimum": "1"]),
                                 by: actor, useCase: useCase)
        }
        let importer = CalendarImporter(store: store, limits: ImportLimits(maxBytes: maxBytes))
        // The calendar in force before the import, the one whose rules documents are under now:
        // read only when there are documents it could strand.
        let previous = try await attempt { () async throws -> RetentionCalendar? in
            guard let latest = try await store.latestCalendarVersion(),
                  !(try await store.documents(matching: nil, limit: 1)).isEmpty else { return nil }
            return try await store.calendar(version: latest.number)
        }
        let visibility = try await visibility(access)
        let result: CalendarImportResult
        do {
            if dryRun {
                let preview = try await importer.preview(path: file, named: name)
                let next = (try await store.latestCalendarVersion()?.number ?? 0) + 1
                var stranded: [StrandedDocuments] = []
                if let previous { stranded = try await strandedDocuments(from: previous, to: preview.calendar, visibility) }
                return CalendarImportResult(file: name ?? file, format: preview.format.rawValue, stored: false, version: next,
                                            ruleCount: preview.calendar.rules.count, summary: preview.summary,
                                            diagnostics: preview.diagnostics, stranded: stranded)
            }
            let outcome = try await importer.importFile(path: file, named: name, actor: actor, now: clock.now)
            result = CalendarImportResult(file: name ?? file, format: outcome.format.rawValue, stored: true, version: outcome.version.number,
                                          ruleCount: outcome.version.ruleCount, summary: outcome.summary, diagnostics: outcome.diagnostics,
                                          stranded: [])
        } catch let rejection as CalendarImportError {
            throw await refusing(rejection.refusal, by: actor, useCase: useCase)
        } catch {
            throw Refusal.from(error)
        }
        // Once stored, the documents the new version strands, read from the version as stored.
        guard let previous, let stored = try await attempt({ try await store.calendar(version: result.version) }) else { return result }
        var withStranded = result
        withStranded.stranded = try await strandedDocuments(from: previous, to: stored, visibility)
        return withStranded
    }

    /// A calendar file read and checked as `importCalendar(dryRun: true)` does, for the use
    /// cases that compare it with what is stored.
    func previewCalendar(file: String, named name: String? = nil, maxBytes: Int, by actor: String,
                         useCase: String) async throws(Refusal) -> CalendarImporter.Preview {
        do {
            return try await CalendarImporter(store: store, limits: ImportLimits(maxBytes: maxBytes)).preview(path: file, named: name)
        } catch let rejection as CalendarImportError {
            throw await refusing(rejection.refusal, by: actor, useCase: useCase)
        } catch {
            throw Refusal.from(error)
        }
    }
}

extension CalendarImportError {
    /// The rejection as a refusal carrying every diagnostic.
    var refusal: Refusal {
        Refusal(.calendarRejected, ["file": file, "errors": String(diagnostics.totalErrorCount)], diagnostics: diagnostics)
    }
}

extension Refusal {
    /// Any error of the layers below as a refusal: a refusal as it is, a store's failure as
    /// `store.failure` or `store.damaged`.
    static func from(_ error: any Error) -> Refusal {
        switch error {
        case let refusal as Refusal: return refusal
        case let error as StoreError: return Refusal(error)
        default: return Refusal(.storeFailure, ["detail": "\(error)"])
        }
    }
}
