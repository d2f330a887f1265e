import SablierStore
import ArgumentParser
import SablierCore
import SablierRegister

/// `sablier document explain REF`: the retention computation, step by step.
struct DocumentExplain: GuardedCommand {
    static let permission = Permission.readDocuments

    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a document's retention step by step: rule, copy, trigger, year end, periods, remarks, holds."
    )

    @Argument(help: "The document's reference.") var reference: String
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(with access: Access) async throws {
        guard let explanation = try await RetentionExplanation.explain(reference, asOf: asOf.date, store: try store.openRegister()) else {
            throw CommandFailure.noSuchDocument(reference)
        }
        try await Visibility.load(access, store: store).require(reference, holder: explanation.document.document.holder, store: store,
                                                                 command: Self.configuration.commandName ?? "document")
        Console.out(explanation.lines.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n"))
    }
}
