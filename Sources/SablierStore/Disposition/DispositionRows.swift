public import Foundation
public import SablierCore

/// A row of `disposition_list`.
public struct DispositionListRow: StoredRow {
    public var number: Int
    public var action: String?
    public var asOf: String
    public var state: String
    public var proposedAt: Int
    public var proposedBy: String
    public var approvedAt: Int?
    public var approvedBy: String?
    public var executionStartedAt: Int?
    public var executedAt: Int?
    public var executedBy: String?
    public var method: String?
    public var vendorCertificate: String?

    public static let table = StoreTable("disposition_list", columns: [
        "number", "action", "as_of", "state", "proposed_at", "proposed_by", "approved_at", "approved_by",
        "execution_started_at", "executed_at", "executed_by", "method", "vendor_certificate",
    ])

    @inlinable
    public func write<W: StoreRowWriting>(to row: inout W) throws(W.Failure) {
        try row.integer(number)
        try row.text(action)
        try row.text(asOf)
        try row.text(state)
        try row.integer(proposedAt)
        try row.text(proposedBy)
        try row.integer(approvedAt)
        try row.text(approvedBy)
        try row.integer(executionStartedAt)
        try row.integer(executedAt)
        try row.text(executedBy)
        try row.text(method)
        try row.text(vendorCertificate)
    }

    @inlinable
    public init(reading row: inout some StoreRowReading) throws {
        number = try row.integer(required: "number")
        action = try row.text("action")
        asOf = try row.text(required: "as_of")
        state = try row.text(required: "state")
        proposedAt = try row.integer(required: "proposed_at")
        proposedBy = try row.text(required: "proposed_by")
        approvedAt = try row.integer("approved_at")
        approvedBy = try row.text("approved_by")
        executionStartedAt = try row.integer("execution_started_at")
        executedAt = try row.integer("executed_at")
        executedBy = try row.text("executed_by")
        method = try row.text("method")
        vendorCertificate = try row.text("vendor_certificate")
    }

    /// The row of a list just proposed.
    public init(number: Int, action: DueAction?, asOf: CivilDate, proposedAt: Date, proposedBy: String) {
        self.number = number
        self.action = action?.rawValue
        self.asOf = asOf.description
        state = DispositionState.proposed.rawValue
        self.proposedAt = StoredCode.microseconds(proposedAt)
        self.proposedBy = proposedBy
    }

    /// The list the row describes, with its item counts (read apart).
    public func list(itemCount: Int, doneCount: Int) throws -> DispositionList {
        guard let state = DispositionState(rawValue: state) else { throw CorruptValue.code(self.state, column: "state") }
        var parsedAction: DueAction?
        if let action {
            guard let value = DueAction(rawValue: action) else { throw CorruptValue.code(action, column: "action") }
            parsedAction = value
        }
        return DispositionList(
            number: number, action: parsedAction, asOf: try StoredCode.civilDate(asOf, column: "as_of"), state: state,
            proposedAt: StoredCode.date(microseconds: proposedAt), proposedBy: proposedBy,
            approvedAt: approvedAt.map { StoredCode.date(microseconds: $0) }, approvedBy: approvedBy,
            executionStartedAt: executionStartedAt.map { StoredCode.date(microseconds: $0) }, executedBy: executedBy,
            executedAt: executedAt.map { StoredCode.date(microseconds: $0) }, method: method,
            vendorCertificate: vendorCertificate, itemCount: itemCount, doneCount: doneCount)
    }
}

/// A row of `disposition_item`.
public struct DispositionItemRow: StoredRow {
    public var list: Int
    /// The document's key (`document.id`).
    public var document: Int
    public var position: Int
    public var reference: String
    public var title: String
    public var holder: String
    public var rule: String
    public var copy: String
    public var support: String
    public var openedOn: String?
    public var closedOn: String?
    public var box: String?
    public var action: String
    public var dueOn: String
    public var filePath: String?
    public var fileSHA256: String?
    public var decision: String?
    public var decidedBy: String?
    public var decidedAt: Int?
    public var decisionReason: String?
    public var state: String
    public var startedAt: Int?
    public var doneAt: Int?

    public static let table = StoreTable("disposition_item", columns: [
        "list", "document", "position", "reference", "title", "holder", "rule", "copy", "support", "opened_on", "closed_on",
        "box", "action", "due_on", "file_path", "file_sha256", "decision", "decided_by", "decided_at", "decision_reason",
        "state", "started_at", "done_at",
    ])

    @inlinable
    public func write<W: StoreRowWriting>(to row: inout W) throws(W.Failure) {
        try row.integer(list)
        try row.integer(document)
        try row.integer(position)
        try row.text(reference)
        try row.text(title)
        try row.text(holder)
        try row.text(rule)
        try row.text(copy)
        try row.text(support)
        try row.text(openedOn)
        try row.text(closedOn)
        try row.text(box)
        try row.text(action)
        try row.text(dueOn)
        try row.text(filePath)
        try row.text(fileSHA256)
        try row.text(decision)
        try row.text(decidedBy)
        try row.integer(decidedAt)
        try row.text(decisionReason)
        try row.text(state)
        try row.integer(startedAt)
        try row.integer(doneAt)
    }

    @inlinable
    public init(reading row: inout some StoreRowReading) throws {
        list = try row.integer(required: "list")
        document = try row.integer(required: "document")
        position = try row.integer(required: "position")
        reference = try row.text(required: "reference")
        title = try row.text(required: "title")
        holder = try row.text(required: "holder")
        rule = try row.text(required: "rule")
        copy = try row.text(required: "copy")
        support = try row.text(required: "support")
        openedOn = try row.text("opened_on")
        closedOn = try row.text("closed_on")
        box = try row.text("box")
        action = try row.text(required: "action")
        dueOn = try row.text(required: "due_on")
        filePath = try row.text("file_path")
        fileSHA256 = try row.text("file_sha256")
        decision = try row.text("decision")
        decidedBy = try row.text("decided_by")
        decidedAt = try row.integer("decided_at")
        decisionReason = try row.text("decision_reason")
        state = try row.text(required: "state")
        startedAt = try row.integer("started_at")
        doneAt = try row.integer("done_at")
    }

    /// The item of `document` (as its row holds it now) at `position` in list `list`: a snapshot.
    public init(list: Int, position: Int, document: DocumentRow, action: DueAction, dueOn: CivilDate) {
        self.list = list
        self.document = document.id
        self.position = position
        reference = document.reference
        title = document.title
        holder = document.holder
        rule = document.rule
        copy = document.copy
        support = document.support
        openedOn = document.openedOn
        closedOn = document.closedOn
        box = document.box
        self.action = action.rawValue
        self.dueOn = dueOn.description
        filePath = document.filePath
        fileSHA256 = document.fileSHA256
        state = DispositionItemState.pending.rawValue
    }

    /// The item the row describes.
    public func item() throws -> DispositionItem {
        func date(_ text: String?, _ column: String) throws -> CivilDate? {
            try text.map { try StoredCode.civilDate($0, column: column) }
        }
        guard let copy = CopyKind(rawValue: copy) else { throw CorruptValue.code(self.copy, column: "copy") }
        guard let action = DueAction(rawValue: action) else { throw CorruptValue.code(self.action, column: "action") }
        guard let state = DispositionItemState(rawValue: state) else { throw CorruptValue.code(self.state, column: "state") }
        var parsedDecision: SortDecision?
        if let decision {
            guard let value = SortDecision(rawValue: decision) else { throw CorruptValue.code(decision, column: "decision") }
            parsedDecision = value
        }
        return DispositionItem(
            list: list, position: position, reference: reference, title: title, holder: holder, rule: rule, copy: copy,
            support: support, openedOn: try date(openedOn, "opened_on"), closedOn: try date(closedOn, "closed_on"), box: box,
            action: action, dueOn: try StoredCode.civilDate(dueOn, column: "due_on"), filePath: filePath, fileSHA256: fileSHA256,
            decision: parsedDecision, decidedBy: decidedBy, decidedAt: decidedAt.map { StoredCode.date(microseconds: $0) },
            decisionReason: decisionReason, state: state, startedAt: startedAt.map { StoredCode.date(microseconds: $0) },
            doneAt: doneAt.map { StoredCode.date(microseconds: $0) })
    }
}

/// A row of `tombstone`.
public struct TombstoneRow: StoredRow {
    public var document: Int
    public var reference: String
    public var list: Int
    public var destroyedAt: Int
    public var destroyedBy: String
    public var metadata: String

    public static let table = StoreTable("tombstone", columns: [
        "document", "reference", "list", "destroyed_at", "destroyed_by", "metadata",
    ])

    @inlinable
    public func write<W: StoreRowWriting>(to row: inout W) throws(W.Failure) {
        try row.integer(document)
        try row.text(reference)
        try row.integer(list)
        try row.integer(destroyedAt)
        try row.text(destroyedBy)
        try row.text(metadata)
    }

    @inlinable
    public init(reading row: inout some StoreRowReading) throws {
        document = try row.integer(required: "document")
        reference = try row.text(required: "reference")
        list = try row.integer(required: "list")
        destroyedAt = try row.integer(required: "destroyed_at")
        destroyedBy = try row.text(required: "destroyed_by")
        metadata = try row.text(required: "metadata")
    }

    /// The tombstone of `document`, destroyed by list `list`: its metadata from its row and
    /// its events (those of the destruction included), never its content.
    public init(document: DocumentRow, events: [DocumentEventRow], list: Int, at instant: Date, by actor: String) throws {
        self.document = document.id
        reference = document.reference
        self.list = list
        destroyedAt = StoredCode.microseconds(instant)
        destroyedBy = actor
        metadata = try TombstoneMetadata(document: document, events: events, list: list).json()
    }

    public func tombstone() -> Tombstone {
        Tombstone(reference: reference, list: list, destroyedAt: StoredCode.date(microseconds: destroyedAt),
                  destroyedBy: destroyedBy, metadata: metadata)
    }
}

/// The JSON a tombstone keeps: the record as registered, its file's description (path,
/// SHA-256, size, format: enough to prove which file was destroyed, nothing of its content),
/// its location, and its events. Keys sorted; instants ISO 8601, days `YYYY-MM-DD`.
public struct TombstoneMetadata: Codable, Sendable, Hashable {
    public struct File: Codable, Sendable, Hashable {
        public var path: String
        public var sha256: String
        public var size: Int?
        public var format: String?
    }

    public struct Event: Codable, Sendable, Hashable {
        public var sequence: Int
        public var kind: String
        public var on: String
        public var by: String
        public var reason: String?
        public var name: String?
        public var detail: String?
        public var recordedAt: Date
    }

    public var reference: String
    public var title: String
    public var rule: String
    public var copy: String
    public var support: String
    public var holder: String
    public var opened: String?
    public var closed: String?
    public var identifiers: [String: String]?
    public var file: File?
    public var building: String?
    public var room: String?
    public var shelving: String?
    public var box: String?
    public var digitizedFrom: String?
    public var replaces: String?
    public var registeredAt: Date
    public var registeredBy: String
    public var calendarVersion: Int
    /// The list whose execution destroyed it.
    public var dispositionList: Int
    public var events: [Event]

    public init(document row: DocumentRow, events: [DocumentEventRow], list: Int) throws {
        reference = row.reference
        title = row.title
        rule = row.rule
        copy = row.copy
        support = row.support
        holder = row.holder
        opened = row.openedOn
        closed = row.closedOn
        identifiers = try row.identifiers.map(DocumentRow.decode)
        file = row.filePath.map { File(path: $0, sha256: row.fileSHA256 ?? "", size: row.fileSize, format: row.fileFormat) }
        building = row.building
        room = row.room
        shelving = row.shelving
        box = row.box
        digitizedFrom = row.digitizedFrom
        replaces = row.replaces
        registeredAt = StoredCode.date(microseconds: row.registeredAt)
        registeredBy = row.registeredBy
        calendarVersion = row.calendarVersion
        dispositionList = list
        self.events = events.map {
            Event(sequence: $0.sequence, kind: $0.kind, on: $0.occurredOn, by: $0.recordedBy, reason: $0.reason, name: $0.name,
                  detail: $0.detail, recordedAt: StoredCode.date(microseconds: $0.recordedAt))
        }
    }

    /// The metadata as a JSON object, keys sorted.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        } catch {
            throw CorruptValue("the tombstone of \(reference) cannot be written as JSON: \(error)")
        }
    }

    /// Reads a tombstone's metadata back.
    public init(json text: String) throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            self = try decoder.decode(TombstoneMetadata.self, from: Data(text.utf8))
        } catch {
            throw CorruptValue("a tombstone's metadata is not the JSON Sablier writes: \(error)")
        }
    }
}
