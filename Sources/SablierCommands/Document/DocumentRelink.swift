import ArgumentParser
import SablierApplication
import SablierCore
import SablierRegister

/// `sablier document relink REF --path NEW` and `sablier document relink --from-dir OLD --to-dir NEW`:
/// points documents at their moved files, when the SHA-256 is unchanged.
struct DocumentRelink: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "relink",
        abstract: "Point a document (or every document of a moved folder) at its moved file, if its SHA-256 is unchanged.",
        discussion: """
            REF --path NEW: the file at NEW must have the SHA-256 recorded for REF. \
            --from-dir OLD --to-dir NEW: every document whose file was under OLD is looked for at the same place under NEW, \
            then anywhere under NEW by size and SHA-256; the files it cannot match are listed with why \
            (not-found, hash-differs, ambiguous, refused) and the exit status is 1. \
            A relink closes the integrity incidents that found the file missing.
            """
    )

    @Argument(help: "The document's reference (with --path).") var reference: String?
    @Option(help: "The file's new path.") var path: String?
    @Option(help: "The folder the files were moved out of.") var fromDir: String?
    @Option(help: "The folder the files were moved to.") var toDir: String?
    @Flag(help: "With --from-dir: list what would be relinked, write nothing.") var dryRun = false
    @Option(help: "Why, in words.") var reason: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        let tree = fromDir != nil || toDir != nil
        if tree {
            guard fromDir != nil, toDir != nil else { throw ValidationError("give both --from-dir and --to-dir") }
            guard reference == nil, path == nil else { throw ValidationError("give REF --path NEW, or --from-dir OLD --to-dir NEW, not both") }
        } else {
            guard reference != nil, path != nil else { throw ValidationError("give REF --path NEW, or --from-dir OLD --to-dir NEW") }
            guard !dryRun else { throw ValidationError("--dry-run goes with --from-dir and --to-dir") }
        }
    }

    func run(_ sablier: Sablier, _ session: Session) async throws {
        if let reference, let path {
            let relinked = try await sablier.relinkDocument(session, reference, path: path, reason: reason)
            let table = Table(columns: ["reference", "from", "to", "incidents_closed"],
                              rows: [[relinked.reference, relinked.from, relinked.to, relinked.closedIncidents.map(String.init).joined(separator: ",")]])
            try Listing.print(output, table: table, json: relinked)
            return
        }
        guard let fromDir, let toDir else { return }
        let tree = try await sablier.relinkTree(session, from: fromDir, to: toDir, dryRun: dryRun, reason: reason)
        let done = tree.dryRun ? "would-relink" : "relinked"
        let rows = tree.relinked.map { [$0.reference, done, $0.from, $0.to] }
            + tree.unmatched.map { [$0.reference, $0.why.rawValue, $0.path, $0.candidates.joined(separator: " | ")] }
        try Listing.print(output, table: Table(columns: ["reference", "status", "from", "to"], rows: rows), json: tree)
        let verb = tree.dryRun ? "would be relinked" : "relinked"
        Console.error("relink: \(tree.relinked.count) file\(tree.relinked.count == 1 ? "" : "s") \(verb), \(tree.inPlace) still in place, "
                      + "\(tree.unmatched.count) not matched")
        if !tree.unmatched.isEmpty { throw ExitCode.failure }
    }
}
