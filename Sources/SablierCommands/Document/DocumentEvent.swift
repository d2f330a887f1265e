import ArgumentParser
import SablierApplication
import SablierCore

/// `sablier document event REF KIND`: appends a life-cycle event.
struct DocumentEvent: UseCaseCommand {
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

    @Argument(help: "The document's reference.") var reference: String
    @Argument(help: "The kind of event.") var kind: String
    @Option(help: "The day it happened, YYYY-MM-DD (default: today).") var on: CivilDateArgument?
    @Option(help: "For event-occurred: the event's name (e.g. \"fin de l'emploi\").") var name: String?
    @Option(help: "Why, in words.") var reason: String?
    @Option(help: "For replaced or digitized: the other document's reference.") var detail: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let recorded = try await sablier.recordEvent(session, reference, kind: kind, on: on?.date, name: name, reason: reason, detail: detail)
        var text = "\(reference): \(recorded.event.kind) on \(recorded.event.on) recorded (event \(recorded.event.sequence))"
        if let due = recorded.nextDue { text += "; next due \(due)" }
        if let wait = recorded.waiting { text += "; waits for \(wait)" }
        Console.out(text)
    }
}
