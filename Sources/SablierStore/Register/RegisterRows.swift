public import Foundation
public import SablierCore

/// A row of `document`: the record, its registration, and its retention as last counted.
public struct DocumentRow: StoredRow {
    public var id: Int
    public var reference: String
    public var title: String
    public var rule: String
    public var copy: String
    public var support: String
    public var holder: String
    public var openedOn: String?
    public var closedOn: String?
    /// JSON object of the free identifiers, keys sorted; NULL when there are none.
    public var identifiers: String?
    public var filePath: String?
    public var fileSHA256: String?
    public var fileSize: Int?
    public var fileFormat: String?
    public var building: String?
    public var room: String?
    public var shelving: String?
    public var box: String?
    public var digitizedFrom: String?
    public var replaces: String?
    public var registeredAt: Int
    public var registeredBy: String
    public var phase: String
    public var held: Bool
    public var calendarVersion: Int
    public var transferOn: String?
    public var finalOn: String?
    public var finalAction: String?
    public var waiting: String?
    public var dueOn: String?

    public static let table = StoreTable("document", columns: [
        "id", "reference", "title", "rule", "copy", "support", "holder", "opened_on", "closed_on", "identifiers",
        "file_path", "file_sha256", "file_size", "file_format", "building", "room", "shelving", "box",
        "digitized_from", "replaces", "registered_at", "registered_by", "phase", "held", "calendar_version",
        "transfer_on", "final_on", "final_action", "waiting", "due_on",
    ])

    @inlinable
    public func write<W: StoreRowWriting>(to row: inout W) throws(W.Failure) {
        try row.integer(id)
        try row.text(reference)
        try row.text(title)
        try row.text(rule)
        try row.text(copy)
        try row.text(support)
        try row.text(holder)
        try row.text(openedOn)
        try row.text(closedOn)
        try row.text(identifiers)
        try row.text(filePath)
        try row.text(fileSHA256)
        try row.integer(fileSize)
        try row.text(fileFormat)
        try row.text(building)
        try row.text(room)
        try row.text(shelving)
        try row.text(box)
        try row.text(digitizedFrom)
        try row.text(replaces)
        try row.integer(registeredAt)
        try row.text(registeredBy)
        try row.text(phase)
        try row.boolean(held)
        try row.integer(calendarVersion)
        try row.text(transferOn)
        try row.text(finalOn)
        try row.text(finalAction)
        try row.text(waiting)
        try row.text(dueOn)
    }

    @inlinable
    public init(reading row: inout some StoreRowReading) throws {
        id = try row.integer(required: "id")
        reference = try row.text(required: "reference")
        title = try row.text(required: "title")
        rule = try row.text(required: "rule")
        copy = try row.text(required: "copy")
        support = try row.text(required: "support")
        holder = try row.text(required: "holder")
        openedOn = try row.text("opened_on")
        closedOn = try row.text("closed_on")
        identifiers = try row.text("identifiers")
        filePath = try row.text("file_path")
        fileSHA256 = try row.text("file_sha256")
        fileSize = try row.integer("file_size")
        fileFormat = try row.text("file_format")
        building = try row.text("building")
        room = try row.text("room")
        shelving = try row.text("shelving")
        box = try row.text("box")
        digitizedFrom = try row.text("digitized_from")
        replaces = try row.text("replaces")
        registeredAt = try row.integer(required: "registered_at")
        registeredBy = try row.text(required: "registered_by")
        phase = try row.text(required: "phase")
        guard let held = try row.boolean("held") else { throw CorruptValue.null("held") }
        self.held = held
        calendarVersion = try row.integer(required: "calendar_version")
        transferOn = try row.text("transfer_on")
        finalOn = try row.text("final_on")
        finalAction = try row.text("final_action")
        waiting = try row.text("waiting")
        dueOn = try row.text("due_on")
    }

    /// Writes the row of a document being registered, column by column as `write(to:)` writes
    /// a stored one, straight from the document and its count: a register of a million
    /// documents is not first copied into a million rows. Reading the row back gives the
    /// document, `phase`, `held` and `retention` again.
    @inlinable @inline(__always)
    public static func write<W: StoreRowWriting>(
        id: Int, _ document: borrowing Document, registeredAt: Date, registeredBy: String, phase: Phase, held: Bool,
        retention: borrowing RetentionStatus, to row: inout W
    ) throws(W.Failure) {
        try row.integer(id)
        try row.text(document.reference)
        try row.text(document.title)
        try row.text(document.rule)
        try row.text(document.copy.rawValue)
        try row.text(document.support.code)
        try row.text(document.holder)
        try row.text(document.openedOn?.description)
        try row.text(document.closedOn?.description)
        try row.text(document.identifiers.isEmpty ? nil : encode(document.identifiers))
        try row.text(document.file?.path)
        try row.text(document.file?.sha256)
        try row.integer(document.file?.size)
        try row.text(document.file?.format)
        try row.text(document.location?.building)
        try row.text(document.location?.room)
        try row.text(document.location?.shelving)
        try row.text(document.box)
        try row.text(document.digitizedFrom)
        try row.text(document.replaces)
        try row.integer(StoredCode.microseconds(registeredAt))
        try row.text(registeredBy)
        try row.text(phase.rawValue)
        try row.boolean(held)
        try row.integer(retention.calendarVersion)
        try row.text(retention.transferOn?.description)
        try row.text(retention.finalOn?.description)
        try row.text(retention.finalAction?.rawValue)
        try row.text(retention.waiting?.code)
        try row.text(retention.dueOn?.description)
    }

    /// Writes a recount into the row's retention columns.
    public mutating func set(_ retention: RetentionStatus) {
        calendarVersion = retention.calendarVersion
        transferOn = retention.transferOn?.description
        finalOn = retention.finalOn?.description
        finalAction = retention.finalAction?.rawValue
        waiting = retention.waiting?.code
        dueOn = retention.dueOn?.description
    }

    /// The document the row describes.
    public func document() throws -> Document {
        guard let copy = CopyKind(rawValue: copy) else { throw CorruptValue.code(self.copy, column: "copy") }
        var file: DigitalFile?
        if let filePath, let fileSHA256 {
            file = DigitalFile(path: filePath, sha256: fileSHA256, size: fileSize ?? 0, format: fileFormat ?? "")
        }
        let location = PhysicalLocation(building: building, room: room, shelving: shelving)
        return Document(
            reference: reference, title: title, rule: rule, copy: copy, holder: holder, support: Support(code: support),
            openedOn: try openedOn.map { try StoredCode.civilDate($0, column: "opened_on") },
            closedOn: try closedOn.map { try StoredCode.civilDate($0, column: "closed_on") },
            identifiers: try identifiers.map(Self.decode) ?? [:],
            file: file, location: location.isEmpty ? nil : location, box: box,
            digitizedFrom: digitizedFrom, replaces: replaces)
    }

    /// The registered document the row describes.
    public func registered() throws -> RegisteredDocument {
        guard let phase = Phase(rawValue: phase) else { throw CorruptValue.code(self.phase, column: "phase") }
        return RegisteredDocument(
            id: id, document: try document(), registeredAt: StoredCode.date(microseconds: registeredAt),
            registeredBy: registeredBy, phase: phase, held: held, retention: try retention())
    }

    /// The retention columns read back.
    public func retention() throws -> RetentionStatus {
        func date(_ text: String?, _ column: String) throws -> CivilDate? {
            try text.map { try StoredCode.civilDate($0, column: column) }
        }
        var status = RetentionStatus(calendarVersion: calendarVersion)
        status.transferOn = try date(transferOn, "transfer_on")
        status.finalOn = try date(finalOn, "final_on")
        status.dueOn = try date(dueOn, "due_on")
        if let finalAction {
            guard let action = DueAction(rawValue: finalAction) else { throw CorruptValue.code(finalAction, column: "final_action") }
            status.finalAction = action
        }
        if let waiting {
            guard let wait = RetentionWait(code: waiting) else { throw CorruptValue.code(waiting, column: "waiting") }
            status.waiting = wait
        }
        return status
    }

    @usableFromInline
    static func encode(_ identifiers: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(identifiers)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> [String: String] {
        do {
            return try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
        } catch {
            throw CorruptValue("column identifiers does not hold a JSON object of strings")
        }
    }
}

/// A row of `document_event`.
public struct DocumentEventRow: StoredRow {
    public var sequence: Int
    public var document: Int
    public var kind: String
    public var occurredOn: String
    public var recordedAt: Int
    public var recordedBy: String
    public var reason: String?
    public var name: String?
    public var detail: String?

    public static let table = StoreTable("document_event", columns: [
        "sequence", "document", "kind", "occurred_on", "recorded_at", "recorded_by", "reason", "name", "detail",
    ])

    @inlinable
    public func write<W: StoreRowWriting>(to row: inout W) throws(W.Failure) {
        try row.integer(sequence)
        try row.integer(document)
        try row.text(kind)
        try row.text(occurredOn)
        try row.integer(recordedAt)
        try row.text(recordedBy)
        try row.text(reason)
        try row.text(name)
        try row.text(detail)
    }

    @inlinable
    public init(reading row: inout some StoreRowReading) throws {
        sequence = try row.integer(required: "sequence")
        document = try row.integer(required: "document")
        kind = try row.text(required: "kind")
        occurredOn = try row.text(required: "occurred_on")
        recordedAt = try row.integer(required: "recorded_at")
        recordedBy = try row.text(required: "recorded_by")
        reason = try row.text("reason")
        name = try row.text("name")
        detail = try row.text("detail")
    }

    public init(sequence: Int, document: Int, _ event: LifecycleEvent, recordedAt: Date) {
        self.sequence = sequence
        self.document = document
        kind = event.kind.rawValue
        occurredOn = event.on.description
        self.recordedAt = StoredCode.microseconds(recordedAt)
        recordedBy = event.by
        reason = event.reason
        name = event.name
        detail = event.detail
    }

    public func event() throws -> LifecycleEvent {
        guard let kind = LifecycleEventKind(rawValue: kind) else { throw CorruptValue.code(self.kind, column: "kind") }
        return LifecycleEvent(kind: kind, on: try StoredCode.civilDate(occurredOn, column: "occurred_on"),
                              by: recordedBy, reason: reason, name: name, detail: detail)
    }

    public func recorded() throws -> RecordedEvent {
        RecordedEvent(sequence: sequence, event: try event(), recordedAt: StoredCode.date(microseconds: recordedAt))
    }
}
