import SablierApplication
import ArgumentParser
import Foundation
import SablierCore
import SablierRegister

/// `sablier document import FILE.csv`: registers many documents, all or nothing.
struct DocumentImport: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Register the documents of a CSV file (header row; see the README for the columns).",
        discussion: """
            Required columns: reference,title,rule,copy,support,holder,opened,closed. Optional: path, \
            location (building / room / shelving), building, room, shelving, box, event, event_date, \
            replaces, digitized_from, identifiers (name=value; name=value). Every problem is printed as \
            FILE:LINE:COLUMN: error: column NAME: message. By default any bad row rejects the whole \
            file and nothing is written.
            """
    )

    @Argument(help: "The CSV file (comma, semicolon or tab separated, UTF-8).")
    var file: String

    @Flag(name: .customLong("skip-invalid"), help: "Register the good rows and list the rejected ones, instead of rejecting the file.")
    var skipInvalid = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let outcome = try await sablier.importDocuments(session, file: file, skipInvalid: skipInvalid)
        Console.report(outcome.diagnostics)
        var summary = "\(file): \(outcome.registered) document\(outcome.registered == 1 ? "" : "s") registered"
        let rejected = outcome.rejectedLines
        if !rejected.isEmpty {
            summary += "; \(rejected.count) row\(rejected.count == 1 ? "" : "s") rejected (line\(rejected.count == 1 ? "" : "s") "
                + rejected.map(String.init).joined(separator: ", ") + ")"
        }
        Console.out(summary)
    }
}
