import Foundation
public import SablierCore
import SablierCSV
public import SablierStore

/// An events file (`sablier document event --csv FILE`): one life-cycle event a line, for a
/// cohort of documents, `reference,kind,on,name,reason`.
///
/// An 888 period waits for an event (a departure, the end of employment) that happens to
/// hundreds of files at once; entered one document at a time it never is. The file is read and
/// every line checked before anything is written, and every bad line is reported naming file,
/// line and field: the events are recorded all together or not at all.
public enum EventsCSV {
    /// The columns, as the README documents them; `reference` and `kind` are required.
    public static let columns = ["reference", "kind", "on", "name", "reason"]
    public static let requiredColumns = ["reference", "kind"]
    /// The French headings a person writes, and the column each stands for.
    public static let synonyms: [String: String] = [
        "cote": "reference", "référence": "reference", "type": "kind", "date": "on", "événement": "name", "evenement": "name",
        "nom": "name", "motif": "reason", "raison": "reason",
    ]

    /// The French words for the kinds a person records, as a spreadsheet in French writes them
    /// (accents, case, hyphens aside), and the kind each stands for.
    static let frenchKinds: [String: LifecycleEventKind] = [
        "creation": .created, "traitement": .modified, "modification": .modified, "diffusion": .disseminated, "fermeture": .closed,
        "evenement survenu": .eventOccurred, "remplacement": .replaced, "transfert": .transferred, "anonymisation": .anonymized,
        "numerisation": .digitized,
    ]

    /// The kind a line writes: its English name (`event-occurred`) or its French word
    /// (« événement survenu »), accents, case, hyphens and underscores aside; nil for another word.
    public static func kind(_ written: String) -> LifecycleEventKind? {
        if let kind = LifecycleEventKind(rawValue: written) { return kind }
        let folded = written.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return LifecycleEventKind(rawValue: folded.replacingOccurrences(of: " ", with: "-")) ?? frenchKinds[folded]
    }

    /// The column a heading stands for: itself, or the English name of a French heading.
    public static func column(_ heading: String) -> String {
        let key = CSVHeader.key(heading)
        return synonyms[key] ?? key
    }

    /// The lines of the file at `path` (the operator's own file, like a register CSV: not held
    /// to the roots, but opened as `FileAccess` opens one, regular files only, never blocking),
    /// and the problems of its shape. `name` is what diagnostics call it (an upload's own name).
    public static func read(path: String, named name: String? = nil) -> (lines: [EventLine], diagnostics: DiagnosticCollector) {
        let shown = name ?? path
        var collector = DiagnosticCollector()
        let bytes: [UInt8]
        do {
            bytes = try DocumentRegistrar.contents(of: path)
        } catch {
            collector.append(.error(at: SourceLocation(file: shown, line: 0), error.code, error.values))
            return ([], collector)
        }
        let csv = CSVStream(bytes: bytes, file: shown, dialect: .guess(from: bytes.prefix(4096)))
        collector.append(contentsOf: csv.diagnostics)
        guard !csv.diagnostics.hasErrors else { return ([], collector) }
        var indexes: [String: Int] = [:]
        for (index, heading) in csv.header.names.enumerated() {
            let column = column(heading)
            if columns.contains(column) {
                if indexes[column] == nil { indexes[column] = index }
            } else if !heading.trimmingSpaces().isEmpty {
                collector.append(.warning(at: SourceLocation(file: shown, line: csv.header.line), .eventsUnknownColumn, ["column": heading]))
            }
        }
        let missing = requiredColumns.filter { indexes[$0] == nil }
        guard missing.isEmpty else {
            collector.append(.error(at: SourceLocation(file: shown, line: csv.header.line), .csvMissingColumns,
                                    ["count": String(missing.count), "columns": missing.joined(separator: "\n")]))
            return ([], collector)
        }
        var lines: [EventLine] = []
        // The record is seen in place (noncopyable): its fields are copied out by index first.
        let order = columns.map { indexes[$0] }
        let malformed = csv.forEachRow { (record, shape) in
            if let shape { collector.append(shape) }
            var values: [String] = []
            values.reserveCapacity(order.count)
            for index in order {
                if let index, index < record.count { values.append(record[index].trimmingSpaces()) } else { values.append("") }
            }
            var blank = true
            for index in 0..<record.count where !record[index].trimmingSpaces().isEmpty { blank = false }
            // A blank line is no event.
            guard !blank else { return }
            lines.append(EventLine(file: shown, line: record.line, columns: indexes, reference: values[0], kind: values[1], on: values[2],
                                   name: values[3], reason: values[4]))
        }
        if let malformed { collector.append(malformed) }
        if lines.isEmpty, !collector.hasErrors {
            collector.append(.error(at: SourceLocation(file: shown, line: csv.header.line), .eventsNoLines))
        }
        return (lines, collector)
    }
}

/// One event as written in a line of an events file, or an element of the API's array.
public struct EventLine: Sendable, Hashable {
    /// Where it was read: the file (or `request`) and its line (or position in the array).
    public var file: String
    public var line: Int
    /// The index of each column in the file; empty for the API (no columns to point at).
    public var columns: [String: Int]
    public var reference: String
    public var kind: String
    public var on: String
    public var name: String
    public var reason: String

    public init(file: String, line: Int, columns: [String: Int] = [:], reference: String, kind: String, on: String = "", name: String = "",
                reason: String = "") {
        self.file = file
        self.line = line
        self.columns = columns
        self.reference = reference
        self.kind = kind
        self.on = on
        self.name = name
        self.reason = reason
    }

    /// Where `field` of this line is, for its diagnostic.
    func location(_ field: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: columns[field].map { $0 + 1 } ?? 0)
    }
}

/// Checks the lines of a cohort's events against the register, every bad line a diagnostic
/// naming its field, and turns the good ones into events to append.
public struct EventLineCheck: Sendable {
    /// The documents the lines name that the reader may see, by reference; a reference absent
    /// here is "not registered", whether it is not or the reader may not see it.
    public var documents: [String: RegisteredDocument]
    /// The events each rule's 888 periods wait for, under the calendar in force.
    public var awaited: AwaitedEvents
    /// The events already recorded on each document, by reference: each line is held to
    /// `LifecycleEvent.checkRecordable` against them and the file's earlier lines, so that a
    /// file already applied is refused whole rather than recorded twice.
    public var recorded: [String: [LifecycleEvent]]
    public var actor: String
    /// The day of a line that gives none, and the last day an event may bear.
    public var today: CivilDate

    public init(documents: [String: RegisteredDocument], awaited: AwaitedEvents, recorded: [String: [LifecycleEvent]],
                actor: String, today: CivilDate) {
        self.documents = documents
        self.awaited = awaited
        self.recorded = recorded
        self.actor = actor
        self.today = today
    }

    /// The same event written on two lines: one document, kind, day and name.
    private struct LineKey: Hashable {
        var reference: String
        var kind: LifecycleEventKind
        var on: CivilDate
        var name: String?
    }

    /// The events of `lines`, with every problem in `diagnostics`; when it holds an error, no
    /// event may be written.
    public func check(_ lines: [EventLine], into diagnostics: inout DiagnosticCollector) -> [CohortEvent] {
        var events: [CohortEvent] = []
        events.reserveCapacity(lines.count)
        var recorded = recorded
        var firstLine: [LineKey: Int] = [:]
        for line in lines {
            if let event = check(line, recorded: &recorded, firstLine: &firstLine, into: &diagnostics) { events.append(event) }
        }
        return events
    }

    private func check(_ line: EventLine, recorded: inout [String: [LifecycleEvent]], firstLine: inout [LineKey: Int],
                       into diagnostics: inout DiagnosticCollector) -> CohortEvent? {
        var bad = false
        // Worded as `document import` words its own: the column first, then the problem.
        func report(_ field: String, _ code: DiagnosticCode, _ values: [String: String] = [:]) {
            bad = true
            guard !diagnostics.isFull else { return diagnostics.countLeftOut(.error) }
            diagnostics.append(Diagnostic(.error, at: line.location(field), "column \(field): " + code.english(values), field: field,
                                          code: code.rawValue, values: values.isEmpty ? nil : values))
        }
        var document: RegisteredDocument?
        if line.reference.isEmpty {
            report("reference", .eventsReferenceEmpty)
        } else if let found = documents[line.reference] {
            do throws(Refusal) {
                try found.phase.checkTakesEvents(line.reference)
                document = found
            } catch {
                let (field, code) = Self.diagnostic(for: error)
                report(field, code, error.values)
            }
        } else {
            report("reference", .eventsNotRegistered, ["reference": line.reference])
        }
        let allowed = LifecycleEventKind.recordedByPeople
        var kind: LifecycleEventKind?
        if line.kind.isEmpty {
            report("kind", .eventsKindEmpty)
        } else if let known = EventsCSV.kind(line.kind), allowed.contains(known) {
            kind = known
        } else {
            report("kind", .eventsKindNotRecordable, ["kind": line.kind, "allowed": allowed.map(\.rawValue).joined(separator: "\n")])
        }
        var day = today
        if !line.on.isEmpty {
            if let parsed = CivilDate(iso: line.on) { day = parsed } else { report("on", .notADate, ["value": line.on]) }
        }
        var name: String?
        if kind == .eventOccurred {
            if line.name.isEmpty {
                report("name", .eventsNameMissing)
            } else {
                name = line.name
                if let document {
                    let awaited = awaited.names(rule: document.document.rule, copy: document.document.copy)
                    if (try? AwaitedEvent.check(line.name, reference: line.reference, awaited: awaited)) == nil {
                        report("name", .eventNotAwaited, ["rule": document.document.rule, "awaited": awaited.joined(separator: "\n"),
                                                         "event": line.name])
                    }
                }
            }
        }
        guard !bad, let kind, let document else { return nil }
        let event = LifecycleEvent(kind: kind, on: day, by: actor, reason: line.reason.isEmpty ? nil : line.reason, name: name)
        let key = LineKey(reference: line.reference, kind: kind, on: day, name: name.map(EventName.key))
        if let first = firstLine[key] {
            report("reference", .eventsRepeatedLine, ["first": String(first)])
            return nil
        }
        firstLine[key] = line.line
        do throws(Refusal) {
            try event.checkRecordable(on: line.reference, phase: document.phase, openedOn: document.document.openedOn,
                                      recorded: recorded[line.reference] ?? [], today: today)
        } catch {
            let (field, code) = Self.diagnostic(for: error)
            report(field, code, error.values)
            return nil
        }
        recorded[line.reference, default: []].append(event)
        return CohortEvent(reference: line.reference, event: event)
    }

    /// The column and diagnostic of a line refused by `LifecycleEvent.checkRecordable`: the
    /// register's rule, worded for the file.
    static func diagnostic(for refusal: Refusal) -> (field: String, code: DiagnosticCode) {
        switch refusal.code {
        case .documentDestroyed: return ("reference", .eventsDocumentDestroyed)
        case .documentNoLongerHeld: return ("reference", .eventsDocumentNotHeld)
        case .eventAfterToday: return ("on", .eventsAfterToday)
        case .closedBeforeOpening: return ("on", .eventsClosedBeforeOpening)
        case .eventAlreadyOccurred: return ("name", .eventsAlreadyOccurred)
        case .eventAlreadyRecorded: return ("kind", .eventsAlreadyRecorded)
        default: return ("kind", .eventsKindNotRecordable)
        }
    }
}
