import SablierCore
import ArgumentParser
import SablierStore

/// `sablier document list`: the register, or the documents a query selects.
struct DocumentList: GuardedCommand {
    static let permission = Permission.readDocuments

    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List registered documents, optionally those a query selects."
    )

    @Option(help: ArgumentHelp("Select documents: terms `field OP value` joined by `;`, e.g. \"holder=RH; closed<2020-07-01\".",
                               discussion: "Fields: reference, title, rule, copy, support, holder, box, phase, opened, closed. Operators: = ~ ^= < <= > >=."))
    var query: String?

    @Option(help: "At most this many documents.") var limit: Int?

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(with access: Access) async throws {
        let parsed: DocumentQuery?
        do { parsed = try query.map { text throws(QueryError) in try DocumentQuery(parsing: text) } } catch { throw CommandFailure.invalid(error.description) }
        let visibility = try await Visibility.load(access, store: store)
        // The limit goes to the store unless documents may be hidden, which must be left out
        // before counting to the limit.
        let documents = try await store.openRegister().documents(matching: parsed, limit: visibility.allowsAll ? limit : nil)
            .filter { visibility.allows($0.document.reference, holder: $0.document.holder) }.prefix(limit ?? Int.max).map { $0 }
        let table = Table(
            columns: ["reference", "title", "rule", "copy", "support", "holder", "phase", "held", "due_on"],
            rows: documents.map { item in
                let d = item.document
                return [d.reference, d.title, d.rule, d.copy.rawValue, d.support.code, d.holder, item.phase.rawValue,
                        item.held ? "yes" : "no", item.retention.dueOn?.description ?? ""]
            })
        try Listing.print(output.format, table: table, json: documents.map(RegisterJSON.DocumentEntry.init))
    }
}
