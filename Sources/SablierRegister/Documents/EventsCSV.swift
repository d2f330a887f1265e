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
    public var actor: String
    /// The day of a line that gives none.
    public var today: CivilDate

    public init(documents: [String: RegisteredDocument], awaited: AwaitedEvents, actor: String, today: CivilDate) {
        self.documents = documents
        self.awaited = awaited
        self.actor = actor
        self.today = today
    }

    /// The events of `lines`, with every problem in `diagnostics`; when it holds an error, no
    /// event may be written.
    public func check(_ lines: [EventLine], into diagnostics: inout DiagnosticCollector) -> [CohortEvent] {
        var events: [CohortEvent] = []
        events.reserveCapacity(lines.count)
        for line in lines {
            if let event = check(line, into: &diagnostics) { events.append(event) }
        }
        return events
    }

    func check(_ line: EventLine, into diagnostics: inout DiagnosticCollector) -> CohortEvent? {
        var bad = false
        func error(_ field: String, _ code: DiagnosticCode, _ values: [String: String] = [:]) {
            bad = true
            guard !diagnostics.isFull else { return diagnostics.countLeftOut(.error) }
            diagnostics.append(Diagnostic(.error, at: line.location(field), code, values, field: field))
        }
        var document: RegisteredDocument?
        if line.reference.isEmpty {
            error("reference", .eventsReferenceEmpty)
        } else if let found = documents[line.reference] {
            document = found
            if found.phase == .inactifDetruit { error("reference", .eventsDocumentDestroyed, ["reference": line.reference]) }
        } else {
            error("reference", .eventsNotRegistered, ["reference": line.reference])
        }
        let allowed = LifecycleEventKind.recordedByPeople
        var kind: LifecycleEventKind?
        if line.kind.isEmpty {
            error("kind", .eventsKindEmpty)
        } else if let known = LifecycleEventKind(rawValue: line.kind.lowercased()), allowed.contains(known) {
            kind = known
        } else {
            error("kind", .eventsKindNotRecordable, ["kind": line.kind, "allowed": allowed.map(\.rawValue).joined(separator: "\n")])
        }
        var day = today
        if !line.on.isEmpty {
            if let parsed = CivilDate(iso: line.on) { day = parsed } else { error("on", .notADate, ["value": line.on]) }
        }
        var name: String?
        if kind == .eventOccurred {
            if line.name.isEmpty {
                error("name", .eventsNameMissing)
            } else {
                name = line.name
                if let document {
                    let awaited = awaited.names(rule: document.document.rule, copy: document.document.copy)
                    if (try? AwaitedEvent.check(line.name, reference: line.reference, awaited: awaited)) == nil {
                        error("name", .eventNotAwaited, ["rule": document.document.rule, "awaited": awaited.joined(separator: "\n"),
                                                         "event": line.name])
                    }
                }
            }
        }
        guard !bad, let kind else { return nil }
        return CohortEvent(reference: line.reference,
                           event: LifecycleEvent(kind: kind, on: day, by: actor, reason: line.reason.isEmpty ? nil : line.reason, name: name))
    }
}
