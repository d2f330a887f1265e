import SablierStore
import ArgumentParser
import Foundation
import SablierCore

/// `sablier document event REF KIND`: appends a life-cycle event.
struct DocumentEvent: GuardedCommand {
    static let permission = Permission.recordEvents

    static let configuration = CommandConfiguration(
        commandName: "event",
        abstract: "Record a life-cycle event on a document (appended, never edited).",
        discussion: """
            Kinds: created, modified (traitement), disseminated (diffusion), closed, event-occurred (the \
            event an 888 period waits for: give --name), replaced (--detail: the newer document), \
            transferred (to semi-active storage), anonymized, digitized (--detail: the digitized copy). \
            Destruction, deposit and sorting go through `sablier disposition`; holds through `sablier hold`.
            """
    )

    static let allowed: [LifecycleEventKind] = [.created, .modified, .disseminated, .closed, .eventOccurred, .replaced, .transferred, .anonymized, .digitized]

    @Argument(help: "The document's reference.") var reference: String
    @Argument(help: "The kind of event.") var kind: String
    @Option(help: "The day it happened, YYYY-MM-DD (default: today).") var on: CivilDateArgument?
    @Option(help: "For event-occurred: the event's name (e.g. \"fin de l'emploi\").") var name: String?
    @Option(help: "Why, in words.") var reason: String?
    @Option(help: "For replaced or digitized: the other document's reference.") var detail: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(with access: Access) async throws {
        guard let kind = LifecycleEventKind(rawValue: kind), Self.allowed.contains(kind) else {
            throw CommandFailure.invalid("'\(kind)' is not an event this command records; kinds: "
                + Self.allowed.map(\.rawValue).joined(separator: ", "))
        }
        if kind == .eventOccurred && (name ?? "").trimmingSpaces().isEmpty {
            throw CommandFailure.invalid("event-occurred needs --name, the event an 888 period waits for")
        }
        let event = LifecycleEvent(kind: kind, on: on?.date ?? CivilDateArgument.today(), by: access.user.name,
                                   reason: reason, name: name, detail: detail)
        let options = self.store
        let store = try options.openRegister()
        guard let target = try await store.document(reference) else { throw CommandFailure.noSuchDocument(reference) }
        try await Visibility.load(access, store: options).require(reference, holder: target.document.holder, store: options, command: "event")
        let recorded = try await store.appendEvent(event, to: reference, at: Date())
        let document = try await store.document(reference)
        var text = "\(reference): \(kind.rawValue) on \(event.on) recorded (event \(recorded.sequence))"
        if let document {
            if let due = document.retention.dueOn { text += "; next due \(due)" }
            if let wait = document.retention.waiting { text += "; waits for \(wait.label)" }
        }
        Console.out(text)
    }
}
