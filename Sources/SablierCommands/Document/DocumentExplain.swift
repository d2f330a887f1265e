import ArgumentParser
import SablierApplication

/// `sablier document explain REF`: the retention computation, numbered step by step.
struct DocumentExplain: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a document's retention step by step: rule, copy, trigger, year end, periods, remarks, holds, what is due."
    )

    @Argument(help: "The document's reference.") var reference: String
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let explanation = try await sablier.explainDocument(session, reference, asOf: asOf.asOf?.date)
        Console.out(explanation.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n"))
    }
}
