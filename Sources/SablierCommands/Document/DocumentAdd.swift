import SablierApplication
import SablierCore
import ArgumentParser
import Foundation
import SablierRegister

/// `sablier document add`: registers one document.
struct DocumentAdd: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Register one document under a rule of the calendar in force.",
        discussion: "A digital document names its file with --path: Sablier measures it (SHA-256, size, format) now."
    )

    @Option(help: "Reference, unique in the organisation (cote).") var reference: String
    @Option(help: "Title of the dossier or document.") var title: String
    @Option(help: "Rule number in the calendar in force.") var rule: String
    @Option(help: "Copy: principal (P) or secondaire (S).") var copy: String = "principal"
    @Option(help: "Support code: PA papier, DM numérique, FI film, MI microfilm, …") var support: String
    @Option(help: "Holder unit (unité détentrice).") var holder: String
    @Option(help: "Opening date, YYYY-MM-DD.") var opened: String = ""
    @Option(help: "Closing date, YYYY-MM-DD (empty while the dossier is open).") var closed: String = ""
    @Option(help: "A digital document's file.") var path: String = ""
    @Option(help: "Where a non-digital document is: building / room / shelving.") var location: String = ""
    @Option(help: "The box it sits in (registered with `sablier box add`).") var box: String = ""
    @Option(help: "An 888 event that already occurred (e.g. \"fin de l'emploi\").") var event: String = ""
    @Option(name: .customLong("event-date"), help: "The date of --event, YYYY-MM-DD.") var eventDate: String = ""
    @Option(help: "Reference of the earlier version this document replaces (999).") var replaces: String = ""
    @Option(name: .customLong("digitized-from"), help: "Reference of the original this is a digitized copy of.") var digitizedFrom: String = ""
    @Option(name: .customLong("identifier"), help: "A free identifier, name=value (repeatable).") var identifiers: [String] = []
    @Option(help: "When it is already in semi-active storage: the day it went there, YYYY-MM-DD.") var transferred: String = ""

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        var draft = DocumentDraft()
        draft.reference = reference; draft.title = title; draft.rule = rule; draft.copy = copy; draft.support = support
        draft.holder = holder; draft.opened = opened; draft.closed = closed; draft.path = path; draft.location = location
        draft.box = box; draft.event = event; draft.eventDate = eventDate; draft.replaces = replaces
        draft.digitizedFrom = digitizedFrom; draft.identifiers = identifiers.joined(separator: ";"); draft.transferred = transferred
        let registered = try await sablier.registerDocument(session, draft)
        Console.report(registered.warnings)
        let d = registered.document
        Console.out("\(d.reference): registered under rule \(d.rule) (\(d.copy))" + (d.file.map { ", file \($0.path) sha256 \($0.sha256)" } ?? ""))
    }
}
