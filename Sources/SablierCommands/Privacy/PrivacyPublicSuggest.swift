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
                are listed, most frequent first, with the privacy public add command that declares each public. \
                Nothing becomes public until you run that command: suggest writes only its audit entry.
                """
        )

        @Option(name: .customLong("min-documents"), help: "Propose a value found in at least this many documents…")
        var minDocuments = Sablier.suggestionMinDocuments
        @Option(name: .customLong("min-units"), help: "…held by at least this many units (holders).")
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
            var command: String
        }

        func run(_ sablier: Sablier, _ session: Session) async throws {
            let progress = ProgressReporter(label: "documents")
            let found = try await sablier.suggestPublicIdentifiers(session, minDocuments: minDocuments, minUnits: minUnits,
                                                                   progress: progress.update)
            progress.finish()
            let lines = found.suggestions.map {
                Line(kind: $0.kind, value: $0.value, documents: $0.documents, units: $0.units, command: Self.command($0))
            }
            let table = Table(columns: ["kind", "value", "documents", "units", "confirm_with"], rows: lines.map {
                [$0.kind, $0.value, String($0.documents), String($0.units), $0.command]
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
