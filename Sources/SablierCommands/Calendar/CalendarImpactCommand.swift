import ArgumentParser
import Foundation
import SablierCore
import SablierImport
import SablierRegister
import SablierStore

/// `sablier calendar impact V1 V2`: the documents whose dates or actions a calendar change moves.
struct CalendarImpactCommand: GuardedCommand {
    static let permission = Permission.readDocuments

    static let configuration = CommandConfiguration(
        commandName: "impact",
        abstract: "List the documents whose retention dates or actions differ between two calendars.",
        discussion: """
            FROM and TO are stored version numbers; TO may also be a calendar file not yet imported \
            (it is read and applied to the latest version as `calendar import --dry-run` would, and \
            nothing is stored), so the records manager sees the impact before importing.
            """
    )

    @Argument(help: "The version counted from (a number).") var from: Int
    @Argument(help: "The version counted to: a number, or a calendar file to import later.") var to: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    struct Entry: Encodable {
        var reference: String
        var rule: String
        var copy: String
        var before: Dates
        var after: Dates
    }

    struct Dates: Encodable {
        var transferOn: String?
        var finalOn: String?
        var finalAction: String?
        var waiting: String?

        init(_ status: RetentionStatus) {
            transferOn = status.transferOn?.description
            finalOn = status.finalOn?.description
            finalAction = status.finalAction?.rawValue
            waiting = status.waiting?.code
        }

        var text: String {
            if let waiting { return "attend " + waiting }
            return [transferOn.map { "transfert \($0)" }, finalOn.map { "\(finalAction ?? "-") \($0)" }].compactMap { $0 }.joined(separator: ", ")
        }
    }

    func run(with access: Access) async throws {
        let store = try store.openRegister()
        let fromInfo = try await store.resolveVersion(from)
        guard let old = try await store.calendar(version: fromInfo.number) else { throw CommandFailure.noSuchVersion(from, available: nil) }
        let new: RetentionCalendar
        let newVersion: Int
        let label: String
        if let number = Int(to) {
            let info = try await store.resolveVersion(number)
            guard let calendar = try await store.calendar(version: info.number) else { throw CommandFailure.noSuchVersion(number, available: nil) }
            (new, newVersion, label) = (calendar, info.number, "version \(info.number)")
        } else {
            do {
                let preview = try await CalendarImporter(store: store).preview(path: to)
                Console.report(preview.diagnostics)
                let next = (try await store.latestCalendarVersion()?.number ?? 0) + 1
                (new, newVersion, label) = (preview.calendar, next, "\(to) (not imported)")
            } catch let error as CalendarImportError {
                Console.report(error.diagnostics)
                throw CommandFailure.rejected(error.description)
            }
        }
        let impact = try await CalendarImpact.compute(store: store, from: old, version: fromInfo.number, to: new, version: newVersion)
        let visibility = try await Visibility.load(access, store: self.store)
        let entries = impact.changes.filter { visibility.allows($0.reference, holder: $0.holder) }.map {
            Entry(reference: $0.reference, rule: $0.rule, copy: $0.copy.rawValue, before: Dates($0.before), after: Dates($0.after))
        }
        let table = Table(columns: ["reference", "rule", "copy", "before (version \(fromInfo.number))", "after (\(label))"],
                          rows: entries.map { [$0.reference, $0.rule, $0.copy, $0.before.text, $0.after.text] })
        try Listing.print(output.format, table: table, json: entries)
        Console.error("impact of version \(fromInfo.number) → \(label): \(entries.count) of \(impact.examined) documents under changed rules would change")
    }
}
