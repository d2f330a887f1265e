import ArgumentParser
import SablierApplication
import SablierCore

/// `sablier document correct REF --title … --reason …`: corrects registered fields of a document.
struct DocumentCorrect: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Correct registered fields of a document (a typo, a wrong holder unit or date), saying why.",
        discussion: """
            The old and new values go to the document's history (a `corrected` event) and to the audit \
            trail, and its dates are recounted. `none` empties --opened, --closed, --location or --box. A \
            destroyed or deposited document cannot be corrected; a held one can, and stays held. A \
            détenteur corrects their own unit's documents and cannot hand one to another unit. A moved \
            file is not corrected here: see `sablier document relink`.
            """
    )

    @Argument(help: "The document's reference.") var reference: String
    @Option(help: "The corrected title.") var title: String?
    @Option(help: "The corrected holder unit (unité détentrice).") var holder: String?
    @Option(help: "The corrected opening date, YYYY-MM-DD, or none.") var opened: String?
    @Option(help: "The corrected closing date, YYYY-MM-DD, or none.") var closed: String?
    @Option(help: "The corrected support code (PA papier, DM numérique, …).") var support: String?
    @Option(help: "Where a non-digital document is: \"building / room / shelving\", or none.") var location: String?
    @Option(help: "The registered box it sits in, or none.") var box: String?
    @Option(help: "Why the record is corrected (required).") var reason: String
    /// Accepted only to be refused with the command that does it: `document relink`.
    @Option(help: .hidden) var path: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if [title, holder, opened, closed, support, location, box, path].allSatisfy({ $0 == nil }) {
            throw ValidationError("Give at least one field to correct: --title, --holder, --opened, --closed, --support, --location or --box.")
        }
    }

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let form = CorrectionForm(title: title, holder: holder, opened: opened, closed: closed, support: support, location: location,
                                  box: box, reason: reason, path: path)
        let result = try await sablier.correctDocument(session, reference, form)
        let table = Table(columns: ["field", "from", "to"], rows: result.changes.map { [$0.field, $0.from ?? "", $0.to ?? ""] }
            + [["due_on", result.before.dueOn ?? result.before.waiting ?? "", result.after.dueOn ?? result.after.waiting ?? ""]])
        try Listing.print(output, table: table, json: result)
        Console.error("\(reference): corrected (event \(result.event.sequence)); "
            + "\(result.before.summary) → \(result.after.summary)")
    }
}
