import ArgumentParser
import SablierApplication
import SablierCore

/// `sablier document event REF KIND`: appends a life-cycle event; `--csv FILE` one a line for
/// a cohort; `--query Q KIND` one to every document a query selects.
struct DocumentEvent: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "event",
        abstract: "Record a life-cycle event on a document, or on a whole cohort (appended, never edited).",
        usage: """
            sablier document event REF KIND [--on D] [--name N] [--reason R] [--detail D]
            sablier document event --csv FILE [--dry-run]
            sablier document event --query Q KIND [--on D] [--name N] [--reason R] [--yes]
            """,
        discussion: """
            Kinds: created, modified (traitement), disseminated (diffusion), closed, event-occurred (the \
            event an 888 period waits for: give --name), replaced (--detail: the newer document), \
            transferred (to semi-active storage), anonymized, digitized (--detail: the digitized copy). \
            Destruction, deposit and sorting go through `sablier disposition`; holds through `sablier hold`. \
            --csv FILE: columns reference,kind,on,name,reason (or cote,type,date,événement,motif), one event a line, \
            all or nothing: every bad line is reported. --query: without --yes, only says how many documents it selects.
            """
    )

    @Argument(help: "REF KIND; with --query, KIND alone; with --csv, nothing.") var words: [String] = []
    @Option(help: "The day it happened, YYYY-MM-DD (default: today).") var on: CivilDateArgument?
    @Option(help: "For event-occurred: the event's name (e.g. \"fin de l'emploi\").") var name: String?
    @Option(help: "Why, in words.") var reason: String?
    @Option(help: "For replaced or digitized: the other document's reference.") var detail: String?
    @Option(help: "An events file: one event a line, all or nothing.") var csv: String?
    @Flag(help: "With --csv: check every line, write nothing.") var dryRun = false
    @Option(help: ArgumentHelp("Every document this query selects (as `document list --query`).")) var query: String?
    @Flag(help: "With --query: record the events (without it, only count the documents).") var yes = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if csv != nil {
            guard query == nil, words.isEmpty else { throw ValidationError("--csv FILE takes no reference, kind nor --query") }
            guard on == nil, name == nil, reason == nil, detail == nil, !yes else {
                throw ValidationError("with --csv, the day, name and reason of each event are columns of the file")
            }
        } else if query != nil {
            guard words.count == 1 else { throw ValidationError("--query Q takes the kind of event alone: document event --query Q KIND") }
            guard detail == nil, !dryRun else { throw ValidationError("--query takes --on, --name, --reason and --yes") }
        } else {
            guard words.count == 2 else { throw ValidationError("give REF KIND, --csv FILE, or --query Q KIND") }
            guard !dryRun, !yes else { throw ValidationError("--dry-run goes with --csv, --yes with --query") }
        }
    }

    func run(_ sablier: Sablier, _ session: Session) async throws {
        if let csv {
            let cohort = try await sablier.recordCohortEvents(session, file: csv, dryRun: dryRun)
            Console.report(cohort.diagnostics)
            try print(cohort, done: dryRun ? "checked, nothing written (dry run)" : "recorded")
        } else if let query {
            let cohort = try await sablier.recordEvents(session, query: query, kind: words[0], on: on?.date, name: name, reason: reason,
                                                        confirm: yes)
            try print(cohort, done: yes ? "recorded" : "selected, nothing written")
            if cohort.leftOut > 0 {
                Console.error("left out: \(cohort.leftOut) document(s), which cannot take this event:")
                for left in cohort.leftOutDocuments.prefix(output.format == .table ? 20 : Int.max) {
                    Console.error("  \(left.reference): \(MessageCatalogue.message(left.refusal, in: actor.language))")
                }
                if output.format == .table, cohort.leftOutDocuments.count > 20 { Console.error("  … and \(cohort.leftOutDocuments.count - 20) more") }
            }
            if !yes {
                Console.error("to record them: the same command with --yes")
            }
        } else {
            let reference = words[0]
            let recorded = try await sablier.recordEvent(session, reference, kind: words[1], on: on?.date, name: name, reason: reason,
                                                         detail: detail)
            if output.format == .json { return Console.out(try JSONOutput.render(recorded)) }
            var text = "\(reference): \(recorded.event.kind) on \(recorded.event.on) recorded (event \(recorded.event.sequence))"
            if let due = recorded.nextDue { text += "; next due \(due)" }
            if let wait = recorded.waiting { text += "; waits for \(wait)" }
            Console.out(text)
        }
    }

    /// The cohort's events, one a row (the first ten in a table), and a line counting them by
    /// kind and saying what was done.
    private func print(_ cohort: CohortEvents, done: String) throws {
        let shown = output.format == .table ? Array(cohort.events.prefix(10)) : cohort.events
        try Listing.print(output, table: Table(columns: ["reference", "kind", "on", "name"], rows: shown.map { [$0.reference, $0.kind, $0.on, $0.name ?? ""] }),
                          json: cohort)
        if shown.count < cohort.events.count { Console.error("… and \(cohort.events.count - shown.count) more") }
        let counts = cohort.kinds.map { "\(cohort.countByKind[$0] ?? 0) \($0)" }.joined(separator: ", ")
        Console.error("events: \(cohort.count) (\(counts.isEmpty ? "none" : counts)) \(done); references SHA-256 \(cohort.referencesSHA256)")
    }
}
