import ArgumentParser
import SablierApplication
import SablierCore

/// `sablier disposition execute N`: carries an approved list out, or completes an execution
/// that was interrupted.
struct DispositionExecute: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "execute",
        abstract: "Carry out an approved disposition list: delete digital files, record paper destruction, deposits, sorts and transfers.",
        discussion: """
            Refused, before anything is done, for a list not approved or approved by its proposer, and \
            when an item is held (holds are checked again now), waits for the AIPRP officer's review, is \
            not yet due today, kept permanently (C) while it would be destroyed, or a sort without a \
            decision. Each item is committed as started (its certificate entry) before its file is \
            deleted, then recorded done with its event and, when destroyed, its tombstone: killed at any \
            point, run the command again and it completes. A file that is missing or no longer matches \
            its registered SHA-256 is not touched: it is reported, and the list stays incomplete (exit \
            status 1). So is a document confirmed with the measure anonymiser until its anonymised copy is \
            made (`privacy anonymize`), signed off by the AIPRP officer (`privacy sign-off`) and unchanged.
            """
    )

    @Argument(help: "The list's number.") var number: Int
    @Option(help: "How documents without a file are destroyed (paper, film): déchiquetage, incinération, … Required when the list destroys one.")
    var method: String?
    @Option(name: .customLong("vendor-certificate"), help: "The destruction vendor's certificate number, when a vendor destroyed them.")
    var vendorCertificate: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let outcome = try await sablier.executeDisposition(session, list: number, method: method, vendorCertificate: vendorCertificate)
        var lines: [String] = []
        for item in outcome.done {
            var line = "\(item.reference): \(item.outcome ?? item.action)"
            if item.destroys, let path = item.file { line += " (file \(path) deleted)" }
            lines.append(line)
        }
        let list = outcome.list
        if outcome.complete {
            lines.append("disposition list \(list.number) executed: " + DispositionWords.plural(list.items, "document")
                + " done; certificate: sablier disposition certificate \(list.number)")
        } else {
            lines.append("disposition list \(list.number) incomplete: \(list.done) of "
                + DispositionWords.plural(list.items, "document") + " done")
        }
        Console.out(lines.joined(separator: "\n"))
        // A document waiting for its anonymised copy or its sign-off is the flow going as planned,
        // not a file that failed its check: said apart, and counted apart.
        let waits = outcome.integrityProblems.filter { $0.problem == "not-anonymized" }
        let problems = outcome.integrityProblems.filter { $0.problem != "not-anonymized" }
        if !waits.isEmpty {
            Console.error(waits.map { "waits: " + DispositionWords.integrity($0) }.joined(separator: "\n"))
        }
        if !problems.isEmpty {
            Console.error(problems.map { "integrity problem: " + DispositionWords.integrity($0) }.joined(separator: "\n"))
        }
        if !outcome.integrityProblems.isEmpty {
            let waiting = waits.count == 1 ? "1 document waits for its anonymised copy or its sign-off"
                : "\(waits.count) documents wait for their anonymised copy or its sign-off"
            let reasons = [waits.isEmpty ? nil : waiting,
                           problems.isEmpty ? nil : DispositionWords.plural(problems.count, "integrity problem")].compactMap { $0 }
            Console.error("disposition list \(number) is incomplete: " + reasons.joined(separator: "; ")
                + "; once resolved, run `sablier disposition execute \(number)` again")
            throw ExitCode(1)
        }
    }
}
