import SablierCore
import ArgumentParser
import Foundation
import SablierStore

/// `sablier hold …`: holds (gels) stop destruction of the documents they cover.
struct HoldCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hold",
        abstract: "Place, release and list holds (gels): a held document is never destroyed.",
        subcommands: [HoldPlace.self, HoldRelease.self, HoldList.self]
    )
}

struct HoldPlace: GuardedCommand {
    static let permission = Permission.manageHolds

    static let configuration = CommandConfiguration(
        commandName: "place",
        abstract: "Place a hold on a document, on every document of a rule (now and later), or on the documents a query selects."
    )

    @Option(help: "Why (litigation, access request, audit, …).") var reason: String
    @Option(help: "One document, by reference.") var document: String?
    @Option(help: "Every document of a rule, including those registered later.") var rule: String?
    @Option(help: "The documents a query selects now, e.g. \"holder=RH; closed<2020-07-01\" (see `document list --help`).") var query: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(with access: Access) async throws {
        let scopes = [document.map(Hold.Scope.document), rule.map(Hold.Scope.rule)].compactMap { $0 }
        var scope: Hold.Scope
        switch (scopes.first, query) {
        case (let only?, nil) where scopes.count == 1: scope = only
        case (nil, let text?):
            do { scope = .query(try DocumentQuery(parsing: text)) } catch { throw CommandFailure.invalid(error.description) }
        default: throw CommandFailure.invalid("give exactly one of --document, --rule or --query")
        }
        guard !reason.trimmingSpaces().isEmpty else { throw CommandFailure.invalid("--reason must say why") }
        let hold = try await store.openRegister().placeHold(scope, reason: reason, by: access.user.name, at: Date())
        Console.out("hold \(hold.id) placed on \(hold.scope.code) \(hold.scope.target): \(hold.documentCount) document\(hold.documentCount == 1 ? "" : "s") held")
    }
}

struct HoldRelease: GuardedCommand {
    static let permission = Permission.manageHolds

    static let configuration = CommandConfiguration(commandName: "release", abstract: "Release a hold.")

    @Argument(help: "The hold's number.") var id: Int
    @Option(help: "Why it ends.") var reason: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(with access: Access) async throws {
        let hold = try await store.openRegister().releaseHold(id, reason: reason, by: access.user.name, at: Date())
        Console.out("hold \(hold.id) released: \(hold.documentCount) document\(hold.documentCount == 1 ? "" : "s") no longer held by it")
    }
}

struct HoldList: GuardedCommand {
    static let permission = Permission.readHolds

    static let configuration = CommandConfiguration(commandName: "list", abstract: "List holds (active ones unless --all).")

    @Flag(help: "Include released holds.") var all = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    struct Entry: Encodable {
        var id: Int
        var scope: String
        var target: String
        var reason: String
        var placedAt: Date
        var placedBy: String
        var releasedAt: Date?
        var releasedBy: String?
        var documents: Int
    }

    func run(with access: Access) async throws {
        // A unit-scoped reader (détenteur) sees the holds that cover documents of its unit:
        // another unit's hold names its documents and why they are held.
        let holds = try await store.openRegister().holds(includingReleased: all)
            .filter { hold in access.scope == .all || hold.holderUnits.contains { access.reaches(holder: $0) } }
        let entries = holds.map {
            Entry(id: $0.id, scope: $0.scope.code, target: $0.scope.target, reason: $0.reason, placedAt: $0.placedAt,
                  placedBy: $0.placedBy, releasedAt: $0.releasedAt, releasedBy: $0.releasedBy, documents: $0.documentCount)
        }
        let table = Table(columns: ["id", "scope", "target", "documents", "placed_by", "released", "reason"],
                          rows: entries.map { [String($0.id), $0.scope, $0.target, String($0.documents), $0.placedBy,
                                               $0.releasedAt == nil ? "" : "yes", $0.reason] })
        try Listing.print(output.format, table: table, json: entries)
    }
}
