import Foundation
import SablierCore
import SablierRegister
import SablierStore

/// The JSON shapes of the register commands, documented in the README. Keys are stable;
/// dates are `YYYY-MM-DD`, instants ISO 8601.
enum RegisterJSON {
    /// A document in a listing.
    struct DocumentEntry: Encodable {
        var reference: String
        var title: String
        var rule: String
        var copy: String
        var support: String
        var holder: String
        var opened: String?
        var closed: String?
        var phase: String
        var held: Bool
        var transferOn: String?
        var finalOn: String?
        var finalAction: String?
        var dueOn: String?
        var waiting: String?
        var file: DigitalFile?
        var location: String?
        var box: String?
        var digitizedFrom: String?
        var replaces: String?
        var identifiers: [String: String]
        var registeredAt: Date
        var registeredBy: String

        init(_ item: RegisteredDocument) {
            let d = item.document
            reference = d.reference; title = d.title; rule = d.rule; copy = d.copy.rawValue; support = d.support.code
            holder = d.holder; opened = d.openedOn?.description; closed = d.closedOn?.description
            phase = item.phase.rawValue; held = item.held
            transferOn = item.retention.transferOn?.description; finalOn = item.retention.finalOn?.description
            finalAction = item.retention.finalAction?.rawValue; dueOn = item.retention.dueOn?.description
            waiting = item.retention.waiting?.code; file = d.file; location = d.location?.description; box = d.box
            digitizedFrom = d.digitizedFrom; replaces = d.replaces; identifiers = d.identifiers
            registeredAt = item.registeredAt; registeredBy = item.registeredBy
        }
    }

    struct Event: Encodable {
        var sequence: Int
        var kind: String
        var on: String
        var by: String
        var reason: String?
        var name: String?
        var detail: String?
        var recordedAt: Date
    }

    /// `document show --format json`.
    struct DocumentDetail: Encodable {
        var document: DocumentEntry
        var events: [Event]
        var asOf: String
        var due: DueNow?
        var explanation: [String]

        struct DueNow: Encodable {
            var action: String
            var due: String
        }

        init(_ explanation: RetentionExplanation) {
            document = DocumentEntry(explanation.document)
            events = explanation.events.map {
                Event(sequence: $0.sequence, kind: $0.event.kind.rawValue, on: $0.event.on.description, by: $0.event.by,
                      reason: $0.event.reason, name: $0.event.name, detail: $0.event.detail, recordedAt: $0.recordedAt)
            }
            asOf = explanation.asOf.description
            due = explanation.due.map { DueNow(action: $0.action.rawValue, due: $0.on.description) }
            self.explanation = explanation.lines
        }
    }

    /// A line of `sablier due --format json`.
    struct DueEntry: Encodable {
        var reference: String
        var title: String
        var rule: String
        var copy: String
        var support: String
        var holder: String
        var action: String
        var due: String
        var held: Bool

        init(_ item: DueDocument) {
            reference = item.reference; title = item.title; rule = item.rule; copy = item.copy.rawValue
            support = item.support; holder = item.holder; action = item.action.rawValue; due = item.due.description
            held = item.held
        }
    }

    /// The record's fields as label/value pairs, for the table and CSV views.
    static func fields(_ item: RegisteredDocument) -> [[String]] {
        let d = item.document
        var rows: [[String]] = [
            ["reference", d.reference], ["title", d.title], ["rule", d.rule], ["copy", d.copy.rawValue],
            ["support", d.support.code], ["holder", d.holder], ["opened", d.openedOn?.description ?? ""],
            ["closed", d.closedOn?.description ?? ""],
        ]
        if let file = d.file {
            rows += [["file", file.path], ["sha256", file.sha256], ["size", String(file.size)], ["format", file.format]]
        }
        rows += [["location", d.location?.description ?? ""], ["box", d.box ?? ""],
                 ["digitized_from", d.digitizedFrom ?? ""], ["replaces", d.replaces ?? ""]]
        for (name, value) in d.identifiers.sorted(by: { $0.key < $1.key }) { rows.append(["id:" + name, value]) }
        rows += [
            ["phase", item.phase.rawValue], ["held", item.held ? "yes" : "no"],
            ["transfer_on", item.retention.transferOn?.description ?? ""], ["final_on", item.retention.finalOn?.description ?? ""],
            ["final_action", item.retention.finalAction?.rawValue ?? ""], ["waiting", item.retention.waiting?.label ?? ""],
            ["calendar_version", String(item.retention.calendarVersion)], ["registered_by", item.registeredBy],
        ]
        return rows
    }
}
