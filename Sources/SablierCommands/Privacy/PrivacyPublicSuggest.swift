import ArgumentParser
import Foundation
import SablierApplication
import SablierCore

extension PrivacyPublic {
    /// `sablier privacy public suggest`: the letterhead the register repeats, proposed to the
    /// AIPRP officer, who confirms each value with `privacy public add`.
    struct Suggest: UseCaseCommand {
        static let configuration = CommandConfiguration(
            commandName: "suggest",
            abstract: "Propose the telephone numbers, postal codes, e-mail domains and addresses that recur in many documents of many units.",
            discussion: """
                Reads the text of every registered document with a file (as privacy scan --all) and counts, for each \
                telephone number, postal code, e-mail domain and street address found, the documents holding it and \
                their units (holders). Those found in at least --min-documents documents of at least --min-units units \
                are listed, most frequent first, with up to three documents that hold it (look at them before \
                confirming) and the privacy public add command that declares each public. Nothing becomes public until \
                you run that command: suggest writes only its audit entry.

                The thresholds go no lower than 3 documents of 2 units. Even there, the list may show a person's \
                telephone number, postal code or address (a family with children in two schools) in clear, to you \
                alone, who may read every document anyway: confirm only the organisation's own.

                Time and memory: every document's text is read, as privacy scan --all reads it (minutes on a large \
                register); the register's list of documents is loaded at once, and the values found are counted in \
                memory: at most 1,000 of each kind per document, and the values of the last 50,000 documents plus \
                those already proposed. Run it now and then, not on a schedule.
                """
        )

        @Option(name: .customLong("min-documents"), parsing: .unconditional, help: "Propose a value found in at least this many documents (3 or more)…")
        var minDocuments = Sablier.suggestionMinDocuments
        @Option(name: .customLong("min-units"), parsing: .unconditional, help: "…held by at least this many units (holders; 2 or more).")
        var minUnits = Sablier.suggestionMinUnits
        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var output: OutputOptions

        /// One line: the suggestion and the command that confirms it.
        struct Line: Encodable {
            var kind: String
            var value: String
            var documents: Int
            var units: Int
            var examples: [String]
            var command: String
        }

        func run(_ sablier: Sablier, _ session: Session) async throws {
            let progress = ProgressReporter(label: "documents")
            let found = try await sablier.suggestPublicIdentifiers(session, minDocuments: minDocuments, minUnits: minUnits,
                                                                   progress: progress.update)
            progress.finish()
            let lines = found.suggestions.map {
                Line(kind: $0.kind, value: $0.value, documents: $0.documents, units: $0.units, examples: $0.examples, command: Self.command($0))
            }
            let table = Table(columns: ["kind", "value", "documents", "units", "for_example", "confirm_with"], rows: lines.map {
                [$0.kind, $0.value, String($0.documents), String($0.units), $0.examples.joined(separator: " "), $0.command]
            })
            if output.format == .table {
                Console.out(table.renderText(maxCellWidth: 160))
            } else {
                try Listing.print(output, table: table, json: lines)
            }
            let read = found.documentsRead
            Console.error("privacy public suggest: \(read) document\(read == 1 ? "" : "s") read; \(lines.count) proposed "
                + "(at least \(found.minDocuments) documents of \(found.minUnits) units); nothing is public until you run privacy public add"
                + (found.unreadable > 0 ? "; \(found.unreadable) could not be read (privacy scan --all names them)" : "")
                + (found.withheld > 0 ? "; withheld \(found.withheld) (documents you may not see)" : ""))
        }

        /// `sablier privacy public add --phone 8195550100`, the value quoted for a shell when it
        /// holds anything but letters, digits, `.`, `-` and `@`.
        static func command(_ suggestion: PublicIdentifierSuggestion) -> String {
            let plain = suggestion.value.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || ".-@".unicodeScalars.contains($0)) }
            let value = plain ? suggestion.value : "'" + suggestion.value.replacingOccurrences(of: "'", with: "'\\''") + "'"
            return "sablier privacy public add --\(suggestion.kind) \(value)"
        }
    }
}
