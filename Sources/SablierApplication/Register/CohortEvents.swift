public import SablierCore
import SablierRegister
import SablierStore

/// Events recorded (or, in a dry run or a preview, checked) for a cohort of documents:
/// `document event --csv FILE` and `document event --query Q KIND`, `--format json`.
public struct CohortEvents: Sendable, Hashable, Codable {
    /// The file (`file NAME`), the query (`query Q`) or the API request the events came from.
    public var source: String
    /// False when nothing was written: a dry run, or a query's preview before `--yes`.
    public var recorded: Bool
    public var count: Int
    /// The kinds recorded, sorted.
    public var kinds: [String]
    /// The documents, in the order of the file or by reference for a query.
    public var references: [String]
    /// Each event, in the same order: what a person checks before and after recording them.
    public var events: [CohortEventLine] = []
    /// How many events of each kind, by kind.
    public var countByKind: [String: Int] = [:]
    /// The SHA-256 of the references sorted and joined by line breaks: what the audit entry holds.
    public var referencesSHA256: String
    /// How many documents a query selects that cannot take the event, left out.
    public var leftOut: Int
    /// Those documents, each with the refusal it would meet (destroyed, deposited, the event
    /// already recorded…), so that the preview names them before `--yes`.
    public var leftOutDocuments: [CohortLeftOut] = []
    /// The file's warnings (an unknown column); a file with an error is refused with them.
    public var diagnostics: [Diagnostic]
}

/// One event of a cohort as shown: its document, kind, day and name.
public struct CohortEventLine: Sendable, Hashable, Codable {
    public var reference: String
    public var kind: String
    public var on: String
    public var name: String?
}

/// A document a query selects that is left out of its cohort, and why: the refusal
/// `LifecycleEvent.checkRecordable` gives it.
public struct CohortLeftOut: Sendable, Hashable, Codable {
    public var reference: String
    public var refusal: Refusal
}

/// One event of a cohort sent whole (the API's array): the columns of an events file.
public struct EventInput: Sendable, Hashable, Codable {
    public var reference: String
    public var kind: String
    public var on: String?
    public var name: String?
    public var reason: String?

    public init(reference: String, kind: String, on: String? = nil, name: String? = nil, reason: String? = nil) {
        self.reference = reference
        self.kind = kind
        self.on = on
        self.name = name
        self.reason = reason
    }
}

extension Sablier {
    /// Appends the events of an events file (`reference,kind,on,name,reason`), all or nothing:
    /// every bad line is a diagnostic naming file, line and field, and one bad line refuses the
    /// file (`input.rejected`). A reference the reader may not see reads as one not registered.
    /// All the events are one transaction, every document recounted, with ONE audit entry
    /// (`document.event-cohort`) holding their count, kinds and the references' SHA-256.
    /// `named`: what the diagnostics call the file (an upload's own name).
    public func recordCohortEvents(_ session: Session, file: String, named name: String? = nil,
                                   dryRun: Bool = false) async throws(Refusal) -> CohortEvents {
        let useCase = "document event --csv"
        let access = try await authorize(session, .recordEvents, useCase)
        let shown = name ?? file
        let (lines, diagnostics) = EventsCSV.read(path: file, named: shown)
        // A file that is not there is not found, as a document or a rule that is not.
        if diagnostics.diagnostics.contains(where: { $0.location.line == 0 && $0.code == DiagnosticCode.fileMissing.rawValue }) {
            _ = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission, details: ["source": "file \(shown)"]) {
                throw Refusal(.eventsFileNotFound, ["file": shown])
            }
        }
        return try await recordCohort(access, lines, diagnostics, source: "file \(shown)", file: shown, dryRun: dryRun, useCase: useCase)
    }

    /// The events of the API's array (`POST /api/v1/events`), checked and recorded as a file's
    /// lines are, each problem located at its position in the array (line 1 is the first).
    public func recordCohortEvents(_ session: Session, events: [EventInput], dryRun: Bool = false) async throws(Refusal) -> CohortEvents {
        let useCase = "events"
        let access = try await authorize(session, .recordEvents, useCase)
        var diagnostics = DiagnosticCollector()
        if events.isEmpty { diagnostics.append(.error(at: SourceLocation(file: "request", line: 0), .eventsNoLines)) }
        let lines = events.enumerated().map { index, event in
            EventLine(file: "request", line: index + 1, reference: event.reference.trimmingSpaces(), kind: event.kind.trimmingSpaces(),
                      on: event.on?.trimmingSpaces() ?? "", name: event.name?.trimmingSpaces() ?? "", reason: event.reason?.trimmingSpaces() ?? "")
        }
        return try await recordCohort(access, lines, diagnostics, source: "request", file: "request", dryRun: dryRun, useCase: useCase)
    }

    /// Appends one event to every document `query` selects that the reader may see. Without
    /// `confirm` it writes nothing and says how many documents it would reach (and which), so
    /// that a person sees the cohort before acting on it. A document `LifecycleEvent.checkRecordable`
    /// refuses (destroyed or deposited, or which already has the event) is left out, counted and
    /// named; an `event-occurred` must be the event each document's rule waits for.
    public func recordEvents(_ session: Session, query: String, kind: String, on day: CivilDate? = nil, name: String? = nil,
                             reason: String? = nil, confirm: Bool) async throws(Refusal) -> CohortEvents {
        let useCase = "document event --query"
        let access = try await authorize(session, .recordEvents, useCase)
        let visibility = try await visibility(access)
        let (events, leftOut, leftOutDocuments) = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission,
                                                           details: ["query": query, "kind": kind]) {
            let parsed = try parseQuery(try Refusal.requireText(query, "query"))
            let recorded = try LifecycleEventKind.recordable(kind)
            let eventName = recorded == .eventOccurred ? try Refusal.requireText(name, "name") : nil
            let selected = try await store.documents(matching: parsed, limit: nil)
                .filter { visibility.allows($0.document.reference, holder: $0.document.holder) }
            let event = LifecycleEvent(kind: recorded, on: day ?? clock.today, by: access.user.name, reason: reason.nonBlank, name: eventName)
            // The register's own rule, against each document's events: one a document refuses is left out.
            let recordedEvents = try await store.recordedEvents(of: selected.map(\.document.reference))
            var live: [RegisteredDocument] = []
            var leftOut: [CohortLeftOut] = []
            for document in selected {
                let reference = document.document.reference
                do throws(Refusal) {
                    try event.checkRecordable(on: reference, phase: document.phase, openedOn: document.document.openedOn,
                                              recorded: recordedEvents[reference] ?? [], today: clock.today)
                    live.append(document)
                } catch {
                    // A date after today is the request's own mistake, the same for every document.
                    if error.code == .eventAfterToday { throw error }
                    leftOut.append(CohortLeftOut(reference: reference, refusal: error))
                }
            }
            guard !live.isEmpty else { throw Refusal(.cohortEmpty, ["query": query, "kind": kind]) }
            if let eventName {
                let awaited = try await awaitedEvents(rules: Set(live.map(\.document.rule)))
                for document in live {
                    try AwaitedEvent.check(eventName, reference: document.document.reference,
                                           awaited: awaited.names(rule: document.document.rule, copy: document.document.copy))
                }
            }
            return (live.map { CohortEvent(reference: $0.document.reference, event: event) }, leftOut.count, leftOut)
        }
        var result = try await writeCohort(access, events, source: "query \(query)", record: confirm, useCase: useCase)
        result.leftOut = leftOut
        result.leftOutDocuments = leftOutDocuments
        return result
    }

    /// Checks lines against the register and records them, all or nothing.
    private func recordCohort(_ access: Access, _ lines: [EventLine], _ read: DiagnosticCollector, source: String, file: String,
                              dryRun: Bool, useCase: String) async throws(Refusal) -> CohortEvents {
        let visibility = try await visibility(access)
        let events = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission,
                                                details: ["source": source]) {
            var diagnostics = read
            var documents: [String: RegisteredDocument] = [:]
            for found in try await store.documents(lines.map(\.reference).filter { !$0.isEmpty })
            where visibility.allows(found.document.reference, holder: found.document.holder) {
                documents[found.document.reference] = found
            }
            let awaited = try await awaitedEvents(rules: Set(documents.values.map(\.document.rule)))
            let recorded = try await store.recordedEvents(of: Array(documents.keys))
            let check = EventLineCheck(documents: documents, awaited: awaited, recorded: recorded, actor: access.user.name, today: clock.today)
            let events = check.check(lines, into: &diagnostics)
            guard !diagnostics.hasErrors else {
                let all = diagnostics.diagnostics
                throw Refusal(.rejectedInput, ["file": file, "errors": String(all.totalErrorCount)], diagnostics: all)
            }
            return (events, diagnostics.diagnostics)
        }
        var result = try await writeCohort(access, events.0, source: source, record: !dryRun, useCase: useCase)
        result.diagnostics = events.1
        return result
    }

    /// Writes a cohort's events in one transaction with its one audit entry (unless `record` is
    /// false), and says what they are.
    private func writeCohort(_ access: Access, _ events: [CohortEvent], source: String, record: Bool,
                             useCase: String) async throws(Refusal) -> CohortEvents {
        let references = events.map(\.reference)
        let kinds = Set(events.map(\.event.kind.rawValue)).sorted()
        let digest = SourceDigest.references(references)
        if record {
            let audit = BatchAudit(action: "document.event-cohort", target: "documents", details: [
                "count": String(events.count), "kind": kinds.joined(separator: ","), SourceDigest.referencesKey: digest, "source": source,
            ])
            _ = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission, details: ["source": source]) {
                try await store.appendEvents(events, audit: audit, by: access.user.name, at: clock.now)
            }
        }
        var result = CohortEvents(source: source, recorded: record, count: events.count, kinds: kinds, references: references,
                                  referencesSHA256: digest, leftOut: 0, diagnostics: [])
        result.events = events.map { CohortEventLine(reference: $0.reference, kind: $0.event.kind.rawValue, on: $0.event.on.description, name: $0.event.name) }
        for event in events { result.countByKind[event.event.kind.rawValue, default: 0] += 1 }
        return result
    }

    /// What the 888 periods of `rules` wait for under the calendar in force: the events those
    /// of them it has name, and the confirmations (no year end needed, see `AwaitedEvents`).
    func awaitedEvents(rules: Set<String>) async throws -> AwaitedEvents {
        var inForce: [Rule] = []
        if let latest = try await store.latestCalendarVersion() {
            for number in rules.sorted() {
                if let rule = try await store.rule(number, version: latest.number) { inForce.append(rule) }
            }
        }
        let confirmations = inForce.isEmpty ? [] : try await store.openPeriodConfirmations()
        return AwaitedEvents(rules: inForce, confirmations: confirmations)
    }
}
